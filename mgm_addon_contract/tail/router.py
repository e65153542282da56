"""Tags to EBS calls (SPEC §10) and what each answer means for the consumer.

One attempt per call; the consumer decides about retries. Every answer falls in one class:

- ``ok``: 2xx, done.
- ``rejected``: 400 / 409 / 410 / 422 (invalid, already done or out of sequence, SPEC §5):
  final, recorded and reported.
- ``deferred``: 404 for a payout or gift the EBS does not know (yet), or an ``[MGM_ACCEPT]``
  whose payout ``GET /api/payouts/pending`` does not list: retried with back-off until a TTL.
- ``retry``: 408, 429, 5xx, timeouts and connection errors: retried with back-off and jitter,
  without limit.
- ``fatal``: 401 / 403 (the API key), redirects, a missing route and any other 4xx, and a
  pending list that is not a JSON list (the URL is not an EBS): the consumer stops with a
  clear error; nothing after the line is marked done.

Payout and gift ids are routed in canonical lower case (the EBS parses them as GUIDs).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import httpx

from mgm_addon_contract.grammar import ParsedLine, Tag, TagKind
from mgm_addon_contract.tail.events import EventLog
from mgm_addon_contract.tail.registry import Key, Registry

OK, REJECTED, DEFERRED, RETRY, FATAL = "ok", "rejected", "deferred", "retry", "fatal"
RETRY_AFTER_MAX = 600.0  # seconds: the longest Retry-After honoured (a hostile value is cut)
PENDING_PATH = "/api/payouts/pending"
NOT_LISTED = "payout not listed by GET /api/payouts/pending yet"


def dedupe_key(tag: Tag) -> Key:
    """Identity for at-most-once handling, with the id in canonical lower case."""
    kind, ident = tag.dedup_key
    return (kind, ident.lower())


DECISIONS = frozenset({400, 409, 410, 422})  # the EBS's answers about a tag (SPEC §5)


def classify(status: int | None, *, has_id: bool) -> str:
    """The outcome class of an answer (``status`` None: no answer at all).

    Only the EBS's own decisions about a tag (400 invalid or out of sequence, 409 conflict
    or already done, 410, 422) are final rejections. Any other 4xx (405 method not allowed,
    415, 413, ...) says the server does not speak the EBS's routes at all (a wrong
    ``--ebs`` URL, a proxy): fatal, so that no tag is marked done on its word."""
    if status is None or status in (408, 429) or status >= 500:
        return RETRY
    if 200 <= status < 300:
        return OK
    if status == 404:
        return DEFERRED if has_id else FATAL
    return REJECTED if status in DECISIONS else FATAL


@dataclass
class Attempt:
    """One call and its class; ``error`` names a transport failure or the reason."""

    kind: str
    method: str
    path: str
    status: int | None
    outcome: str
    error: str | None = None
    latency_ms: float = 0.0


@dataclass
class Outcome:
    """What finally happened to one tag line."""

    line: int
    tag: str
    correlation_id: str | None
    status: int | None
    result: str  # ok, rejected, deferred, unresolved, duplicate, skipped
    source: str = ""
    attempts: int = 1


class Router:
    """Makes the EBS call for one tag (SPEC §10) through an ``httpx.Client``."""

    def __init__(self, client: httpx.Client, events: EventLog, *,
                 on_request: Callable[[Attempt], None] | None = None) -> None:
        self.client = client
        self.events = events
        self.on_request = on_request
        self.registry: Registry = Registry()  # the consumer shares its own
        self.reachable: bool | None = None
        self.problem: str | None = None
        self.requests = 0
        self.retry_after: float | None = None  # the last answer's Retry-After, in seconds
        self._pending_fresh = False

    def new_poll(self) -> None:
        """A new poll may reload the pending list once."""
        self._pending_fresh = False

    # -- one tag -------------------------------------------------------------------------
    def route(self, parsed: ParsedLine) -> Attempt:
        tag = parsed.tag
        assert tag is not None
        if tag.kind is TagKind.UPDATE_CHECK:
            return Attempt(tag.kind.value, "", "", None, "skipped")
        ident = tag.id.lower() if tag.id else None
        if tag.kind is TagKind.ACCEPT:
            name = self.registry.names.get(ident or "")
            if name is None:
                refreshed = self.refresh_pending(parsed, tag)
                if refreshed is not None:
                    return refreshed
                name = self.registry.names.get(ident or "")
            if name is None:
                return Attempt(tag.kind.value, "POST", f"/api/payouts/{ident}/"
                               "confirm-acceptance", None, DEFERRED, NOT_LISTED)
            body = json.dumps({"characterName": name}, ensure_ascii=False).encode()
            return self._call(parsed, tag, "POST", f"/api/payouts/{ident}/confirm-acceptance",
                              body)
        method, path, body = _request(tag, ident)
        return self._call(parsed, tag, method, path, body)

    def refresh_pending(self, parsed: ParsedLine | None = None,
                        tag: Tag | None = None) -> Attempt | None:
        """Reload ``GET /api/payouts/pending`` (winner names for confirm-acceptance), at
        most once per poll; an Attempt when the reload itself failed."""
        if self._pending_fresh:
            return None
        attempt, response = self._send(parsed, tag, "GET", PENDING_PATH, None, has_id=False)
        if attempt.outcome != OK:
            return attempt
        try:
            payouts = response.json() if response is not None else []
        except ValueError:
            payouts = None
        if not isinstance(payouts, list):
            attempt.outcome, attempt.error = FATAL, "the answer is not a JSON list of payouts"
            self.problem = _problem(attempt)
            return attempt
        self._pending_fresh = True
        for payout in payouts:
            if isinstance(payout, dict) and "id" in payout and "characterName" in payout:
                self.registry.remember_name(str(payout["id"]).lower(),
                                            str(payout["characterName"]))
        return None

    def _call(self, parsed: ParsedLine, tag: Tag, method: str, path: str,
              body: bytes | None) -> Attempt:
        attempt, response = self._send(parsed, tag, method, path, body,
                                       has_id=tag.kind is not TagKind.WHO)
        if response is not None and attempt.outcome == OK:
            self._remember_name(response)
        return attempt

    def _send(self, parsed: ParsedLine | None, tag: Tag | None, method: str, path: str,
              body: bytes | None, *, has_id: bool) -> tuple[Attempt, httpx.Response | None]:
        headers = {"Content-Type": "application/json"} if body is not None else {}
        kind = tag.kind.value if tag else "probe"
        started = time.monotonic()
        response, status, error = None, None, None
        try:
            response = self.client.request(method, path, content=body, headers=headers)
            status = response.status_code
        except httpx.UnsupportedProtocol as exc:
            error = f"unsupported URL ({exc})"
        except httpx.RequestError as exc:
            error = type(exc).__name__
        if error is None:
            outcome = classify(status, has_id=has_id)
        else:
            outcome = FATAL if error.startswith("unsupported") else RETRY
        attempt = Attempt(kind, method, path, status, outcome, error or _reason(response),
                          round((time.monotonic() - started) * 1000, 2))
        self.requests += 1
        self.retry_after = retry_after(response)
        self.reachable = status is not None
        self.problem = None if outcome in (OK, REJECTED, DEFERRED) else _problem(attempt)
        self.events.write("request", parsed, tag, method=method, path=path, status=status,
                          outcome=outcome, latency_ms=attempt.latency_ms, error=error)
        if self.on_request is not None:
            self.on_request(attempt)
        return attempt, response

    def _remember_name(self, response: httpx.Response) -> None:
        """PayoutDto answers carry the winner's name: keep it for later [MGM_ACCEPT] lines."""
        try:
            data = response.json()
        except ValueError:
            return
        if isinstance(data, dict) and "id" in data and "characterName" in data:
            self.registry.remember_name(str(data["id"]).lower(), str(data["characterName"]))


