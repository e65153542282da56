"""The reference model on its own (no client): SPEC §8-§10, §12 duties for input sequences."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from mgm_addon_contract.grammar import TagKind
from mgm_addon_contract.model import (
    SENT_TEXT,
    WINNER_TEXT,
    QueueRow,
    ReferenceModel,
    names_equal,
    reply_is,
)

P1 = "2d2b7b2a-1111-2222-3333-444444444444"
P2 = "7a1c9e00-aaaa-4bbb-8ccc-0123456789ab"
SPIN = "550e8400-e29b-41d4-a716-446655440000"
GIFT = "9f8e7d6c-5b4a-4321-8fed-cba987654321"
GOLD = 10_000_000


def queued(model: ReferenceModel) -> list[str]:
    return [row.payout for row in model.queue]


def test_names_follow_spec_4_case_rules_latin_and_cyrillic() -> None:
    assert names_equal("Norinn", "norinn") and names_equal("ВАСЯ", "вася")
    assert names_equal("Norinn-Icecrown", "NORINN")
    assert not names_equal("Norinna", "Norinn") and not names_equal("", "")


def test_replies_compare_case_insensitively_after_trim() -> None:
    assert reply_is("  !TwGold \t", "!twgold")
    assert not reply_is("!twgold please", "!twgold") and not reply_is("twgold", "!twgold")


def test_notify_whispers_the_exact_text_to_the_winner() -> None:
    model = ReferenceModel()
    assert model.notify(P1, " Norinn ").whispers == (("Norinn", WINNER_TEXT),)
    assert model.notify("not-a-uuid", "Norinn").whispers == ()


def test_acceptance_only_from_the_notified_winner_once_per_payout() -> None:
    model = ReferenceModel()
    model.notify(P1, "Norinn")
    assert model.whisper("Bob", "!twgold").tags == ()
    assert model.whisper("Norinn", "twgold").tags == ()
    other_realm = model.whisper("Norinn-Icecrown", " !TWGOLD ")  # SPEC §4: one realm
    assert other_realm.tags == () and other_realm.optional == ((TagKind.ACCEPT, P1),)
    assert model.whisper("Norinn", " !TWGOLD ").tags == ((TagKind.ACCEPT, P1),)
    assert model.whisper("Norinn", "!twgold").tags == ()


def test_notifying_again_allows_a_second_accept_without_asking_for_it() -> None:
    model = ReferenceModel()
    model.notify(P1, "вася")
    assert model.whisper("Вася", "!twgold").tags == ((TagKind.ACCEPT, P1),)
    model.notify(P1, "вася")
    again = model.whisper("Вася", "!twgold")
    assert again.tags == () and again.optional == ((TagKind.ACCEPT, P1),)
    assert model.whisper("Вася", "!twgold").optional == ()


def test_every_notified_payout_is_acceptable_not_only_the_latest() -> None:
    model = ReferenceModel()
    model.notify(P1, "Вася")
    model.notify(P2, "Norinn")
    assert model.whisper("вася", "!twgold").ids(TagKind.ACCEPT) == [P1]
    assert model.whisper("Norinn", "!twgold").ids(TagKind.ACCEPT) == [P2]


def test_receive_gold_keeps_good_entries_around_bad_ones_and_never_queues_twice() -> None:
    model = ReferenceModel()
    result = model.receive_gold(f"junk;{P1}:Norinn:{GOLD};{P2}:B0b:1;{P2}:x:0;")
    # B0b: SPEC §9 allows it, §4 (the EBS's rule) does not: the addon may queue or skip it
    assert result.added == (QueueRow(P1, "Norinn", GOLD), QueueRow(P2, "B0b", 1, optional=True))
    assert result.bad == ("junk", f"{P2}:x:0")
    again = model.receive_gold(f"{P1}:Norinn:{GOLD};")
    assert again.added == () and again.duplicates == (QueueRow(P1, "Norinn", GOLD),)
    assert queued(model) == [P1, P2]


def test_armed_send_with_the_queued_amount_confirms_then_whispers_once() -> None:
    model = ReferenceModel()
    model.receive_gold(f"{P1}:Norinn:{GOLD};")
    assert model.prepare() is None  # mailbox closed: nothing to prepare
    model.open_mailbox()
    assert model.prepare() == QueueRow(P1, "Norinn", GOLD)
    model.mail_attempt("norinn", GOLD)
    outcome = model.mail_success()
    assert outcome.kind == "confirm" and outcome.row == QueueRow(P1, "Norinn", GOLD)
    duties = model.confirm(outcome.row)
    assert duties.tags == ((TagKind.CONFIRM, P1),)
    assert duties.whispers == (("Norinn", SENT_TEXT),)
    assert queued(model) == [] and model.armed is None
    model.mail_attempt("Norinn", GOLD)  # a manual mail to the same winner afterwards
    assert model.mail_success().kind == "manual"


def test_manual_mail_changes_nothing_even_to_the_queued_winner() -> None:
    model = ReferenceModel()
    model.receive_gold(f"{P1}:Norinn:{GOLD};")
    model.open_mailbox()
    model.mail_attempt("Norinn", GOLD)
    assert model.mail_success().kind == "manual"
    assert queued(model) == [P1]


def test_changed_amount_or_recipient_is_not_the_mgm_send() -> None:
    model = ReferenceModel()
    model.receive_gold(f"{P1}:Norinn:{GOLD};")
    model.open_mailbox()
    model.prepare()
    model.mail_attempt("Norinn", 5)
    assert model.mail_success().kind == "wrong-amount"
    assert queued(model) == [P1]
    model.prepare()
    model.mail_attempt("Bob", GOLD)
    assert model.mail_success().kind == "manual"


def test_prepare_may_offer_any_queued_row_and_overlapping_sends_are_ambiguous() -> None:
    model = ReferenceModel()
    model.receive_gold(f"{P1}:Norinn:{GOLD};{P2}:Вася:5;")
    model.open_mailbox()
    assert model.prepare("ВАСЯ", 5) == QueueRow(P2, "Вася", 5)  # SPEC §9 fixes no order
    assert model.prepare("Bob", 5) is None
    model.prepare("Вася", 5)
    model.mail_attempt("Вася", 5)
    model.mail_attempt("Bob", 100)  # sent before the first is answered
    first = model.mail_success()  # MAIL_SEND_SUCCESS names no mail: either may be meant
    assert first.kind == "may-confirm" and first.row.payout == P2


def _prepared_send_failed(payload: str) -> ReferenceModel:
    """A model whose first prepared mail (to Norinn) failed."""
    model = ReferenceModel()
    model.receive_gold(payload)
    model.open_mailbox()
    model.prepare()
    model.mail_attempt("Norinn", GOLD)
    model.mail_failed()
    return model


def test_a_failed_prepared_mail_sent_again_may_be_confirmed() -> None:
    model = _prepared_send_failed(f"{P1}:Norinn:{GOLD};")
    model.mail_attempt("Norinn", GOLD)
    assert model.mail_success().kind == "may-confirm"


def test_failure_and_mailbox_close_disarm_and_keep_the_row() -> None:
    model = _prepared_send_failed(f"{P1}:Norinn:{GOLD};{P2}:Вася:5;")
    assert model.armed is None and P1 in model.failed
    assert model.prepare().payout == P1
    model.close_mailbox()
    assert model.armed is None and queued(model) == [P1, P2]


def test_a_who_request_made_while_one_is_pending_may_be_answered_after_it() -> None:
    model = ReferenceModel()
    assert model.who_request(SPIN, "Norinn", now=1.0)
    assert not model.who_request(SPIN, "Bob", now=1.1)  # refused or queued: the addon's
    request, online = model.who_answer(["Norinn"], SPIN, "Norinn")
    assert (request.name, online) == ("Norinn", True)
    request, online = model.who_answer(["Norinn"], SPIN, "bob")  # the queued one, later
    assert (request.name, online) == ("Bob", False)
    assert model.who_answer(["Norinn"], SPIN, "Bob") is None  # answered once only


def test_who_answers_the_pending_request_with_the_exact_name() -> None:
    model = ReferenceModel()
    assert model.who_request(SPIN, "Norinn", now=1.0)
    assert not model.who_request(SPIN, "Bob", now=1.1)  # one request at a time
    request, online = model.who_answer(["Norinna", "norinn"])
    assert request.spin == SPIN and online
    assert model.who_answer(["Norinn"]) is None
    model.who_request(SPIN, "Norin", now=2.0)
    assert model.who_answer(["Norinn", "Norinna"])[1] is False


def test_gift_accept_only_after_the_request_and_only_from_that_character() -> None:
    model = ReferenceModel()
    assert model.whisper("Вася", "!twgift").tags == ()
    model.gift_confirmation(GIFT, "Вася")
    model.notify(P1, "Вася")
    assert model.whisper("Bob", "!twgift").tags == ()
    assert model.whisper("ВАСЯ", " !TwGift").tags == ((TagKind.GIFT_ACCEPT, GIFT),)
    assert model.whisper("Вася", "!twgift").tags == ()
    assert model.whisper("Вася", "!twgold").ids(TagKind.ACCEPT) == [P1]


def test_gift_items_lists_every_occupied_slot() -> None:
    bags = {(2, 5): (41511, 1), (0, 1): (33470, 7)}
    assert ReferenceModel.gift_items(bags) == [(33470, 7, 0, 1), (41511, 1, 2, 5)]


@given(st.lists(st.tuples(st.sampled_from([P1, P2]), st.sampled_from(["Norinn", "Вася"]),
                          st.integers(1, 10**9)), max_size=6))
def test_queue_never_holds_a_payout_twice_and_confirms_at_most_once(entries) -> None:  # noqa: ANN001
    model = ReferenceModel()
    model.open_mailbox()
    confirms: list[str] = []
    for payout, name, copper in entries:
        model.receive_gold(f"{payout}:{name}:{copper};")
        row = model.prepare()
        if row is None:  # a payout id seen before is never queued again
            assert payout in model.known
            continue
        model.mail_attempt(row.name, row.copper)
        outcome = model.mail_success()
        if outcome.kind == "confirm":
            confirms += [i for i in model.confirm(outcome.row).ids(TagKind.CONFIRM) if i]
        assert len(queued(model)) == len(set(queued(model)))
    assert len(confirms) == len(set(confirms))
