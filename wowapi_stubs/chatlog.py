"""``Logs/WoWChatLog.txt`` in the client's format: ``M/D HH:MM:SS.mmm  text`` + CRLF, UTF-8.

When the real client flushes the file is an open question, so the flush policy is a setting:
``"line"`` (every line), ``"block:N"`` (whole N-byte blocks; a line may be cut between two
writes) or ``"logout"`` (everything at logout). The file is appended to across sessions.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from typing import BinaryIO


def parse_flush_policy(policy: str) -> int | None:
    """``"line"`` -> 0, ``"block:N"`` -> N, ``"logout"`` -> None; anything else is an error."""
    if policy == "line":
        return 0
    if policy == "logout":
        return None
    if policy.startswith("block:"):
        size = policy.removeprefix("block:")
        if size.isdigit() and int(size) > 0:
            return int(size)
    raise ValueError(f"chat-log flush policy must be line, block:N or logout, not {policy!r}")


def format_chatlog_line(when: datetime, text: str) -> bytes:
    """One chat-log line: month and day without leading zeros, milliseconds, two spaces."""
    stamp = f"{when.month}/{when.day} {when:%H:%M:%S}.{when.microsecond // 1000:03d}"
    return f"{stamp}  {text}\r\n".encode("utf-8", "surrogateescape")


class ChatLogWriter:
    """Appends chat lines to a ``WoWChatLog.txt`` under a flush policy."""

    def __init__(self, path: Path, policy: str = "line") -> None:
        self.path = path
        self._block = parse_flush_policy(policy)
        self._pending = bytearray()
        self._handle: BinaryIO | None = None
        self.enabled = True
        if not os.path.isdir(path.parent):  # (one stat; mkdir of an existing folder raises)
            path.parent.mkdir(parents=True, exist_ok=True)

    def write(self, when: datetime, text: str) -> None:
        """Record one displayed line (written now or later per the flush policy)."""
        if not self.enabled:
            return
        self._pending += format_chatlog_line(when, text)
        if self._block == 0:
            self._write(len(self._pending))
        elif self._block:
            whole = len(self._pending) - len(self._pending) % self._block
            if whole:
                self._write(whole)

    def flush(self) -> None:
        """Write everything still buffered (logout, ``/chatlog`` off, client close)."""
        if self._pending:
            self._write(len(self._pending))
        if self._handle is not None:
            self._handle.close()
            self._handle = None

    @property
    def buffered_bytes(self) -> int:
        return len(self._pending)

    def _write(self, count: int) -> None:
        if self._handle is None or not self.path.exists():
            # Reopen when the user deleted the file; appending recreates it, as the client does.
            if self._handle is not None:
                self._handle.close()
            self._handle = self.path.open("ab")
        self._handle.write(self._pending[:count])
        self._handle.flush()
        del self._pending[:count]
