"""Every fuzzed run ends as a scenario ends, with the response window: what the run's last
step deferred is judged too (in-process machines and the forked ones under FrameXML)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from mgm_addon_contract._resources import broken_addons_dir
from mgm_addon_contract.fuzz.forked import ForkedMonitor
from mgm_addon_contract.fuzz.machines import AcceptanceMachine, ClauseBroken, Recorder
from mgm_addon_contract.scenarios import runner
from mgm_addon_contract.scenarios.library import P1
from tests.contract.test_deferred_output import TIMER, _deferred
from tests.shared_data import require_shared
from wowapi_stubs.settings import FRAMEXML_VARIABLE


@pytest.fixture(scope="module")
def late_second_accept(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``accepts-twice`` with the 0.75 s timer outbox: the second ACCEPT comes after the
    repeated reply's step, which owes nothing, so nothing waits for it."""
    variant = broken_addons_dir() / "accepts-twice" / "MimironsGoldOMatic"
    return _deferred(variant, tmp_path_factory.mktemp("late") / "MimironsGoldOMatic")


def _run(addon: Path) -> tuple[AcceptanceMachine, list[str]]:
    """Notify, reply, reply again (the last step) on a machine bound to ``addon``, the
    invariant checked after each step as Hypothesis does; then the run's end."""
    machine = type("Acceptance", (AcceptanceMachine,), {"addon": addon,
                                                        "recorder": Recorder()})()
    broken: list[str] = []
    try:
        for rule, args in ((machine.notify_winner, (P1, "Norinn")),
                           (machine.reply, ("Norinn", "!twgold")),
                           (machine.reply, ("Norinn", "!twgold"))):
            rule(*args)
            machine.clauses_hold()  # raises on the first broken clause
    finally:
        try:
            machine.teardown()
        except ClauseBroken:
            broken = [f"{f.clause}@{f.step}" for f in machine.recorder.failures]
    return machine, broken


def test_the_last_steps_late_output_is_judged_at_the_runs_end(late_second_accept: Path) -> None:
    machine, broken = _run(late_second_accept)
    assert broken == ["ACCEPT-ONCE-PER-PAYOUT@3"]  # blamed on the step that caused it
    assert len(machine.recorder.steps) == 3


def test_a_conforming_deferred_addon_ends_its_runs_clean() -> None:
    assert _run(TIMER)[1] == []


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_forked_runs_end_with_the_window_too(late_second_accept: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(FRAMEXML_VARIABLE, str(require_shared("MGM_FRAMEXML_DIR")))
    runner.close_templates()
    try:
        machine, broken = _run(late_second_accept)
        assert isinstance(machine.monitor, ForkedMonitor)
        assert broken == ["ACCEPT-ONCE-PER-PAYOUT@3"]
    finally:
        runner.close_templates()
