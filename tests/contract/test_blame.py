"""Which clause a lost queue row is blamed on: what happened to that row (a failed send of
it, a manual mail to its winner, a batch with bad entries it came in), the latest event
first; when several fit, a defect already found."""

from __future__ import annotations

from mgm_addon_contract._resources import broken_addons_dir
from mgm_addon_contract.scenarios.library import OPEN, PREPARE, manual, run
from mgm_addon_contract.scenarios.runner import run_scenario

ROW = "2d2b7b2a-1111-2222-3333-444444444444"


def _failures(variant: str, steps: list, known: frozenset[str] = frozenset()) -> list:
    addon = broken_addons_dir() / variant / "MimironsGoldOMatic"
    return [(f.clause, f.step) for f in run_scenario(addon, steps, known=known).failures]


def test_a_row_lost_after_a_manual_mail_to_its_winner() -> None:
    steps = [run(f'/run ReceiveGold("oops:entry;{ROW}:Ёлка:10000000;")'), OPEN,
             manual("Ёлка", 10_000_000), manual("Bob", 10_000_000), PREPARE]
    assert _failures("manual-mail-pops-row", steps) == [("MAIL-MANUAL-UNTOUCHED", 5)]
    # the batch had a bad entry too: with the parse defect already found, it is blamed
    assert _failures("manual-mail-pops-row", steps, frozenset({"RECEIVEGOLD-PARSE"})) == [
        ("RECEIVEGOLD-PARSE", 5)]

