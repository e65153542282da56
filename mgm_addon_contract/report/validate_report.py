"""Rendering ``validate`` results: rich text, JSON and JUnit XML."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from mgm_addon_contract.grammar.validate import FileReport
from mgm_addon_contract.report.junit import JUnitCase, render_junit


def render_validate_text(console: Console, report: FileReport, limit: int) -> None:
    """Summary table per tag, then each problem with its line, rule id and caret."""
    verdict = "[green]valid[/green]" if report.ok else "[red]problems found[/red]"
    console.print(f"[bold]{escape(str(report.path))}[/bold]: {report.lines} lines, {verdict}")
    table = Table(show_header=True)
    table.add_column("tag")
    table.add_column("count", justify="right")
    for name, count in sorted(report.tags.items()):
        table.add_row(name, str(count))
    table.add_row("[dim][MGM] info lines[/dim]", str(report.info_lines))
    table.add_row("[red]violations[/red]", str(len(report.violations)))
    table.add_row("[bold red]spoofed tags[/bold red]", str(len(report.spoofed)))
    console.print(table)
    for violation in report.violations[:limit]:
        console.print(f"[red]{violation.rule_id}[/red] line {violation.line}, column "
                      f"{violation.column}: {escape(violation.message)}")
        if violation.expected:
            console.print(f"  expected: {escape(', '.join(violation.expected))}")
        console.print(escape(violation.excerpt), style="dim", highlight=False)
    for spoof in report.spoofed[:limit]:
        console.print(f"[bold red]SPOOFED TAG[/bold red] line {spoof.line}, column {spoof.column}:"
                      f" {escape(spoof.text)} (tag text later in a line is never a tag; someone "
                      "typed it)")
    hidden = max(0, len(report.violations) - limit) + max(0, len(report.spoofed) - limit)
    if hidden:
        console.print(f"... and {hidden} more (use --limit)")


def render_validate_json(reports: list[FileReport]) -> list[dict[str, object]]:
    return [
        {
            "file": str(r.path), "lines": r.lines, "ok": r.ok, "tags": dict(r.tags),
            "info_lines": r.info_lines,
            "violations": [
                {"rule": v.rule_id, "line": v.line, "column": v.column, "message": v.message,
                 "expected": list(v.expected), "excerpt": v.excerpt}
                for v in r.violations
            ],
            "spoofed": [{"line": s.line, "column": s.column, "text": s.text}
                        for s in r.spoofed],
        }
        for r in reports
    ]


def render_validate_junit(reports: list[FileReport]) -> str:
    cases: list[JUnitCase] = []
    for report in reports:
        name = str(report.path)
        if report.ok:
            cases.append(JUnitCase(f"{name} is valid", "validate"))
        for v in report.violations:
            cases.append(JUnitCase(f"{name}:{v.line}:{v.column} {v.rule_id}", "validate",
                                   failure=v.message, details=v.excerpt))
        for s in report.spoofed:
            cases.append(JUnitCase(f"{name}:{s.line}:{s.column} TAG-SPOOFED", "validate",
                                   failure=f"spoofed tag {s.text}", details=s.text))
    return render_junit("mgm-contract validate", cases)
