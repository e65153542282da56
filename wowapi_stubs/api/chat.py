"""Chat: ``SendChatMessage`` (255-byte limit, whispers to online players), ``LoggingChat``,
``SendSystemMessage`` (a system line shown to this client alone, ``CHAT_MSG_SYSTEM``).

An outgoing whisper shows as ``To [Name]: text``; a whisper to someone not online gets the
client's system message instead. ``SendChatMessage`` is not protected in 3.3.5a.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from wowapi_stubs.errors import WowApiError
from wowapi_stubs.widgets.base import lua_text

if TYPE_CHECKING:
    from wowapi_stubs.client import HeadlessClient

MAX_MESSAGE_BYTES = 255

_CHANNEL_FORMATS = {
    "SAY": "[{me}] says: {text}",
    "YELL": "[{me}] yells: {text}",
    "PARTY": "[Party] [{me}]: {text}",
    "RAID": "[Raid] [{me}]: {text}",
    "GUILD": "[Guild] [{me}]: {text}",
    "OFFICER": "[Officer] [{me}]: {text}",
    "EMOTE": "{me} {text}",
    "BATTLEGROUND": "[Battleground] [{me}]: {text}",
}


@dataclass(frozen=True)
class SentWhisper:
    """A whisper the character sent (``SendChatMessage(text, "WHISPER", nil, target)``)."""

    target: str
    text: str
    time: datetime
    delivered: bool


def server_name(name: str) -> str:
    """A character name as the server delivers it: first letter upper case, the rest lower
    case, Cyrillic included (``ёлка`` -> ``Ёлка``, ``вАСЯ`` -> ``Вася``); a ``-Realm``
    suffix is kept as it is."""
    short, dash, realm = name.strip().partition("-")
    return short[:1].upper() + short[1:].lower() + dash + realm


def send_chat_message(
    client: HeadlessClient, text: str, chat_type: str, target: str | None
) -> None:
    """What the client does for ``SendChatMessage`` (also used by typed chat lines)."""
    size = len(text.encode("utf-8", "surrogateescape"))
    if size > MAX_MESSAGE_BYTES:
        raise WowApiError(
            f"SendChatMessage(): message is {size} bytes; the server refuses more than "
            f"{MAX_MESSAGE_BYTES}"
        )
    chat_type = chat_type.upper()
    if chat_type == "WHISPER":
        if not target:
            raise WowApiError('Usage: SendChatMessage(text, "WHISPER", language, target)')
        online = client.roster.find_online(target)
        client.whispers_sent.append(
            SentWhisper(online.name if online else target, text, client.now, online is not None)
        )
        if online is None:
            client.system_message(f"No player named '{target}' is currently playing.")
        else:
            client.whisper_echo(text, online.name)
        return
    template = _CHANNEL_FORMATS.get(chat_type)
    if template is None:
        raise WowApiError(f"SendChatMessage(): unsupported chat type {chat_type!r}")
    me = client.settings.character_name
    _show(client, f"CHAT_MSG_{chat_type}", text, me,
          template.replace("{me}", "{1}").replace("{text}", "{0}"), "chat-out")


def _show(client: HeadlessClient, event: str, text: str, author: str, line: str,
          kind: str) -> None:
    """The chat frame's line for the message (the built-in UI runs addons' message filters
    on it: :meth:`HeadlessClient.show_chat_event`)."""
    if client.framexml is None:
        client.show_chat_event(event, (text, author, "", "", client.settings.character_name,
                                       "", 0, 0, "", 0, 0, ""), line, kind)
    else:
        client.show_line(line.format(text, author), kind=kind)


def install(client: HeadlessClient) -> dict[str, Callable[..., Any]]:
    def SendChatMessage(
        msg: Any = None, chat_type: Any = None, language: Any = None, target: Any = None
    ) -> None:
        if msg is None:
            raise WowApiError("Usage: SendChatMessage(text [, type [, language [, target]]])")
        kind = lua_text(chat_type) if chat_type is not None else "SAY"
        who = lua_text(target) if target is not None else None
        send_chat_message(client, lua_text(msg, what="text"), kind, who)

    def LoggingChat(flag: Any = None) -> bool | None:
        if flag is not None:
            client.set_chat_logging(bool(flag))
        return True if client.chat_logging else None

    def SendSystemMessage(text: Any = None) -> None:
        """Show ``text`` as a system message (only this client sees it)."""
        if text is None:
            raise WowApiError('Usage: SendSystemMessage("message")')
        client.system_message(lua_text(text))

    return {"SendChatMessage": SendChatMessage, "LoggingChat": LoggingChat,
            "SendSystemMessage": SendSystemMessage}
