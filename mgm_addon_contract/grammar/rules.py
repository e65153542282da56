"""The grammar's rule ids as data: id, SPEC reference and one-line statement.

Every :class:`~mgm_addon_contract.grammar.model.Violation` carries one of these ids; reports
(SARIF rules, annotations, docs) take the reference and statement from here.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class GrammarRule:
    """One checkable format rule of the chat log, the tags or the typed ``/run`` lines."""

    id: str
    spec: str
    statement: str
    level: str = "error"  # "error" or "warning" (a finding that is not a format error)


RULES: tuple[GrammarRule, ...] = (
    GrammarRule("LINE-TIMESTAMP", "SPEC §10",
                "A line holding [MGM is a chat-log line: M/D HH:MM:SS.mmm, two spaces, text."),
    GrammarRule("LINE-UTF8", "SPEC §10", "The chat log is valid UTF-8 text."),
    GrammarRule("LINE-NUL", "SPEC §10; client facts: the log is appended across sessions",
                "The chat log holds no NUL bytes (a run of them is what a writer that stopped "
                "abruptly leaves; the text after it is read as a line of its own).",
                level="warning"),
    GrammarRule("LINE-TOO-LONG", "SPEC §10; client facts: chat message length",
                "A chat-log line stays within the reader's line-length limit (default 256 KiB); "
                "a longer one is read from its prefix only."),
    GrammarRule("TAG-SYNTAX", "SPEC §8, §9, §12",
                "A known tag prefix is followed by exactly the tag's grammar."),
    GrammarRule("TAG-UNKNOWN", "SPEC §8, §9, §12",
                "Text starting with [MGM is a known tag or a '[MGM] ' info line."),
    GrammarRule("TAG-SPOOFED", "SPEC §10",
                "Tag text later in a line is a spoofed tag (someone typed it), never a tag.",
                level="warning"),
    GrammarRule("JSON-DUPLICATE-KEY", "SPEC §8, §12", "No field appears twice in a tag's JSON."),
    GrammarRule("WHO-NOT-OBJECT", "SPEC §8", "The [MGM_WHO] payload is a JSON object."),
    GrammarRule("WHO-FIELD-MISSING", "SPEC §8", "[MGM_WHO] schema 1 has all five fields."),
    GrammarRule("WHO-FIELD-UNKNOWN", "SPEC §8", "[MGM_WHO] schema 1 has no other field."),
    GrammarRule("WHO-SCHEMA-VERSION", "SPEC §8", "schemaVersion is the integer 1."),
    GrammarRule("WHO-SPIN-ID", "SPEC §8", "spinCycleId is a UUID."),
    GrammarRule("WHO-CHARACTER-NAME", "SPEC §4, §8",
                "characterName is 2-12 letters of the Latin or Cyrillic scripts."),
    GrammarRule("WHO-ONLINE", "SPEC §8", "online is a JSON boolean."),
    GrammarRule("WHO-CAPTURED-AT", "SPEC §8", "capturedAt is ISO-8601 UTC ending in Z."),
    GrammarRule("ITEMS-NOT-ARRAY", "SPEC §12", "The [MGM_ITEMS] payload is a JSON array."),
    GrammarRule("ITEMS-NOT-OBJECT", "SPEC §12", "Each [MGM_ITEMS] entry is a JSON object."),
    GrammarRule("ITEMS-FIELD-MISSING", "SPEC §12", "Each item has all its fields."),
    GrammarRule("ITEMS-FIELD-UNKNOWN", "SPEC §12", "Each item has no other field."),
    GrammarRule("ITEMS-NAME", "SPEC §12", "An item's name is a non-empty string."),
    GrammarRule("ITEMS-ID", "SPEC §12", "An item's id is an integer above 0."),
    GrammarRule("ITEMS-COUNT", "SPEC §12", "An item's count is an integer of at least 1."),
    GrammarRule("ITEMS-LINK", "SPEC §12", "An item's link is a real item link."),
    GrammarRule("ITEMS-TEXTURE", "SPEC §12", "An item's texture is a string."),
    GrammarRule("ITEMS-BAG", "SPEC §12", "An item's bagId is an integer from 0 to 4."),
    GrammarRule("ITEMS-SLOT", "SPEC §12", "An item's slotId is an integer of at least 1."),
    GrammarRule("RUN-LENGTH", "SPEC §8; client facts: chat edit box",
                "A typed /run line stays under 255 characters."),
    GrammarRule("RUN-SYNTAX", "SPEC §8, §9, §12",
                "A typed line is one of the Desktop's /run calls."),
    GrammarRule("RUN-ARGUMENT", "SPEC §8, §9, §12",
                "A /run call's arguments are well-formed Lua strings of the right kind."),
    GrammarRule("RUN-GOLD-PAYLOAD", "SPEC §9",
                "A ReceiveGold payload is UUID:CharacterName:GoldCopper entries ending in ';'."),
)

BY_ID: dict[str, GrammarRule] = {rule.id: rule for rule in RULES}


def rule_for(rule_id: str) -> GrammarRule:
    """The catalogued rule ``rule_id``; an uncatalogued id gets a generic entry (never lost)."""
    return BY_ID.get(rule_id) or GrammarRule(rule_id, "SPEC §8-§10, §12",
                                             f"Grammar rule {rule_id}.")
