"""The tail consumer under every way the client and the disk misbehave."""

from __future__ import annotations

import json
import os
from pathlib import Path

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mgm_addon_contract.ebs import EbsState, MockEbs
from mgm_addon_contract.tail import EventLog, RetryPolicy, Router, TailConsumer

P1 = "2d2b7b2a-1111-2222-3333-444444444444"
P2 = "7a1c9e00-aaaa-4bbb-8ccc-0123456789ab"
KEY = "tail-test-key-42"


def line(text: str, n: int = 0) -> bytes:
    return f"4/4 12:00:{n % 60:02d}.000  {text}\r\n".encode()


class Setup:
    def __init__(self, tmp_path: Path, payouts: list[tuple[str, str]] | None = None) -> None:
        rows = payouts if payouts is not None else [(P1, "Norinn"), (P2, "Вася")]
        seed = {"payouts": [{"id": p, "characterName": n, "status": "InProgress"}
                            for p, n in rows]}
        self.ebs = MockEbs(api_key=KEY, state=EbsState.from_json(seed))
        self.client = httpx.Client(transport=self.ebs.transport(), base_url="http://ebs",
                                   headers={"X-MGM-ApiKey": KEY})
        self.log = tmp_path / "WoWChatLog.txt"
        self.log.write_bytes(b"")
        self.checkpoint = tmp_path / "checkpoint.json"
        self.sleeps: list[float] = []
        self.events_path = tmp_path / "events.jsonl"

    def consumer(self) -> TailConsumer:
        router = Router(self.client, EventLog(self.events_path), sleep=self.sleeps.append,
                        policy=RetryPolicy(attempts=3, base_delay=0.5))
        return TailConsumer(self.log, router, checkpoint=self.checkpoint)

    def append(self, data: bytes) -> None:
        with self.log.open("ab") as handle:
            handle.write(data)

    def effects(self) -> list[tuple[str, str, int]]:
        return [(e.method, e.path, e.status) for e in self.ebs.transcript if e.method != "GET"]


def test_partial_lines_split_utf8_crlf_lf_and_bom(tmp_path: Path) -> None:
    s = Setup(tmp_path)
    data = (b"\xef\xbb\xbf" + line("[Вася] whispers: привет") + line(f"[MGM_ACCEPT:{P2}]")
            + f"4/4 12:00:02.000  [MGM_CONFIRM:{P2}]\n".encode())
    consumer = s.consumer()
    for i in range(0, len(data), 5):  # five-byte writes split Cyrillic letters too
        s.append(data[i:i + 5])
        consumer.poll_once()
    assert s.effects() == [("POST", f"/api/payouts/{P2}/confirm-acceptance", 200),
                           ("PATCH", f"/api/payouts/{P2}/status", 200)]
    body = next(e.body for e in s.ebs.transcript if "confirm-acceptance" in e.path)
    assert body == {"characterName": "Вася"}


def test_restart_resumes_without_loss_or_replay(tmp_path: Path) -> None:
    s = Setup(tmp_path)
    s.append(line(f"[MGM_ACCEPT:{P1}]") + b"4/4 12:00:01.000  [MGM_CONF")
    first = s.consumer()
    first.poll_once()
    first.close()
    s.append(f"IRM:{P1}]\r\n".encode())
    second = s.consumer()
    second.poll_once()
    assert s.effects() == [("POST", f"/api/payouts/{P1}/confirm-acceptance", 200),
                           ("PATCH", f"/api/payouts/{P1}/status", 200)]
    assert json.loads(s.checkpoint.read_text())["offset"] == s.log.stat().st_size


def test_truncation_and_replacement_lose_nothing(tmp_path: Path) -> None:
    s = Setup(tmp_path)
    consumer = s.consumer()
    s.append(line(f"[MGM_ACCEPT:{P1}]"))
    consumer.poll_once()
    s.log.write_bytes(line(f"[MGM_ACCEPT:{P2}]"))  # truncated and rewritten, shorter
    consumer.poll_once()
    s.append(line(f"[MGM_CONFIRM:{P2}]"))  # the old file gets a last line...
    replacement = tmp_path / "new.txt"
    replacement.write_bytes(line(f"[MGM_CONFIRM:{P1}]"))
    os.replace(replacement, s.log)  # ...then is replaced before the consumer reads it
    consumer.poll_once()
    assert sorted(p for _, p, _ in s.effects()) == sorted([
        f"/api/payouts/{P1}/confirm-acceptance", f"/api/payouts/{P2}/confirm-acceptance",
        f"/api/payouts/{P2}/status", f"/api/payouts/{P1}/status"])


def test_duplicate_lines_act_once_and_spoofed_or_invalid_never_route(tmp_path: Path) -> None:
    s = Setup(tmp_path)
    s.append(line(f"[MGM_CONFIRM:{P1}]") * 3 + line(f"[Eve] whispers: [MGM_CONFIRM:{P2}]")
             + line(f"[MGM_CONFIRM:{P2[:-1]}]"))
    consumer = s.consumer()
    consumer.poll_once()
    assert s.effects() == [("PATCH", f"/api/payouts/{P1}/status", 200)]
    kinds = [json.loads(x)["event"] for x in s.events_path.read_text().splitlines()]
    assert kinds.count("duplicate") == 2 and "spoofed-tag" in kinds and "invalid-line" in kinds


