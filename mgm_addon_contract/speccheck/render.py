"""Reviewer-friendly rendering of ``spec-check`` results (rich text, no markup parsing)."""

from __future__ import annotations

from collections import defaultdict

from rich.console import Console
from rich.table import Table
from rich.text import Text

from mgm_addon_contract.speccheck import ExampleResult, SpecReport

_STYLE = {"reference": "dim", "valid": "green", "equivalent": "green", "placeholder": "yellow",
          "unmapped": "yellow", "invalid": "bold red", "drift": "bold red",
          "invalid-regex": "bold red"}
_ORDER = ("invalid", "valid", "placeholder", "reference")


def _lines(numbers: list[int]) -> str:
    return ", ".join(str(n) for n in sorted(set(numbers)))


def render_spec_report(console: Console, report: SpecReport) -> None:
    """Examples grouped by text, regexes with counterexamples both ways, tag coverage, verdict."""
    console.print(Text(f"{report.path} versus grammars/mgm_tags.lark", style="bold"))
    console.print(_examples_table(report.examples))
    if report.regexes:
        console.print(_regex_table(report))
        for r in report.regexes:
            _regex_details(console, r)
    else:
        console.print(Text("No normative regexes found.", style="dim"))
    coverage = Table(title="Tags: grammar versus SPEC", title_justify="left")
    coverage.add_column("tag")
    coverage.add_column("in grammar")
    coverage.add_column("in SPEC")
    for name in sorted(set(report.only_in_grammar) | set(report.only_in_spec)
                       | set(report.in_both)):
        in_grammar = name not in report.only_in_spec
        in_spec = name not in report.only_in_grammar
        style = "" if in_grammar and in_spec else "bold red"
        coverage.add_row(Text(name, style=style), "yes" if in_grammar else Text("NO", style),
                         "yes" if in_spec else Text("NO", style))
    console.print(coverage)
    if report.drift:
        console.print(Text(f"Verdict: drift found ({report.drift_summary()})", style="bold red"))
    else:
        console.print(Text("Verdict: no drift", style="bold green"))


def _examples_table(examples: list[ExampleResult]) -> Table:
    groups: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for e in examples:
        groups[(e.verdict, e.text, e.detail)].append(e.line)
    table = Table(title=f"Tag examples in the SPEC ({len(examples)} found)",
                  title_justify="left")
    for column in ("verdict", "example", "SPEC lines", "detail"):
        table.add_column(column, overflow="fold")
    ordered = sorted(groups.items(), key=lambda kv: (_ORDER.index(kv[0][0]), kv[1][0]))
    for (verdict, text, detail), lines in ordered:
        table.add_row(Text(verdict, style=_STYLE[verdict]), Text(text), _lines(lines),
                      Text(detail))
    return table


def _regex_table(report: SpecReport) -> Table:
    table = Table(title="Normative regexes versus the grammar rule for their tag",
                  title_justify="left")
    for column in ("SPEC line", "regex as written", "tag", "verdict"):
        table.add_column(column, overflow="fold")
    for r in report.regexes:
        table.add_row(str(r.line), Text(r.written), r.tag or "?",
                      Text(r.verdict, style=_STYLE[r.verdict]))
    return table


def _regex_details(console: Console, r) -> None:  # noqa: ANN001 - RegexResult
    console.print(Text(f"line {r.line} ({r.tag or 'no tag'}):", style="bold"))
    if r.verdict in ("drift", "equivalent"):
        for label, value in (("regex accepts, grammar rejects", r.regex_only),
                             ("grammar accepts, regex rejects", r.grammar_only)):
            shown = (Text(repr(value), style="bold red") if value
                     else Text(f"none found in {r.tried} examples", style="green"))
            console.print(Text(f"  {label}: ").append_text(shown))
        if r.spoofable_line:
            console.print(Text("  regex finds a tag in this line, grammar reports a spoofed "
                               "tag: ").append_text(Text(repr(r.spoofable_line), style="red")))
    for note in r.notes:
        console.print(Text(f"  note: {note}", style="yellow"))
