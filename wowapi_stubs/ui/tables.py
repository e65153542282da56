"""FrameXML's global data tables in the built-in UI (``StaticPopupDialogs`` entries,
``UIPARENT_MANAGED_FRAME_POSITIONS``, ``UnitPopupButtons``...), made in a client the first
time one is read, and the fields FrameXML's code sets on its named frames at load
(``SpellBookFrame.bookType``, ``ContainerFrame1.bags``), set on a stand-in when it is made.

The API data records what FrameXML's Lua leaves in each such table at load (numbers,
booleans, token-like strings, nested tables; no player-facing text): addons read these at
load (Postal copies ``StaticPopupDialogs.SET_GUILDMOTD.OnHide``, Titan reads
``UIPARENT_MANAGED_FRAME_POSITIONS.CONTAINER_OFFSET_Y``). A global FrameXML stores as is
(``button1 = ACCEPT``) reads as this client's value of it; a function FrameXML stores is a
function that fails, when called, with "FrameXML's StaticPopupDialogs.X.OnAccept is not
modelled by the built-in UI" at the caller's file:line (hooking or copying it works, as
in the client).
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING, Any

from wowapi_stubs._caching import cache_known
from wowapi_stubs.surface import load_surface

if TYPE_CHECKING:
    from wowapi_stubs.client import HeadlessClient


def has_table(name: str) -> bool:
    """Whether FrameXML defines global ``name`` as a data table."""
    return name in load_surface().framexml_tables


def framexml_table(client: HeadlessClient, name: str) -> Any:
    """A new Lua table holding FrameXML's data table ``name`` in ``client``, or ``None``."""
    spec = _spec(name)
    if spec is None:
        return None
    table = client.runtime.to_lua(spec)
    return _convert(client.runtime)(table, name.encode())


def lazy_entries(client: HeadlessClient, table: Any, name: str) -> None:
    """Give Lua table ``table`` the entries of FrameXML's table ``name``, each made the first
    time it is read (``StaticPopupDialogs.SET_GUILDMOTD``); an entry the table holds stays.
    ``pairs`` sees an entry once it was read."""
    spec = _spec(name)
    if spec is None:
        return
    runtime_ref = weakref.ref(client.runtime)  # the Lua state holds build: no cycle

    def build(key: bytes) -> Any:
        runtime = runtime_ref()
        if runtime is None:
            return None
        entry = spec.get(key.decode("utf-8", "surrogateescape"))
        if not isinstance(entry, dict):
            return entry
        return _convert(runtime)(runtime.to_lua(entry), f"{name}.".encode() + key)

    _convert(client.runtime)(table, name.encode(), None, build)


def set_frame_fields(client: HeadlessClient, widget: Any) -> None:
    """Set on FrameXML stand-in ``widget`` the fields FrameXML's code gives that frame at
    load (a field the frame already holds is kept)."""
    spec = _frame_spec(widget.name) if widget.name else None
    if spec is None:
        return
    plain = _plain_fields(widget.name)
    if plain is not None:  # numbers, booleans and words only: set as they are, in one call
        client.runtime.fn.set_new_fields(widget.lua, *plain)
        return
    table = client.runtime.to_lua(spec)
    _convert(client.runtime)(table, widget.name.encode(), widget.lua)


def _convert(runtime: Any) -> Any:
    """``_lua/ui_tables.lua``'s function in ``runtime`` (its markers turned into values)."""
    return runtime.trusted_function("ui_tables.lua")


@cache_known(lambda: load_surface().framexml_frame_fields)
def _frame_spec(name: str) -> dict[Any, Any] | None:
    found = load_surface().framexml_frame_fields.get(name)
    return None if found is None else _with_keys(found)


@cache_known(lambda: load_surface().framexml_frame_fields)
def _plain_fields(name: str) -> tuple[Any, ...] | None:
    """The frame's fields as ``key, value, key, value...`` when every value is a number, a
    boolean or a string that is no marker (no conversion in Lua needed), else ``None``."""
    spec = _frame_spec(name) or {}
    flat: list[Any] = []
    for key, value in spec.items():
        if isinstance(value, str):
            if value.startswith("\0"):
                return None
            value = value.encode("utf-8", "surrogateescape")
        elif not isinstance(value, (bool, int, float)):
            return None
        flat += (key.encode("utf-8", "surrogateescape") if isinstance(key, str) else key, value)
    return tuple(flat)


@cache_known(lambda: load_surface().framexml_tables)
def _spec(name: str) -> dict[Any, Any] | None:
    found = load_surface().framexml_tables.get(name)
    return None if found is None else _with_keys(found)


def _with_keys(value: Any) -> Any:
    """The data's table with its ``"#n"`` keys as numbers."""
    if not isinstance(value, dict):
        return value
    return {(_number(key[1:]) if key[:1] == "#" else key): _with_keys(item)
            for key, item in value.items()}


def _number(text: str) -> int | float:
    number = float(text)
    return int(number) if number.is_integer() else number
