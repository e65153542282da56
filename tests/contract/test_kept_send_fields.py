"""After MAIL_FAILED the client keeps what the Send Mail tab showed (across a closed mailbox,
the money): fields that still show a payout prove no arming (SPEC §9: MAIL_FAILED and
closing the mailbox disarm); only the addon writing them anew does."""

from __future__ import annotations

from pathlib import Path

import pytest

from mgm_addon_contract._resources import broken_addons_dir, fixtures_dir, reference_addon_dir
from mgm_addon_contract.scenarios.library import CLOSE, GOLD, OPEN, P1, P2, PREPARE, SEND, WAIT
from mgm_addon_contract.scenarios.library import receive as gold
from mgm_addon_contract.scenarios.runner import new_client, run_scenario
from mgm_addon_contract.scenarios.steps import Step, execute

FAIL = Step("fail_next_mail", {"reason": "Internal mail database error"})
FAILED_SEND = [gold((P1, "Norinn", GOLD)), OPEN, PREPARE, FAIL, SEND, WAIT]
REOPENED = [*FAILED_SEND, CLOSE, OPEN]
CONFORMING = fixtures_dir() / "addons" / "conforming"


def broken(name: str) -> Path:
    return broken_addons_dir() / name / "MimironsGoldOMatic"


def _failures(addon: Path, steps: list[Step]) -> list[tuple[str, int]]:
    return [(f.clause, f.step) for f in run_scenario(addon, steps).failures]


def test_the_client_keeps_the_fields_after_a_failure_and_a_closed_mailbox() -> None:
    # the premise (3.3.5a: MAIL_FAILED clears nothing; closing the mailbox clears the
    # recipient and keeps the money): what a dropped row leaves behind looks armed
    client, _ = new_client(broken("failure-drops-row"))
    try:
        for step in FAILED_SEND:
            execute(client, step)
        assert client.send_mail_fields() == ("Norinn", GOLD)
        for step in (CLOSE, OPEN):
            execute(client, step)
        assert client.send_mail_fields() == ("", GOLD)
    finally:
        client.close()


def test_fields_kept_after_a_failure_are_no_arming_when_the_mailbox_shows_again() -> None:
    # the mailbox shown again while open (a step where an addon may fill the tab): the
    # fields still show the failed payout, which the addon dropped; nothing wrote them
    steps = [*FAILED_SEND, OPEN, PREPARE]
    assert _failures(broken("failure-drops-row"), steps) == [("MAIL-FAILURE-REQUEUES", 8)]


@pytest.mark.parametrize("name", ["failure-drops-row", "failed-row-dropped-on-close"])
def test_a_dropped_failed_row_is_caught_after_the_mailbox_reopens(name: str) -> None:
    assert _failures(broken(name), [*REOPENED, PREPARE]) == [("MAIL-FAILURE-REQUEUES", 9)]
    # also when the streamer sends the kept fields straight away
    assert _failures(broken(name), [*REOPENED, PREPARE, SEND, WAIT]) == [
        ("MAIL-FAILURE-REQUEUES", 9)]


def test_fields_kept_on_a_step_where_an_addon_may_fill_them_are_not_its_arming() -> None:
    # payouts arriving after the failure, the failed row's fields still shown: the failed
    # row is not armed by the addon, and once the other payout is sent its loss shows
    steps = [*FAILED_SEND, gold((P2, "Bob", GOLD)), PREPARE, SEND, WAIT, PREPARE]
    assert _failures(broken("failure-drops-row"), steps) == [("MAIL-FAILURE-REQUEUES", 11)]
    assert _failures(reference_addon_dir(), steps) == []


@pytest.mark.parametrize("addon", [
    reference_addon_dir(),
    CONFORMING / "prepares-without-a-click" / "MimironsGoldOMatic",
    CONFORMING / "failed-mail-stays-armed" / "MimironsGoldOMatic",
], ids=["reference", "prepares-without-a-click", "failed-mail-stays-armed"])
def test_conforming_addons_retry_after_the_mailbox_reopens(addon: Path) -> None:
    # an addon filling the same payout anew when the mailbox opens armed it: its CONFIRM of
    # the kept-looking fields is its own send's
    for steps in ([*REOPENED, PREPARE, SEND, WAIT], [*REOPENED, SEND, WAIT],
                  [*FAILED_SEND, PREPARE, SEND, WAIT], [*FAILED_SEND, OPEN, SEND, WAIT],
                  [*FAILED_SEND, OPEN, PREPARE, SEND, WAIT]):
        assert _failures(addon, steps) == [], steps
