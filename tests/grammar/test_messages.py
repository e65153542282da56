"""Every violation type: exact rule id, message, line and column (1-based), caret excerpt."""

from __future__ import annotations

import json

import pytest

from mgm_addon_contract.grammar import LogScanner, Violation, parse_log_line, parse_run_line
from mgm_addon_contract.grammar.checks import check_items, check_who

U = "2d2b7b2a-1111-2222-3333-444444444444"
S = "4/6 18:40:12.345  "
WHO = {"schemaVersion": 1, "spinCycleId": U, "characterName": "Norinn", "online": True,
       "capturedAt": "2026-04-04T12:00:01.000Z"}
ITEM = {"name": "Frostweave Cloth", "id": 33470, "count": 3, "texture": "Interface\\Icons\\x",
        "bagId": 0, "slotId": 1,
        "link": "|cffffffff|Hitem:33470:0:0:0:0:0:0:0:80|h[Frostweave Cloth]|h|r"}


def who(**changes: object) -> str:
    payload = {k: v for k, v in {**WHO, **changes}.items() if v is not None}
    return S + "[MGM_WHO]" + json.dumps(payload, ensure_ascii=False, separators=(",", ":"))


def items(**changes: object) -> str:
    payload = {k: v for k, v in {**ITEM, **changes}.items() if v is not None}
    return S + f"[MGM_ITEMS:{U}]" + json.dumps([payload], separators=(",", ":"))


def col(line: str, needle: str) -> int:
    return line.index(needle) + 1


CASES = [
    ("2026-04-06 18:40  [MGM_UPDATE_CHECK]", "LINE-TIMESTAMP",
     "not a chat-log line (M/D HH:MM:SS.mmm, two spaces, text)", 1),
    ("4/6 18:40:12.345 [MGM_UPDATE_CHECK]", "LINE-TIMESTAMP",
     "not a chat-log line (M/D HH:MM:SS.mmm, two spaces, text)", 17),
    (S + f"[MGM_ACCEPT:{U[:-1]}]", "TAG-SYNTAX", "unexpected '2'", 31),
    (S + "[MGM_UPDATE_CHECK] now", "TAG-SYNTAX", "unexpected ' now'", 37),
    (S + "[MGM_WHO]", "TAG-SYNTAX", "the tag ends too early", 28),
    (S + "[MGM_REFUND:1]", "TAG-UNKNOWN", "text starts like an MGM tag but is no known tag", 19),
    (who().replace('"online"', '"online":true,"online"'), "JSON-DUPLICATE-KEY",
     "field 'online' appears more than once", "online"),
    (who(online=None), "WHO-FIELD-MISSING", "field 'online' is missing", 28),
    (who(extra=1), "WHO-FIELD-UNKNOWN", "field 'extra' is not part of schema 1", "extra"),
    (who(schemaVersion=2), "WHO-SCHEMA-VERSION", "schemaVersion must be the integer 1",
     "schemaVersion"),
    (who(spinCycleId=U[:-1]), "WHO-SPIN-ID", "spinCycleId must be a UUID (8-4-4-4-12 hex digits)",
     "spinCycleId"),
    (who(characterName="Nor1nn"), "WHO-CHARACTER-NAME",
     "characterName must be 2-12 Latin or Cyrillic letters (SPEC §4)", "characterName"),
    (who(online="true"), "WHO-ONLINE", "online must be true or false", "online"),
    (who(capturedAt="2026-04-04T12:00:01+02:00"), "WHO-CAPTURED-AT",
     "capturedAt must be ISO-8601 UTC (YYYY-MM-DDTHH:MM:SS[.fff]Z)", "capturedAt"),
    (S + f"[MGM_ITEMS:{U}][1]", "ITEMS-NOT-OBJECT", "item 1 must be a JSON object", 68),
    (items(slotId=None), "ITEMS-FIELD-MISSING", "item 1: field 'slotId' is missing", 68),
    (items(colour="red"), "ITEMS-FIELD-UNKNOWN", "item 1: unknown field 'colour'", "colour"),
    (items(name=""), "ITEMS-NAME", "item 1: name must be a non-empty string", "name"),
    (items(id=0), "ITEMS-ID", "item 1: id must be a positive integer", "id"),
    (items(count=0), "ITEMS-COUNT", "item 1: count must be an integer >= 1", "count"),
    (items(link="[Frostweave Cloth]"), "ITEMS-LINK", "item 1: link must be an item link", "link"),
    (items(texture=5), "ITEMS-TEXTURE", "item 1: texture must be a string", "texture"),
    (items(bagId=5), "ITEMS-BAG", "item 1: bagId must be a bag 0-4", "bagId"),
    (items(slotId=0), "ITEMS-SLOT", "item 1: slotId must be a slot >= 1", "slotId"),
]


@pytest.mark.parametrize(("text", "rule", "message", "column"), CASES,
                         ids=[c[1] + f"-{i}" for i, c in enumerate(CASES)])
def test_violation_rule_message_and_column(text: str, rule: str, message: str,
                                           column: int | str) -> None:
    parsed = parse_log_line(text, line=12, source="chat.txt")
    (violation,) = parsed.violations
    assert (violation.rule_id, violation.message) == (rule, message)
    assert (violation.line, violation.source) == (12, "chat.txt")
    if isinstance(column, str):  # semantic problems point at their field's name in the JSON
        column = col(text, f'"{column}"')
    assert violation.column == column
    line, caret = violation.excerpt.split("\n")
    assert line == text and caret == " " * (column - 1) + "^"


def test_invalid_utf8_names_the_byte_offset_in_the_file() -> None:
    scanner = LogScanner("chat.txt")
    data = b"\xef\xbb\xbf" + S.encode() + b"ok\r\n" + S.encode() + b"caf\xc3 x\r\n"
    lines = scanner.feed(data, plain_lines=False)
    (violation,) = [v for p in lines for v in p.violations]
    offset = data.index(b"\xc3")
    assert violation.rule_id == "LINE-UTF8" and violation.line == 2
    assert violation.message == f"invalid UTF-8 at byte offset {offset} of the file"
    assert violation.column == len(S) + 4


def test_payload_shape_rules_when_called_directly() -> None:
    assert check_who([]) == [("WHO-NOT-OBJECT", "the [MGM_WHO] payload must be a JSON object",
                              None)]
    assert check_items({}) == [("ITEMS-NOT-ARRAY",
                                "the [MGM_ITEMS] payload must be a JSON array", None)]


@pytest.mark.parametrize(("text", "rule", "message", "column"), [
    ("/run ReceiveGold(\"" + "x" * 260 + "\")", "RUN-LENGTH",
     "line is 280 characters; typed lines must stay under 255 (SPEC §8)", 255),
    ("/run SendMail(\"a\")", "RUN-SYNTAX", "not a /run line the Desktop sends", 6),
    (f'/run NotifyWinnerWhisper("{U}","No rinn")', "RUN-ARGUMENT",
     "the second argument must be a character name (SPEC §4)", 65),
    ('/run MGM_RequestGiftItems("x")', "RUN-ARGUMENT", "the first argument must be a UUID", 27),
    (f'/run ReceiveGold("{U}:Norinn:ten;")', "RUN-GOLD-PAYLOAD",
     "ReceiveGold payload is malformed at character 45", 18),
])
def test_run_line_violations(text: str, rule: str, message: str, column: int) -> None:
    violation = parse_run_line(text)
    assert isinstance(violation, Violation)
    assert (violation.rule_id, violation.message, violation.column) == (rule, message, column)
    assert violation.excerpt.split("\n")[1] == " " * (column - 1) + "^"
