"""Mail: the mailbox, the Send Mail tab's money, ``SendMail``, the delivery ledger and the
character's inbox (:mod:`wowapi_stubs.api.inbox_mail`).

``SendMail`` sends the money set by ``SetSendMailMoney`` (the Send button sets it from
``SendMailMoney`` once the ``SEND_MONEY`` confirmation is accepted; more than the character
has is refused with "You don't have enough money"). It checks what the client checks
(mailbox open, recipient exists and is not the player, money for amount + 30 copper
postage); the answer comes after ``mail_latency``: ``MAIL_SEND_SUCCESS`` (money leaves, the
ledger records the delivery) or ``MAIL_FAILED`` with a ``UI_ERROR_MESSAGE``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from wowapi_stubs.api.inbox_mail import ERR_NO_MONEY, ERR_NOT_AT_MAILBOX, Inbox, InboxMail
from wowapi_stubs.errors import WowApiError
from wowapi_stubs.widgets.base import lua_int, lua_text

if TYPE_CHECKING:
    from wowapi_stubs.client import HeadlessClient

POSTAGE_COPPER = 30
ERR_NO_RECIPIENT = "You must specify a recipient."
ERR_CANNOT_FIND = "Cannot find player"
ERR_TO_SELF = "You can't send mail to yourself"

EVENTS = ("MAIL_FAILED", "MAIL_SEND_SUCCESS")
__all__ = ["ERR_NOT_AT_MAILBOX", "ERR_NO_MONEY", "DeliveredMail", "MailAttempt", "MailService"]


@dataclass(frozen=True)
class DeliveredMail:
    """A mail that really went out: the ledger entry a test asserts on."""

    recipient: str
    subject: str
    body: str
    copper: int
    time: datetime


@dataclass(frozen=True)
class MailAttempt:
    """Every ``SendMail`` call with its outcome (``None`` = success)."""

    recipient: str
    subject: str
    copper: int
    error: str | None
    time: datetime


class MailService:
    """Mailbox state, the money on the Send Mail tab, pending sends and the ledger."""

    def __init__(self, client: HeadlessClient) -> None:
        self._client = client
        self.open = False
        self.send_money = 0
        self.ledger: list[DeliveredMail] = []
        self.attempts: list[MailAttempt] = []
        self._forced_failures: list[str] = []
        self._in_flight = False
        self.inbox = Inbox(client, lambda: self.open)

    def deliver_to_inbox(self, mail: InboxMail) -> InboxMail:
        """Mail arrives in the character's inbox (newest first): the server announces it
        with ``UPDATE_PENDING_MAIL`` once logged in; the inbox lists it after the next
        ``CheckInbox`` (opening a mailbox checks). Returns ``mail``, which the inbox updates
        as the character takes from it."""
        self.inbox.deliver(mail)
        if self._client.logged_in:
            self._client.fire("UPDATE_PENDING_MAIL")
        return mail

    def return_delivered(self, sent: DeliveredMail, *, days_left: float = 30.0) -> InboxMail:
        """The recipient of a mail the character sent returns it: it arrives back with its
        money, from the recipient, marked returned (it can then only be deleted)."""
        return self.deliver_to_inbox(InboxMail(sent.recipient, sent.subject, sent.body,
                                               money=sent.copper, days_left=days_left,
                                               was_returned=True))

    def fail_next(self, reason: str = ERR_CANNOT_FIND) -> None:
        """Make the next ``SendMail`` fail with ``reason`` (failure injection)."""
        self._forced_failures.append(reason)

    def validate(self, recipient: str, copper: int) -> str | None:
        client = self._client
        if not self.open:
            return ERR_NOT_AT_MAILBOX
        if not recipient.strip():
            return ERR_NO_RECIPIENT
        if recipient.strip().lower() == client.settings.character_name.lower():
            return ERR_TO_SELF
        if not client.roster.exists(recipient.strip()):
            return ERR_CANNOT_FIND
        if copper + POSTAGE_COPPER > client.money:
            return ERR_NO_MONEY
        if self._forced_failures:
            return self._forced_failures.pop(0)
        return None

    def send(self, recipient: str, subject: str, body: str) -> None:
        copper = self.send_money
        error = self.validate(recipient, copper)
        self.attempts.append(MailAttempt(recipient, subject, copper, error, self._client.now))
        self._client.clock.call_later(
            self._client.settings.mail_latency,
            lambda: self._complete(recipient.strip(), subject, body, copper, error),
        )

    def _complete(self, recipient: str, subject: str, body: str, copper: int,
                  error: str | None) -> None:
        client = self._client
        if error is None and copper + POSTAGE_COPPER > client.money:
            error = ERR_NO_MONEY  # money spent while the mail was in flight
        if error is not None:
            client.ui_error(error)
            client.fire_internal("MAIL_FAILED")
            return
        client.money -= copper + POSTAGE_COPPER
        online = client.roster.find_online(recipient)
        name = online.name if online else recipient[:1].upper() + recipient[1:].lower()
        self.ledger.append(DeliveredMail(name, subject, body, copper, client.now))
        self.send_money = 0
        client.reset_send_mail_fields()
        client.fire_internal("MAIL_SEND_SUCCESS")

    def received_by(self, name: str) -> int:
        """Total copper delivered to ``name`` (case-insensitive)."""
        return sum(m.copper for m in self.ledger if m.recipient.lower() == name.lower())


def install(client: HeadlessClient) -> dict[str, Callable[..., Any]]:
    mail = client.mail

    def SendMail(recipient: Any = None, subject: Any = None, body: Any = None) -> None:
        if recipient is None or subject is None:
            raise WowApiError('Usage: SendMail("recipient", "subject", "body")')
        mail.send(lua_text(recipient), lua_text(subject), lua_text(body) if body else "")

    def SetSendMailMoney(copper: Any = None) -> bool | None:
        amount = lua_int(copper, what="copper")
        if amount < 0:
            raise WowApiError("SetSendMailMoney(): amount must not be negative")
        if amount + POSTAGE_COPPER > client.money:
            client.ui_error(ERR_NO_MONEY)
            return None
        mail.send_money = amount
        return True

    def GetSendMailMoney() -> int:
        return mail.send_money

    def GetSendMailPrice() -> int:
        return POSTAGE_COPPER

    def GetMoney() -> int:
        return client.money

    def MoneyInputFrame_SetCopper(frame: Any = None, copper: Any = None) -> None:
        widget = client._widget_from_lua(frame)
        if widget is None:
            raise WowApiError("Usage: MoneyInputFrame_SetCopper(moneyFrame, copper)")
        widget.copper = max(0, lua_int(copper, what="copper"))

    def MoneyInputFrame_GetCopper(frame: Any = None) -> int:
        widget = client._widget_from_lua(frame)
        if widget is None:
            raise WowApiError("Usage: MoneyInputFrame_GetCopper(moneyFrame)")
        return int(getattr(widget, "copper", 0))

    cod = {"copper": 0, "showing": False}

    def SetSendMailShowing(flag: Any = None) -> None:
        """FrameXML tells the client whether the Send Mail tab is shown."""
        cod["showing"] = bool(flag)

    def SetSendMailCOD(copper: Any = None) -> None:
        cod["copper"] = max(0, lua_int(copper, what="copper")) if copper else 0

    def ClearSendMail() -> None:
        """Forget the money and items set to send (the built-in UI's fields go too)."""
        mail.send_money = cod["copper"] = 0
        client.reset_send_mail_fields()

    def CloseMail() -> None:
        client.close_mailbox()

    return {"SendMail": SendMail, "SetSendMailMoney": SetSendMailMoney,
            "GetSendMailPrice": GetSendMailPrice, "GetSendMailMoney": GetSendMailMoney,
            "GetMoney": GetMoney,
            "MoneyInputFrame_SetCopper": MoneyInputFrame_SetCopper,
            "MoneyInputFrame_GetCopper": MoneyInputFrame_GetCopper,
            "ClearSendMail": ClearSendMail, "CloseMail": CloseMail,
            # name, texture, count, quality of attachment N: nothing is attached
            "GetSendMailItem": lambda *args: (None, None, 0, None),
            "SetSendMailShowing": SetSendMailShowing,
            "SetSendMailCOD": SetSendMailCOD, "GetSendMailCOD": lambda: cod["copper"],
            "ClickSendMailItemButton": lambda *args: None,  # nothing on the cursor to attach
            # One stationery, the free plain letter, always selected.
            "GetNumStationeries": lambda: 1, "SelectStationery": lambda *args: None,
            "GetSelectedStationeryTexture": lambda: None,
            "GetStationeryInfo": lambda index=None, *_: (
                ("Plain Letter", "Interface\\Icons\\INV_Misc_Note_01", 0)
                if index is not None and lua_int(index) == 1 else ())}
