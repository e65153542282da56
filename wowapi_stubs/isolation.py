"""Worker processes for untrusted addon code: OS limits, a watchdog, crashes reported.

The Lua sandbox stops what runs in Lua; a bug in C (the Lua VM, lupa) or a hang outside
the reach of the CPU hook can still take a process down. A :class:`Worker` runs *jobs*
(an importable function and its arguments) in a separate Python process:

* started with a minimal environment (no inherited secrets), ``LC_ALL=C.UTF-8``; the
  Interface folder of ``MGM_FRAMEXML_DIR`` is passed on, so its clients run FrameXML too;
* address space capped (``RLIMIT_AS``), CPU time per job capped (``RLIMIT_CPU``), no core
  files, file size capped (``RLIMIT_FSIZE``);
* watched from the parent: one entry from Python into Lua that uses more than
  ``entry_cpu_seconds`` of CPU (the client's deadline + 1 s) is ended by killing the
  worker, and so is a job over ``job_wall_seconds``;
* reused across jobs, replaced after a crash.

A crash, a kill or a limit reached comes back as a :class:`Crash` (what happened, the Lua
entry that was running, where in the addon) instead of a result; the parent goes on. To
say where, a job that crashed (a signal) is run once more in a tracing worker (a Lua line
hook writes each addon file:line it runs to shared memory; about 1.4x slower on scenarios):
the last line before it died the same way again is the crash's ``location``. Normal runs
pay nothing for this; a hang keeps the entry as its location (a re-run would double the
wait). Results travel back as pickles read with an allowlist of plain data types
(:mod:`wowapi_stubs._safe_pickle`).
"""

from __future__ import annotations

import contextlib
import dataclasses
import mmap
import os
import pickle
import signal
import struct
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from wowapi_stubs import _safe_pickle

GIB = 1024**3
# The worker writes the running entry while the parent's watchdog reads it, with no lock
# between the processes: a sequence number, odd while the fields are being written, lets the
# reader tell a torn read (a new "in an entry" with an old start time) from a settled one.
_SEQUENCE = struct.Struct("<Q")
_ENTRY = struct.Struct("<QdQ")  # entries so far, CPU time at entry start, in an entry
_ENTRY_AT = _SEQUENCE.size
_LABEL_AT, _LABEL_BYTES = _ENTRY_AT + _ENTRY.size, 512
_POSITION_AT, _POSITION_BYTES = _LABEL_AT + _LABEL_BYTES, 512
_STATUS_BYTES = _POSITION_AT + _POSITION_BYTES
_LENGTH = struct.Struct("<Q")
# MGM_FRAMEXML_DIR: the Interface folder the worker's clients load (``--framexml``).
_KEPT_ENV = ("PATH", "SYSTEMROOT", "TMPDIR", "TEMP", "TMP", "LOCPATH", "MGM_FRAMEXML_DIR")


@dataclass(frozen=True)
class Limits:
    """Limits of one worker (see the module docstring). ``entry_cpu_seconds``: CPU one
    entry into Lua may use before the watchdog ends the worker (set it to the client's
    ``cpu_limit_seconds`` + 1)."""

    memory_bytes: int = 3 * GIB
    job_cpu_seconds: float = 600.0
    job_wall_seconds: float = 900.0
    entry_cpu_seconds: float = 1.5
    file_bytes: int = 2 * GIB


@dataclass(frozen=True)
class Crash:
    """A job that ended without a result: ``kind`` is ``crashed`` (killed by a signal:
    ``signal`` names it), ``hung`` (the watchdog ended it), ``cpu-limit``, ``memory``
    (the address-space cap) or ``failed`` (the job raised; ``message`` says what).
    ``entry``: the Lua entry that was running (``loading Addon\\file.lua``,
    ``Frame:OnEvent(EVENT)``...), ``location``: the addon ``file:line`` running when it
    happened (found by a traced re-run), else the file the entry names, when it does."""

    kind: str
    message: str
    entry: str | None = None
    location: str | None = None
    signal: str | None = None

    def describe(self) -> str:
        where = f" while running {self.entry}" if self.entry else ""
        return f"{self.message}{where}"


