"""The Lua 5.1 state of the headless client: 3.3.5a environment, sandbox, CPU and memory caps.

Only ``lupa.lua51`` is used (the 3.3.5a client embeds Lua 5.1). Addon code reaches Python only
through the API functions and widget methods the client registers; every other door (``python``,
``io``, ``os``, ``debug``, ``require``, binary chunks) is closed by ``_lua/bootstrap.lua``.
"""

from __future__ import annotations

import functools
import logging
import sys
import weakref
from collections.abc import Callable, Iterable, Mapping
from importlib import resources
from typing import Any

import lupa.lua51 as lua51

from wowapi_stubs.errors import WowApiError

_log = logging.getLogger(__name__)

ApiFunction = Callable[..., Any]
ErrorSink = Callable[[str, str, str], None]


@functools.cache
def _lua_source(name: str) -> bytes:
    return resources.files("wowapi_stubs").joinpath("_lua", name).read_bytes()


@functools.cache
def trusted_bytecode(name: str) -> bytes:
    """The client's own Lua file ``_lua/<name>`` compiled once per process (4x faster to
    load than source). Addon code is never loaded from bytecode."""
    scratch = lua51.LuaRuntime(encoding=None, register_eval=False, register_builtins=False)
    chunkname = b"=headless-" + name.removesuffix(".lua").encode()
    return scratch.execute(b"return string.dump(assert(loadstring(...)))", _lua_source(name),
                           chunkname)


def _deny_attribute(obj: object, name: object, is_setting: bool) -> object:
    raise AttributeError("Python attributes are not reachable from addon code")


