"""``mgm-contract e2e``: SC-001 end to end, headless, on one simulated clock."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from mgm_addon_contract.cli import app
from mgm_addon_contract.cli._errors import UserError, choice, interruptible, output_file
from mgm_addon_contract.cli._isolation import (
    FrameXmlOption,
    TrustedOption,
    WorkerMemoryOption,
    runner_for,
    usable_addon,
    use_framexml,
)


@app.command("e2e")
def e2e(
    addon: Annotated[Path | None, typer.Option(help="Addon folder (default: the bundled "
                                               "reference addon).")] = None,
    scenario: Annotated[str, typer.Option(help="happy, or a failure scenario; 'all' runs "
                                          "every one.")] = "happy",
    trace: Annotated[Path | None, typer.Option(help="Write the whole run as JSON lines.")]
    = None,
    transcript: Annotated[Path | None, typer.Option(help="Write the EBS HTTP transcript.")]
    = None,
    output_format: Annotated[str, typer.Option("--format", help="text or json")] = "text",
    trusted: TrustedOption = False,
    framexml: FrameXmlOption = None,
    worker_memory: WorkerMemoryOption = None,
) -> None:
    """Run SC-001: /who, winner whisper, consent, Sync/Inject, mail, Sent; exit 0 when every
    scenario behaves as designed."""
    from mgm_addon_contract._resources import reference_addon_dir
    from mgm_addon_contract.e2e import SCENARIOS, run_e2e
    from mgm_addon_contract.ebs.transcript import dump_transcript
    from mgm_addon_contract.report.console import make_console
    from mgm_addon_contract.report.e2e_report import e2e_json, render_e2e
    from wowapi_stubs import AddonLoadError

    use_framexml(framexml)
    choice(output_format, ("text", "json"), "--format")
    choice(scenario, ("all", *SCENARIOS), "--scenario")
    output_file(trace, "--trace")
    output_file(transcript, "--transcript")
    names = list(SCENARIOS) if scenario == "all" else [scenario]
    if not trusted:
        usable_addon(addon or reference_addon_dir())
        _isolated(addon or reference_addon_dir(), names, trace, transcript, output_format,
                  worker_memory)
    results = []
    with interruptible() as interrupted:
        for name in names:
            try:
                result = run_e2e(addon or reference_addon_dir(), name)
            except AddonLoadError as exc:
                raise UserError(str(exc)) from None
            results.append(result)
            if trace is not None and len(names) == 1:
                result.world.write_trace(trace)
            if transcript is not None and len(names) == 1:
                dump_transcript(result.world.transcript(), transcript)
    if output_format == "json":
        typer.echo(json.dumps([e2e_json(r) for r in results], indent=2, ensure_ascii=False))
    else:
        console = make_console()
        for result in results:
            render_e2e(console, result)
    for result in results:
        result.world.close()
    interrupted.reraise()
    raise typer.Exit(0 if all(r.verdict for r in results) else 1)


def _isolated(addon: Path, names: list[str], trace: Path | None, transcript: Path | None,
              output_format: str, worker_memory: int | None) -> None:
    """Each scenario as a job in an isolation worker; a crash is that scenario's FAIL."""
    from mgm_addon_contract.isolated import e2e_outcome
    from mgm_addon_contract.report.console import make_console
    from wowapi_stubs import AddonLoadError
    from wowapi_stubs.isolation import Crash

    one = len(names) == 1
    outcomes = []
    with runner_for(False, worker_memory) as run, interruptible() as interrupted:
        for name in names:
            try:
                outcome = run(e2e_outcome, addon, name, trace if one else None,
                              transcript if one else None)
            except AddonLoadError as exc:
                raise UserError(str(exc)) from None
            if isinstance(outcome, Crash):
                text = f"e2e {name}: FAIL: {outcome.describe()}\n"
                outcome = {"verdict": False, "text": text,
                           "json": {"scenario": name, "verdict": False,
                                    "crash": outcome.describe()}}
            outcomes.append(outcome)
    if output_format == "json":
        typer.echo(json.dumps([o["json"] for o in outcomes], indent=2, ensure_ascii=False))
    else:
        console = make_console()
        for outcome in outcomes:
            console.print(outcome["text"], end="", markup=False, highlight=False)
    interrupted.reraise()
    raise typer.Exit(0 if all(o["verdict"] for o in outcomes) else 1)
