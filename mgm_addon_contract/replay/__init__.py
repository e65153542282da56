"""Replaying a recorded ``WoWChatLog.txt`` through the tail consumer into an EBS.

The recorded bytes are written into a fresh ``WoWChatLog.txt`` the way the client would
(line by line, in N-byte blocks or in random chunks; paced by the log's own timestamps times
a speed, or as fast as possible) while the consumer follows it. Afterwards the EBS transcript
and final state are compared with the fixture's expectations.
"""

from __future__ import annotations

import json
import random
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx

from mgm_addon_contract.ebs import MockEbs
from mgm_addon_contract.grammar._parsers import tag_parser
from mgm_addon_contract.tail import EventLog, Router, TailConsumer


@dataclass
class ReplayOptions:
    flush: str = "line"  # "line", "block:N" or "random"
    speed: float | None = None  # None: as fast as possible
    seed: int = 0
    truncate_after_line: int | None = None
    sync_inject: bool = False  # play the Desktop's Sync/Inject: Pending -> InProgress
    sleep: Callable[[float], None] = time.sleep


@dataclass
class ReplayResult:
    transcript: list[dict[str, Any]]
    state: dict[str, Any]
    events: list[dict[str, Any]]
    mismatches: list[str] = field(default_factory=list)
    lines: int = 0

    @property
    def ok(self) -> bool:
        return not self.mismatches


def load_fixture(folder: Path) -> tuple[Path, dict[str, Any], dict[str, Any], ReplayOptions]:
    """(log, seed, expectations, options) of a ``fixtures/chatlogs/<name>/`` folder."""
    log = folder / "WoWChatLog.txt"
    seed = _json(folder / "seed.json")
    expect = _json(folder / "expect.json")
    options = ReplayOptions(**_json(folder / "replay.json"))
    return log, seed, expect, options


def _json(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {}
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise ValueError(f"{path}: not valid JSON ({exc})") from exc


def chunks(data: bytes, policy: str, seed: int) -> list[bytes]:
    """How the client would flush ``data`` into the file under ``policy``."""
    if policy == "line":
        return [line for line in data.splitlines(keepends=True)]
    if policy.startswith("block:") and policy[6:].isdigit() and int(policy[6:]) > 0:
        size = int(policy[6:])
        return [data[i:i + size] for i in range(0, len(data), size)]
    if policy == "random":
        rng, out, i = random.Random(seed), [], 0
        while i < len(data):
            step = rng.randint(1, 512)
            out.append(data[i:i + step])
            i += step
        return out
    raise ValueError(f"--flush must be line, block:N or random, not {policy!r}")


def _stamp_seconds(line: bytes) -> float | None:
    try:
        tree = tag_parser().parse(line.decode("utf-8").rstrip("\r\n"), start="chat_line")
    except Exception:  # noqa: BLE001 - a line without a valid stamp is not paced
        return None
    stamp = datetime.strptime(str(tree.children[0]), "%m/%d %H:%M:%S.%f")
    return stamp.timestamp()


def replay(log: Path, client: httpx.Client, *, options: ReplayOptions,
           ebs: MockEbs | None = None, workdir: Path | None = None,
           on_progress: Callable[[int, int], None] | None = None) -> ReplayResult:
    """Write ``log`` into a new chat log while a consumer follows it; return what happened."""
    data = log.read_bytes()
    folder = workdir or Path(tempfile.mkdtemp(prefix="mgm-replay-"))
    target = folder / "WoWChatLog.txt"
    target.write_bytes(b"")
    events = EventLog(folder / "consumer-events.jsonl")
    # The Desktop stand-in injects as soon as a payout exists (upstream behaviour).
    after = (lambda _: _sync_inject(client)) if options.sync_inject else None
    consumer = TailConsumer(target, Router(client, events, sleep=options.sleep,
                                           seed=options.seed), checkpoint=folder / "cp.json",
                            on_outcome=after)
    pieces = chunks(data, options.flush, options.seed)
    written_lines, previous = 0, None
    with target.open("ab") as handle:
        for index, piece in enumerate(pieces, start=1):
            if options.speed and options.flush == "line":
                moment = _stamp_seconds(piece)
                if moment is not None and previous is not None and moment > previous:
                    options.sleep((moment - previous) / options.speed)
                previous = moment if moment is not None else previous
            handle.write(piece)
            handle.flush()
            written_lines += piece.count(b"\n")
            consumer.poll_once()
            if options.truncate_after_line and written_lines >= options.truncate_after_line:
                handle.truncate(0)
                handle.seek(0)
                options.truncate_after_line = None
                consumer.poll_once()
            if on_progress:
                on_progress(index, len(pieces))
    consumer.finish()
    consumer.close()
    transcript = [e.to_json() for e in ebs.transcript] if ebs else []
    state = ebs.state.to_json() if ebs else {}
    return ReplayResult(transcript, state, events.events, lines=data.count(b"\n"))


def _sync_inject(client: httpx.Client) -> None:
    """The Desktop's Sync/Inject (upstream behaviour): every Pending payout -> InProgress."""
    pending = client.get("/api/payouts/pending")
    if pending.status_code != 200:
        return
    for payout in pending.json():
        if payout["status"] == "Pending":
            client.patch(f"/api/payouts/{payout['id']}/status", json={"status": "InProgress"})


def compare(result: ReplayResult, expect: dict[str, Any]) -> list[str]:
    """Differences between what happened and ``expect`` (requests, payouts, pool, gifts)."""
    problems: list[str] = []
    if "requests" in expect:
        actual = [r for r in result.transcript if r["method"] != "GET"]
        wanted = expect["requests"]
        for i in range(max(len(actual), len(wanted))):
            got = actual[i] if i < len(actual) else None
            want = wanted[i] if i < len(wanted) else None
            if got is None:
                problems.append(f"request {i + 1}: expected {_req(want)}, none was made")
            elif want is None:
                problems.append(f"request {i + 1}: unexpected {_req(got)}")
            elif any(want.get(k) != got.get(k) for k in ("method", "path", "status")) or (
                    "body" in want and want["body"] != got.get("body")):
                problems.append(f"request {i + 1}: expected {_req(want)}, got {_req(got)}")
    payouts = {p["id"]: p for p in result.state.get("payouts", [])}
    for payout_id, status in expect.get("payouts", {}).items():
        got = payouts.get(payout_id, {}).get("status")
        if got != status:
            problems.append(f"payout {payout_id}: expected {status}, got {got}")
    if "pool" in expect:
        names = sorted(v["characterName"] for v in result.state.get("pool", []))
        if names != sorted(expect["pool"]):
            problems.append(f"pool: expected {sorted(expect['pool'])}, got {names}")
    if "announcements" in expect and len(result.state.get("announcements", [])) != \
            expect["announcements"]:
        problems.append(f"announcements: expected {expect['announcements']}, got "
                        f"{len(result.state.get('announcements', []))}")
    gifts = {g["id"]: g for g in result.state.get("gifts", [])}
    for gift_id, state in expect.get("gifts", {}).items():
        if gifts.get(gift_id, {}).get("state") != state:
            problems.append(f"gift {gift_id}: expected {state}, got "
                            f"{gifts.get(gift_id, {}).get('state')}")
    if "spoofed" in expect:
        spoofed = sum(1 for e in result.events if e["event"] == "spoofed-tag")
        if spoofed != expect["spoofed"]:
            problems.append(f"spoofed tags reported: expected {expect['spoofed']}, got {spoofed}")
    return problems


def _req(r: dict[str, Any] | None) -> str:
    return "-" if r is None else f"{r.get('method')} {r.get('path')} -> {r.get('status')}"
