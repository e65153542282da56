"""``mgm-contract check ADDON_DIR``: every contract clause against an addon folder."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from mgm_addon_contract.cli import app


@app.command("check")
def check(
    addon: Annotated[Path, typer.Argument(help="Addon folder (or its .toc).")],
    budget: Annotated[int, typer.Option(help="Fuzzing examples per round.")] = 100,
    seconds: Annotated[float | None, typer.Option(help="Stop fuzzing after this long.")] = None,
    seed: Annotated[int, typer.Option(help="Fuzzing seed (same seed, same run).")] = 0,
    save_dir: Annotated[Path, typer.Option(help="Where shrunk counterexamples are saved and "
                                           "replayed from.")] = Path(".mgm-contract/regressions"),
    output_format: Annotated[str, typer.Option("--format", help="text, json or junit")] = "text",
) -> None:
    """Load report, scenarios, fuzzing; per clause passed / failed / not exercised."""
    from mgm_addon_contract.contract.check import run_check
    from mgm_addon_contract.report.check_report import (
        check_json,
        check_junit,
        render_check_text,
    )
    from mgm_addon_contract.report.console import make_console
    from wowapi_stubs import AddonLoadError

    if output_format not in ("text", "json", "junit"):
        raise typer.BadParameter("--format must be text, json or junit")
    try:
        report = run_check(addon, budget=budget, seconds=seconds, seed=seed, save_dir=save_dir)
    except AddonLoadError as exc:
        make_console(stderr=True).print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    if output_format == "json":
        typer.echo(json.dumps(check_json(report), indent=2, ensure_ascii=False))
    elif output_format == "junit":
        typer.echo(check_junit(report), nl=False)
    else:
        render_check_text(make_console(), report)
    raise typer.Exit(1 if report.must_failures else 0)
