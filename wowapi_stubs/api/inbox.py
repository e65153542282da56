"""The mailbox's inbox as addons read and work it: ``GetInboxNumItems``, the header, text,
attachment and invoice readers, and the actions (take money, items or the letter, auto-loot,
return, delete), answered by the server later (:mod:`wowapi_stubs.api.inbox_mail`).

Readers answer from the client's list of the last ``CheckInbox``; an index with no mail
answers nothing and an action on it does nothing (no request leaves the client). Flags are
``1`` or nil, as the client returns them. ``GetInboxText`` marks the mail read (the reason
addons avoid calling it). ``HasNewMail`` is 1 while the server's inbox holds unread mail;
``GetLatestThreeSenders`` names the senders of the three newest unread mails.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wowapi_stubs.api.inbox_mail import STATIONERY_ICON, InboxMail
from wowapi_stubs.widgets.base import flag_result, usage_int

if TYPE_CHECKING:
    from wowapi_stubs.host import Host

EVENTS = ("MAIL_INBOX_UPDATE", "MAIL_SUCCESS", "MAIL_FAILED", "CLOSE_INBOX_ITEM",
          "UPDATE_PENDING_MAIL", "PLAYER_MONEY", "BAG_UPDATE")


def install(client: Host) -> dict[str, Callable[..., Any]]:
    inbox = client.mail.inbox

    def mail_at(index: Any, usage: str) -> InboxMail | None:
        return inbox.at(usage_int(index, usage))

    def action(usage: str, act: Callable[[InboxMail], None]) -> Callable[..., None]:
        def call(index: Any = None, *_: Any) -> None:
            mail = mail_at(index, usage)
            if mail is not None:
                act(mail)

        return call

    def GetInboxHeaderInfo(index: Any = None, *_: Any) -> tuple[Any, ...]:
        mail = mail_at(index, "GetInboxHeaderInfo(index)")
        if mail is None:
            return ()
        items = mail.items
        first = items[0][1] if items else None
        return (first.item.texture if first else None, STATIONERY_ICON, mail.sender,
                mail.subject, mail.money, mail.cod, inbox.days_left(mail),
                len(items) or None, flag_result(mail.was_read),
                flag_result(mail.was_returned), flag_result(mail.text_created),
                flag_result(mail.kind == "player"), flag_result(mail.kind == "gm"),
                first.count if first else None)

    def GetInboxText(index: Any = None, *_: Any) -> tuple[Any, ...]:
        """Body, stationery texture (not modelled: nil), letter takeable, is an invoice."""
        mail = mail_at(index, "GetInboxText(index)")
        if mail is None:
            return ()
        mail.was_read = True
        return (mail.body, None, flag_result(bool(mail.body) and mail.invoice is None),
                flag_result(mail.invoice is not None))

    def attachment(index: Any, slot: Any, usage: str) -> Any:
        mail = mail_at(index, usage)
        number = usage_int(slot, usage)
        if mail is None or not 1 <= number <= len(mail.attachments):
            return None
        return mail.attachments[number - 1]

    def GetInboxItem(index: Any = None, slot: Any = None) -> tuple[Any, ...]:
        """Name, texture, count, quality, canUse (usability is not modelled: 1)."""
        found = attachment(index, slot, "GetInboxItem(index, itemIndex)")
        if found is None:
            return ()
        return found.item.name, found.item.texture, found.count, found.item.quality, 1

    def GetInboxItemLink(index: Any = None, slot: Any = None) -> str | None:
        found = attachment(index, slot, "GetInboxItemLink(index, itemIndex)")
        return found.item.link if found is not None else None

    def GetInboxInvoiceInfo(index: Any = None, *_: Any) -> tuple[Any, ...]:
        mail = mail_at(index, "GetInboxInvoiceInfo(index)")
        bill = mail.invoice if mail is not None else None
        if bill is None:
            return ()
        return (bill.kind, bill.item_name, bill.player_name, bill.bid, bill.buyout,
                bill.deposit, bill.consignment, bill.money_delay, bill.eta_hour,
                bill.eta_minute)

    def InboxItemCanDelete(index: Any = None, *_: Any) -> int | None:
        mail = mail_at(index, "InboxItemCanDelete(index)")
        return flag_result(mail is not None and mail.can_delete)

    def CanComplainInboxItem(index: Any = None, *_: Any) -> int | None:
        """Mail from a character can be reported as spam; the rest cannot."""
        mail = mail_at(index, "CanComplainInboxItem(index)")
        return flag_result(mail is not None and mail.returnable)

    def TakeInboxItem(index: Any = None, slot: Any = None) -> None:
        usage = "TakeInboxItem(index, itemIndex)"
        mail, number = mail_at(index, usage), usage_int(slot, usage)
        if mail is not None:
            inbox.take_item(mail, number)

    def GetInboxNumItems() -> tuple[int, int]:
        return len(inbox.shown), inbox.total

    def GetLatestThreeSenders() -> tuple[str, ...]:
        return tuple(inbox.unread_senders()[:3])

    return {
        "HasNewMail": lambda: flag_result(bool(inbox.unread_senders())),
        "GetLatestThreeSenders": GetLatestThreeSenders,
        "CheckInbox": lambda *_: inbox.check(),
        "GetInboxNumItems": GetInboxNumItems,
        "GetInboxHeaderInfo": GetInboxHeaderInfo,
        "GetInboxText": GetInboxText,
        "GetInboxItem": GetInboxItem,
        "GetInboxItemLink": GetInboxItemLink,
        "GetInboxInvoiceInfo": GetInboxInvoiceInfo,
        "InboxItemCanDelete": InboxItemCanDelete,
        "CanComplainInboxItem": CanComplainInboxItem,
        "ComplainInboxItem": action("ComplainInboxItem(index)", inbox.complain),
        "TakeInboxMoney": action("TakeInboxMoney(index)", inbox.take_money),
        "TakeInboxItem": TakeInboxItem,
        "TakeInboxTextItem": action("TakeInboxTextItem(index)", inbox.take_letter),
        "AutoLootMailItem": action("AutoLootMailItem(index)", inbox.auto_loot),
        "ReturnInboxItem": action("ReturnInboxItem(index)", inbox.return_to_sender),
        "DeleteInboxItem": action("DeleteInboxItem(index)", inbox.delete),
    }
