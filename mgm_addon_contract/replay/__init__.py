"""Replaying a recorded ``WoWChatLog.txt`` through the tail consumer into an EBS.

The recorded bytes are written into a fresh ``WoWChatLog.txt`` the way the client would
(line by line, in N-byte blocks or in random chunks; paced by the log's own timestamps times
a speed, or as fast as possible) while the consumer follows it. Everything streams: the
source is read in bounded pieces and lines longer than the limit are never held whole.
Every request the client made is recorded with the EBS's real answer; afterwards they and
the EBS state are compared with the fixture's expectations, or, without expectations, every
request that failed is reported. The working folder is temporary unless one is given, and
is removed also when the replay is interrupted.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx

from mgm_addon_contract.ebs import MockEbs
from mgm_addon_contract.grammar._parsers import tag_parser
from mgm_addon_contract.grammar.scanner import DEFAULT_MAX_LINE
from mgm_addon_contract.replay.expect import compare
from mgm_addon_contract.replay.recorder import Recorder
from mgm_addon_contract.replay.writer import check_policy, pieces
from mgm_addon_contract.tail import (
    Attempt,
    ConsumerStopped,
    EventLog,
    RetryPolicy,
    Router,
    TailConsumer,
)

__all__ = ["ReplayOptions", "ReplayResult", "compare", "load_fixture", "replay"]

POLL_BYTES = 64 << 10  # the consumer polls after this many bytes, and after each tag write
FAILURES_SHOWN = 1_000


@dataclass
class ReplayOptions:
    flush: str = "line"  # "line", "block:N" or "random"
    speed: float | None = None  # None: as fast as possible
    seed: int = 0
    truncate_after_line: int | None = None
    sync_inject: bool = False  # play the Desktop's Sync/Inject: Pending -> InProgress
    max_line_bytes: int = DEFAULT_MAX_LINE
    retry_for: float = 10.0  # seconds the end of a replay waits for a failing EBS
    policy: RetryPolicy = field(default_factory=lambda: RetryPolicy(
        base_delay=0.05, max_delay=1.0, deferred_delay=0.5, deferred_max_delay=2.0))
    sleep: Callable[[float], None] = time.sleep


@dataclass
class ReplayResult:
    transcript: list[dict[str, Any]]  # every request made, with the EBS's answer
    state: dict[str, Any]
    events: list[dict[str, Any]]
    mismatches: list[str] = field(default_factory=list)
    lines: int = 0
    failures: list[str] = field(default_factory=list)  # failed requests and unhandled tags
    counts: dict[str, int] = field(default_factory=dict)  # tag outcomes by result
    expectations: bool = False
    interrupted: bool = False

    @property
    def problems(self) -> list[str]:
        """What makes the replay fail: mismatches with the expectations when there are
        any, else every failed request and unhandled tag."""
        return self.mismatches if self.expectations else self.mismatches + self.failures

    @property
    def ok(self) -> bool:
        return not self.problems and not self.interrupted


def load_fixture(folder: Path) -> tuple[Path, dict[str, Any], dict[str, Any], ReplayOptions]:
    """(log, seed, expectations, options) of a ``fixtures/chatlogs/<name>/`` folder."""
    log = folder / "WoWChatLog.txt"
    seed = _json(folder / "seed.json")
    expect = _json(folder / "expect.json")
    settings = _json(folder / "replay.json")
    known = set(ReplayOptions.__dataclass_fields__) - {"policy", "sleep"}
    unknown = sorted(set(settings) - known)
    if unknown:
        raise ValueError(f"{folder / 'replay.json'}: unknown settings {', '.join(unknown)}")
    options = ReplayOptions(**settings)
    check_policy(options.flush)
    return log, seed, expect, options


def _json(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise ValueError(f"{path}: not valid JSON ({exc})") from exc
    if not isinstance(data, dict):
        raise ValueError(f"{path}: must hold a JSON object")
    return data


def _stamp_seconds(line: bytes) -> float | None:
    try:
        tree = tag_parser().parse(line.decode("utf-8").rstrip("\r\n"), start="chat_line")
    except Exception:  # noqa: BLE001 - a line without a valid stamp is not paced
        return None
    stamp = datetime.strptime(str(tree.children[0]), "%m/%d %H:%M:%S.%f")
    return stamp.timestamp()


@contextlib.contextmanager
def _folder(workdir: Path | None) -> Iterator[Path]:
    if workdir is not None:
        workdir.mkdir(parents=True, exist_ok=True)
        yield workdir
        return
    with tempfile.TemporaryDirectory(prefix="mgm-replay-") as folder:
        yield Path(folder)


def replay(log: Path, client: httpx.Client, *, options: ReplayOptions,
           ebs: MockEbs | None = None, workdir: Path | None = None,
           state_reader: Callable[[], dict[str, Any]] | None = None,
           on_progress: Callable[[int, int], None] | None = None) -> ReplayResult:
    """Write ``log`` into a new chat log while a consumer follows it; return what happened.

    ``ebs`` (in-process mock) or ``state_reader`` give the EBS state for the comparison.
    Ctrl+C stops the replay early: the result is marked ``interrupted``."""
    check_policy(options.flush)
    recorder = Recorder(client)
    with _folder(workdir) as folder, recorder:
        events = EventLog(folder / "consumer-events.jsonl" if workdir else None)
        consumer = _consumer(folder / "WoWChatLog.txt", client, events, options,
                             checkpoint=folder / "cp.json" if workdir else None,
                             on_request=recorder.attempt)
        lines, interrupted, stopped = 0, False, None
        try:
            lines = _write(log, folder / "WoWChatLog.txt", consumer, options, on_progress)
            consumer.finish(last_line_complete=True, timeout=options.retry_for)
        except KeyboardInterrupt:
            interrupted = True
        except ConsumerStopped as exc:
            stopped = str(exc)
        finally:
            consumer.close()
    state = ebs.state.to_json() if ebs is not None else (state_reader() if state_reader
                                                          else {})
    result = ReplayResult(recorder.entries, state, events.events, lines=lines,
                          counts=dict(consumer.counts), interrupted=interrupted)
    result.failures = _failures(consumer, recorder, stopped)
    return result


def _consumer(target: Path, client: httpx.Client, events: EventLog, options: ReplayOptions,
              *, checkpoint: Path | None,
              on_request: Callable[[Attempt], None]) -> TailConsumer:
    target.write_bytes(b"")
    # The Desktop stand-in injects as soon as a payout exists (upstream behaviour).
    after = (lambda _: _sync_inject(client)) if options.sync_inject else None
    return TailConsumer(target, Router(client, events, on_request=on_request),
                        checkpoint=checkpoint,
                        policy=options.policy, clock=time.monotonic, sleep=options.sleep,
                        seed=options.seed, max_line_bytes=options.max_line_bytes,
                        on_outcome=after)


def _write(log: Path, target: Path, consumer: TailConsumer, options: ReplayOptions,
           on_progress: Callable[[int, int], None] | None) -> int:
    """Write ``log`` into ``target`` piece by piece, letting the consumer follow."""
    total, written, lines, since, previous = log.stat().st_size, 0, 0, 0, None
    truncate_at = options.truncate_after_line
    descriptor = os.open(target, os.O_WRONLY | os.O_APPEND | getattr(os, "O_BINARY", 0))
    try:
        for piece in pieces(log, options.flush, seed=options.seed):
            if options.speed and options.flush == "line":
                moment = _stamp_seconds(piece)
                if moment is not None and previous is not None and moment > previous:
                    options.sleep((moment - previous) / options.speed)
                previous = moment if moment is not None else previous
            view = memoryview(piece)
            while view:
                view = view[os.write(descriptor, view):]
            newlines = piece.count(b"\n")
            lines, written, since = lines + newlines, written + len(piece), since + len(piece)
            if since >= POLL_BYTES or b"[MGM" in piece or options.speed:
                consumer.poll_once()
                since = 0
            if truncate_at is not None and lines >= truncate_at:
                consumer.drain(timeout=options.retry_for)  # it read up to here
                os.ftruncate(descriptor, 0)
                truncate_at = None
                consumer.poll_once()
            if on_progress:
                on_progress(written, total)
    finally:
        os.close(descriptor)
    return lines


def _failures(consumer: TailConsumer, recorder: Recorder, stopped: str | None) -> list[str]:
    out = [f"line {o.line}: {o.tag} {o.correlation_id or ''} -> "
           f"{o.status if o.status is not None else 'no answer'} ({o.result})".replace("  ", " ")
           for o in consumer.outcomes if o.result in ("rejected", "deferred", "unresolved")]
    out = out[:FAILURES_SHOWN]
    failed = [e for e in recorder.entries if e["status"] is None or e["status"] >= 500]
    if failed:
        out.append(f"{len(failed)} request(s) got no answer or a server error "
                   f"(first: {failed[0]['method']} {failed[0]['path']} -> "
                   f"{failed[0]['status'] or failed[0].get('error')})")
    if consumer.unhandled:
        out.append(f"{consumer.unhandled} tag(s) left unhandled (deferred or still being "
                   "retried when the replay ended)")
    if consumer.router.reachable is False:
        out.append(f"the EBS was unreachable: {consumer.router.problem}")
    if stopped:
        out.append(stopped)
    return out


def _sync_inject(client: httpx.Client) -> None:
    """The Desktop's Sync/Inject (upstream behaviour): every Pending payout -> InProgress."""
    try:
        pending = client.get("/api/payouts/pending")
    except httpx.RequestError:
        return
    if pending.status_code != 200:
        return
    for payout in pending.json():
        if payout["status"] == "Pending":
            with contextlib.suppress(httpx.RequestError):
                client.patch(f"/api/payouts/{payout['id']}/status",
                             json={"status": "InProgress"})
