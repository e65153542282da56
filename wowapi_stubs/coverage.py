"""How much of the 3.3.5a API surface the headless client implements, computed from the
code (what a fresh client registers), and which names an addon's code uses that it lacks
(``mgm-contract api-coverage``).

``tools/gen_api_data.py`` writes :func:`implemented_surface` into the data file; a test keeps
the two equal.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wowapi_stubs._bytecode import ChunkNames, scan_names
from wowapi_stubs._catalog import discover
from wowapi_stubs.surface import ApiSurface, load_surface


def fired_events() -> frozenset[str]:
    """Every event some part of the client fires (each firing module declares ``EVENTS``)."""
    from wowapi_stubs import _loader, _world_actions, client
    from wowapi_stubs.api import MODULES
    from wowapi_stubs.widgets import models

    names: set[str] = set()
    for module in (client, _loader, _world_actions, models, *MODULES):
        names.update(getattr(module, "EVENTS", ()))
    return frozenset(names)


@functools.cache
def _fresh_globals(names: tuple[str, ...]) -> dict[str, str]:
    """The Lua type of each global ``name`` in a fresh client (``nil`` when unset)."""
    from wowapi_stubs import ui
    from wowapi_stubs._chunks import C_FUNCTION_CHUNKS, chunk_global
    from wowapi_stubs.client import HeadlessClient
    from wowapi_stubs.runtime import to_text

    with HeadlessClient() as client:
        found = client.runtime.fn.global_types(" ".join(names).encode())
        kinds = {name: to_text(found[name.encode()]) or "nil" for name in names}
        for name, kind in kinds.items():
            if kind == "nil":  # maybe a C function or built-in UI global made when first read
                value = chunk_global(client, C_FUNCTION_CHUNKS, name)
                if value is None:
                    value = ui.resolve(client, name)
                if value is not None:
                    kinds[name] = "function" if client.runtime.is_function(value) else "value"
        return kinds


def implemented_surface(surface: ApiSurface | None = None) -> dict[str, Any]:
    """What the client implements, by data section: names for functions, FrameXML globals
    and events; ``(type, method)`` pairs (declared at that type) for widgets."""
    surface = surface or load_surface()
    from wowapi_stubs.widgets import WIDGET_CLASSES, implements

    names = tuple(sorted({*surface.functions, *surface.framexml_functions,
                          *surface.framexml_globals}))
    kinds = _fresh_globals(names)
    events = fired_events()
    return {
        "functions": {n for n in surface.functions if kinds[n] == "function"},
        "framexml_functions": {n for n in surface.framexml_functions if kinds[n] == "function"},
        "framexml_globals": {n for n in surface.framexml_globals if kinds[n] != "nil"},
        "events": {n for n in surface.events if n in events},
        "widgets": {(kind, method) for kind, spec in surface.widgets.items()
                    if kind in WIDGET_CLASSES for method in spec.own
                    if implements(kind, method)},
    }


# -- counts -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Count:
    """``implemented`` of ``known`` names of one part of the surface."""

    implemented: int
    known: int

    def to_dict(self) -> dict[str, int]:
        return {"implemented": self.implemented, "known": self.known}


def surface_counts(surface: ApiSurface | None = None) -> dict[str, Count]:
    """The data file's counts: C functions, FrameXML functions and values, events, widget
    types (with a class) and their methods, the frame types ``CreateFrame`` makes."""
    from wowapi_stubs.widgets import WIDGET_CLASSES

    surface = surface or load_surface()
    counts = {section: Count(sum(getattr(surface, section).values()),
                             len(getattr(surface, section)))
              for section in ("functions", "framexml_functions", "framexml_globals", "events")}
    frames = len(surface.framexml_frames)
    counts["framexml_widgets"] = Count(frames, frames)  # every one is stood in
    counts["widget_types"] = Count(sum(k in WIDGET_CLASSES for k in surface.widgets),
                                   len(surface.widgets))
    counts["widget_methods"] = Count(
        sum(flag for kind in surface.widgets.values() for flag in kind.own.values()),
        sum(len(kind.own) for kind in surface.widgets.values()))
    creatable = surface.creatable_frame_types
    counts["frame_types"] = Count(sum(k in WIDGET_CLASSES for k in creatable), len(creatable))
    return counts


# -- addon folders ----------------------------------------------------------------------------
# Lua 5.1's own globals (and the client's library aliases are in the data as functions).
_LUA_GLOBALS = frozenset("""
    _G _VERSION assert collectgarbage error gcinfo getfenv getmetatable ipairs load loadstring
    newproxy next pairs pcall print rawequal rawget rawset select setfenv setmetatable tonumber
    tostring type unpack xpcall coroutine math string table bit abs ceil floor max min sqrt
    random mod exp log log10 frexp ldexp sin cos tan asin acos atan atan2 deg rad PI strlen
    strsub strfind strmatch gmatch gsub strrep strbyte strchar strlower strupper format strrev
    tinsert tremove sort getn foreach foreachi wipe tContains this event arg1 arg2 arg3 arg4
    arg5 arg6 arg7 arg8 arg9
