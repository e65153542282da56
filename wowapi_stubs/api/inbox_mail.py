"""The character's inbox: the mail waiting on the server, the client's copy of its list and
the inbox actions, each answered by the server after ``mail_latency`` (3.3.5a).

What the client holds is the list of the last ``CheckInbox`` answer (at most 50 mails,
newest first; ``GetInboxNumItems`` also gives the server's total): mail delivered later
shows after the next ``CheckInbox`` (the server announces it with ``UPDATE_PENDING_MAIL``).
Indices are 1-based in that list and shift when a mail leaves it.

The answers, as the 3.3.5a client and a TrinityCore 3.3.5a server give them (client facts
"likely"; where a detail is not documented the choice is stated on the method):

- success: the money (``PLAYER_MONEY``) or bag (``BAG_UPDATE``) change, then
  ``MAIL_INBOX_UPDATE``, then ``MAIL_SUCCESS``;
- refusal: the client's red error (``UI_ERROR_MESSAGE``) and ``MAIL_FAILED``, nothing
  changed: "You must be at a mailbox to do that." with the mailbox closed, "You don't have
  enough money" for a C.O.D. the character cannot pay, "Inventory is full." without bag
  room, "At gold limit" past 2^31-1 copper, "Internal mail database error." for a mail or
  attachment that is no longer there (the server's internal-error answer).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Literal

from wowapi_stubs.api.container import Item
from wowapi_stubs.api.hands import ERR_INV_FULL, Hands

if TYPE_CHECKING:
    from wowapi_stubs.host import Host

MailKind = Literal["player", "auction", "npc", "gm"]
"""Who sent it: a character (can be answered and returned), the auction house, a creature
(quest or holiday mail) or a Game Master."""
InvoiceKind = Literal["buyer", "seller", "seller_temp_invoice"]

INBOX_SHOWN_MAX = 50  # the server lists at most 50 mails at a time
ATTACHMENTS_MAX_RECEIVE = 16  # FrameXML's ATTACHMENTS_MAX_RECEIVE
ATTACHMENTS_MAX_SEND = 12  # what a character can attach (ERR_MAIL_INVALID_ATTACHMENT_SLOT)
MAX_MONEY = 2**31 - 1  # 214748g 36s 47c
STATIONERY_ICON = "Interface\\Icons\\INV_Misc_Note_01"  # the plain letter's
LETTER = Item(8383, "Plain Letter", 1, STATIONERY_ICON, item_class="Miscellaneous",
              item_subclass="Junk", max_stack=1)
"""The item ``TakeInboxTextItem`` makes of a mail's text."""

ERR_NOT_AT_MAILBOX = "You must be at a mailbox to do that."
ERR_NO_MONEY = "You don't have enough money"
ERR_TOO_MUCH_GOLD = "At gold limit"
ERR_INTERNAL = "Internal mail database error."

InboxActionKind = Literal["money", "item", "cod", "letter", "returned", "deleted",
                          "expired-returned", "expired-deleted", "complained"]


@dataclass(frozen=True)
class Attachment:
    """``count`` of ``item`` in one attachment slot of a mail."""

    item: Item
    count: int = 1


@dataclass(frozen=True)
class Invoice:
    """What an auction house mail's invoice says (``GetInboxInvoiceInfo``)."""

    kind: InvoiceKind
    item_name: str
    player_name: str
    bid: int = 0
    buyout: int = 0
    deposit: int = 0
    consignment: int = 0
    money_delay: int = 0  # minutes before a temporary invoice's money arrives
    eta_hour: int = 0
    eta_minute: int = 0


@dataclass(eq=False)
class InboxMail:
    """One mail in the inbox. ``attachments`` fill slots 1, 2, ... (``None`` leaves a slot
    empty); ``days_left`` counts from delivery on the client's clock. The inbox changes
    the fields as the character acts (``money`` 0 once taken, a taken slot ``None``,
    ``was_read`` once its text is read)."""

    sender: str
    subject: str
    body: str = ""
    money: int = 0
    cod: int = 0
    attachments: list[Attachment | None] = field(default_factory=list)
    days_left: float = 30.0
    kind: MailKind = "player"
    was_read: bool = False
    was_returned: bool = False
    text_created: bool = False
    invoice: Invoice | None = None
    expires: datetime | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        self.attachments = list(self.attachments)
        limit = ATTACHMENTS_MAX_SEND if self.kind == "player" else ATTACHMENTS_MAX_RECEIVE
        if len(self.attachments) > limit:
            raise ValueError(f"a {self.kind} mail carries at most {limit} attachments, "
                             f"not {len(self.attachments)}")
        for slot, attached in enumerate(self.attachments, 1):
            if attached is not None and not 1 <= attached.count <= attached.item.max_stack:
                raise ValueError(f"attachment {slot}: {attached.count} of "
                                 f"{attached.item.name!r} (a stack holds 1-"
                                 f"{attached.item.max_stack})")
        if self.money < 0 or self.cod < 0 or self.money > MAX_MONEY:
            raise ValueError("money and C.O.D. are 0 to 2^31-1 copper")
        if self.cod and (self.money or not self.items):
            raise ValueError("a C.O.D. mail carries items and no money")
        if self.days_left <= 0:
            raise ValueError("days_left must be more than 0")

    @property
    def items(self) -> list[tuple[int, Attachment]]:
        """The attachments still there, with their slot numbers (from 1)."""
        return [(slot, a) for slot, a in enumerate(self.attachments, 1) if a is not None]

    @property
    def returnable(self) -> bool:
        """A character's mail that has not been returned yet can go back to its sender."""
        return self.kind == "player" and not self.was_returned

    @property
    def can_delete(self) -> bool:
        """``InboxItemCanDelete``: not while it can be returned with money or items in it
        (FrameXML offers Return instead), nor while a C.O.D. is unpaid."""
        return not self.cod and not (self.returnable and (self.money or self.items))


