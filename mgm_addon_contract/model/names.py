"""Character-name and reply comparison rules (SPEC §4, §9)."""

from __future__ import annotations

WOW_WHITESPACE = " \t\r\n\v\f"


def trim(text: str) -> str:
    """Trim the whitespace the client's Lua ``%s`` class knows (SPEC §9: "after trim")."""
    return text.strip(WOW_WHITESPACE)


def short_name(name: str) -> str:
    """``Name-Realm`` -> ``Name``: whisper senders from another realm carry the realm."""
    return trim(name).split("-", 1)[0]


def names_equal(a: str, b: str) -> bool:
    """SPEC §4: names compare without realm and case-insensitively, Latin and Cyrillic."""
    left, right = short_name(a), short_name(b)
    return bool(left) and bool(right) and left.casefold() == right.casefold()


def reply_is(text: str, word: str) -> bool:
    """SPEC §9, §12: a reply matches ``word`` case-insensitively after trimming."""
    return trim(text).casefold() == word.casefold()
