"""The mock EBS: the Desktop's routes (SPEC §3-§5, §12) as one thread-safe ``handle`` call.

Usable in-process (``MockEbs.transport()`` for ``httpx.Client``), over real HTTP
(:mod:`mgm_addon_contract.ebs.server`), with a control API under ``/_control/``
(:mod:`mgm_addon_contract.ebs.control`) to seed and read state and inject faults, behind the
API key or a separate control key. Every call is recorded in a bounded transcript with the
key masked and at most a prefix of each body. Ids in paths are compared in canonical lower
case (the EBS parses them as GUIDs); JSON bodies nested deeper than ``max_depth`` are a 400.
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
Reply = tuple[int, Any, float, dict[str, str]]  # status, JSON, stall (s), extra headers


def error(status: int, code: str, message: str, **details: Any) -> Response:
    """SPEC §5 error model."""
    return status, {"code": code, "message": message, "details": details}


@dataclass
class Fault:
    """The next ``count`` requests whose path starts with ``path`` get ``status`` (an error
    answer) and/or their answer ``delay`` seconds late (a stall; the request still takes
    effect when no status is given). ``retry_after`` (a 429 or 503 only) is sent as the
    answer's ``Retry-After`` header: whole seconds, or a text such as an HTTP date (SPEC §5
    overload)."""

    path: str
    status: int | None = None
    count: int = 1
    delay: float = 0.0
    retry_after: int | str | None = None

    def headers(self) -> dict[str, str]:
        return {} if self.retry_after is None else {"Retry-After": str(self.retry_after)}


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
    """In-memory EBS. ``api_key`` None accepts any key (but a key must be sent).

    The control API answers requests that carry ``control_key`` in ``X-MGM-ControlKey`` or,
    without a control key, the API key in ``X-MGM-ApiKey``; with neither configured it is
    closed over HTTP (in-process callers use :meth:`control`)."""

    api_key: str | None = None
    state: EbsState = field(default_factory=EbsState)
    transcript: list[TranscriptEntry] = field(default_factory=list)
    faults: list[Fault] = field(default_factory=list)
    control_key: str | None = None
    transcript_limit: int = 100_000
    body_kept: int = 4096
    max_depth: int = 32
    transcript_dropped: int = 0

    def __post_init__(self) -> None:
        self._lock = threading.RLock()
        register_secret(self.api_key)
        register_secret(self.control_key)

    # -- entry points --------------------------------------------------------------------
    def handle(self, method: str, path: str, headers: dict[str, str] | None = None,
               body: bytes | str | None = None) -> Response:
        """Answer one request: ``(status, json)``."""
        status, answer, _, _ = self.respond(method, path, headers, body)
        return status, answer

    def respond(self, method: str, path: str, headers: dict[str, str] | None = None,
                body: bytes | str | None = None) -> Reply:
        """Answer one request: ``(status, json, delay, headers)``; ``delay`` is an injected
        stall the server waits before sending the answer, ``headers`` extra answer headers
        (an injected ``Retry-After``)."""
        headers = {k.lower(): v for k, v in (headers or {}).items()}
        raw = body.encode() if isinstance(body, str) else (body or b"")
        payload, problem = _decode(raw, self.max_depth)
        with self._lock:
            if path.startswith("/_control/"):
                from mgm_addon_contract.ebs.control import authorised

                refused = authorised(self, headers)
                if refused is not None:
                    return (*refused, 0.0, {})
                if problem is not None:
                    return (*problem, 0.0, {})
                return (*self.control(method, path, payload), 0.0, {})
            delay, extra = 0.0, {}
            if problem is not None:
                status, answer = problem
            else:
                status, answer, delay, extra = self._answer(method, path, headers, payload)
            self._record(method, path, headers, raw, payload, status, answer)
            return status, answer, delay, extra

    def control(self, method: str, path: str, payload: Any = None) -> Response:
        """The control API in-process (no key needed): seed, state, faults, transcript..."""
        from mgm_addon_contract.ebs.control import control

        with self._lock:
            return control(self, method, path, payload)

    def _record(self, method: str, path: str, headers: dict[str, str], raw: bytes,
                payload: Any, status: int, answer: Any) -> None:
        shown = {k: (MASK if k == API_KEY_HEADER else v) for k, v in headers.items()
                 if k in (API_KEY_HEADER, "content-type")}
        if len(raw) > self.body_kept:  # a bounded prefix, never the whole body
            payload = {"_truncated": raw[:self.body_kept].decode("utf-8", "replace"),
                       "bytes": len(raw)}
        self.transcript.append(TranscriptEntry(method, path, payload, shown, status, answer))
        excess = len(self.transcript) - self.transcript_limit
        if excess > 0:  # oldest out, a tenth at a time
            dropped = excess + self.transcript_limit // 10
            del self.transcript[:dropped]
            self.transcript_dropped += dropped

    def transport(self) -> httpx.MockTransport:
        """An httpx transport that calls :meth:`handle` (no sockets)."""

        def respond(request: httpx.Request) -> httpx.Response:
            status, answer, _, extra = self.respond(request.method, request.url.path,
                                                    dict(request.headers), request.content)
            return httpx.Response(status, json=answer, headers=extra)

        return httpx.MockTransport(respond)

    # -- API routes ----------------------------------------------------------------------
    def _answer(self, method: str, path: str, headers: dict[str, str],
                payload: Any) -> Reply:
        key = headers.get(API_KEY_HEADER)
        if not key:
            return (*error(401, "unauthorized", "X-MGM-ApiKey header is required"), 0.0, {})
        if self.api_key is not None and key != self.api_key:
            return (*error(401, "forbidden_apikey", "X-MGM-ApiKey is not valid"), 0.0, {})
        delay = 0.0
        for fault in self.faults:
            if path.startswith(fault.path) and fault.count > 0:
                fault.count -= 1
                delay = fault.delay
                if fault.status is not None:
                    self.faults = [f for f in self.faults if f.count > 0]
                    return (*error(fault.status, "injected_fault",
                                   "fault injected by the test"), delay, fault.headers())
                break
        self.faults = [f for f in self.faults if f.count > 0]
        for pattern, route_method, handler in _ROUTES:
            match = pattern.fullmatch(path)
            if match and method == route_method:
                if not all(matches("uuid", g) for g in match.groups()):
                    return (*error(404, "not_found", "the id in the path is not a UUID"),
                            delay, {})
                ids = (g.lower() for g in match.groups())
                return (*handler(self, payload, *ids), delay, {})
        return (*error(404, "not_found", f"no route {method} {path}"), delay, {})

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

def _gift(gift: GiftRequest) -> dict[str, Any]:
    return {"id": gift.id, "characterName": gift.characterName, "state": gift.state,
            "selectedItem": gift.selectedItem, "reason": gift.reason}


def _decode(raw: bytes, max_depth: int) -> tuple[Any, Response | None]:
    """(payload, None), or (None, a 400 answer) for JSON nested deeper than ``max_depth``.
    A body that is not JSON is kept as ``{"_unparsed": text}`` for the routes to refuse."""
    if not raw:
        return None, None
    try:
        payload = json.loads(raw)
    except RecursionError:
        payload = None
    except (ValueError, UnicodeDecodeError):
        return {"_unparsed": raw.decode("utf-8", "replace")}, None
    else:
        if _depth_within(payload, max_depth):
            return payload, None
    return None, error(400, "invalid_payload", f"JSON nested deeper than {max_depth} levels")


def _depth_within(value: Any, limit: int) -> bool:
    """Whether ``value`` nests at most ``limit`` arrays/objects deep (iterative)."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        children = item.values() if isinstance(item, dict) else (
            item if isinstance(item, list) else None)
        if children is None:
            continue
        if depth > limit:
            return False
        stack.extend((child, depth + 1) for child in children)
    return True


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

