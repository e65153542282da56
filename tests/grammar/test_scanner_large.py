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
