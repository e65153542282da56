"""The mock EBS: auth, SPEC §3 transitions, error codes, gifts, control API, HTTP server."""

from __future__ import annotations

import json
import threading

import httpx
import pytest

from mgm_addon_contract.ebs import EbsState, MockEbs

SPIN = "550e8400-e29b-41d4-a716-446655440000"
KEY = "test-api-key-123"


def make(**seed) -> tuple[MockEbs, httpx.Client]:
    base = {"pool": [{"twitchUserId": "1", "characterName": "Norinn"}],
            "spin": {"id": SPIN, "candidate": "Norinn"}}
    ebs = MockEbs(api_key=KEY, state=EbsState.from_json({**base, **seed}))
    client = httpx.Client(transport=ebs.transport(), base_url="http://ebs",
                          headers={"X-MGM-ApiKey": KEY})
    return ebs, client


def who(**changes) -> dict:
    return {"schemaVersion": 1, "spinCycleId": SPIN, "characterName": "Norinn", "online": True,
            "capturedAt": "2026-04-04T12:00:01Z", **changes}


def test_missing_and_wrong_key_are_401_with_error_json() -> None:
    ebs, _ = make()
    status, body = ebs.handle("GET", "/api/payouts/pending", {}, None)
    assert (status, body["code"]) == (401, "unauthorized")
    status, body = ebs.handle("GET", "/api/payouts/pending", {"X-MGM-ApiKey": "nope"}, None)
    assert (status, body["code"]) == (401, "forbidden_apikey")
    assert set(body) == {"code", "message", "details"}


@pytest.mark.parametrize(("changes", "status", "code"), [
    ({"schemaVersion": 2}, 400, "invalid_payload"),
    ({"characterName": "N0rinn"}, 400, "invalid_character_name"),
    ({"spinCycleId": "00000000-0000-0000-0000-000000000000"}, 400, "out_of_sequence"),
    ({"characterName": "Other"}, 400, "out_of_sequence"),
])
def test_verify_candidate_errors(changes: dict, status: int, code: str) -> None:
    _, client = make()
    response = client.post("/api/roulette/verify-candidate", json=who(**changes))
    assert (response.status_code, response.json()["code"]) == (status, code)


def test_full_payout_lifecycle_and_announcement() -> None:
    ebs, client = make()
    created = client.post("/api/roulette/verify-candidate", json=who()).json()
    payout = created["payoutId"]
    assert client.post("/api/roulette/verify-candidate", json=who()).status_code == 200
    assert len(ebs.state.payouts) == 1  # idempotent once decided
    assert [p["id"] for p in client.get("/api/payouts/pending").json()] == [payout]
    wrong = client.post(f"/api/payouts/{payout}/confirm-acceptance",
                        json={"characterName": "norinn"})
    assert (wrong.status_code, wrong.json()["code"]) == (400, "invalid_character_name")
    for _ in range(2):
        assert client.post(f"/api/payouts/{payout}/confirm-acceptance",
                           json={"characterName": "Norinn"}).status_code == 200
    early = client.patch(f"/api/payouts/{payout}/status", json={"status": "Sent"})
    assert (early.status_code, early.json()["code"]) == (409,
                                                        "terminal_status_change_not_allowed")
    assert client.patch(f"/api/payouts/{payout}/status",
                        json={"status": "InProgress"}).status_code == 200
    sent = client.patch(f"/api/payouts/{payout}/status", json={"status": "Sent"})
    assert sent.status_code == 200 and sent.json()["isRewardSentAnnouncedToChat"] is True
    assert client.patch(f"/api/payouts/{payout}/status",
                        json={"status": "Sent"}).status_code == 409
    assert ebs.state.pool == {} and len(ebs.state.announcements) == 1
    unknown = client.post("/api/payouts/00000000-0000-0000-0000-000000000000/"
                          "confirm-acceptance", json={"characterName": "Norinn"})
    assert (unknown.status_code, unknown.json()["code"]) == (404, "not_found")


def test_offline_closes_the_cycle_and_active_payout_is_409() -> None:
    ebs, client = make(payouts=[{"id": "2d2b7b2a-1111-2222-3333-444444444444",
                                 "characterName": "Norinn", "status": "Pending"}])
    conflict = client.post("/api/roulette/verify-candidate", json=who())
    assert (conflict.status_code, conflict.json()["code"]) == (409, "active_payout_exists")
    assert client.post("/api/roulette/verify-candidate", json=who(online=False)).json()[
        "payoutId"] is None


def test_gift_flow_and_e2e_harness_route() -> None:
    gift = "9f8e7d6c-5b4a-4321-8fed-cba987654321"
    ebs, client = make(gifts=[{"id": gift, "characterName": "Вася"}])
    assert client.post(f"/api/gift-requests/{gift}/confirm").status_code == 409
    assert client.post(f"/api/gift-requests/{gift}/select-item", json={"id": 1}).status_code == 200
    assert client.post(f"/api/gift-requests/{gift}/confirm").json()["state"] == "Completed"
    prepared = client.post("/api/e2e/prepare-pending-payout", json={"twitchUserId": "1"})
    assert prepared.json()["status"] == "Pending"


def test_control_api_faults_and_masked_transcript() -> None:
    ebs, client = make()
    ebs.control("POST", "/_control/faults", {"path": "/api/payouts", "status": 503})
    assert client.get("/api/payouts/pending").status_code == 503
    assert client.get("/api/payouts/pending").status_code == 200
    transcript = ebs.handle("GET", "/_control/transcript", {"X-MGM-ApiKey": KEY}, None)[1]
    assert transcript[0]["headers"]["x-mgm-apikey"] == "***"
    assert KEY not in json.dumps(transcript)


def test_thread_safe_under_concurrent_requests() -> None:
    ebs, client = make()
    payout = client.post("/api/roulette/verify-candidate", json=who()).json()["payoutId"]
    client.patch(f"/api/payouts/{payout}/status", json={"status": "InProgress"})
    results: list[int] = []

    def send() -> None:
        results.append(client.patch(f"/api/payouts/{payout}/status",
                                    json={"status": "Sent"}).status_code)

    threads = [threading.Thread(target=send) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == [200] + [409] * 7
    assert len(ebs.state.announcements) == 1


def test_served_over_real_http() -> None:
    from mgm_addon_contract.ebs.server import BackgroundServer

    ebs, _ = make()
    with BackgroundServer(ebs) as server:
        response = httpx.get(f"{server.url}/api/roulette/state",
                             headers={"X-MGM-ApiKey": KEY})
        assert response.json()["currentSpinCycleId"] == SPIN
