"""Which clause a lost queue row is blamed on: what happened to that row (a failed send of
it, a manual mail to its winner, a batch with bad entries it came in), the latest event
first; when several fit, a defect already found. The same for a missing ACCEPT."""

from __future__ import annotations

from mgm_addon_contract._resources import broken_addons_dir, reference_addon_dir
from mgm_addon_contract.scenarios.library import OPEN, PREPARE, manual, notify, run, whisper
from mgm_addon_contract.scenarios.runner import run_scenario
from mgm_addon_contract.scenarios.steps import Step

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



def test_a_row_lost_when_a_manual_mail_failed_while_it_was_armed() -> None:
    # the streamer's own mail to someone else fails while the row is armed: an addon that
    # drops the armed row on MAIL_FAILED loses it (the bad entry of its batch is no cause)
    steps = [run(f'/run ReceiveGold("oops:entry;{ROW}:Norinn:10000000;")'), OPEN, PREPARE,
             manual("Вас", 10_000_000), Step("advance", {"seconds": 3}), PREPARE]
    assert _failures("failure-drops-row", steps) == [("MAIL-FAILURE-REQUEUES", 6)]


def test_a_row_lost_after_a_send_of_it_succeeded_without_a_confirm() -> None:
    # the armed send and the streamer's identical manual mail overlap: neither answer can be
    # attributed, so no CONFIRM is owed; an addon that took one for its armed send and
    # dropped the row owed a CONFIRM (the row's send, not a queue rule, is the defect)
    steps = [run(f'/run ReceiveGold("{ROW}:Вася:10000000;")'), OPEN, PREPARE,
             Step("click_send_mail"), manual("Вася", 10_000_000), Step("advance", {"seconds": 3}),
             PREPARE]
    assert _failures("no-confirm-tag", steps) == [("MAIL-CONFIRM-ON-SUCCESS", 7)]
    assert run_scenario(reference_addon_dir(), steps).failures == []


def test_a_repeated_payout_id_offered_after_its_first_batch_had_bad_entries() -> None:
    # the first entry came in a batch with a bad entry; the same id again with another
    # amount is offered: a duplicate queued, or the first batch dropped whole
    steps = [run(f'/run ReceiveGold("oops:entry;{ROW}:Вася:10000000;")'), OPEN,
             run(f'/run ReceiveGold("{ROW}:Вася:5000000;")'), PREPARE]
    assert _failures("drops-bad-batch", steps) == [("RECEIVEGOLD-NO-DUPLICATES", 4)]
    assert _failures("drops-bad-batch", steps, frozenset({"RECEIVEGOLD-PARSE"})) == [
        ("RECEIVEGOLD-PARSE", 4)]


def test_a_reply_accepted_for_one_payout_but_not_for_an_older_one_spelled_otherwise() -> None:
    later = "7a1c9e00-aaaa-4bbb-8ccc-0123456789ab"
    steps = [notify(ROW, "ВасЯ"), notify(later, "Вася"), whisper("Вася", "!twgold")]
    # an addon folding only ASCII case never matches "ВасЯ": the name match is blamed ...
    assert _failures("ascii-name-match", steps) == [("ACCEPT-NAME-MATCH", 3)]
    # ... and so it is for one accepting only the latest payout, until that defect is found;
    # then the missing ACCEPT is blamed on it (either defect explains it)
    assert _failures("latest-payout-only", steps) == [("ACCEPT-NAME-MATCH", 3)]
    assert _failures("latest-payout-only", steps, frozenset({"ACCEPT-ALL-NOTIFIED"})) == [
        ("ACCEPT-ALL-NOTIFIED", 3)]
