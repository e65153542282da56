"""``mgm-contract validate LOG...``: check chat logs against the tag grammar."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from mgm_addon_contract.cli import app
from mgm_addon_contract.cli._errors import choice, input_file

LARGE_FILE = 8 << 20  # show a progress bar from this size on (when stderr is a terminal)
FORMATS = ("text", "json", "junit", "github", "sarif")


@app.command("validate")
def validate(
    logs: Annotated[list[Path], typer.Argument(help="WoWChatLog.txt files to check.")],
    output_format: Annotated[str, typer.Option("--format", help="text, json, junit, github "
                                               "(annotations) or sarif")] = "text",
    limit: Annotated[int, typer.Option(min=0, help="Show (or annotate) at most this many problems "
                                       "per file.")] = 50,
) -> None:
    """Validate chat logs: tags per kind, violations with a caret, spoofed tags.

    Exit 0 when every file is valid, 1 on any violation or spoofed tag, 2 on a usage error
    (missing or unreadable file, unknown format).
    """
    from mgm_addon_contract.grammar.report import render_json, render_junit_xml, render_text
    from mgm_addon_contract.report.console import make_console

    errors = make_console(stderr=True)
    choice(output_format, FORMATS, "--format")
    for path in logs:
        input_file(path, "chat log")
    reports = []
    for path in logs:
        reports.append(_validate_one(path, errors))
        if reports[-1].interrupted:
            break
    if output_format == "json":
        typer.echo(json.dumps(render_json(reports), indent=2, ensure_ascii=False))
    elif output_format == "junit":
        typer.echo(render_junit_xml(reports), nl=False)
    elif output_format in ("github", "sarif"):
        typer.echo(_ci_output(output_format, reports, limit), nl=False)
    else:
        render_text(make_console(), reports, limit)
    if reports[-1].interrupted:
        raise KeyboardInterrupt
    raise typer.Exit(0 if all(r.ok for r in reports) else 1)


def _ci_output(output_format: str, reports: list, limit: int) -> str:  # noqa: ANN001
    from mgm_addon_contract.report.ci_findings import validate_findings, validate_rules
    from mgm_addon_contract.report.github import render_annotations
    from mgm_addon_contract.report.sarif import dumps, sarif_log

    exit_code = 0 if all(r.ok for r in reports) else 1
    if output_format == "sarif":
        return dumps(sarif_log("validate", validate_rules(), validate_findings(reports),
                               exit_code=exit_code))
    problems = sum(r.violation_count + r.spoofed_count for r in reports)
    summary = (f"validate: {len(reports)} file(s), {sum(r.lines for r in reports):,} lines, "
               f"{problems:,} problem(s)")
    return render_annotations(validate_findings(reports, limit), summary)


def _validate_one(path: Path, errors):  # noqa: ANN001, ANN202 - rich Console, FileReport
    from mgm_addon_contract.grammar.validate import validate_file

    size = path.stat().st_size
    if size < LARGE_FILE or not errors.is_terminal:
        return validate_file(path)
    from rich.progress import BarColumn, DownloadColumn, Progress, TimeRemainingColumn

    columns = (f"validating {path.name}", BarColumn(), DownloadColumn(), TimeRemainingColumn())
    with Progress(*columns, console=errors, transient=True) as progress:
        task = progress.add_task("validate", total=size)
        return validate_file(path, on_progress=lambda n: progress.advance(task, n))
