"""The Lua 5.1 state of the headless client: 3.3.5a environment, sandbox, CPU and memory caps.

Only ``lupa.lua51`` is used (the 3.3.5a client embeds Lua 5.1). Addon code reaches Python only
through the API functions and widget methods the client registers; every other door (``python``,
``io``, ``os``, ``debug``, ``require``, binary chunks) is closed by ``_lua/bootstrap.lua``.

Globals: addon code never runs in the Lua state's own global table (lupa reads it outside any
protected call). Every chunk made by :meth:`LuaRuntime.compile`, :meth:`~LuaRuntime.compile_file`
and :meth:`~LuaRuntime.run_trusted` runs in the addon-visible global table (``_G`` there);
:meth:`~LuaRuntime.setglobal`, :meth:`~LuaRuntime.rawglobal` and :meth:`~LuaRuntime.new_widget`
install into and read from that table, raw (no metamethod an addon set runs).
"""

from __future__ import annotations

import functools
import inspect
import locale
import logging
import weakref
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from importlib import resources
from typing import Any

import lupa.lua51 as lua51

from wowapi_stubs import _cpu_watchdog
from wowapi_stubs._bytecode import strip_local_names
from wowapi_stubs._gc_time import gc_time_since
from wowapi_stubs._savedvars import SAVED_TYPES
from wowapi_stubs.errors import WowApiError

_log = logging.getLogger(__name__)

ApiFunction = Callable[..., Any]
ErrorSink = Callable[[str, str, str], None]


@functools.cache
def _lua_source(name: str) -> bytes:
    return resources.files("wowapi_stubs").joinpath("_lua", name).read_bytes()


@functools.cache
def trusted_bytecode(name: str) -> bytes:
    """The client's own Lua file ``_lua/<name>`` compiled once per process, without local
    names (see :mod:`wowapi_stubs._bytecode`); loading it is several times faster than
    parsing the source. Addon code is never loaded from bytecode the client did not make."""
    scratch = lua51.LuaRuntime(encoding=None, register_eval=False, register_builtins=False)
    chunkname = b"=headless-" + name.removesuffix(".lua").encode()
    return strip_local_names(scratch.execute(b"return string.dump(assert(loadstring(...)))",
                                             _lua_source(name), chunkname))


def _trusted_bytecode_from_lua(name: bytes) -> bytes:
    """:func:`trusted_bytecode` for the client's own Lua code, which loads some files on
    first use (names arrive as bytes)."""
    return trusted_bytecode(name.decode())


def _deny_attribute(obj: object, name: object, is_setting: bool) -> object:
    raise AttributeError("Python attributes are not reachable from addon code")


class HostFunctions:
    """The bootstrap's host functions (``P.name``), each fetched from Lua once: reading a field
    of a Lua table from Python costs a call into Lua and a new wrapper object every time."""

    def __init__(self, table: Any) -> None:
        self._table = table

    def __getattr__(self, name: str) -> Any:
        value = self._table[name.encode()]
        if value is None:
            raise AttributeError(name)
        setattr(self, name, value)
        return value


