"""Templates of the built-in UI that ``CreateFrame(type, name, parent, "Template")``
applies (what Blizzard's virtual frames of the same name give a frame)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wowapi_stubs.widgets import Button, CheckButton, FontString, GameTooltip

if TYPE_CHECKING:
    from wowapi_stubs.client import HeadlessClient

Template = Callable[["HeadlessClient", Any], None]
TOOLTIP_LINES = 8  # line pairs GameTooltipTemplate holds (more are made on demand)


def _button_label(client: HeadlessClient, widget: Any) -> None:
    """A button template's label: ``$parentText`` in GameFontNormal."""
    if not isinstance(widget, Button) or widget.font_string is not None:
        return
    label = client._create_region(FontString, "$parentText" if widget.name else None, widget)
    label.draw_layer = "OVERLAY"
    label.set_font_object_name("GameFontNormal")
    widget.font_string = label


def _check_button(client: HeadlessClient, widget: Any) -> None:
    if isinstance(widget, CheckButton):
        _button_label(client, widget)


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


def _nothing(client: HeadlessClient, widget: Any) -> None:
    """A template whose parts are only drawn (textures), with no behaviour to model."""


BUILTIN_TEMPLATES: dict[str, Template] = {
    name.lower(): template for template, names in (
        (_button_label, ("UIPanelButtonTemplate", "UIPanelButtonTemplate2",
                         "GameMenuButtonTemplate", "OptionsButtonTemplate",
                         "UIPanelCloseButton", "TabButtonTemplate")),
        (_check_button, ("UICheckButtonTemplate", "OptionsCheckButtonTemplate",
                         "InterfaceOptionsCheckButtonTemplate")),
        (_tooltip_lines, ("GameTooltipTemplate",)),
        (_secure, ("SecureActionButtonTemplate", "SecureHandlerBaseTemplate",
                   "SecureFrameTemplate")),
        (_nothing, ("InputBoxTemplate", "BasicFrameTemplate", "ActionButtonTemplate")),
    ) for name in names
}
