"""Widgets of the 3.3.5a UI: frames, buttons, font strings, edit boxes, textures, tooltips.

Each Python class's methods named like WoW methods (``SetPoint``, ``Show``...) are exposed to
Lua on that widget type; everything else stays private to the client.
"""

from wowapi_stubs.widgets.base import Region, Widget, lua_text
from wowapi_stubs.widgets.frames import (
    WIDGET_CLASSES,
    Button,
    CheckButton,
    EditBox,
    FontString,
    Frame,
    GameTooltipFrame,
    MessageFrame,
    Texture,
)

__all__ = [
    "WIDGET_CLASSES",
    "Button",
    "CheckButton",
    "EditBox",
    "FontString",
    "Frame",
    "GameTooltipFrame",
    "MessageFrame",
    "Region",
    "Texture",
    "Widget",
    "lua_text",
]
