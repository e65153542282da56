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

import contextlib
import os
import pickle
import select
import shutil
import signal
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from wowapi_stubs import _safe_pickle, runtime
from wowapi_stubs.chatlog import ChatLogWriter
from wowapi_stubs.client import HeadlessClient
from wowapi_stubs.isolation import _LENGTH, Crash, _read_message
from wowapi_stubs.settings import ClientSettings

__all__ = ["ClientTemplate", "JobResult", "Session", "SessionEnded"]

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
            for fd in (reader, *_PARENT_ENDS):
                with contextlib.suppress(OSError):
                    os.close(fd)
            _child(self.client, writer, requested, job, args, kwargs)
        os.close(writer)
        with os.fdopen(reader, "rb") as pipe:
            data = pipe.read()
        _, status = os.waitpid(pid, 0)
        return _outcome(data, status)

    @classmethod
    def adopt(cls, client: HeadlessClient) -> ClientTemplate:
        """A template of ``client`` as it is now (an addon loaded, logged in...): every
        copy starts from this state. The template owns the client and never runs it."""
        if not hasattr(os, "fork"):
            raise OSError("client templates need os.fork (Linux or macOS)")
        template = cls.__new__(cls)
        template.settings, template.client = client.settings, client
        return template

    def session(self, factory: Callable[..., Any], *args: Any) -> Session:
        """``factory(client, *args)`` made in a child process holding a copy of the
        template's client; :meth:`Session.call` runs its methods there, one at a time,
        until :meth:`Session.close`. For work that goes step by step (a fuzzed run whose
        next step depends on the last answer) rather than as one job."""
        sys.stdout.flush()
        sys.stderr.flush()
        requests_in, requests_out = os.pipe()
        replies_in, replies_out = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: never returns
            for fd in (requests_out, replies_in, *_PARENT_ENDS):
                with contextlib.suppress(OSError):
                    os.close(fd)  # other sessions' ends too: they must see their own EOF
            _serve(self.client, requests_in, replies_out, factory, args)
        os.close(requests_in)
        os.close(replies_out)
        _PARENT_ENDS.update((requests_out, replies_in))
        return Session(pid, os.fdopen(requests_out, "wb"), os.fdopen(replies_in, "rb"))

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
        runtime.ENTRY_WATCH = None  # an isolation worker's entry status is the worker's
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


SESSION_CALL_LIMIT = 300.0
"""Wall seconds one :meth:`Session.call` may take (a fuzzed step, a run's end)."""


def _answer_within(replies: Any, seconds: float) -> bool:
    """Whether the child's answer starts arriving within ``seconds`` (its pipe readable:
    data, or the end of a child that died)."""
    return bool(select.select([replies.fileno()], [], [], seconds)[0])


class SessionEnded(RuntimeError):
    """A session's child process is gone (crashed, killed) or its object raised."""


class Session:
    """An object living in a child process forked from a template (see
    :meth:`ClientTemplate.session`). Arguments go as pickles; answers come back as plain
    data only (the isolation workers' allowlist)."""

    def __init__(self, pid: int, requests: Any, replies: Any) -> None:
        self.pid = pid
        self._requests, self._replies = requests, replies
        self._ended: str | None = None

    def call(self, method: str, *args: Any, limit: float | None = SESSION_CALL_LIMIT) -> Any:
        """``object.method(*args)`` in the child; its result. Raises :class:`SessionEnded`
        when the child is gone, the method raised, or no answer came within ``limit``
        seconds of wall time (the child is then killed: the copy does not run on its own
        watchdog, so a hang below Lua, where no CPU deadline reaches, ends here). The
        session is then over."""
        if self._ended is not None:
            raise SessionEnded(self._ended)
        request = pickle.dumps((method, args))
        try:
            self._requests.write(_LENGTH.pack(len(request)) + request)
            self._requests.flush()
            if limit is not None and not _answer_within(self._replies, limit):
                self._kill()
                self._end(f"no answer to {method} within {limit:g} s of wall time: the copy "
                          "was killed")
            reply = _read_message(self._replies)
        except OSError:
            reply = None
        if reply is None:
            self._end(self._crash())
        try:
            kind, value = _safe_pickle.loads(reply)
        except Exception as exc:  # noqa: BLE001 - a broken or unsafe reply ends the session
            self._end(f"the answer to {method} could not be read: {exc}")
        if kind != "ok":
            self._end(f"{method} raised {value}")
        return value

    def _end(self, why: str) -> None:
        self._ended = why
        self.close()
        raise SessionEnded(why)

    def _kill(self) -> None:
        if self.pid:
            with contextlib.suppress(OSError):
                os.kill(self.pid, signal.SIGKILL)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(self.pid, 0)
            self.pid = 0

    def _crash(self) -> str:
        with contextlib.suppress(ChildProcessError):
            _, status = os.waitpid(self.pid, 0)
            self.pid = 0
            crash = _outcome(b"", status)
            if isinstance(crash, Crash):
                return crash.message
        return "the session's process ended"

    def close(self) -> None:
        """End the child (it removes its folder and exits; killed if it has not within
        :data:`_EXIT_WAIT` seconds)."""
        for stream in (self._requests, self._replies):
            with contextlib.suppress(OSError, ValueError):
                _PARENT_ENDS.discard(stream.fileno())
            with contextlib.suppress(OSError):
                stream.close()
        if self.pid:
            with contextlib.suppress(ChildProcessError):
                deadline = time.monotonic() + _EXIT_WAIT
                while os.waitpid(self.pid, os.WNOHANG) == (0, 0):
                    if time.monotonic() > deadline:
                        self._kill()
                        break
                    time.sleep(0.001)
            self.pid = 0


_PARENT_ENDS: set[int] = set()
"""This process's ends of open sessions' pipes (a new child closes its copies)."""
_EXIT_WAIT = 10.0


def _serve(client: HeadlessClient, requests_fd: int, replies_fd: int,
           factory: Callable[..., Any], args: tuple[Any, ...]) -> None:
    """The child of a session: make the object, answer calls until the parent closes the
    pipe, remove the folder, exit (no clean-up of the copied process state)."""
    code, folder = 0, None
    try:
        _die_with_parent()
        runtime.ENTRY_WATCH = None  # an isolation worker's entry status is the worker's
        _own_folder(client)
        folder = client.wow_dir
        target = factory(client, *args)
        with os.fdopen(requests_fd, "rb") as requests, os.fdopen(replies_fd, "wb") as replies:
            while (request := _read_message(requests)) is not None:
                method, call_args = pickle.loads(request)
                try:
                    reply = pickle.dumps(("ok", getattr(target, method)(*call_args)))
                except Exception as exc:  # noqa: BLE001 - reported to the parent
                    reply = pickle.dumps(("failed", f"{type(exc).__name__}: {exc}"))
                replies.write(_LENGTH.pack(len(reply)) + reply)
                replies.flush()
    except BaseException:  # noqa: BLE001 - the parent sees the pipe close
        code = 1
    finally:
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def _die_with_parent() -> None:
    """Linux: the child is killed if its parent dies (a session never outlives it)."""
    with contextlib.suppress(Exception):
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


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
