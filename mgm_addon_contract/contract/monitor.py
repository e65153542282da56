"""The contract monitor: runs scenario steps on the headless client, feeds the same inputs to
the reference model (:mod:`mgm_addon_contract.model`) and reports every disagreement as a
:class:`Failure` naming the clause it breaks.

One defect should be reported once: after a disagreement the model follows what the addon
did (an extra ACCEPT counts as accepted, a mis-prepared row as armed) and later mail checks
that would only echo the first failure are suppressed. What a defect hides is recorded as
:class:`Masked` ("behind" the defect), not as a failure: a /who answer after the /who call
was blocked, disagreements in a step where the addon raised a Lua error.
"""

from __future__ import annotations

import copy
import re
from collections import Counter
from dataclasses import dataclass, field, replace

from mgm_addon_contract.contract.send_fields import FieldWrites
from mgm_addon_contract.grammar import ParsedLine, TagKind, parse_message, parse_run_call
from mgm_addon_contract.grammar.checks import is_character_name
from mgm_addon_contract.grammar.model import Violation
from mgm_addon_contract.model import SENT_TEXT, WINNER_TEXT, QueueRow, ReferenceModel, names_equal
from mgm_addon_contract.model.names import reply_is, short_name, trim
from mgm_addon_contract.model.reference import Duties, GiftRequest, MailOutcome
from mgm_addon_contract.scenarios.prepare import BY_TEXT, PrepareControl, is_role_click
from mgm_addon_contract.scenarios.steps import Step, clicked_frame, execute, render_frame
from wowapi_stubs import HeadlessClient, server_name

RESPONSE_WINDOW = 2.0
"""Seconds of simulated time a step's owed output (a whisper, a tag) may take to appear
after the step's own frame: a timer-driven outbox (0.5-1 s in real addons) or a paced
sender draining a short burst fits; an addon that needs more is reported."""
WHO_DEADLINE = 15.0
"""Seconds within which a /who request must be answered by one [MGM_WHO] line."""
MAIL_CLAUSES = frozenset({
    "MAIL-CONFIRM-ARMED-ONLY", "MAIL-CONFIRM-ON-SUCCESS", "MAIL-CONFIRM-ONCE",
    "MAIL-CONFIRM-AMOUNT", "MAIL-COMPLETION-WHISPER", "MAIL-MANUAL-UNTOUCHED",
    "MAIL-FAILURE-REQUEUES", "RECEIVEGOLD-PARSE", "RECEIVEGOLD-NO-DUPLICATES",
})
"""After one of these fails in a run, later mail checks would only echo it."""


@dataclass
class Failure:
    """A clause broken at a step (1-based; 0 = while loading)."""

    clause: str
    message: str
    step: int


@dataclass(frozen=True)
class Masked:
    """A clause that could not be judged at a step because another defect (``cause``, a
    clause id) was in the way; ``message`` says what was seen."""

    clause: str
    cause: str
    message: str
    step: int


BLOCKED_CAUSE = "WHO-NO-PROTECTED-CALL"
WHO_CLAUSES = frozenset({"WHO-ONE-LINE", "WHO-ONLINE-EXACT"})
"""What a /who answer is judged by; a blocked /who call leaves nothing to judge."""
ERROR_CAUSE = "NO-LUA-ERRORS"
TAG_NOT_FIRST = "TAG-NOT-FIRST"
"""The rule of an addon line whose tag comes after other text (a colour code, a prefix) or
that went to another chat frame than the default one."""
OTHER_CHAT_FRAMES = 9
"""``ChatFrame2`` .. ``ChatFrame10``."""
INDEPENDENT = frozenset({ERROR_CAUSE, "TAG-FORMAT", "LOADS-IN-LUA51"})
"""Clauses judged on their own even in a step with a Lua error."""
CLIENT_GAP = re.compile(r"WoW API (\S+) is not implemented by the headless client")
"""The error the headless client raises for a 3.3.5a function it does not implement."""
NO_PREPARE_CAUSE = "no Prepare Mail control"
"""Why mail expectations after a Prepare Mail click could not be judged: no button of the
addon fills the Send Mail tab with a queued payout (see :mod:`..scenarios.prepare`)."""
SELF_ARMED_CAUSE = "the addon prepared the mail itself"
"""Why a scripted mail expectation could not be judged: the script sends by hand, but the
addon had filled and armed the Send Mail tab without a Prepare Mail click, so the send was
its own (see :meth:`ContractMonitor._filled_by_addon`)."""


@dataclass
class _History:
    """What happened before, used to name the clause a later mismatch comes from."""

    bad_batch: dict[str, int] = field(default_factory=dict)  # payout -> step of a batch with
    # bad entries it came in
    duplicates: list[QueueRow] = field(default_factory=list)
    manual_to: list[tuple[str, int]] = field(default_factory=list)  # manual mail to a queued
    # winner: (recipient, step)
    failure_step: int = 0  # when a send of a queued payout failed, last
    last_notified: str | None = None  # the payout notified first most recently
    accepted_padded: bool = False  # the addon accepted a reply other than exactly !twgold
    accepted_older: bool = False  # the addon accepted a payout notified before the latest
    recased: set[str] = field(default_factory=set)  # letters whose case the addon matched
    who_masked_by: str | None = None  # a defect that kept a /who answer of this run unjudged
    mail_desynced: bool = False  # after one mail failure, later mail checks would echo it
    self_armed: bool = False  # the addon filled and armed the Send Mail tab without a click
    sent_unconfirmed: dict[str, int] = field(default_factory=dict)  # payout -> step of a
    # success of a send of it that may be confirmed and was not
    confirmable: dict[str, tuple[float, QueueRow]] = field(default_factory=dict)  # payout ->
    # (time, row) of such a success: a deferred CONFIRM of it may still come
    sent_at: list[float] = field(default_factory=list)  # when each send in flight was made
    mis_sent: dict[str, float] = field(default_factory=dict)  # payout -> time of a success of
    # a send of it that did not carry the queued amount (a late CONFIRM of it is that defect)