@dataclass(frozen=True)
class InboxAction:
    """What happened to a mail: money or an item taken (``cod``: the C.O.D. paid to the
    sender), the letter made an item, the mail returned, deleted or expired."""

    kind: InboxActionKind
    mail: InboxMail
    time: datetime
    copper: int = 0
    item: Item | None = None
    count: int = 0


class Inbox:
    """The server's inbox of the character, the client's list of it, and the actions."""

    def __init__(self, client: Host, mailbox_open: Callable[[], bool]) -> None:
        self._client = client
        self._mailbox_open = mailbox_open
        self.mails: list[InboxMail] = []
        """On the server, newest first."""
        self.shown: list[InboxMail] = []
        """The client's list (``GetInboxNumItems``' first value), from the last check."""
        self.total = 0
        """The server's count at the last check, less the mails gone since."""
        self.actions: list[InboxAction] = []
        self.returned: list[InboxMail] = []
        """Mails sent back to their senders (returned or expired)."""
        self._changed = False

    # -- the server ---------------------------------------------------------------------------
    def deliver(self, mail: InboxMail) -> InboxMail:
        if any(m is mail for m in self.mails):
            raise ValueError("this mail is in the inbox already")
        mail.expires = self._client.now + timedelta(days=mail.days_left)
        self.mails.insert(0, mail)
        return mail

    def days_left(self, mail: InboxMail) -> float:
        if mail.expires is None:
            return mail.days_left
        return max((mail.expires - self._client.now).total_seconds() / 86400, 0.0)

    def check(self) -> None:
        """``CheckInbox``: at an open mailbox the server's list arrives after
        ``mail_latency`` (mail whose time is up goes first: returned to its sender when it
        can be, else deleted), then ``MAIL_INBOX_UPDATE``."""
        if self._mailbox_open():
            self._later(self._list)

    def _list(self) -> None:
        client = self._client
        for mail in [m for m in self.mails if self.days_left(m) <= 0]:
            back = mail.returnable and bool(mail.money or mail.items)
            self._leave(mail, "expired-returned" if back else "expired-deleted")
        self.shown = self.mails[:INBOX_SHOWN_MAX]
        self.total = len(self.mails)
        client.fire_internal("MAIL_INBOX_UPDATE")

    def unread_senders(self) -> list[str]:
        return [m.sender for m in self.mails if not m.was_read]

    # -- the client's list --------------------------------------------------------------------
    def at(self, index: int) -> InboxMail | None:
        return self.shown[index - 1] if 1 <= index <= len(self.shown) else None

    # -- actions ------------------------------------------------------------------------------
    def take_money(self, mail: InboxMail) -> None:
        self._request(mail, self._take_money)

    def take_item(self, mail: InboxMail, slot: int) -> None:
        self._request(mail, lambda m: self._take_item(m, slot))

    def take_letter(self, mail: InboxMail) -> None:
        self._request(mail, self._take_letter)

    def auto_loot(self, mail: InboxMail) -> None:
        """``AutoLootMailItem``: the money, then each attachment in slot order, stopping at
        the first refusal (what was taken before it stays taken)."""
        def everything(m: InboxMail) -> str | None:
            if m.money and (error := self._take_money(m)):
                return error
            for slot, _ in m.items:
                if error := self._take_item(m, slot):
                    return error
            return None

        self._request(mail, everything)

    def return_to_sender(self, mail: InboxMail) -> None:
        """``ReturnInboxItem``: the mail goes back to its sender with its money and items.
        Mail that cannot be returned (not from a character, or already returned once) is
        refused with the internal error: FrameXML only offers Return for mail
        ``InboxItemCanDelete`` refuses, and what the server answers otherwise is not
        documented."""
        self._request(mail, lambda m: self._leave_if(m, m.returnable, "returned"))

    def delete(self, mail: InboxMail) -> None:
        """``DeleteInboxItem``: the mail and whatever it still holds are gone. Refused (the
        internal error, as the server answers for C.O.D. mail) where ``InboxItemCanDelete``
        is nil."""
        self._request(mail, lambda m: self._leave_if(m, m.can_delete, "deleted"))

    def complain(self, mail: InboxMail) -> None:
        """``ComplainInboxItem``: the spam report is recorded; the mail stays (what the
        server does with a report is not modelled)."""
        self._record("complained", mail)

    # -- the server's side of each action -----------------------------------------------------
    def _request(self, mail: InboxMail, step: Callable[[InboxMail], str | None]) -> None:
        def reply() -> None:
            client = self._client
            self._changed = False
            if not self._mailbox_open():
                error: str | None = ERR_NOT_AT_MAILBOX
            elif not any(m is mail for m in self.mails):
                error = ERR_INTERNAL
            else:
                error = step(mail)
                if error is None and not mail.money and not mail.items \
                        and not mail.body and any(m is mail for m in self.mails) \
                        and (mail.invoice is None or mail.invoice.kind != "seller_temp_invoice"):
                    # Likely (Postal's notes; FrameXML deletes emptied letters itself only
                    # when their text was made an item): emptied mail without text goes.
                    self._leave(mail, "deleted")
            if self._changed:
                client.fire_internal("MAIL_INBOX_UPDATE")
            if error is not None:
                client.ui_error(error)
                client.fire_internal("MAIL_FAILED")
            else:
                client.fire_internal("MAIL_SUCCESS")

        self._later(reply)

    def _take_money(self, mail: InboxMail) -> str | None:
        client = self._client
        if not mail.money:
            return None
        if client.money + mail.money > MAX_MONEY:
            return ERR_TOO_MUCH_GOLD
        copper, mail.money = mail.money, 0
        client.money += copper
        self._record("money", mail, copper=copper)
        client.fire_internal("PLAYER_MONEY")
        return None

    def _take_item(self, mail: InboxMail, slot: int) -> str | None:
        """The C.O.D. is checked first, then bag room; the C.O.D. is paid once, with the
        first item taken (the sender gets it by mail)."""
        client = self._client
        attached = mail.attachments[slot - 1] if 1 <= slot <= len(mail.attachments) else None
        if attached is None:
            return ERR_INTERNAL
        if mail.cod > client.money:
            return ERR_NO_MONEY
        place = Hands(client).stow(attached.item, attached.count)
        if place is None:
            return ERR_INV_FULL
        mail.attachments[slot - 1] = None
        self._record("item", mail, item=attached.item, count=attached.count)
        if mail.cod:
            cod, mail.cod = mail.cod, 0
            client.money -= cod
            self._record("cod", mail, copper=cod)
            client.fire_internal("PLAYER_MONEY")
        client.fire_internal("BAG_UPDATE", place[1])
        return None

    def _take_letter(self, mail: InboxMail) -> str | None:
        """The text becomes a Plain Letter in the bags (once: a mail whose text was made
        an item, or without text, is refused with the internal error)."""
        if mail.text_created or not mail.body or mail.invoice is not None:
            return ERR_INTERNAL
        place = Hands(self._client).stow(LETTER, 1)
        if place is None:
            return ERR_INV_FULL
        mail.text_created = True
        self._record("letter", mail, item=LETTER, count=1)
        self._client.fire_internal("BAG_UPDATE", place[1])
        return None

    def _leave_if(self, mail: InboxMail, allowed: bool, kind: InboxActionKind) -> str | None:
        if not allowed:
            return ERR_INTERNAL
        self._leave(mail, kind)
        return None

    def _leave(self, mail: InboxMail, kind: InboxActionKind) -> None:
        """The mail leaves the server's inbox and the client's list (later indices shift
        down; ``CLOSE_INBOX_ITEM`` tells FrameXML to close it if it was open)."""
        index = next((i for i, m in enumerate(self.shown, 1) if m is mail), None)
        self.mails = [m for m in self.mails if m is not mail]
        if index is not None:
            del self.shown[index - 1]
            self.total = max(self.total - 1, len(self.shown))
            self._client.fire_internal("CLOSE_INBOX_ITEM", index)
        if kind in ("returned", "expired-returned"):
            self.returned.append(mail)
        self._record(kind, mail, copper=mail.money)

    def _record(self, kind: InboxActionKind, mail: InboxMail, *, copper: int = 0,
                item: Item | None = None, count: int = 0) -> None:
        self._changed = True
        self.actions.append(InboxAction(kind, mail, self._client.now, copper, item, count))

    def _later(self, reply: Callable[[], None]) -> None:
        self._client.clock.call_later(self._client.settings.mail_latency, reply)

