"""Rendering replay results: requests made and their real answers, tag outcomes, problems,
mismatches against expectations (or, without expectations, every failure)."""

from __future__ import annotations

import json
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from mgm_addon_contract.replay import ReplayResult
from mgm_addon_contract.report.junit import JUnitCase, render_junit
from mgm_addon_contract.safe_text import printable

ROWS_SHOWN = 200
PROBLEMS_SHOWN = 50
PROBLEM_EVENTS = ("spoofed-tag", "invalid-line", "unresolved", "partial-line-dropped",
                  "rotated-missing")


def _verdict(result: ReplayResult) -> str:
    if result.interrupted:
        return "interrupted (Ctrl+C): partial replay"
    if result.expectations:
        return "effects as expected" if result.ok else f"{len(result.problems)} mismatch(es)"
    requests = len(result.transcript)
    return (f"all {requests} request(s) succeeded" if result.ok
            else f"{len(result.problems)} problem(s): a request failed or a tag is unhandled")


def render_replay(console: Console, result: ReplayResult, log: Path, fmt: str) -> None:
    if fmt == "json":
        console.print_json(json.dumps({
            "log": str(log), "ok": result.ok, "lines": result.lines,
            "interrupted": result.interrupted, "expectations": result.expectations,
            "outcomes": result.counts, "requests": result.transcript,
            "mismatches": result.mismatches, "failures": result.failures,
        }, ensure_ascii=False))
        return
    if fmt == "github":
        from mgm_addon_contract.report.ci_findings import replay_findings
        from mgm_addon_contract.report.github import render_annotations

        summary = (f"replay {log}: {result.lines} lines, {len(result.transcript)} EBS requests, "
                   f"{_verdict(result)}")
        console.file.write(render_annotations(replay_findings(result, log), summary))
        return
    if fmt == "junit":
        cases = [JUnitCase(f"{log}: {printable(m)}", "replay", failure=m)
                 for m in result.problems]
        cases = cases or [JUnitCase(f"{log}: {_verdict(result)}", "replay")]
        console.file.write(render_junit("mgm-contract replay", cases))
        return
    _render_text(console, result, log)


def _render_text(console: Console, result: ReplayResult, log: Path) -> None:
    console.print(f"[bold]{escape(printable(log))}[/bold]: {result.lines:,} lines replayed")
    table = Table(title="EBS requests (as answered)")
    for column in ("#", "method", "path", "status"):
        table.add_column(column)
    for i, entry in enumerate(result.transcript[:ROWS_SHOWN], 1):
        status = entry["status"] if entry["status"] is not None else (
            f"no answer ({entry.get('error')})")
        style = "" if isinstance(status, int) and status < 400 else "red"
        table.add_row(str(i), entry["method"], escape(printable(entry["path"])),
                      f"[{style}]{status}[/{style}]" if style else str(status))
    console.print(table)
    if len(result.transcript) > ROWS_SHOWN:
        console.print(f"... and {len(result.transcript) - ROWS_SHOWN:,} more request(s) "
                      "(--transcript writes them all)")
    if result.counts:
        console.print("tags: " + ", ".join(f"{k} {v:,}" for k, v in sorted(
            result.counts.items())), highlight=False)
    problems = [e for e in result.events if e["event"] in PROBLEM_EVENTS]
    for event in problems[:PROBLEMS_SHOWN]:
        detail = event.get("text") or event.get("message") or event.get("note") or ""
        console.print(f"[yellow]{event['event']}[/yellow] line {event.get('line', '-')}: "
                      f"{escape(printable(detail))}")
    if len(problems) > PROBLEMS_SHOWN:
        console.print(f"... and {len(problems) - PROBLEMS_SHOWN:,} more (see the events)")
    for mismatch in result.mismatches:
        console.print(f"[red]mismatch[/red] {escape(printable(mismatch))}")
    for failure in result.failures:
        style = "red" if not result.expectations else "yellow"
        console.print(f"[{style}]failed[/{style}] {escape(printable(failure))}")
    console.print(f"[green]{_verdict(result)}[/green]" if result.ok
                  else f"[red]{_verdict(result)}[/red]")