@dataclass
class _Reply:
    """The latest whisper to the streamer and what it allows: ACCEPT lines (``allowed``
    counts those not yet printed), GIFT_ACCEPT ids (``gifts``)."""

    sender: str
    text: str
    allowed: Counter
    expected: tuple[str, ...]
    already: frozenset[str]
    gifts: tuple[str, ...]
    at: float  # when the reply came


class ContractMonitor:
    """Feeds steps to the client and checks each against the reference model."""

    def __init__(self, client: HeadlessClient, known: frozenset[str] = frozenset(),
                 prepare: PrepareControl | None = BY_TEXT) -> None:
        """``known``: clauses already known to fail; an observation that either a known or a
        new defect explains is blamed on the known one (fuzzing looks for new defects).
        ``prepare``: how a ``click(text='Prepare Mail')`` reaches the addon's control (None:
        the addon has none; what depends on it is masked, not failed)."""
        self.client = client
        self.known = known
        self.prepare = prepare
        self._no_prepare_clicked = False
        self.model = ReferenceModel()
        self.history = _History()
        self._sent_this_step = False  # a MAIL_SEND_SUCCESS came in the step being judged
        self.failures: list[Failure] = []
        self.masked: list[Masked] = []
        self.exercised: set[str] = set()
        self._step_cause: str | None = None
        self._elsewhere_seen: dict[str, int] = {}  # lines already read per other chat frame
        # a 3.3.5a function the headless client lacks was called (while logging in too):
        # what follows in this run may be its consequence, not the addon's defect
        self._run_cause = next((gap for e in client.errors
                                if (gap := client_gap(e.message)) is not None), None)
        self._step = 0
        self._cursor = self._positions()
        self.window = dict(self._cursor)  # start of the observations expect_* steps look at
        self._last_was_expect = False
        self._missing: list[str] = []  # clauses whose owed output is missing (this judgment)
        self._replies: list[_Reply] = []  # the latest whispers (see _recent_replies)
        self._defers = False  # owed output of this addon appeared after its step's frame
        self._step_started = client.uptime
        self._writes = FieldWrites(client)  # code writing into the Send Mail fields
        self._writes_at_step = self._writes.count
        self._past_rosters: list[tuple[float, frozenset[str]]] = []  # (replaced at, online)

    # -- observation ---------------------------------------------------------------------
    def _positions(self) -> dict[str, int]:
        c = self.client
        return {"chat": len(c.chat), "whispers": len(c.whispers_sent), "errors": len(c.errors),
                "findings": len(c.findings), "events": len(c.events_fired),
                "attempts": len(c.mail.attempts), "ledger": len(c.mail_ledger)}

    def _new(self, name: str, items: list) -> list:  # noqa: ANN401
        return items[self._cursor[name]:]

    def fail(self, clause: str, message: str, *, missing: bool = False) -> None:
        """``clause`` is broken at this step; ``missing``: by owed output that has not
        appeared (the step is judged again after more frames, see :meth:`_await_owed`)."""
        cause = self._step_cause or self._run_cause
        if cause and clause not in INDEPENDENT:
            self.mask(clause, cause, message)  # a consequence of that defect or client gap
            return
        self.exercised.add(clause)
        if clause in MAIL_CLAUSES:
            if self.history.mail_desynced:
                return
            self.history.mail_desynced = True
        self.failures.append(Failure(clause, message, self._step))
        if missing:
            self._missing.append(clause)

    def ok(self, *clauses: str) -> None:
        self.exercised.update(clauses)

    def mask(self, clause: str, cause: str, message: str) -> None:
        """``clause`` could not be judged here: ``cause`` (a defect already reported) hides
        it."""
        self.masked.append(Masked(clause, cause, message, self._step))

    # -- steps ---------------------------------------------------------------------------
    def run(self, index: int, step: Step) -> None:
        """Execute ``step`` on the client and check what happened."""
        self._step = index
        self._step_started = self.client.uptime
        self._writes_at_step = self._writes.count
        if step.action.startswith("expect_"):
            from mgm_addon_contract.scenarios.expect import check_expectation

            message = check_expectation(self.client, step, self.window)
            clause = str(step.args.get("clause", "EXPECT"))
            earlier = next((f.clause for f in self.failures if f.clause != clause), None)
            if message and self._run_cause:
                self.mask(clause, self._run_cause, f"{step.action}: {message}")
            elif message and clause in WHO_CLAUSES and self.history.who_masked_by:
                self.mask(clause, self.history.who_masked_by, f"{step.action}: {message}")
            elif message and self._no_prepare_clicked:
                self.mask(clause, NO_PREPARE_CAUSE, f"{step.action}: {message}")
            elif message and self.history.self_armed and clause in MAIL_CLAUSES:
                self.mask(clause, SELF_ARMED_CAUSE, f"{step.action}: {message}")
            elif message and earlier:  # the script assumed a flow the addon left already
                self.mask(clause, earlier, f"{step.action}: {message}")
            elif message:
                self.failures.append(Failure(clause, f"{step.action}: {message}", index))
            elif "clause" in step.args:
                self.ok(clause)
            self._last_was_expect = True
            return
        if self._last_was_expect:
            self.window = self._positions()
            self._last_was_expect = False
        before_fields = self._send_fields()
        if step.action == "set_roster":
            self._past_rosters.append((self.client.uptime, frozenset(
                trim(e.name).casefold() for e in self.client.roster.online)))
        if step.action == "close_mailbox":
            self.model.close_mailbox()
        step = self._resolved(step)
        taken = execute(self.client, step, frame=False)
        fields = (before_fields, self._send_fields())  # the second before the next frame (a
        # mail answer may reset them)
        render_frame(self.client, step)
        self._await_owed(step, taken, fields)
        self._judge(step, taken, fields)
        self._cursor = self._positions()

    def _await_owed(self, step: Step, taken: bool,
                    fields: tuple[tuple[str, int], tuple[str, int]]) -> None:
        """Render further frames while the step owes output that has not appeared (a
        whisper, a tag, a CONFIRM and its whisper), for up to :data:`RESPONSE_WINDOW`
        seconds: the SPEC asks for the lines, not for them within one frame (an outbox on a
        timer, a paced sender). A step that owes nothing, or whose output is complete after
        its frame, takes no extra time. Each frame is judged on a copy of the monitor."""
        interval, seen = self.client.settings.frame_interval, None
        for frame in range(round(RESPONSE_WINDOW / interval)):
            now = self._positions()
            if now != seen:  # judged again only when something new was printed or fired
                seen = now
                if not self._trial(step, taken, fields):
                    self._defers |= frame > 0
                    return
            self.client.advance(interval)

    def _trial(self, step: Step, taken: bool,
               fields: tuple[tuple[str, int], tuple[str, int]]) -> bool:
        """Would judging the step now report owed output as missing?"""
        if not self._may_owe(step):
            return False
        trial = copy.copy(self)
        trial.model, trial.history, trial._replies = copy.deepcopy(
            (self.model, self.history, self._replies))
        trial.failures, trial.masked, trial.exercised = [], [], set()
        trial._elsewhere_seen = dict(self._elsewhere_seen)
        trial._missing = []
        trial._judge(step, taken, fields)
        return bool(trial._missing)

    def _may_owe(self, step: Step) -> bool:
        """Cheap test first: only typed lines, replies and mail answers create duties (a
        CONFIRM seen owes its completion whisper)."""
        if step.action in ("type_line", "whisper_from"):
            return True
        if any(e == "MAIL_SEND_SUCCESS" for e, _ in self._new("events", self.client.events_fired)):
            return True
        return any(line.kind == "addon" and "[MGM_CONFIRM:" in line.text
                   for line in self._new("chat", self.client.chat))

    def _judge(self, step: Step, taken: bool,
               fields: tuple[tuple[str, int], tuple[str, int]]) -> None:
        """Check what the step caused, everything seen since the last step's end."""
        lines = [line.text for line in self._new("chat", self.client.chat) if line.kind == "addon"]
        tags = self._tags(lines) + self._tags_elsewhere()
        whispers = [(w.target, w.text) for w in self._new("whispers", self.client.whispers_sent)]
        if step.action != "close_mailbox" and self._mailbox_closed():
            self.model.close_mailbox()
        gaps = self._check_errors()
        if gaps:
            self._step_cause = gaps[0]
        elif self._new("errors", self.client.errors):
            self._step_cause = ERROR_CAUSE
        elif any(t.violations for t in tags):
            self._step_cause = "TAG-FORMAT"
        try:
            self._after(step, taken, tags, whispers, fields)
        finally:
            self._step_cause = None

    def _mailbox_closed(self) -> bool:
        """The client closed the mailbox during this step without a ``close_mailbox`` step:
        the Send Mail tab's Cancel, or the addon calling ``CloseMail()``. The model follows
        the client (SPEC §9: closing the mailbox disarms)."""
        return any(event == "MAIL_CLOSED"
                   for event, _ in self._new("events", self.client.events_fired))

    def _resolved(self, step: Step) -> Step:
        """``step`` as the client performs it: a Prepare Mail role click goes to the addon's
        control."""
        if step.action != "click" or not is_role_click(step.args):
            return step
        if self.prepare is None:
            self._no_prepare_clicked = True
            return step
        return Step("click", dict(self.prepare.args))

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
            message = f"no [MGM_WHO] line for spin {who.spin} within {WHO_DEADLINE:.0f} s"
            if who.blocked:
                self.mask("WHO-ONE-LINE", BLOCKED_CAUSE, message)
            else:
                self.fail("WHO-ONE-LINE", message)

    def drain(self) -> None:
        """End of a scenario: let :data:`RESPONSE_WINDOW` seconds pass so what the last
        steps deferred (a late wrong tag, a CONFIRM allowed but not owed) is judged too, as
        part of the last step."""
        fields, self._step_started = self._send_fields(), self.client.uptime
        self._writes_at_step = self._writes.count
        self.client.advance(RESPONSE_WINDOW)
        self._judge(Step("advance", {"seconds": RESPONSE_WINDOW}), True, (fields, fields))
        self._cursor = self._positions()

    def _tags(self, lines: list[str]) -> list[ParsedLine]:
        parsed = []
        for text in lines:
            result = parse_message(text)
            if result.tag is None and not result.violations and result.spoofed:
                result = self._tag_not_first(text, result, lines)
            if result.tag is None and not result.violations:
                continue
            if result.violations and result.violations[0].rule_id != TAG_NOT_FIRST:
                details = "; ".join(f"{v.rule_id}: {v.message}" for v in result.violations)
                self.fail("TAG-FORMAT", f"{text[:80]!r} breaks the grammar ({details})")
            elif not result.violations:
                self.ok("TAG-FORMAT")
            parsed.append(result)
        return parsed

    def _tag_not_first(self, text: str, result: ParsedLine, lines: list[str]) -> ParsedLine:
        """An addon line whose tag comes after a colour code or other text: the log reader
        takes tags only at the start of a line (anyone can whisper tag text into the log),
        so the Desktop never sees it. Reported under TAG-FORMAT; the model then follows the
        addon as if the tag had been read (what it caused is not blamed a second time)."""
        first = result.spoofed[0]
        inner = parse_message(first.text) if first.well_formed else None
        if inner is None or inner.tag is None or any(x.startswith(first.text) for x in lines):
            return result  # no tag, or an echo of a tag the addon also printed properly
        before = text[:first.column - 1]
        self.fail("TAG-FORMAT", f"{text[:80]!r}: the tag comes after {before[:24]!r}; a tag "
                  "must start the line (no colour code or prefix before it) for the log reader "
                  "to take it")
        return replace(inner, message=text, violations=(
            Violation(TAG_NOT_FIRST, "text before the tag", 1, first.column),))

    def _tags_elsewhere(self) -> list[ParsedLine]:
        """Tags the addon printed to a chat frame other than the default one: not in the
        chat log (SPEC §8: the default chat frame's lines are recorded), so the Desktop never
        sees them. Reported under TAG-FORMAT; the model follows the addon as if read."""
        found = []
        for index in range(2, OTHER_CHAT_FRAMES + 2):
            name = f"ChatFrame{index}"
            frame = self.client.named.get(name)
            lines = getattr(frame, "lines", None)
            if not lines:
                continue
            seen = min(self._elsewhere_seen.get(name, 0), len(lines))
            self._elsewhere_seen[name] = len(lines)
            for line in lines[seen:]:
                parsed = parse_message(line.text)
                if parsed.tag is None:
                    continue
                self.fail("TAG-FORMAT", f"{line.text[:80]!r} was printed to {name}, not the "
                          "default chat frame, whose lines the client records in "
                          "WoWChatLog.txt (SPEC §8)")
                found.append(replace(parsed, violations=(
                    Violation(TAG_NOT_FIRST, f"printed to {name}", 1, 1),)))
        return found

    def _check_errors(self) -> list[str]:
        """Lua errors of this step fail NO-LUA-ERRORS, except a call of a 3.3.5a function
        the headless client lacks: the real client has it, so that error and what follows
        from it in this run are masked behind that gap (the report names it). Returns the
        gaps met in this step."""
        gaps = []
        for error in self._new("errors", self.client.errors):
            gap = client_gap(error.message)
            if gap is None:
                self.fail("NO-LUA-ERRORS", f"{error.location}: {error.message}")
                continue
            gaps.append(gap)
            self.mask("NO-LUA-ERRORS", gap, f"{error.location}: {error.message}")
            self._run_cause = self._run_cause or gap
        if self._run_cause is None:
            self.ok("NO-LUA-ERRORS")
        return gaps

    def _send_fields(self) -> tuple[str, int]:
        return self.client.send_mail_fields()

    def _refilled(self) -> bool:
        """Code wrote into the Send Mail fields during this step: fields that did not change
        were filled anew (with what they showed), not only kept by the client."""
        return self._writes.count > self._writes_at_step

    def _armed_with(self, fields: tuple[str, int]) -> bool:
        """The model holds armed a payout of this winner and amount."""
        armed = self.model.armed
        return armed is not None and any(names_equal(r.name, fields[0])
                                         and r.copper == fields[1] for r in armed.rows)

    def _after(self, step: Step, taken: bool, tags: list[ParsedLine],
               whispers: list[tuple[str, str]],
               fields: tuple[tuple[str, int], tuple[str, int]]) -> None:
        """``fields``: the Send Mail fields before the step and right after its action."""
        before_fields, acted_fields = fields
        action = step.action
        if action == "type_line":
            self._typed(step.args["text"], tags, whispers)
        elif action == "whisper_from":
            self._whisper(server_name(step.args["sender"]), step.args["text"], tags)
        elif action == "open_mailbox":
            self.model.open_mailbox()
        elif action == "click" and self._is_prepare(step):
            # A click on a disabled button is nothing to the client, so nothing to the model.
            if taken:
                self._prepare(before_fields, acted_fields)
            elif clicked_frame(self.client, step.args) is not None:
                self._prepare_refused()
            before_fields = self._send_fields()  # judged as Prepare Mail already
        if action != "whisper_from":
            self._late_replies(tags)
        self._sends()
        self._completions(tags, whispers)
        self._filled_by_addon(step, before_fields)
        self._who_lines(tags)

    def _is_prepare(self, step: Step) -> bool:
        """The (resolved) click reaches the Prepare Mail control, shown or not."""
        if self.prepare is None:
            return False
        if step.args == self.prepare.args:
            return True
        target = self._frame(step.args)
        return target is not None and target is self._frame(self.prepare.args)

    def _frame(self, args: dict[str, object]) -> object:
        """The frame a click means: by name (shown or not) or the visible one by text."""
        if "name" in args:
            return self.client.named.get(str(args["name"]))
        return clicked_frame(self.client, args)

    # -- typed /run lines ----------------------------------------------------------------
    def _typed(self, text: str, tags: list[ParsedLine],
               whispers: list[tuple[str, str]]) -> None:
        if text.strip().lower() in ("/mgm update", "/mgm checkupdate"):
            count = sum(1 for t in tags if t.tag and t.tag.kind is TagKind.UPDATE_CHECK)
            if count != len(self.model.update_check().tags):
                self.fail("UPDATE-CHECK", f"{text!r} printed {count} [MGM_UPDATE_CHECK] lines",
                          missing=count == 0)
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
            if result.bad:
                self.history.bad_batch.update((r.payout, self._step) for r in result.added)
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
                      f"{seen}; expected the exact §9 text once", missing=not right)
        else:
            self.ok("WHISPER-WINNER-TEXT")

    # -- acceptance (SPEC §9) and gift consent (SPEC §12) --------------------------------
    def _whisper(self, sender: str, text: str, tags: list[ParsedLine]) -> None:
        """``sender`` as the server delivered it."""
        model, history = self.model, self.history
        is_reply = reply_is(text, "!twgold")
        already, gift = set(model.accepted), model.gift
        spelled = {p: model.notified[p] for p in model.notified}
        duties = model.whisper(sender, text)
        allowed = Counter(duties.ids(TagKind.ACCEPT) + duties.optional_ids(TagKind.ACCEPT))
        expected = duties.ids(TagKind.ACCEPT)
        self._gift_reply(sender, text, tags, duties, gift)
        gifts = Counter(duties.ids(TagKind.GIFT_ACCEPT) + duties.optional_ids(TagKind.GIFT_ACCEPT))
        gifts.subtract(t.tag.id for t in tags if t.tag and t.tag.kind is TagKind.GIFT_ACCEPT)
        self._replies = [*self._recent_replies(), _Reply(
            sender, text, allowed, tuple(expected), frozenset(already),
            tuple(g for g, n in gifts.items() if n > 0), self._step_started)]
        accepts = self._accept_lines([t.tag.id for t in tags
                                      if t.tag and t.tag.kind is TagKind.ACCEPT])
        for payout in expected:
            if payout not in accepts:
                clause = self._blame_missing_accept(payout, sender, text, accepts)
                self.fail(clause, f"no [MGM_ACCEPT:{payout}] after {sender!r} replied {text!r}"
                          f" (notified as {spelled.get(payout, '?')!r})", missing=True)
                model.accepted.discard(payout)  # follow the addon: a later ACCEPT is its first
        if accepts:
            history.accepted_padded |= text != "!twgold"
            history.accepted_older |= any(p != history.last_notified for p in accepts)
            for p in accepts:
                history.recased |= _case_differences(short_name(sender), spelled.get(p, ""))
        if is_reply:
            self.ok("ACCEPT-NOTIFIED-WINNER-ONLY", "ACCEPT-ONCE-PER-PAYOUT")
            if expected and text != "!twgold":
                self.ok("ACCEPT-BODY-NORMALIZED")
            if any(short_name(sender) != spelled[p] for p in expected):
                self.ok("ACCEPT-NAME-MATCH")
            if len(model.notified) > 1 and expected:
                self.ok("ACCEPT-ALL-NOTIFIED")
        model.accepted.update(p for p in accepts if p)  # follow the addon: report once

    def _recent_replies(self) -> list[_Reply]:
        """The whispers of the last :data:`RESPONSE_WINDOW` seconds (and the latest one):
        the replies an [MGM_ACCEPT] or [MGM_GIFT_ACCEPT] printed now may answer."""
        window = self._step_started - RESPONSE_WINDOW
        return [r for r in self._replies[:-1] if r.at >= window] + self._replies[-1:]

    def _accept_lines(self, payouts: list[str | None]) -> list[str | None]:
        """Judge each [MGM_ACCEPT] line against the recent replies: fine while one of them
        allows it (the newest one owing it first, else the oldest allowing it: a deferred
        addon prints in order); else the clause it breaks. Returns the lines the newest
        reply is answered by (lines that answer an older reply, printed late, are not)."""
        replies, model = self._replies, self.model
        newest = replies[-1] if replies else None
        mine = []
        for payout in payouts:
            owner = next((r for r in reversed(replies)
                          if payout in r.expected and r.allowed[payout] > 0), None) \
                or next((r for r in replies if r.allowed[payout] > 0), None)
            if owner is not None:
                owner.allowed[payout] -= 1
                if owner is newest:
                    mine.append(payout)
                else:
                    model.accepted.add(payout)
                continue
            if any(payout in r.expected for r in replies[:-1]) and payout not in model.accepted:
                model.accepted.add(payout)  # late, already reported missing: follow the addon
                continue
            self.fail(*self._unasked_accept(payout))
            mine.append(payout)
        return mine

    def _unasked_accept(self, payout: str | None) -> tuple[str, str]:
        """The clause an [MGM_ACCEPT] no recent reply allows breaks, and why: judged by the
        newest reply; when the addon defers its output, by each recent reply, the oldest
        first (the line is most likely its late answer), a clause already known to fail
        winning."""
        replies = self._replies if self._defers else self._replies[-1:]
        suspects = [_accept_blame(payout, r) for r in replies] or [(
            "ACCEPT-NOTIFIED-WINNER-ONLY", f"[MGM_ACCEPT:{payout}] printed before any reply")]
        known = [s for s in suspects if s[0] in self.known]
        return (known or suspects)[0]

    def _late_replies(self, tags: list[ParsedLine]) -> None:
        """[MGM_ACCEPT] and [MGM_GIFT_ACCEPT] lines printed in a step that is no reply: an
        addon that defers its output prints them after the reply's step ended. Each is
        judged against the recent replies (SPEC §9, §12: only a reply accepts)."""
        self._replies = self._recent_replies()
        accepts = self._accept_lines([t.tag.id for t in tags
                                      if t.tag and t.tag.kind is TagKind.ACCEPT])
        self.model.accepted.update(p for p in accepts if p)  # follow the addon: report once
        for parsed in tags:
            tag = parsed.tag
            if tag is None or tag.kind is not TagKind.GIFT_ACCEPT:
                continue
            owner = next((r for r in self._replies if tag.id in r.gifts), None)
            if owner is not None:
                owner.gifts = tuple(g for g in owner.gifts if g != tag.id)
                if self.model.gift is not None and self.model.gift.gift == tag.id:
                    self.model.gift = None  # follow the addon: its request is used up
                continue
            after = f"after {self._replies[-1].text!r} from {self._replies[-1].sender!r}" \
                if self._replies else "before any reply"
            self.fail("GIFT-ACCEPT-GATED", f"[MGM_GIFT_ACCEPT:{tag.id}] printed {after} without "
                      "a matching gift confirmation request")

    def _blame_missing_accept(self, payout: str, sender: str, text: str,
                              accepted: list[str]) -> str:
        """A missing ACCEPT: the reply body was not recognised (ACCEPT-BODY-NORMALIZED), the
        sender not matched to the notified name (ACCEPT-NAME-MATCH) or the payout not
        considered (ACCEPT-ALL-NOTIFIED); decided by what differs from the plain case in
        this reply and by what the addon accepted before."""
        history, notified = self.history, self.model.notified
        spelling = notified.get(payout, "")
        differs = _case_differences(short_name(sender), spelling)
        name_suspect = short_name(sender) != spelling and not differs <= history.recased
        if accepted:  # this very reply was recognised for another payout
            same = any(notified.get(p) == spelling for p in accepted)
            if same or short_name(sender) == spelling:
                return "ACCEPT-ALL-NOTIFIED"
            # matched under another spelling: the case of this one, or only some payouts
            # considered (this reply accepted a payout notified after this one)
            suspects = ["ACCEPT-NAME-MATCH"] * name_suspect + ["ACCEPT-ALL-NOTIFIED"]
            known = [c for c in suspects if c in self.known]
            return (known or suspects)[0]
        suspects = []
        if text != "!twgold" and not history.accepted_padded:
            suspects.append("ACCEPT-BODY-NORMALIZED")
        if name_suspect:
            suspects.append("ACCEPT-NAME-MATCH")
        if payout != history.last_notified and not history.accepted_older:
            suspects.append("ACCEPT-ALL-NOTIFIED")
        if not suspects:
            return "ACCEPT-ALL-NOTIFIED" if payout != history.last_notified \
                else "ACCEPT-BODY-NORMALIZED" if text != "!twgold" else "ACCEPT-NAME-MATCH"
        known = [c for c in suspects if c in self.known]
        return (known or suspects)[0]  # ambiguous: blame a defect already found

    def _gift_reply(self, sender: str, text: str, tags: list[ParsedLine], duties: Duties,
                    gift: GiftRequest | None) -> None:
        expected = duties.ids(TagKind.GIFT_ACCEPT)
        allowed = expected + duties.optional_ids(TagKind.GIFT_ACCEPT)
        accepts = [t.tag.id for t in tags if t.tag and t.tag.kind is TagKind.GIFT_ACCEPT]
        if allowed:
            if not accepts and not expected:
                return
            if not accepts and text != "!twgift":
                self.fail("ACCEPT-BODY-NORMALIZED", f"no [MGM_GIFT_ACCEPT:{allowed[0]}] after "
                          f"{sender!r} replied {text!r} (the §9 reply rule, applied to !twgift)",
                          missing=True)
            elif not accepts and gift is not None and short_name(sender) != gift.name:
                self.fail("ACCEPT-NAME-MATCH", f"no [MGM_GIFT_ACCEPT:{allowed[0]}] after "
                          f"{sender!r} replied {text!r} (the request named {gift.name!r})",
                          missing=True)
            elif accepts != allowed:
                self.fail("GIFT-ACCEPT-GATED", f"expected one [MGM_GIFT_ACCEPT:{allowed[0]}] "
                          f"after !twgift from {sender}, saw {accepts}", missing=not accepts)
            else:
                self.ok("GIFT-ACCEPT-GATED")
            if accepts:
                self.model.gift = None  # follow the addon: its request is used up
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
            self.fail("GIFT-ITEMS-LIST", f"expected one [MGM_ITEMS:{gift}] line, saw {len(items)}",
                      missing=not items)
            return
        seen = sorted((i.get("id"), i.get("count"), i.get("bagId"), i.get("slotId"))
                      for i in items[0].payload if isinstance(i, dict))
        if seen != expected:
            self.fail("GIFT-ITEMS-LIST", f"items {seen} do not match the bags {expected}")
        else:
            self.ok("GIFT-ITEMS-LIST")

    # -- mail (SPEC §9) ------------------------------------------------------------------
    def _prepare(self, before: tuple[str, int], after: tuple[str, int]) -> None:
        """Prepare Mail was clicked (and the click taken): the fields (``after``, read right
        after the click) must hold a queued payout's winner and amount, any of them (the
        SPEC leaves the queue order open)."""
        model, history = self.model, self.history
        if not model.mailbox_open:
            return
        # unchanged fields count only when the click wrote them anew or the payout they show
        # is still armed: after MAIL_FAILED or a closed mailbox the client keeps them
        filled = after != before or (bool(model.matching(*after)) and (
            self._refilled() or self._armed_with(after)))
        if not filled:
            self._nothing_offered("Prepare Mail filled nothing")
            return
        row = model.prepare(*after)
        if row is not None:
            self.ok("RECEIVEGOLD-PARSE", "MAIL-FAILURE-REQUEUES")
            if history.duplicates:
                self.ok("RECEIVEGOLD-NO-DUPLICATES")
            if row.optional and not is_character_name(row.name):
                self.fail("RECEIVEGOLD-NAME-LETTERS", f"queued {row.payout} for {row.name!r}, "
                          "a name that is not 2-12 letters (SPEC §4; the EBS would refuse it)")
            elif row.optional:
                self.ok("RECEIVEGOLD-NAME-LETTERS")
            return
        head = next((r for r in model.queue if not r.optional), None)
        listing = f"the queued payouts are {self._queued()}" if model.queue else \
            "nothing is queued"
        self.fail(self._blame(after, head), f"Prepare Mail filled {after}; {listing}")
        model.armed = None  # follow the addon: what it armed is no queued payout

    def _filled_by_addon(self, step: Step, before: tuple[str, int]) -> None:
        """The addon itself filled the Send Mail tab with a queued payout (on arrival of
        payouts, the mailbox opening, after a confirmed send, a button of its own): SPEC §9
        counts sends "armed by the MGM mail queue flow (after ReceiveGold / Prepare Mail)",
        so a send of those fields may be confirmed; the addon may also treat it as manual
        until its Prepare Mail is used, so a CONFIRM is allowed, not required."""
        after = self._send_fields()
        if not self.model.mailbox_open or _streamer_edit(step):
            return
        if after == before and not ((_may_fill(step) or self._sent_this_step)
                                    and self._refilled()):
            # unchanged: what the client kept (after MAIL_FAILED, across a closed mailbox),
            # unless the addon wrote them anew on a step where it may fill them (or right
            # after a send went out: the next payout may hold the same name and amount)
            return
        if self._armed_with(after):
            return
        if self.model.matching(*after) and self.model.prepare(*after) is not None:
            self.model.armed.clean = False
            self.history.self_armed = True

    def _prepare_refused(self) -> None:
        """Prepare Mail is shown but disabled: fine while a payout is armed or in flight, in
        combat or with the mailbox closed; otherwise the addon holds nothing to prepare."""
        model = self.model
        if model.mailbox_open and model.armed is None and not model.in_flight \
                and not self.client.in_combat:
            self._nothing_offered("Prepare Mail is disabled")

    def _nothing_offered(self, what: str) -> None:
        """Nothing offered while payouts are queued; a payout whose send just succeeded and
        may still be confirmed late (a deferred CONFIRM on its way) is no lost row yet."""
        model = self.model
        required = [r for r in model.queue
                    if not r.optional and self._late_confirm(r.payout) is None]
        if required:
            self.fail(self._blame(("", 0), required[0]),
                      f"{what}, but these payouts are queued: {self._queued()}")
        elif model.drop_optional():  # the addon skipped them: allowed
            self.ok("RECEIVEGOLD-NAME-LETTERS")

    def _queued(self) -> str:
        return ", ".join(f"{r.payout} ({r.name}, {r.copper} copper)" for r in self.model.queue)

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
            # a second row for a known payout id, or the addon never queued the first: it
            # came in a batch with bad entries
            first_lost = any(r.payout in history.bad_batch for r in history.duplicates
                             if names_equal(r.name, filled[0]) and r.copper == filled[1])
            suspects = ["RECEIVEGOLD-NO-DUPLICATES"] + ["RECEIVEGOLD-PARSE"] * first_lost
            known = [c for c in suspects if c in self.known]
            return (known or suspects)[0]  # ambiguous: blame a defect already found
        if filled[0] and again:
            return "MAIL-CONFIRM-ONCE"  # a confirmed payout is still on offer
        suspects = self._droppers(head) if head is not None else []
        if not suspects and history.duplicates:
            suspects.append("RECEIVEGOLD-NO-DUPLICATES")
        if not suspects:
            return "MAIL-FAILURE-REQUEUES" if head is not None else "MAIL-MANUAL-UNTOUCHED"
        known = [c for c in suspects if c in self.known]
        return (known or suspects)[0]  # ambiguous: blame a defect already found

    def _droppers(self, row: QueueRow) -> list[str]:
        """The clauses whose defect could have lost ``row`` from the queue, judged by what
        happened to that row (a failed send of it, a manual mail to its winner, a batch with
        bad entries it came in, a send of it that succeeded without a CONFIRM: an addon that
        took it for its armed send owed one), the latest event first."""
        history = self.history
        events: list[tuple[int, str]] = []
        if row.payout in history.sent_unconfirmed:
            events.append((history.sent_unconfirmed[row.payout], "MAIL-CONFIRM-ON-SUCCESS"))
        if row.payout in self.model.failed:
            events.append((history.failure_step, "MAIL-FAILURE-REQUEUES"))
        manual = [step for name, step in history.manual_to if names_equal(name, row.name)]
        if manual:
            events.append((max(manual), "MAIL-MANUAL-UNTOUCHED"))
        if row.payout in history.bad_batch:
            events.append((history.bad_batch[row.payout], "RECEIVEGOLD-PARSE"))
        return [clause for _, clause in sorted(events, key=lambda e: -e[0])]

    def _sends(self) -> None:
        for attempt in self._new("attempts", self.client.mail.attempts):
            send = self.model.mail_attempt(attempt.recipient, attempt.copper)
            self.history.sent_at.append(self._step_started)
            if send.kind in ("manual", "retry") \
                    and self.model.queued_winner(attempt.recipient):
                # a retry left unconfirmed is manual mail to the addon
                self.history.manual_to.append((attempt.recipient, self._step))

    def _completions(self, tags: list[ParsedLine], whispers: list[tuple[str, str]]) -> None:
        """Each mail answer of this step against the CONFIRM lines and whispers it caused."""
        model = self.model
        confirms = [t.tag.id for t in tags if t.tag and t.tag.kind is TagKind.CONFIRM]
        remaining = list(confirms)
        confirmed_before = set(model.confirmed)
        outcomes: list[MailOutcome] = []
        answered_at: list[float] = []  # when each success came (its send + mail latency)
        for event, _ in self._new("events", self.client.events_fired):
            if event not in ("MAIL_FAILED", "MAIL_SEND_SUCCESS"):
                continue
            sent = self.history.sent_at.pop(0) if self.history.sent_at else self._step_started
            if event == "MAIL_FAILED":
                model.mail_failed()
                self.history.failure_step = self._step
            else:
                outcomes.append(model.mail_success())
                answered_at.append(sent + self.client.settings.mail_latency)
        self._sent_this_step = bool(outcomes)
        done: list[QueueRow] = []
        wrong_amount: set[str] = set()
        manual = 0
        for outcome, at in zip(outcomes, answered_at, strict=True):
            wrong_amount.update(outcome.wrong_amount)
            self.history.mis_sent.update((p, at) for p in outcome.wrong_amount)
            if outcome.kind == "manual":
                manual += 1
                continue
            if outcome.kind == "wrong-amount":
                continue
            open_rows = [r for r in outcome.rows if r.payout not in model.confirmed]
            hit = next((r for p in remaining for r in open_rows if r.payout == p), None)
            if hit is not None:
                remaining.remove(hit.payout)
                model.confirm(hit)
                done.append(hit)
                self.ok("MAIL-CONFIRM-ON-SUCCESS", "MAIL-CONFIRM-ONCE", "MAIL-CONFIRM-ARMED-ONLY")
            elif outcome.kind == "confirm" and open_rows:
                self.fail("MAIL-CONFIRM-ON-SUCCESS", f"armed send for {open_rows[0].payout} "
                          "succeeded without [MGM_CONFIRM]", missing=True)
            elif open_rows:  # not confirmed, as allowed: the addon may still hold it armed
                model.keep_for_retry(open_rows)
                self.history.sent_unconfirmed.update((r.payout, self._step) for r in open_rows)
                self.history.confirmable.update((r.payout, (at, r)) for r in open_rows)
        for payout in list(remaining):
            late = self._late_confirm(payout)
            if late is not None:  # a CONFIRM allowed for an earlier success, printed late
                remaining.remove(payout)
                model.confirm(late)
                done.append(late)
                self.ok("MAIL-CONFIRM-ONCE", "MAIL-CONFIRM-ARMED-ONLY")
        for payout in remaining:
            if payout in confirmed_before or payout in model.confirmed:
                self.fail("MAIL-CONFIRM-ONCE", f"second [MGM_CONFIRM:{payout}]")
            elif payout in wrong_amount or self._recent(self.history.mis_sent.get(payout)):
                self.fail("MAIL-CONFIRM-AMOUNT", f"[MGM_CONFIRM:{payout}] for a mail that did "
                          "not carry the queued amount")
            else:
                self.fail("MAIL-CONFIRM-ARMED-ONLY", f"[MGM_CONFIRM:{payout}] without an armed "
                          "MGM send (manual mail)")
        for row in done:
            if not any(names_equal(t, row.name) and x == SENT_TEXT for t, x in whispers):
                self.fail("MAIL-COMPLETION-WHISPER", f"no completion whisper to {row.name} after "
                          f"[MGM_CONFIRM:{row.payout}]", missing=True)
            else:
                self.ok("MAIL-COMPLETION-WHISPER")
        if wrong_amount and not set(confirms) & wrong_amount:
            self.ok("MAIL-CONFIRM-AMOUNT")
        if manual and not done:
            sent_texts = [w for w in whispers if w[1] == SENT_TEXT]
            if sent_texts:
                self.fail("MAIL-MANUAL-UNTOUCHED", f"completion whisper after manual mail: "
                          f"{sent_texts}")
            elif not confirms:
                self.ok("MAIL-MANUAL-UNTOUCHED", "MAIL-CONFIRM-ARMED-ONLY")

    def _late_confirm(self, payout: str) -> QueueRow | None:
        """The row of ``payout`` when a CONFIRM of it may still come: a success of its send
        that allowed (not required) a CONFIRM ended a step less than
        :data:`RESPONSE_WINDOW` before this step began, and it is not confirmed."""
        at, row = self.history.confirmable.get(payout, (None, None))
        return row if self._recent(at) and payout not in self.model.confirmed else None

    def _recent(self, at: float | None) -> bool:
        """``at`` (a time) came less than :data:`RESPONSE_WINDOW` before this step began:
        what it caused may still be printed now."""
        return at is not None and self._step_started - at <= RESPONSE_WINDOW

    # -- /who (SPEC §8) -------------------------------------------------------------------
    def _who_request(self, spin: str, name: str) -> None:
        blocked = [f for f in self._new("findings", self.client.findings)
                   if f.kind == "protected-call-blocked"]
        if blocked:
            self.fail("WHO-NO-PROTECTED-CALL", f"/who touched a protected function: "
                      f"{blocked[0].message} at {blocked[0].location}")
        else:
            self.ok("WHO-NO-PROTECTED-CALL")
        if blocked:
            self.history.who_masked_by = BLOCKED_CAUSE
        self.model.who_request(spin, name, self.client.uptime, blocked=bool(blocked))

    def _who_lines(self, tags: list[ParsedLine]) -> None:
        for parsed in tags:
            tag = parsed.tag
            if parsed.violations and parsed.message.startswith(f"[{TagKind.WHO.value}]"):
                request = self.model.who  # answered by a line the Desktop cannot read
                if request is not None:
                    self.model.who_answer([])
                    self.history.who_masked_by = "TAG-FORMAT"
                    self.mask("WHO-ONLINE-EXACT", "TAG-FORMAT", f"the [MGM_WHO] line for "
                              f"{request.name} breaks the grammar")
                continue
            if tag is None or tag.kind is not TagKind.WHO:
                continue
            payload = tag.payload if isinstance(tag.payload, dict) else {}
            answer = self.model.who_answer([e.name for e in self.client.roster.online],
                                           tag.id, str(payload.get("characterName", "")))
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
            if payload.get("online") in {online} | self._was_online(request.name,
                                                                    request.started):
                self.ok("WHO-ONLINE-EXACT")
                continue
            message = (f"online={payload.get('online')} for {request.name}; the exact name is "
                       f"{'' if online else 'not '}online{self._who_hint(request.started)}")
            if request.blocked:
                self.mask("WHO-ONLINE-EXACT", BLOCKED_CAUSE, message)
            else:
                self.fail("WHO-ONLINE-EXACT", message)

    def _was_online(self, name: str, since: float) -> set[bool]:
        """Whether the exact ``name`` was online in each roster replaced since ``since``: an
        addon whose /who answer reaches the log later (a deferred outbox) reports what the
        server answered then, even if the player has logged off since."""
        wanted = name.casefold()
        return {wanted in names for at, names in self._past_rosters if at >= since}

    def _who_hint(self, since: float) -> str:
        """Why an addon waiting for WHO_LIST_UPDATE may have heard nothing (client fact)."""
        who = self.client.who
        if who.to_ui or len(who.results) > 3 or not who.queries:
            return ""
        return (f" (the /who listed {len(who.results)} result(s) and SetWhoToUI(1) was not in "
                "effect, so the client printed them to chat and fired no WHO_LIST_UPDATE)")


