"""Rendering a LuaUnit suite run: rich text, JSON and JUnit XML, each failure with its Lua
file:line and what the client revealed (blocked protected calls, caught Lua errors)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.console import Console
from rich.text import Text

from mgm_addon_contract.luaunit.model import MockReport, SuiteRun
from mgm_addon_contract.report.junit import JUnitCase, render_junit
from mgm_addon_contract.report.locations import display_path
from mgm_addon_contract.safe_text import printable

_LABEL = {"passed": ("PASS ", "green"), "failed": ("FAIL ", "red"), "error": ("ERROR", "red"),
          "skipped": ("SKIP ", "yellow")}
OUTPUT_TAIL = 30
"""Lines of the suite's captured output the text report repeats."""


def summary(run: SuiteRun) -> str:
    counts = run.counts()
    text = (f"{len(run.tests)} test(s): {counts['passed']} passed, {counts['failed']} failed, "
            f"{counts['error']} error(s), {counts['skipped']} skipped")
    if counts["revealed"]:
        text += f"; the client revealed problems in {counts['revealed']}"
    if run.errors:
        text += f"; {len(run.errors)} Lua error(s) outside the tests"
    return text


def where(file: str, line: int | None) -> str:
    """``file:line`` with the file relative to the checkout when it lies inside."""
    shown = display_path(Path(file))
    return f"{shown}:{line}" if line else shown


def render_text(console: Console, run: SuiteRun, title: str) -> None:
    """One line per test (failures with file:line and message), what the client revealed,
    errors outside tests, the dropped mock's differences, the end of the output, a verdict."""
    console.print(Text(title, style="bold"))
    for test in run.tests:
        label, style = _LABEL.get(test.status, (test.status.upper(), "red"))
        if test.status == "passed" and test.findings:
            label, style = "CLIENT", "bold red"
        line = Text(f" {label} ", style=style)
        line.append(test.name)
        if test.file and test.status in ("failed", "error"):
            line.append(f"  {where(test.file, test.line)}", style="dim")
        console.print(line)
        if test.message and test.status != "passed":
            console.print(Text("     " + printable(test.message), style=style))
        for finding in test.findings:
            console.print(Text("     revealed by the client: " + printable(finding),
                               style="bold red"))
    for error in run.errors:
        console.print(Text("Lua error outside the tests: " + printable(error), style="red"))
    if run.mock is not None:
        _render_mock(console, run.mock)
    for skipped in dict.fromkeys(run.skipped_dofiles):
        console.print(Text(f"not run again (loaded by the client from the .toc): {skipped}",
                           style="dim"))
    tail = run.output.splitlines()[-OUTPUT_TAIL:]
    if tail:
        console.print(Text("output of the suite (end):", style="dim"))
        for line in tail:
            console.print(Text("  " + printable(line.replace("\t", "    ")), style="dim"))
    verdict = f"{'OK' if run.ok else 'FAILED'}: {summary(run)}"
    if run.isolated:
        verdict += " (each test in a fresh client)"
    console.print(Text(verdict, style="bold green" if run.ok else "bold red"))


def _render_mock(console: Console, mock: MockReport) -> None:
    console.print(Text(f"dropped mock {mock.path}: {len(mock.replaced)} name(s) now come from "
                       "the client", style="bold"))
    if mock.replaced:
        console.print(Text("  " + ", ".join(sorted(set(mock.replaced))), style="dim"))
    for name in mock.not_implemented:
        console.print(Text(f"  {name}: a 3.3.5a name the client does not implement; the "
                           "mock's is used", style="yellow"))
    for name, kind, hint in mock.unknown:
        text = f"  {name} ({kind}): the suite expected it from the mock; the client has none"
        if hint:
            text += f" ({hint})"
        console.print(Text(text, style="yellow"))


def to_json(run: SuiteRun) -> dict[str, Any]:
    return {
        "ok": run.ok, "exit_code": run.exit_code, "isolated": run.isolated,
        "counts": run.counts(),
        "tests": [{"name": t.name, "status": t.status, "ok": t.ok, "file": t.file,
                   "line": t.line, "message": t.message, "trace": t.trace,
                   "duration": round(t.duration, 6), "client_findings": t.findings}
                  for t in run.tests],
        "errors": run.errors,
        "mock": None if run.mock is None else {
            "path": str(run.mock.path), "replaced_by_client": sorted(set(run.mock.replaced)),
            "not_implemented_by_client": run.mock.not_implemented,
            "missing_in_client": [{"name": n, "type": k, "client_name": h}
                                  for n, k, h in run.mock.unknown]},
        "not_run_again": list(dict.fromkeys(run.skipped_dofiles)),
        "output": run.output, "output_truncated": run.truncated,
    }


def to_junit(run: SuiteRun) -> str:
    cases = []
    for t in run.tests:
        classname = t.name.rsplit(".", 1)[0] if "." in t.name else "luaunit"
        failure = error = None
        if t.status in ("failed", "error"):
            failure = f"{t.where}: {t.message}" if t.where else t.message
            if t.status == "error":  # LuaUnit's ERROR: a Lua error, not a failed assertion
                failure, error = None, failure
        elif t.findings:
            failure = "passes under LuaUnit, but the client revealed: " + "; ".join(t.findings)
        details = "\n".join([t.trace, *(f"revealed by the client: {f}" for f in t.findings)])
        cases.append(JUnitCase(t.name, classname, t.duration, failure, details.strip(),
                               "skipped" if t.status == "skipped" and not t.findings else None,
                               error))
    for message in run.errors:
        cases.append(JUnitCase("Lua error outside the tests", "luaunit", error=message))
    if run.mock is not None and run.mock.differences:
        names = [n for n, _, _ in run.mock.unknown] + run.mock.not_implemented
        cases.append(JUnitCase(f"dropped mock {run.mock.path}", "luaunit",
                               skipped="the client lacks what the suite expected from the "
                                       f"mock: {', '.join(names)}"))
    return render_junit("mgm-contract luaunit", cases)
