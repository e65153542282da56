"""Rendering replay results: requests made, mismatches against expectations."""

from __future__ import annotations

import json
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from mgm_addon_contract.replay import ReplayResult
from mgm_addon_contract.report.junit import JUnitCase, render_junit


def render_replay(console: Console, result: ReplayResult, log: Path, fmt: str) -> None:
    if fmt == "json":
        console.print_json(json.dumps({"log": str(log), "ok": result.ok, "lines": result.lines,
                                       "requests": result.transcript,
                                       "mismatches": result.mismatches}, ensure_ascii=False))
        return
    if fmt == "github":
        from mgm_addon_contract.report.ci_findings import replay_findings
        from mgm_addon_contract.report.github import render_annotations

        summary = (f"replay {log}: {result.lines} lines, {len(result.transcript)} EBS requests, "
                   f"{len(result.mismatches)} mismatch(es)")
        console.file.write(render_annotations(replay_findings(result, log), summary))
        return
    if fmt == "junit":
        cases = [JUnitCase(f"{log}: {m}", "replay", failure=m) for m in result.mismatches]
        cases = cases or [JUnitCase(f"{log}: effects as expected", "replay")]
        console.file.write(render_junit("mgm-contract replay", cases))
        return
    console.print(f"[bold]{escape(str(log))}[/bold]: {result.lines} lines replayed")
    table = Table(title="EBS requests")
    for column in ("#", "method", "path", "status"):
        table.add_column(column)
    for i, entry in enumerate(result.transcript, 1):
        table.add_row(str(i), entry["method"], escape(entry["path"]), str(entry["status"]))
    console.print(table)
    problems = [e for e in result.events if e["event"] in ("spoofed-tag", "invalid-line",
                                                              "unresolved")]
    for event in problems:
        console.print(f"[yellow]{event['event']}[/yellow] line {event.get('line')}: "
                      f"{escape(str(event.get('text') or event.get('message') or ''))}")
    for mismatch in result.mismatches:
        console.print(f"[red]mismatch[/red] {escape(mismatch)}")
    console.print("[green]effects as expected[/green]" if result.ok
                  else f"[red]{len(result.mismatches)} mismatch(es)[/red]")
