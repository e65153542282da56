"""The WoW 3.3.5a API surface as data: ``wowapi_stubs/data/api_335a.json``.

One table (JSON: per section, ``implemented`` and ``missing`` name lists) lists every global
function of the client (C functions and the Lua functions
Blizzard's FrameXML defines), the global values FrameXML defines, every event, and every
widget type with its own methods and its parent types. Each name carries whether the
headless client implements it; that flag is computed from the code by
``tools/gen_api_data.py`` and a test keeps it true (see docs/headless-client.md).

The client reads the names only: a known function it does not implement fails with "WoW API
X is not implemented by the headless client"; an unknown name stays nil, as in the client.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from typing import Any

DATA_FILE = "api_335a.json"
SECTIONS = ("functions", "framexml_functions", "framexml_globals", "events")


@dataclass(frozen=True)
class UiWidget:
    """A widget of FrameXML's tree: type (or the button/slider slot a region fills),
    parent (a name, or ``#i``: the i-th widget of its template), hidden flag, the key its
    parent holds it under, its font object (a button's normal font), and the slots unnamed
    regions of a named frame fill (``NormalTexture``...)."""

    name: str
    kind: str
    parent: str
    hidden: bool
    key: str
    font: str
    slots: tuple[str, ...] = ()


def _widgets(text: str) -> list[UiWidget]:
    out = []
    for entry in text.split(" "):
        if not entry:
            continue
        name, kind, parent, hidden, key, font, *slots = entry.split(":")
        if parent.startswith("^"):
            parent = name[: int(parent[1:])]
        out.append(UiWidget(name, kind, parent, hidden == "1", key, font,
                            tuple(slots[0].split(",")) if slots else ()))
    return out


@dataclass(frozen=True)
class WidgetType:
    """A widget type: its parents (in declaration order) and its own methods."""

    name: str
    parents: tuple[str, ...]
    creatable: bool
    own: dict[str, bool]


class ApiSurface:
    """The names of the 3.3.5a client, with the implemented flags the data file records."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.about: dict[str, str] = data.get("about", {})
        self._data = data
        self.widgets: dict[str, WidgetType] = {
            name: WidgetType(name, tuple(spec["inherits"]), bool(spec.get("creatable")),
                             _flags(spec))
            for name, spec in data["widgets"].items()
        }

    @functools.cached_property
    def functions(self) -> dict[str, bool]:
        """C API functions -> implemented."""
        return _flags(self._data["functions"])

    @functools.cached_property
    def framexml_functions(self) -> dict[str, bool]:
        """Lua functions Blizzard's FrameXML defines -> implemented (by the built-in UI)."""
        return _flags(self._data["framexml_functions"])

    @functools.cached_property
    def framexml_globals(self) -> dict[str, bool]:
        """Other globals FrameXML defines (tables, strings, frames, fonts) -> present."""
        return _flags(self._data["framexml_globals"])

    @property
    def framexml_fonts(self) -> list[str]:
        """The font objects among the FrameXML globals (``GameFontNormal``...)."""
        return self._data["framexml_fonts"]

    @property
    def framexml_values(self) -> dict[str, Any]:
        """The value FrameXML's Lua gives each of its constants at load (numbers, booleans,
        token-like strings such as paths and ``EMOTE1_TOKEN``; player-facing texts are not
        kept)."""
        return self._data.get("framexml_values", {})

    @functools.cached_property
    def framexml_tables(self) -> dict[str, Any]:
        """The data tables FrameXML's Lua leaves in its globals (``StaticPopupDialogs``,
        ``UIPARENT_MANAGED_FRAME_POSITIONS``...): numbers, booleans, token-like strings,
        nested tables (numeric keys written ``"#n"``), ``"\\0g:NAME"`` for a global read
        as is and ``"\\0f"`` for a function (see ``tools/_framexml_tables.py``)."""
        text = self._data.get("framexml_tables")
        return json.loads(text) if text else {}

    @functools.cached_property
    def framexml_frame_fields(self) -> dict[str, Any]:
        """The fields FrameXML's code (files and ``OnLoad`` handlers) sets on its named
        frames at load, by frame, encoded as :attr:`framexml_tables`."""
        text = self._data.get("framexml_frame_fields")
        return json.loads(text) if text else {}

    @functools.cached_property
    def framexml_created_frames(self) -> dict[str, tuple[str, str, str]]:
        """The named frames FrameXML's Lua makes at load with ``CreateFrame``: name ->
        (type, parent, template)."""
        text = self._data.get("framexml_created_frames")
        return {name: tuple(spec) for name, spec in json.loads(text).items()} if text else {}

    @functools.cached_property
    def framexml_geometry(self) -> dict[str, str]:
        """The size, scale and anchors FrameXML gives its named frames at load, by frame,
        encoded ``width:height:scale:POINT,Relative,RELPOINT,x,y;...`` (see
        ``tools/_framexml_geometry.py``; read by :mod:`wowapi_stubs.ui.geometry`)."""
        return dict(entry.partition(":")[::2]
                    for entry in self._data.get("framexml_geometry", "").split())

    @functools.cached_property
    def framexml_texts(self) -> dict[str, str]:
        """The texts of FrameXML's ``GlobalStrings.lua`` by name, each as its format
        specifiers in order, comma-separated (``AUCTION_REMOVED_MAIL_SUBJECT`` -> ``%s``);
        the words are not recorded."""
        return dict(entry.partition(":")[::2]
                    for entry in self._data.get("framexml_texts", "").split())

    @functools.cached_property
    def framexml_frames(self) -> dict[str, UiWidget]:
        """Every widget FrameXML's named frames make (template children and ``$parent``
        names included), by name."""
        return {widget.name: widget for widget in _widgets(self._data["framexml_frames"])}

    def framexml_template(self, name: str) -> list[UiWidget] | None:
        """The widgets a FrameXML virtual template makes (the first one is the inheriting
        widget itself, named ``$P``; children's names use ``$P`` for its name)."""
        found = _templates(self).get(name.lower())
        return None if found is None else _parsed_template(self, found)

    @functools.cached_property
    def events(self) -> dict[str, bool]:
        """Events -> fired by the client."""
        return _flags(self._data["events"])

    @functools.cached_property
    def creatable_frame_types(self) -> tuple[str, ...]:
        """The types ``CreateFrame`` accepts (``CREATEFRAME.txt``)."""
        return tuple(name for name, kind in self.widgets.items() if kind.creatable)

    def ancestors(self, kind: str) -> tuple[str, ...]:
        """``kind`` and every type it inherits from, nearest first (each once)."""
        return _ancestors(self, kind)

    def methods(self, kind: str) -> dict[str, str]:
        """Every method of ``kind`` (inherited ones included) -> the type declaring it."""
        return _methods(self, kind)

    def method_implemented(self, kind: str, method: str) -> bool:
        """The data's flag for ``kind:method`` (recorded at the declaring type)."""
        return self.widgets[self.methods(kind)[method]].own[method]

    @functools.cached_property
    def unimplemented_functions(self) -> frozenset[str]:
        """Known global functions (C API and FrameXML's) the client does not implement."""
        return frozenset(name for section in ("functions", "framexml_functions")
                         for name in _names(self._data[section]["missing"]))

    def global_functions(self) -> Iterator[str]:
        """Every known global function name (C API and FrameXML's Lua functions)."""
        for section in ("functions", "framexml_functions"):
            yield from _names(self._data[section]["implemented"])
            yield from _names(self._data[section]["missing"])


def _names(value: list[str] | str) -> list[str]:
    """A name list (large sections are one space-separated string)."""
    return value.split() if isinstance(value, str) else value


def _flags(section: dict[str, Any]) -> dict[str, bool]:
    """``{"implemented": [...], "missing": [...]}`` -> name -> implemented."""
    flags = dict.fromkeys(_names(section["missing"]), False)
    flags.update(dict.fromkeys(_names(section["implemented"]), True))
    return dict(sorted(flags.items()))


@functools.cache
def _ancestors(surface: ApiSurface, kind: str) -> tuple[str, ...]:
    order = [kind]
    for parent in surface.widgets[kind].parents:
        order += [name for name in _ancestors(surface, parent) if name not in order]
    return tuple(order)


@functools.cache
def _methods(surface: ApiSurface, kind: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for name in surface.ancestors(kind):
        for method in surface.widgets[name].own:
            found.setdefault(method, name)
    return found


@functools.cache
def _templates(surface: ApiSurface) -> dict[str, str]:
    return {name.lower(): text for name, text in surface._data["framexml_templates"].items()}


@functools.cache
def _parsed_template(surface: ApiSurface, text: str) -> list[UiWidget]:
    return _widgets(text)


@functools.cache
def load_surface() -> ApiSurface:
    """The data file shipped with the package (read once per process)."""
    text = resources.files("wowapi_stubs").joinpath("data", DATA_FILE).read_bytes()
    return ApiSurface(json.loads(text))


__all__ = ["ApiSurface", "WidgetType", "load_surface"]
