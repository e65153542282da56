"""Rendering ``check`` results: a rich table per clause, JSON and JUnit XML."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from mgm_addon_contract.contract.check import CheckReport
from mgm_addon_contract.report.junit import JUnitCase, render_junit

_STYLE = {"passed": "green", "failed": "red", "not exercised": "yellow"}


def render_check_text(console: Console, report: CheckReport) -> None:
    load = report.load
    console.print(f"[bold]{escape(str(report.addon))}[/bold]: {len(load.files)} files, "
                  f"{len(load.apis_touched)} WoW APIs touched, {len(load.errors)} load errors; "
                  f"{report.scenarios_run} scenarios, {report.fuzz_examples} fuzz examples "
                  f"in {report.seconds:.1f} s")
    table = Table(title="Contract clauses")
    for column in ("clause", "level", "SPEC", "status", "statement / failure"):
        table.add_column(column)
    for outcome in report.outcomes.values():
        style = _STYLE[outcome.status]
        detail = outcome.clause.statement
        if outcome.failure:
            detail = f"{outcome.failure.message} ({outcome.found_by})"
        table.add_row(outcome.clause.id, outcome.clause.level, outcome.clause.spec,
                      f"[{style}]{outcome.status}[/{style}]", escape(detail))
    console.print(table)
    for outcome in report.outcomes.values():
        if outcome.status == "failed":
            console.print(f"[red]{outcome.clause.id}[/red] shortest reproducer:")
            for i, step in enumerate(outcome.reproducer, 1):
                console.print(f"  {i:2}. {step.describe()}", markup=False)
    for path in report.saved:
        console.print(f"saved counterexample: {path}")
    blocked = load.blocked_calls
    for finding in blocked:
        console.print(f"[yellow]blocked protected call[/yellow] at {finding.location}")
    verdict = ("[red]MUST clauses failed[/red]" if report.must_failures
               else "[green]every exercised MUST clause holds[/green]")
    console.print(f"Verdict: {verdict}")


def check_json(report: CheckReport) -> dict[str, object]:
    return {
        "addon": str(report.addon), "load_ok": report.load.ok, "seconds": report.seconds,
        "scenarios": report.scenarios_run, "fuzz_examples": report.fuzz_examples,
        "clauses": [
            {"id": o.clause.id, "level": o.clause.level, "spec": o.clause.spec,
             "status": o.status, "message": o.failure.message if o.failure else None,
             "found_by": o.found_by, "reproducer": [s.describe() for s in o.reproducer]}
            for o in report.outcomes.values()
        ],
        "saved": [str(p) for p in report.saved],
    }


def check_junit(report: CheckReport) -> str:
    cases = []
    for o in report.outcomes.values():
        failure = o.failure.message if o.failure else None
        details = "\n".join(s.describe() for s in o.reproducer)
        skipped = "not exercised" if o.status == "not exercised" else None
        cases.append(JUnitCase(f"{o.clause.id} ({o.clause.spec})", "contract", failure=failure,
                               details=details, skipped=skipped))
    return render_junit("mgm-contract check", cases)
