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

(4) Checkpoint persistence: a registry holding ``--keys`` handled keys (20,000, the bound:
about 1 MB) takes ``--saves`` more tags, each saved as the consumer does after a final
outcome. Measured in the same run on the same disk: the previous approach (the whole
document rewritten each time: temporary file, fsync, rename, fsync of the folder) against
the journal (one fsync'd record per save, compacted once it outgrows the checkpoint; run
for ``--journal-saves`` so that its figures include several compactions): wall time and
bytes written per save, and the ratio. A reload checks that both hold the
same state.

Run: ``python benchmarks/bench_tail.py [--idle S] [--samples N] [--lines N] [--keys N]
[--saves N] [--journal-saves N] [--only checkpoint]``.
"""

from __future__ import annotations

import argparse
import json
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
from mgm_addon_contract.tail import EventLog, Registry, Router, TailConsumer
from mgm_addon_contract.tail import journal as journal_module
from mgm_addon_contract.tail.registry import FileMark

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


def full_rewrite(registry: Registry) -> int:
    """The previous save: the whole document to a temporary file, fsync, rename, fsync of
    the folder. Bytes written."""
    assert registry.path is not None
    data = json.dumps(registry.to_json(), ensure_ascii=False, separators=(",", ":")).encode()
    temporary = registry.path.with_name(f".{registry.path.name}.tmp")
    journal_module.write_durably(temporary, data)
    os.replace(temporary, registry.path)
    journal_module.fsync_folder(registry.path.parent)
    return len(data)


def _filled(path: Path, keys: int) -> Registry:
    registry = Registry(path)
    registry.files = [FileMark(1, 2, "0" * 64, 1024, 0, 0, "WoWChatLog.txt")]
    for i in range(keys):
        registry.done.add(("MGM_CONFIRM", U.format(i)))
    return registry


def _journal_bytes(registry: Registry) -> int:
    writer = registry._journal  # noqa: SLF001 - the benchmark reads the journal's size
    return writer.size if writer is not None else 0


def checkpoint_figures(keys: int, saves: int, journal_saves: int) -> None:
    rounds = {}
    with tempfile.TemporaryDirectory(prefix="mgm-bench-") as name:
        for approach in ("full rewrite", "journal", "full rewrite", "journal"):
            folder = Path(name) / f"{approach.replace(' ', '-')}-{len(rounds)}"
            folder.mkdir()
            registry = _filled(folder / "registry.json", keys)
            registry.compact()  # both start from the same checkpoint on disk
            written, before = 0, _journal_bytes(registry)
            count = saves if approach == "full rewrite" else journal_saves
            started = time.perf_counter()
            for i in range(count):
                registry.done.add(("MGM_CONFIRM", U.format(keys + i)))
                registry.files[0].offset += 80
                registry.files[0].line += 1
                if approach == "full rewrite":
                    written += full_rewrite(registry)
                else:
                    compactions = registry.compactions
                    registry.save()
                    if registry.compactions != compactions:  # a new checkpoint + header
                        written += (folder / "registry.json").stat().st_size \
                            + _journal_bytes(registry)
                    else:
                        written += _journal_bytes(registry) - before
                    before = _journal_bytes(registry)
            elapsed = time.perf_counter() - started
            registry.close_journal()
            loaded = Registry.load(folder / "registry.json")
            assert len(loaded.done) == min(keys + count, loaded.done.limit)
            assert loaded.files[0].offset == 80 * count
            per_save = (elapsed / count, written / count, registry.compactions - 1)
            if approach not in rounds or per_save[0] < rounds[approach][0]:
                rounds[approach] = per_save
    old, new = rounds["full rewrite"], rounds["journal"]
    print(f"checkpoint with {keys:,} keys, best of 2 rounds (in {tempfile.gettempdir()}); "
          f"journal figures amortised over {journal_saves:,} saves, compactions included:")
    print(f"full rewrite per save:  {old[0] * 1000:7.2f} ms, {old[1] / 1024:8.1f} KiB written "
          f"({saves} saves)")
    print(f"journal per save:       {new[0] * 1000:7.2f} ms, {new[1] / 1024:8.1f} KiB written "
          f"({new[2]} compaction(s))")
    print(f"ratio full rewrite / journal: {old[0] / new[0]:.1f}x time, "
          f"{old[1] / max(new[1], 1):.0f}x bytes")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--idle", type=float, default=20.0)
    parser.add_argument("--samples", type=int, default=200)
    parser.add_argument("--lines", type=int, default=100_000)
    parser.add_argument("--interval", type=float, default=0.04, help="tail's --interval")
    parser.add_argument("--keys", type=int, default=20_000)
    parser.add_argument("--saves", type=int, default=300, help="full rewrites measured")
    parser.add_argument("--journal-saves", type=int, default=10_000,
                        help="journal saves measured (several compactions)")
    parser.add_argument("--only", choices=["checkpoint"], default=None)
    options = parser.parse_args()
    if options.only is None:
        follow_figures(options.idle, options.samples, options.interval)
        throughput(options.lines)
    checkpoint_figures(options.keys, options.saves, options.journal_saves)


if __name__ == "__main__":
    main()
