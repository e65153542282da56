"""The mock EBS as an ASGI application: every request is answered by ``MockEbs.respond``.

Bodies larger than ``max_body_bytes`` get 413 (checked on ``Content-Length`` before reading,
and while reading a body without one), so memory stays bounded whatever a client sends.
Injected stalls wait without blocking other connections.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from typing import Any

from mgm_addon_contract.ebs.service import MockEbs, error

Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]
DEFAULT_MAX_BODY = 1 << 20


def create_app(ebs: MockEbs, *, max_body_bytes: int = DEFAULT_MAX_BODY
               ) -> Callable[[Scope, Receive, Send], Awaitable[None]]:
    """An ASGI app serving ``ebs`` (HTTP only; lifespan events are acknowledged)."""

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await _lifespan(receive, send)
            return
        if scope["type"] != "http":
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1")
                   for k, v in scope["headers"]}
        body = await _body(headers, receive, max_body_bytes)
        if body is None:
            await _answer(send, *_too_large(max_body_bytes), close=True)
            return
        status, answer, delay, extra = ebs.respond(scope["method"], scope["path"], headers,
                                                   body)
        if delay:
            await asyncio.sleep(delay)
        await _answer(send, status, answer, extra=extra)

    return app


def _too_large(limit: int) -> tuple[int, Any]:
    return error(413, "payload_too_large", f"request bodies are limited to {limit:,} bytes")


async def _body(headers: dict[str, str], receive: Receive, limit: int) -> bytes | None:
    """The request body, or None when it is (announced as) larger than ``limit``."""
    declared = headers.get("content-length", "")
    if declared and (not declared.isdigit() or int(declared) > limit):
        return None
    body = bytearray()
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return bytes(body)
        body += message.get("body", b"")
        if len(body) > limit:
            return None
        if not message.get("more_body", False):
            return bytes(body)


async def _answer(send: Send, status: int, answer: Any, *, close: bool = False,
                  extra: dict[str, str] | None = None) -> None:
    payload = json.dumps(answer, ensure_ascii=False).encode()
    headers = [(b"content-type", b"application/json"),
               (b"content-length", str(len(payload)).encode())]
    headers += [(k.lower().encode("latin-1"), v.encode("latin-1"))
                for k, v in (extra or {}).items()]
    if close:
        headers.append((b"connection", b"close"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": payload})


async def _lifespan(receive: Receive, send: Send) -> None:
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            await send({"type": "lifespan.shutdown.complete"})
            return
