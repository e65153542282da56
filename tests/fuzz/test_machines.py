"""The Hypothesis state machines: clean on the reference addon, a planted defect found and
shrunk to a readable script, saved as a scenario and replayed; seeds, profiles, database."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis.stateful import run_state_machine_as_test

from mgm_addon_contract._resources import broken_addons_dir, reference_addon_dir
from mgm_addon_contract.contract.check import run_check
from mgm_addon_contract.fuzz import MACHINES, fuzz_settings, run_machine, save_finding
from mgm_addon_contract.fuzz.machines import Recorder
from mgm_addon_contract.scenarios.runner import run_scenario
from mgm_addon_contract.scenarios.toml_io import load_scenario

# Examples per machine on the reference addon (ci profile). Each run is up to 20 steps on a
# fresh client (about 15 ms), so four machines stay near 10 s together.
CLEAN_EXAMPLES = 60
# Finding and shrinking a planted defect: runs of 10 steps (the defects here need at most 6;
# search depth is the benchmark's business: benchmarks/bench_fuzz.py --variants, 20 steps).
SHORT = 10


def variant(name: str) -> Path:
    return broken_addons_dir() / name / "MimironsGoldOMatic"


@pytest.mark.parametrize("name", sorted(MACHINES))
def test_reference_addon_keeps_every_clause_under_each_machine(name: str) -> None:
    machine = type(name, (MACHINES[name],), {"addon": reference_addon_dir(),
                                             "recorder": Recorder()})
    run_state_machine_as_test(machine, settings=settings(
        fuzz_settings("ci", steps=20), max_examples=CLEAN_EXAMPLES))
    assert machine.recorder.runs >= CLEAN_EXAMPLES


def test_planted_defect_is_found_shrunk_printed_and_saved(tmp_path: Path) -> None:
    run = run_machine("acceptance", variant("accepts-wrong-sender"), budget=150, seed_value=0,
                      steps=SHORT)
    finding = run.finding
    assert finding is not None and finding.clauses == ["ACCEPT-NOTIFIED-WINNER-ONLY"]
    assert [s.action for s in finding.steps] == ["type_line", "whisper_from"]  # notify, reply
    script = finding.script()
    assert "1. type_line(text='/run NotifyWinnerWhisper(" in script
    assert "^ ACCEPT-NOTIFIED-WINNER-ONLY: accepted" in script
    path = save_finding(finding, tmp_path)
    saved = load_scenario(path)
    assert saved.steps == finding.steps and saved.clauses == finding.clauses
    replay = run_scenario(variant("accepts-wrong-sender"), saved.steps)
    assert {f.clause for f in replay.failures} == {"ACCEPT-NOTIFIED-WINNER-ONLY"}
    assert run_scenario(reference_addon_dir(), saved.steps).ok


def test_mail_machine_reaches_the_armed_path_and_shrinks() -> None:
    """The mail machine's representative in the default suite (every variant per machine:
    ``python benchmarks/bench_fuzz.py --variants``)."""
    run = run_machine("mail", variant("no-completion-whisper"), budget=150, steps=SHORT)
    assert run.finding is not None and run.finding.clauses == ["MAIL-COMPLETION-WHISPER"]
    actions = [s.action for s in run.finding.steps]
    assert actions[-3:-1] == ["click", "click_send_mail"] and actions[-1] == "advance"
    assert len(actions) <= 6


def test_same_seed_same_counterexample() -> None:
    first = run_machine("who", variant("who-prints-twice"), budget=100, seed_value=7, steps=SHORT)
    second = run_machine("who", variant("who-prints-twice"), budget=100, seed_value=7,
                         steps=SHORT)
    assert first.finding is not None and second.finding is not None
    assert first.finding.steps == second.finding.steps
    assert first.examples == second.examples


def test_skipped_clauses_are_not_reported() -> None:
    run = run_machine("who", variant("who-prints-twice"), budget=40,
                      skip=frozenset({"WHO-ONE-LINE"}))
    assert run.finding is None and not run.errors


def test_profiles_budget_and_example_database(tmp_path: Path) -> None:
    assert fuzz_settings("nightly").max_examples == 5000
    assert fuzz_settings("ci").derandomize and fuzz_settings("ci").database is None
    assert fuzz_settings("dev", budget=7).max_examples == 7
    database = tmp_path / "examples"
    first = run_machine("who", variant("who-prints-twice"), budget=150, database=database,
                        seed_value=None, profile="dev", steps=SHORT)
    assert first.finding is not None and any(database.rglob("*"))
    again = run_machine("who", variant("who-prints-twice"), budget=150, database=database,
                        seed_value=None, profile="dev", steps=SHORT)
    assert again.finding is not None and again.examples < first.examples


def test_check_saves_counterexamples_and_later_runs_replay_them(tmp_path: Path) -> None:
    addon = variant("wrong-whisper-text")
    empty: list = []
    report = run_check(addon, budget=100, regressions=tmp_path, machines=("acceptance",),
                       scenarios=empty)
    outcome = report.outcomes["WHISPER-WINNER-TEXT"]
    assert outcome.status == "failed" and outcome.found_by == "acceptance state machine"
    assert report.saved and report.saved[0].parent == tmp_path
    replay = run_check(addon, budget=1, regressions=tmp_path, machines=("who",), scenarios=empty)
    outcome = replay.outcomes["WHISPER-WINNER-TEXT"]
    assert outcome.status == "failed"
    assert outcome.found_by == f"scenario {report.saved[0].name}"
    assert not run_check(reference_addon_dir(), budget=5, regressions=tmp_path,
                         scenarios=empty).must_failures
