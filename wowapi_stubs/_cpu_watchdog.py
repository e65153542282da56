"""A time-driven CPU check for Lua code that spends its time inside C functions.

The CPU limit is a count hook (``_lua/bootstrap.lua``): every ``HOOK_COUNT`` Lua
instructions the hook compares the CPU clock with the entry's deadline. A loop of a few
instructions that each call a slow C function (``s:upper()`` or ``s .. "x"`` on a 30 MB
string, a comparison of two long strings) reaches the next hook only after thousands of
those calls: minutes past the limit. In the 3.3.5a client the same loop freezes the game.

This module's one daemon thread wakes every :data:`INTERVAL` seconds and sets the hook count
of every registered Lua state, and of the coroutines running in it, to 1 (``lua_sethook``,
which Lua allows from another thread: it only stores the hook's fields), so the hook runs at
the next instruction, checks the deadline and puts the count back. A runaway loop then stops
within about one interval and one C call of its limit. lupa releases Python's lock while
Lua runs, so the thread gets to run.

lupa does not expose a runtime's ``lua_State``: its address is read from the runtime
object, at an offset checked once per process against what Lua itself says (a coroutine's
global state, the hook count set from Lua). If anything does not match, the watchdog is
off and :func:`unavailable_reason` says why; the count hook alone then applies.
"""

from __future__ import annotations

import ctypes
import gc
import os
import threading
import weakref
from typing import Any

import lupa.lua51 as lua51

INTERVAL = 0.05
"""Seconds between two pokes: how far past its limit a loop of slow C calls may run."""

_STATE_OFFSET = 24  # lupa's LuaRuntime: PyObject header, vtable pointer, then lua_State *
_LUA_STATE_SIZE = 184  # Lua 5.1 allocates the main lua_State and its global_State together
_L_G_OFFSET = 32  # lua_State.l_G
_PROBE_COUNT = 4321


class _Lib:
    """The Lua C API functions of lupa's Lua 5.1 module that the watchdog calls."""

    def __init__(self) -> None:
        lib = ctypes.CDLL(lua51.__file__)
        self.sethook = lib.lua_sethook
        self.sethook.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int, ctypes.c_int]
        self.gethook = lib.lua_gethook
        self.gethook.argtypes = [ctypes.c_void_p]
        self.gethook.restype = ctypes.c_void_p
        self.gethookmask = lib.lua_gethookmask
        self.gethookmask.argtypes = [ctypes.c_void_p]
        self.gethookcount = lib.lua_gethookcount
        self.gethookcount.argtypes = [ctypes.c_void_p]


def _pointer_at(address: int) -> int:
    return ctypes.c_void_p.from_address(address).value or 0


def _state_of(runtime: Any) -> int:
    """The main ``lua_State *`` of a lupa runtime (layout checked by :func:`_check`)."""
    return _pointer_at(id(runtime) + _STATE_OFFSET)


def _check() -> tuple[_Lib | None, str | None]:
    """Whether this lupa build's layout is the one the watchdog reads: the main state read
    from a runtime object must be the one a coroutine's global state belongs to, and must
    carry the hook count Lua code set."""
    try:
        lib = _Lib()
        probe = lua51.LuaRuntime(encoding=None, register_eval=False, register_builtins=False)
        text = probe.execute(b"probe_thread = coroutine.create(function() end)"
                             b" debug.sethook(function() end, '', %d)"
                             b" return tostring(probe_thread)" % _PROBE_COUNT)
        thread = int(text.split(b"0x", 1)[1], 16) if b"0x" in text else 0
        main = _state_of(probe)
        if not thread or not main or _pointer_at(thread + _L_G_OFFSET) != main + _LUA_STATE_SIZE:
            return None, "this lupa build's runtime layout is not the one the watchdog reads"
        if lib.gethookcount(main) != _PROBE_COUNT:
            return None, "the hook count read back does not match the one Lua set"
        return lib, None
    except (OSError, AttributeError, ValueError, IndexError, lua51.LuaError) as exc:
        return None, f"the Lua C API is not reachable: {exc}"


