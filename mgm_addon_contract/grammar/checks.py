"""Semantic checks on tag payloads after parsing, each with a stable rule id.

Field formats (UUID, ISO-8601 UTC, item link) are parsed with the grammar's own entry points;
character names follow SPEC §4 (2-12 Unicode letters of the Latin or Cyrillic scripts).
"""

from __future__ import annotations

import unicodedata
from typing import Any

from lark.exceptions import UnexpectedInput

from mgm_addon_contract.grammar._compiled import NotCompilable
from mgm_addon_contract.grammar._parsers import compiled_start, tag_parser

# (rule id, message, where): where is the WHO field name, or (item number, field name) for
# ITEMS, or None for the payload as a whole; the parser turns it into a column.
Problem = tuple[str, str, object]
WHO_FIELDS = ("schemaVersion", "spinCycleId", "characterName", "online", "capturedAt")
ITEM_FIELDS = ("name", "id", "count", "link", "texture", "bagId", "slotId")


def matches(start: str, text: object) -> bool:
    """Whether ``text`` is exactly one ``start`` of the tag grammar (uuid, iso_utc...)."""
    if not isinstance(text, str):
        return False
    try:
        return compiled_start(start).fullmatch(text) is not None
    except NotCompilable:
        pass
    try:
        tag_parser().parse(text, start=start)
    except UnexpectedInput:
        return False
    return True


def is_character_name(name: object) -> bool:
    """SPEC §4: 2-12 letters, each from the Latin or Cyrillic script, no spaces or digits."""
    if not isinstance(name, str) or not 2 <= len(name) <= 12:
        return False
    for ch in name:
        if not ch.isalpha():
            return False
        script = unicodedata.name(ch, "").split(" ")[0]
        if script not in ("LATIN", "CYRILLIC"):
            return False
    return True


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def check_who(payload: Any) -> list[Problem]:
    """SPEC §8: the ``[MGM_WHO]`` object and its five fields."""
    if not isinstance(payload, dict):
        return [("WHO-NOT-OBJECT", "the [MGM_WHO] payload must be a JSON object", None)]
    problems: list[Problem] = []
    for name in WHO_FIELDS:
        if name not in payload:
            problems.append(("WHO-FIELD-MISSING", f"field {name!r} is missing", None))
    for name in payload:
        if name not in WHO_FIELDS:
            problems.append(("WHO-FIELD-UNKNOWN", f"field {name!r} is not part of schema 1",
                             name))
    if "schemaVersion" in payload and not (
            _is_int(payload["schemaVersion"]) and payload["schemaVersion"] == 1):
        problems.append(("WHO-SCHEMA-VERSION", "schemaVersion must be the integer 1",
                         "schemaVersion"))
    if "spinCycleId" in payload and not matches("uuid", payload["spinCycleId"]):
        problems.append(("WHO-SPIN-ID", "spinCycleId must be a UUID (8-4-4-4-12 hex digits)",
                         "spinCycleId"))
    if "characterName" in payload and not is_character_name(payload["characterName"]):
        problems.append(("WHO-CHARACTER-NAME",
                         "characterName must be 2-12 Latin or Cyrillic letters (SPEC §4)",
                         "characterName"))
    if "online" in payload and not isinstance(payload["online"], bool):
        problems.append(("WHO-ONLINE", "online must be true or false", "online"))
    if "capturedAt" in payload and not matches("iso_utc", payload["capturedAt"]):
        problems.append(("WHO-CAPTURED-AT",
                         "capturedAt must be ISO-8601 UTC (YYYY-MM-DDTHH:MM:SS[.fff]Z)",
                         "capturedAt"))
    return problems


def check_items(payload: Any) -> list[Problem]:
    """SPEC §12: the ``[MGM_ITEMS]`` array of bag items."""
    if not isinstance(payload, list):
        return [("ITEMS-NOT-ARRAY", "the [MGM_ITEMS] payload must be a JSON array", None)]
    problems: list[Problem] = []
    for index, item in enumerate(payload, start=1):
        where = f"item {index}"
        if not isinstance(item, dict):
            problems.append(("ITEMS-NOT-OBJECT", f"{where} must be a JSON object", (index, None)))
            continue
        for name in ITEM_FIELDS:
            if name not in item:
                problems.append(("ITEMS-FIELD-MISSING", f"{where}: field {name!r} is missing",
                                 (index, None)))
        for name in item:
            if name not in ITEM_FIELDS:
                problems.append(("ITEMS-FIELD-UNKNOWN", f"{where}: unknown field {name!r}",
                                 (index, name)))
        problems += _item_values(index, item)
    return problems


def _item_values(index: int, item: dict[str, Any]) -> list[Problem]:
    rules = (
        ("name", "ITEMS-NAME", lambda v: isinstance(v, str) and v != "", "a non-empty string"),
        ("id", "ITEMS-ID", lambda v: _is_int(v) and v > 0, "a positive integer"),
        ("count", "ITEMS-COUNT", lambda v: _is_int(v) and v >= 1, "an integer >= 1"),
        ("link", "ITEMS-LINK", lambda v: matches("item_link", v), "an item link"),
        ("texture", "ITEMS-TEXTURE", lambda v: isinstance(v, str), "a string"),
        ("bagId", "ITEMS-BAG", lambda v: _is_int(v) and 0 <= v <= 4, "a bag 0-4"),
        ("slotId", "ITEMS-SLOT", lambda v: _is_int(v) and v >= 1, "a slot >= 1"),
    )
    return [(rule, f"item {index}: {name} must be {what}", (index, name))
            for name, rule, ok, what in rules if name in item and not ok(item[name])]
