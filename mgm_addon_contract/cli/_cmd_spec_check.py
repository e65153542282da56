"""``mgm-contract spec-check SPEC.md``: drift between the SPEC document and the grammar."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer

from mgm_addon_contract.cli import app
from mgm_addon_contract.cli._errors import UserError, choice, input_file


@app.command("spec-check")
def spec_check(
    spec: Annotated[Path, typer.Argument(help="SPEC markdown file.")],
    output_format: Annotated[str, typer.Option("--format", help="text, json or github "
                                               "(annotations)")] = "text",
) -> None:
    """Validate the SPEC's tag examples and compare its normative regexes with the grammar.

    Exit 0 when the SPEC and the grammar agree, 1 on drift, 2 on a usage error.
    """
    from mgm_addon_contract.report.console import make_console
    from mgm_addon_contract.speccheck import check_spec
    from mgm_addon_contract.speccheck.render import render_spec_report

    choice(output_format, ("text", "json", "github"), "--format")
    input_file(spec, "SPEC file")
    try:
        report = check_spec(spec)
    except UnicodeDecodeError as exc:
        raise UserError(f"{spec}: cannot be read as UTF-8 text ({exc.reason} at byte "
                        f"{exc.start})") from None
    if output_format == "json":
        data = asdict(report)
        data["path"] = str(report.path)
        data["drift"] = report.drift
        data["drift_summary"] = report.drift_summary()
        typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
    elif output_format == "github":
        from mgm_addon_contract.report.ci_findings import spec_findings
        from mgm_addon_contract.report.github import render_annotations

        summary = (f"spec-check {spec}: " + (f"drift ({report.drift_summary()})" if report.drift
                                             else "no drift"))
        typer.echo(render_annotations(spec_findings(report), summary), nl=False)
    else:
        render_spec_report(make_console(), report)
    raise typer.Exit(1 if report.drift else 0)
