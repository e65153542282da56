"""Client templates: one loaded client, copied into a child process for each job.

Loading Blizzard's FrameXML takes a second or more; every client starts from the same
point (FrameXML loaded, no addon yet: the 3.3.5a client loads FrameXML before any addon,
then the addons, then logs in). A :class:`ClientTemplate` loads that client once, in this
process, and runs each job in a child process forked from it (POSIX ``fork``): the child
holds a copy-on-write copy of the whole client, Lua state included, so it is ready in
milliseconds, and what the job does (load addons, log in, fire events) changes only its
own copy. Two jobs never see each other's state, and the template's client stays as it was
loaded: each job's client is an independent, faithful client that a fresh
``HeadlessClient(settings)`` would have been.

Each child gets its own temporary WoW folder (chat log, saved variables) and closes it at
the end. Results come back as pickles read with the isolation workers' allowlist of plain
data (:mod:`wowapi_stubs._safe_pickle`); a job that raises or dies comes back as a
:class:`~wowapi_stubs.isolation.Crash`. Jobs run one at a time. Available where
``os.fork`` is (Linux, macOS); the template is explicit: nothing is shared unless a
caller makes one.
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from wowapi_stubs import _safe_pickle
from wowapi_stubs.chatlog import ChatLogWriter
from wowapi_stubs.client import HeadlessClient
from wowapi_stubs.isolation import Crash
from wowapi_stubs.settings import ClientSettings

__all__ = ["ClientTemplate", "JobResult"]

_CHUNK = 1 << 16


class JobResult:
    """What a job returned, and how long its client took to be ready in the child
    (``ready_seconds``: wall time from the request to the job's first line)."""

    __slots__ = ("ready_seconds", "value")

    def __init__(self, value: Any, ready_seconds: float) -> None:
        self.value = value
        self.ready_seconds = ready_seconds


class ClientTemplate:
    """A client loaded once (FrameXML or the built-in UI, no addon), copied for each job.

    ``settings.wow_dir`` must be None: each job's client gets a folder of its own.
    """

    def __init__(self, settings: ClientSettings | None = None) -> None:
        if not hasattr(os, "fork"):
            raise OSError("client templates need os.fork (Linux or macOS)")
        settings = settings or ClientSettings()
        if settings.wow_dir is not None:
            raise ValueError("a client template's jobs each get a WoW folder of their own: "
                             "leave ClientSettings.wow_dir unset")
        self.settings = settings
        self.client = HeadlessClient(settings)

    def run(self, job: Callable[..., Any], *args: Any, **kwargs: Any) -> JobResult | Crash:
        """``job(client, *args, **kwargs)`` in a child process holding a copy of the
        template's client; its result (plain data), or a :class:`Crash` saying why there
        is none."""
        requested = time.perf_counter()
        sys.stdout.flush()
        sys.stderr.flush()
        reader, writer = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: never returns
            os.close(reader)
            _child(self.client, writer, requested, job, args, kwargs)
        os.close(writer)
        with os.fdopen(reader, "rb") as pipe:
            data = pipe.read()
        _, status = os.waitpid(pid, 0)
        return _outcome(data, status)

    def close(self) -> None:
        """Close the template's client (its temporary folder goes)."""
        self.client.close()

    def __enter__(self) -> ClientTemplate:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _child(client: HeadlessClient, writer: int, requested: float, job: Callable[..., Any],
           args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    code = 0
    try:
        _own_folder(client)
        ready = time.perf_counter() - requested
        try:
            reply = pickle.dumps(("ok", job(client, *args, **kwargs), ready))
        finally:
            client.close()
    except BaseException as exc:  # noqa: BLE001 - reported to the parent, never raised here
        reply = pickle.dumps(("failed", f"{type(exc).__name__}: {exc}", 0.0))
        code = 1
    try:
        with os.fdopen(writer, "wb") as pipe:
            for start in range(0, len(reply), _CHUNK):
                pipe.write(reply[start:start + _CHUNK])
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        os._exit(code)


def _own_folder(client: HeadlessClient) -> None:
    """The child's client writes its chat log and saved variables in a folder of its own
    (the template's stays the template's)."""
    enabled = client.chatlog.enabled
    client.wow_dir = Path(tempfile.mkdtemp(prefix="headless-wow-"))
    client.chatlog = ChatLogWriter(client.wow_dir / "Logs" / "WoWChatLog.txt",
                                   client.settings.chatlog_flush)
    client.chatlog.enabled = enabled


def _outcome(data: bytes, status: int) -> JobResult | Crash:
    if os.WIFSIGNALED(status):
        number = os.WTERMSIG(status)
        name = signal.Signals(number).name if number in signal.valid_signals() else str(number)
        return Crash("crashed", f"the job's process was killed by {name}", signal=name)
    try:
        kind, value, ready = _safe_pickle.loads(data)
    except Exception as exc:  # noqa: BLE001 - a broken or unsafe reply
        return Crash("failed", f"the job's result could not be read: {exc}")
    if kind != "ok":
        return Crash("failed", str(value))
    return JobResult(value, float(ready))