class LuaRuntime:
    """One sandboxed Lua 5.1 state with the host API installed.

    ``api`` maps global names (``"SendMail"``, ``"bit.band"``) to Python callables receiving
    the raw Lua arguments; ``method`` is called as ``method(widget_id, name, *args)`` for widget
    methods. A callable raises :class:`WowApiError` to make the Lua caller fail at its own
    file:line.
    """

    def __init__(
        self,
        *,
        api: Mapping[str, ApiFunction],
        method: Callable[..., Any],
        method_names: Iterable[str],
        widget_kinds: Mapping[str, tuple[Iterable[str], Iterable[str]]],
        known_missing: Iterable[str],
        on_error: ErrorSink,
        cpu_limit_seconds: float,
        memory_limit_bytes: int,
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
        self._api_names = list(api)
        self._api = [api[name] for name in self._api_names]
        self._method = method
        self._method_names = list(method_names)
        self._on_error = on_error
        self._err: Any = None
        self.internal_errors: list[str] = []
        self.api_counts = [0] * len(self._api_names)
        self.method_counts: dict[str, int] = {}
        # Lua holds these callbacks; they refer to this object weakly so that the Lua state
        # and this object form no reference cycle (the state is freed with its owner).
        me = weakref.proxy(self)
        host = self._lua.table_from(
            {
                b"api_call": functools.partial(LuaRuntime._api_call, me),
                b"method_call": functools.partial(LuaRuntime._method_call, me),
                b"report_error": functools.partial(LuaRuntime._report_error, me),
                b"cpu_limit": float(cpu_limit_seconds),
                b"api_names": " ".join(self._api_names).encode(),
                b"method_names": " ".join(self._method_names).encode(),
                b"widget_kinds": _widget_kind_spec(widget_kinds),
                b"known_missing": _name_list(known_missing),
            }
        )
        boot = self._lua.execute(b"return loadstring(...)", trusted_bytecode("bootstrap.lua"))
        self.P = boot(host)
        self._err = self.P.ERR
        self._safecall = self.P.safecall
        self._new_widget = self.P.new_widget
        self._dispatch = self.P.dispatch
        self._get_memory_used = self._lua.get_memory_used
        self._entries = 0
        self._headroom = int(memory_limit_bytes * 0.9) if memory_limit_bytes else 0
        self.run_trusted("lualib.lua", self.P)
        self.run_trusted("widgets.lua", self.P)

    def run_trusted(self, name: str, *args: Any) -> Any:
        """Run one of the client's own Lua files (``_lua/<name>``) with full rights."""
        chunk = self.P.load_trusted(trusted_bytecode(name))
        return chunk(*args)

    # -- calls from Lua -----------------------------------------------------------------------
    def _api_call(self, idx: int, *args: Any) -> Any:
        self.api_counts[idx - 1] += 1
        return self._guarded(self._api_names[idx - 1], self._api[idx - 1], args)

    def _method_call(self, idx: int, widget_id: int, *args: Any) -> Any:
        name = self._method_names[idx - 1]
        counts = self.method_counts
        counts[name] = counts.get(name, 0) + 1
        try:
            result = self._method(widget_id, name, *args)
        except Exception:  # noqa: BLE001 - the slow path turns it into a Lua error
            return self._guarded(name, _reraise, (sys.exc_info()[1],))
        if result is None:
            return None
        if result.__class__ is tuple:
            return tuple(self.to_lua(value) for value in result)
        return self.to_lua(result)

    def _guarded(self, name: str, fn: Callable[..., Any], args: tuple[Any, ...]) -> Any:
        try:
            result = fn(*args)
        except WowApiError as exc:
            return self._err, exc.message.encode("utf-8", "surrogateescape")
        except lupa_errors() as exc:
            # An error raised by Lua code the API called back into (e.g. a hook): re-raise
            # in Lua as a plain message.
            return self._err, str(exc).encode("utf-8", "surrogateescape")
        except Exception as exc:  # noqa: BLE001 - a bug in the client must not kill the addon
            message = f"internal error in the headless client's {name}: {exc!r}"
            _log.exception(message)
            self.internal_errors.append(message)
            return self._err, message.encode()
        if isinstance(result, tuple):
            return tuple(self.to_lua(value) for value in result)
        return self.to_lua(result)

    def _report_error(self, message: Any, traceback: Any, context: Any) -> None:
        self._on_error(to_text(message), to_text(traceback), to_text(context))

    # -- conversions --------------------------------------------------------------------------
    def to_lua(self, value: Any) -> Any:
        """Python value -> Lua value (str -> string, dict/list -> table, widget -> its table)."""
        kind = value.__class__
        if kind is str:
            return value.encode("utf-8", "surrogateescape")
        if kind in _PLAIN_TYPES:
            return value
        if isinstance(value, str):
            return value.encode("utf-8", "surrogateescape")
        if isinstance(value, bool | int | float | bytes):
            return value
        lua_table = getattr(value, "lua", None)
        if lua_table is not None:
            return lua_table
        if isinstance(value, Mapping):
            return self._lua.table_from({self.to_lua(k): self.to_lua(v) for k, v in value.items()})
        if isinstance(value, list | tuple):
            return self._lua.table_from({i + 1: self.to_lua(v) for i, v in enumerate(value)})
        return value

    def to_lua_args(self, values: tuple[Any, ...]) -> list[Any]:
        """:meth:`to_lua` for an argument list (fast path for strings and numbers)."""
        plain = _PLAIN_TYPES
        return [
            v.encode("utf-8", "surrogateescape") if v.__class__ is str
            else v if v.__class__ in plain else self.to_lua(v)
            for v in values
        ]

    def table(self, value: Mapping[Any, Any] | list[Any] | None = None) -> Any:
        """A new Lua table holding ``value`` converted with :meth:`to_lua`."""
        return self.to_lua(value if value is not None else {})

    # -- entry points -------------------------------------------------------------------------
    def compile(self, code: bytes, chunkname: str) -> tuple[Any, str | None]:
        """Compile source text; returns ``(function, None)`` or ``(None, "file:line: msg")``."""
        result = self.P.compile(code, chunkname.encode("utf-8", "surrogateescape"))
        fn, err = result if isinstance(result, tuple) else (result, None)
        if fn is None:
            return None, to_text(err)
        return fn, None

    def safecall(self, label: str, fn: Any, *args: Any) -> tuple[bool, tuple[Any, ...]]:
        """Run ``fn(*args)`` as one entry into Lua under the CPU limit and error handler."""
        return self.safecall_lua(label.encode("utf-8", "surrogateescape"), fn,
                                 *self.to_lua_args(args))

    def dispatch(self, event: str, args: tuple[Any, ...]) -> None:
        """Deliver ``event`` to every registered frame's OnEvent (one entry per frame)."""
        self._entries += 1
        if self._headroom and not self._entries & 31 and self._get_memory_used() > self._headroom:
            self._lua.gccollect()
        name = _EVENT_NAMES.get(event)
        if name is None:
            name = _EVENT_NAMES.setdefault(event, event.encode())
        plain = _PLAIN_TYPES
        self._dispatch(name, *[
            v.encode("utf-8", "surrogateescape") if v.__class__ is str
            else v if v.__class__ in plain else self.to_lua(v)
            for v in args
        ])

    def safecall_lua(self, label: bytes, fn: Any, *args: Any) -> tuple[bool, tuple[Any, ...]]:
        """:meth:`safecall` with a bytes label and arguments already converted to Lua."""
        self._entries += 1
        if self._headroom and not self._entries & 31 and self._get_memory_used() > self._headroom:
            # Close to the cap: collect first so an entry does not fail for mere garbage.
            self._lua.gccollect()
        results = self._safecall(label, fn, *args)
        if results.__class__ is not tuple:
            return bool(results), ()
        return bool(results[0]), results[1:]

    def memory_used(self) -> int:
        """Bytes currently used by the Lua state."""
        return int(self._lua.get_memory_used())

    def rawglobal(self, name: str) -> Any:
        return self.P.rawglobal(name.encode())

    def setglobal(self, name: str, value: Any) -> None:
        self.P.setglobal(name.encode(), self.to_lua(value))

    def new_widget(self, kind: str, widget_id: int, name: str | None = None) -> Any:
        """A widget table; a named one also becomes a global (WoW: named frames)."""
        global_name = name.encode("utf-8", "surrogateescape") if name else None
        return self._new_widget(kind.encode(), widget_id, global_name)

    def widget_id(self, value: Any) -> int | None:
        return self.P.widget_id(value)

    def stack_sources(self) -> list[tuple[str, int]]:
        """Lua frames on the stack (innermost first) as ``(source, line)``."""
        flat = self.P.stack_sources()
        items = [flat[i] for i in range(1, len(flat) + 1)]
        return [(to_text(items[i]), int(items[i + 1])) for i in range(0, len(items), 2)]

    def caller_position(self) -> str:
        return to_text(self.P.caller_position())

    def touched_apis(self) -> dict[str, int]:
        """Every WoW API and widget method addon code called, with call counts."""
        counts = {to_text(k): int(v) for k, v in self.P.lua_api_counts.items()}
        for name, count in zip(self._api_names, self.api_counts, strict=True):
            if count:
                counts[name] = counts.get(name, 0) + count
        for name, count in self.method_counts.items():
            counts[f":{name}"] = count
        return dict(sorted(counts.items()))

    def set_cpu_limit(self, seconds: float) -> None:
        self.P.set_cpu_limit(float(seconds))

    def is_function(self, value: Any) -> bool:
        return lua51.lua_type(value) == "function"

    def is_table(self, value: Any) -> bool:
        return lua51.lua_type(value) == "table"


_PLAIN_TYPES = frozenset({bytes, int, float, bool, type(None)})
_EVENT_NAMES: dict[str, bytes] = {}


def _reraise(exc: BaseException) -> None:
    raise exc


@functools.cache
def _name_list(names: Iterable[str]) -> bytes:
    return " ".join(sorted(names)).encode()


def _widget_kind_spec(kinds: Mapping[str, tuple[Iterable[str], Iterable[str]]]) -> bytes:
    return ";".join(
        f"{kind} {' '.join(methods)} | {' '.join(missing)}"
        for kind, (methods, missing) in kinds.items()
    ).encode()


def lupa_errors() -> tuple[type[BaseException], ...]:
    return (lua51.LuaError,)


def to_text(value: Any) -> str:
    """Lua value -> Python text (bytes decoded as UTF-8, invalid bytes kept as escapes)."""
    if isinstance(value, bytes):
        return value.decode("utf-8", "surrogateescape")
    if value is None:
        return ""
    return str(value)


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
