"""Widgets of the 3.3.5a UI: one state-holding class per widget type of the API data.

Each class's methods named like WoW methods (``SetPoint``, ``Show``...) are exposed to Lua on
the types whose method list (inherited methods included) has them; a listed method the class
lacks fails with "not implemented by the headless client". See :func:`method_tables`.
"""

from __future__ import annotations

import functools

from wowapi_stubs.surface import load_surface
from wowapi_stubs.widgets.animation import (
    Alpha,
    Animation,
    AnimationGroup,
    ControlPoint,
    Path,
    Rotation,
    Scale,
    Translation,
)
from wowapi_stubs.widgets.base import Region, ScriptObject, lua_text
from wowapi_stubs.widgets.buttons import Button, CheckButton
from wowapi_stubs.widgets.controls import (
    ColorSelect,
    Cooldown,
    EditBox,
    ScrollFrame,
    Slider,
    StatusBar,
)
from wowapi_stubs.widgets.frame import Frame, Scripted
from wowapi_stubs.widgets.messages import (
    HyperlinkedFrame,
    MessageFrame,
    ScrollingMessageFrame,
    SimpleHTML,
)
from wowapi_stubs.widgets.models import (
    DressUpModel,
    Minimap,
    Model,
    MovieFrame,
    PlayerModel,
    QuestPOIFrame,
    TabardModel,
)
from wowapi_stubs.widgets.regions import (
    Font,
    FontInstance,
    FontString,
    LayeredRegion,
    Texture,
    TitleRegion,
)
from wowapi_stubs.widgets.tooltip import GameTooltip

WIDGET_CLASSES: dict[str, type] = {
    cls.KIND: cls for cls in (
        ScriptObject, Region, LayeredRegion, FontInstance, Texture, FontString, Font,
        TitleRegion, Frame, Button, CheckButton, EditBox, Slider, StatusBar, ScrollFrame,
        Cooldown, ColorSelect, MessageFrame, ScrollingMessageFrame, HyperlinkedFrame,
        SimpleHTML, GameTooltip, Model, PlayerModel, DressUpModel, TabardModel, Minimap,
        MovieFrame, QuestPOIFrame, AnimationGroup, Animation, Alpha, Translation, Rotation,
        Scale, Path, ControlPoint)
}
"""Widget classes by WoW type name (every type of the API data, abstract ones included)."""


def creatable_frame_types() -> tuple[str, ...]:
    """The frame types ``CreateFrame`` accepts, from the API data."""
    return load_surface().creatable_frame_types


@functools.cache
def creatable_class(kind: str) -> type | None:
    """The class ``CreateFrame`` makes for a frame type written in any case, or ``None``."""
    found = next((k for k in creatable_frame_types() if k.lower() == kind.lower()), None)
    return None if found is None else WIDGET_CLASSES[found]


def implements(kind: str, method: str) -> bool:
    """Whether the headless client implements ``kind:method`` (the class has the method)."""
    return callable(getattr(WIDGET_CLASSES[kind], method, None))


@functools.cache
def method_tables() -> tuple[list[str], dict[str, tuple[tuple[str, ...], list[str], list[str]]]]:
    """Method names exposed to Lua, and per widget type its parents and own methods
    (implemented, known-but-missing); inherited methods are resolved through the parents,
    which holds because a class implements an inherited method exactly when the declaring
    type's class does (a test checks it)."""
    surface = load_surface()
    kinds: dict[str, tuple[tuple[str, ...], list[str], list[str]]] = {}
    names: set[str] = set()
    for kind, spec in surface.widgets.items():
        if kind not in WIDGET_CLASSES:
            continue
        own = sorted(spec.own)
        implemented = [m for m in own if implements(kind, m)]
        names.update(implemented)
        kinds[kind] = (spec.parents, implemented, [m for m in own if not implements(kind, m)])
    return sorted(names), kinds


__all__ = [
    "WIDGET_CLASSES", "Alpha", "Animation", "AnimationGroup", "Button", "CheckButton",
    "ColorSelect", "ControlPoint", "Cooldown", "DressUpModel", "EditBox", "Font",
    "FontInstance", "FontString", "Frame", "GameTooltip", "HyperlinkedFrame", "LayeredRegion",
    "MessageFrame", "Minimap", "Model", "MovieFrame", "Path", "PlayerModel", "QuestPOIFrame",
    "Region", "Rotation", "Scale", "ScriptObject", "Scripted", "ScrollFrame",
    "ScrollingMessageFrame", "SimpleHTML", "Slider", "StatusBar", "TabardModel", "Texture",
    "TitleRegion", "Translation", "creatable_class", "creatable_frame_types", "implements",
    "lua_text", "method_tables",
]