class LuaRuntime:
    """One sandboxed Lua 5.1 state with the host API installed.

    ``api`` maps global names (``"SendMail"``, ``"bit.band"``) to Python callables receiving
    the raw Lua arguments; a widget method ``name`` runs as
    ``getattr(widgets[id], name)(*args)``. A callable raises :class:`WowApiError` to make the
    Lua caller fail at its own file:line.
    """

    def __init__(
        self,
        *,
        api: Mapping[str, ApiFunction],
        widgets: Mapping[int, Any],
        method_names: Iterable[str],
        widget_kinds: Mapping[str, tuple[Iterable[str], Iterable[str], Iterable[str]]],
        resolve_global: Callable[[bytes], Any],
        on_error: ErrorSink,
        cpu_limit_seconds: float,
        memory_limit_bytes: int,
        max_source_bytes: int = 16 * 1024 * 1024,
        lazy_c_names: bytes = b"",
    ) -> None:
        self._lua = lua51.LuaRuntime(
            unpack_returned_tuples=True,
            register_eval=False,
            register_builtins=False,
            encoding=None,
            attribute_filter=_deny_attribute,
            max_memory=memory_limit_bytes,
        )
        self.memory_limit_bytes = memory_limit_bytes
        # Values Python pushes into Lua (arguments, names, tables) are allocated outside
        # Lua's error protection, where running out of memory aborts the process. So Lua
        # calls into Python only while host_reserve of the cap is free, and Python enters
        # Lua only when what it pushes fits (see has_room).
        self.host_reserve = min(HOST_RESERVE, memory_limit_bytes // 8)
        self._entry_limit = memory_limit_bytes - min(ENTRY_SLACK, memory_limit_bytes // 16)
        # A state its addons filled to the cap would refuse every entry, even the one that
        # frees memory: Python may then push beyond the cap, by at most HOST_HEADROOM (the
        # allocator's limit is raised for that entry and lowered again when it returns).
        self._ceiling = memory_limit_bytes + min(HOST_HEADROOM, memory_limit_bytes // 8)
        self._raised = False
        self._entries = 0  # entries into Lua running now (nested through host calls)
        self._other_values = False
        self._resolve_global = resolve_global
        self._api_names = api_names = _name_tuple(api)
        # Looked up on first call: a lazy mapping installs what is used only.
        self._api_source = api
        self._api: list[ApiFunction | None] = [None] * len(self._api_names)
        self._widgets = widgets
        self._method_names = list(method_names)
        self._on_error = on_error
        self._err: Any = None
        self._trusted_results: dict[str, Any] = {}  # see trusted_function
        self._pending: BaseException | None = None
        self.internal_errors: list[str] = []
        self.api_counts: dict[int, int] = {}  # calls by API number (from 0), called ones
        self.method_counts: dict[str, int] = {}
        # Lua holds these callbacks; they refer to this object weakly so that the Lua state
        # and this object form no reference cycle (the state is freed with its owner).
        api_call, method_call, self._widget_call = _host_calls(weakref.proxy(self))
        numbered_names, library_members = _api_name_lists(api_names)
        host = self._lua.table_from(
            {
                b"api_call": api_call,
                b"method_call": method_call,
                b"report_error": functools.partial(LuaRuntime._report_error,
                                                   weakref.proxy(self)),
                b"cpu_limit": float(cpu_limit_seconds),
                b"max_source_bytes": max_source_bytes,
                b"room_limit_kib": (memory_limit_bytes - self.host_reserve) / 1024
                if memory_limit_bytes else -1,
                b"api_names": numbered_names,
                b"api_library_members": library_members,
                b"widget_method": _method_finder(tuple(self._method_names), widget_kinds),
                b"resolve_global": resolve_global,
                b"lazy_c_names": lazy_c_names,
                b"trace_line": getattr(ENTRY_WATCH, "trace_line", None),
                b"trusted_bytecode": _trusted_bytecode_from_lua,
                b"gc_time_since": gc_time_since,
            }
        )
        # The client's own start-up (its Lua files, then the UI) makes data that stays
        # live: the collector runs through it with a long pause (see START_UP_GC_PAUSE).
        start_up_pause = (START_UP_GC_PAUSE if not memory_limit_bytes
                          or memory_limit_bytes >= START_UP_PAUSE_MIN_CAP else None)
        boot = _loaded(self._lua.execute(
            b"local code, pause = ... if pause then collectgarbage('setpause', pause) end"
            b" return loadstring(code)", trusted_bytecode("bootstrap.lua"), start_up_pause))
        self.P = boot(host)
        self._err = self.P.ERR
        self.fn = HostFunctions(self.P)
        self._safecall = self.P.safecall
        self._run_script = self.P.run_script
        self._new_widget = self.P.new_widget
        self._own_method = self.P.own_method
        self._dispatch = self.P.dispatch
        self._get_memory_used = self._lua.get_memory_used
        self.P[b"host_locale_is_8_bit"] = _locale_is_8_bit()
        self.run_trusted("patterns.lua", self.P)
        self.run_trusted("lualib.lua", self.P)
        # Slow C calls in a loop meet the CPU deadline too (see wowapi_stubs._cpu_watchdog).
        watch = _cpu_watchdog.watch(self, self._lua) if cpu_limit_seconds > 0 else None
        if watch is not None:
            self.P.watch_threads(watch.thread_resumed, watch.entry_ended)
        if start_up_pause is not None:
            self.fn.set_gc_pause(GC_PAUSE)

    def run_trusted(self, name: str, *args: Any) -> Any:
        """Run one of the client's own Lua files (``_lua/<name>``) with full rights."""
        code = trusted_bytecode(name)
        if not self.has_room(2 * len(code)):  # the bytecode, and the functions made of it
            raise lua51.LuaMemoryError("not enough memory")
        chunk = _loaded(self.fn.load_trusted(code))
        return chunk(*args)

    def trusted_function(self, name: str) -> Any:
        """The function one of the client's own Lua files returns, run once in this state
        (for a file the host calls into again and again)."""
        found = self._trusted_results.get(name)
        if found is None:
            found = self._trusted_results[name] = self.run_trusted(name)
        return found

    # -- calls from Lua -----------------------------------------------------------------------
    def _failure(self, name: str, exc: BaseException) -> tuple[Any, bytes]:
        """An exception from an API function or widget method, as the Lua error to raise."""
        if isinstance(exc, WowApiError):
            return self._err, exc.message.encode("utf-8", "surrogateescape")
        if isinstance(exc, lupa_errors()):
            # An error raised by Lua code the API called back into (e.g. a hook): re-raise
            # in Lua as a plain message.
            return self._err, str(exc).encode("utf-8", "surrogateescape")
        if not isinstance(exc, Exception):  # KeyboardInterrupt, SystemExit...
            return self._err, self._interrupt(exc)
        if isinstance(exc, MemoryError):  # the host ran out (e.g. an isolation worker's cap):
            return self._err, b"not enough memory"  # as Lua words it, no traceback
        # A bug in the client must not kill the addon: it becomes a Lua error and is logged.
        message = f"internal error in the headless client's {name}: {exc!r}"
        _log.error(message, exc_info=exc)
        self.internal_errors.append(message)
        return self._err, message.encode()

    def _report_error(self, message: Any, traceback: Any, context: Any) -> None:
        try:
            text = (self._bridge_failure(message) if isinstance(message, BaseException)
                    else f"(error object is a {lua_type_name(message)} value)"
                    if lua51.lua_type(message) else to_text(message))
            self._on_error(text, to_text(traceback), to_text(context))
        except BaseException as exc:  # noqa: BLE001 - never reaches Lua as an object
            self._failure("error handler", exc)

    def _bridge_failure(self, exc: BaseException) -> str:
        """A Python exception raised between Lua and a host function (not inside one),
        as the error Lua code meets: the call stack's limit as the client's C stack's."""
        if isinstance(exc, RecursionError):
            return "stack overflow (calls nested too deeply between Lua and the client)"
        if isinstance(exc, MemoryError):
            return "not enough memory"
        if not isinstance(exc, Exception):  # KeyboardInterrupt, SystemExit: raised again
            return self._interrupt(exc).decode()
        message = f"internal error in the headless client's call bridge: {exc!r}"
        self.internal_errors.append(message)
        return message

    def _interrupt(self, exc: BaseException) -> bytes:
        """A ``KeyboardInterrupt`` or ``SystemExit`` reached a host call: the running entry
        is stopped in Lua (every check fails from now on) and the exception is raised again
        in Python when the entry has returned."""
        if self._pending is None:
            self._pending = exc
        self.fn.interrupt(b"interrupted")
        return b"interrupted"

    def _raise_pending(self) -> None:
        pending, self._pending = self._pending, None
        if pending is not None:
            raise pending

    # -- conversions --------------------------------------------------------------------------
    def to_lua(self, value: Any) -> Any:
        """Python value -> Lua value (str -> string, dict/list -> table, widget -> its table)."""
        kind = value.__class__
        if kind is str:
            return value.encode("utf-8", "surrogateescape")
        if kind in _PLAIN_TYPES:
            return value
        if lua51.lua_type(value) is not None:  # already a Lua value (its fields stay its own)
            return value
        if isinstance(value, str):
            return value.encode("utf-8", "surrogateescape")
        if isinstance(value, _SCALAR_TYPES):
            return value
        lua_table = getattr(value, "lua", None)
        if lua_table is not None:
            return lua_table
        if isinstance(value, _CONTAINER_TYPES) and not self.has_room(_table_size(value)):
            raise WowApiError("not enough memory")
        items = _items(value)
        if items is not None:
            if any(isinstance(k, _CONTAINER_TYPES) or isinstance(v, _CONTAINER_TYPES)
                   for k, v in items):
                return self._tables_from(value)
            return self._lua.table_from({self.to_lua(k): self.to_lua(v) for k, v in items})
        # Addon code never receives a Python object (lupa would wrap it as userdata).
        raise TypeError(f"the client passed a Python {type(value).__name__} to Lua")

    def plain_value(self, value: Any, *, table_keys: list[int] | None = None,
                    unsaved: list[Any] | None = None) -> Any:
        """A Lua value as plain Python, tables to any depth: a table with keys 1..n becomes a
        list, another a dict; each table once (one reached twice is the same Python object,
        a cycle stays a cycle); strings become str; functions and userdata stay Lua values.
        An entry whose key is a table has no plain form: it is left out and counted in
        ``table_keys`` when given. With ``unsaved`` given, what a saved variable cannot hold
        (a function, userdata or coroutine as value or key: ``_savedvars``) is left out too,
        its key collected there (a list entry becomes a hole, ``None``)."""
        if lua51.lua_type(value) != "table":
            plain = from_lua(value)
            if unsaved is not None and not isinstance(plain, SAVED_TYPES):
                unsaved.append(None)
                return None
            return plain
        # The walk's lists take room in the state, and Python reads them outside Lua's error
        # protection, where running out aborts the process: the host's walk (it runs no
        # addon code) gets room of its own, at most the cap again (the lists take about what
        # the data takes), and the cap is back before anything else runs.
        if self.memory_limit_bytes:
            self._lua.set_max_memory(self._get_memory_used() + 2 * self.memory_limit_bytes)
            self._raised = True
        try:
            flats = self._table_flats(value)
        except lupa_errors():
            raise WowApiError("not enough memory to read the table") from None
        finally:
            self._lower_limit()
        made: list[Any] = []
        for flat in flats:
            keys = flat[0::4]
            count = len(keys)
            is_list = count > 0 and not any(flat[1::4]) and all(
                k.__class__ is int for k in keys) and set(keys) == set(range(1, count + 1))
            made.append([None] * count if is_list else {})
        for made_one, flat in zip(made, flats, strict=True):
            for at in range(0, len(flat), 4):
                key, key_table, item, item_table = flat[at:at + 4]
                if key_table:
                    if table_keys is not None:
                        table_keys.append(key)
                    continue
                item = made[item - 1] if item_table else from_lua(item)
                if made_one.__class__ is not list:
                    key = from_lua(key)
                if unsaved is not None and not (
                        isinstance(key, SAVED_TYPES)
                        and (item_table or isinstance(item, SAVED_TYPES))):
                    unsaved.append(key)
                    continue
                if made_one.__class__ is list:
                    made_one[key - 1] = item
                else:
                    made_one[key] = item
        return made[0]

    def _table_flats(self, value: Any) -> list[list[Any]]:
        """The entries of every table reachable from ``value`` (see ``P.table_graph``): per
        table, its flat list of key, key-is-table, value, value-is-table."""
        graph = self.fn.table_graph(value)
        return [list(flat.values()) for flat in graph.values()]

    def _tables_from(self, root: Mapping[Any, Any] | list[Any] | tuple[Any, ...]) -> Any:
        """:meth:`to_lua` of a container holding containers: one Lua table per container,
        each made once (a container reached twice is the same table, a cycle stays a
        cycle), to any depth."""
        tables: dict[int, Any] = {}
        order: list[tuple[Any, list[tuple[Any, Any]]]] = []
        pending: list[Any] = [root]
        while pending:
            container = pending.pop()
            if id(container) in tables:
                continue
            tables[id(container)] = self._lua.table()
            items = _items(container) or []
            order.append((container, items))  # holds it: ids stay unique while in use
            pending.extend(x for pair in items for x in pair
                           if isinstance(x, _CONTAINER_TYPES) and id(x) not in tables)
        for container, items in order:
            table = tables[id(container)]
            for key, item in items:
                table[tables[id(key)] if isinstance(key, _CONTAINER_TYPES) else self.to_lua(key)] \
                    = tables[id(item)] if isinstance(item, _CONTAINER_TYPES) else self.to_lua(item)
        return tables[id(root)]

    def to_lua_args(self, values: tuple[Any, ...]) -> list[Any]:
        """:meth:`to_lua` for an argument list: a fast path for short text and numbers; long
        text, bytes and other values go through :meth:`_large_or_other`, which marks the
        list for an exact size check in :meth:`_args_fit`."""
        if len(values) > MAX_RESULTS:  # as many as a call into Lua can carry
            raise WowApiError(f"stack overflow (too many arguments: {len(values):,})")
        small = _SMALL_TYPES
        self._other_values = False
        try:
            return [
                v.encode() if (kind := v.__class__) is str and len(v) < LARGE_VALUE
                else v if kind in small else self._large_or_other(v)
                for v in values
            ]
        except UnicodeEncodeError:  # text holding undecodable bytes (surrogate escapes)
            return [self._large_or_other(v) for v in values]

    def _as_passed(self, values: tuple[Any, ...]) -> tuple[Any, ...]:
        """``values`` as a Python function called from Lua with them receives them: text as
        bytes, numbers as Lua 5.1's doubles come back (an integral one as an ``int``),
        widgets as their tables, containers as Lua tables (:meth:`to_lua`)."""
        passed = []
        for value in values:
            kind = value.__class__
            if kind is str:
                value = value.encode("utf-8", "surrogateescape")
            elif kind is float:
                if value.is_integer():
                    value = int(value)
            elif kind is int:
                if not -_EXACT < value < _EXACT:
                    value = int(float(value))
            elif kind is not bool and kind is not bytes and value is not None:
                value = self.to_lua(value)
            passed.append(value)
        return tuple(passed)

    def _large_or_other(self, value: Any) -> Any:
        self._other_values = True
        if value.__class__ is bytes:
            return value
        return self.to_lua(value)

    def _args_fit(self, values: list[Any]) -> bool:
        """Whether pushing what :meth:`to_lua_args` just returned stays under the cap: short
        values are bounded without measuring them; long ones are counted exactly."""
        if not self._entry_limit:
            return True
        bound = len(values) * (LARGE_VALUE + 64)
        if not self._other_values and self._get_memory_used() + bound <= self._entry_limit:
            return True
        return self.has_room(_pushed_size(values))

    def table(self, value: Mapping[Any, Any] | list[Any] | None = None) -> Any:
        """A new Lua table holding ``value`` converted with :meth:`to_lua`."""
        return self.to_lua(value if value is not None else {})

    # -- entry points -------------------------------------------------------------------------
    def compile(self, code: bytes, chunkname: str) -> tuple[Any, str | None]:
        """Compile source text; returns ``(function, None)`` or ``(None, "file:line: msg")``."""
        if not self.has_room(len(code)):
            return None, _in_chunk(chunkname, "not enough memory")
        try:
            result = self.fn.compile(code, chunkname.encode("utf-8", "surrogateescape"))
        finally:
            self._lower_limit()
        fn, err = result if isinstance(result, tuple) else (result, None)
        if fn is None:
            message = to_text(err)
            if message == "not enough memory":  # the compiler names no place for this one
                message = _in_chunk(chunkname, message)
            return None, message
        return fn, None

    def compile_file(self, code: bytes, chunkname: str) -> tuple[Any, str | None]:
        """:meth:`compile` for an addon file or XML handler, through a process-wide cache of
        compiled chunks.

        The first client to load a file compiles its source; later clients in the process
        load the same compiler output (same chunk name, lines and behaviour) without parsing
        the source again. Errors are never cached: a file that fails to compile is compiled
        (and reported) every time.
        """
        name = chunkname.encode("utf-8", "surrogateescape")
        key = (name, code)
        bytecode = _COMPILED.get(key)
        if bytecode is not None:
            _COMPILED.move_to_end(key)
            if not self.has_room(len(bytecode)):
                return None, _in_chunk(chunkname, "not enough memory")
            try:
                loaded = self.fn.load_trusted(bytecode, name)
            finally:
                self._lower_limit()
            if loaded.__class__ is not tuple:
                return loaded, None
            # (nil, message): e.g. the state's memory cap was reached while loading.
            return None, _in_chunk(chunkname, to_text(loaded[1]))
        fn, error = self.compile(code, chunkname)
        if fn is not None:
            _remember_compiled(key, self.fn.dump(fn))
        return fn, error

    def safecall(self, label: str, fn: Any, *args: Any) -> tuple[bool, tuple[Any, ...]]:
        """Run ``fn(*args)`` as one entry into Lua under the CPU limit and error handler."""
        return self.safecall_lua(label.encode("utf-8", "surrogateescape"), fn,
                                 *self.to_lua_args(args))

    def dispatch(self, event: str, args: tuple[Any, ...]) -> None:
        """Deliver ``event`` to every registered frame's OnEvent (one entry per frame)."""
        name = _EVENT_NAMES.get(event)
        if name is None:
            name = _EVENT_NAMES.setdefault(event, event.encode())
        values = self.to_lua_args(args)
        if not self._args_fit(values):
            self._refuse(f"{event} not delivered")
            return
        self._entries += 1
        try:
            if ENTRY_WATCH is None:
                self._dispatch(name, *values)
            else:
                self._watched(name, self._dispatch, name, *values)
        except lua51.LuaMemoryError:
            self._lost_to_memory(name)
        finally:
            self._entries -= 1
        if self._raised:
            self._lower_limit()
        if self._pending is not None:
            self._raise_pending()

    def run_script(self, label: str, fn: Any, frame: Any, *args: Any
                   ) -> tuple[bool, tuple[Any, ...]]:
        """:meth:`safecall` of a script handler ``fn(frame, *args)`` with the 3.3.5a handler
        globals set around it (``this`` = frame, ``arg1``.. = args)."""
        return self.safecall_lua(label.encode("utf-8", "surrogateescape"), fn, frame,
                                 *self.to_lua_args(args), entry=self._run_script)

    def safecall_lua(self, label: bytes, fn: Any, *args: Any, entry: Any = None
                     ) -> tuple[bool, tuple[Any, ...]]:
        """:meth:`safecall` with a bytes label and arguments already converted to Lua."""
        if not self.has_room(_pushed_size(args)):
            self._refuse(f"{to_text(label)} not run")
            return False, ()
        self._entries += 1
        try:
            call = entry or self._safecall
            results = (call(label, fn, *args) if ENTRY_WATCH is None
                       else self._watched(label, call, label, fn, *args))
        except lua51.LuaMemoryError:
            self._lost_to_memory(label)
            results = False
        finally:
            self._entries -= 1
        if self._raised:
            self._lower_limit()
        if self._pending is not None:
            self._raise_pending()
        if results.__class__ is not tuple:
            return bool(results), ()
        return bool(results[0]), results[1:]

    @staticmethod
    def _watched(label: bytes, call: Any, *args: Any) -> Any:
        """``call(*args)``, an entry into Lua, under the isolation worker's watch if any."""
        watch = ENTRY_WATCH
        if watch is None:
            return call(*args)
        watch.enter(label)
        try:
            return call(*args)
        finally:
            watch.leave()

    def _lost_to_memory(self, label: bytes) -> None:
        """An entry Lua ended outside its own protection for want of memory: Lua 5.1's
        collector, finishing a cycle as a call returned, could not shrink its string table at
        the cap. Recorded as the entry's "not enough memory"; the state's entry bookkeeping
        is reset when no other entry is running."""
        self.collect_garbage()
        if self._entries == 1:
            with self._at_ceiling():
                self.fn.recover_entries()
        self._refuse(f"{to_text(label)} ended")

    # -- the memory cap -----------------------------------------------------------------------
    def has_room(self, extra: int = 0) -> bool:
        """Whether pushing ``extra`` bytes into Lua stays under the cap (with a small slack
        for lupa's own bookkeeping); garbage is collected once before saying no. Python
        checks this before it enters Lua or builds a table there; Lua keeps
        :attr:`host_reserve` free before it calls into Python."""
        if not self.memory_limit_bytes or self._get_memory_used() + extra <= self._entry_limit:
            return True
        self.collect_garbage()
        needed = self._get_memory_used() + extra
        if needed <= self._entry_limit:
            return True
        needed += self.memory_limit_bytes - self._entry_limit  # the same slack above the push
        if needed > self._ceiling:
            return False
        if needed > self._lua.get_max_memory():
            self._lua.set_max_memory(needed)
        self._raised = True
        return True

    def collect_garbage(self) -> None:
        """A full collection of the Lua state. At the cap Lua 5.1's collector itself
        allocates (it shrinks the string table at the end of a cycle) and this call is not a
        protected one, where a failed allocation aborts the process: so the allocator's limit
        is at the ceiling (the cap and its host headroom) while it runs."""
        with self._at_ceiling():
            self._lua.gccollect()

    @contextmanager
    def _at_ceiling(self) -> Iterator[None]:
        """The allocator's limit at the ceiling (the cap and its host headroom) meanwhile."""
        lua = self._lua
        limit = lua.get_max_memory()
        if self.memory_limit_bytes and limit < self._ceiling:
            lua.set_max_memory(self._ceiling)
        try:
            yield
        finally:
            if self.memory_limit_bytes:
                lua.set_max_memory(limit)

    def _lower_limit(self) -> None:
        """Back to the cap after an entry that had to push beyond it (see :meth:`has_room`)."""
        if self._raised:
            self._raised = False
            self._lua.set_max_memory(self.memory_limit_bytes)

    def _refuse(self, what: str) -> None:
        used = self._get_memory_used()
        self._on_error(f"not enough memory: {what} (the Lua state uses {used:,} bytes of its "
                       f"{self.memory_limit_bytes:,}-byte cap)", "", what)

    def memory_used(self) -> int:
        """Bytes currently used by the Lua state."""
        return int(self._lua.get_memory_used())

    def rawglobal(self, name: str) -> Any:
        """The addon-visible global ``name``, read raw (no ``__index`` an addon set runs);
        a global the client makes on first read (see ``resolve_global``) is made now."""
        key = name.encode()
        if not self.has_room(len(key) + 64):
            raise WowApiError(f"not enough memory to read the global {name!r}")
        try:
            value = self.fn.rawglobal(key)
            if value is None:
                found = self._resolve_global(key)
                if found is not None and found is not True:
                    self.fn.setglobal(key, found)
                    value = found
            return value
        finally:
            self._lower_limit()

    def setglobal(self, name: str, value: Any) -> None:
        """Set the addon-visible global ``name`` (raw) to ``value`` converted with
        :meth:`to_lua`."""
        key = name.encode()
        if not self.has_room(len(key) + 64):
            raise WowApiError(f"not enough memory to set the global {name!r}")
        try:
            self.fn.setglobal(key, self.to_lua(value))
        finally:
            self._lower_limit()

    def new_widget(self, kind: str, widget_id: int, name: str | None = None) -> Any:
        """A widget table; a named one also becomes a global (WoW: named frames)."""
        global_name = name.encode("utf-8", "surrogateescape") if name else None
        if not self.has_room(1024 + len(global_name or b"")):
            raise WowApiError("not enough memory")
        return self._new_widget(kind.encode(), widget_id, global_name)

    def own_method(self, widget: Any, name: bytes) -> Any:
        """``widget[name]`` looked up as Lua code would (for the XML loader): ``True`` when
        it is the client's own method (nothing overrides it on the widget, its metatable
        or its kind's method table), else what the lookup found (an addon's function, a
        "not implemented" stub, or None)."""
        return self._own_method(widget, name)

    def call_own_method(self, widget: Any, name: str, args: tuple[Any, ...]
                        ) -> tuple[bool, Any]:
        """``widget:name(*args)`` for a method :meth:`own_method` found to be the client's:
        the Python method runs without the round trip through Lua, with the arguments Lua
        would pass it, counted as a call; ``(True, results as Lua receives them)`` or
        ``(False, the message of the error Lua would raise)``."""
        result = self._widget_call(widget, name, self._as_passed(args))
        if result.__class__ is tuple and result and result[0] is self._err:
            return False, to_text(result[1])
        return True, result

    def widget_id(self, value: Any) -> int | None:
        """The id of the widget ``value`` is (its table, or a table holding its ``[0]``)."""
        return self.fn.widget_id(value)

    def secure_execution(self) -> bool:
        """Whether the Lua code that called into the host runs securely (Blizzard's code and
        the client's own, no addon frame on the way back to the client's entry)."""
        return bool(self.fn.secure_execution())

    def stack_sources(self) -> list[tuple[str, int]]:
        """Lua frames on the stack (innermost first) as ``(source, line)``."""
        flat = self.fn.stack_sources()
        items = [flat[i] for i in range(1, len(flat) + 1)]
        return [(to_text(items[i]), int(items[i + 1])) for i in range(0, len(items), 2)]

    def caller_position(self) -> str:
        return to_text(self.fn.caller_position())

    def touched_apis(self) -> dict[str, int]:
        """Every WoW API and widget method addon code called, with call counts."""
        counts = {to_text(k): int(v) for k, v in self.P.lua_api_counts.items()}
        names = self._api_names
        for index, count in self.api_counts.items():
            counts[names[index]] = counts.get(names[index], 0) + count
        for name, count in self.method_counts.items():
            counts[f":{name}"] = count
        return dict(sorted(counts.items()))

    def reset_counts(self) -> None:
        """Forget the API and widget-method call counts so far."""
        self.api_counts.clear()
        self.method_counts.clear()
        self.fn.reset_counts()

    def set_cpu_limit(self, seconds: float) -> None:
        self.fn.set_cpu_limit(float(seconds))

    @contextmanager
    def addon_load_budget(self) -> Iterator[Callable[[], None]]:
        """While an addon loads on demand from a script (``LoadAddOn``): yields the call
        that starts a file's own CPU deadline; the calling script's remaining time is
        restored afterwards (time spent loading is not the script's)."""
        remaining = self.fn.begin_addon_load()
        try:
            yield self.fn.addon_file_deadline
        finally:
            self.fn.end_addon_load(remaining)

    def is_function(self, value: Any) -> bool:
        return lua51.lua_type(value) == "function"

    def is_table(self, value: Any) -> bool:
        return lua51.lua_type(value) == "table"


LUA_TABLE: type = type(lua51.LuaRuntime(register_eval=False, register_builtins=False).table())
"""The class of the Python objects that stand for Lua tables (each table Lua passes to
Python arrives as a new one; the host's own ``widget.lua`` objects stay the same)."""

ENTRY_WATCH: Any = None
"""Set in an isolation worker (:mod:`wowapi_stubs.isolation`): ``enter(label)`` and
``leave()`` around every entry from Python into Lua, so the watchdog knows what runs; in a
worker locating a crash also ``trace_line(file, line)``, called for every addon line run."""

HOST_RESERVE = 256 * 1024
# Lua's collector pause (how far the heap grows past the live data before a new cycle, in
# percent): Lua 5.1's default, and the one while the client's own Lua start-up runs. That
# start-up (about 250 KiB, nearly all of it kept) would otherwise take the collector through
# it a few times and again while the first addon loads; with the long pause the first cycle
# after start-up begins near 850 KiB instead of near 310 KiB, once (then the default holds;
# the pause is set for the start-up's size: 1000 put it above 1 MiB once the API grew).
# Under a cap below START_UP_PAUSE_MIN_CAP the default holds from the start.
GC_PAUSE = 200
START_UP_GC_PAUSE = 700
START_UP_PAUSE_MIN_CAP = 16 * 1024 * 1024
ENTRY_SLACK = 16 * 1024
HOST_HEADROOM = 64 * 1024  # how far beyond the cap Python may push (see has_room)
LARGE_VALUE = 4 * 1024  # results this long are checked against the cap before the push
# Lua 5.1 holds at most 8,000 values on a C function's stack (LUAI_MAXCSTACK); a function of
# the client returning more (GetRegions of a frame with 9,000 textures) fails in Lua as
# "stack overflow" at its caller, and so does one of ours (a few slots stay for the caller);
# the host passes no more arguments into Lua either.
MAX_RESULTS = 7900
COMPILED_CACHE_SIZE = 8192  # chunks (FrameXML: ~330 files and ~2,000 XML handlers)
COMPILED_CACHE_BYTES = 64 * 1024 * 1024  # their source and bytecode
_COMPILED: OrderedDict[tuple[bytes, bytes], bytes] = OrderedDict()
_compiled_bytes = 0


def _remember_compiled(key: tuple[bytes, bytes], bytecode: bytes) -> None:
    """Keep ``bytecode`` for :meth:`LuaRuntime.compile_file`, least recently used dropped."""
    global _compiled_bytes
    size = len(key[0]) + len(key[1]) + len(bytecode)
    if size > COMPILED_CACHE_BYTES:
        return
    _COMPILED[key] = bytecode
    _compiled_bytes += size
    while len(_COMPILED) > COMPILED_CACHE_SIZE or _compiled_bytes > COMPILED_CACHE_BYTES:
        (name, code), dropped = _COMPILED.popitem(last=False)
        _compiled_bytes -= len(name) + len(code) + len(dropped)
_PLAIN_TYPES = frozenset({bytes, int, float, bool, type(None)})
# (isinstance with a tuple: ``int | float`` would build a new union object at every call.)
_SCALAR_TYPES = (bool, int, float, bytes)
_SEQUENCE_TYPES = (list, tuple)
_CONTAINER_TYPES = (Mapping, list, tuple)
_SMALL_TYPES = frozenset({int, float, bool, type(None)})  # plain values of bounded size
_EVENT_NAMES: dict[str, bytes] = {}
_EXACT = 2**53  # integers a Lua 5.1 number holds exactly


def _host_calls(me: Any) -> tuple[Callable[..., Any], Callable[..., Any], Callable[..., Any]]:
    """The two entries from Lua into Python: ``api_call(idx, ...)`` for API functions and
    ``method_call(idx, widget_id, ...)`` for widget methods; and ``widget_call(widget, name,
    args)``, what ``method_call`` does for a call the host makes itself (see
    :meth:`LuaRuntime.call_own_method`).

    ``me`` is a weak proxy of the :class:`LuaRuntime`: the Lua state keeps these closures
    alive, so they hold nothing that holds the state. Strings, numbers and widgets take a
    fast path back to Lua; everything else goes through :meth:`LuaRuntime.to_lua`.
    """
    api_counts, api_functions, api_names = me.api_counts, me._api, me._api_names
    method_names, method_counts = me._method_names, me.method_counts
    plain = _PLAIN_TYPES
    lua_type = lua51.lua_type

    def one(value: Any) -> Any:
        kind = value.__class__
        if kind is str:
            value = value.encode("utf-8", "surrogateescape")
            kind = bytes
        if kind in plain:
            if kind is bytes and len(value) > LARGE_VALUE and not me.has_room(len(value)):
                raise WowApiError("not enough memory")
            return value
        if lua_type(value) is not None:  # a Lua value: itself, whatever fields it holds
            return value
        lua_table = getattr(value, "lua", None)
        return lua_table if lua_table is not None else me.to_lua(value)

    def to_lua(result: Any) -> Any:  # a tuple is several return values
        if result.__class__ is not tuple:
            return one(result)
        if len(result) > MAX_RESULTS:
            raise WowApiError(f"stack overflow (too many results: {len(result):,})")
        return tuple(one(v) for v in result)

    def api_call(idx: int, *args: Any) -> Any:
        api_counts[idx - 1] = api_counts.get(idx - 1, 0) + 1
        try:
            fn = api_functions[idx - 1]
            if fn is None:
                fn = api_functions[idx - 1] = me._api_source[api_names[idx - 1]]
            result = fn(*args)
            return result if result is None else to_lua(result)
        except BaseException as exc:  # noqa: BLE001 - becomes the Lua error (a string)
            if _too_many_arguments(exc):
                return call_trimmed(api_names[idx - 1], fn, args)
            return me._failure(api_names[idx - 1], exc)

    def method_call(idx: int, widget_id: int, *args: Any) -> Any:
        name = method_names[idx - 1]
        method_counts[name] = method_counts.get(name, 0) + 1
        try:
            result = getattr(me._widgets[widget_id], name)(*args)
            return result if result is None else to_lua(result)
        except BaseException as exc:  # noqa: BLE001 - becomes the Lua error (a string)
            if _too_many_arguments(exc):
                return call_trimmed(name, getattr(me._widgets[widget_id], name), args)
            return me._failure(name, exc)

    def widget_call(widget: Any, name: str, args: tuple[Any, ...]) -> Any:
        """``method_call`` for a widget the host holds: same count, conversions and errors."""
        method_counts[name] = method_counts.get(name, 0) + 1
        try:
            result = getattr(widget, name)(*args)
            return result if result is None else to_lua(result)
        except BaseException as exc:  # noqa: BLE001 - the error Lua would raise
            if _too_many_arguments(exc):
                return call_trimmed(name, getattr(widget, name), args)
            return me._failure(name, exc)

    def call_trimmed(name: str, fn: Callable[..., Any], args: tuple[Any, ...]) -> Any:
        """The client's C functions ignore arguments past their last one
        (``fs:SetText(GameTime_GetTime())`` passes three): call again without them."""
        try:
            result = fn(*args[:_positional_limit(fn)])
            return result if result is None else to_lua(result)
        except BaseException as exc:  # noqa: BLE001 - becomes the Lua error (a string)
            return me._failure(name, exc)

    return api_call, method_call, widget_call


def _too_many_arguments(exc: BaseException) -> bool:
    """Whether ``exc`` is Python refusing a call's extra positional arguments (raised by
    the call itself, not inside the function)."""
    return (exc.__class__ is TypeError and exc.__traceback__ is not None
            and exc.__traceback__.tb_next is None and "positional argument" in str(exc))


def _positional_limit(fn: Callable[..., Any]) -> int:
    """How many positional arguments ``fn`` takes (a large number for ``*args``)."""
    try:
        parameters = inspect.signature(fn).parameters.values()
    except (TypeError, ValueError):
        return 1 << 16
    if any(p.kind is p.VAR_POSITIONAL for p in parameters):
        return 1 << 16
    return sum(p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD) for p in parameters)


@functools.cache
def _name_list(names: Iterable[str]) -> bytes:
    return " ".join(sorted(names)).encode()


def _method_finder(
        method_names: tuple[str, ...],
        kinds: Mapping[str, tuple[Iterable[str], Iterable[str], Iterable[str]]],
) -> Callable[[bytes, bytes], int | None]:
    """``widget_method(kind, name)`` for Lua: the number of the host method ``name`` (its
    place in ``method_names``, from 1) when widgets of ``kind`` have it implemented, 0 when
    the kind has it but the client does not implement it, ``None`` when the kind has no such
    method. A kind's own methods come first, then each parent's in order (inheritance as in
    the API data). Every client passes the same (cached, never modified) mapping, so the
    last finder is kept and reused; a kind's table is built the first time it is asked."""
    global _LAST_FINDER
    if _LAST_FINDER is not None and _LAST_FINDER[0] is kinds \
            and _LAST_FINDER[1] == method_names:
        return _LAST_FINDER[2]
    numbers = {name.encode(): idx for idx, name in enumerate(method_names, 1)}
    specs = {kind.encode(): spec for kind, spec in kinds.items()}
    flat: dict[bytes, dict[bytes, int]] = {}

    def methods_of(kind: bytes, seen: frozenset[bytes] = frozenset()) -> dict[bytes, int]:
        table = flat.get(kind)
        if table is not None:
            return table
        table = {}
        spec = specs.get(kind)
        if spec is not None and kind not in seen:
            parents, implemented, missing = spec
            for parent in reversed(tuple(parents)):  # the first parent wins
                table.update(methods_of(parent.encode(), seen | {kind}))
            table.update((name.encode(), 0) for name in missing)
            table.update((name.encode(), numbers.get(name.encode(), 0))
                         for name in implemented)
        flat[kind] = table
        return table

    def widget_method(kind: bytes, name: bytes) -> int | None:
        try:
            return methods_of(kind).get(name)
        except Exception:  # noqa: BLE001 - called from Lua: never raises there
            return None

    _LAST_FINDER = (kinds, method_names, widget_method)
    return widget_method


_LAST_FINDER: tuple[Any, tuple[str, ...], Callable[[bytes, bytes], int | None]] | None = None


def _name_tuple(api: Mapping[str, ApiFunction]) -> tuple[str, ...]:
    """The API's names in order (the tuple the mapping keeps for every client, if it has
    one: see :class:`wowapi_stubs.api.LazyApi`)."""
    names = getattr(api, "names", None)
    return names if names.__class__ is tuple else tuple(api)


def _api_name_lists(names: tuple[str, ...]) -> tuple[bytes, bytes]:
    """``Name=1 Other=2 ...`` (how Lua finds an API function's number) and the same for
    the library members alone (``bit.band=12 ...``, installed at once). Every client of a
    process passes the same tuple: the last lists are kept for it."""
    global _LAST_NAME_LISTS
    if _LAST_NAME_LISTS is not None and _LAST_NAME_LISTS[0] is names:
        return _LAST_NAME_LISTS[1]
    numbered = [f"{name}={idx}" for idx, name in enumerate(names, 1)]
    lists = (" ".join(numbered).encode(),
             " ".join(entry for entry in numbered if "." in entry.partition("=")[0]).encode())
    _LAST_NAME_LISTS = (names, lists)
    return lists


_LAST_NAME_LISTS: tuple[tuple[str, ...], tuple[bytes, bytes]] | None = None


def _locale_is_8_bit() -> bool:
    """Whether the C library's character classes follow an 8-bit character set (the host's
    ``LC_CTYPE``, which Python sets from the environment): then Lua's lower/upper and
    pattern classes change non-ASCII bytes, and the client maps them to ASCII itself. UTF-8
    and ASCII locales classify every byte over 127 as nothing."""
    try:
        codeset = locale.nl_langinfo(locale.CODESET)
    except (AttributeError, ValueError):
        return True
    return codeset.replace("-", "").upper() not in ("UTF8", "ANSI_X3.41968", "ASCII",
                                                    "USASCII")


def lupa_errors() -> tuple[type[BaseException], ...]:
    return (lua51.LuaError,)


def _in_chunk(chunkname: str, message: str) -> str:
    """``message`` placed in the chunk the way Lua names it (``Addon\\file.lua: ...``)."""
    return f"{chunkname.lstrip('@=')}: {message}"


def _pushed_size(values: Any) -> int:
    """Roughly what pushing ``values`` into Lua allocates (strings dominate)."""
    return 64 * len(values) + len(b"".join([v for v in values if v.__class__ is bytes]))


def _items(value: Any) -> list[tuple[Any, Any]] | None:
    """A Python container's entries as Lua will hold them (sequences from 1), else None."""
    if isinstance(value, Mapping):
        return list(value.items())
    if isinstance(value, _SEQUENCE_TYPES):
        return list(enumerate(value, 1))
    return None


def _table_size(value: Any) -> int:
    """Roughly what the Lua tables made of ``value`` take (each nested container once)."""
    size, seen, pending = 0, set(), [value]
    while pending:
        item = pending.pop()
        if isinstance(item, str | bytes):
            size += 32 + len(item)
            continue
        entries = _items(item) if id(item) not in seen else None
        if entries is None:
            size += 32
            continue
        seen.add(id(item))
        size += 64
        pending.extend(x for pair in entries for x in pair)
    return size


def _loaded(result: Any) -> Any:
    """The function ``loadstring`` made of a client chunk, or its failure raised."""
    if result.__class__ is not tuple:
        return result
    message = to_text(result[1])
    if message == "not enough memory":
        raise lua51.LuaMemoryError(message)
    raise lua51.LuaError(f"cannot load the client's own Lua: {message}")


def lupa_memory_error() -> type[BaseException]:
    """What lupa raises when the Lua state's memory cap is reached outside protected code."""
    return lua51.LuaMemoryError


def lua_type_name(value: Any) -> str:
    """What Lua's ``type`` says of a value that came from Lua."""
    if value is None:
        return "nil"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, bytes | str):
        return "string"
    return lua51.lua_type(value) or type(value).__name__


def to_text(value: Any) -> str:
    """Lua value -> Python text (bytes decoded as UTF-8, invalid bytes kept as escapes).
    Tables, functions and userdata become ``(table value)`` etc.: no ``__tostring`` an
    addon set runs from Python."""
    if isinstance(value, bytes):
        return value.decode("utf-8", "surrogateescape")
    if value is None:
        return ""
    if isinstance(value, bool | int | float | str):
        return str(value)
    return f"({lua_type_name(value)} value)"


def from_lua(value: Any, _depth: int = 0) -> Any:
    """Lua value -> plain Python (strings -> str, tables -> dict or list)."""
    if isinstance(value, bytes):
        return value.decode("utf-8", "surrogateescape")
    if lua51.lua_type(value) == "table" and _depth < 32:
        items = {from_lua(k, _depth + 1): from_lua(v, _depth + 1) for k, v in value.items()}
        if items and all(isinstance(k, int) for k in items) and sorted(items) == list(
            range(1, len(items) + 1)
        ):
            return [items[i] for i in range(1, len(items) + 1)]
        return items
    return value
