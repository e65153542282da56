"""Rendering ``validate`` results: rich text, JSON and JUnit XML."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from mgm_addon_contract.grammar.validate import SPOOF_RULE, FileReport
from mgm_addon_contract.report.junit import JUnitCase, render_junit
from mgm_addon_contract.safe_text import escape_controls


def _printable(text: str) -> str:
    """Controls escaped, line breaks kept (an excerpt is a line and its caret line)."""
    return "\n".join(escape_controls(part) for part in text.split("\n"))


def render_text(console: Console, reports: list[FileReport], limit: int) -> None:
    """Per file: counts per tag and per rule, then each problem with a caret; then a total."""
    for report in reports:
        _render_file(console, report, limit)
    bad = [r for r in reports if not r.ok]
    lines = sum(r.lines for r in reports)
    if bad:
        console.print(Text(f"FAILED: {len(bad)} of {len(reports)} file(s) have problems "
                           f"({lines:,} lines checked)", style="bold red"))
    else:
        console.print(Text(f"OK: {len(reports)} file(s), {lines:,} lines, no violations and "
                           "no spoofed tags", style="bold green"))


def _render_file(console: Console, report: FileReport, limit: int) -> None:
    title = Text(str(report.path), style="bold")
    title.append(f": {report.lines:,} lines, {report.bytes_read:,} bytes, ")
    title.append("valid" if report.ok else "problems found",
                 style="green" if report.ok else "red")
    if report.interrupted:
        title.append(" (interrupted: partial, up to the byte above)", style="yellow")
    console.print(title)
    table = Table(show_header=True, header_style="bold")
    table.add_column("tag / rule")
    table.add_column("count", justify="right")
    for name, count in sorted(report.tags.items()):
        table.add_row(name, f"{count:,}")
    table.add_row(Text("[MGM] info lines", style="dim"), f"{report.info_lines:,}")
    for rule, count in sorted(report.rule_counts.items()):
        style = "bold white on red" if rule == SPOOF_RULE else "red"
        table.add_row(Text(rule, style=style), f"{count:,}")
    console.print(table)
    for violation in report.violations[:limit]:
        head = Text(f"{report.path}:{violation.line}:{violation.column} ")
        head.append(violation.rule_id, style="bold red")
        head.append(f" {violation.message}")
        console.print(head)
        if violation.expected:
            console.print(Text("  expected: " + ", ".join(violation.expected), style="yellow"))
        text, _, caret = violation.excerpt.partition("\n")
        console.print(Text("  " + _printable(text), style="dim"))
        console.print(Text("  " + caret, style="bold red"))
    for spoof in report.spoofed[:limit]:
        head = Text(f"{report.path}:{spoof.line}:{spoof.column} ")
        head.append(f"{SPOOF_RULE} ", style="bold white on red")
        head.append(_printable(spoof.text), style="bold red")
        head.append(" is tag text after a chat prefix: the addon never prints this; someone "
                    "typed it (never acted on)")
        console.print(head)
    hidden = (report.violation_count - min(limit, len(report.violations))
              + report.spoofed_count - min(limit, len(report.spoofed)))
    if hidden > 0:
        console.print(Text(f"... and {hidden:,} more (counted above; --limit shows more)",
                           style="yellow"))


def render_json(reports: list[FileReport]) -> list[dict[str, Any]]:
    """One object per file: counts, violations and spoofed tags (kept details)."""
    return [
        {
            "file": str(r.path), "lines": r.lines, "bytes": r.bytes_read, "ok": r.ok,
            "interrupted": r.interrupted,
            "tags": dict(sorted(r.tags.items())), "info_lines": r.info_lines,
            "rule_counts": dict(sorted(r.rule_counts.items())),
            "details_truncated": r.violation_count > len(r.violations)
            or r.spoofed_count > len(r.spoofed),
            "violations": [
                {"rule": v.rule_id, "line": v.line, "column": v.column, "message": v.message,
                 "expected": list(v.expected), "excerpt": v.excerpt}
                for v in r.violations
            ],
            "spoofed": [{"rule": SPOOF_RULE, "line": s.line, "column": s.column, "text": s.text,
                         "well_formed": s.well_formed} for s in r.spoofed],
        }
        for r in reports
    ]


def render_junit_xml(reports: list[FileReport]) -> str:
    """One test case per file that passed, one failing case per problem."""
    cases: list[JUnitCase] = []
    for report in reports:
        name = str(report.path)
        if report.ok:
            cases.append(JUnitCase(f"{name}: {report.lines} lines valid", "mgm.validate"))
        for v in report.violations:
            cases.append(JUnitCase(f"{name}:{v.line}:{v.column} {v.rule_id}", "mgm.validate",
                                   failure=_printable(v.message),
                                   details=_printable(v.excerpt)))
        for s in report.spoofed:
            cases.append(JUnitCase(
                f"{name}:{s.line}:{s.column} {SPOOF_RULE}", "mgm.validate",
                failure=f"spoofed tag {_printable(s.text)} (tag text after a chat prefix)",
                details=_printable(s.text)))
    return render_junit("mgm-contract validate", cases)
