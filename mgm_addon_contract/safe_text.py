"""Terminal-safe text: control characters escaped, long text elided with ``…(N bytes)``.

Log lines, file names read from an addon's ``.toc`` and error messages are untrusted input:
they may be megabytes long or hold escape sequences that would drive the terminal. Every
renderer passes such text through :func:`printable` (one line) or :func:`window` (a slice
around a column, for a caret under a problem).
"""

from __future__ import annotations

import re

LINE_LIMIT = 240
ELLIPSIS = "…"
# C0 controls, DEL, C1 controls, and the bidirectional overrides that can reorder what a
# terminal shows (U+202A-U+202E, U+2066-U+2069).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape_one(match: re.Match[str]) -> str:
    char = match.group(0)
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape_controls(text: str) -> str:
    """``text`` with every control or bidi-override character written as an escape."""
    return _UNSAFE.sub(_escape_one, text)


def _byte_length(text: str) -> int:
    return len(text) if text.isascii() else len(text.encode("utf-8", "surrogatepass"))


def elided_marker(omitted_bytes: int) -> str:
    """The marker put where text was cut: ``…(N bytes)`` (N = UTF-8 bytes left out)."""
    return f"{ELLIPSIS}({omitted_bytes:,} bytes)"


def printable(text: object, limit: int = LINE_LIMIT) -> str:
    """One terminal-safe line: controls escaped; past ``limit`` characters the rest is
    replaced by ``…(N bytes)``. Work is bounded by ``limit``, not by the text's length
    (apart from counting the omitted bytes)."""
    value = text if isinstance(text, str) else str(text)
    if len(value) <= limit:
        return escape_controls(value)
    return escape_controls(value[:limit]) + elided_marker(_byte_length(value[limit:]))


def window(text: str, column: int, width: int = 160) -> tuple[str, int]:
    """A terminal-safe slice of ``text`` around 1-based ``column`` and the caret's 1-based
    column in that slice. Cut parts are shown as ``…(N bytes)`` on either side."""
    index = max(column - 1, 0)
    if len(text) <= width:
        start, end = 0, len(text)
    else:
        start = max(0, min(index - width // 3, len(text) - width))
        end = min(len(text), start + width)
    before = elided_marker(_byte_length(text[:start])) if start else ""
    after = elided_marker(_byte_length(text[end:])) if end < len(text) else ""
    lead = before + escape_controls(text[start:min(index, end)])
    return lead + escape_controls(text[min(index, end):end]) + after, len(lead) + 1
