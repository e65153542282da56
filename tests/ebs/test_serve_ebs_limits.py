"""serve-ebs against hostile clients: the control API needs a key, bodies are limited (413)
and kept only as a prefix, slow headers and bodies time out, deep JSON is a 400, faults are
validated; ids are matched in any case."""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Iterator

import httpx
import pytest

from mgm_addon_contract.ebs import EbsState, MockEbs
from mgm_addon_contract.ebs.server import BackgroundServer, Limits

KEY = "serve-limits-key-1"
PAYOUT = "2d2b7b2a-1111-2222-3333-444444444444"
LIMITS = Limits(max_body_bytes=64 << 10, header_timeout=0.3, body_timeout=0.3)


def seeded(**kw) -> MockEbs:  # noqa: ANN003
    seed = {"payouts": [{"id": PAYOUT, "characterName": "Norinn", "status": "InProgress"}]}
    return MockEbs(state=EbsState.from_json(seed), **kw)


@pytest.fixture
def served() -> Iterator[tuple[MockEbs, str]]:
    ebs = seeded(api_key=KEY)
    with BackgroundServer(ebs, LIMITS) as server:
        yield ebs, server.url


def _closed_within(url: str, payload: bytes, seconds: float) -> float:
    """Send ``payload`` and wait until the server closes the connection; elapsed time."""
    host, port = url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port))) as sock:
        started = time.monotonic()
        sock.sendall(payload)
        sock.settimeout(seconds)
        while sock.recv(4096):
            pass
        return time.monotonic() - started


def test_control_api_needs_the_key(served: tuple[MockEbs, str]) -> None:
    _, url = served
    assert httpx.get(f"{url}/_control/state").status_code == 401
    assert httpx.post(f"{url}/_control/reset", json={},
                      headers={"X-MGM-ApiKey": "wrong"}).status_code == 401
    ok = httpx.get(f"{url}/_control/state", headers={"X-MGM-ApiKey": KEY})
    assert ok.status_code == 200 and ok.json()["payouts"][0]["id"] == PAYOUT


def test_a_separate_control_key_and_a_closed_control_api() -> None:
    with BackgroundServer(seeded(api_key=KEY, control_key="ctl-key-77"), LIMITS) as server:
        assert httpx.get(f"{server.url}/_control/state",
                         headers={"X-MGM-ApiKey": KEY}).status_code == 401
        assert httpx.get(f"{server.url}/_control/state",
                         headers={"X-MGM-ControlKey": "ctl-key-77"}).status_code == 200
    with BackgroundServer(seeded(), LIMITS) as server:  # any API key accepted: control closed
        closed = httpx.get(f"{server.url}/_control/state", headers={"X-MGM-ApiKey": "x"})
        assert closed.status_code == 403


def test_bodies_over_the_limit_get_413_and_the_transcript_keeps_a_prefix(
        served: tuple[MockEbs, str]) -> None:
    ebs, url = served
    headers = {"X-MGM-ApiKey": KEY, "Content-Type": "application/json"}
    big = httpx.post(f"{url}/api/roulette/verify-candidate", headers=headers,
                     content=b'{"a":"' + b"x" * (200 << 10) + b'"}')
    assert (big.status_code, big.json()["code"]) == (413, "payload_too_large")

    def chunked() -> Iterator[bytes]:
        for _ in range(100):
            yield b"y" * 4096

    streamed = httpx.post(f"{url}/api/roulette/verify-candidate", headers=headers,
                          content=chunked())
    assert streamed.status_code == 413
    medium = httpx.post(f"{url}/api/roulette/verify-candidate", headers=headers,
                        content=json.dumps({"schemaVersion": 1, "pad": "z" * 30_000}))
    assert medium.status_code == 400
    entry = ebs.transcript[-1].to_json()
    assert entry["body"]["bytes"] > 30_000 and len(entry["body"]["_truncated"]) == 4096


def test_slow_headers_and_slow_bodies_are_cut_off(served: tuple[MockEbs, str]) -> None:
    _, url = served
    assert _closed_within(url, b"", 5) < 2  # connected, never sent a byte
    assert _closed_within(url, b"GET /api/payouts/pending HTTP/1.1\r\nHost: x\r\n", 5) < 2
    body_never_comes = (b"POST /api/roulette/verify-candidate HTTP/1.1\r\nHost: x\r\n"
                        b"X-MGM-ApiKey: " + KEY.encode() + b"\r\nContent-Length: 50\r\n\r\n{")
    assert _closed_within(url, body_never_comes, 5) < 2
    assert _closed_within(url, b"GET / HTTP/1.1\r\nX-Pad: " + b"p" * (80 << 10), 5) < 2


