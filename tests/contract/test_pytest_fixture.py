"""The ``mgm_contract`` pytest fixture: a monitor on the addon under test."""

from __future__ import annotations

from mgm_addon_contract.contract.monitor import ContractMonitor
from mgm_addon_contract.scenarios.library import P1, notify, whisper
from mgm_addon_contract.scenarios.steps import Step


def test_fixture_runs_steps_and_checks_them(mgm_contract: ContractMonitor) -> None:
    assert mgm_contract.perform(notify(P1, "Norinn"), whisper("Bob", "!twgold")) == []
    assert mgm_contract.perform(whisper("norinn", " !TwGold")) == []
    assert "ACCEPT-NOTIFIED-WINNER-ONLY" in mgm_contract.exercised
    failures = mgm_contract.perform(Step("expect_tag", {"kind": "ACCEPT", "count": 2}))
    assert [f.clause for f in failures] == ["EXPECT"]
    mgm_contract.failures.clear()  # the expectation above was meant to fail
