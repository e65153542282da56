"""Line numbers stay exact when large spans are counted (vectorised path) and chunks split."""

from __future__ import annotations

import random

import pytest

from mgm_addon_contract.grammar import LogScanner
from mgm_addon_contract.grammar.scanner import VECTOR_COUNT_MIN, count_newlines

U = "2d2b7b2a-1111-2222-3333-444444444444"


def test_count_newlines_matches_bytes_count_on_both_paths() -> None:
    rng = random.Random(3)
    data = bytearray(rng.choice(b"ab\n\xd0\x96") for _ in range(3 * VECTOR_COUNT_MIN))
    for start, end in [(0, len(data)), (5, VECTOR_COUNT_MIN + 7), (10, 20), (len(data), len(data))]:
        assert count_newlines(data, start, end) == data.count(b"\n", start, end)


@pytest.mark.parametrize("chunk", [1 << 20, 4096, 77])
def test_tag_lines_keep_their_numbers_in_a_large_log(chunk: int) -> None:
    rng = random.Random(chunk)
    lines, tags = [], {}
    for number in range(1, 20_001):
        if rng.random() < 0.002:
            lines.append(f"4/6 18:40:12.345  [MGM_CONFIRM:{U}]")
            tags[number] = "MGM_CONFIRM"
        else:
            lines.append("4/6 18:40:12.345  [Вася] whispers: привет " + "x" * rng.randrange(80))
    data = "\r\n".join(lines).encode() + b"\r\n"
    assert len(data) > 4 * VECTOR_COUNT_MIN
    scanner = LogScanner("big.txt")
    found = []
    for start in range(0, len(data), chunk):
        found += scanner.feed(data[start:start + chunk], plain_lines=False)
    found += scanner.finish()
    assert {p.line: p.tag.kind.value for p in found if p.tag} == tags
    assert scanner.lines_seen == 20_000


@pytest.mark.parametrize("plain", [True, False])
@pytest.mark.parametrize("chunk", [7, 4096, 1 << 20])
def test_over_long_lines_are_reported_from_a_bounded_prefix(plain: bool, chunk: int) -> None:
    stamp = b"4/6 18:40:12.345  "
    data = (stamp + b"[Bob] says: hi\r\n"
            + stamp + b"[MGM_WHO]{" + b"x" * 5000 + b"\r\n"
            + stamp + f"[MGM_CONFIRM:{U}]\r\n".encode()
            + stamp + b"[Eve] says: " + "ж".encode() * 3000 + b"\r\n"
            + stamp + b"[MGM_ACCEPT:" + b"y" * 2000)
    scanner = LogScanner("long.txt", max_line_bytes=1000)
    found = []
    for start in range(0, len(data), chunk):
        found += scanner.feed(data[start:start + chunk], plain_lines=plain)
        assert len(scanner._buffer) <= 1000  # memory: the limit, whatever the line length
    found += scanner.finish()
    by_line = {p.line: p for p in found}
    assert [v.rule_id for v in by_line[2].violations] == ["LINE-TOO-LONG"]
    assert "line is 5,029 bytes" in by_line[2].violations[0].message
    assert "starts with [MGM_WHO]" in by_line[2].violations[0].message
    assert by_line[2].tag is None and by_line[3].tag is not None
    assert by_line[3].byte_offset == data.index(b"4/6", data.index(b"[MGM_CONFIRM") - 20)
    assert [v.rule_id for v in by_line[4].violations] == ["LINE-TOO-LONG"]
    assert [v.rule_id for v in by_line[5].violations] == ["LINE-TOO-LONG"]
    assert scanner.lines_seen == 5 and scanner.consumed_offset == len(data)
    assert len(by_line[2].violations[0].excerpt) < 2000


def test_a_long_line_is_searched_once_not_once_per_chunk() -> None:
    """Time stays linear in a line's length: each feed searches only the new bytes for a
    line break (measured in benchmarks/bench_replay.py on a 1 GiB line)."""
    scanner = LogScanner("x", max_line_bytes=1 << 30)
    for count in range(1, 200):
        scanner.feed(b"z" * 4096, plain_lines=False)
        assert scanner._scanned == len(scanner._buffer) == count * 4096
    (parsed,) = scanner.feed(b"[MGM_CONFIRM:x]\n", plain_lines=False)
    assert parsed.line == 1 and scanner._scanned == 0


@pytest.mark.parametrize("plain_lines", [True, False])
def test_a_run_of_nul_bytes_splits_a_line_and_is_reported(plain_lines: bool) -> None:
    cut = b"4/6 18:40:12.345  [MGM_CONF"
    after = f"4/6 18:41:00.000  [MGM_CONFIRM:{U}]".encode()
    data = b"4/6 18:40:00.000  hello\r\n" + cut + b"\x00" * 700 + after + b"\r\nnext\r\n"
    scanner = LogScanner("log")
    lines = scanner.feed(data, plain_lines=plain_lines) + scanner.finish()
    found = [(p.line, p.byte_offset, p.tag.kind.value if p.tag else None,
              [v.rule_id for v in p.violations]) for p in lines]
    nul_at, after_at = 25 + len(cut), 25 + len(cut) + 700
    expected = [(2, 25, None, ["TAG-UNKNOWN"]), (2, nul_at, None, ["LINE-NUL"]),
                (2, after_at, "MGM_CONFIRM", [])]
    if plain_lines:
        expected = [(1, 0, None, []), *expected, (3, after_at + len(after) + 2, None, [])]
    assert found == expected
    nul = next(v for p in lines for v in p.violations if v.rule_id == "LINE-NUL")
    assert nul.message.startswith(f"700 NUL bytes at byte offset {nul_at} of the file")
    assert scanner.line_number == 3
