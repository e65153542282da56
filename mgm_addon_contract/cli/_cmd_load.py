"""``mgm-contract load ADDON``: load an addon folder headlessly and print its load report."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from mgm_addon_contract.cli import app
from mgm_addon_contract.cli._errors import UserError, choice


@app.command("load")
def load(
    addon: Annotated[Path, typer.Argument(help="Addon folder (or its .toc file).")],
    output_format: Annotated[str, typer.Option("--format", help="text or json")] = "text",
    allow_protected: Annotated[
        bool, typer.Option("--allow-protected", help="Let protected calls run, as findings.")
    ] = False,
) -> None:
    """Load ADDON in the headless 3.3.5a client and report files, metadata, APIs, errors."""
    from mgm_addon_contract.report.console import make_console
    from mgm_addon_contract.report.load_report import render_load_report
    from wowapi_stubs import AddonLoadError, ClientSettings, HeadlessClient

    choice(output_format, ("text", "json"), "--format")
    console = make_console()
    with HeadlessClient(ClientSettings(allow_protected_calls=allow_protected)) as client:
        try:
            report = client.load_addon(addon)
        except AddonLoadError as exc:
            raise UserError(str(exc)) from None
    if output_format == "json":
        typer.echo(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
    else:
        render_load_report(console, report)
    raise typer.Exit(0 if report.ok else 1)