class Watch:
    """One Lua state under the watchdog: its main thread, and the coroutines resumed in the
    running entry (each kept alive while listed, so no freed state is ever poked)."""

    __slots__ = ("main", "hook", "mask", "threads", "owner")

    def __init__(self, main: int, hook: int, mask: int) -> None:
        self.main, self.hook, self.mask = main, hook, mask
        self.threads: dict[int, Any] = {}
        self.owner: weakref.ref[object] | None = None  # its callback forgets this watch

    def thread_resumed(self, address: float, thread: Any) -> None:
        """Lua resumes the coroutine at ``address`` for the first time in this entry
        (``thread`` keeps it alive while it is listed)."""
        with _LOCK:
            if len(self.threads) < MAX_THREADS:
                self.threads[int(address)] = thread

    def entry_ended(self) -> None:
        """The outermost entry that resumed coroutines ended: none of them runs now."""
        with _LOCK:
            self.threads.clear()


MAX_THREADS = 256
"""Coroutines poked per entry; more are left to the count hook alone."""


_LOCK = threading.Lock()
_WATCHES: dict[int, Watch] = {}
_THREAD: threading.Thread | None = None
_LIB, _UNAVAILABLE = None, None
_CHECKED = False


def unavailable_reason() -> str | None:
    """``None`` when the watchdog can run in this process, else why not."""
    _ensure_checked()
    return _UNAVAILABLE


def _ensure_checked() -> None:
    global _LIB, _UNAVAILABLE, _CHECKED
    if not _CHECKED:
        _LIB, _UNAVAILABLE = _check()
        _CHECKED = True


def watch(owner: object, runtime: Any) -> Watch | None:
    """Put the Lua state of ``runtime`` (a lupa runtime whose CPU hook is armed) under the
    watchdog until ``owner`` is freed; ``None`` when the watchdog is unavailable."""
    _ensure_checked()
    lib = _LIB
    if lib is None or runtime.__class__ is not lua51.LuaRuntime:
        return None
    main = _state_of(runtime)
    hook, mask = lib.gethook(main), lib.gethookmask(main)
    if not main or not hook or not mask:
        return None
    entry = Watch(main, hook, mask)
    key = id(entry)
    # Removed when the owner is freed: before its attributes (the Lua state with them) are.
    entry.owner = weakref.ref(owner, lambda _ref, key=key: _forget(key))
    with _LOCK:
        _WATCHES[key] = entry
        _start_thread()
    return entry


def _forget(key: int) -> None:
    with _LOCK:
        _WATCHES.pop(key, None)


def _start_thread() -> None:
    """Start the daemon thread if it is not running (called with the lock held)."""
    global _THREAD
    if _THREAD is None or not _THREAD.is_alive():
        _THREAD = threading.Thread(target=_run, name="mgm-lua-cpu-watchdog", daemon=True)
        _THREAD.start()


def _run() -> None:
    global _THREAD
    lib = _LIB
    assert lib is not None
    wake = threading.Event()
    while True:
        wake.wait(INTERVAL)
        # No collection may run in this thread while it holds the lock: one could free a
        # watched client, whose callback (_forget) would then wait for this very lock.
        collecting = gc.isenabled()
        if collecting:
            gc.disable()
        try:
            with _LOCK:
                if not _WATCHES:
                    _THREAD = None
                    return
                for entry in _WATCHES.values():
                    lib.sethook(entry.main, entry.hook, entry.mask, 1)
                    for address in entry.threads:
                        lib.sethook(address, entry.hook, entry.mask, 1)
        finally:
            if collecting:
                gc.enable()


def _after_fork_in_child() -> None:
    """A forked child (client templates) has its own copy of every watched state at the
    same addresses, but not the thread, and maybe a lock the thread held: both anew."""
    global _LOCK, _THREAD
    _LOCK = threading.Lock()
    _THREAD = None
    if _WATCHES and _LIB is not None:
        with _LOCK:
            _start_thread()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)
