"""``check`` statuses are honest: a clause is passed only if exercised and never failed in
any run (first failure or later), failed if any failure of it was recorded, otherwise not
exercised with the reason; text, JSON, JUnit and the CI findings (GitHub, SARIF) agree.
Consequences of one defect are masked ("behind" it), not counted; load failures reproduce
with the load alone."""

from __future__ import annotations

import io
import re
from pathlib import Path
from xml.etree import ElementTree as ET

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console

from mgm_addon_contract._resources import broken_addons_dir
from mgm_addon_contract.contract import CLAUSES
from mgm_addon_contract.contract.check import (
    CheckReport,
    ClauseOutcome,
    finalize,
    record,
    run_check,
)
from mgm_addon_contract.contract.monitor import Failure, Masked
from mgm_addon_contract.contract.render import render_text, to_json, to_junit
from mgm_addon_contract.report.ci_findings import check_findings
from mgm_addon_contract.scenarios.runner import ScenarioResult
from mgm_addon_contract.scenarios.steps import Step
from wowapi_stubs import LoadReport

IDS = [c.id for c in CLAUSES]
STEPS = [Step("advance", {"seconds": 1})] * 4


def results() -> st.SearchStrategy[ScenarioResult]:
    failure = st.builds(Failure, st.sampled_from(IDS), st.just("broke"), st.integers(0, 4))
    masked = st.builds(Masked, st.sampled_from(IDS), st.sampled_from(IDS), st.just("hidden"),
                       st.integers(1, 4))
    return st.builds(ScenarioResult, st.just("run"), st.just(STEPS),
                     failures=st.lists(failure, max_size=3),
                     exercised=st.sets(st.sampled_from(IDS), max_size=6),
                     masked=st.lists(masked, max_size=2))


def empty_report(load_ok: bool = True) -> CheckReport:
    load = LoadReport(addon="A", toc_path="A/A.toc")
    if not load_ok:
        load.files = []
        load.errors = [object()]  # type: ignore[list-item]
    report = CheckReport(Path("A"), load, {c.id: ClauseOutcome(c) for c in CLAUSES})
    report.scenarios_run = 1
    return report


@settings(max_examples=100, deadline=None)
@given(st.lists(results(), min_size=1, max_size=5))
def test_every_format_shows_the_status_the_recorded_failures_give(runs) -> None:  # noqa: ANN001
    report = empty_report()
    for number, result in enumerate(runs):
        record(report, result, f"run {number}")
    finalize(report)
    failed = {f.clause for r in runs for f in r.failures}
    exercised = {c for r in runs for c in r.exercised}
    data = {c["id"]: c for c in to_json(report)["clauses"]}
    junit = {case.get("name").split(" ")[0]: case
             for case in ET.fromstring(to_junit(report)).iter("testcase")}
    console = Console(file=io.StringIO(), width=400)
    render_text(console, report)
    text = console.file.getvalue()
    ci = check_findings(report)
    for clause in IDS:
        want = "failed" if clause in failed else "passed" if clause in exercised \
            else "not exercised"
        assert report.outcomes[clause].status == want == data[clause]["status"]
        case = junit[clause]
        assert (case.find("failure") is not None) == (want == "failed")
        assert (case.find("skipped") is not None) == (want == "not exercised")
        row = re.search(rf"│ {re.escape(clause)}\s*│[^│]*│[^│]*│ (\w[\w ]*?)\s*│", text)
        assert row and row[1] == want
        kinds = {f.kind for f in ci if f.rule == clause and f.level != "note"}
        assert kinds == ({"fail"} if want == "failed" else {"open"} if want == "not exercised"
                         else set()), (clause, kinds)
        if want == "failed":
            seen = [f for r in runs for f in r.failures if f.clause == clause]
            assert len(data[clause]["failures"]) == len(seen)
            shortest = min(f.step for f in seen)
            assert len(report.outcomes[clause].reproducer) == shortest
        if want == "not exercised":
            assert data[clause]["reason"] and case.find("skipped").get("message").endswith(
                report.outcomes[clause].reason)


def test_a_load_failure_reproduces_with_the_load_alone() -> None:
    report = empty_report(load_ok=False)
    record(report, ScenarioResult("run", STEPS, [Failure("LOADS-IN-LUA51", "syntax", 0)]),
           "scenario x")
    finalize(report)
    assert report.outcomes["LOADS-IN-LUA51"].reproducer == []
    assert report.outcomes["WHO-ONE-LINE"].reason.startswith("behind LOADS-IN-LUA51")


def test_consequences_of_a_malformed_who_line_are_masked_not_failed() -> None:
    addon = broken_addons_dir() / "malformed-who-json" / "MimironsGoldOMatic"
    report = run_check(addon, budget=5, machines=("who",), regressions=None)
    assert [o.clause.id for o in report.must_failures] == ["TAG-FORMAT"]
    statuses = {c["id"]: c for c in to_json(report)["clauses"]}
    assert statuses["WHO-ONLINE-EXACT"]["status"] == "not exercised"
    assert statuses["WHO-ONLINE-EXACT"]["reason"] == "behind TAG-FORMAT"


def test_what_a_blocked_who_call_hides_is_found_in_a_second_pass() -> None:
    addon = broken_addons_dir() / "who-via-runmacrotext" / "MimironsGoldOMatic"
    report = run_check(addon, budget=5, machines=("who",), regressions=None)
    assert [o.clause.id for o in report.must_failures] == ["WHO-NO-PROTECTED-CALL"]
    behind = {(b.clause, b.cause, b.status) for b in report.behind}
    assert ("WHO-ONLINE-EXACT", "WHO-NO-PROTECTED-CALL", "failed") in behind
    found = next(b for b in report.behind if b.clause == "WHO-ONLINE-EXACT")
    assert "SetWhoToUI(1)" in found.failure.message and found.relaxed
    junit = to_junit(report)
    assert "WHO-ONLINE-EXACT behind WHO-NO-PROTECTED-CALL" in junit
