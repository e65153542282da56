"""``mgm-contract load PATH...``: load addon folders headlessly and print their load reports."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from mgm_addon_contract.cli import app
from mgm_addon_contract.cli._errors import UserError, choice
from mgm_addon_contract.cli._isolation import (
    FrameXmlOption,
    TrustedOption,
    WorkerMemoryOption,
    runner_for,
    use_framexml,
)


@app.command("load")
def load(
    paths: Annotated[list[Path], typer.Argument(
        help="Addon folders (or .toc files), or folders of addon folders (Interface/AddOns).")],
    output_format: Annotated[str, typer.Option("--format", help="text or json")] = "text",
    allow_protected: Annotated[
        bool, typer.Option("--allow-protected", help="Let protected calls run, as findings.")
    ] = False,
    trusted: TrustedOption = False,
    framexml: FrameXmlOption = None,
    worker_memory: WorkerMemoryOption = None,
) -> None:
    """Load the addons in PATH... in the client's order (dependencies first), log in, and
    report per addon: files, metadata, APIs, errors; exit 1 when one has errors."""
    from mgm_addon_contract.isolated import crash_report, load_reports
    from mgm_addon_contract.report.console import make_console
    from mgm_addon_contract.report.load_report import render_load_reports
    from wowapi_stubs import AddonLoadError
    from wowapi_stubs.isolation import Crash

    use_framexml(framexml)
    choice(output_format, ("text", "json"), "--format")
    console = make_console()
    with runner_for(trusted, worker_memory) as run:
        try:
            reports = run(load_reports, list(paths), allow_protected)
        except AddonLoadError as exc:
            raise UserError(str(exc)) from None
    if isinstance(reports, Crash):
        reports = [crash_report(paths[0], reports)]
    if output_format == "json":
        data = reports[0].to_dict() if len(reports) == 1 else {
            "addons": [r.to_dict() for r in reports], "ok": all(r.ok for r in reports)}
        typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        render_load_reports(console, reports)
    raise typer.Exit(0 if all(r.ok for r in reports) else 1)