def test_deep_json_is_a_400_and_faults_are_validated(served: tuple[MockEbs, str]) -> None:
    ebs, url = served
    headers = {"X-MGM-ApiKey": KEY}
    deep = httpx.post(f"{url}/api/roulette/verify-candidate", headers=headers,
                      content=b"[" * 30_000 + b"]" * 30_000)
    assert (deep.status_code, deep.json()["code"]) == (400, "invalid_payload")
    nested = httpx.post(f"{url}/api/roulette/verify-candidate", headers=headers,
                        content=json.dumps([[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]
                                                                  ]]]]]]]]]]]]]]]]]))
    assert nested.status_code == 400
    for bad in ({"path": "/api", "status": 1000}, {"path": "/api", "status": 99},
                {"path": "api", "status": 503}, {"path": "/api", "status": 503, "count": 0},
                {"path": "/api"}, {"path": "/api", "delay": 999}, [1]):
        refused = httpx.post(f"{url}/_control/faults", headers=headers, json=bad)
        assert refused.status_code == 400, bad
    assert ebs.faults == []


def test_stall_faults_delay_the_answer_after_the_effect(served: tuple[MockEbs, str]) -> None:
    ebs, url = served
    headers = {"X-MGM-ApiKey": KEY}
    httpx.post(f"{url}/_control/faults", headers=headers,
               json={"path": f"/api/payouts/{PAYOUT}", "delay": 0.5})
    with pytest.raises(httpx.ReadTimeout):
        httpx.patch(f"{url}/api/payouts/{PAYOUT}/status", headers=headers,
                    json={"status": "Sent"}, timeout=0.1)
    again = httpx.patch(f"{url}/api/payouts/{PAYOUT.upper()}/status", headers=headers,
                        json={"status": "Sent"})
    assert again.status_code == 409  # the stalled request took effect; the id in any case
    assert ebs.state.payouts[PAYOUT].status == "Sent" and len(ebs.state.announcements) == 1


def test_transcript_is_bounded() -> None:
    ebs = seeded(api_key=KEY, transcript_limit=100)
    for _ in range(1000):
        ebs.handle("GET", "/api/payouts/pending", {"X-MGM-ApiKey": KEY})
    assert len(ebs.transcript) <= 100 and ebs.transcript_dropped + len(ebs.transcript) == 1000


def test_retry_after_faults_answer_with_the_header_for_n_requests(
        served: tuple[MockEbs, str]) -> None:
    """``POST /_control/faults`` with ``retry_after``: the next ``count`` matching requests
    get the 429/503 with ``Retry-After`` (seconds or a text such as an HTTP date), then
    the EBS answers normally (SPEC §5 overload)."""
    ebs, url = served
    headers = {"X-MGM-ApiKey": KEY}
    date = "Wed, 21 Oct 2099 07:28:00 GMT"
    for fault in ({"path": "/api/payouts/pending", "status": 429, "count": 2,
                   "retry_after": 7},
                  {"path": "/api/payouts/pending", "status": 503, "retry_after": date}):
        added = httpx.post(f"{url}/_control/faults", headers=headers, json=fault)
        assert added.status_code == 200, added.text
    answers = [httpx.get(f"{url}/api/payouts/pending", headers=headers) for _ in range(4)]
    assert [(a.status_code, a.headers.get("retry-after")) for a in answers] == [
        (429, "7"), (429, "7"), (503, date), (200, None)]
    for bad in ({"path": "/api", "status": 500, "retry_after": 1},
                {"path": "/api", "status": 429, "retry_after": -1},
                {"path": "/api", "status": 429, "retry_after": 1.5},
                {"path": "/api", "status": 503, "retry_after": "x" * 65},
                {"path": "/api", "status": 503, "retry_after": "line\nbreak"},
                {"path": "/api", "status": 503, "retry-after": 2}):
        refused = httpx.post(f"{url}/_control/faults", headers=headers, json=bad)
        assert refused.status_code == 400, bad
    assert ebs.faults == []
