"""``mgm-contract validate LOG...``: check chat logs against the tag grammar."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from mgm_addon_contract.cli import app

LARGE_FILE = 4 << 20


@app.command("validate")
def validate(
    logs: Annotated[list[Path], typer.Argument(help="WoWChatLog.txt files to check.")],
    output_format: Annotated[str, typer.Option("--format", help="text, json or junit")] = "text",
    limit: Annotated[int, typer.Option(help="Show at most this many problems per file.")] = 50,
) -> None:
    """Validate chat logs: tags per kind, violations with a caret, spoofed tags. Exit 1 on any."""
    from mgm_addon_contract.grammar.validate import validate_file
    from mgm_addon_contract.report.console import make_console
    from mgm_addon_contract.report.validate_report import (
        render_validate_json,
        render_validate_junit,
        render_validate_text,
    )

    if output_format not in ("text", "json", "junit"):
        raise typer.BadParameter("--format must be text, json or junit")
    console = make_console()
    errors = make_console(stderr=True)
    reports = []
    for path in logs:
        if not path.is_file():
            errors.print(f"[red]error:[/red] {path}: no such file")
            raise typer.Exit(2)
        reports.append(_validate_with_progress(path, validate_file, console, output_format))
    if output_format == "json":
        typer.echo(json.dumps(render_validate_json(reports), indent=2, ensure_ascii=False))
    elif output_format == "junit":
        typer.echo(render_validate_junit(reports), nl=False)
    else:
        for report in reports:
            render_validate_text(console, report, limit)
    raise typer.Exit(0 if all(r.ok for r in reports) else 1)


def _validate_with_progress(path, validate_file, console, output_format):  # noqa: ANN001, ANN202
    size = path.stat().st_size
    if output_format != "text" or size < LARGE_FILE or not console.is_terminal:
        return validate_file(path)
    from rich.progress import Progress

    with Progress(console=console, transient=True) as progress:
        task = progress.add_task(f"validating {path.name}", total=size)
        return validate_file(path, on_progress=lambda n: progress.advance(task, n))