def _request(tag: Tag, ident: str | None) -> tuple[str, str, bytes | None]:
    if tag.kind is TagKind.WHO:
        return "POST", "/api/roulette/verify-candidate", (tag.json_text or "").encode()
    if tag.kind is TagKind.CONFIRM:
        return "PATCH", f"/api/payouts/{ident}/status", b'{"status":"Sent"}'
    if tag.kind is TagKind.GIFT_ACCEPT:
        return "POST", f"/api/gift-requests/{ident}/confirm", b"{}"
    # ITEMS: the first listed item is selected (deterministic; the Desktop picks at random)
    items = tag.payload if isinstance(tag.payload, list) else []
    if not items:
        return "PATCH", f"/api/gift-requests/{ident}", json.dumps(
            {"state": "Failed", "reason": "no_items_available"}).encode()
    return "POST", f"/api/gift-requests/{ident}/select-item", json.dumps(
        items[0], ensure_ascii=False).encode()


def retry_after(response: httpx.Response | None) -> float | None:
    """Seconds a 429 or 503 answer asks the client to wait (``Retry-After``: delay
    seconds or an HTTP date; RFC 9110 §10.2.3), at most :data:`RETRY_AFTER_MAX`; None
    when the answer gives none or an unreadable one."""
    if response is None or response.status_code not in (429, 503):
        return None
    value = response.headers.get("retry-after", "").strip()
    if value.isdigit():
        seconds = float(value)
    else:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        seconds = (when - datetime.now(UTC)).total_seconds()
    return min(max(seconds, 0.0), RETRY_AFTER_MAX)


def _reason(response: httpx.Response | None) -> str | None:
    """The EBS's error code (SPEC §5 error model) of a non-2xx answer."""
    if response is None or response.status_code < 300:
        return None
    try:
        data = response.json()
    except ValueError:
        return None
    return str(data.get("code")) if isinstance(data, dict) and data.get("code") else None


def _problem(attempt: Attempt) -> str:
    what = attempt.error or (f"HTTP {attempt.status}" if attempt.status else "no answer")
    if attempt.status is not None:
        what = f"HTTP {attempt.status}" + (f" {attempt.error}" if attempt.error else "")
    return f"{attempt.method} {attempt.path}: {what}"
