"""Tag validation throughput (figures recorded in docs/benchmarks.md, "Tag validation").

Generates a noisy chat log (mostly player chat, about 1% tag lines, a few spoofed lines) and
measures, in the same run: reading and splitting the file into lines (the floor), the
upstream-style regex search of every line, and ``validate_file`` (grammar, semantic checks,
spoof detection). Run: ``python benchmarks/bench_grammar.py [LINES]``.
"""

from __future__ import annotations

import random
import re
import sys
import tempfile
import time
from pathlib import Path

from mgm_addon_contract.grammar.validate import validate_file

U = "2d2b7b2a-1111-2222-3333-{:012d}"


def make_log(path: Path, lines: int) -> None:
    rng = random.Random(7)
    out = []
    for i in range(lines):
        stamp = f"4/{1 + i // 100000 % 28} {i // 3600 % 24:02d}:{i // 60 % 60:02d}:{i % 60:02d}.000"
        roll = rng.random()
        if roll < 0.004:
            text = f"[MGM_CONFIRM:{U.format(i)}]"
        elif roll < 0.008:
            text = f"[MGM_ACCEPT:{U.format(i)}]"
        elif roll < 0.01:
            text = ('[MGM_WHO]{"schemaVersion":1,"spinCycleId":"' + U.format(i) +
                    '","characterName":"Norinn","online":true,"capturedAt":"2026-04-04T12:00:01Z"}')
        elif roll < 0.011:
            text = f"[Eve] whispers: [MGM_CONFIRM:{U.format(i)}]"
        else:
            text = f"[Player{i % 97}] says: looking for group {'x' * (i % 40)}"
        out.append(f"{stamp}  {text}")
    path.write_bytes(("\r\n".join(out) + "\r\n").encode())


def timed(fn) -> float:  # noqa: ANN001
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    lines = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    path = Path(tempfile.mkdtemp()) / "WoWChatLog.txt"
    make_log(path, lines)
    upstream = re.compile(r"\[MGM_(?:ACCEPT|CONFIRM):([0-9a-fA-F-]{36})\]")

    def split_only() -> None:
        with path.open("rb") as handle:
            for _ in handle:
                pass

    def regex_scan() -> None:
        with path.open("rb") as handle:
            for raw in handle:
                upstream.search(raw.decode("utf-8"))

    floor = timed(split_only)
    regex = timed(regex_scan)
    grammar = timed(lambda: validate_file(path))
    report = validate_file(path)
    size = path.stat().st_size / 1e6
    print(f"{lines} lines, {size:.1f} MB, tags {dict(report.tags)}, spoofed {len(report.spoofed)}")
    print(f"read+split: {lines / floor:12,.0f} lines/s")
    print(f"regex scan: {lines / regex:12,.0f} lines/s")
    print(f"validate:   {lines / grammar:12,.0f} lines/s ({size / grammar:.1f} MB/s) = "
          f"{regex / grammar:.2f}x the regex scan's speed, {floor / grammar:.2f}x the read floor")


if __name__ == "__main__":
    main()
