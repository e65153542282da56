"""Helpers for the tail tests: a consumer on a temporary log against the in-process mock EBS,
with a fake clock."""

from __future__ import annotations

import json
from pathlib import Path

import httpx

from mgm_addon_contract.ebs import EbsState, MockEbs
from mgm_addon_contract.tail import EventLog, RetryPolicy, Router, TailConsumer

P1 = "2d2b7b2a-1111-2222-3333-444444444444"
P2 = "7a1c9e00-aaaa-4bbb-8ccc-0123456789ab"
KEY = "tail-test-key-42"


def line(text: str, n: int = 0) -> bytes:
    return f"4/4 12:00:{n % 60:02d}.{n // 60 % 1000:03d}  {text}\r\n".encode()


class FakeClock:
    def __init__(self) -> None:
        self.now = 1_000_000.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


class Setup:
    def __init__(self, tmp_path: Path, payouts: list[tuple[str, str]] | None = None) -> None:
        rows = payouts if payouts is not None else [(P1, "Norinn"), (P2, "Вася")]
        seed = {"payouts": [{"id": p, "characterName": n, "status": "InProgress"}
                            for p, n in rows]}
        self.ebs = MockEbs(api_key=KEY, state=EbsState.from_json(seed))
        self.down = False
        self.client = httpx.Client(transport=httpx.MockTransport(self._answer),
                                   base_url="http://ebs", headers={"X-MGM-ApiKey": KEY})
        self.folder = tmp_path
        tmp_path.mkdir(parents=True, exist_ok=True)
        self.log = tmp_path / "WoWChatLog.txt"
        self.log.write_bytes(b"")
        self.checkpoint = tmp_path / "checkpoint.json"
        self.events_path = tmp_path / "events.jsonl"
        self.clock = FakeClock()
        self._running: list[TailConsumer] = []

    def _answer(self, request: httpx.Request) -> httpx.Response:
        if self.down:
            raise httpx.ConnectError("connection refused")
        status, body = self.ebs.handle(request.method, request.url.path,
                                       dict(request.headers), request.content)
        return httpx.Response(status, json=body)

    def consumer(self, **kw) -> TailConsumer:  # noqa: ANN003
        """A consumer on the setup's log and checkpoint. One made before it that was not
        closed stands for a killed process: its checkpoint lock is released, as the system
        does when a process dies (nothing else of it is saved)."""
        self.kill()
        policy = kw.pop("policy", RetryPolicy(base_delay=0.5, max_delay=4.0,
                                              deferred_delay=5.0, ttl=3600.0))
        consumer = TailConsumer(self.log, Router(self.client, EventLog(self.events_path)),
                                checkpoint=self.checkpoint, policy=policy, clock=self.clock,
                                sleep=self.clock.sleep, seed=1, **kw)
        self._running.append(consumer)
        return consumer

    def kill(self) -> None:
        """The consumers made so far die (kill -9): their locks go, nothing is saved."""
        for consumer in self._running:
            if consumer.lock is not None:
                consumer.lock.release()
        self._running.clear()

    def append(self, data: bytes) -> None:
        with self.log.open("ab") as handle:
            handle.write(data)

    def fault(self, path: str, status: int, count: int = 1) -> None:
        self.ebs.control("POST", "/_control/faults", {"path": path, "status": status,
                                                     "count": count})

    def effects(self) -> list[tuple[str, str, int]]:
        return [(e.method, e.path, e.status) for e in self.ebs.transcript if e.method != "GET"]

    def events(self) -> list[dict]:
        return [json.loads(x) for x in self.events_path.read_text().splitlines()]

    def registry(self) -> dict:
        """The registry as a restarted consumer would load it (checkpoint and journal)."""
        from mgm_addon_contract.tail import Registry

        data = Registry.load(self.checkpoint).to_json()
        data.pop("generation")
        return data
