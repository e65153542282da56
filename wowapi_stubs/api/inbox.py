"""The mailbox's inbox: the headless character has no mail waiting (``HasNewMail`` is nil,
the inbox lists are empty); ``CheckInbox`` at an open mailbox answers with
``MAIL_INBOX_UPDATE`` as the client does once the server has replied."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wowapi_stubs.errors import WowApiError

if TYPE_CHECKING:
    from wowapi_stubs.host import Host

EVENTS = ("MAIL_INBOX_UPDATE",)


def install(client: Host) -> dict[str, Callable[..., Any]]:
    def indexed(usage: str) -> Callable[..., None]:
        def read(index: Any = None, *_: Any) -> None:
            if index is None:
                raise WowApiError(f"Usage: {usage}")
            return None  # the inbox is empty

        return read

    def CheckInbox() -> None:
        frame = client.named.get("MailFrame")
        if frame is not None and frame.shown:
            client.fire_internal("MAIL_INBOX_UPDATE")

    return {
        "HasNewMail": lambda: None,
        "GetLatestThreeSenders": lambda: None,
        "CheckInbox": CheckInbox,
        "GetInboxNumItems": lambda: (0, 0),  # shown, total on the server
        "GetInboxHeaderInfo": indexed("GetInboxHeaderInfo(index)"),
        "GetInboxText": indexed("GetInboxText(index)"),
        "GetInboxItem": indexed("GetInboxItem(index, itemIndex)"),
        "GetInboxItemLink": indexed("GetInboxItemLink(index, itemIndex)"),
        "GetInboxInvoiceInfo": indexed("GetInboxInvoiceInfo(index)"),
        "InboxItemCanDelete": indexed("InboxItemCanDelete(index)"),
    }
