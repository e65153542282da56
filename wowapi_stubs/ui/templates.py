"""Templates of the built-in UI that ``CreateFrame(type, name, parent, "Template")``
applies (what Blizzard's virtual frames of the same name give a frame)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wowapi_stubs.widgets import GameTooltip

if TYPE_CHECKING:
    from wowapi_stubs.client import HeadlessClient

Template = Callable[["HeadlessClient", Any], None]
TOOLTIP_LINES = 8  # line pairs GameTooltipTemplate holds (more are made on demand)


def _tooltip_lines(client: HeadlessClient, widget: Any) -> None:
    """GameTooltipTemplate's ``$parentTextLeft1..8``/``TextRight1..8``, made when first
    read (or when the tooltip fills them)."""
    if not isinstance(widget, GameTooltip) or not widget.name:
        return
    for index in range(1, TOOLTIP_LINES + 1):
        make = functools.partial(widget.add_font_strings, index)
        client.lazy_names[f"{widget.name}TextLeft{index}"] = make
        client.lazy_names[f"{widget.name}TextRight{index}"] = make


def _secure(client: HeadlessClient, widget: Any) -> None:
    widget.protected = True


def _secure_handler(client: HeadlessClient, widget: Any) -> None:
    """A SecureHandler template: protected, with the handler methods (``WrapScript``...)
    its OnLoad gives the frame (``SecureHandler_OnLoad`` of ``_lua/ui_misc.lua``)."""
    widget.protected = True
    client.runtime.rawglobal("SecureHandler_OnLoad")(widget.lua)


BUILTIN_TEMPLATES: dict[str, Template] = {
    name.lower(): template for template, names in (
        (_tooltip_lines, ("GameTooltipTemplate",)),
        (_secure, ("SecureActionButtonTemplate", "SecureUnitButtonTemplate",
                   "SecureFrameTemplate")),
        (_secure_handler, ("SecureHandlerBaseTemplate", "SecureHandlerStateTemplate",
                           "SecureHandlerClickTemplate", "SecureHandlerAttributeTemplate",
                           "SecureHandlerDragTemplate", "SecureHandlerMouseUpDownTemplate",
                           "SecureHandlerMouseWheelTemplate", "SecureHandlerEnterLeaveTemplate",
                           "SecureHandlerShowHideTemplate", "SecureHandlerDoubleClickTemplate")),
    ) for name in names
}
"""The built-in UI's behaviour for templates, by lower-case name (applied after the
widgets FrameXML's template of the same name adds)."""

REPLACING_TEMPLATES = frozenset({_tooltip_lines})
"""Behaviours that stand in for the template's widgets too (a tooltip's lines are made
when first used, not all at once)."""
