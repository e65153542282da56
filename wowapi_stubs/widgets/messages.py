"""Text frames: ``MessageFrame`` (``UIErrorsFrame``), ``ScrollingMessageFrame`` (chat
frames) and ``SimpleHTML``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from wowapi_stubs.widgets.base import (
    flag_pair,
    flag_result,
    lua_flag,
    lua_int,
    lua_text,
    number_pair,
    opt_int,
    opt_number,
    opt_text,
    usage,
)
from wowapi_stubs.widgets.frame import FRAME_SCRIPTS, Frame
from wowapi_stubs.widgets.regions import FontInstance

HYPERLINK_SCRIPTS = FRAME_SCRIPTS | {"OnHyperlinkClick", "OnHyperlinkEnter",
                                     "OnHyperlinkLeave"}


@dataclass
class Message:
    """One line of a message frame: text, colour and the id ``UpdateColorByID`` uses."""

    text: str
    r: float
    g: float
    b: float
    message_id: Any
    time: float


class _Messages(FontInstance, Frame):
    """Lines added with ``AddMessage``; fading settings; insert mode."""

    SCRIPTS: ClassVar[frozenset[str]] = HYPERLINK_SCRIPTS
    max_lines = 120
    fading = True
    fade_duration = 3.0
    time_visible = 10.0
    insert_mode = "BOTTOM"

    def __init__(self, client: Any, name: str | None, parent: Any) -> None:
        super().__init__(client, name, parent)
        self.lines: list[Message] = []

    @property
    def messages(self) -> list[str]:
        """The texts shown, oldest first."""
        return [line.text for line in self.lines]

    def AddMessage(self, text: Any = None, r: Any = None, g: Any = None, b: Any = None,
                   message_id: Any = None, *_: Any) -> None:
        if text is None:
            raise usage(f"{self.KIND}:AddMessage(text [, r, g, b [, id]])")
        self.add_line(lua_text(text, what="text"), "addon", opt_number(r, 1.0),
                      opt_number(g, 1.0), opt_number(b, 1.0), message_id)

    def add_line(self, text: str, kind: str, r: float = 1.0, g: float = 1.0, b: float = 1.0,
                 message_id: Any = None) -> None:
        """Show a line (``kind``: addon, system, whisper-in...); the client logs the default
        chat frame's lines."""
        line = Message(text, r, g, b, message_id, self._client.clock.uptime)
        if self.insert_mode == "TOP":
            self.lines.insert(0, line)
        else:
            self.lines.append(line)
        if len(self.lines) > self.max_lines:
            if self.insert_mode == "TOP":
                del self.lines[self.max_lines:]
            else:
                del self.lines[: len(self.lines) - self.max_lines]
        self._client._add_message(self, text, kind=kind)

    def Clear(self) -> None:
        self.lines.clear()

    SetFading, GetFading = flag_pair("fading")
    SetFadeDuration, GetFadeDuration = number_pair("fade_duration",
                                                   "MessageFrame:SetFadeDuration(seconds)")
    SetTimeVisible, GetTimeVisible = number_pair("time_visible",
                                                 "MessageFrame:SetTimeVisible(seconds)")

    def SetInsertMode(self, mode: Any = None) -> None:
        name = lua_text(mode).upper() if mode is not None else ""
        if name not in ("TOP", "BOTTOM"):
            raise usage(f'{self.KIND}:SetInsertMode("TOP" or "BOTTOM")')
        self.insert_mode = name

    def GetInsertMode(self) -> str:
        return self.insert_mode


class MessageFrame(_Messages):
    """Messages that fade out (``UIErrorsFrame``, raid warnings)."""

    KIND: ClassVar[str] = "MessageFrame"


class ScrollingMessageFrame(_Messages):
    """A chat frame: lines, a scroll offset counted from the bottom, hyperlinks."""

    KIND: ClassVar[str] = "ScrollingMessageFrame"
    offset = 0
    hyperlinks = False

    def SetMaxLines(self, count: Any = None) -> None:
        if count is None:
            raise usage("ScrollingMessageFrame:SetMaxLines(count)")
        self.max_lines = max(1, lua_int(count, what="count"))
        if len(self.lines) > self.max_lines:
            del self.lines[: len(self.lines) - self.max_lines]

    def GetMaxLines(self) -> int:
        return self.max_lines

    def GetNumMessages(self) -> int:
        return len(self.lines)

    def GetNumLinesDisplayed(self) -> int:
        height = self.GetHeight()
        return max(1, int(height // max(1.0, self.font_height()))) if height else 0

    def _scroll_to(self, offset: int) -> None:
        self.offset = min(max(0, offset), max(0, len(self.lines) - 1))

    def ScrollUp(self) -> None:
        self._scroll_to(self.offset + 1)

    def ScrollDown(self) -> None:
        self._scroll_to(self.offset - 1)

    def PageUp(self) -> None:
        self._scroll_to(self.offset + max(1, self.GetNumLinesDisplayed()))

    def PageDown(self) -> None:
        self._scroll_to(self.offset - max(1, self.GetNumLinesDisplayed()))

    def ScrollToTop(self) -> None:
        self._scroll_to(len(self.lines))

    def ScrollToBottom(self) -> None:
        self.offset = 0

    def SetScrollOffset(self, offset: Any = None) -> None:
        self._scroll_to(opt_int(offset, 0, what="offset"))

    def GetCurrentScroll(self) -> int:
        return self.offset

    def GetCurrentLine(self) -> int:
        return max(0, len(self.lines) - 1)

    def AtBottom(self) -> int | None:
        return flag_result(self.offset == 0)

    def AtTop(self) -> int | None:
        return flag_result(self.offset >= max(0, len(self.lines) - 1))

    def SetHyperlinksEnabled(self, flag: Any = None) -> None:
        self.hyperlinks = lua_flag(flag)

    def GetHyperlinksEnabled(self) -> int | None:
        return flag_result(self.hyperlinks)

    def UpdateColorByID(self, message_id: Any = None, r: Any = None, g: Any = None,
                        b: Any = None) -> None:
        for line in self.lines:
            if line.message_id == message_id:
                line.r, line.g, line.b = opt_number(r, 1.0), opt_number(g, 1.0), opt_number(
                    b, 1.0)

    def RemoveMessagesByAccessID(self, access_id: Any = None) -> None:
        self.lines = [line for line in self.lines if line.message_id != access_id]


class HyperlinkedFrame(Frame):
    """Frames whose text can hold clickable links."""

    KIND: ClassVar[str] = "HyperlinkedFrame"
    SCRIPTS: ClassVar[frozenset[str]] = HYPERLINK_SCRIPTS


class SimpleHTML(FontInstance, HyperlinkedFrame):
    """A frame showing a small HTML subset; the markup is kept as set."""

    KIND: ClassVar[str] = "SimpleHTML"
    html: str | None = None
    hyperlink_format = "|H%s|h%s|h"
    hyperlinks = True

    @property
    def text(self) -> str | None:
        return self.html

    def SetText(self, value: Any = None) -> None:
        self.html = opt_text(value, what="text")

    def SetHyperlinkFormat(self, value: Any = None) -> None:
        self.hyperlink_format = lua_text(value) if value is not None else "|H%s|h%s|h"

    def GetHyperlinkFormat(self) -> str:
        return self.hyperlink_format

    def SetHyperlinksEnabled(self, flag: Any = None) -> None:
        self.hyperlinks = lua_flag(flag)

    def GetHyperlinksEnabled(self) -> int | None:
        return flag_result(self.hyperlinks)
