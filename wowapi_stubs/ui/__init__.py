"""The built-in UI every addon finds at login (a clean-room stand-in for Blizzard's
FrameXML): UIParent, WorldFrame, Minimap, chat frames, tooltips, the mail frame with its
Send Mail tab, the standard fonts, and the templates ``CreateFrame`` understands.

The frames the client itself drives are created with the client. The rest (fonts, chat
frames 2-10, tooltip lines...) is created the first time anything reads its global name,
from Lua or from Python (:func:`materialize`): a client that never touches them does not
pay for them. Only ``pairs(_G)``/``rawget`` see the difference (names not read yet).
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from wowapi_stubs._chunks import UI_CHUNKS, chunk_global, chunk_index, run_keeping_globals
from wowapi_stubs.errors import WowApiError
from wowapi_stubs.surface import load_surface
from wowapi_stubs.ui import standins
from wowapi_stubs.ui.constants import constant
from wowapi_stubs.ui.fonts import font_spec, standard_fonts
from wowapi_stubs.ui.geometry import place
from wowapi_stubs.ui.tables import framexml_table, has_table, lazy_entries, set_frame_fields
from wowapi_stubs.ui.templates import BUILTIN_TEMPLATES, REPLACING_TEMPLATES
from wowapi_stubs.widgets import (
    Button,
    EditBox,
    Font,
    Frame,
    GameTooltip,
    MessageFrame,
    ScrollingMessageFrame,
    creatable_class,
)
from wowapi_stubs.widgets.base import TEXT_TYPES, lua_text

if TYPE_CHECKING:
    from wowapi_stubs.client import HeadlessClient

NUM_CHAT_WINDOWS = 10
STATIC_POPUPS = 4
"""``StaticPopup1``..``4``: the client shows at most four popups at once."""


def create_standard_frames(client: HeadlessClient) -> None:
    """Create the frames every client shows (world frame, UIParent, the default chat frame,
    the error frame). ``GameTooltip`` and the mail frames (with ``_lua/framexml.lua``, which
    drives them) are made the first time they are used (see :data:`LAZY_FRAMES`)."""
    make = client._create_region
    make(Frame, "WorldFrame", None).SetAllPoints()
    ui_parent = make(Frame, "UIParent", None)
    ui_parent.SetAllPoints()
    chat = make(ScrollingMessageFrame, "ChatFrame1", ui_parent)
    chat.frame_id = 1
    _place(client, chat)
    client.runtime.setglobal("DEFAULT_CHAT_FRAME", chat)
    client.runtime.setglobal("SELECTED_CHAT_FRAME", chat)
    make(MessageFrame, "UIErrorsFrame", ui_parent)


# The Send Mail tab's frames, made together with the Lua that drives them.
MAIL_FRAMES = ("MailFrame", "SendMailFrame", "SendMailNameEditBox", "SendMailSubjectEditBox",
               "SendMailBodyEditBox", "SendMailMoney", "SendMailMailButton", "SendMailCancelButton")
MAIL_EVENTS = frozenset({"MAIL_SHOW", "MAIL_FAILED"})
"""The events the mail frames register for: the mail UI is made before one is delivered."""


def _mail_ui(client: HeadlessClient, name: str) -> Any:
    """The mail frames and ``_lua/framexml.lua`` (popups, the Send button), made once. The
    chunk's global functions do not replace ones addon code defined before."""
    if "MailFrame" not in client.named:
        make = client._create_region
        mail_frame = make(Frame, "MailFrame", client.named["UIParent"])
        mail_frame.shown = False
        send_frame = make(Frame, "SendMailFrame", mail_frame)
        for box in ("SendMailNameEditBox", "SendMailSubjectEditBox", "SendMailBodyEditBox"):
            make(EditBox, box, send_frame).auto_focus = False
        make(Frame, "SendMailMoney", send_frame).copper = 0
        make(Button, "SendMailMailButton", send_frame).SetText(b"Send")
        make(Button, "SendMailCancelButton", send_frame).SetText(b"Cancel")
        run_keeping_globals(client, "framexml.lua")
        # FrameXML's own entries beside the built-in UI's, each made when first read.
        lazy_entries(client, client.runtime.fn.rawglobal(b"StaticPopupDialogs"),
                     "StaticPopupDialogs")
        for frame in MAIL_FRAMES:
            set_frame_fields(client, client.named[frame])
            _place(client, client.named[frame])
    return client.named.get(name)


def make_mail_ui(client: HeadlessClient) -> None:
    """Make the mail frames now (before an event they listen to is delivered)."""
    if client.framexml is None:
        _mail_ui(client, "MailFrame")


@functools.cache
def _framexml_globals() -> frozenset[str]:
    """The globals ``_lua/framexml.lua`` defines (reading one makes the mail UI)."""
    return frozenset(chunk_index(("framexml.lua",)))


def _place(client: HeadlessClient, widget: Any) -> None:
    """Place one of the built-in UI's own frames as FrameXML places it (frames it is
    anchored to are made when needed: :func:`wowapi_stubs.ui.geometry.place`)."""
    place(client, widget, functools.partial(materialize, client))


def _chat_frame(client: HeadlessClient, name: str) -> Any:
    frame = client._create_region(ScrollingMessageFrame, name, client.named["UIParent"])
    frame.shown = name == "ChatFrame2"  # the combat log tab is docked and shown
    frame.frame_id = int(name.removeprefix("ChatFrame"))
    _place(client, frame)
    return frame


def _item_ref_tooltip(client: HeadlessClient, name: str) -> Any:
    tooltip = client._create_region(GameTooltip, name, client.named["UIParent"],
                                    "GameTooltipTemplate")
    tooltip.shown = False
    set_frame_fields(client, tooltip)  # what its OnLoad gives it (shoppingTooltips...)
    _place(client, tooltip)
    return tooltip


