"""Templates of the built-in UI that ``CreateFrame(type, name, parent, "Template")``
applies (what Blizzard's virtual frames of the same name give a frame)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wowapi_stubs._chunks import UI_CHUNKS, chunk_global
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


_ACTION_BUTTON_ATTRIBUTES = {"showgrid": 0, "type": b"action", "checkselfcast": True,
                             "checkfocuscast": True, "useparent-unit": True,
                             "useparent-actionpage": True}


def _action_button(client: HeadlessClient, widget: Any) -> None:
    """The action bar button templates: protected, with the attributes, flash counters and
    drag and click buttons their OnLoad gives a button (addons read ``showgrid`` as a
    number); no action slot is bound until the addon sets one."""
    widget.protected = True
    widget._attributes = {**_ACTION_BUTTON_ATTRIBUTES, **(widget._attributes or {})}
    widget.lua[b"flashing"] = 0
    widget.lua[b"flashtime"] = 0
    widget.RegisterForDrag(b"LeftButton", b"RightButton")
    if hasattr(widget, "RegisterForClicks"):  # a button (the template's type)
        widget.RegisterForClicks(b"AnyUp")


def _secure_handler(kind: str | None) -> Template:
    """A SecureHandler template: protected, with the handler methods (``WrapScript``...)
    its OnLoad gives the frame (``SecureHandler_OnLoad`` of ``_lua/ui_misc.lua``) and, but
    for the base template, the script handlers that run its snippets (``_onstate-<id>``,
    ``_onclick``...: ``_lua/ui_secure.lua``) where the frame type has those scripts."""

    def apply(client: HeadlessClient, widget: Any) -> None:
        widget.protected = True
        client.runtime.rawglobal("SecureHandler_OnLoad")(widget.lua)
        if kind is None:
            return
        chunk_global(client, UI_CHUNKS, "SecureHandlerExecute")  # the snippets' chunk runs
        handlers = client.runtime.P[b"secure_template_handlers"][kind.encode()]
        for script, handler in handlers.items():
            if script.decode() in widget.SCRIPTS:
                widget.SetScript(script, handler)

    return apply


def _group_header(kind: str, shows: str | None) -> Template:
    """A group (``kind`` "group") or group pet ("pet") header template: protected, hidden
    until shown, showing ``shows`` (the party or raid form's attribute), updating itself on
    its events, when shown and when an attribute changes (``_lua/ui_groupheaders.lua``)."""

    def apply(client: HeadlessClient, widget: Any) -> None:
        widget.protected = True
        widget.shown = False
        if shows is not None:
            widget._attributes = {shows: True, **(widget._attributes or {})}
        chunk_global(client, UI_CHUNKS, "SecureGroupHeader_Update")  # its chunk runs
        handlers = client.runtime.P[b"group_header_handlers"][kind.encode()]
        handlers[b"OnLoad"](widget.lua)
        for script, handler in handlers.items():
            if script != b"OnLoad":
                widget.SetScript(script, handler)

    return apply


def _options_list_button(toggle_function: str) -> Template:
    """The options list button templates' OnLoad (``OptionsListButton_OnLoad`` of
    ``_lua/ui_misc.lua``), with the template's sub-category toggle."""

    def apply(client: HeadlessClient, widget: Any) -> None:
        runtime = client.runtime
        runtime.rawglobal("OptionsListButton_OnLoad")(widget.lua,
                                                      runtime.rawglobal(toggle_function))

    return apply


_SECURE_HANDLER_TEMPLATES = {
    "Base": None, "State": "state", "Attribute": "attribute", "Click": "click",
    "DoubleClick": "doubleclick", "Drag": "drag", "MouseUpDown": "mouseupdown",
    "MouseWheel": "mousewheel", "EnterLeave": "enterleave", "ShowHide": "showhide",
}

BUILTIN_TEMPLATES: dict[str, Template] = {
    **{name.lower(): template for template, names in (
        (_tooltip_lines, ("GameTooltipTemplate",)),
        (_secure, ("SecureActionButtonTemplate", "SecureUnitButtonTemplate",
                   "SecureFrameTemplate")),
        (_action_button, ("ActionBarButtonTemplate", "BonusActionButtonTemplate",
                          "VehicleActionButtonTemplate")),
    ) for name in names},
    "optionslistbuttontemplate": _options_list_button("OptionsListButton_ToggleSubCategories"),
    "interfaceoptionslistbuttontemplate": _options_list_button(
        "InterfaceOptionsListButton_ToggleSubCategories"),
    "securegroupheadertemplate": _group_header("group", None),
    "securepartyheadertemplate": _group_header("group", "showparty"),
    "secureraidgroupheadertemplate": _group_header("group", "showraid"),
    "securegrouppetheadertemplate": _group_header("pet", None),
    "securepartypetheadertemplate": _group_header("pet", "showparty"),
    "secureraidpetheadertemplate": _group_header("pet", "showraid"),
    **{f"securehandler{name.lower()}template": _secure_handler(kind)
       for name, kind in _SECURE_HANDLER_TEMPLATES.items()},
}
"""The built-in UI's behaviour for templates, by lower-case name (applied after the
widgets FrameXML's template of the same name adds)."""

REPLACING_TEMPLATES = frozenset({_tooltip_lines})
"""Behaviours that stand in for the template's widgets too (a tooltip's lines are made
when first used, not all at once)."""
