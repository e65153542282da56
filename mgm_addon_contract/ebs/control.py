"""The mock EBS's control API (``/_control/...``): seed and read state, add payouts, inject
faults, read the transcript, set the clock, reset. Over HTTP it is behind a key:
``X-MGM-ControlKey`` when the server has a control key, else the API key in
``X-MGM-ApiKey``."""

from __future__ import annotations

import hmac
from typing import TYPE_CHECKING, Any

from mgm_addon_contract.ebs.state import EbsState

if TYPE_CHECKING:
    from mgm_addon_contract.ebs.service import MockEbs, Response

CONTROL_KEY_HEADER = "x-mgm-controlkey"
MAX_DELAY = 60.0
RETRY_AFTER_MAX = 86_400


def _same(given: str | None, wanted: str) -> bool:
    return given is not None and hmac.compare_digest(given.encode(), wanted.encode())


def authorised(ebs: MockEbs, headers: dict[str, str]) -> Response | None:
    """None when ``headers`` carry the control key (or the API key); else the 401/403."""
    from mgm_addon_contract.ebs.service import API_KEY_HEADER, error

    if ebs.control_key is not None:
        if _same(headers.get(CONTROL_KEY_HEADER), ebs.control_key):
            return None
        return error(401, "unauthorized", "the control API needs X-MGM-ControlKey")
    if ebs.api_key is not None:
        if _same(headers.get(API_KEY_HEADER), ebs.api_key):
            return None
        return error(401, "unauthorized", "the control API needs the X-MGM-ApiKey")
    return error(403, "forbidden", "the control API is closed: the server has neither an API "
                 "key nor a control key")


def control(ebs: MockEbs, method: str, path: str, payload: Any) -> Response:
    """Answer one control request (the caller holds the lock)."""
    from mgm_addon_contract.ebs.service import error

    route = (method, path)
    if route == ("GET", "/_control/state"):
        return 200, ebs.state.to_json()
    if route == ("POST", "/_control/seed"):
        try:
            ebs.state = EbsState.from_json(payload or {})
        except (KeyError, TypeError, AttributeError, ValueError) as exc:
            return error(400, "invalid_payload", f"not a state document ({exc})")
        return 200, ebs.state.to_json()
    if route == ("POST", "/_control/reset"):
        try:
            ebs.state = EbsState.from_json(payload or {})
        except (KeyError, TypeError, AttributeError, ValueError) as exc:
            return error(400, "invalid_payload", f"not a state document ({exc})")
        ebs.faults.clear()
        ebs.transcript.clear()
        ebs.transcript_dropped = 0
        return 200, {"reset": True}
    if route == ("POST", "/_control/payouts"):  # add or replace payouts, keep the rest
        try:
            added = EbsState.from_json({"payouts": (payload or {}).get("payouts", [])})
        except (KeyError, TypeError, AttributeError, ValueError) as exc:
            return error(400, "invalid_payload", f"not a payout list ({exc})")
        ebs.state.payouts.update(added.payouts)
        return 200, {"payouts": len(ebs.state.payouts)}
    if route == ("POST", "/_control/faults"):
        fault = _fault(payload)
        if isinstance(fault, str):
            return error(400, "invalid_payload", fault)
        ebs.faults.append(fault)
        return 200, {"faults": len(ebs.faults)}
    if route == ("DELETE", "/_control/faults"):
        ebs.faults.clear()
        return 200, {"faults": 0}
    if route == ("GET", "/_control/transcript"):
        return 200, [e.to_json() for e in ebs.transcript]
    if route == ("POST", "/_control/clock"):
        if not isinstance(payload, dict) or not isinstance(payload.get("now"), str):
            return error(400, "invalid_payload", 'the clock needs {"now": "<ISO-8601 UTC>"}')
        ebs.state.now = payload["now"]
        return 200, {"now": ebs.state.now}
    return error(404, "not_found", f"no control route {method} {path}")


def _fault(payload: Any):  # noqa: ANN202 - Fault or the reason it is refused
    """A validated Fault: path prefix, status 100-599 and/or delay 0-60 s, count >= 1, and
    for a 429 or 503 an optional ``retry_after`` (whole seconds 0-86400, or a printable
    text of at most 64 characters such as an HTTP date, sent as it is)."""
    from mgm_addon_contract.ebs.service import Fault

    if not isinstance(payload, dict):
        return ('a fault is {"path": "/api/...", "status": 503, "count": 1, "delay": 0, '
                '"retry_after": 2}')
    unknown = sorted(set(payload) - {"path", "status", "count", "delay", "retry_after"})
    if unknown:
        return f"unknown fault field {unknown[0]!r}"
    path, status = payload.get("path"), payload.get("status")
    count, delay = payload.get("count", 1), payload.get("delay", 0)
    retry_after = payload.get("retry_after")
    if not isinstance(path, str) or not path.startswith("/"):
        return "path must be a path prefix starting with /"
    if status is not None and (not _integer(status) or not 100 <= status <= 599):
        return f"status must be an HTTP status 100-599, not {status!r}"
    if not _integer(count) or count < 1:
        return f"count must be an integer >= 1, not {count!r}"
    if isinstance(delay, bool) or not isinstance(delay, int | float) \
            or not 0 <= delay <= MAX_DELAY:
        return f"delay must be 0-{MAX_DELAY:g} seconds, not {delay!r}"
    if status is None and not delay:
        return "a fault needs a status, a delay or both"
    if retry_after is not None:
        if status not in (429, 503):
            return f"retry_after goes with status 429 or 503, not {status!r}"
        if _integer(retry_after):
            if not 0 <= retry_after <= RETRY_AFTER_MAX:
                return f"retry_after must be 0-{RETRY_AFTER_MAX} seconds, not {retry_after}"
        elif not isinstance(retry_after, str) or not 0 < len(retry_after) <= 64 \
                or not all(" " <= c <= "~" for c in retry_after):
            return ("retry_after must be whole seconds or a printable text of at most 64 "
                    f"characters (an HTTP date), not {retry_after!r}")
    return Fault(path, status, count, float(delay), retry_after)


def _integer(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)
