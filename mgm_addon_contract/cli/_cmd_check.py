"""``mgm-contract check ADDON_DIR``: every contract clause against an addon folder."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from mgm_addon_contract.cli import app
from mgm_addon_contract.cli._errors import UserError, choice, output_dir
from mgm_addon_contract.cli._isolation import (
    FrameXmlOption,
    TrustedOption,
    WorkerMemoryOption,
    runner_for,
    usable_addon,
    use_framexml,
)

FORMATS = ("text", "json", "junit", "github", "sarif")


@app.command("check")
def check(
    addon: Annotated[Path, typer.Argument(help="Addon folder (or its .toc).")],
    budget: Annotated[int, typer.Option(min=1, help="Fuzzed runs per state machine and "
                                        "round.")] = 100,
    seconds: Annotated[float | None, typer.Option(min=0, help="Keep fuzzing with new seeds "
                                                  "until this many seconds have passed.")] = None,
    seed: Annotated[int, typer.Option(help="Fuzzing seed (same seed, same runs).")] = 0,
    profile: Annotated[str, typer.Option(help="Hypothesis profile: ci, dev or nightly.")] = "ci",
    regressions: Annotated[Path, typer.Option(help="Folder where shrunk counterexamples are "
                                              "saved and replayed from.")]
    = Path(".mgm-contract/regressions"),
    database: Annotated[str | None, typer.Option(help="Hypothesis example database the "
                                                 "fuzzing reuses and saves to: a folder or a "
                                                 "redis:// URL (default: none).")] = None,
    replay_db: Annotated[str | None, typer.Option(
        "--replay-db", help="Re-run every failure stored in this example database (a folder "
        "or a redis:// URL; e.g. a fuzzing campaign's) as a regression.")] = None,
    machine: Annotated[list[str] | None, typer.Option(help="Only these state machines: mail, "
                                                      "acceptance, who, gift.")] = None,
    output_format: Annotated[str, typer.Option("--format", help="text, json, junit, github "
                                               "(annotations) or sarif")] = "text",
    trusted: TrustedOption = False,
    framexml: FrameXmlOption = None,
    worker_memory: WorkerMemoryOption = None,
) -> None:
    """Load report, scenarios, fuzzing; per clause passed / failed / not exercised.

    Exit 0 when every MUST clause holds, 1 when one fails, 2 on unusable input."""
    from mgm_addon_contract.contract.check import run_check
    from mgm_addon_contract.contract.render import render_text, to_json, to_junit
    from mgm_addon_contract.fuzz import MACHINES
    from mgm_addon_contract.hypothesis_profiles import PROFILES
    from mgm_addon_contract.report.console import make_console
    from mgm_addon_contract.scenarios.steps import StepError
    from wowapi_stubs import AddonLoadError

    use_framexml(framexml)
    choice(output_format, FORMATS, "--format")
    choice(profile, PROFILES, "--profile")
    unknown = [m for m in machine or [] if m not in MACHINES]
    if unknown:
        raise UserError(f"--machine: unknown {', '.join(unknown)} (known: "
                        f"{', '.join(MACHINES)})")
    output_dir(regressions, "--regressions")
    fuzz_db = _database("--database", database)
    stored_db = _database("--replay-db", replay_db, must_exist=True)
    options = {"budget": budget, "seconds": seconds, "seed": seed, "profile": profile,
               "regressions": regressions, "machines": tuple(machine) if machine else None}
    usable_addon(addon)
    try:
        if trusted:
            report = run_check(addon, database=fuzz_db, replay_db=stored_db, **options)
        else:  # each part in the worker: a crash costs only the part that crashed
            with runner_for(trusted, worker_memory) as run:
                report = run_check(addon, database=database, replay_db=replay_db, runner=run,
                                   **options)
    except (AddonLoadError, StepError) as exc:
        raise UserError(str(exc)) from None
    if output_format == "json":
        typer.echo(json.dumps(to_json(report), indent=2, ensure_ascii=False))
    elif output_format == "junit":
        typer.echo(to_junit(report), nl=False)
    elif output_format in ("github", "sarif"):
        typer.echo(_ci_output(output_format, report), nl=False)
    else:
        render_text(make_console(), report)
    if report.interrupted:
        raise KeyboardInterrupt
    raise typer.Exit(0 if report.ok else 1)


def _ci_output(output_format: str, report) -> str:  # noqa: ANN001 - CheckReport
    from mgm_addon_contract.report.ci_findings import check_findings, check_rules
    from mgm_addon_contract.report.github import render_annotations
    from mgm_addon_contract.report.sarif import dumps, sarif_log

    if output_format == "sarif":
        return dumps(sarif_log("check", check_rules(), check_findings(report),
                               exit_code=0 if report.ok else 1))
    failed = sum(o.status == "failed" for o in report.outcomes.values())
    summary = (f"check {report.addon}: {'PASS' if report.ok else 'FAIL'}, {failed} clause(s) "
               f"failed, {report.scenarios_run} scenarios, {report.fuzz_examples} fuzzed runs")
    return render_annotations(check_findings(report), summary)


def _database(option: str, spec: str | None, *, must_exist: bool = False):  # noqa: ANN202
    """The example database ``spec`` names (a folder or a redis:// URL); a user error (exit 2)
    when it cannot be used."""
    if not spec:
        return None
    from mgm_addon_contract.fuzz.database import DatabaseError, is_redis_url, open_database

    if not is_redis_url(spec) and not must_exist:
        output_dir(Path(spec), option)
    try:
        return open_database(spec, must_exist=must_exist)
    except DatabaseError as exc:
        raise UserError(f"{option}: {exc}") from None
