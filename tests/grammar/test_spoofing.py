"""Tag text after any chat prefix (client facts: WoWChatLog.txt) is a spoofed tag, never a tag."""

from __future__ import annotations

import pytest

from mgm_addon_contract.grammar import parse_log_line

U = "2d2b7b2a-1111-2222-3333-444444444444"
STAMP = "4/6 18:40:12.345  "
# Every prefix a player's line carries in the English client, plus the emote form.
PREFIXES = ["[Trickster] whispers: ", "To [Trickster]: ", "[Trickster] says: ",
            "[Trickster] yells: ", "[Party] [Trickster]: ", "[Guild] [Trickster]: ",
            "[Raid] [Trickster]: ", "[2. Trade] [Trickster]: ", "Trickster "]
TAGS = [f"[MGM_ACCEPT:{U}]", f"[MGM_CONFIRM:{U}]", f"[MGM_GIFT_ACCEPT:{U}]",
        f"[MGM_ITEMS:{U}][]", "[MGM_UPDATE_CHECK]",
        '[MGM_WHO]{"schemaVersion":1,"spinCycleId":"' + U + '","characterName":"Norinn",'
        '"online":true,"capturedAt":"2026-04-04T12:00:01Z"}']


@pytest.mark.parametrize("prefix", PREFIXES)
@pytest.mark.parametrize("tag", TAGS)
def test_tag_after_a_chat_prefix_is_spoofed(prefix: str, tag: str) -> None:
    parsed = parse_log_line(STAMP + prefix + tag, line=4, source="WoWChatLog.txt")
    assert parsed.tag is None and not parsed.violations and not parsed.ok
    (spoof,) = parsed.spoofed
    assert (spoof.text, spoof.line, spoof.source) == (tag, 4, "WoWChatLog.txt")
    assert spoof.column == len(STAMP) + len(prefix) + 1 and spoof.well_formed


@pytest.mark.parametrize("prefix", PREFIXES)
def test_malformed_tag_after_a_prefix_is_still_reported(prefix: str) -> None:
    (spoof,) = parse_log_line(STAMP + prefix + "[MGM_CONFIRM:" + "-" * 36 + "] ty").spoofed
    assert spoof.text == "[MGM_CONFIRM:" + "-" * 36 + "]" and not spoof.well_formed


def test_a_real_tag_with_a_spoof_later_in_the_same_line() -> None:
    parsed = parse_log_line(STAMP + f"[MGM_ITEMS:{U}][]" + f" [MGM_CONFIRM:{U}]")
    assert parsed.tag is None  # the tag must be the whole message
    assert [v.rule_id for v in parsed.violations] == ["TAG-SYNTAX"]
    assert [s.text for s in parsed.spoofed] == [f"[MGM_CONFIRM:{U}]"]


def test_several_spoofs_in_one_line_are_all_reported() -> None:
    text = STAMP + f"[Guild] [Eve]: [MGM_ACCEPT:{U}] and [MGM_CONFIRM:{U}]"
    assert [s.text for s in parse_log_line(text).spoofed] == [
        f"[MGM_ACCEPT:{U}]", f"[MGM_CONFIRM:{U}]"]


def test_chat_mentioning_mgm_without_a_tag_is_not_a_finding() -> None:
    parsed = parse_log_line(STAMP + "[Eve] says: is [MGM] the addon? [MGM_FOO] lol")
    assert parsed.ok and parsed.tag is None