def _font(client: HeadlessClient, name: str) -> Any:
    spec = font_spec(name)
    return client._create_region(Font, name, None).configure(
        spec.path, spec.size, spec.flags, spec.color, justify_h=spec.justify_h,
        justify_v=spec.justify_v, shadow=spec.shadow)


def _player_arrow(client: HeadlessClient, name: str) -> Any:
    """``PlayerArrowFrame``/``PlayerArrowEffectFrame``: the world map's player arrow
    models, which the client creates in C code (no XML defines them)."""
    from wowapi_stubs.widgets import WIDGET_CLASSES

    parent = materialize(client, "WorldMapButton") or client.named["UIParent"]
    return client._create_region(WIDGET_CLASSES["Model"], name, parent)


LAZY_FRAMES = {
    **dict.fromkeys(MAIL_FRAMES, _mail_ui),
    "GameTooltip": _item_ref_tooltip,
    "PlayerArrowFrame": _player_arrow,
    "PlayerArrowEffectFrame": _player_arrow,
    **{f"ChatFrame{i}": _chat_frame for i in range(2, NUM_CHAT_WINDOWS + 1)},
    "ItemRefTooltip": _item_ref_tooltip,
    "ShoppingTooltip1": _item_ref_tooltip,
    "ShoppingTooltip2": _item_ref_tooltip,
}


def materialize(client: HeadlessClient, name: str, depth: int = 0) -> Any:
    """The built-in UI object called ``name``, created now if it is one not made yet;
    ``None`` when the built-in UI has no such object."""
    found = client.named.get(name)
    if found is not None:
        return found
    pending = client.lazy_names.pop(name, None)
    if pending is not None:
        pending()
        return client.named.get(name)
    builder = LAZY_FRAMES.get(name)
    if builder is not None:
        return builder(client, name)
    if name in standard_fonts():
        return _font(client, name)
    return standins.stand_in(client, name, depth)


def provides(client: HeadlessClient, name: str) -> bool:
    """Whether the built-in UI defines global ``name`` (made or not yet made)."""
    return (name in client.named or name in client.lazy_names or name in LAZY_FRAMES
            or name in standard_fonts() or name in load_surface().framexml_frames
            or constant(name)[0] or name in _framexml_globals()
            or name in chunk_index(UI_CHUNKS) or has_table(name))


def resolve(client: HeadlessClient, name: str) -> Any:
    """The Lua value of built-in UI global ``name`` when it is one not made yet (a widget,
    a constant, a function of a Lua chunk, run now, or one of FrameXML's data tables),
    else ``None``."""
    widget = materialize(client, name)
    if widget is not None:
        return widget.lua
    found, value = constant(name)
    if found:
        return client.runtime.to_lua(value)
    if name in _framexml_globals():
        _mail_ui(client, name)
        return client.runtime.fn.rawglobal(name.encode())
    value = chunk_global(client, UI_CHUNKS, name)
    return framexml_table(client, name) if value is None else value


def is_known_template(client: HeadlessClient, name: str) -> bool:
    """Whether the built-in UI can apply template ``name`` (one of its own, one of
    FrameXML's virtual frames, or a font object for a font string)."""
    return (name.lower() in client.templates or standins.has_template(name)
            or name in standard_fonts())


def apply_templates(client: HeadlessClient, widget: Any, templates: str) -> None:
    """Apply each template of a comma-separated list: the widgets a FrameXML template adds
    (see :mod:`wowapi_stubs.ui.standins`), the built-in UI's behaviour for it, or a font
    object for a font string; an unknown name is a finding and the widget is made
    without it."""
    for template in (t.strip() for t in templates.split(",")):
        if not template:
            continue
        behaviour = client.templates.get(template.lower())
        if behaviour is not None and behaviour in REPLACING_TEMPLATES:
            behaviour(client, widget)
            continue
        structured = standins.instantiate(client, widget, template)
        if behaviour is not None:
            behaviour(client, widget)
        if structured or behaviour is not None:
            continue
        font = client.lookup_named(template)
        if isinstance(font, Font) and hasattr(widget, "set_font_object_name"):
            widget.set_font_object_name(template)
            continue
        client.add_finding("unknown-template",
                           f"template {template!r} is not known to the headless client; "
                           "the frame was created without it", template=template,
                           location=client.runtime.caller_position().rstrip(": ") or None)


def create_frame(client: HeadlessClient, frame_type: Any, name: Any = None, parent: Any = None,
                 template: Any = None) -> Any:
    """``CreateFrame(type [, name [, parent [, template]]])``."""
    if frame_type is None:
        raise WowApiError('Usage: CreateFrame("frameType" [, "name"] [, parent] [, "template"])')
    kind = lua_text(frame_type, what="frame type")
    cls = creatable_class(kind) if len(kind) < 64 else None
    if cls is None:
        raise WowApiError(f"CreateFrame: Unknown frame type '{kind}'")
    if isinstance(parent, TEXT_TYPES):
        parent_widget = client.lookup_named(lua_text(parent))
    else:
        parent_widget = client._widget_from_lua(parent) if parent is not None else None
    if parent is not None and parent_widget is None:
        raise WowApiError("CreateFrame: parent must be a frame")
    text_template = lua_text(template) if template is not None else None
    return client._create_region(cls, name, parent_widget, text_template)


__all__ = ["BUILTIN_TEMPLATES", "STATIC_POPUPS", "apply_templates",
           "create_frame", "create_standard_frames", "is_known_template", "materialize",
           "provides", "resolve"]