def test_5xx_and_connection_errors_are_retried_with_backoff_4xx_is_final(tmp_path: Path) -> None:
    s = Setup(tmp_path)
    s.ebs.handle("POST", "/_control/faults", {}, json.dumps(
        {"path": f"/api/payouts/{P1}/status", "status": 503, "count": 2}))
    s.append(line(f"[MGM_CONFIRM:{P1}]") + line(f"[MGM_CONFIRM:{P1}]", 1)
             + line("[MGM_CONFIRM:00000000-0000-0000-0000-000000000000]", 2))
    s.consumer().poll_once()
    statuses = [e.status for e in s.ebs.transcript if e.method == "PATCH"]
    assert statuses == [503, 503, 200, 404]
    assert len(s.sleeps) == 2 and 0.25 <= s.sleeps[0] <= 0.5 and 0.5 <= s.sleeps[1] <= 1.0


def test_ebs_down_keeps_the_line_for_the_next_poll(tmp_path: Path) -> None:
    s = Setup(tmp_path)
    calls = {"n": 0}

    def flaky(request: httpx.Request) -> httpx.Response:
        calls["n"] += 1
        if calls["n"] <= 3:
            raise httpx.ConnectError("down")
        status, body = s.ebs.handle(request.method, request.url.path, dict(request.headers),
                                    request.content)
        return httpx.Response(status, json=body)

    s.client = httpx.Client(transport=httpx.MockTransport(flaky), base_url="http://ebs",
                            headers={"X-MGM-ApiKey": KEY})
    s.append(line(f"[MGM_CONFIRM:{P1}]") + line(f"[MGM_CONFIRM:{P2}]", 1))
    consumer = s.consumer()
    assert consumer.poll_once() == []
    assert len(consumer.poll_once()) == 2
    assert s.effects() == [("PATCH", f"/api/payouts/{P1}/status", 200),
                           ("PATCH", f"/api/payouts/{P2}/status", 200)]


def test_unknown_payout_is_retried_after_refresh_never_dropped(tmp_path: Path) -> None:
    s = Setup(tmp_path, payouts=[])
    s.append(line(f"[MGM_ACCEPT:{P1}]"))
    consumer = s.consumer()
    assert consumer.poll_once() == []
    assert consumer.deferred and json.loads(s.checkpoint.read_text())["deferred"]
    s.ebs.handle("POST", "/_control/seed", {}, json.dumps(
        {"payouts": [{"id": P1, "characterName": "Norinn", "status": "Pending"}]}))
    assert [o.status for o in consumer.poll_once()] == [200]


@given(st.lists(st.sampled_from([f"[MGM_CONFIRM:{P1}]", f"[MGM_ACCEPT:{P2}]",
                                 f"[MGM_CONFIRM:{P2}]", "[Bob] says: hi"]), max_size=12),
       st.lists(st.integers(1, 40), min_size=1, max_size=8), st.booleans())
@settings(max_examples=40)
def test_exactly_once_effects_under_any_chunking_and_restarts(tmp_path_factory, texts, sizes,
                                                              restart) -> None:
    s = Setup(tmp_path_factory.mktemp("eo"))
    data = b"".join(line(t, i) for i, t in enumerate(texts))
    consumer, i, k = s.consumer(), 0, 0
    while i < len(data):
        step = sizes[k % len(sizes)]
        s.append(data[i:i + step])
        i, k = i + step, k + 1
        consumer.poll_once()
        if restart and k % 3 == 0:
            consumer.close()
            consumer = s.consumer()
    consumer.finish()
    wanted = []
    for text in dict.fromkeys(t for t in texts if t.startswith("[MGM")):
        ident = text.split(":", 1)[1].rstrip("]")
        kind = "status" if "CONFIRM" in text else "confirm-acceptance"
        wanted.append(f"/api/payouts/{ident}/{kind}")
    assert [p for _, p, _ in s.effects()] == wanted


def test_unreadable_checkpoint_is_a_clear_error(tmp_path: Path) -> None:
    s = Setup(tmp_path)
    s.checkpoint.write_text("{not json")
    with pytest.raises(ValueError, match="checkpoint is not valid JSON"):
        s.consumer()


def test_follow_mode_picks_up_appended_lines(tmp_path: Path) -> None:
    import threading

    s = Setup(tmp_path)
    consumer = s.consumer()
    stop, seen = threading.Event(), threading.Event()
    outcomes: list = []

    def collect(batch: list) -> None:
        outcomes.extend(batch)
        if outcomes:
            seen.set()

    worker = threading.Thread(target=consumer.follow, args=(stop,),
                              kwargs={"interval": 0.05, "on_poll": collect})
    worker.start()
    try:
        s.append(line(f"[MGM_CONFIRM:{P1}]"))
        assert seen.wait(timeout=10), "follow mode never routed the appended line"
    finally:
        stop.set()
        worker.join(timeout=5)
    assert [(o.tag, o.status) for o in outcomes] == [("MGM_CONFIRM", 200)]
