"""The tag grammar: valid tags, violations with positions and rule ids, spoofed tags."""

from __future__ import annotations

import json

import pytest

from mgm_addon_contract.grammar import TagKind, parse_log_line, parse_message, render_tag

U = "2d2b7b2a-1111-2222-3333-444444444444"
STAMP = "4/6 18:40:12.345  "
WHO = {"schemaVersion": 1, "spinCycleId": U, "characterName": "Norinn", "online": True,
       "capturedAt": "2026-04-04T12:00:01Z"}


def who_line(**changes: object) -> str:
    payload = {**WHO, **changes}
    return STAMP + "[MGM_WHO]" + json.dumps(payload, ensure_ascii=False, separators=(",", ":"))


@pytest.mark.parametrize(("message", "kind", "ident"), [
    (f"[MGM_ACCEPT:{U}]", TagKind.ACCEPT, U),
    (f"[MGM_CONFIRM:{U.upper()}]", TagKind.CONFIRM, U.upper()),
    (f"[MGM_GIFT_ACCEPT:{U}]", TagKind.GIFT_ACCEPT, U),
    (f"[MGM_ITEMS:{U}][]", TagKind.ITEMS, U),
    ("[MGM_UPDATE_CHECK]", TagKind.UPDATE_CHECK, None),
])
def test_valid_tags(message: str, kind: TagKind, ident: str | None) -> None:
    parsed = parse_log_line(STAMP + message)
    assert parsed.ok and parsed.tag is not None
    assert (parsed.tag.kind, parsed.tag.id, parsed.timestamp) == (kind, ident, STAMP.strip())


def test_who_keeps_json_verbatim_and_decodes_payload() -> None:
    line = who_line(characterName="Вася")
    parsed = parse_log_line(line)
    assert parsed.ok
    assert parsed.tag.json_text == line.split("[MGM_WHO]", 1)[1]
    assert parsed.tag.payload["characterName"] == "Вася"
    assert parsed.tag.dedup_key == ("MGM_WHO", f"{U}:Вася")


@pytest.mark.parametrize(("changes", "rule"), [
    ({"schemaVersion": 2}, "WHO-SCHEMA-VERSION"),
    ({"schemaVersion": True}, "WHO-SCHEMA-VERSION"),
    ({"spinCycleId": "x"}, "WHO-SPIN-ID"),
    ({"characterName": "N"}, "WHO-CHARACTER-NAME"),
    ({"characterName": "Norinn1"}, "WHO-CHARACTER-NAME"),
    ({"characterName": "Νορινν"}, "WHO-CHARACTER-NAME"),  # Greek letters
    ({"online": "yes"}, "WHO-ONLINE"),
    ({"capturedAt": "2026-04-04 12:00:01"}, "WHO-CAPTURED-AT"),
    ({"extra": 1}, "WHO-FIELD-UNKNOWN"),
])
def test_who_semantic_rules(changes: dict, rule: str) -> None:
    parsed = parse_log_line(who_line(**changes))
    assert [v.rule_id for v in parsed.violations] == [rule]


def test_who_missing_and_duplicated_fields() -> None:
    payload = {k: v for k, v in WHO.items() if k != "online"}
    line = STAMP + "[MGM_WHO]" + json.dumps(payload)
    assert [v.rule_id for v in parse_log_line(line).violations] == ["WHO-FIELD-MISSING"]
    dup = who_line().replace('{"schemaVersion":1', '{"schemaVersion":1,"schemaVersion":1')
    assert "JSON-DUPLICATE-KEY" in [v.rule_id for v in parse_log_line(dup).violations]


def test_items_rules() -> None:
    good = {"name": "Frostweave Cloth", "id": 33470, "count": 3, "texture": "x", "bagId": 0,
            "slotId": 1, "link": "|cffffffff|Hitem:33470:0:0:0:0:0:0:0:80|h[Frostweave Cloth]|h|r"}
    ok = parse_message(f"[MGM_ITEMS:{U}]" + json.dumps([good]))
    assert ok.ok and ok.tag.payload[0]["id"] == 33470
    bad = {**good, "id": 0, "count": 0, "bagId": 5, "slotId": 0, "link": "Frostweave"}
    rules = {v.rule_id for v in parse_message(f"[MGM_ITEMS:{U}]" + json.dumps([bad])).violations}
    assert rules == {"ITEMS-ID", "ITEMS-COUNT", "ITEMS-BAG", "ITEMS-SLOT", "ITEMS-LINK"}


@pytest.mark.parametrize(("message", "rule", "column"), [
    ("[MGM_ACCEPT:------------------------------------]", "TAG-SYNTAX", 13),
    (f"[MGM_ACCEPT:{U[:-1]}]", "TAG-SYNTAX", 13),
    (f"[MGM_CONFIRM:{U}] thanks", "TAG-SYNTAX", 51),
    ('[MGM_WHO] {"schemaVersion":1}', "TAG-SYNTAX", 10),
    ("[MGM_REFUND:1]", "TAG-UNKNOWN", 1),
    ("[MGM_WHO]", "TAG-SYNTAX", 10),
])
def test_violations_name_rule_line_column_and_show_a_caret(message: str, rule: str,
                                                          column: int) -> None:
    parsed = parse_log_line(STAMP + message, line=7, source="WoWChatLog.txt")
    assert parsed.tag is None
    (violation,) = parsed.violations
    assert (violation.rule_id, violation.line, violation.source) == (rule, 7, "WoWChatLog.txt")
    assert violation.column == len(STAMP) + column
    text, caret = violation.excerpt.split("\n")
    assert caret.index("^") == violation.column - 1


def test_tag_later_in_a_line_is_spoofed_never_a_tag() -> None:
    parsed = parse_log_line(STAMP + f"[Norinn] whispers: [MGM_CONFIRM:{U}] lol")
    assert parsed.tag is None and not parsed.ok
    (spoof,) = parsed.spoofed
    assert spoof.text == f"[MGM_CONFIRM:{U}]" and spoof.well_formed
    assert spoof.column == len(STAMP) + len("[Norinn] whispers: ") + 1


def test_info_lines_are_allowed_and_other_text_is_ignored() -> None:
    assert parse_log_line(STAMP + "[MGM] /who already pending; try again.").info_line
    plain = parse_log_line(STAMP + "[Norinn] says: hello")
    assert plain.ok and plain.tag is None


def test_bad_timestamp_is_reported() -> None:
    (violation,) = parse_log_line("2026-04-06 18:40  [MGM_UPDATE_CHECK]").violations
    assert violation.rule_id == "LINE-TIMESTAMP"


def test_render_tag_validates() -> None:
    assert render_tag(TagKind.CONFIRM, U) == f"[MGM_CONFIRM:{U}]"
    with pytest.raises(ValueError, match="not a valid MGM_ACCEPT tag"):
        render_tag(TagKind.ACCEPT, "not-a-uuid")