ADDON_CALLS = frozenset({"ReceiveGold", "NotifyWinnerWhisper", "MGM_RunWhoForSpin",
                         "MGM_RequestGiftItems", "MGM_RequestGiftConfirmation"})
"""The addon's entry points the Desktop types as /run lines (SPEC §8, §12)."""


def _may_fill(step: Step) -> bool:
    """Steps after which an addon fills the Send Mail tab by itself (arming it anew even
    when the fields already held the same payout): the mailbox opening, payouts arriving
    (and, judged by the monitor, a step in which a send went out)."""
    if step.action == "open_mailbox":
        return True
    call = parse_run_call(step.args["text"]) if step.action == "type_line" else None
    return call is not None and call[0] == "ReceiveGold"


def _streamer_edit(step: Step) -> bool:
    """``step`` is the streamer filling mail fields by hand: a manual send, or a typed line
    that is not a call of the addon's entry points (``/run MoneyInputFrame_SetCopper(...)``)."""
    if step.action == "send_mail":
        return True
    if step.action != "type_line":
        return False
    call = parse_run_call(step.args["text"])
    return call is None or call[0] not in ADDON_CALLS


def _accept_blame(payout: str | None, reply: _Reply) -> tuple[str, str]:
    """The clause an [MGM_ACCEPT] for ``payout`` breaks if it answers ``reply``."""
    if payout in reply.already or payout in reply.expected:
        return "ACCEPT-ONCE-PER-PAYOUT", f"second [MGM_ACCEPT:{payout}]"
    if not reply_is(reply.text, "!twgold"):
        return "ACCEPT-BODY-NORMALIZED", f"accepted {payout} on reply {reply.text!r}"
    return ("ACCEPT-NOTIFIED-WINNER-ONLY",
            f"accepted {payout} on a reply from {reply.sender!r}, not its winner")


def client_gap(message: str) -> str | None:
    """``the headless client lacks NAME`` when ``message`` is the client's error for a
    3.3.5a function it does not implement, else None."""
    found = CLIENT_GAP.search(message)
    return f"the headless client lacks {found[1]}" if found else None


def _case_differences(a: str, b: str) -> set[str]:
    """The letters (case-folded) in which two spellings of a name differ only by case: the
    evidence that an addon's case folding handles them. Folding is per letter in Lua (the
    client's string.lower is ASCII-only; an addon folds Cyrillic, Ё included or not, with
    its own code), so matching ``Вася`` proves nothing about ``Ёлка``. Spellings that differ
    otherwise give no evidence (an impossible letter)."""
    if len(a) != len(b) or a.casefold() != b.casefold():
        return {"\0"}
    return {x.casefold() for x, y in zip(a, b, strict=True) if x != y}
