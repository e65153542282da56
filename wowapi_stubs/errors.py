"""Errors and records the headless client reports.

Lua errors raised inside addon code never propagate to Python: they are collected as
:class:`LuaErrorRecord` (message, file:line, traceback, context). Python exceptions are raised
only for mistakes made by the Python caller (a bad argument, a missing addon folder...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_LOCATION = re.compile(r"^(?P<file>[^\n]*?):(?P<line>\d+): ")


class HeadlessClientError(Exception):
    """Base class for errors the Python caller must handle."""


class AddonLoadError(HeadlessClientError):
    """The addon folder or its ``.toc`` cannot be used (missing, unreadable, no ``.toc``)."""


class ChatLineError(HeadlessClientError):
    """A typed chat line the chat edit box would not accept (e.g. over 255 characters)."""


class WowApiError(Exception):
    """Raised by a Python API implementation to signal a Lua error at the addon's call site.

    The client turns it into ``error(message)`` located at the addon's file:line, the way
    the real client reports API usage errors.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def split_location(message: str) -> tuple[str | None, int | None, str]:
    """Split ``"file.lua:12: text"`` into ``("file.lua", 12, "text")``."""
    match = _LOCATION.match(message)
    if not match:
        return None, None, message
    return match["file"], int(match["line"]), message[match.end() :]


@dataclass(frozen=True)
class LuaErrorRecord:
    """A Lua error caught by the client's error handler (WoW: ``geterrorhandler()``)."""

    message: str
    traceback: str
    context: str
    time: float
    file: str | None = None
    line: int | None = None

    @property
    def location(self) -> str:
        """``file:line`` of the error, or ``"?"`` when Lua gave no position."""
        if self.file is None:
            return "?"
        return f"{self.file}:{self.line}"

    def __str__(self) -> str:
        return f"{self.message} [{self.context}]"


@dataclass(frozen=True)
class Finding:
    """Something the client observed that a contract check or a human should see.

    ``kind`` is a stable identifier such as ``protected-call-blocked``,
    ``protected-call-allowed``, ``interface-version``, ``unknown-template``.
    """

    kind: str
    message: str
    location: str | None = None
    addon: str | None = None
    details: dict[str, object] = field(default_factory=dict)
    time: float = 0.0
