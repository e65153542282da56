"""Fault injection against the real processes: ``mgm-contract serve-ebs`` and
``mgm-contract tail`` over 127.0.0.1, driven by seeded schedules.

A schedule plays a game client writing ``WoWChatLog.txt`` (tags for seeded payouts, chat
noise, spoofed whispers, duplicates, ids in upper case, a /who report) while it SIGKILLs and
restarts the consumer (also while a tag is in retry back-off), rotates the log by renaming
it under a writer that finishes its line in the old file, truncates it (mid-line too) and
rewrites it, splits writes inside UTF-8 sequences, crashes the game mid-line (the file keeps
zeros where the last write never landed, the next session appends after them), and makes the
EBS fail (5xx, 429, a
refused key, unknown payouts that appear later, stalls longer than the consumer's timeout).
At the end the EBS state is compared with the tags in the log: every effect happened once
(none lost, none doubled) and spoofed tags had no effect.

Waits are on conditions (EBS state, a process exit), never fixed sleeps; the gaps between
writes are part of the schedule.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

KEY = "fault-harness-key-5521"
CLI = [sys.executable, "-c", "from mgm_addon_contract.cli import main; main()"]
NAMES = ["Norinn", "Вася", "Aéla", "Гром", "Thrall", "Жанна", "Kael", "Ольга"]
NOISE = ["[Вася] says: всем привет", "[Trade] WTS [Frostweave Cloth] x20", "Ты получаешь добычу.",
         "[Guild] [Aéla]: on my way ⚔", "You receive loot: [Saronite Ore]x3."]
SPIN_VIEWER = "9000"
TAIL_OPTIONS = ["--interval", "0.02", "--retry-base", "0.02", "--retry-max", "0.15",
                "--timeout", "0.3", "--deferred-retry", "0.05", "--deferred-retry-max", "0.15",
                "--rotated-idle", "0.3"]


def _stamp(n: int) -> str:
    return f"4/4 12:{n // 60 % 60:02d}:{n % 60:02d}.{n % 1000:03d}  "


@dataclass
class Totals:
    """What the schedules did and found (printed by the test)."""

    schedules: int = 0
    lines: int = 0
    tags: int = 0
    kills: int = 0
    kills_in_backoff: int = 0
    refused_key_restarts: int = 0
    rotations: int = 0
    truncations: int = 0
    rewrites: int = 0
    split_writes: int = 0
    crashes: int = 0
    faults: int = 0
    stalls: int = 0
    late_payouts: int = 0
    spoofed: int = 0
    lost: list[str] = field(default_factory=list)
    duplicated: list[str] = field(default_factory=list)
    spoof_effects: list[str] = field(default_factory=list)

    def add(self, other: Totals) -> None:
        for name, value in vars(other).items():
            setattr(self, name, getattr(self, name) + value)

    def line(self) -> str:
        return (f"{self.schedules} schedules, {self.lines} lines, {self.tags} tags; "
                f"{self.kills} kill -9 ({self.kills_in_backoff} during a retry back-off), "
                f"{self.refused_key_restarts} refused-key stops, {self.rotations} rotations, "
                f"{self.truncations} truncations, {self.rewrites} rewrites, "
                f"{self.split_writes} split writes, {self.crashes} game crashes (NUL padding), "
                f"{self.faults} EBS 5xx/429 faults, "
                f"{self.stalls} stalls, {self.late_payouts} late payouts, {self.spoofed} "
                f"spoofed tags; lost {len(self.lost)}, duplicated {len(self.duplicated)}, "
                f"spoofed with effect {len(self.spoof_effects)}")


class Ebs:
    """A ``serve-ebs`` process on a free port, driven through its control API."""

    def __init__(self, folder: Path) -> None:
        self.log = (folder / "serve-ebs.err").open("wb")
        self.process = subprocess.Popen(
            [*CLI, "serve-ebs", "--port", "0", "--header-timeout", "5"],
            stdout=subprocess.PIPE, stderr=self.log, env={**os.environ, "MGM_API_KEY": KEY})
        first = self.process.stdout.readline().decode()  # type: ignore[union-attr]
        self.url = first.split(" on ", 1)[1].split(" ", 1)[0] if " on " in first else ""
        if not self.url:
            raise RuntimeError(f"serve-ebs did not start: {first!r}")
        self.http = httpx.Client(base_url=self.url, headers={"X-MGM-ApiKey": KEY}, timeout=10)

    def control(self, method: str, path: str, payload: Any = None) -> Any:
        response = self.http.request(method, f"/_control/{path}", json=payload)
        response.raise_for_status()
        return response.json()

    def close(self) -> None:
        self.http.close()
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()


class Tail:
    """``mgm-contract tail`` on one log, killed and restarted at will."""

    def __init__(self, log: Path, url: str) -> None:
        self.log, self.url = log, url
        self.process: subprocess.Popen[bytes] | None = None
        self.errors = (log.parent / "tail.err").open("ab")

    def start(self) -> None:
        if self.process is not None and self.process.poll() is None:
            raise AssertionError("a second consumer would run on the same log")
        self.process = subprocess.Popen(
            [*CLI, "tail", str(self.log), "--ebs", self.url, "--checkpoint",
             str(self.log.parent / "registry.json"), "--events",
             str(self.log.parent / "events.jsonl"), *TAIL_OPTIONS],
            stdout=subprocess.DEVNULL, stderr=self.errors,
            env={**os.environ, "MGM_API_KEY": KEY})

    def exited(self) -> int | None:
        return None if self.process is None else self.process.poll()

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait()

    def close(self) -> None:
        self.kill()
        self.errors.close()


class Writer:
    """The game client: appends to the log through its own descriptor, like WoW."""

    def __init__(self, log: Path) -> None:
        self.log = log
        self.fd = os.open(log, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        self.rotations = 0

    def write(self, data: bytes) -> None:
        view = memoryview(data)
        while view:
            view = view[os.write(self.fd, view):]

    def rotate(self, rest_of_line: bytes) -> None:
        """Rename the log away; the rest of the current line still lands in the old file
        (the writer's descriptor follows it), then a new log is started."""
        self.rotations += 1
        os.rename(self.log, self.log.with_name(f"WoWChatLog.{self.rotations}.txt"))
        self.write(rest_of_line)
        os.close(self.fd)
        self.fd = os.open(self.log, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)

    def truncate(self) -> None:
        os.ftruncate(self.fd, 0)

    def close(self) -> None:
        os.close(self.fd)


@dataclass
class Plan:
    """What one seeded schedule writes and which effects it expects."""

    seed: int
    payouts: dict[str, str]  # id -> name, seeded at the start
    late: dict[str, str]  # id -> name, added to the EBS only later (404 until then)
    spoof_targets: list[str]
    accepts: set[str] = field(default_factory=set)
    confirms: set[str] = field(default_factory=set)
    who: bool = False
    spin_name: str = ""
    spin_id: str = ""
    lines: list[tuple[str, bytes]] = field(default_factory=list)  # (kind, bytes)


def make_plan(seed: int) -> Plan:
    rng = random.Random(seed)

    def new_id() -> str:
        return str(uuid.UUID(int=rng.getrandbits(128), version=4))

    names = rng.sample(NAMES, k=len(NAMES))
    known = {new_id(): names[i] for i in range(rng.randint(2, 4))}
    late = {new_id(): names[6]} if rng.random() < 0.4 else {}
    spoof = [new_id()]
    plan = Plan(seed, known, late, spoof, who=rng.random() < 0.5, spin_id=new_id())
    tags: list[tuple[str, str]] = []
    for payout in [*known, *late]:
        tags.append(("accept", payout))
        tags.append(("confirm", payout))
    rng.shuffle(tags)
    ordered: list[tuple[str, str]] = []  # ACCEPT before CONFIRM for each payout
    for kind, payout in tags:
        if kind == "confirm" and ("accept", payout) not in ordered:
            ordered.append(("accept", payout))
        if (kind, payout) not in ordered:
            ordered.append((kind, payout))
    n = 0
    for kind, payout in ordered:
        for _ in range(rng.randint(0, 2)):
            plan.lines.append(("noise", (_stamp(n) + rng.choice(NOISE) + "\r\n").encode()))
            n += 1
        shown = payout.upper() if rng.random() < 0.25 else payout
        tag = f"[MGM_ACCEPT:{shown}]" if kind == "accept" else f"[MGM_CONFIRM:{shown}]"
        (plan.accepts if kind == "accept" else plan.confirms).add(payout)
        copies = 2 if rng.random() < 0.15 else 1
        for _ in range(copies):
            plan.lines.append(("tag", (_stamp(n) + tag + "\r\n").encode()))
            n += 1
        if rng.random() < 0.3:
            target = rng.choice(spoof)
            plan.lines.append(("spoof", (_stamp(n) + f"[{names[7]}] whispers: [MGM_CONFIRM:"
                                         f"{target}]\r\n").encode()))
            n += 1
    if plan.who:
        report = {"schemaVersion": 1, "spinCycleId": plan.spin_id, "characterName": names[5],
                  "online": True, "capturedAt": "2026-04-04T12:00:01Z"}
        at = rng.randint(0, len(plan.lines))
        line = (_stamp(n) + "[MGM_WHO]" + json.dumps(report, ensure_ascii=False,
                                                     separators=(",", ":")) + "\r\n").encode()
        plan.lines.insert(at, ("tag", line))
        plan.spin_name = names[5]
    return plan


def _state(plan: Plan) -> dict[str, Any]:
    rows = [{"id": p, "characterName": n, "status": "InProgress"}
            for p, n in [*plan.payouts.items(), *((t, "Spoofed") for t in plan.spoof_targets)]]
    state: dict[str, Any] = {"payouts": rows}
    if plan.who:
        name = plan.spin_name
        state["pool"] = [{"twitchUserId": SPIN_VIEWER, "characterName": name}]
        state["spin"] = {"id": plan.spin_id, "candidate": name,
                         "deadline": "2099-01-01T00:00:00Z"}
    return state


class Lane:
    """One serve-ebs, one log folder, one game writer and one consumer, shared by a batch
    of schedules run one after another (the consumer lives on between schedules unless a
    schedule killed it: fewer process starts, and state carried over is part of the test)."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        self.ebs = Ebs(folder)
        self.log = folder / "WoWChatLog.txt"
        self.writer = Writer(self.log)
        self.tail = Tail(self.log, self.ebs.url)
        self.restart_later = False
        self.registered = False

    def close(self) -> None:
        self.tail.close()
        self.writer.close()
        self.ebs.close()


class Schedule:
    """Runs one plan with its seeded faults."""

    def __init__(self, lane: Lane, seed: int) -> None:
        self.lane, self.ebs, self.rng = lane, lane.ebs, random.Random(seed * 7919 + 1)
        self.folder, self.log = lane.folder, lane.log
        self.writer, self.tail = lane.writer, lane.tail
        self.plan = make_plan(seed)
        self.totals = Totals(schedules=1)
        self.late_added = False
        self._pending_backoff_kill: int | None = None

    @property
    def _restart_later(self) -> bool:
        return self.lane.restart_later

    @_restart_later.setter
    def _restart_later(self, value: bool) -> None:
        self.lane.restart_later = value

    # -- driving -----------------------------------------------------------------------
    def run(self) -> Totals:
        self.ebs.control("POST", "reset", _state(self.plan))
        if self.tail.exited() is not None or self.tail.process is None:
            self._restart_later = False
            self.tail.start()
        if not self.lane.registered:
            self._wait_registered()
            self.lane.registered = True
        for index, (kind, data) in enumerate(self.plan.lines):
            self._maybe_fault(index, kind)
            self._write(kind, data)
            self._keep_alive()
        if self.plan.late and not self.late_added:
            self._add_late()
        self._wait_for_effects()
        self._check()
        return self.totals

    def _wait_registered(self) -> None:
        """The game writes only once the consumer has registered the log (before that it
        does not exist for the consumer, and a rotation would hide lines from it): its
        checkpoint names a file."""
        deadline = time.monotonic() + 30
        while not _registered(self.folder / "registry.json"):
            if self.tail.exited() is not None or time.monotonic() > deadline:
                raise AssertionError(f"seed {self.plan.seed}: tail never registered the log: "
                                     + self._tail_errors())
            time.sleep(0.005)

    def _write(self, kind: str, data: bytes) -> None:
        self.totals.lines += 1
        self.totals.tags += kind == "tag"
        self.totals.spoofed += kind == "spoof"
        roll = self.rng.random()
        if roll < 0.12:  # rotate in the middle of this line
            cut = self.rng.randint(1, len(data) - 1)
            self.writer.write(data[:cut])
            self._gap()
            self.writer.rotate(data[cut:])
            self.totals.rotations += 1
        elif roll < 0.20 and kind != "tag":
            self._truncate(data)
        elif roll < 0.35:
            self.totals.split_writes += 1
            cut = self._utf8_cut(data)
            self.writer.write(data[:cut])
            self._gap()
            self.writer.write(data[cut:])
        elif roll < 0.40:  # the game dies mid-line: the file keeps zeros where its last write
            self.totals.crashes += 1  # never landed; started again, it writes the line whole
            cut = self.rng.randint(0, len(data) - 1)
            self.writer.write(data[:cut] + b"\x00" * self.rng.randint(1, 4096))
            self._gap()
            self.writer.write(data)
        else:
            self.writer.write(data)
        if self.rng.random() < 0.3:
            self._gap()

    def _utf8_cut(self, data: bytes) -> int:
        """A cut inside a multi-byte character when the line has one."""
        inside = [i for i in range(1, len(data)) if 0x80 <= data[i] < 0xC0]
        return self.rng.choice(inside) if inside and self.rng.random() < 0.7 \
            else self.rng.randint(1, len(data) - 1)

    def _truncate(self, data: bytes) -> None:
        """Truncate once the consumer is done with what is there: either mid-line (the
        writer goes on with the same line at offset 0) or as a rewrite with new lines."""
        sync = self._sync_tag()
        self.writer.write(sync)
        partial = self.rng.random() < 0.5
        cut = self.rng.randint(1, len(data) - 1) if partial else 0
        self.writer.write(data[:cut])
        self._wait_for_sync()
        self.writer.truncate()
        if partial:
            self.totals.truncations += 1
            self.writer.write(data[cut:])
        else:
            self.totals.rewrites += 1
            self.writer.write(data)

    def _sync_tag(self) -> bytes:
        """A CONFIRM for a payout added just now: its effect shows the consumer caught up."""
        payout = str(uuid.UUID(int=self.rng.getrandbits(128), version=4))
        self.ebs.control("POST", "payouts", {"payouts": [
            {"id": payout, "characterName": "Sync", "status": "InProgress"}]})
        self.plan.confirms.add(payout)
        self._sync = payout
        self.totals.tags += 1
        return (_stamp(0) + f"[MGM_CONFIRM:{payout}]\r\n").encode()

    def _wait_for_sync(self) -> None:
        self._until(lambda state: _payout(state, self._sync).get("status") == "Sent",
                    f"sync tag {self._sync}")

    def _maybe_fault(self, index: int, kind: str) -> None:
        roll = self.rng.random()
        if roll < 0.035:
            self._kill_and_restart()
        elif roll < 0.07 and kind == "tag":
            self._kill_in_backoff()
        elif roll < 0.17:
            self.totals.faults += 1
            self.ebs.control("POST", "faults", {"path": "/api/", "status": self.rng.choice(
                [500, 502, 503, 429]), "count": self.rng.randint(1, 4)})
        elif roll < 0.21:
            self.totals.stalls += 1
            self.ebs.control("POST", "faults", {"path": "/api/payouts/", "delay": 0.35})
        elif roll < 0.22:
            self.ebs.control("POST", "faults", {"path": "/api/", "status": 401})
            self.totals.refused_key_restarts += 1
        if self.plan.late and not self.late_added and index >= len(self.plan.lines) // 2:
            self._add_late()

    def _add_late(self) -> None:
        self.late_added = True
        self.totals.late_payouts += len(self.plan.late)
        self.ebs.control("POST", "payouts", {"payouts": [
            {"id": p, "characterName": n, "status": "InProgress"}
            for p, n in self.plan.late.items()]})

    def _kill_and_restart(self) -> None:
        self._gap()
        self.tail.kill()
        self.totals.kills += 1
        self._restart_later = self.rng.random() >= 0.5
        if not self._restart_later:
            self.tail.start()

    def _kill_in_backoff(self) -> None:
        """Make the next tag's request fail, wait until it did, kill -9 during back-off."""
        seen = len(self.ebs.control("GET", "transcript"))
        self.ebs.control("POST", "faults", {"path": "/api/", "status": 503, "count": 3})
        self._pending_backoff_kill = seen

    def _keep_alive(self) -> None:
        seen = self._pending_backoff_kill
        if seen is not None:
            self._pending_backoff_kill = None
            if self._until_transcript(seen):
                self.tail.kill()
                self.totals.kills += 1
                self.totals.kills_in_backoff += 1
                self.tail.start()
        if self._restart_later and self.rng.random() < 0.5:
            self._restart_later = False
            self.tail.start()
        code = self.tail.exited()
        if code is not None and not self._restart_later:
            if code != 2:
                raise AssertionError(f"seed {self.plan.seed}: tail exited with {code}: "
                                     + self._tail_errors())
            self.tail.start()  # stopped on the refused key; the operator fixes and restarts

    def _until_transcript(self, seen: int) -> bool:
        """Wait (bounded) until the EBS answered one more request with a 503."""
        deadline = time.monotonic() + 1.5
        while time.monotonic() < deadline and self.tail.exited() is None:
            entries = self.ebs.control("GET", "transcript")
            if any(e["status"] == 503 for e in entries[seen:]):
                return True
            time.sleep(0.005)
        return False

    def _gap(self) -> None:
        time.sleep(self.rng.choice((0.0, 0.001, 0.004, 0.02)))

    # -- checking ------------------------------------------------------------------------
    def _done(self, state: dict[str, Any]) -> bool:
        for payout in self.plan.confirms:
            if _payout(state, payout).get("status") != "Sent":
                return False
        for payout in self.plan.accepts:
            if not _payout(state, payout).get("acceptedAt"):
                return False
        return not self.plan.who or any(p["twitchUserId"] == SPIN_VIEWER
                                        for p in state["payouts"])

    def _wait_for_effects(self) -> None:
        if self._restart_later or self.tail.exited() is not None:
            self._restart_later = False
            self.tail.start()
        with contextlib.suppress(TimeoutError):
            self._until(self._done, "all effects", seconds=30)

    def _until(self, condition, what: str, seconds: float = 30) -> None:  # noqa: ANN001
        deadline = time.monotonic() + seconds
        while True:
            state = self.ebs.control("GET", "state")
            if condition(state):
                return
            code = self.tail.exited()
            if code is not None and not self._restart_later:
                if code != 2:
                    raise AssertionError(f"seed {self.plan.seed}: tail exited with {code} "
                                         f"while waiting for {what}: {self._tail_errors()}")
                self.tail.start()
            elif code is not None:
                self._restart_later = False
                self.tail.start()
            if time.monotonic() > deadline:
                raise TimeoutError(what)
            time.sleep(0.02)

    def _check(self) -> None:
        state = self.ebs.control("GET", "state")
        transcript = self.ebs.control("GET", "transcript")
        seed = self.plan.seed
        for payout in self.plan.confirms:
            if _payout(state, payout).get("status") != "Sent":
                self.totals.lost.append(f"seed {seed}: CONFIRM {payout}{self._trace(payout)}")
        for payout in self.plan.accepts:
            if not _payout(state, payout).get("acceptedAt"):
                self.totals.lost.append(f"seed {seed}: ACCEPT {payout}{self._trace(payout)}")
        created = [p for p in state["payouts"] if p["twitchUserId"] == SPIN_VIEWER]
        if self.plan.who and not created:
            self.totals.lost.append(f"seed {seed}: WHO")
        if len(created) > 1:
            self.totals.duplicated.append(f"seed {seed}: WHO made {len(created)} payouts")
        sent_ok: dict[str, int] = {}
        for entry in transcript:
            if entry["method"] == "PATCH" and entry["status"] == 200:
                sent_ok[entry["path"]] = sent_ok.get(entry["path"], 0) + 1
        self.totals.duplicated += [f"seed {seed}: {path} applied {n} times"
                                   for path, n in sent_ok.items() if n > 1]
        sent = sum(1 for p in state["payouts"] if p["status"] == "Sent")
        if len(state["announcements"]) != sent:
            self.totals.duplicated.append(f"seed {seed}: {len(state['announcements'])} "
                                          f"announcements for {sent} payouts sent")
        for target in self.plan.spoof_targets:
            row = _payout(state, target)
            if row.get("status") != "InProgress" or row.get("acceptedAt"):
                self.totals.spoof_effects.append(f"seed {seed}: spoofed {target}")
        if self.totals.lost or self.totals.duplicated:
            self.totals.lost += [f"  tail stderr: {self._tail_errors()[-800:]}"] \
                if self.totals.lost else []

    def _trace(self, payout: str) -> str:
        """Where the payout's tags are and what the consumer did with them (diagnosis)."""
        files = sorted(p.name for p in self.folder.glob("WoWChatLog*")
                       if payout.encode() in p.read_bytes().lower())
        events = [line for line in (self.folder / "events.jsonl").read_text(
            errors="replace").splitlines() if payout in line.lower()]
        return f"\n    in {files or 'no file (truncated away)'}\n    " + "\n    ".join(
            events[-8:] or ["no consumer event names it"])

    def _tail_errors(self) -> str:
        self.tail.errors.flush()
        return (self.folder / "tail.err").read_text(errors="replace")[-2000:]


def _registered(checkpoint: Path) -> bool:
    from mgm_addon_contract.tail import Registry

    try:
        return bool(Registry.load(checkpoint).files)  # the checkpoint and its journal
    except (OSError, ValueError):
        return False


def _payout(state: dict[str, Any], payout: str) -> dict[str, Any]:
    return next((p for p in state["payouts"] if p["id"] == payout), {})


def run_lane(folder: Path, seeds: list[int]) -> Totals:
    """A batch of schedules on one lane."""
    totals = Totals()
    lane = Lane(folder)
    try:
        for seed in seeds:
            totals.add(Schedule(lane, seed).run())
    finally:
        lane.close()
    return totals
