"""Reviewer-friendly rendering of ``spec-check`` results."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from mgm_addon_contract.speccheck import SpecReport

_STYLE = {"reference": "dim", "valid": "green", "equivalent": "green", "placeholder": "yellow",
          "unmapped": "yellow", "invalid": "red", "drift": "red", "invalid-regex": "red"}


def render_spec_report(console: Console, report: SpecReport) -> None:
    """Examples and regexes as tables with SPEC line numbers, then tag coverage and verdict."""
    console.print(f"[bold]{escape(str(report.path))}[/bold] versus grammars/mgm_tags.lark")
    examples = Table(title="Tag examples in the SPEC")
    for column in ("line", "example", "verdict", "detail"):
        examples.add_column(column)
    for e in report.examples:
        style = _STYLE[e.verdict]
        examples.add_row(str(e.line), escape(e.text), f"[{style}]{e.verdict}[/{style}]",
                         escape(e.detail))
    console.print(examples)
    regexes = Table(title="Normative regexes versus the grammar")
    for column in ("line", "regex", "tag", "verdict", "regex accepts, grammar rejects",
                   "grammar accepts, regex rejects"):
        regexes.add_column(column)
    for r in report.regexes:
        style = _STYLE[r.verdict]
        regexes.add_row(str(r.line), escape(r.written), r.tag or "?",
                        f"[{style}]{r.verdict}[/{style}]", escape(repr(r.regex_only or "-")),
                        escape(repr(r.grammar_only or "-")))
    console.print(regexes)
    for r in report.regexes:
        if r.regex_only:
            console.print(f"line {r.line}: the regex accepts {r.regex_only!r}, the grammar "
                          "rejects it", style="red", markup=False)
        if r.grammar_only:
            console.print(f"line {r.line}: the grammar accepts {r.grammar_only!r}, the regex "
                          "rejects it", style="red", markup=False)
        for note in r.notes:
            console.print(f"line {r.line}: {escape(note)}", style="yellow")
    if report.only_in_grammar:
        console.print("Tags the grammar defines that the SPEC never mentions: "
                      + ", ".join(report.only_in_grammar), style="yellow")
    if report.only_in_spec:
        console.print("Tags the SPEC mentions that the grammar does not define: "
                      + ", ".join(report.only_in_spec), style="red")
    verdict = "[red]drift found[/red]" if report.drift else "[green]no drift[/green]"
    console.print(f"Verdict: {verdict}")
