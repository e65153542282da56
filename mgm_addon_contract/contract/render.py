"""Rendering a ``check`` report: rich text per clause, JSON, JUnit XML."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from mgm_addon_contract.contract.check import CheckReport
from mgm_addon_contract.report.junit import JUnitCase, render_junit
from mgm_addon_contract.scenarios.steps import Step, numbered

_STYLE = {"passed": "green", "failed": "red", "not exercised": "yellow"}


def render_text(console: Console, report: CheckReport) -> None:
    """Summary line, the clause table, reproducers, Lua errors, blocked calls, verdict."""
    load = report.load
    state = "ok" if load.ok else "Lua errors at login" if load.running else "FAILED"
    console.print(f"[bold]{escape(str(report.addon))}[/bold]: {len(load.files)} files loaded "
                  f"({state}), {len(load.apis_touched)} WoW APIs "
                  f"touched; {report.scenarios_run} scenarios, {report.fuzz_examples} fuzzed "
                  f"runs in {report.seconds:.1f} s")
    if load.running:
        console.print(f"Prepare Mail: {escape(report.prepare.describe())}" if report.prepare
                      else "[yellow]Prepare Mail: no button of the addon fills the Send Mail "
                      "tab with a queued payout; what depends on it is not exercised[/yellow]",
                      highlight=False)
    if report.interrupted:
        console.print("[yellow]interrupted (Ctrl+C): partial report of the checks run so "
                      "far[/yellow]")
    table = Table(title="Contract clauses")
    for column in ("clause", "level", "SPEC", "status", "statement / failure"):
        table.add_column(column, overflow="fold")
    for outcome in report.outcomes.values():
        style = _STYLE[outcome.status]
        detail = outcome.clause.statement
        if outcome.failure:
            detail = f"{outcome.failure.message} ({outcome.found_by})"
            if len(outcome.failures) > 1:
                detail += f"; {len(outcome.failures)} failures in all"
        elif outcome.reason:
            detail = f"{outcome.clause.statement} Not exercised: {outcome.reason}."
        table.add_row(outcome.clause.id, outcome.clause.level, outcome.clause.spec,
                      f"[{style}]{outcome.status}[/{style}]", escape(detail))
    console.print(table)
    for outcome in report.outcomes.values():
        if outcome.status == "failed":
            console.print(f"[red]{outcome.clause.id}[/red] shortest reproducer "
                          f"({escape(outcome.found_by)}):")
            for i, step in enumerate(outcome.reproducer, 1):
                console.print(f"  {i:2}. {step.describe()}", markup=False, highlight=False)
    for source, failure in report.expectation_failures:
        console.print(f"[red]expectation failed[/red] in {escape(source)} step {failure.step}: "
                      f"{escape(failure.message)}")
    for found in report.behind:
        style = _STYLE[found.status]
        console.print(f"[{style}]behind {found.cause}[/{style}] (second pass, "
                      f"{escape(found.relaxed)}): {found.clause} {found.status}"
                      + (f": {escape(found.failure.message)} ({escape(found.found_by)})"
                         if found.failure else ""), highlight=False)
        for i, step in enumerate(found.reproducer, 1):
            console.print(f"  {i:2}. {step.describe()}", markup=False, highlight=False)
    for message, source in report.lua_errors.items():
        console.print(f"[red]Lua error[/red] {escape(message)} (first in {escape(source)})")
    for call, source in report.blocked_calls.items():
        console.print(f"[yellow]blocked protected call[/yellow] {escape(call)} "
                      f"(first in {escape(source)})")
    for error in report.fuzz_errors:
        console.print(f"[yellow]fuzzing stopped early[/yellow]: {escape(error)}")
    for path in report.saved:
        console.print(f"saved counterexample: {escape(str(path))} (replayed by later checks)")
    _render_stored(console, report)
    for o in report.outcomes.values():
        if o.status == "not exercised":
            console.print(f"[yellow]not exercised:[/yellow] {o.clause.id} ({escape(o.reason)})",
                          highlight=False)
    unjudged = sum(1 for o in report.outcomes.values()
                   if o.status == "not exercised" and o.clause.level == "MUST")
    verdict = ("[red]FAIL: MUST clauses broken[/red]" if not report.ok
               else f"[yellow]PASS: no MUST clause failed; {unjudged} MUST clause(s) not "
               "exercised (see above)[/yellow]" if unjudged
               else "[green]PASS: every MUST clause holds[/green]")
    console.print(f"Verdict: {verdict}")


def _render_stored(console: Console, report: CheckReport) -> None:
    """Each failure replayed from an example database: the clauses it still breaks."""
    if not report.stored:
        return
    failing = [s for s in report.stored if s.still_fails]
    console.print(f"stored failures replayed: {len(report.stored)} ({len(failing)} still "
                  f"fail, {len(report.stored) - len(failing)} no longer fail)")
    for stored in report.stored:
        label = f"  {stored.machine} #{stored.number}: "
        if stored.finding is None:
            console.print(f"{label}[green]no longer fails[/green]")
            continue
        console.print(f"{label}[red]still fails[/red] {', '.join(stored.finding.clauses)}")
        console.print(stored.finding.script(), markup=False, highlight=False)


def _stored_json(report: CheckReport) -> list[dict[str, Any]]:
    return [{"machine": s.machine, "entry": s.number, "still_fails": s.still_fails,
             "clauses": s.finding.clauses if s.finding else [],
             "failures": [{"clause": f.clause, "step": f.step, "message": f.message}
                          for f in (s.finding.failures if s.finding else [])],
             "reproducer": [{"action": st.action, **st.args}
                            for st in (s.finding.steps if s.finding else [])]}
            for s in report.stored]


def to_json(report: CheckReport) -> dict[str, Any]:
    return {
        "addon": str(report.addon), "load_ok": report.load.ok, "ok": report.ok,
        "seconds": round(report.seconds, 3), "scenarios": report.scenarios_run,
        "fuzz_runs": report.fuzz_examples, "interrupted": report.interrupted,
        "prepare_control": report.prepare.describe() if report.prepare else None,
        "clauses": [
            {"id": o.clause.id, "level": o.clause.level, "spec": o.clause.spec,
             "statement": o.clause.statement, "status": o.status,
             "message": o.failure.message if o.failure else None, "found_by": o.found_by,
             "reproducer": _steps(o.reproducer), "reason": o.reason or None,
             "failures": [{"source": f.source, "step": f.failure.step,
                           "message": f.failure.message} for f in o.failures]}
            for o in report.outcomes.values()
        ],
        "behind": [{"clause": b.clause, "cause": b.cause, "relaxed": b.relaxed,
                    "status": b.status, "message": b.failure.message if b.failure else None,
                    "found_by": b.found_by, "reproducer": _steps(b.reproducer)}
                   for b in report.behind],
        "expectation_failures": [{"source": s, "step": f.step, "message": f.message}
                                 for s, f in report.expectation_failures],
        "lua_errors": [{"message": m, "first_seen": s} for m, s in report.lua_errors.items()],
        "blocked_calls": [{"call": c, "first_seen": s} for c, s in report.blocked_calls.items()],
        "saved": [str(p) for p in report.saved],
        "stored_failures": _stored_json(report),
    }


def _steps(steps: Sequence[Step]) -> list[dict[str, Any]]:
    return [{"action": s.action, **s.args} for s in steps]


def to_junit(report: CheckReport) -> str:
    cases = []
    for o in report.outcomes.values():
        failure = o.failure.message if o.status == "failed" and o.failure else None
        skipped = f"not exercised: {o.reason}" if o.status == "not exercised" else None
        cases.append(JUnitCase(f"{o.clause.id} ({o.clause.spec})", "contract", failure=failure,
                               details=numbered(o.reproducer), skipped=skipped))
    for b in report.behind:
        cases.append(JUnitCase(f"{b.clause} behind {b.cause} (second pass, {b.relaxed})",
                               "contract.behind",
                               failure=b.failure.message if b.failure else None,
                               details=numbered(b.reproducer)))
    for source, f in report.expectation_failures:
        cases.append(JUnitCase(f"expectation {source} step {f.step}", "scenarios",
                               failure=f.message))
    for stored in report.stored:
        finding = stored.finding
        cases.append(JUnitCase(
            f"stored {stored.machine} failure #{stored.number}", "stored-failures",
            failure=", ".join(finding.clauses) if finding else None,
            details=finding.script() if finding else ""))
    for crash in report.crashes:
        part, _, what = crash.partition(": ")
        cases.append(JUnitCase(f"{part} (isolation worker)", "crashes", error=what or crash))
    for message in report.fuzz_errors:
        cases.append(JUnitCase("fuzzing run", "fuzz", error=message))
    return render_junit("mgm-contract check", cases)
