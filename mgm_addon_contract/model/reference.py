"""The reference model: what an addon keeping SPEC §8-§10 and §12 must print, whisper and
mail for any sequence of inputs. Pure Python; no client involved.

Each input method returns the :class:`Duties` it creates (tags to print, whispers to send)
or a small result object; the model's state is what a correct addon would remember.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from mgm_addon_contract.grammar import TagKind, parse_gold_payload
from mgm_addon_contract.grammar.checks import matches
from mgm_addon_contract.model.names import names_equal, reply_is, trim
from mgm_addon_contract.model.texts import ACCEPT_REPLY, GIFT_REPLY, SENT_TEXT, WINNER_TEXT

Tagged = tuple[TagKind, str | None]


@dataclass(frozen=True)
class Duties:
    """Tags the addon must print and whispers it must send, in order; ``optional`` tags it
    may print (the SPEC allows them but does not ask for them)."""

    tags: tuple[Tagged, ...] = ()
    whispers: tuple[tuple[str, str], ...] = ()
    optional: tuple[Tagged, ...] = ()

    def ids(self, kind: TagKind) -> list[str | None]:
        return [tag_id for tag_kind, tag_id in self.tags if tag_kind is kind]

    def optional_ids(self, kind: TagKind) -> list[str | None]:
        return [tag_id for tag_kind, tag_id in self.optional if tag_kind is kind]


NOTHING = Duties()


@dataclass(frozen=True)
class QueueRow:
    """A READY payout in the mail queue (SPEC §9 ``UUID:CharacterName:GoldCopper``).
    ``optional``: an entry SPEC §9 allows but the EBS's §4 rules would not produce (a name
    that is not 2-12 letters, padding, leading zeros); the addon may queue or skip it."""

    payout: str
    name: str
    copper: int
    optional: bool = False


@dataclass
class Armed:
    """The pending-send context set by Prepare Mail (SPEC §9 arming): the queued rows that
    match what Prepare filled in (normally one). ``clean``: nothing else happened with mail
    since, so a send of it must be confirmed."""

    rows: tuple[QueueRow, ...]
    clean: bool = True

    @property
    def row(self) -> QueueRow:
        return self.rows[0]


@dataclass
class Send:
    """One ``SendMail`` call until its answer (answers come in call order).

    ``kind``: ``armed`` (to the armed winner with the queued amount), ``wrong-amount`` (to
    the armed winner with another amount), ``retry`` (the prepared mail sent again after a
    failure or a disturbance: its CONFIRM is allowed, not required) or ``manual``.
    ``overlap``: every send that was in flight together with this one (itself included).
    ``MAIL_SEND_SUCCESS`` carries no arguments, so no addon can tell which of overlapping
    sends an answer is for."""

    recipient: str
    copper: int
    kind: str
    rows: tuple[QueueRow, ...] = ()
    clean: bool = True
    arming: Armed | None = None
    overlap: list[Send] = field(default_factory=list)


@dataclass(frozen=True)
class GoldResult:
    """What one ``ReceiveGold`` call did to the queue."""

    added: tuple[QueueRow, ...] = ()
    bad: tuple[str, ...] = ()
    duplicates: tuple[QueueRow, ...] = ()  # entries whose payout id was already known


@dataclass(frozen=True)
class MailOutcome:
    """How a ``MAIL_SEND_SUCCESS`` must be handled: ``confirm`` (print [MGM_CONFIRM] for one
    of ``rows``, then the completion whisper), ``may-confirm`` (allowed, not required),
    ``wrong-amount`` (an armed send that did not carry the queued amount: no CONFIRM) or
    ``manual`` (no tag, no whisper, no queue change)."""

    kind: str
    rows: tuple[QueueRow, ...] = ()
    wrong_amount: tuple[str, ...] = ()  # payouts a send of this answer's group mis-carried

    @property
    def row(self) -> QueueRow | None:
        return self.rows[0] if self.rows else None

    @property
    def confirmable(self) -> bool:
        return self.kind in ("confirm", "may-confirm")


@dataclass(frozen=True)
class WhoRequest:
    spin: str
    name: str
    started: float
    blocked: bool = False  # the addon's /who call was blocked (a protected function)


@dataclass(frozen=True)
class GiftRequest:
    gift: str
    name: str


@dataclass
class ReferenceModel:
    """State of a correct addon; feed it inputs in the order they happen."""

    notified: dict[str, str] = field(default_factory=dict)
    accepted: set[str] = field(default_factory=set)
    renotified: set[str] = field(default_factory=set)
    queue: list[QueueRow] = field(default_factory=list)
    known: set[str] = field(default_factory=set)
    confirmed: set[str] = field(default_factory=set)
    delivered: list[QueueRow] = field(default_factory=list)
    failed: set[str] = field(default_factory=set)
    armed: Armed | None = None
    retry: list[QueueRow] = field(default_factory=list)
    in_flight: list[Send] = field(default_factory=list)
    mailbox_open: bool = False
    who: WhoRequest | None = None
    who_waiting: list[WhoRequest] = field(default_factory=list)
    gift: GiftRequest | None = None

    # -- SPEC §9: winner notification and consent ------------------------------------------
    def notify(self, payout: str, name: str) -> Duties:
        """``NotifyWinnerWhisper``: whisper the exact winner text to ``name``. Notifying an
        accepted payout again lets its winner accept once more (SPEC §10: a repeated
        ACCEPT is idempotent on the EBS), which the addon may or may not do."""
        if not matches("uuid", payout) or not trim(name):
            return NOTHING
        self.notified[payout] = trim(name)  # a repeat names the winner anew
        if payout in self.accepted:
            self.renotified.add(payout)
        return Duties(whispers=((trim(name), WINNER_TEXT),))

    def whisper(self, sender: str, text: str) -> Duties:
        """``CHAT_MSG_WHISPER`` (``sender`` as the server spells it): accept every notified,
        unaccepted payout of ``sender`` (SPEC §9), or the pending gift of ``sender`` (SPEC
        §12). A sender from another realm (``Name-Realm``) may or may not be taken for the
        winner (SPEC §4 assumes one realm)."""
        tags: list[Tagged] = []
        optional: list[Tagged] = []
        other_realm = "-" in trim(sender)
        if reply_is(text, ACCEPT_REPLY):
            for payout in self.acceptable(sender):
                if other_realm:  # accepted only if the addon says so
                    optional.append((TagKind.ACCEPT, payout))
                    continue
                tags.append((TagKind.ACCEPT, payout))
                self.accepted.add(payout)
            for payout in sorted(self.renotified):
                if names_equal(sender, self.notified[payout]):
                    optional.append((TagKind.ACCEPT, payout))
                    self.renotified.discard(payout)
        elif reply_is(text, GIFT_REPLY) and self.gift and names_equal(sender, self.gift.name):
            if other_realm:
                optional.append((TagKind.GIFT_ACCEPT, self.gift.gift))
            else:
                tags.append((TagKind.GIFT_ACCEPT, self.gift.gift))
                self.gift = None
        return Duties(tags=tuple(tags), optional=tuple(optional))

    def acceptable(self, sender: str) -> list[str]:
        """Payouts a ``!twgold`` from ``sender`` accepts now, in notification order."""
        return [p for p, name in self.notified.items()
                if p not in self.accepted and names_equal(sender, name)]

    # -- SPEC §9: the mail queue ------------------------------------------------------------
    def receive_gold(self, payload: str) -> GoldResult:
        """``ReceiveGold``: queue each good new entry; skip bad ones and known payout ids.
        Entries SPEC §9 allows but §4 would not produce are queued as optional rows."""
        added: list[QueueRow] = []
        bad: list[str] = []
        duplicates: list[QueueRow] = []
        for segment in payload.split(";"):
            if not trim(segment):
                continue
            row = _gold_row(segment)
            if row is None:
                bad.append(trim(segment))
                continue
            if row.payout in self.known and not self._alternative(row):
                duplicates.append(row)
                continue
            if row.payout not in self.known:
                self.known.add(row.payout)
                self.queue.append(row)
            added.append(row)
        return GoldResult(tuple(added), tuple(bad), tuple(duplicates))

    def _alternative(self, row: QueueRow) -> bool:
        """``row`` repeats the payout id of a queued optional row the addon may have skipped:
        then either may be the one queued (both become optional)."""
        same = [r for r in self.queue if r.payout == row.payout]
        if not same or not all(r.optional for r in same):
            return False
        self.queue.append(QueueRow(row.payout, row.name, row.copper, optional=True))
        return True

    def open_mailbox(self) -> None:
        self.mailbox_open = True

    def close_mailbox(self) -> None:
        """``MAIL_CLOSED`` disarms; the payout stays queued; mail in flight loses its
        arming (its CONFIRM becomes optional)."""
        self.mailbox_open = False
        self.armed = None
        self.retry = []
        self._disturb()

    def matching(self, name: str, copper: int) -> list[QueueRow]:
        """Queued rows whose winner and amount are ``name`` and ``copper``."""
        return [r for r in self.queue if names_equal(r.name, name) and r.copper == copper]

    def prepare(self, name: str | None = None, copper: int | None = None) -> QueueRow | None:
        """Prepare Mail filled ``name`` and ``copper`` (default: the head row): arm the
        queued rows they match (the SPEC leaves the queue order open). None when nothing
        may be prepared or the fields match no queued row."""
        if not self.mailbox_open or not self.queue:
            return None
        if name is None or copper is None:
            name, copper = self.queue[0].name, self.queue[0].copper
        rows = self.matching(name, copper)
        self._disturb()
        if not rows:
            return None
        offered = {r.payout for r in rows}  # the addon kept these, not their alternatives
        self.queue = [r for r in self.queue if r.payout not in offered or r in rows]
        self.armed = Armed(tuple(rows), clean=not self.in_flight)
        return rows[0]

    def drop_optional(self) -> list[QueueRow]:
        """The addon shows it skipped the optional rows: forget them."""
        dropped = [r for r in self.queue if r.optional]
        self.queue = [r for r in self.queue if not r.optional]
        return dropped

    def mail_attempt(self, recipient: str, copper: int) -> Send:
        """A ``SendMail`` call: the armed payout's send only if it goes to its winner."""
        armed, busy = self.armed, bool(self.in_flight)
        self._disturb()
        if armed is not None and names_equal(recipient, armed.row.name):
            rows = tuple(r for r in armed.rows if r.payout not in self.confirmed)
            kind = "armed" if armed.row.copper == copper else "wrong-amount"
            send = Send(recipient, copper, kind if rows else "manual", rows,
                        armed.clean and not busy, armed)
        elif (rows := tuple(r for r in self.retry if names_equal(recipient, r.name)
                            and r.copper == copper and r.payout not in self.confirmed)):
            send = Send(recipient, copper, "retry", rows, clean=False)
        else:
            if armed is not None:
                armed.clean = False  # the prepared fields were changed and sent elsewhere
            send = Send(recipient, copper, "manual")
        send.overlap = self.in_flight[0].overlap if self.in_flight else []
        send.overlap.append(send)
        self.in_flight.append(send)
        return send

    def mail_success(self) -> MailOutcome:
        """``MAIL_SEND_SUCCESS`` of the oldest send in flight: how it must be handled. The
        rows stay queued until :meth:`confirm` (the addon printed the CONFIRM)."""
        send = self.in_flight.pop(0) if self.in_flight else Send("", 0, "manual")
        if send.arming is not None and send.arming is self.armed:
            self.armed = None
        if self.armed is not None:
            self.armed.clean = False  # another mail's answer came while this one was armed
        if len(send.overlap) > 1:
            rows = {r.payout: r for s in send.overlap if s.kind in ("armed", "retry")
                    for r in s.rows if r.payout not in self.confirmed}
            wrong = tuple(r.payout for s in send.overlap if s.kind == "wrong-amount"
                          for r in s.rows if r.payout not in rows)
            return MailOutcome("may-confirm" if rows else "manual", tuple(rows.values()), wrong)
        if send.kind == "armed":
            return MailOutcome("confirm" if send.clean else "may-confirm", send.rows)
        if send.kind == "retry":
            return MailOutcome("may-confirm", send.rows)
        if send.kind == "wrong-amount":
            return MailOutcome("wrong-amount", send.rows, tuple(r.payout for r in send.rows))
        return MailOutcome("manual")

    def confirm(self, row: QueueRow) -> Duties:
        """The addon confirmed ``row``: it leaves the queue; the completion whisper is due."""
        self.queue = [r for r in self.queue if r.payout != row.payout]
        self.retry = [r for r in self.retry if r.payout != row.payout]
        self.confirmed.add(row.payout)
        self.delivered.append(row)
        return Duties(tags=((TagKind.CONFIRM, row.payout),), whispers=((row.name, SENT_TEXT),))

    def mail_failed(self) -> None:
        """``MAIL_FAILED`` disarms; the payout stays queued for another try (sending the
        prepared mail again may be confirmed). ``failed`` gains the payouts of the failed
        send and those armed when it came (the event carries no arguments: an addon
        cannot tell whose send failed, so it disarms whatever it holds armed)."""
        send = self.in_flight.pop(0) if self.in_flight else None
        if send is not None and send.kind in ("armed", "retry", "wrong-amount"):
            self.failed.update(r.payout for r in send.rows)
            self.retry = list(send.rows)
        if self.armed is not None:
            self.failed.update(r.payout for r in self.armed.rows)
            self.retry = list(dict.fromkeys([*self.retry, *self.armed.rows]))
        self.armed = None

    def keep_for_retry(self, rows: list[QueueRow]) -> None:
        """An armed send whose answer the addon could not attribute (overlapping sends, a
        disturbed context) went unconfirmed: the addon may still hold that payout armed, so
        a later send of the same winner and amount may be confirmed (not required)."""
        self.retry = list(dict.fromkeys([*self.retry, *rows]))

    def queued_winner(self, name: str) -> bool:
        return any(names_equal(name, row.name) for row in self.queue)

    def _disturb(self) -> None:
        """Mail activity while sends are in flight: their CONFIRM becomes optional."""
        for send in self.in_flight:
            send.clean = False

    # -- SPEC §8: /who ----------------------------------------------------------------------
    def who_request(self, spin: str, name: str, now: float, *, blocked: bool = False) -> bool:
        """``MGM_RunWhoForSpin``: start a request unless one is pending or arguments are bad.
        ``blocked``: the addon's /who went through a protected function the client blocked,
        so what it reports cannot be judged for online state."""
        if not matches("uuid", spin) or not trim(name):
            return False
        if self.who is not None:  # the addon may refuse it or run it after the pending one
            self.who_waiting.append(WhoRequest(spin, trim(name), now, blocked))
            return False
        self.who = WhoRequest(spin, trim(name), now, blocked)
        return True

    def who_answer(self, listed: list[str], spin: str | None = None,
                   name: str | None = None) -> tuple[WhoRequest, bool] | None:
        """The request an [MGM_WHO] line for ``spin``/``name`` answers (the pending one, or
        a request made while it was pending that the addon queued) and whether its exact
        name is among ``listed``. A line matching neither answers the pending request."""
        waiting = next((r for r in self.who_waiting if r.spin == spin and name is not None
                        and names_equal(r.name, name)), None)
        pending = self.who
        if waiting is not None and not (pending and pending.spin == spin
                                        and names_equal(pending.name, name or "")):
            self.who_waiting.remove(waiting)
            request = waiting
        else:
            request, self.who = pending, None
        if request is None:
            return None
        wanted = request.name.casefold()
        return request, any(trim(n).casefold() == wanted for n in listed)

    # -- SPEC §12: gift ---------------------------------------------------------------------
    def gift_confirmation(self, gift: str, name: str) -> bool:
        if not matches("uuid", gift) or not trim(name):
            return False
        self.gift = GiftRequest(gift, trim(name))
        return True

    @staticmethod
    def gift_items(bags: dict[tuple[int, int], tuple[int, int]]) -> list[tuple[int, int, int, int]]:
        """``MGM_RequestGiftItems``: every occupied slot as (item id, count, bag, slot)."""
        return sorted((item, count, bag, slot) for (bag, slot), (item, count) in bags.items())

    # -- /mgm update ------------------------------------------------------------------------
    @staticmethod
    def update_check() -> Duties:
        return Duties(tags=((TagKind.UPDATE_CHECK, None),))


def _gold_row(segment: str) -> QueueRow | None:
    """One ``ReceiveGold`` entry: a row (optional if only SPEC §9, not §4, allows it), or
    None for an entry every addon must skip (no UUID, no name, copper not a positive whole
    number)."""
    parsed = parse_gold_payload(trim(segment))
    if not isinstance(parsed, str) and len(parsed) == 1:
        entry = parsed[0]
        return QueueRow(entry.payout_id, entry.character_name, entry.copper)
    parts = trim(segment).split(":")
    if len(parts) != 3:
        return None
    payout, name, copper = (trim(p) for p in parts)
    if not matches("uuid", payout) or not name or not (copper.isascii() and copper.isdigit()):
        return None
    if int(copper) <= 0:
        return None
    return QueueRow(payout, name, int(copper), optional=True)
