"""The mock EBS: the Desktop's routes (SPEC §3-§5, §12) as one thread-safe ``handle`` call.

Usable in-process (``MockEbs.transport()`` for ``httpx.Client``), over real HTTP
(:mod:`mgm_addon_contract.ebs.app`), with a control API under ``/_control/`` to seed and read
state and to inject faults. Every call is recorded in a transcript with the key masked.
"""

from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass, field
from typing import Any

import httpx

from mgm_addon_contract.ebs.state import TRANSITIONS, EbsState, GiftRequest
from mgm_addon_contract.grammar import is_character_name
from mgm_addon_contract.grammar.checks import matches
from mgm_addon_contract.secrets import MASK, register_secret

API_KEY_HEADER = "x-mgm-apikey"
Response = tuple[int, Any]


def error(status: int, code: str, message: str, **details: Any) -> Response:
    """SPEC §5 error model."""
    return status, {"code": code, "message": message, "details": details}


@dataclass
class Fault:
    """Answer the next ``count`` requests whose path starts with ``path`` with ``status``."""

    path: str
    status: int
    count: int = 1


@dataclass
class TranscriptEntry:
    method: str
    path: str
    body: Any
    headers: dict[str, str]
    status: int
    response: Any = None

    def to_json(self) -> dict[str, Any]:
        return {"method": self.method, "path": self.path, "body": self.body,
                "headers": self.headers, "status": self.status}


@dataclass
class MockEbs:
    """In-memory EBS. ``api_key`` None accepts any key (but a key must be sent)."""

    api_key: str | None = None
    state: EbsState = field(default_factory=EbsState)
    transcript: list[TranscriptEntry] = field(default_factory=list)
    faults: list[Fault] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._lock = threading.RLock()
        register_secret(self.api_key)

    # -- entry point ---------------------------------------------------------------------
    def handle(self, method: str, path: str, headers: dict[str, str] | None = None,
               body: bytes | str | None = None) -> Response:
        """Answer one request: ``(status, json)``."""
        headers = {k.lower(): v for k, v in (headers or {}).items()}
        payload = _decode(body)
        with self._lock:
            if path.startswith("/_control/"):
                return self._control(method, path, payload)
            status, answer = self._answer(method, path, headers, payload)
            shown = {k: (MASK if k == API_KEY_HEADER else v) for k, v in headers.items()
                     if k in (API_KEY_HEADER, "content-type")}
            self.transcript.append(TranscriptEntry(method, path, payload, shown, status, answer))
            return status, answer

    def transport(self) -> httpx.MockTransport:
        """An httpx transport that calls :meth:`handle` (no sockets)."""

        def respond(request: httpx.Request) -> httpx.Response:
            status, answer = self.handle(request.method, request.url.path,
                                         dict(request.headers), request.content)
            return httpx.Response(status, json=answer)

        return httpx.MockTransport(respond)

    # -- API routes ----------------------------------------------------------------------
    def _answer(self, method: str, path: str, headers: dict[str, str],
                payload: Any) -> Response:
        key = headers.get(API_KEY_HEADER)
        if not key:
            return error(401, "unauthorized", "X-MGM-ApiKey header is required")
        if self.api_key is not None and key != self.api_key:
            return error(401, "forbidden_apikey", "X-MGM-ApiKey is not valid")
        for fault in self.faults:
            if path.startswith(fault.path) and fault.count > 0:
                fault.count -= 1
                return error(fault.status, "injected_fault", "fault injected by the test")
        for pattern, route_method, handler in _ROUTES:
            match = pattern.fullmatch(path)
            if match and method == route_method:
                if not all(matches("uuid", g) for g in match.groups()):
                    return error(404, "not_found", "the id in the path is not a UUID")
                return handler(self, payload, *match.groups())
        return error(404, "not_found", f"no route {method} {path}")

    def pending(self, _: Any) -> Response:
        payouts = [p.dto() for p in self.state.payouts.values()
                   if p.status in ("Pending", "InProgress")]
        return 200, payouts

    def roulette_state(self, _: Any) -> Response:
        spin = self.state.spin
        return 200, {"currentSpinCycleId": spin.id if spin and not spin.decided else None,
                     "poolSize": len(self.state.pool)}

    def verify_candidate(self, body: Any) -> Response:
        if not isinstance(body, dict) or body.get("schemaVersion") != 1:
            return error(400, "invalid_payload", "schemaVersion must be 1")
        name = body.get("characterName")
        if not is_character_name(name):
            return error(400, "invalid_character_name", "characterName breaks SPEC §4")
        spin = self.state.spin
        if spin is None or body.get("spinCycleId") != spin.id:
            return error(400, "out_of_sequence", "no active spin cycle with that id")
        if spin.decided:
            return 200, {"spinCycleId": spin.id, "decided": True}
        if self.state.now > spin.deadline:
            return error(400, "out_of_sequence", "the verification deadline has passed")
        if name != spin.candidate:
            return error(400, "out_of_sequence", "characterName is not the spin candidate")
        if body.get("online") is not True:
            spin.decided = True
            return 200, {"spinCycleId": spin.id, "decided": True, "payoutId": None}
        viewer = next((v for v in self.state.pool.values() if v.characterName == name), None)
        if viewer is None:
            return error(400, "out_of_sequence", "the candidate is no longer in the pool")
        if any(p.characterName == name and p.status in ("Pending", "InProgress")
               for p in self.state.payouts.values()):
            return error(409, "active_payout_exists", "User already has an active payout.")
        spin.decided = True
        payout = self.state.new_payout(viewer)
        return 200, {"spinCycleId": spin.id, "decided": True, "payoutId": payout.id}

    def confirm_acceptance(self, body: Any, payout_id: str) -> Response:
        payout = self.state.payouts.get(payout_id)
        if payout is None:
            return error(404, "not_found", f"payout {payout_id} does not exist")
        if not isinstance(body, dict) or body.get("characterName") != payout.characterName:
            return error(400, "invalid_character_name", "characterName does not match")
        if payout.acceptedAt is None:
            payout.acceptedAt = self.state.now
        return 200, payout.dto()

    def patch_status(self, body: Any, payout_id: str) -> Response:
        payout = self.state.payouts.get(payout_id)
        if payout is None:
            return error(404, "not_found", f"payout {payout_id} does not exist")
        target = body.get("status") if isinstance(body, dict) else None
        if (payout.status, target) not in TRANSITIONS:
            return error(409, "terminal_status_change_not_allowed",
                         f"{payout.status} -> {target} is not allowed (SPEC §3)")
        payout.status = target
        if target == "Sent":
            self.state.pool.pop(payout.twitchUserId, None)
            self.state.announcements.append(
                f"{payout.twitchDisplayName}: {payout.goldAmount} g sent to "
                f"{payout.characterName} in game")
            payout.isRewardSentAnnouncedToChat = True
        return 200, payout.dto()

    def prepare_pending(self, body: Any) -> Response:
        viewer = self.state.pool.get(str((body or {}).get("twitchUserId")))
        if viewer is None:
            return error(404, "not_found", "viewer is not in the pool")
        return 200, self.state.new_payout(viewer).dto()

    def gift_patch(self, body: Any, gift_id: str) -> Response:
        gift = self.state.gifts.get(gift_id)
        if gift is None:
            return error(404, "not_found", f"gift request {gift_id} does not exist")
        if gift.state in ("Completed", "Failed"):
            return error(409, "terminal_status_change_not_allowed", "gift request is closed")
        gift.state = str((body or {}).get("state", gift.state))
        gift.reason = (body or {}).get("reason")
        return 200, _gift(gift)

    def gift_select(self, body: Any, gift_id: str) -> Response:
        gift = self.state.gifts.get(gift_id)
        if gift is None:
            return error(404, "not_found", f"gift request {gift_id} does not exist")
        if gift.state != "SelectingItem":
            if gift.selectedItem == body:
                return 200, _gift(gift)
            return error(409, "out_of_sequence", f"gift request is {gift.state}")
        gift.selectedItem, gift.state = body, "WaitingConfirmation"
        return 200, _gift(gift)

    def gift_confirm(self, body: Any, gift_id: str) -> Response:
        gift = self.state.gifts.get(gift_id)
        if gift is None:
            return error(404, "not_found", f"gift request {gift_id} does not exist")
        if gift.state == "Completed":
            return 200, _gift(gift)
        if gift.state != "WaitingConfirmation":
            return error(409, "out_of_sequence", f"gift request is {gift.state}")
        gift.state = "Completed"
        return 200, _gift(gift)

    # -- control API ---------------------------------------------------------------------
    def _control(self, method: str, path: str, payload: Any) -> Response:
        if path == "/_control/state" and method == "GET":
            return 200, self.state.to_json()
        if path == "/_control/seed" and method == "POST":
            self.state = EbsState.from_json(payload or {})
            return 200, self.state.to_json()
        if path == "/_control/faults" and method == "POST":
            self.faults.append(Fault(payload["path"], int(payload["status"]),
                                     int(payload.get("count", 1))))
            return 200, {"faults": len(self.faults)}
        if path == "/_control/transcript" and method == "GET":
            return 200, [e.to_json() for e in self.transcript]
        if path == "/_control/clock" and method == "POST":
            self.state.now = payload["now"]
            return 200, {"now": self.state.now}
        return error(404, "not_found", f"no control route {method} {path}")


