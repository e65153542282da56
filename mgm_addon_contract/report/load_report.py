"""Rich rendering of the headless client's load report (``mgm-contract load``)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from wowapi_stubs import LoadReport


def render_load_report(console: Console, report: LoadReport) -> None:
    """Files, metadata, APIs touched, errors, findings and a verdict."""
    verdict = "[green]loaded[/green]" if report.ok else "[red]loaded with errors[/red]"
    console.print(f"[bold]{report.addon}[/bold] ({report.toc_path}): {verdict}")
    meta = Table(title="Metadata", show_header=False)
    for key, value in report.metadata.items():
        meta.add_row(key, value)
    console.print(meta)
    files = Table(title="Files (TOC order)")
    files.add_column("toc line", justify="right")
    files.add_column("file")
    files.add_column("result")
    for item in report.files:
        files.add_row(str(item.toc_line), item.written,
                      "[green]ok[/green]" if item.ok else f"[red]{item.error}[/red]")
    console.print(files)
    apis = Table(title=f"WoW API touched ({len(report.apis_touched)})")
    apis.add_column("API (':Name' = widget method)")
    apis.add_column("calls", justify="right")
    for name, count in report.apis_touched.items():
        apis.add_row(name, str(count))
    console.print(apis)
    for warning in report.warnings:
        console.print(f"[yellow]warning:[/yellow] {warning}")
    for error in report.errors:
        console.print(f"[red]Lua error[/red] at {error.location} ({error.context}): "
                      f"{error.message}")
        if error.traceback:
            console.print(error.traceback, style="dim")
    for finding in report.findings:
        where = f" at {finding.location}" if finding.location else ""
        console.print(f"[yellow]{finding.kind}[/yellow]{where}: {finding.message}")
    if not report.errors and not report.findings:
        console.print("No Lua errors, no blocked calls.")
