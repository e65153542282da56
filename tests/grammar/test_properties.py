"""Property tests: generated valid lines parse; mutated lines never crash the parser."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from mgm_addon_contract._resources import reference_addon_dir
from mgm_addon_contract.grammar import LogScanner, parse_log_line, parse_message
from wowapi_stubs import ClientSettings, HeadlessClient, WhoEntry

HEX = "0123456789abcdefABCDEF"
uuids = st.tuples(*(st.text(HEX, min_size=n, max_size=n) for n in (8, 4, 4, 4, 12))).map(
    "-".join)
stamps = st.builds(
    lambda mo, d, h, mi, s, ms: f"{mo}/{d} {h:02d}:{mi:02d}:{s:02d}.{ms:03d}",
    st.integers(1, 12), st.integers(1, 31), st.integers(0, 23), st.integers(0, 59),
    st.integers(0, 59), st.integers(0, 999))
tags = st.one_of(
    uuids.map(lambda u: f"[MGM_ACCEPT:{u}]"), uuids.map(lambda u: f"[MGM_CONFIRM:{u}]"),
    uuids.map(lambda u: f"[MGM_GIFT_ACCEPT:{u}]"), st.just("[MGM_UPDATE_CHECK]"))


@given(stamps, tags)
def test_generated_valid_lines_parse(stamp: str, tag: str) -> None:
    parsed = parse_log_line(f"{stamp}  {tag}")
    assert parsed.ok and parsed.tag is not None and parsed.tag.text == tag


@given(stamps, tags, st.data())
def test_mutations_give_a_violation_or_a_valid_tag_never_a_crash(stamp: str, tag: str,
                                                                 data: st.DataObject) -> None:
    line = f"{stamp}  {tag}"
    position = data.draw(st.integers(0, len(line) - 1))
    kind = data.draw(st.sampled_from(["delete", "insert", "replace"]))
    char = data.draw(st.characters(blacklist_categories=("Cs",)))
    if kind == "delete":
        mutated = line[:position] + line[position + 1:]
    elif kind == "insert":
        mutated = line[:position] + char + line[position:]
    else:
        mutated = line[:position] + char + line[position + 1:]
    if "\n" in mutated or "\r" in mutated:
        return
    parsed = parse_log_line(mutated, line=3)
    assert parsed.tag is not None or parsed.violations or parsed.spoofed or "[MGM" not in mutated
    for violation in parsed.violations:
        assert violation.line == 3 and violation.column >= 1 and violation.rule_id


@given(st.binary(max_size=300), st.integers(1, 17))
@settings(max_examples=60)
def test_scanner_never_crashes_and_keeps_every_line(data: bytes, chunk: int) -> None:
    scanner = LogScanner("fuzz")
    lines = []
    for i in range(0, len(data), chunk):
        lines += scanner.feed(data[i:i + chunk])
    lines += scanner.finish()
    body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    assert len(lines) == body.count(b"\n") + (0 if body.endswith(b"\n") or not body else 1)


def test_every_tag_the_reference_addon_prints_parses(tmp_path: Path) -> None:
    u = "2d2b7b2a-1111-2222-3333-444444444444"
    with HeadlessClient(ClientSettings(wow_dir=tmp_path)) as client:
        client.set_world_roster([WhoEntry("Norinn"), WhoEntry("Вася")])
        client.load_addon(reference_addon_dir())
        client.set_bag_item(0, 1, 33470, 'Frostweave "Cloth"', count=3)
        client.type_line(f'/run MGM_RunWhoForSpin("{u}","Вася")')
        client.advance(1)
        client.type_line(f'/run NotifyWinnerWhisper("{u}","Norinn")')
        client.whisper_from("Norinn", "!twgold")
        client.type_line(f'/run MGM_RequestGiftItems("{u}")')
        client.type_line(f'/run MGM_RequestGiftConfirmation("{u}","Вася")')
        client.whisper_from("Вася", "!TWGIFT")
        client.type_line("/mgm update")
        printed = [line.text for line in client.chat if line.kind == "addon"]
    tags = [parse_message(text) for text in printed if text.startswith("[MGM_")]
    assert {p.tag.kind.value for p in tags if p.tag} == {
        "MGM_WHO", "MGM_ACCEPT", "MGM_ITEMS", "MGM_GIFT_ACCEPT", "MGM_UPDATE_CHECK"}
    assert all(p.ok for p in tags), [v for p in tags for v in p.violations]
