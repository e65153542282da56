"""Rich rendering of the headless client's load report (``mgm-contract load``)."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from mgm_addon_contract.safe_text import printable
from wowapi_stubs import LoadReport

TRACEBACK_LINES = 40


def _text(value: object) -> str:
    """Addon-controlled text (file names, metadata, messages), safe for rich markup."""
    return escape(printable(value))


def render_load_reports(console: Console, reports: list[LoadReport]) -> None:
    """One addon: its full report; several: a summary line each in load order, then the
    full report of every addon that loaded."""
    if len(reports) == 1:
        render_load_report(console, reports[0])
        return
    summary = Table(title=f"Addons ({len(reports)}, in the client's load order)")
    summary.add_column("addon")
    summary.add_column("result")
    for report in reports:
        summary.add_row(_text(report.addon), _verdict(report))
    console.print(summary)
    for report in reports:
        if report.loaded:
            console.rule(_text(report.addon))
            render_load_report(console, report)


def _verdict(report: LoadReport) -> str:
    if not report.loaded:
        style = "yellow" if report.ok else "red"
        return f"[{style}]not loaded: {_text(report.not_loaded or '')}[/{style}]"
    if report.ok:
        return "[green]loaded[/green]"
    return "[red]loaded with errors[/red]"


def render_load_report(console: Console, report: LoadReport) -> None:
    """Files, metadata, APIs touched, errors, findings and a verdict."""
    console.print(f"[bold]{_text(report.addon)}[/bold] ({_text(report.toc_path)}): "
                  f"{_verdict(report)}")
    if not report.loaded:
        return
    meta = Table(title="Metadata", show_header=False)
    for key, value in report.metadata.items():
        meta.add_row(_text(key), _text(value))
    console.print(meta)
    files = Table(title="Files (TOC order)")
    files.add_column("toc line", justify="right")
    files.add_column("file")
    files.add_column("result")
    for item in report.files:
        files.add_row(str(item.toc_line), _text(item.written),
                      "[green]ok[/green]" if item.ok else f"[red]{_text(item.error or '')}[/red]")
    console.print(files)
    apis = Table(title=f"WoW API touched ({len(report.apis_touched)})")
    apis.add_column("API (':Name' = widget method)")
    apis.add_column("calls", justify="right")
    for name, count in report.apis_touched.items():
        apis.add_row(_text(name), str(count))
    console.print(apis)
    for warning in report.warnings:
        console.print(f"[yellow]warning:[/yellow] {_text(warning)}")
    for error in report.errors:
        console.print(f"[red]Lua error[/red] at {_text(error.location)} "
                      f"({_text(error.context)}): {_text(error.message)}")
        if error.traceback:
            for line in str(error.traceback).splitlines()[:TRACEBACK_LINES]:
                console.print(printable(line), style="dim", markup=False)
    for finding in report.findings:
        where = f" at {finding.location}" if finding.location else ""
        console.print(f"[yellow]{_text(finding.kind)}[/yellow]{_text(where)}: "
                      f"{_text(finding.message)}")
    if not report.errors and not report.findings:
        console.print("No Lua errors, no blocked calls.")
