"""Replay throughput per flush policy, and memory and time on one huge line (figures in
docs/benchmarks.md, "Tail consumer, replay and mock EBS").

(1) The 1,000,000-line benchmark log of bench_validate.py (0.2% tag lines; every tag's
payout or gift seeded in the mock EBS so that requests succeed) is replayed under each
flush policy. Baseline measured in the same run: the writer alone (the same writes into a
file, no consumer). Printed: lines/s of the replay, the writer's lines/s, their ratio. Times
are CPU seconds of this process (everything runs in it: writer, consumer, in-process EBS),
which machine load disturbs far less than wall time (wall lines/s printed beside them); best
of ``--repeat``.

(2) Peak RSS and time of ``mgm-contract replay`` and ``mgm-contract validate`` (each in its
own process) on a file holding one line of 256 MiB and one of 1 GiB (plus a tag line after
it): memory must stay flat in line length, time linear (the 1 GiB line about 4x the 256 MiB
one). Big files are made under /tmp at run time and removed.

Run: ``python benchmarks/bench_replay.py [--lines N] [--no-long-line] [--repeat R]``.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).parent))
from bench_validate import make_log  # noqa: E402

from mgm_addon_contract.ebs import EbsState, MockEbs  # noqa: E402
from mgm_addon_contract.grammar import LogScanner, TagKind  # noqa: E402
from mgm_addon_contract.replay import ReplayOptions, replay  # noqa: E402
from mgm_addon_contract.replay.writer import pieces  # noqa: E402

KEY = "bench-replay-key"
POLICIES = ("line", "block:4096", "random")


def seed_for(log: Path) -> dict:
    """Every payout and gift the log's tags name, so that their requests succeed."""
    scanner, payouts, gifts = LogScanner(str(log)), {}, {}
    with log.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            for parsed in scanner.feed(chunk, plain_lines=False):
                tag = parsed.tag
                if tag is None or not tag.id:
                    continue
                if tag.kind in (TagKind.ACCEPT, TagKind.CONFIRM):
                    payouts[tag.id.lower()] = {"id": tag.id, "characterName": "Norinn",
                                               "status": "InProgress"}
                elif tag.kind in (TagKind.ITEMS, TagKind.GIFT_ACCEPT):
                    gifts[tag.id.lower()] = {"id": tag.id, "characterName": "Norinn"}
    return {"payouts": list(payouts.values()), "gifts": list(gifts.values())}


def writer_alone(log: Path, policy: str, target: Path) -> float:
    """Baseline: the replay's writes into a file, nobody reading."""
    started = time.process_time()
    descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_APPEND)
    try:
        for piece in pieces(log, policy, seed=0):
            os.write(descriptor, piece)
    finally:
        os.close(descriptor)
    return time.process_time() - started


def replay_once(log: Path, policy: str, seed: dict) -> tuple[float, float, int]:
    """(CPU seconds, wall seconds, requests) of one replay."""
    ebs = MockEbs(api_key=KEY, state=EbsState.from_json(seed))
    client = httpx.Client(transport=ebs.transport(), base_url="http://ebs",
                          headers={"X-MGM-ApiKey": KEY})
    started, wall = time.process_time(), time.perf_counter()
    result = replay(log, client, options=ReplayOptions(flush=policy, retry_for=1.0), ebs=ebs)
    return time.process_time() - started, time.perf_counter() - wall, len(result.transcript)


def throughput(lines: int, repeat: int) -> None:
    with tempfile.TemporaryDirectory(prefix="mgm-bench-") as folder:
        log = Path(folder) / "WoWChatLog.txt"
        make_log(log, lines)
        seed = seed_for(log)
        print(f"{lines:,} lines ({log.stat().st_size / 1e6:.1f} MB), "
              f"{len(seed['payouts']) + len(seed['gifts'])} tagged payouts/gifts")
        print(f"{'flush':12} {'replay lines/s':>15} {'(wall)':>10} {'writer alone':>13} "
              f"{'ratio':>7} {'requests':>9}")
        for policy in POLICIES:
            best_replay = best_wall = best_writer = float("inf")
            requests = 0
            for _ in range(repeat):
                seconds, wall, requests = replay_once(log, policy, seed)
                best_replay, best_wall = min(best_replay, seconds), min(best_wall, wall)
                best_writer = min(best_writer, writer_alone(log, policy, Path(folder) / "w"))
            print(f"{policy:12} {lines / best_replay:15,.0f} {lines / best_wall:10,.0f} "
                  f"{lines / best_writer:13,.0f} {best_writer / best_replay:7.2f} "
                  f"{requests:9,}")


def _measure(command: list[str]) -> tuple[float, float, int]:
    """(seconds, peak RSS MB, exit code) of a child process."""
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, check=False,
                          env={**os.environ, "MGM_API_KEY": KEY})
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return seconds, peak, done.returncode


def long_line(size: int, folder: Path) -> Path:
    log = folder / f"one-line-{size >> 20}MiB.txt"
    block = b"y" * (1 << 20)
    with log.open("wb") as handle:
        handle.write(b"4/4 12:00:00.000  [MGM_WHO]{")
        for _ in range(size >> 20):
            handle.write(block)
        handle.write(b"\r\n4/4 12:00:01.000  [MGM_CONFIRM:2d2b7b2a-1111-2222-3333-"
                     b"444444444444]\r\n")
    return log


def long_lines() -> None:
    cli = [sys.executable, "-c", "from mgm_addon_contract.cli import main; main()"]
    print("one huge line (each run in its own process; peak RSS is the largest child so "
          "far, so sizes go up)")
    with tempfile.TemporaryDirectory(prefix="mgm-bench-", dir="/tmp") as name:
        folder = Path(name)
        for size in (256 << 20, 1 << 30):
            log = long_line(size, folder)
            for label, args in (("validate", ["validate", str(log)]),
                                ("replay", ["replay", str(log), "--retry-for", "1"])):
                seconds, peak, code = _measure([*cli, *args])
                print(f"  {label:8} {size >> 20:5} MiB line: {seconds:6.1f} s, "
                      f"{(size >> 20) / seconds:6.0f} MiB/s, peak RSS {peak:6.0f} MB "
                      f"(exit {code})")
            log.unlink()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--no-long-line", action="store_true")
    options = parser.parse_args()
    throughput(options.lines, options.repeat)
    if not options.no_long_line:
        long_lines()


if __name__ == "__main__":
    main()
