"""A headless World of Warcraft 3.3.5a client: real addon folders run in Lua 5.1 against WoW
APIs implemented in Python. Knows nothing of any particular addon."""

from wowapi_stubs.api.chat import SentWhisper, server_name
from wowapi_stubs.api.container import Item
from wowapi_stubs.api.inbox_mail import Attachment, InboxAction, InboxMail, Invoice
from wowapi_stubs.api.mail import DeliveredMail, MailAttempt
from wowapi_stubs.api.who import WhoEntry
from wowapi_stubs.client import ChatLine, HeadlessClient
from wowapi_stubs.errors import (
    AddonLoadError,
    ChatLineError,
    Finding,
    HeadlessClientError,
    LuaErrorRecord,
)
from wowapi_stubs.report import FileLoad, LoadReport
from wowapi_stubs.settings import ClientSettings
from wowapi_stubs.toc import TocFile, parse_toc

__all__ = [
    "AddonLoadError",
    "Attachment",
    "ChatLine",
    "ChatLineError",
    "ClientSettings",
    "DeliveredMail",
    "FileLoad",
    "Finding",
    "HeadlessClient",
    "HeadlessClientError",
    "InboxAction",
    "InboxMail",
    "Invoice",
    "Item",
    "LoadReport",
    "LuaErrorRecord",
    "MailAttempt",
    "SentWhisper",
    "TocFile",
    "WhoEntry",
    "parse_toc",
    "server_name",
]