class Worker:
    """One worker process; :meth:`run` a job in it (see the module docstring)."""

    def __init__(self, limits: Limits | None = None, *, locate: bool = True,
                 tracing: bool = False) -> None:
        self.limits = limits or Limits()
        self.locate = locate and not tracing  # re-run a crashed job traced, to locate it
        self.tracing = tracing
        self.crashes = 0
        self.last_position: str | None = None  # the traced addon file:line at the last crash
        self.jobs = 0
        self._process: subprocess.Popen[bytes] | None = None
        self._status: mmap.mmap | None = None
        self._status_path: str | None = None

    # -- lifetime -----------------------------------------------------------------------
    def start(self) -> None:
        """Start the process now (otherwise the first job does)."""
        if self._process is not None and self._process.poll() is None:
            return
        self._close_status()
        handle, self._status_path = tempfile.mkstemp(prefix="mgm-worker-")
        os.write(handle, bytes(_STATUS_BYTES))
        os.close(handle)
        with open(self._status_path, "r+b") as status_file:
            self._status = mmap.mmap(status_file.fileno(), _STATUS_BYTES)
        env = {k: v for k, v in os.environ.items() if k in _KEPT_ENV}
        env.update(LC_ALL="C.UTF-8", PYTHONDONTWRITEBYTECODE="1", PYTHONHASHSEED="0")
        boot = ("import sys; sys.path[:0] = sys.argv[1].split(sys.argv[4]); "
                "from wowapi_stubs._worker import serve; serve(sys.argv[2], sys.argv[3])")
        limits = repr((self.limits.memory_bytes, self.limits.file_bytes, self.tracing))
        self._process = subprocess.Popen(
            [sys.executable, "-I", "-c", boot, "\n".join(p for p in sys.path if p),
             self._status_path, limits, "\n"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, close_fds=True)

    def close(self) -> None:
        """Stop the worker (it finishes nothing; call between jobs)."""
        process, self._process = self._process, None
        if process is not None:
            with contextlib.suppress(OSError):
                process.stdin.close()  # type: ignore[union-attr]
            try:
                process.wait(timeout=2)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            with contextlib.suppress(OSError):
                process.stdout.close()  # type: ignore[union-attr]
        self._close_status()

    def _close_status(self) -> None:
        if self._status is not None:
            self._status.close()
            self._status = None
        if self._status_path is not None:
            with contextlib.suppress(OSError):
                os.unlink(self._status_path)
            self._status_path = None

    def __enter__(self) -> Worker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- jobs ---------------------------------------------------------------------------
    def run(self, function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """``function(*args, **kwargs)`` in the worker: its result, or a :class:`Crash`.
        ``function`` must be importable by module and name; arguments are pickled."""
        self.start()
        process = self._process
        assert process is not None and process.stdin is not None and process.stdout is not None
        self.jobs += 1
        job = pickle.dumps((function.__module__, function.__qualname__, args, kwargs,
                            self.limits.job_cpu_seconds))
        watchdog = _Watchdog(self, process)
        watchdog.start()
        try:
            process.stdin.write(_LENGTH.pack(len(job)) + job)
            process.stdin.flush()
            reply = _read_message(process.stdout)
        except (BrokenPipeError, OSError):
            reply = None
        finally:
            watchdog.stop()
        if reply is None:
            crash = self._crashed(process, watchdog.reason)
            if self.locate and crash.signal is not None and crash.kind == "crashed":
                crash = self._located(crash, function, args, kwargs)
            return crash
        try:
            outcome, value = _safe_pickle.loads(reply)
        except Exception as exc:  # noqa: BLE001 - a corrupt or unsafe reply ends the worker
            self.close()
            self.crashes += 1
            return Crash("crashed", f"the worker sent an unreadable result ({exc})")
        if outcome == "ok":
            return value
        if outcome == "memory":  # the worker exits: its state may be damaged
            self.close()
            self.crashes += 1
            return Crash("memory", f"the job ran out of memory (the worker's address space "
                         f"is capped at {self.limits.memory_bytes:,} bytes)")
        return Crash("failed", value)

    def _located(self, crash: Crash, function: Callable[..., Any], args: tuple[Any, ...],
                 kwargs: dict[str, Any]) -> Crash:
        """``crash`` with the addon file:line where a traced re-run of the job ends the same
        way (the entry's CPU limit scaled for the tracing cost); unchanged otherwise."""
        limits = dataclasses.replace(
            self.limits, entry_cpu_seconds=self.limits.entry_cpu_seconds * _TRACE_SLOWDOWN)
        with Worker(limits, tracing=True) as tracer:
            again = tracer.run(function, *args, **kwargs)
            position = tracer.last_position
        if (isinstance(again, Crash) and again.kind == crash.kind
                and again.signal == crash.signal and position):
            return dataclasses.replace(crash, location=position)
        return crash

    def _crashed(self, process: subprocess.Popen[bytes], reason: str | None) -> Crash:
        entry = self._entry()
        self.last_position = self._position()
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=5)
        code = process.poll()
        self.close()
        self.crashes += 1
        location = _location_of(entry)
        if reason is not None:
            return Crash("hung", reason, entry, location)
        if code is not None and code < 0:
            name = signal.Signals(-code).name
            if name == "SIGXCPU":
                return Crash("cpu-limit", f"the job used more than "
                             f"{self.limits.job_cpu_seconds:g} s of CPU", entry, location, name)
            if name == "SIGXFSZ":
                return Crash("crashed", "a file grew past the worker's "
                             f"{self.limits.file_bytes:,}-byte limit", entry, location, name)
            return Crash("crashed", f"the Lua VM crashed ({name})", entry, location, name)
        if code == _MEMORY_EXIT:
            return Crash("memory", "the worker ran out of its "
                         f"{self.limits.memory_bytes:,}-byte address space", entry, location)
        return Crash("crashed", f"the worker exited with status {code}", entry, location)

    def _entry(self) -> str | None:
        status = self._status
        entry = None if status is None else read_entry(status)
        if entry is None or not entry[2]:
            return None
        label = bytes(status[_LABEL_AT:_STATUS_BYTES]).rstrip(b"\0")
        return label.decode("utf-8", "replace") or None

    def _position(self) -> str | None:
        status = self._status
        if status is None:
            return None
        text = bytes(status[_POSITION_AT:_STATUS_BYTES]).rstrip(b"\0")
        return text.decode("utf-8", "replace") or None

    def entry_cpu(self, pid: int) -> tuple[int, float] | None:
        """The running Lua entry (its number) and the CPU seconds it has used (None: no
        entry running, or its fields were being written)."""
        status = self._status
        entry = None if status is None else read_entry(status)
        if entry is None or not entry[2]:
            return None
        used = _process_cpu(pid)
        return None if used is None else (entry[0], used - entry[1])


def read_entry(status: mmap.mmap) -> tuple[int, float, int] | None:
    """The entry fields (entries so far, CPU time at its start, in an entry) as last written
    whole; None when the worker is writing them (a few tries first)."""
    for _ in range(_READ_TRIES):
        (before,) = _SEQUENCE.unpack_from(status, 0)
        fields = _ENTRY.unpack_from(status, _ENTRY_AT)
        (after,) = _SEQUENCE.unpack_from(status, 0)
        if before == after and not before & 1:
            return fields
    return None


_READ_TRIES = 100


_MEMORY_EXIT = 86  # the worker's exit status after a MemoryError outside any job
_TRACE_SLOWDOWN = 8  # a traced run's entries may take this many times the entry CPU limit


class _Watchdog(threading.Thread):
    """Ends the worker when one Lua entry or the whole job runs too long."""

    def __init__(self, worker: Worker, process: subprocess.Popen[bytes]) -> None:
        super().__init__(daemon=True)
        self.worker, self.process = worker, process
        self.reason: str | None = None
        self._done = threading.Event()

    def run(self) -> None:
        limits = self.worker.limits
        started = time.monotonic()
        over: int | None = None  # the entry seen over its limit at the last look
        while not self._done.wait(0.05):
            entry = self.worker.entry_cpu(self.process.pid)
            seen, over = over, None
            if entry is not None and entry[1] > limits.entry_cpu_seconds:
                over = entry[0]
            if over is not None and over == seen:  # the same entry, two looks in a row
                self.reason = (f"hung: one entry into Lua used more than "
                               f"{limits.entry_cpu_seconds:g} s of CPU (the watchdog ended "
                               "the worker)")
            elif time.monotonic() - started > limits.job_wall_seconds:
                self.reason = (f"hung: the job ran past {limits.job_wall_seconds:g} s (the "
                               "watchdog ended the worker)")
            if self.reason is not None:
                with contextlib.suppress(OSError):
                    self.process.kill()
                return

    def stop(self) -> None:
        self._done.set()
        self.join()


def _read_message(stream: Any) -> bytes | None:
    header = stream.read(_LENGTH.size)
    if len(header) < _LENGTH.size:
        return None
    (length,) = _LENGTH.unpack(header)
    data = stream.read(length)
    return data if len(data) == length else None


def _process_cpu(pid: int) -> float | None:
    """User + system CPU seconds of process ``pid`` (Linux ``/proc``; None elsewhere)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            fields = handle.read().rsplit(b")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _location_of(entry: str | None) -> str | None:
    """The addon file an entry label names (``loading Addon\\file.lua``)."""
    if entry and entry.startswith("loading "):
        return entry[len("loading "):]
    return None
