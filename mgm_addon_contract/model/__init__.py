"""Reference model of SPEC §8-§10, §12: what the addon must print, whisper and mail.

:class:`ContractMonitor` mirrors every step of a scenario in a model of the addon's duties
and compares the headless client's observations (tags in the chat, whispers, mail, Lua
errors, blocked calls) with it. Each disagreement is a :class:`Failure` naming a clause.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from mgm_addon_contract.grammar import (
    ParsedLine,
    TagKind,
    parse_gold_payload,
    parse_message,
    parse_run_call,
)
from mgm_addon_contract.scenarios.steps import Step
from wowapi_stubs import HeadlessClient

WINNER_TEXT = ("Поздравляю, ты победил в розыгрыше! Дай мне своё согласие на получение награды"
               " - ответь на это сообщение одной фразой: !twgold")
SENT_TEXT = "Награда отправлена тебе на почту, проверяй ящик!"
PREPARE_TEXT = "Prepare Mail"
WHO_DEADLINE = 15.0
MAIL_CLAUSES = frozenset({
    "MAIL-CONFIRM-ARMED-ONLY", "MAIL-CONFIRM-ON-SUCCESS", "MAIL-CONFIRM-ONCE",
    "MAIL-CONFIRM-AMOUNT", "MAIL-COMPLETION-WHISPER", "MAIL-MANUAL-UNTOUCHED",
    "MAIL-FAILURE-REQUEUES", "RECEIVEGOLD-PARSE", "RECEIVEGOLD-NO-DUPLICATES",
})


def short_name(name: str) -> str:
    return name.strip().split("-", 1)[0]


def names_equal(a: str, b: str) -> bool:
    """SPEC §4: compare without realm, case-insensitively (Latin and Cyrillic)."""
    left, right = short_name(a), short_name(b)
    return bool(left) and left.casefold() == right.casefold()


@dataclass
class Failure:
    clause: str
    message: str
    step: int


@dataclass
class Armed:
    payout: str
    name: str
    copper: int
    sent: bool = False
    sent_copper: int | None = None


@dataclass
class ModelState:
    notified: dict[str, str] = field(default_factory=dict)
    accepted: set[str] = field(default_factory=set)
    queue: list[tuple[str, str, int]] = field(default_factory=list)
    known: set[str] = field(default_factory=set)
    confirmed: set[str] = field(default_factory=set)
    failed: set[str] = field(default_factory=set)
    armed: Armed | None = None
    mailbox_open: bool = False
    who: tuple[str, str, float] | None = None
    gift: tuple[str, str] | None = None
    bad_entries: bool = False
    duplicates: bool = False
    manual_touched: bool = False  # a manual mail went to a queued winner
    mail_desynced: bool = False  # after a mail failure, later mail checks would only echo it


class ContractMonitor:
    """Feeds steps to the client and checks each against the reference model."""

    def __init__(self, client: HeadlessClient) -> None:
        self.client = client
        self.model = ModelState()
        self.failures: list[Failure] = []
        self.exercised: set[str] = set()
        self._step = 0
        self._cursor = self._positions()

    # -- observation ---------------------------------------------------------------------
    def _positions(self) -> dict[str, int]:
        c = self.client
        return {"chat": len(c.chat), "whispers": len(c.whispers_sent), "errors": len(c.errors),
                "findings": len(c.findings), "events": len(c.events_fired),
                "attempts": len(c.mail.attempts)}

    def _new(self, name: str, items: list) -> list:  # noqa: ANN401
        return items[self._cursor[name]:]

    def fail(self, clause: str, message: str) -> None:
        self.exercised.add(clause)
        if clause in MAIL_CLAUSES:
            if self.model.mail_desynced:
                return
            self.model.mail_desynced = True
        self.failures.append(Failure(clause, message, self._step))

    def ok(self, *clauses: str) -> None:
        self.exercised.update(clauses)

    # -- steps ---------------------------------------------------------------------------
    def run(self, index: int, step: Step) -> None:
        """Execute ``step`` on the client and check what happened."""
        from mgm_addon_contract.scenarios.steps import execute

        self._step = index
        before_fields = self._send_fields()
        self._before(step)
        execute(self.client, step)
        lines = [line.text for line in self._new("chat", self.client.chat) if line.kind == "addon"]
        tags = self._tags(lines)
        whispers = [(w.target, w.text) for w in self._new("whispers", self.client.whispers_sent)]
        self._check_errors()
        self._after(step, tags, whispers, before_fields)
        self._cursor = self._positions()

    def finish(self) -> None:
        """End of scenario: anything still owed (a /who answer) is a failure."""
        who = self.model.who
        if who and self.client.uptime - who[2] >= WHO_DEADLINE:
            self.fail("WHO-ONE-LINE", f"no [MGM_WHO] line for spin {who[0]} within "
                      f"{WHO_DEADLINE:.0f} s")

    def _before(self, step: Step) -> None:
        if step.action == "close_mailbox":
            self.model.mailbox_open = False

    def _tags(self, lines: list[str]) -> list[ParsedLine]:
        parsed = []
        for text in lines:
            if not text.startswith("[MGM_"):
                continue
            result = parse_message(text)
            if result.violations:
                details = "; ".join(f"{v.rule_id}: {v.message}" for v in result.violations)
                self.fail("TAG-FORMAT", f"{text[:80]!r} breaks the grammar ({details})")
            else:
                self.ok("TAG-FORMAT")
            parsed.append(result)
        return parsed

    def _check_errors(self) -> None:
        for error in self._new("errors", self.client.errors):
            self.fail("NO-LUA-ERRORS", f"{error.location}: {error.message}")
        self.ok("NO-LUA-ERRORS")

    def _send_fields(self) -> tuple[str, int]:
        named = self.client.named
        return named["SendMailNameEditBox"].text, int(getattr(named["SendMailMoney"], "copper", 0))

    def _after(self, step: Step, tags: list[ParsedLine], whispers: list[tuple[str, str]],
               before_fields: tuple[str, int]) -> None:
        action = step.action
        if action == "type_line":
            self._typed(step.args["text"], tags, whispers)
        elif action == "whisper_from":
            self._whisper(step.args["sender"], step.args["text"], tags)
        elif action == "open_mailbox":
            self.model.mailbox_open = True
        elif action == "close_mailbox":
            self.model.armed = None
        elif action == "click" and step.args.get("text") == PREPARE_TEXT:
            self._prepare(before_fields)
        self._sends()
        self._completions(tags, whispers, manual_whispers=whispers)
        self._who_lines(tags)

    # -- typed /run lines ----------------------------------------------------------------
    def _typed(self, text: str, tags: list[ParsedLine],
               whispers: list[tuple[str, str]]) -> None:
        if text.strip().lower() in ("/mgm update", "/mgm checkupdate"):
            count = sum(1 for t in tags if t.tag and t.tag.kind is TagKind.UPDATE_CHECK)
            if count != 1:
                self.fail("UPDATE-CHECK", f"{text!r} printed {count} [MGM_UPDATE_CHECK] lines")
            else:
                self.ok("UPDATE-CHECK")
            return
        call = parse_run_call(text)
        if call is None:
            return
        function, args = call
        if function == "NotifyWinnerWhisper" and len(args) == 2:
            self._notify(args[0], args[1], whispers)
        elif function == "ReceiveGold" and args:
            self._receive_gold(args[0])
        elif function == "MGM_RunWhoForSpin" and len(args) == 2:
            self._who_request(args[0], args[1])
        elif function == "MGM_RequestGiftItems" and args:
            self._gift_items(args[0], tags)
        elif function == "MGM_RequestGiftConfirmation" and len(args) == 2:
            self.model.gift = (args[0], args[1])

    def _notify(self, payout: str, name: str, whispers: list[tuple[str, str]]) -> None:
        self.model.notified[payout] = name  # a repeated notification names the winner anew
        right = [w for w in whispers if names_equal(w[0], name) and w[1] == WINNER_TEXT]
        if len(right) != 1:
            seen = "; ".join(f"to {t}: {x!r}" for t, x in whispers) or "none"
            self.fail("WHISPER-WINNER-TEXT", f"NotifyWinnerWhisper({payout}, {name}) whispered "
                      f"{seen}; expected the exact §9 text once")
        else:
            self.ok("WHISPER-WINNER-TEXT")

    def _receive_gold(self, payload: str) -> None:
        for segment in payload.split(";"):
            if not segment.strip():
                continue
            parsed = parse_gold_payload(segment.strip())
            if isinstance(parsed, str) or not parsed:
                self.model.bad_entries = True
                continue
            entry = parsed[0]
            if entry.payout_id in self.model.known:
                self.model.duplicates = True
                continue
            self.model.known.add(entry.payout_id)
            self.model.queue.append((entry.payout_id, entry.character_name, entry.copper))

    # -- acceptance (SPEC §9) and gift consent (SPEC §12) --------------------------------
    def _whisper(self, sender: str, text: str, tags: list[ParsedLine]) -> None:
        body = text.strip().lower()
        accepts = [t.tag.id for t in tags if t.tag and t.tag.kind is TagKind.ACCEPT]
        expected = [p for p, name in self.model.notified.items()
                    if body == "!twgold" and p not in self.model.accepted
                    and names_equal(sender, name)]
        for payout in accepts:
            if payout in expected:
                continue
            if payout in self.model.accepted:
                self.fail("ACCEPT-ONCE-PER-PAYOUT", f"second [MGM_ACCEPT:{payout}]")
            elif body != "!twgold":
                self.fail("ACCEPT-BODY-NORMALIZED", f"accepted {payout} on reply {text!r}")
            else:
                self.fail("ACCEPT-NOTIFIED-WINNER-ONLY",
                          f"accepted {payout} on a reply from {sender!r}, not its winner")
        for payout in expected:
            if payout not in accepts:
                clause = "ACCEPT-BODY-NORMALIZED" if text != "!twgold" else "ACCEPT-ALL-NOTIFIED"
                self.fail(clause, f"no [MGM_ACCEPT:{payout}] after {sender!r} replied {text!r}")
        if body == "!twgold":
            self.ok("ACCEPT-NOTIFIED-WINNER-ONLY", "ACCEPT-ONCE-PER-PAYOUT")
            if expected and text != "!twgold":
                self.ok("ACCEPT-BODY-NORMALIZED")
            if len(self.model.notified) > 1 and expected:
                self.ok("ACCEPT-ALL-NOTIFIED")
        # The model follows what the addon did, so one defect is reported once.
        self.model.accepted.update(accepts)
        self._gift_reply(sender, body, tags)

    def _gift_reply(self, sender: str, body: str, tags: list[ParsedLine]) -> None:
        accepts = [t.tag.id for t in tags if t.tag and t.tag.kind is TagKind.GIFT_ACCEPT]
        gift = self.model.gift
        due = gift is not None and body == "!twgift" and names_equal(sender, gift[1])
        if due:
            if accepts != [gift[0]]:
                self.fail("GIFT-ACCEPT-GATED", f"expected one [MGM_GIFT_ACCEPT:{gift[0]}] after "
                          f"!twgift from {sender}, saw {accepts}")
            else:
                self.ok("GIFT-ACCEPT-GATED")
            self.model.gift = None
        elif accepts:
            self.fail("GIFT-ACCEPT-GATED", f"[MGM_GIFT_ACCEPT] on {body!r} from {sender!r} "
                      "without a matching gift confirmation request")
        elif body == "!twgift":
            self.ok("GIFT-ACCEPT-GATED")

    def _gift_items(self, gift: str, tags: list[ParsedLine]) -> None:
        items = [t.tag for t in tags if t.tag and t.tag.kind is TagKind.ITEMS]
        expected = sorted((slot.item.item_id, slot.count, bag, index)
                          for (bag, index), slot in self.client.bags.contents.items())
        if len(items) != 1 or items[0].id != gift:
            self.fail("GIFT-ITEMS-LIST", f"expected one [MGM_ITEMS:{gift}] line, saw {len(items)}")
            return
        seen = sorted((i.get("id"), i.get("count"), i.get("bagId"), i.get("slotId"))
                      for i in items[0].payload if isinstance(i, dict))
        if seen != expected:
            self.fail("GIFT-ITEMS-LIST", f"items {seen} do not match the bags {expected}")
        else:
            self.ok("GIFT-ITEMS-LIST")

    # -- mail (SPEC §9) ------------------------------------------------------------------
    def _prepare(self, before: tuple[str, int]) -> None:
        model = self.model
        after = self._send_fields()
        if not model.mailbox_open:
            return
        if not model.queue:
            if after != before and after[0]:
                clause = "RECEIVEGOLD-NO-DUPLICATES" if model.duplicates else \
                    "MAIL-MANUAL-UNTOUCHED"
                self.fail(clause, f"Prepare Mail filled {after} but nothing is queued")
            elif model.duplicates:
                self.ok("RECEIVEGOLD-NO-DUPLICATES")
            return
        payout, name, copper = model.queue[0]
        model.armed = Armed(payout, name, copper)
        if names_equal(after[0], name) and after[1] == copper:
            self.ok("RECEIVEGOLD-PARSE", "MAIL-FAILURE-REQUEUES")
            if model.duplicates:
                self.ok("RECEIVEGOLD-NO-DUPLICATES")
            return
        if payout in model.failed:
            clause = "MAIL-FAILURE-REQUEUES"
        elif model.bad_entries:
            clause = "RECEIVEGOLD-PARSE"
        elif model.manual_touched and not model.duplicates:
            clause = "MAIL-MANUAL-UNTOUCHED"
        elif model.duplicates or model.confirmed:
            clause = "RECEIVEGOLD-NO-DUPLICATES" if model.duplicates else "MAIL-CONFIRM-ONCE"
        else:
            clause = "MAIL-FAILURE-REQUEUES"
        self.fail(clause, f"Prepare Mail filled {after}; the next queued payout is {payout} "
                  f"({name}, {copper} copper)")
        prepared = next((row for row in model.queue
                         if names_equal(row[1], after[0]) and row[2] == after[1]), None)
        model.armed = Armed(*prepared) if prepared else None

    def _sends(self) -> None:
        armed = self.model.armed
        for attempt in self._new("attempts", self.client.mail.attempts):
            manual = armed is None or not names_equal(attempt.recipient, armed.name)
            if manual and any(names_equal(attempt.recipient, r[1]) for r in self.model.queue):
                self.model.manual_touched = True
            if armed is None:
                continue
            if names_equal(attempt.recipient, armed.name):
                armed.sent, armed.sent_copper = True, attempt.copper
            else:
                armed.sent = False

    def _completions(self, tags: list[ParsedLine], whispers: list[tuple[str, str]],
                     manual_whispers: list[tuple[str, str]]) -> None:
        confirms = [t.tag.id for t in tags if t.tag and t.tag.kind is TagKind.CONFIRM]
        expected: list[tuple[str, str]] = []
        wrong_amount: set[str] = set()
        manual = 0
        for event, _ in self._new("events", self.client.events_fired):
            armed = self.model.armed
            if event == "MAIL_FAILED" and armed is not None:
                self.model.failed.add(armed.payout)
                self.model.armed = None
            elif event == "MAIL_SEND_SUCCESS":
                if armed is None or not armed.sent:
                    manual += 1
                elif armed.sent_copper != armed.copper:
                    wrong_amount.add(armed.payout)
                    self.model.armed = None
                else:
                    expected.append((armed.payout, armed.name))
                    self.model.queue = [r for r in self.model.queue if r[0] != armed.payout]
                    self.model.armed = None
        expected_ids = [p for p, _ in expected]
        for payout in confirms:
            if payout in expected_ids:
                continue
            if payout in self.model.confirmed:
                self.fail("MAIL-CONFIRM-ONCE", f"second [MGM_CONFIRM:{payout}]")
            elif payout in wrong_amount:
                self.fail("MAIL-CONFIRM-AMOUNT", f"[MGM_CONFIRM:{payout}] for a mail that did "
                          "not carry the queued amount")
            else:
                self.fail("MAIL-CONFIRM-ARMED-ONLY", f"[MGM_CONFIRM:{payout}] without an armed "
                          "MGM send (manual mail)")
        for payout, name in expected:
            if payout not in confirms:
                self.fail("MAIL-CONFIRM-ON-SUCCESS", f"armed send for {payout} succeeded "
                          "without [MGM_CONFIRM]")
                continue
            self.ok("MAIL-CONFIRM-ON-SUCCESS", "MAIL-CONFIRM-ONCE", "MAIL-CONFIRM-ARMED-ONLY")
            if (name, SENT_TEXT) not in [(t, x) for t, x in whispers if names_equal(t, name)]:
                self.fail("MAIL-COMPLETION-WHISPER", f"no completion whisper to {name} after "
                          f"[MGM_CONFIRM:{payout}]")
            else:
                self.ok("MAIL-COMPLETION-WHISPER")
            self.model.confirmed.add(payout)
        if wrong_amount and not set(confirms) & wrong_amount:
            self.ok("MAIL-CONFIRM-AMOUNT")
        if manual and not expected:
            sent_texts = [w for w in manual_whispers if w[1] == SENT_TEXT]
            if sent_texts:
                self.fail("MAIL-MANUAL-UNTOUCHED", f"completion whisper after manual mail: "
                          f"{sent_texts}")
            elif not confirms:
                self.ok("MAIL-MANUAL-UNTOUCHED", "MAIL-CONFIRM-ARMED-ONLY")

    # -- /who (SPEC §8) -------------------------------------------------------------------
    def _who_request(self, spin: str, name: str) -> None:
        blocked = [f for f in self._new("findings", self.client.findings)
                   if f.kind == "protected-call-blocked"]
        if blocked:
            self.fail("WHO-NO-PROTECTED-CALL", f"/who touched {blocked[0].message.split('(')[0]}"
                      f"at {blocked[0].location}")
        else:
            self.ok("WHO-NO-PROTECTED-CALL")
        if self.model.who is None:
            self.model.who = (spin, name, self.client.uptime)

    def _who_lines(self, tags: list[ParsedLine]) -> None:
        lines = [t.tag for t in tags if t.tag and t.tag.kind is TagKind.WHO]
        for tag in lines:
            pending = self.model.who
            payload = tag.payload if isinstance(tag.payload, dict) else {}
            if pending is None:
                self.fail("WHO-ONE-LINE", f"[MGM_WHO] for {tag.id} without a pending request")
                continue
            spin, name, _ = pending
            self.model.who = None
            if tag.id != spin or not names_equal(str(payload.get("characterName", "")), name):
                self.fail("WHO-ONE-LINE", f"[MGM_WHO] answered {tag.id}/"
                          f"{payload.get('characterName')}, asked {spin}/{name}")
                continue
            self.ok("WHO-ONE-LINE")
            online = any(e.name.casefold() == name.strip().casefold()
                         for e in self.client.roster.online)
            if payload.get("online") is not online:
                self.fail("WHO-ONLINE-EXACT", f"online={payload.get('online')} for {name}; the "
                          f"exact name is {'' if online else 'not '}online")
            else:
                self.ok("WHO-ONLINE-EXACT")
