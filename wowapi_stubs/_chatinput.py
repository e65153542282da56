"""The chat edit box: what pressing Enter on a typed line does.

``/run`` and ``/script`` compile and run the rest as insecure code (errors go to the error
handler); built-in commands (``/who``, ``/chatlog``, ``/reload``, ``/w``, ``/s``...) act
directly; other slash commands resolve through ``SLASH_<KEY><n>`` globals and
``SlashCmdList[KEY]`` (case-insensitive). Plain text is said aloud.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wowapi_stubs.api.chat import send_chat_message
from wowapi_stubs.errors import ChatLineError, WowApiError
from wowapi_stubs.runtime import to_text

if TYPE_CHECKING:
    from wowapi_stubs.client import HeadlessClient

MAX_LINE_CHARACTERS = 255
UNKNOWN_COMMAND = "Type '/help' for a listing of a few commands."


def type_line(client: HeadlessClient, text: str) -> None:
    """Type ``text`` and press Enter."""
    if len(text) > MAX_LINE_CHARACTERS:
        raise ChatLineError(
            f"chat line is {len(text)} characters; the chat edit box takes at most "
            f"{MAX_LINE_CHARACTERS}: {text[:60]}..."
        )
    if client.framexml is not None:
        _type_into_framexml(client, text)
    else:
        execute(client, text)


def _type_into_framexml(client: HeadlessClient, text: str) -> None:
    """FrameXML's chat: Enter opens the edit box (``ChatFrame_OpenChat``), the line is
    typed, Enter sends it through ``ChatEdit_SendText``/``ChatEdit_ParseText``."""
    runtime = client.runtime
    runtime.safecall("ChatFrame_OpenChat", runtime.rawglobal("ChatFrame_OpenChat"), "")
    ok, found = runtime.safecall("ChatEdit_GetActiveWindow",
                                 runtime.rawglobal("ChatEdit_GetActiveWindow"))
    box = client._widget_from_lua(found[0]) if ok and found else None
    if box is None:
        raise ChatLineError("FrameXML opened no chat edit box (ChatFrame_OpenChat failed)")
    box.set_text(text)
    box.press_enter()


def execute(client: HeadlessClient, text: str) -> None:
    """Run one chat line (no length check: macro lines come here too)."""
    if not text.strip():
        return
    if not text.startswith("/"):
        _say(client, text, "SAY", None)
        return
    command, _, rest = text.partition(" ")
    lowered = command.lower()
    if lowered in ("/run", "/script"):
        run_code(client, rest)
    elif lowered == "/who":
        client.who.send(rest)
    elif lowered == "/chatlog":
        _toggle_chatlog(client)
    elif lowered == "/reload":  # FrameXML's SlashCmdList.RELOAD: ConsoleExec("reloadui")
        client.request_reload_ui()
    elif lowered in ("/w", "/whisper", "/t", "/tell", "/send"):
        target, _, message = rest.partition(" ")
        if message.strip() and client.framexml is None:
            # The built-in chat box, as FrameXML's, remembers whom the whisper goes to.
            client.call_ui_global("ChatEdit_SendText", "ChatEdit_SetLastToldTarget", target)
        _say(client, message, "WHISPER", target)
    elif lowered in ("/s", "/say"):
        _say(client, rest, "SAY", None)
    elif lowered in ("/y", "/yell"):
        _say(client, rest, "YELL", None)
    elif lowered in ("/g", "/guild"):
        _say(client, rest, "GUILD", None)
    elif not _run_slash_command(client, lowered, rest):
        client.system_message(UNKNOWN_COMMAND)


def _say(client: HeadlessClient, message: str, chat_type: str, target: str | None) -> None:
    try:
        send_chat_message(client, message, chat_type, target)
    except WowApiError as exc:
        client.system_message(exc.message)


def run_code(client: HeadlessClient, code: str) -> None:
    """``/run`` and ``RunScript``: compile and run as insecure code (errors to the error
    handler, as ``[string "code"]``)."""
    fn, error = client.runtime.compile(code.encode("utf-8", "surrogateescape"), code)
    if fn is None:
        client._record_error(error or "syntax error", "", "/run")
        return
    client.runtime.safecall("/run", fn)


def _toggle_chatlog(client: HeadlessClient) -> None:
    if client.chat_logging:
        client.system_message("Chat logging disabled.")
        client.set_chat_logging(False)
    else:
        client.set_chat_logging(True)
        client.system_message("Chat being logged to Logs\\WoWChatLog.txt")


def _run_slash_command(client: HeadlessClient, command: str, rest: str) -> bool:
    commands = client.runtime.rawglobal("SlashCmdList")
    if not client.runtime.is_table(commands):
        return False
    for key, handler in list(commands.items()):
        name = to_text(key)
        index = 1
        while True:
            alias = client.runtime.rawglobal(f"SLASH_{name}{index}")
            if alias is None:
                break
            if to_text(alias).lower() == command:
                if client.runtime.is_function(handler):
                    client.runtime.safecall(f"SlashCmdList[{name!r}]", handler, rest,
                                            client.named["ChatFrame1"])
                return True
            index += 1
    return False
