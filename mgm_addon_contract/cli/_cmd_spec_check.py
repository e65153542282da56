"""``mgm-contract spec-check SPEC.md``: drift between the SPEC document and the grammar."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer

from mgm_addon_contract.cli import app


@app.command("spec-check")
def spec_check(
    spec: Annotated[Path, typer.Argument(help="SPEC markdown file.")],
    output_format: Annotated[str, typer.Option("--format", help="text or json")] = "text",
) -> None:
    """Validate the SPEC's tag examples and compare its normative regexes with the grammar."""
    from mgm_addon_contract.report.console import make_console
    from mgm_addon_contract.report.spec_report import render_spec_report
    from mgm_addon_contract.speccheck import check_spec

    if output_format not in ("text", "json"):
        raise typer.BadParameter("--format must be text or json")
    if not spec.is_file():
        make_console(stderr=True).print(f"[red]error:[/red] {spec}: no such file")
        raise typer.Exit(2)
    report = check_spec(spec)
    if output_format == "json":
        data = asdict(report)
        data["path"] = str(report.path)
        data["drift"] = report.drift
        typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        render_spec_report(make_console(), report)
    raise typer.Exit(1 if report.drift else 0)
