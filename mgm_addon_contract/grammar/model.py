"""Typed results of parsing chat-log lines and tags (SPEC §8-§10, §12)."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any


class TagKind(enum.Enum):
    """The six tags the addon prints; values are the tag names as written."""

    WHO = "MGM_WHO"
    ACCEPT = "MGM_ACCEPT"
    CONFIRM = "MGM_CONFIRM"
    ITEMS = "MGM_ITEMS"
    GIFT_ACCEPT = "MGM_GIFT_ACCEPT"
    UPDATE_CHECK = "MGM_UPDATE_CHECK"


@dataclass(frozen=True)
class Tag:
    """A tag that starts the message text, parsed and checked.

    ``id`` is the payout / gift id (ACCEPT, CONFIRM, ITEMS, GIFT_ACCEPT), the spin cycle id for
    WHO, None for UPDATE_CHECK. ``json_text`` is the JSON exactly as printed (WHO, ITEMS) and
    ``payload`` its decoded value.
    """

    kind: TagKind
    id: str | None
    text: str
    json_text: str | None = None
    payload: Any = None

    @property
    def dedup_key(self) -> tuple[str, str]:
        """Identity for at-most-once handling: (tag name, id); WHO adds the character name."""
        if self.kind is TagKind.WHO and isinstance(self.payload, dict):
            return (self.kind.value, f"{self.id}:{self.payload.get('characterName', '')}")
        return (self.kind.value, self.id or "")

    @property
    def correlation_id(self) -> str | None:
        """The payout, spin cycle or gift id this tag is about."""
        return self.id


@dataclass(frozen=True)
class Violation:
    """A line that breaks the grammar or a semantic rule; ``column`` is 1-based."""

    rule_id: str
    message: str
    line: int
    column: int
    expected: tuple[str, ...] = ()
    excerpt: str = ""
    source: str = "<string>"

    def __str__(self) -> str:
        expected = f" (expected {', '.join(self.expected)})" if self.expected else ""
        return f"{self.source}:{self.line}:{self.column}: {self.rule_id}: {self.message}{expected}"


@dataclass(frozen=True)
class SpoofedTag:
    """Tag text found later in a line than the start of the message: never a tag, always a
    security finding (anyone can whisper tag text to the streamer)."""

    text: str
    column: int
    line: int
    source: str = "<string>"
    well_formed: bool = True


@dataclass(frozen=True)
class ParsedLine:
    """One chat-log line: its timestamp, message, the tag it holds (if any) and problems."""

    line: int
    source: str
    timestamp: str | None
    message: str
    tag: Tag | None = None
    violations: tuple[Violation, ...] = ()
    spoofed: tuple[SpoofedTag, ...] = ()
    byte_offset: int = 0
    info_line: bool = field(default=False)

    @property
    def ok(self) -> bool:
        return not self.violations and not self.spoofed


@dataclass(frozen=True)
class GoldEntry:
    """One ``UUID:CharacterName:GoldCopper`` entry of a ``ReceiveGold`` payload (SPEC §9)."""

    payout_id: str
    character_name: str
    copper: int


@dataclass(frozen=True)
class RunCommand:
    """A ``/run`` line the Desktop types (SPEC §8, §9, §12): function and string arguments."""

    function: str
    args: tuple[str, ...]
    text: str
    entries: tuple[GoldEntry, ...] = ()
