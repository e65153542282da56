"""Routing tags to the EBS (SPEC §10) with retries: 5xx, timeouts and connection errors are
retried with exponential backoff and jitter; a 4xx is a final, recorded outcome."""

from __future__ import annotations

import json
import random
import time
from collections.abc import Callable
from dataclasses import dataclass

import httpx

from mgm_addon_contract.grammar import ParsedLine, Tag, TagKind
from mgm_addon_contract.tail.events import EventLog


class RetryLater(Exception):
    """The EBS could not be reached or failed (5xx) after every attempt."""


class UnknownPayout(Exception):
    """An ``[MGM_ACCEPT]`` for a payout the EBS does not list (yet)."""


@dataclass
class Outcome:
    line: int
    tag: str
    correlation_id: str | None
    status: int | None
    result: str  # "ok", "rejected", "skipped", "duplicate"


@dataclass
class RetryPolicy:
    attempts: int = 5
    base_delay: float = 0.5
    max_delay: float = 8.0

    def delay(self, attempt: int, rng: random.Random) -> float:
        """Exponential backoff with full jitter between half and all of the step."""
        step = min(self.max_delay, self.base_delay * 2 ** (attempt - 1))
        return step * (0.5 + rng.random() / 2)


class Router:
    """Turns one tag into its EBS call (SPEC §10)."""

    def __init__(self, client: httpx.Client, events: EventLog, *,
                 policy: RetryPolicy | None = None,
                 sleep: Callable[[float], None] = time.sleep, seed: int = 0) -> None:
        self.client = client
        self.events = events
        self.policy = policy or RetryPolicy()
        self.sleep = sleep
        self.rng = random.Random(seed)
        self.names: dict[str, str] = {}

    def route(self, parsed: ParsedLine) -> Outcome:
        """Make the call for ``parsed.tag``; raises RetryLater or UnknownPayout."""
        tag = parsed.tag
        assert tag is not None
        if tag.kind is TagKind.UPDATE_CHECK:
            self.events.write("tag", parsed, tag, note="update check: no EBS call")
            return Outcome(parsed.line, tag.kind.value, None, None, "skipped")
        method, path, body = self._request(tag)
        status = self._call(parsed, tag, method, path, body)
        return Outcome(parsed.line, tag.kind.value, tag.correlation_id, status,
                       "ok" if status < 400 else "rejected")

    def _request(self, tag: Tag) -> tuple[str, str, bytes | None]:
        if tag.kind is TagKind.WHO:
            return "POST", "/api/roulette/verify-candidate", tag.json_text.encode()
        if tag.kind is TagKind.ACCEPT:
            name = self._winner_name(tag.id)
            body = json.dumps({"characterName": name}, ensure_ascii=False).encode()
            return "POST", f"/api/payouts/{tag.id}/confirm-acceptance", body
        if tag.kind is TagKind.CONFIRM:
            return "PATCH", f"/api/payouts/{tag.id}/status", b'{"status":"Sent"}'
        if tag.kind is TagKind.GIFT_ACCEPT:
            return "POST", f"/api/gift-requests/{tag.id}/confirm", b"{}"
        # ITEMS: the first listed item is selected (deterministic; the Desktop picks at random)
        items = tag.payload if isinstance(tag.payload, list) else []
        if not items:
            return "PATCH", f"/api/gift-requests/{tag.id}", json.dumps(
                {"state": "Failed", "reason": "no_items_available"}).encode()
        return "POST", f"/api/gift-requests/{tag.id}/select-item", json.dumps(
            items[0], ensure_ascii=False).encode()

    def _winner_name(self, payout_id: str | None) -> str:
        if payout_id not in self.names:
            self.refresh_pending()
        if payout_id not in self.names:
            raise UnknownPayout(payout_id)
        return self.names[payout_id]

    def refresh_pending(self) -> None:
        """Reload ``GET /api/payouts/pending`` (names for confirm-acceptance)."""
        response = self._send("GET", "/api/payouts/pending", None)
        if response.status_code == 200:
            for payout in response.json():
                self.names[payout["id"]] = payout["characterName"]

    def _call(self, parsed: ParsedLine, tag: Tag, method: str, path: str,
              body: bytes | None) -> int:
        for attempt in range(1, self.policy.attempts + 1):
            started = time.monotonic()
            try:
                response = self._send(method, path, body)
                status = response.status_code
            except httpx.TransportError as exc:
                status, problem = None, type(exc).__name__
            else:
                problem = None
            latency = (time.monotonic() - started) * 1000
            self.events.write("request", parsed, tag, method=method, path=path, status=status,
                              attempt=attempt, latency_ms=round(latency, 2), error=problem)
            if status is not None and status < 500:
                self._remember_name(response)
                return status
            if attempt < self.policy.attempts:
                self.sleep(self.policy.delay(attempt, self.rng))
        raise RetryLater(f"{method} {path} failed {self.policy.attempts} times")

    def _remember_name(self, response: httpx.Response) -> None:
        """PayoutDto answers carry the winner's name: keep it for later [MGM_ACCEPT] lines."""
        try:
            data = response.json()
        except ValueError:
            return
        if isinstance(data, dict) and "id" in data and "characterName" in data:
            self.names[str(data["id"])] = str(data["characterName"])

    def _send(self, method: str, path: str, body: bytes | None) -> httpx.Response:
        headers = {"Content-Type": "application/json"} if body is not None else {}
        return self.client.request(method, path, content=body, headers=headers)
