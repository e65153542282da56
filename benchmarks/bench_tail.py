"""Tail consumer throughput (figures recorded in docs/benchmarks.md).

Measures in one run: reading the log in 64 KiB blocks (floor), and the consumer reading the
same log from scratch with an in-process mock EBS (about 1% tag lines), both read-once and
fed in 4 KiB appends with a poll after each (follow mode's work without the waiting).
Run: ``python benchmarks/bench_tail.py [LINES]``.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import httpx

from mgm_addon_contract.ebs import EbsState, MockEbs
from mgm_addon_contract.tail import EventLog, Router, TailConsumer

U = "2d2b7b2a-1111-2222-3333-{:012d}"


def make_log(lines: int) -> tuple[bytes, list[str]]:
    out, ids = [], []
    for i in range(lines):
        stamp = f"4/4 {i // 3600 % 24:02d}:{i // 60 % 60:02d}:{i % 60:02d}.000"
        if i % 100 == 50:
            ids.append(U.format(i))
            out.append(f"{stamp}  [MGM_CONFIRM:{U.format(i)}]")
        else:
            out.append(f"{stamp}  [Player{i % 97}] says: looking for group {'x' * (i % 40)}")
    return ("\r\n".join(out) + "\r\n").encode(), ids


def consumer_for(log: Path, ids: list[str]) -> tuple[TailConsumer, MockEbs]:
    seed = {"payouts": [{"id": p, "characterName": "Norinn", "status": "InProgress"}
                        for p in ids]}
    ebs = MockEbs(api_key="bench", state=EbsState.from_json(seed))
    client = httpx.Client(transport=ebs.transport(), base_url="http://ebs",
                          headers={"X-MGM-ApiKey": "bench"})
    return TailConsumer(log, Router(client, EventLog())), ebs


def main() -> None:
    lines = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    data, ids = make_log(lines)
    folder = Path(tempfile.mkdtemp())
    log = folder / "WoWChatLog.txt"
    log.write_bytes(data)

    start = time.perf_counter()
    with log.open("rb") as handle:
        while handle.read(1 << 16):
            pass
    floor = time.perf_counter() - start

    consumer, ebs = consumer_for(log, ids)
    start = time.perf_counter()
    consumer.finish()
    once = time.perf_counter() - start
    assert sum(1 for e in ebs.transcript if e.method == "PATCH") == len(ids)

    follow_log = folder / "follow.txt"
    follow_log.write_bytes(b"")
    consumer, ebs = consumer_for(follow_log, ids)
    start = time.perf_counter()
    with follow_log.open("ab") as handle:
        for i in range(0, len(data), 4096):
            handle.write(data[i:i + 4096])
            handle.flush()
            consumer.poll_once()
    consumer.finish()
    follow = time.perf_counter() - start
    assert sum(1 for e in ebs.transcript if e.method == "PATCH") == len(ids)

    mb = len(data) / 1e6
    print(f"{lines} lines ({mb:.1f} MB, {len(ids)} tags)")
    print(f"raw read:               {lines / floor:12,.0f} lines/s")
    print(f"consumer, read once:    {lines / once:12,.0f} lines/s ({mb / once:.1f} MB/s, "
          f"{floor / once:.3f}x the raw read)")
    print(f"consumer, 4 KiB appends: {lines / follow:11,.0f} lines/s ({mb / follow:.1f} MB/s, "
          f"{once / follow:.2f}x the read-once rate)")


if __name__ == "__main__":
    main()
