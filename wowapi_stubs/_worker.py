"""The child side of :mod:`wowapi_stubs.isolation`: limits, the entry status the watchdog
reads, and the job loop (length-prefixed pickles on stdin/stdout)."""

from __future__ import annotations

import ast
import contextlib
import gc
import importlib
import mmap
import os
import pickle
import resource
import sys
import time
from typing import Any

from wowapi_stubs import runtime
from wowapi_stubs._gc_time import last_collection_seconds
from wowapi_stubs.isolation import (
    _ENTRY,
    _ENTRY_AT,
    _LABEL_AT,
    _LABEL_BYTES,
    _LENGTH,
    _MEMORY_EXIT,
    _POSITION_AT,
    _POSITION_BYTES,
    _SEQUENCE,
)


class _EntryStatus:
    """Writes the outermost running Lua entry (label, CPU time at start) for the watchdog;
    when ``tracing``, also the addon file:line running (``trace_line``, called by the Lua
    hook on every addon line), so the parent can say where a crash happened."""

    def __init__(self, status: mmap.mmap, tracing: bool = False) -> None:
        self._status = status
        self._depth = 0
        self._count = 0
        self._sequence = 0  # even: the entry fields are settled (see isolation._SEQUENCE)
        self.trace_line = self._trace_line if tracing else None
        gc.callbacks.append(self._collected)  # after the one timing collections

    def _collected(self, phase: str, info: dict[str, int]) -> None:
        """Python's cycle collector ran (inside a host call): its CPU time is the host's, so
        the running entry's start moves by it, as the client's own deadline does."""
        if phase == "stop" and self._depth > 0:
            count, started, inside = _ENTRY.unpack_from(self._status, _ENTRY_AT)
            if inside:
                self._publish(count, started + last_collection_seconds(), 1)

    def _publish(self, count: int, started: float, inside: int) -> None:
        status = self._status
        self._sequence += 1
        _SEQUENCE.pack_into(status, 0, self._sequence)
        _ENTRY.pack_into(status, _ENTRY_AT, count, started, inside)
        self._sequence += 1
        _SEQUENCE.pack_into(status, 0, self._sequence)

    def _trace_line(self, source: bytes, line: int) -> None:
        position = b"%s:%d" % (source[:_POSITION_BYTES - 12], line)
        self._status[_POSITION_AT:_POSITION_AT + _POSITION_BYTES] = position.ljust(
            _POSITION_BYTES, b"\0")

    def enter(self, label: bytes) -> None:
        self._depth += 1
        if self._depth == 1:
            self._count += 1
            status = self._status
            status[_LABEL_AT:_LABEL_AT + _LABEL_BYTES] = label[:_LABEL_BYTES].ljust(
                _LABEL_BYTES, b"\0")
            self._publish(self._count, time.process_time(), 1)

    def leave(self) -> None:
        self._depth -= 1
        if self._depth == 0:
            self._publish(self._count, 0.0, 0)


def _limit(kind: int, value: int) -> None:
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(kind, (value, value))


def serve(status_path: str, limits: str) -> None:
    """Run jobs until stdin closes."""
    memory_bytes, file_bytes, tracing = ast.literal_eval(limits)
    _limit(resource.RLIMIT_CORE, 0)
    _limit(resource.RLIMIT_AS, memory_bytes)
    _limit(resource.RLIMIT_FSIZE, file_bytes)
    requests = sys.stdin.buffer
    replies = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # what jobs print goes to stderr, never into the replies
    with open(status_path, "r+b") as status_file:
        status = mmap.mmap(status_file.fileno(), 0)
    runtime.ENTRY_WATCH = _EntryStatus(status, tracing)
    while True:
        header = requests.read(_LENGTH.size)
        if len(header) < _LENGTH.size:
            return
        (length,) = _LENGTH.unpack(header)
        reply, fatal = _run(requests.read(length))
        replies.write(_LENGTH.pack(len(reply)) + reply)
        replies.flush()
        if fatal:
            os._exit(_MEMORY_EXIT)


def _run(request: bytes) -> tuple[bytes, bool]:
    try:
        module, qualname, args, kwargs, job_cpu = pickle.loads(request)
        used = resource.getrusage(resource.RUSAGE_SELF)
        spent = used.ru_utime + used.ru_stime
        soft = int(spent + job_cpu) + 1
        resource.setrlimit(resource.RLIMIT_CPU, (soft, resource.RLIM_INFINITY))
        function: Any = importlib.import_module(module)
        for part in qualname.split("."):
            function = getattr(function, part)
        result = function(*args, **kwargs)
        return pickle.dumps(("ok", result)), False
    except MemoryError:
        return pickle.dumps(("memory", "the job ran out of memory")), True
    except Exception as exc:  # noqa: BLE001 - reported to the parent as a failed job
        try:
            return pickle.dumps(("failed", f"{type(exc).__name__}: {exc}")), False
        except Exception:  # noqa: BLE001
            return pickle.dumps(("failed", type(exc).__name__)), False
