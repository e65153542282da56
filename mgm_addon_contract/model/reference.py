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
    """Tags the addon must print and whispers it must send, in order."""

    tags: tuple[Tagged, ...] = ()
    whispers: tuple[tuple[str, str], ...] = ()

    def ids(self, kind: TagKind) -> list[str | None]:
        return [tag_id for tag_kind, tag_id in self.tags if tag_kind is kind]


NOTHING = Duties()


@dataclass(frozen=True)
class QueueRow:
    """A READY payout in the mail queue (SPEC §9 ``UUID:CharacterName:GoldCopper``)."""

    payout: str
    name: str
    copper: int


@dataclass
class Armed:
    """The pending-send context set by Prepare Mail (SPEC §9 arming)."""

    row: QueueRow
    sent: bool = False
    sent_copper: int | None = None


@dataclass(frozen=True)
class GoldResult:
    """What one ``ReceiveGold`` call did to the queue."""

    added: tuple[QueueRow, ...] = ()
    bad: tuple[str, ...] = ()
    duplicates: tuple[QueueRow, ...] = ()  # entries whose payout id was already known


@dataclass(frozen=True)
class MailOutcome:
    """How a ``MAIL_SEND_SUCCESS`` must be handled: ``confirmed``, ``wrong-amount`` (armed
    send that did not carry the queued amount) or ``manual``."""

    kind: str
    row: QueueRow | None = None
    duties: Duties = NOTHING


@dataclass(frozen=True)
class WhoRequest:
    spin: str
    name: str
    started: float


@dataclass(frozen=True)
class GiftRequest:
    gift: str
    name: str


@dataclass
class ReferenceModel:
    """State of a correct addon; feed it inputs in the order they happen."""

    notified: dict[str, str] = field(default_factory=dict)
    accepted: set[str] = field(default_factory=set)
    queue: list[QueueRow] = field(default_factory=list)
    known: set[str] = field(default_factory=set)
    confirmed: set[str] = field(default_factory=set)
    delivered: list[QueueRow] = field(default_factory=list)
    failed: set[str] = field(default_factory=set)
    armed: Armed | None = None
    mailbox_open: bool = False
    who: WhoRequest | None = None
    gift: GiftRequest | None = None

    # -- SPEC §9: winner notification and consent ------------------------------------------
    def notify(self, payout: str, name: str) -> Duties:
        """``NotifyWinnerWhisper``: whisper the exact winner text to ``name``."""
        if not matches("uuid", payout) or not trim(name):
            return NOTHING
        self.notified[payout] = trim(name)  # a repeat names the winner anew
        return Duties(whispers=((trim(name), WINNER_TEXT),))

    def whisper(self, sender: str, text: str) -> Duties:
        """``CHAT_MSG_WHISPER``: accept every notified, unaccepted payout of ``sender`` (SPEC
        §9), or the pending gift of ``sender`` (SPEC §12)."""
        tags: list[Tagged] = []
        if reply_is(text, ACCEPT_REPLY):
            for payout in self.acceptable(sender):
                self.accepted.add(payout)
                tags.append((TagKind.ACCEPT, payout))
        elif reply_is(text, GIFT_REPLY) and self.gift and names_equal(sender, self.gift.name):
            tags.append((TagKind.GIFT_ACCEPT, self.gift.gift))
            self.gift = None
        return Duties(tags=tuple(tags))

    def acceptable(self, sender: str) -> list[str]:
        """Payouts a ``!twgold`` from ``sender`` accepts now, in notification order."""
        return [p for p, name in self.notified.items()
                if p not in self.accepted and names_equal(sender, name)]

    # -- SPEC §9: the mail queue ------------------------------------------------------------
    def receive_gold(self, payload: str) -> GoldResult:
        """``ReceiveGold``: queue each good new entry; skip bad ones and known payout ids."""
        added: list[QueueRow] = []
        bad: list[str] = []
        duplicates: list[QueueRow] = []
        for segment in payload.split(";"):
            if not trim(segment):
                continue
            parsed = parse_gold_payload(trim(segment))
            if isinstance(parsed, str) or len(parsed) != 1:
                bad.append(trim(segment))
                continue
            entry = parsed[0]
            row = QueueRow(entry.payout_id, entry.character_name, entry.copper)
            if row.payout in self.known:
                duplicates.append(row)
                continue
            self.known.add(row.payout)
            self.queue.append(row)
            added.append(row)
        return GoldResult(tuple(added), tuple(bad), tuple(duplicates))

    def open_mailbox(self) -> None:
        self.mailbox_open = True

    def close_mailbox(self) -> None:
        """``MAIL_CLOSED`` disarms; the payout stays queued."""
        self.mailbox_open = False
        self.armed = None

    def prepare(self) -> QueueRow | None:
        """Prepare Mail: with the mailbox open, fill the head row's recipient and amount and
        arm the send for it. None when nothing may be prepared."""
        if not self.mailbox_open or not self.queue:
            return None
        self.armed = Armed(self.queue[0])
        return self.queue[0]

    def mail_attempt(self, recipient: str, copper: int) -> None:
        """A ``SendMail`` call: it carries the armed payout only if it goes to its winner."""
        armed = self.armed
        if armed is None:
            return
        armed.sent = names_equal(recipient, armed.row.name)
        armed.sent_copper = copper if armed.sent else None

    def mail_success(self) -> MailOutcome:
        """``MAIL_SEND_SUCCESS``: CONFIRM and the completion whisper only for the armed send
        with the queued amount; then the row leaves the queue."""
        armed = self.armed
        if armed is None or not armed.sent:
            return MailOutcome("manual")
        self.armed = None
        row = armed.row
        if armed.sent_copper != row.copper:
            return MailOutcome("wrong-amount", row)
        self.queue = [r for r in self.queue if r.payout != row.payout]
        self.confirmed.add(row.payout)
        self.delivered.append(row)
        duties = Duties(tags=((TagKind.CONFIRM, row.payout),),
                        whispers=((row.name, SENT_TEXT),))
        return MailOutcome("confirmed", row, duties)

    def mail_failed(self) -> None:
        """``MAIL_FAILED`` disarms; the payout stays queued for another try."""
        if self.armed is not None:
            self.failed.add(self.armed.row.payout)
        self.armed = None

    def queued_winner(self, name: str) -> bool:
        return any(names_equal(name, row.name) for row in self.queue)

    # -- SPEC §8: /who ----------------------------------------------------------------------
    def who_request(self, spin: str, name: str, now: float) -> bool:
        """``MGM_RunWhoForSpin``: start a request unless one is pending or arguments are bad."""
        if self.who is not None or not matches("uuid", spin) or not trim(name):
            return False
        self.who = WhoRequest(spin, trim(name), now)
        return True

    def who_answer(self, listed: list[str]) -> tuple[WhoRequest, bool] | None:
        """The pending request and whether its exact name is among ``listed``."""
        request, self.who = self.who, None
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
