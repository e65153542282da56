"""Rendering an e2e run: timeline, steps and verdict."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from mgm_addon_contract.e2e import E2EResult


def render_e2e(console: Console, result: E2EResult) -> None:
    console.print(f"[bold]e2e {result.scenario}[/bold]: {escape(result.title)}")
    console.print(f"addon: {escape(str(result.addon))}", highlight=False)
    timeline = Table(title=f"{escape(result.title)}: timeline (simulated time)")
    for column in ("t (s)", "component", "event", "correlation id"):
        timeline.add_column(column)
    start = result.world.timeline[0].time if result.world.timeline else 0.0
    for event in result.world.ordered_timeline():
        timeline.add_row(f"{event.time - start:7.3f}", event.component, escape(event.event),
                         event.correlation_id or "")
    console.print(timeline)
    for step in result.steps:
        mark = "[green]ok[/green]" if step.ok else "[red]BROKEN[/red]"
        console.print(f"  {mark} {step.name}: {escape(step.detail)}")
        for cause in step.causes:
            console.print(f"       {escape(cause)}", highlight=False)
    if result.verdict:
        where = (f"broke at {result.broken_step}, as this scenario must"
                 if result.expected_break else "every step happened")
        console.print(f"Verdict: [green]PASS[/green] ({where})")
    else:
        console.print(f"Verdict: [red]FAIL[/red] (broke at {result.broken_step or 'no step'}, "
                      f"expected {result.expected_break or 'no break'})")


def e2e_json(result: E2EResult) -> dict[str, Any]:
    return {
        "scenario": result.scenario, "title": result.title, "addon": str(result.addon),
        "verdict": result.verdict,
        "broken_step": result.broken_step, "expected_break": result.expected_break,
        "steps": [{"name": s.name, "ok": s.ok, "detail": s.detail, "causes": s.causes}
                  for s in result.steps],
        "timeline": [e.to_json() for e in result.world.ordered_timeline()],
    }