""".split())  # noqa: SIM905


@dataclass
class AddonUsage:
    """What an addon folder's code uses that the headless client lacks."""

    path: str
    files: int = 0
    functions: dict[str, int] = field(default_factory=dict)  # known, not implemented
    framexml: dict[str, int] = field(default_factory=dict)  # FrameXML values not present
    methods: dict[str, int] = field(default_factory=dict)  # known methods no type has
    events: dict[str, int] = field(default_factory=dict)  # registered, never fired
    unknown: dict[str, int] = field(default_factory=dict)  # neither defined nor known
    unreadable: list[str] = field(default_factory=list)  # files that do not compile/parse

    @property
    def missing(self) -> int:
        return len(self.functions) + len(self.framexml) + len(self.methods)

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "files": self.files, "missing_functions": self.functions,
                "missing_framexml": self.framexml, "missing_methods": self.methods,
                "events_never_fired": self.events, "unknown_globals": self.unknown,
                "unreadable": self.unreadable}


def scan_addon(folder: Path) -> AddonUsage:
    """The names the Lua files and XML scripts under ``folder`` use, against the data:
    each missing name with the number of files using it. Globals the folder's own code
    or XML defines are not counted."""
    usage = AddonUsage(str(folder))
    per_file: list[ChunkNames] = []
    defined: set[str] = set()
    for path in sorted(folder.rglob("*")):
        suffix = path.suffix.lower()
        if suffix not in (".lua", ".xml") or not path.is_file():
            continue
        usage.files += 1
        try:
            names, xml_defined = (_scan_lua(path) if suffix == ".lua" else _scan_xml(path))
        except ValueError as exc:
            usage.unreadable.append(f"{path.relative_to(folder)}: {exc}")
            continue
        per_file.append(names)
        defined |= names.writes | xml_defined
    _judge(usage, per_file, defined)
    return usage


def _judge(usage: AddonUsage, per_file: list[ChunkNames], defined: set[str]) -> None:
    surface = load_surface()
    missing_methods = _missing_methods()
    known_functions = {**surface.functions, **surface.framexml_functions}
    frames = surface.framexml_frames
    for names in per_file:
        for name in names.reads - defined:
            flag = known_functions.get(name)
            if flag is False:
                _bump(usage.functions, name)
            elif flag is None and name not in _LUA_GLOBALS and name not in frames:
                present = surface.framexml_globals.get(name)
                if present is False:
                    _bump(usage.framexml, name)
                elif present is None:
                    _bump(usage.unknown, name)
        for method in names.methods & missing_methods:
            _bump(usage.methods, method)
        for event in names.strings:
            if surface.events.get(event) is False:
                _bump(usage.events, event)


def _bump(counts: dict[str, int], name: str) -> None:
    counts[name] = counts.get(name, 0) + 1


@functools.cache
def _missing_methods() -> frozenset[str]:
    """Methods some widget type declares and no type implements."""
    surface = load_surface()
    declared: dict[str, bool] = {}
    for kind in surface.widgets.values():
        for method, flag in kind.own.items():
            declared[method] = declared.get(method, False) or flag
    return frozenset(m for m, flag in declared.items() if not flag)


@functools.cache
def _compiler() -> Any:
    import lupa.lua51 as lua51

    scratch = lua51.LuaRuntime(encoding=None, register_eval=False)
    return scratch.execute(b"return function(code, name) local f, err = loadstring(code, name)"
                           b" if not f then return nil, err end return string.dump(f) end")


def _compiled_names(code: bytes, name: str) -> ChunkNames:
    result = _compiler()(code.removeprefix(b"\xef\xbb\xbf"), name.encode())
    bytecode, error = result if isinstance(result, tuple) else (result, None)
    if bytecode is None:
        raise ValueError(error.decode("utf-8", "replace") if error else "does not compile")
    return scan_names(bytecode)


def _scan_lua(path: Path) -> tuple[ChunkNames, set[str]]:
    return _compiled_names(path.read_bytes(), "@" + path.name), set()


def _scan_xml(path: Path) -> tuple[ChunkNames, set[str]]:
    """Inline scripts and handler bodies (compiled as the loader compiles them) and the
    names of the file's frames and templates."""
    from wowapi_stubs.xml._parse import XmlSyntaxError, parse_bytes
    from wowapi_stubs.xml._schema import handler_params

    try:
        root = parse_bytes(path.read_bytes(), path.name)
    except XmlSyntaxError as exc:
        raise ValueError(f"line {exc.line}: {exc.message}") from None
    names, defined = ChunkNames(), set()
    stack = [root]
    while stack:
        node = stack.pop()
        stack.extend(node.children)
        name = node.get("name")
        if name and "$" not in name:
            defined.add(name)
        if node.tag == "Script" and node.text.strip():
            names.update(_compiled_names(node.text.encode(), f"{path.name}:{node.line}"))
        elif node.get("function"):
            names.reads.add(node.get("function") or "")
        elif node.tag.startswith(("On", "Pre", "Post")) and node.text.strip():
            code = f"return function({handler_params(node.tag)}) {node.text}\nend"
            names.update(_compiled_names(code.encode(), f"{path.name}:{node.line}"))
    return names, defined


def addon_folders(paths: list[Path]) -> list[Path]:
    """Each path as an addon folder (or its ``.toc``), or the addon folders a folder of them
    holds, as the loader finds them (:func:`wowapi_stubs._catalog.discover`): a folder
    without a ``.toc`` is no addon; a path holding none is an :class:`AddonLoadError`."""
    return [toc.folder for toc in discover(paths)[0]]
