"""The tail consumer: follow-mode idle CPU, append-to-request latency, read throughput
(figures in docs/benchmarks.md, "Tail consumer, replay and mock EBS").

(1) Idle CPU: a real ``mgm-contract tail`` process follows a log nobody writes for
``--idle`` seconds, once with file events (default) and once polling only
(``--no-file-events``; polls every ``--interval``, default 40 ms like the command): CPU
seconds used (utime + stime from /proc) as a share of one core. Baseline in the same run:
``sleep`` in a Python process for the same time (what merely being alive costs). Goal:
<= 1% of a core.

(2) Latency: the same process; a tag line is appended every 20-80 ms (``--samples`` of
them) and the time until its request reaches the EBS (an in-process server in this
process; CLOCK_MONOTONIC is shared by all processes) is measured: p50, p99, max, with file
events and polling only. Goal: p99 <= 50 ms.

(3) Read throughput of the consumer over a generated log (about 1% tag lines) with an
in-process mock EBS, read once and fed in 4 KiB appends with a poll after each, against a
raw 64 KiB read loop of the same file (CPU seconds).

Run: ``python benchmarks/bench_tail.py [--idle S] [--samples N] [--lines N]``.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from mgm_addon_contract.ebs import EbsState, MockEbs
from mgm_addon_contract.ebs.server import BackgroundServer
from mgm_addon_contract.tail import EventLog, Router, TailConsumer

KEY = "bench-tail-key"
CLI = [sys.executable, "-c", "from mgm_addon_contract.cli import main; main()"]
U = "2d2b7b2a-1111-2222-3333-{:012d}"
TICKS = os.sysconf("SC_CLK_TCK")


class TimedEbs(MockEbs):
    """Records when each PATCH arrives (monotonic clock)."""

    arrivals: dict[str, float]

    def respond(self, method, path, headers=None, body=None):  # noqa: ANN001, ANN201
        if method == "PATCH":
            self.arrivals[path] = time.monotonic()
        return super().respond(method, path, headers, body)


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def start_tail(log: Path, url: str, events: bool, interval: float) -> subprocess.Popen[bytes]:
    args = [*CLI, "tail", str(log), "--ebs", url, "--checkpoint",
            str(log.parent / "registry.json"), "--interval", str(interval)]
    if not events:
        args.append("--no-file-events")
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env={**os.environ, "MGM_API_KEY": KEY})
    while not (log.parent / "registry.json").exists():  # started and registered the log
        if process.poll() is not None:
            raise RuntimeError("tail exited")
        time.sleep(0.01)
    return process


def follow_figures(idle: float, samples: int, interval: float) -> None:
    seed = {"payouts": [{"id": U.format(i), "characterName": "Norinn",
                         "status": "InProgress"} for i in range(samples * 2)]}
    for events in (True, False):
        ebs = TimedEbs(api_key=KEY, state=EbsState.from_json(seed))
        ebs.arrivals = {}
        with tempfile.TemporaryDirectory(prefix="mgm-bench-") as name, \
                BackgroundServer(ebs) as server:
            log = Path(name) / "WoWChatLog.txt"
            log.write_bytes(b"")
            process = start_tail(log, server.url, events, interval)
            try:
                time.sleep(1.0)  # start-up work done
                before = cpu_seconds(process.pid)
                time.sleep(idle)
                used = cpu_seconds(process.pid) - before
                latencies = _latencies(log, ebs, samples, offset=0 if events else samples)
            finally:
                process.terminate()
                process.wait()
        polls = f"{interval * 1000:.0f} ms"
        label = f"file events + {polls} polls" if events else f"polling only ({polls})"
        latencies.sort()
        p50, p99 = latencies[len(latencies) // 2], latencies[int(len(latencies) * 0.99) - 1]
        print(f"{label:28} idle CPU {used:6.3f} s in {idle:.0f} s = {100 * used / idle:5.2f}% "
              f"of a core; latency p50 {p50 * 1000:5.1f} ms, p99 {p99 * 1000:5.1f} ms, "
              f"max {latencies[-1] * 1000:5.1f} ms ({len(latencies)} tags)")
    started = time.process_time()
    time.sleep(idle / 4)
    print(f"{'baseline (a sleeping Python)':28} CPU {time.process_time() - started:.3f} s in "
          f"{idle / 4:.0f} s")


def _latencies(log: Path, ebs: TimedEbs, samples: int, offset: int) -> list[float]:
    rng, written = random.Random(5), {}
    descriptor = os.open(log, os.O_WRONLY | os.O_APPEND)
    try:
        for i in range(offset, offset + samples):
            time.sleep(rng.uniform(0.02, 0.08))
            payout = U.format(i)
            line = f"4/4 12:00:{i % 60:02d}.000  [MGM_CONFIRM:{payout}]\r\n".encode()
            written[f"/api/payouts/{payout}/status"] = time.monotonic()
            os.write(descriptor, line)
    finally:
        os.close(descriptor)
    deadline = time.monotonic() + 10
    while len(ebs.arrivals) < samples and time.monotonic() < deadline:
        time.sleep(0.05)
    return [ebs.arrivals[path] - at for path, at in written.items() if path in ebs.arrivals]


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


def throughput(lines: int) -> None:
    data, ids = make_log(lines)
    with tempfile.TemporaryDirectory(prefix="mgm-bench-") as name:
        folder = Path(name)
        log = folder / "WoWChatLog.txt"
        log.write_bytes(data)
        start = time.process_time()
        with log.open("rb") as handle:
            while handle.read(1 << 16):
                pass
        floor = time.process_time() - start
        consumer, ebs = consumer_for(log, ids)
        start = time.process_time()
        consumer.finish()
        once = time.process_time() - start
        assert sum(1 for e in ebs.transcript if e.method == "PATCH") == len(ids)
        follow_log = folder / "follow.txt"
        follow_log.write_bytes(b"")
        consumer, ebs = consumer_for(follow_log, ids)
        start = time.process_time()
        with follow_log.open("ab") as handle:
            for i in range(0, len(data), 4096):
                handle.write(data[i:i + 4096])
                handle.flush()
                consumer.poll_once()
        consumer.finish()
        follow = time.process_time() - start
        assert sum(1 for e in ebs.transcript if e.method == "PATCH") == len(ids)
    mb = len(data) / 1e6
    print(f"{lines} lines ({mb:.1f} MB, {len(ids)} tags), CPU seconds")
    print(f"raw read:               {lines / max(floor, 1e-9):12,.0f} lines/s")
    print(f"consumer, read once:    {lines / once:12,.0f} lines/s ({mb / once:.1f} MB/s)")
    print(f"consumer, 4 KiB appends: {lines / follow:11,.0f} lines/s ({mb / follow:.1f} MB/s, "
          f"{once / follow:.2f}x the read-once rate)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--idle", type=float, default=20.0)
    parser.add_argument("--samples", type=int, default=200)
    parser.add_argument("--lines", type=int, default=100_000)
    parser.add_argument("--interval", type=float, default=0.04, help="tail's --interval")
    options = parser.parse_args()
    follow_figures(options.idle, options.samples, options.interval)
    throughput(options.lines)


if __name__ == "__main__":
    main()
