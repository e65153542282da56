"""Serving the mock EBS over HTTP (``mgm-contract serve-ebs``) with limits a hostile client
cannot get around: request headers must arrive within ``header_timeout`` seconds of the
first byte (or of the connection), a body within ``body_timeout`` of the headers, headers are
at most ``max_header_bytes``, bodies at most ``max_body_bytes`` (413). Built on uvicorn with
the httptools parser, whose callbacks mark where a request's phases start and end.
"""

from __future__ import annotations

import asyncio
import socket
import threading
from dataclasses import dataclass

import uvicorn
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from mgm_addon_contract.ebs.app import DEFAULT_MAX_BODY, create_app
from mgm_addon_contract.ebs.service import MockEbs


@dataclass(frozen=True)
class Limits:
    max_body_bytes: int = DEFAULT_MAX_BODY
    max_header_bytes: int = 64 << 10
    header_timeout: float = 10.0
    body_timeout: float = 30.0
    keep_alive: float = 5.0


def guarded_protocol(limits: Limits) -> type[asyncio.Protocol]:
    """uvicorn's httptools protocol with header and body deadlines and a header size cap."""

    class Guarded(HttpToolsProtocol):
        _deadline: asyncio.TimerHandle | None = None
        _header_bytes = 0

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            self._arm(limits.header_timeout)

        def connection_lost(self, exc: Exception | None) -> None:
            self._disarm()
            super().connection_lost(exc)

        def on_message_begin(self) -> None:
            super().on_message_begin()
            self._header_bytes = 0
            if self._deadline is None:
                self._arm(limits.header_timeout)

        def on_url(self, url: bytes) -> None:
            self._count(len(url))
            super().on_url(url)

        def on_header(self, name: bytes, value: bytes) -> None:
            self._count(len(name) + len(value))
            super().on_header(name, value)

        def on_headers_complete(self) -> None:
            self._arm(limits.body_timeout)
            super().on_headers_complete()

        def on_message_complete(self) -> None:
            self._disarm()
            super().on_message_complete()

        def _count(self, size: int) -> None:
            self._header_bytes += size
            if self._header_bytes > limits.max_header_bytes:
                self._expire()

        def _arm(self, seconds: float) -> None:
            self._disarm()
            self._deadline = self.loop.call_later(seconds, self._expire)

        def _disarm(self) -> None:
            if self._deadline is not None:
                self._deadline.cancel()
                self._deadline = None

        def _expire(self) -> None:
            self._disarm()
            if not self.transport.is_closing():
                self.transport.close()

    return Guarded


def make_server(ebs: MockEbs, limits: Limits = Limits()) -> uvicorn.Server:
    """A uvicorn server for ``ebs`` (run it with ``server.run(sockets=[...])``)."""
    config = uvicorn.Config(create_app(ebs, max_body_bytes=limits.max_body_bytes),
                            http=guarded_protocol(limits), lifespan="off", access_log=False,
                            log_level="warning", timeout_keep_alive=int(limits.keep_alive) or 1)
    return uvicorn.Server(config)


def listen(host: str, port: int) -> socket.socket:
    """A listening TCP socket on ``host:port`` (port 0: any free port); OSError if not."""
    family, kind, proto, _, address = socket.getaddrinfo(host, port,
                                                         type=socket.SOCK_STREAM)[0]
    listener = socket.socket(family, kind, proto)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listener.bind(address)
        listener.listen(2048)
    except OSError:
        listener.close()
        raise
    return listener


class BackgroundServer:
    """The mock EBS on a free loopback port in a thread (tests, benchmarks, replays)."""

    def __init__(self, ebs: MockEbs, limits: Limits = Limits(), host: str = "127.0.0.1"):
        self.ebs = ebs
        self._socket = listen(host, 0)
        self.url = f"http://{host}:{self._socket.getsockname()[1]}"
        self._server = make_server(ebs, limits)
        self._thread = threading.Thread(target=self._server.run,
                                        kwargs={"sockets": [self._socket]}, daemon=True)

    def __enter__(self) -> BackgroundServer:
        self._thread.start()
        started = threading.Event()
        while not self._server.started and self._thread.is_alive():
            started.wait(0.01)
        return self

    def __exit__(self, *_: object) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)
        self._socket.close()
