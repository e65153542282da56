"""The contract monitor: runs scenario steps on the headless client, feeds the same inputs to
the reference model (:mod:`mgm_addon_contract.model`) and reports every disagreement as a
:class:`Failure` naming the clause it breaks.

One defect should be reported once: after a disagreement the model follows what the addon
did (an extra ACCEPT counts as accepted, a mis-prepared row as armed) and later mail checks
that would only echo the first failure are suppressed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from mgm_addon_contract.grammar import ParsedLine, TagKind, parse_message, parse_run_call
from mgm_addon_contract.model import SENT_TEXT, WINNER_TEXT, QueueRow, ReferenceModel, names_equal
from mgm_addon_contract.model.names import reply_is
from mgm_addon_contract.model.reference import Armed, GiftRequest
from mgm_addon_contract.scenarios.steps import Step, execute
from wowapi_stubs import HeadlessClient

PREPARE_TEXT = "Prepare Mail"
WHO_DEADLINE = 15.0
"""Seconds within which a /who request must be answered by one [MGM_WHO] line."""
MAIL_CLAUSES = frozenset({
    "MAIL-CONFIRM-ARMED-ONLY", "MAIL-CONFIRM-ON-SUCCESS", "MAIL-CONFIRM-ONCE",
    "MAIL-CONFIRM-AMOUNT", "MAIL-COMPLETION-WHISPER", "MAIL-MANUAL-UNTOUCHED",
    "MAIL-FAILURE-REQUEUES", "RECEIVEGOLD-PARSE", "RECEIVEGOLD-NO-DUPLICATES",
})


@dataclass
class Failure:
    """A clause broken at a step (1-based; 0 = while loading)."""

    clause: str
    message: str
    step: int


@dataclass
class _History:
    """What happened before, used to name the clause a later mismatch comes from."""

    bad_entries: bool = False
    duplicates: list[QueueRow] = field(default_factory=list)
    manual_touched: bool = False  # a manual mail went to a queued winner
    last_notified: str | None = None  # the payout notified first most recently
    accepted_padded: bool = False  # the addon accepted a reply other than exactly !twgold
    accepted_older: bool = False  # the addon accepted a payout notified before the latest
    mail_desynced: bool = False  # after one mail failure, later mail checks would echo it


class ContractMonitor:
    """Feeds steps to the client and checks each against the reference model."""

    def __init__(self, client: HeadlessClient, known: frozenset[str] = frozenset()) -> None:
        """``known``: clauses already known to fail; an observation that either a known or a
        new defect explains is blamed on the known one (fuzzing looks for new defects)."""
        self.client = client
        self.known = known
        self.model = ReferenceModel()
        self.history = _History()
        self.failures: list[Failure] = []
        self.exercised: set[str] = set()
        self._step = 0
        self._cursor = self._positions()
        self.window = dict(self._cursor)  # start of the observations expect_* steps look at
        self._last_was_expect = False

    # -- observation ---------------------------------------------------------------------
    def _positions(self) -> dict[str, int]:
        c = self.client
        return {"chat": len(c.chat), "whispers": len(c.whispers_sent), "errors": len(c.errors),
                "findings": len(c.findings), "events": len(c.events_fired),
                "attempts": len(c.mail.attempts), "ledger": len(c.mail_ledger)}

    def _new(self, name: str, items: list) -> list:  # noqa: ANN401
        return items[self._cursor[name]:]

    def fail(self, clause: str, message: str) -> None:
        self.exercised.add(clause)
        if clause in MAIL_CLAUSES:
            if self.history.mail_desynced:
                return
            self.history.mail_desynced = True
        self.failures.append(Failure(clause, message, self._step))

    def ok(self, *clauses: str) -> None:
        self.exercised.update(clauses)

    # -- steps ---------------------------------------------------------------------------
    def run(self, index: int, step: Step) -> None:
        """Execute ``step`` on the client and check what happened."""
        self._step = index
        if step.action.startswith("expect_"):
            from mgm_addon_contract.scenarios.expect import check_expectation

            message = check_expectation(self.client, step, self.window)
            clause = str(step.args.get("clause", "EXPECT"))
            if message:
                self.failures.append(Failure(clause, f"{step.action}: {message}", index))
            elif "clause" in step.args:
                self.ok(clause)
            self._last_was_expect = True
            return
        if self._last_was_expect:
            self.window = self._positions()
            self._last_was_expect = False
        before_fields = self._send_fields()
        if step.action == "close_mailbox":
            self.model.close_mailbox()
        execute(self.client, step)
        lines = [line.text for line in self._new("chat", self.client.chat) if line.kind == "addon"]
        tags = self._tags(lines)
        whispers = [(w.target, w.text) for w in self._new("whispers", self.client.whispers_sent)]
        self._check_errors()
        self._after(step, tags, whispers, before_fields)
        self._cursor = self._positions()

    def perform(self, *steps: Step) -> list[Failure]:
        """Run ``steps`` after the ones already run; the failures they caused."""
        before = len(self.failures)
        for step in steps:
            self.run(self._step + 1, step)
        return self.failures[before:]

    def finish(self) -> None:
        """End of scenario: anything still owed (a /who answer) is a failure."""
        who = self.model.who
        if who and self.client.uptime - who.started >= WHO_DEADLINE:
            self.fail("WHO-ONE-LINE", f"no [MGM_WHO] line for spin {who.spin} within "
                      f"{WHO_DEADLINE:.0f} s")

    def _tags(self, lines: list[str]) -> list[ParsedLine]:
        parsed = []
        for text in lines:
            result = parse_message(text)
            if result.tag is None and not result.violations:
                continue
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
            self.model.open_mailbox()
        elif action == "click" and self._is_prepare(step):
            self._prepare(before_fields)
        self._sends()
        self._completions(tags, whispers)
        self._who_lines(tags)

    def _is_prepare(self, step: Step) -> bool:
        if "name" in step.args:
            frame = self.client.named.get(step.args["name"])
            return frame is not None and getattr(frame, "text", None) == PREPARE_TEXT
        return step.args.get("text") == PREPARE_TEXT

    # -- typed /run lines ----------------------------------------------------------------
    def _typed(self, text: str, tags: list[ParsedLine],
               whispers: list[tuple[str, str]]) -> None:
        if text.strip().lower() in ("/mgm update", "/mgm checkupdate"):
            count = sum(1 for t in tags if t.tag and t.tag.kind is TagKind.UPDATE_CHECK)
            if count != len(self.model.update_check().tags):
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
            result = self.model.receive_gold(args[0])
            self.history.bad_entries |= bool(result.bad)
            self.history.duplicates += result.duplicates
        elif function == "MGM_RunWhoForSpin" and len(args) == 2:
            self._who_request(args[0], args[1])
        elif function == "MGM_RequestGiftItems" and args:
            self._gift_items(args[0], tags)
        elif function == "MGM_RequestGiftConfirmation" and len(args) == 2:
            self.model.gift_confirmation(args[0], args[1])

    def _notify(self, payout: str, name: str, whispers: list[tuple[str, str]]) -> None:
        duties = self.model.notify(payout, name)
        if not duties.whispers:
            return
        self.history.last_notified = next(reversed(self.model.notified))  # newest payout
        right = [w for w in whispers if names_equal(w[0], name) and w[1] == WINNER_TEXT]
        if len(right) != 1:
            seen = "; ".join(f"to {t}: {x!r}" for t, x in whispers) or "none"
            self.fail("WHISPER-WINNER-TEXT", f"NotifyWinnerWhisper({payout}, {name}) whispered "
                      f"{seen}; expected the exact §9 text once")
        else:
            self.ok("WHISPER-WINNER-TEXT")

    # -- acceptance (SPEC §9) and gift consent (SPEC §12) --------------------------------
    def _whisper(self, sender: str, text: str, tags: list[ParsedLine]) -> None:
        model = self.model
        is_reply = reply_is(text, "!twgold")
        already, gift = set(model.accepted), model.gift
        duties = model.whisper(sender, text)
        expected = duties.ids(TagKind.ACCEPT)
        self._gift_reply(sender, text, tags, duties.ids(TagKind.GIFT_ACCEPT), gift)
        accepts = [t.tag.id for t in tags if t.tag and t.tag.kind is TagKind.ACCEPT]
        for payout in accepts:
            if payout in expected:
                continue
            if payout in already:
                self.fail("ACCEPT-ONCE-PER-PAYOUT", f"second [MGM_ACCEPT:{payout}]")
            elif not is_reply:
                self.fail("ACCEPT-BODY-NORMALIZED", f"accepted {payout} on reply {text!r}")
            else:
                self.fail("ACCEPT-NOTIFIED-WINNER-ONLY",
                          f"accepted {payout} on a reply from {sender!r}, not its winner")
        for payout in expected:
            if payout not in accepts:
                clause = self._blame_missing_accept(payout, text, bool(accepts))
                self.fail(clause, f"no [MGM_ACCEPT:{payout}] after {sender!r} replied {text!r}")
                model.accepted.discard(payout)  # follow the addon: a later ACCEPT is its first
        self.history.accepted_padded |= bool(accepts) and text != "!twgold"
        self.history.accepted_older |= any(p != self.history.last_notified for p in accepts)
        if is_reply:
            self.ok("ACCEPT-NOTIFIED-WINNER-ONLY", "ACCEPT-ONCE-PER-PAYOUT")
            if expected and text != "!twgold":
                self.ok("ACCEPT-BODY-NORMALIZED")
            if len(model.notified) > 1 and expected:
                self.ok("ACCEPT-ALL-NOTIFIED")
        model.accepted.update(p for p in accepts if p)  # follow the addon: report once

    def _blame_missing_accept(self, payout: str, text: str, accepted_some: bool) -> str:
        """A missing ACCEPT: the reply body was not recognised (ACCEPT-BODY-NORMALIZED) or the
        payout was not considered (ACCEPT-ALL-NOTIFIED); decided by this reply and by what
        the addon accepted before."""
        if accepted_some or text == "!twgold":
            return "ACCEPT-ALL-NOTIFIED"  # the reply itself was recognised
        if payout == self.history.last_notified:
            return "ACCEPT-BODY-NORMALIZED"
        if self.history.accepted_padded and not self.history.accepted_older:
            return "ACCEPT-ALL-NOTIFIED"  # padded replies worked before; older payouts never
        if "ACCEPT-ALL-NOTIFIED" in self.known and "ACCEPT-BODY-NORMALIZED" not in self.known:
            return "ACCEPT-ALL-NOTIFIED"  # ambiguous: blame the defect already found
        return "ACCEPT-BODY-NORMALIZED"

    def _gift_reply(self, sender: str, text: str, tags: list[ParsedLine],
                    expected: list[str | None], gift: GiftRequest | None) -> None:
        accepts = [t.tag.id for t in tags if t.tag and t.tag.kind is TagKind.GIFT_ACCEPT]
        if expected:
            if not accepts and text != "!twgift":
                self.fail("ACCEPT-BODY-NORMALIZED", f"no [MGM_GIFT_ACCEPT:{expected[0]}] after "
                          f"{sender!r} replied {text!r} (the §9 reply rule, applied to !twgift)")
            elif accepts != expected:
                self.fail("GIFT-ACCEPT-GATED", f"expected one [MGM_GIFT_ACCEPT:{expected[0]}] "
                          f"after !twgift from {sender}, saw {accepts}")
            else:
                self.ok("GIFT-ACCEPT-GATED")
        elif accepts:
            if gift is not None and gift.gift in accepts:
                self.model.gift = None  # follow the addon: its request is used up
            pending = f"pending for {gift.name}" if gift else "none pending"
            self.fail("GIFT-ACCEPT-GATED", f"[MGM_GIFT_ACCEPT] on {text!r} from {sender!r} "
                      f"without a matching gift confirmation request ({pending})")
        elif reply_is(text, "!twgift"):
            self.ok("GIFT-ACCEPT-GATED")

    def _gift_items(self, gift: str, tags: list[ParsedLine]) -> None:
        items = [t.tag for t in tags if t.tag and t.tag.kind is TagKind.ITEMS]
        bags = {key: (slot.item.item_id, slot.count)
                for key, slot in self.client.bags.contents.items()}
        expected = self.model.gift_items(bags)
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
        model, history = self.model, self.history
        after = self._send_fields()
        if not model.mailbox_open:
            return
        row = model.prepare()
        if row is None:
            if after != before and after[0]:
                self.fail(self._blame(after, None),
                          f"Prepare Mail filled {after} but nothing is queued")
            elif history.duplicates:
                self.ok("RECEIVEGOLD-NO-DUPLICATES")
            return
        if names_equal(after[0], row.name) and after[1] == row.copper:
            self.ok("RECEIVEGOLD-PARSE", "MAIL-FAILURE-REQUEUES")
            if history.duplicates:
                self.ok("RECEIVEGOLD-NO-DUPLICATES")
            return
        self.fail(self._blame(after, row), f"Prepare Mail filled {after}; the next queued "
                  f"payout is {row.payout} ({row.name}, {row.copper} copper)")
        prepared = next((r for r in model.queue
                         if names_equal(r.name, after[0]) and r.copper == after[1]), None)
        model.armed = Armed(prepared) if prepared else None  # follow the addon: report once

    def _blame(self, filled: tuple[str, int], head: QueueRow | None) -> str:
        """The clause a wrong Prepare Mail most likely comes from, judged by what was filled
        and what happened before."""
        model, history = self.model, self.history

        def offered(rows: list[QueueRow]) -> bool:
            return any(names_equal(r.name, filled[0]) and r.copper == filled[1] for r in rows)

        duplicate, again = offered(history.duplicates), offered(model.delivered)
        if filled[0] and duplicate and again and "MAIL-CONFIRM-ONCE" in self.known \
                and "RECEIVEGOLD-NO-DUPLICATES" not in self.known:
            return "MAIL-CONFIRM-ONCE"  # ambiguous: blame the defect already found
        if filled[0] and duplicate:
            return "RECEIVEGOLD-NO-DUPLICATES"  # a second row for a known payout id
        if filled[0] and again:
            return "MAIL-CONFIRM-ONCE"  # a confirmed payout is still on offer
        if head is not None and head.payout in model.failed:
            return "MAIL-FAILURE-REQUEUES"
        if history.bad_entries:
            return "RECEIVEGOLD-PARSE"
        if history.manual_touched:
            return "MAIL-MANUAL-UNTOUCHED"
        if history.duplicates:
            return "RECEIVEGOLD-NO-DUPLICATES"
        return "MAIL-FAILURE-REQUEUES" if head is not None else "MAIL-MANUAL-UNTOUCHED"

    def _sends(self) -> None:
        for attempt in self._new("attempts", self.client.mail.attempts):
            armed = self.model.armed
            manual = armed is None or not names_equal(attempt.recipient, armed.row.name)
            if manual and self.model.queued_winner(attempt.recipient):
                self.history.manual_touched = True
            self.model.mail_attempt(attempt.recipient, attempt.copper)

    def _completions(self, tags: list[ParsedLine], whispers: list[tuple[str, str]]) -> None:
        confirms = [t.tag.id for t in tags if t.tag and t.tag.kind is TagKind.CONFIRM]
        expected: list[QueueRow] = []
        wrong_amount: set[str] = set()
        manual = 0
        confirmed_before = set(self.model.confirmed)
        for event, _ in self._new("events", self.client.events_fired):
            if event == "MAIL_FAILED":
                self.model.mail_failed()
            elif event == "MAIL_SEND_SUCCESS":
                outcome = self.model.mail_success()
                if outcome.kind == "manual":
                    manual += 1
                elif outcome.kind == "wrong-amount" and outcome.row:
                    wrong_amount.add(outcome.row.payout)
                elif outcome.row:
                    expected.append(outcome.row)
        expected_ids = [r.payout for r in expected]
        for payout in confirms:
            if payout in expected_ids:
                continue
            if payout in confirmed_before:
                self.fail("MAIL-CONFIRM-ONCE", f"second [MGM_CONFIRM:{payout}]")
            elif payout in wrong_amount:
                self.fail("MAIL-CONFIRM-AMOUNT", f"[MGM_CONFIRM:{payout}] for a mail that did "
                          "not carry the queued amount")
            else:
                self.fail("MAIL-CONFIRM-ARMED-ONLY", f"[MGM_CONFIRM:{payout}] without an armed "
                          "MGM send (manual mail)")
        for row in expected:
            if row.payout not in confirms:
                self.fail("MAIL-CONFIRM-ON-SUCCESS", f"armed send for {row.payout} succeeded "
                          "without [MGM_CONFIRM]")
                continue
            self.ok("MAIL-CONFIRM-ON-SUCCESS", "MAIL-CONFIRM-ONCE", "MAIL-CONFIRM-ARMED-ONLY")
            if not any(names_equal(t, row.name) and x == SENT_TEXT for t, x in whispers):
                self.fail("MAIL-COMPLETION-WHISPER", f"no completion whisper to {row.name} after "
                          f"[MGM_CONFIRM:{row.payout}]")
            else:
                self.ok("MAIL-COMPLETION-WHISPER")
        if wrong_amount and not set(confirms) & wrong_amount:
            self.ok("MAIL-CONFIRM-AMOUNT")
        if manual and not expected:
            sent_texts = [w for w in whispers if w[1] == SENT_TEXT]
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
            self.fail("WHO-NO-PROTECTED-CALL", f"/who touched a protected function: "
                      f"{blocked[0].message} at {blocked[0].location}")
        else:
            self.ok("WHO-NO-PROTECTED-CALL")
        self.model.who_request(spin, name, self.client.uptime)

    def _who_lines(self, tags: list[ParsedLine]) -> None:
        for parsed in tags:
            tag = parsed.tag
            if tag is None or tag.kind is not TagKind.WHO:
                continue
            payload = tag.payload if isinstance(tag.payload, dict) else {}
            answer = self.model.who_answer([e.name for e in self.client.roster.online])
            if answer is None:
                self.fail("WHO-ONE-LINE", f"[MGM_WHO] for {tag.id} without a pending request")
                continue
            request, online = answer
            if tag.id != request.spin or not names_equal(str(payload.get("characterName", "")),
                                                         request.name):
                self.fail("WHO-ONE-LINE", f"[MGM_WHO] answered {tag.id}/"
                          f"{payload.get('characterName')}, asked {request.spin}/{request.name}")
                continue
            self.ok("WHO-ONE-LINE")
            if payload.get("online") is not online:
                self.fail("WHO-ONLINE-EXACT", f"online={payload.get('online')} for "
                          f"{request.name}; the exact name is {'' if online else 'not '}online")
            else:
                self.ok("WHO-ONLINE-EXACT")