def _gift(gift: GiftRequest) -> dict[str, Any]:
    return {"id": gift.id, "characterName": gift.characterName, "state": gift.state,
            "selectedItem": gift.selectedItem, "reason": gift.reason}


def _decode(body: bytes | str | None) -> Any:
    if not body:
        return None
    try:
        return json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return {"_unparsed": body.decode("utf-8", "replace") if isinstance(body, bytes)
                else body}


UUID = r"([^/]+)"  # ids are checked with the grammar's uuid rule
_ROUTES = (
    (re.compile(r"/api/payouts/pending"), "GET", MockEbs.pending),
    (re.compile(r"/api/roulette/state"), "GET", MockEbs.roulette_state),
    (re.compile(r"/api/roulette/verify-candidate"), "POST", MockEbs.verify_candidate),
    (re.compile(rf"/api/payouts/{UUID}/confirm-acceptance"), "POST", MockEbs.confirm_acceptance),
    (re.compile(rf"/api/payouts/{UUID}/status"), "PATCH", MockEbs.patch_status),
    (re.compile(r"/api/e2e/prepare-pending-payout"), "POST", MockEbs.prepare_pending),
    (re.compile(rf"/api/gift-requests/{UUID}"), "PATCH", MockEbs.gift_patch),
    (re.compile(rf"/api/gift-requests/{UUID}/select-item"), "POST", MockEbs.gift_select),
    (re.compile(rf"/api/gift-requests/{UUID}/confirm"), "POST", MockEbs.gift_confirm),
)

