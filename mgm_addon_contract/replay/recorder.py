"""Every request a replay makes, with the answer the EBS really gave (also a remote EBS).

Installed as an ``httpx`` response hook on the replay's client, so the consumer's calls and
the Desktop stand-in's are recorded alike; calls that got no answer come from the router.
Entries have the transcript format (key masked); at most ``limit`` are kept, all counted.
"""

from __future__ import annotations

import json
from typing import Any

import httpx

from mgm_addon_contract.ebs.service import API_KEY_HEADER
from mgm_addon_contract.secrets import MASK
from mgm_addon_contract.tail import Attempt

BODY_SHOWN = 4096


class Recorder:
    """A context manager that records the requests of one ``httpx.Client``."""

    def __init__(self, client: httpx.Client, *, limit: int = 100_000) -> None:
        self.client = client
        self.limit = limit
        self.entries: list[dict[str, Any]] = []
        self.total = 0

    def __enter__(self) -> Recorder:
        hooks = self.client.event_hooks
        hooks.setdefault("response", []).append(self._response)
        self.client.event_hooks = hooks
        return self

    def __exit__(self, *_: object) -> None:
        hooks = self.client.event_hooks
        hooks["response"] = [h for h in hooks.get("response", []) if h != self._response]
        self.client.event_hooks = hooks

    def _keep(self, entry: dict[str, Any]) -> None:
        self.total += 1
        if len(self.entries) < self.limit:
            self.entries.append(entry)

    def _response(self, response: httpx.Response) -> None:
        request = response.request
        headers = {k.lower(): (MASK if k.lower() == API_KEY_HEADER else v)
                   for k, v in request.headers.items()
                   if k.lower() in (API_KEY_HEADER, "content-type")}
        self._keep({"method": request.method, "path": request.url.path,
                    "body": _body(request.content), "headers": headers,
                    "status": response.status_code})

    def attempt(self, attempt: Attempt) -> None:
        """A call that got no answer (connection refused, timeout)."""
        if attempt.status is None and attempt.method:
            self._keep({"method": attempt.method, "path": attempt.path, "body": None,
                        "headers": {}, "status": None, "error": attempt.error})


def _body(content: bytes) -> Any:
    if not content:
        return None
    try:
        return json.loads(content)
    except (ValueError, UnicodeDecodeError):
        return {"_unparsed": content[:BODY_SHOWN].decode("utf-8", "replace")}
