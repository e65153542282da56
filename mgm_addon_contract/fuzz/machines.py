"""Hypothesis state machines driving a loaded addon through the headless client; the contract
clauses (checked by the monitor against the reference model) are the invariants.

Each rule performs one scenario :class:`Step`, so a failing run is already a scenario: the
shrunk steps print as a readable script and are saved as a scenario file.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import ClassVar

from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from mgm_addon_contract.contract.monitor import ContractMonitor, Failure
from mgm_addon_contract.fuzz.forked import ForkedMonitor, Monitor
from mgm_addon_contract.scenarios.library import GIFT, SPIN, manual, notify, run, whisper
from mgm_addon_contract.scenarios.prepare import PREPARE_TEXT
from mgm_addon_contract.scenarios.runner import (
    loaded_template,
    login_errors,
    new_client,
    prepare_control,
)
from mgm_addon_contract.scenarios.steps import Step
from wowapi_stubs import ClientSettings, HeadlessClient, server_name

PAYOUTS = ("2d2b7b2a-1111-2222-3333-444444444444", "7a1c9e00-aaaa-4bbb-8ccc-0123456789ab",
           "0b1e2f3a-4c5d-4e6f-8a9b-c0d1e2f3a4b5")
WINNERS = ("Norinn", "Вася", "Ёлка")
OTHERS = ("Norinna", "Bob", "Вас")
AMOUNTS = (10_000_000, 5_000_000, 12_345)
WORLD = ("Norinn", "Norinna", "Вася", "Ёлка", "Bob", "Вас")


class ClauseBroken(AssertionError):
    """A contract clause failed during a fuzzed run."""


class Recorder:
    """Keeps the steps and failures of the most recent failing run. Hypothesis replays the
    minimal failing example last, so after the run this is the shrunk counterexample."""

    def __init__(self) -> None:
        self.steps: list[Step] = []
        self.failures: list[Failure] = []
        self.runs = 0

    def record(self, steps: list[Step], failures: list[Failure]) -> None:
        self.steps, self.failures = list(steps), list(failures)


def _cased(word: str) -> st.SearchStrategy[str]:
    """``word`` with letters switched to the other case at random (Latin and Cyrillic);
    shrinks to ``word`` as written."""
    return st.lists(st.booleans(), min_size=len(word), max_size=len(word)).map(
        lambda flags: "".join(c.swapcase() if f else c for c, f in zip(word, flags,
                                                                       strict=True)))


def _padded(words: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    pad = st.sampled_from(("", " ", "  ", "\t", " \t "))
    return st.tuples(pad, words, pad).map("".join)


def sender_names() -> st.SearchStrategy[str]:
    """Whisper senders as a server delivers them (:func:`server_name`: ``Вася``, never
    ``вАСЯ``): winners, near-miss names, and the same with a realm."""
    base = st.sampled_from(WINNERS + OTHERS).map(server_name)
    return st.one_of(base, base.map(lambda n: f"{n}-Icecrown"))


def enrolled_names() -> st.SearchStrategy[str]:
    """Winner names as the Desktop passes them: as the viewer enrolled, in any case."""
    return st.sampled_from(WINNERS).flatmap(_cased)


def replies(word: str) -> st.SearchStrategy[str]:
    """Replies around ``word``: padded and random case, plus near misses."""
    near = st.sampled_from((word[1:], f"{word} please", f"{word}!", "!twgold", "!twgift", "hi"))
    return st.one_of(_padded(_cased(word)), near)


class AddonMachine(RuleBasedStateMachine):
    """A fresh client with the addon loaded; every step checked by the contract monitor."""

    addon: ClassVar[Path]
    recorder: ClassVar[Recorder]
    skip: ClassVar[frozenset[str]] = frozenset()
    settings: ClassVar[ClientSettings | None] = None

    def __init__(self) -> None:
        super().__init__()
        prepare = prepare_control(self.addon, self.settings)
        template = loaded_template(self.addon, self.settings)
        self.client: HeadlessClient | None = None
        self.monitor: Monitor
        if template is None:
            self.client, self.load = new_client(self.addon, self.settings)
            self.monitor = ContractMonitor(self.client, known=self.skip, prepare=prepare)
        else:  # a FrameXML client: runs on copies of one loaded client (see .forked)
            self.load = template[1]
            self.monitor = ForkedMonitor(template[0], self.skip, prepare)
        self.steps: list[Step] = []
        self.recorder.runs += 1

    def do(self, step: Step) -> None:
        self.steps.append(step)
        self.monitor.run(len(self.steps), step)

    @invariant()
    def clauses_hold(self) -> None:
        if not self.load.running:
            failure = Failure("LOADS-IN-LUA51", "the addon does not load in Lua 5.1", 0)
            self.recorder.record([], [failure])
            raise ClauseBroken(f"{failure.clause}: {failure.message}")
        self.monitor.finish()
        broken = [f for f in login_errors(self.load) + self.monitor.failures
                  if f.clause not in self.skip]
        if broken:
            self.recorder.record(self.steps, broken)
            raise ClauseBroken("; ".join(f"{f.clause}: {f.message}" for f in broken))

    @rule(seconds=st.sampled_from((0.2, 0.5, 1.0)))
    def time_passes(self, seconds: float) -> None:
        self.do(Step("advance", {"seconds": seconds}))

    def teardown(self) -> None:
        """End every run as a scenario ends: with the response window
        (:meth:`ContractMonitor.drain`), so what the last step deferred (a late wrong tag, a
        CONFIRM a manual mail did not allow) is judged as part of that step. Skipped when
        the run already stopped on an exception (a broken clause is reported once)."""
        try:
            if sys.exc_info()[1] is None and self.load.running:
                self.monitor.drain()
                self.clauses_hold()
        finally:
            if self.client is not None:
                self.client.close()
            else:
                self.monitor.close()


class MailGatingMachine(AddonMachine):
    """SPEC §9 mail gating: ReceiveGold (repeats, bad entries), Prepare Mail, the Send
    button, manual mail to anyone (the winner in another case too), changed amounts, success
    and failure, the mailbox opening and closing, combat and time.

    Runs start with a queued payout at an open mailbox so the armed path is reached often;
    the streamer's usual sequence (Prepare, maybe change the amount, Send, wait) is one rule
    made of separate steps, so reproducers still show each click."""

    @initialize(entries=st.lists(st.tuples(st.sampled_from(PAYOUTS), enrolled_names(),
                                           st.sampled_from(AMOUNTS)), min_size=1, max_size=2),
                junk=st.sampled_from(("", "", "oops:entry;")))
    def queued_at_the_mailbox(self, entries: list[tuple[str, str, int]], junk: str) -> None:
        self.receive_gold(entries, junk)
        self.open_mailbox()

    @rule(entries=st.lists(st.tuples(st.sampled_from(PAYOUTS), enrolled_names(),
                                     st.sampled_from(AMOUNTS)), min_size=1, max_size=3),
          junk=st.sampled_from(("", "oops:entry;", f"{PAYOUTS[0]}:B0b:1;")))
    def receive_gold(self, entries: list[tuple[str, str, int]], junk: str) -> None:
        payload = junk + "".join(f"{p}:{n}:{c};" for p, n, c in entries)
        self.do(run(f'/run ReceiveGold("{payload}")'))

    @rule()
    def open_mailbox(self) -> None:
        self.do(Step("open_mailbox"))

    @rule()
    def close_mailbox(self) -> None:
        self.do(Step("close_mailbox"))

    @rule()
    def prepare_mail(self) -> None:
        self.do(Step("click", {"text": PREPARE_TEXT}))

    @rule()
    def click_send(self) -> None:
        self.do(Step("click_send_mail"))

    @rule(accept=st.booleans())
    def send_then_answer_the_popup(self, accept: bool) -> None:
        self.do(Step("click_send_mail", {"confirm": False}))
        self.do(Step("click", {"text": "Accept" if accept else "Cancel"}))

    @rule(fails=st.booleans(), copper=st.sampled_from((None, None, 1) + AMOUNTS),
          wait=st.booleans())
    def prepare_and_send(self, fails: bool, copper: int | None, wait: bool) -> None:
        if fails:
            self.next_mail_fails()
        self.prepare_mail()
        if copper is not None:
            self.change_amount(copper)
        self.click_send()
        if wait:
            self.do(Step("advance", {"seconds": 0.5}))

    @rule(copper=st.sampled_from(AMOUNTS + (1,)))
    def change_amount(self, copper: int) -> None:
        self.do(run(f"/run MoneyInputFrame_SetCopper(SendMailMoney, {copper})"))

    @rule(name=st.sampled_from(WINNERS + OTHERS).flatmap(_cased),
          copper=st.sampled_from(AMOUNTS), wait=st.booleans())
    def manual_mail(self, name: str, copper: int, wait: bool) -> None:
        self.do(manual(name, copper))
        if wait:
            self.do(Step("advance", {"seconds": 0.5}))

    @rule()
    def next_mail_fails(self) -> None:
        self.do(Step("fail_next_mail", {"reason": "Internal mail database error"}))

    @rule(combat=st.booleans())
    def combat(self, combat: bool) -> None:
        self.do(Step("enter_combat" if combat else "leave_combat"))

    @rule(copper=st.sampled_from((10_000, 100_000_000)))
    def money(self, copper: int) -> None:
        self.do(Step("set_money", {"copper": copper}))


class AcceptanceMachine(AddonMachine):
    """SPEC §9 consent: several payouts notified (Latin and Cyrillic winners), replies with
    random case and whitespace from winners, realm-qualified names and near-miss senders."""

    @rule(payout=st.sampled_from(PAYOUTS), name=enrolled_names())
    def notify_winner(self, payout: str, name: str) -> None:
        self.do(notify(payout, name))

    @rule(sender=sender_names(), text=replies("!twgold"))
    def reply(self, sender: str, text: str) -> None:
        self.do(whisper(sender, text))


class WhoMachine(AddonMachine):
    """SPEC §8 /who: rosters with substring neighbours, exact and near names in any case,
    overlapping requests, answers and timeouts."""

    @rule(names=st.lists(st.sampled_from(WORLD), unique=True, max_size=len(WORLD)))
    def roster(self, names: list[str]) -> None:
        self.do(Step("set_roster", {"names": names}))

    @rule(name=st.sampled_from(WORLD + ("Ghost", "Nor")).flatmap(_cased))
    def ask_who(self, name: str) -> None:
        self.do(run(f'/run MGM_RunWhoForSpin("{SPIN}","{name}")'))

    @rule()
    def long_wait(self) -> None:
        self.do(Step("advance", {"seconds": 12.0}))


class GiftMachine(AddonMachine):
    """SPEC §12 gift: bag contents, the items list, the confirmation request and !twgift from
    anyone, with payout consent interleaved."""

    @rule(bag=st.integers(0, 4), slot=st.integers(1, 4),
          item=st.sampled_from(((33470, "Frostweave Cloth"), (41511, 'Eternal "Fire"'),
                                (6948, "Hearthstone"))), count=st.integers(1, 20))
    def put_item(self, bag: int, slot: int, item: tuple[int, str], count: int) -> None:
        self.do(Step("set_bag_item", {"bag": bag, "slot": slot, "item_id": item[0],
                                      "name": item[1], "count": count}))

    @rule(bag=st.integers(0, 4), slot=st.integers(1, 4))
    def take_item(self, bag: int, slot: int) -> None:
        self.do(Step("clear_bag_slot", {"bag": bag, "slot": slot}))

    @rule()
    def list_items(self) -> None:
        self.do(run(f'/run MGM_RequestGiftItems("{GIFT}")'))

    @rule(name=enrolled_names())
    def ask_consent(self, name: str) -> None:
        self.do(run(f'/run MGM_RequestGiftConfirmation("{GIFT}","{name}")'))

    @rule(name=st.sampled_from(WINNERS))
    def notify_winner(self, name: str) -> None:
        self.do(notify(PAYOUTS[0], name))

    @rule(sender=sender_names(), text=st.one_of(replies("!twgift"), replies("!twgold")))
    def reply(self, sender: str, text: str) -> None:
        self.do(whisper(sender, text))


MACHINES: dict[str, type[AddonMachine]] = {
    "mail": MailGatingMachine, "acceptance": AcceptanceMachine, "who": WhoMachine,
    "gift": GiftMachine,
}
