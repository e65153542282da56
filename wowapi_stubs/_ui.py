"""The standard UI every addon finds at login: UIParent, Minimap, chat frame, tooltip,
the mail frame with its Send Mail tab, and the templates ``CreateFrame`` understands."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from wowapi_stubs.errors import WowApiError
from wowapi_stubs.widgets import (
    Button,
    EditBox,
    FontString,
    Frame,
    GameTooltipFrame,
    MessageFrame,
)
from wowapi_stubs.widgets.base import lua_text
from wowapi_stubs.widgets.frames import CREATABLE_FRAME_TYPES, WIDGET_CLASSES

if TYPE_CHECKING:
    from wowapi_stubs.client import HeadlessClient
    from wowapi_stubs.widgets import Region

STATIC_POPUPS = 4
"""``StaticPopup1``..``4``: the client shows at most four popups at once."""

KNOWN_TEMPLATES = frozenset({
    "UIPanelButtonTemplate", "UIPanelButtonTemplate2", "GameMenuButtonTemplate",
    "OptionsButtonTemplate", "UIPanelCloseButton", "InputBoxTemplate",
    "UICheckButtonTemplate", "OptionsCheckButtonTemplate", "BasicFrameTemplate",
    "SecureActionButtonTemplate", "ActionButtonTemplate", "GameTooltipTemplate",
})


def create_standard_frames(client: HeadlessClient) -> None:
    """Create the FrameXML frames (chat, tooltip, mail) and run ``_lua/framexml.lua``,
    which gives them the client's behaviour (static popups are made on first use)."""
    make = client._create_region
    ui_parent = make(Frame, "UIParent", None)
    make(Frame, "Minimap", ui_parent)
    chat = make(MessageFrame, "ChatFrame1", ui_parent)
    client.runtime.setglobal("DEFAULT_CHAT_FRAME", chat)
    client.runtime.setglobal("SELECTED_CHAT_FRAME", chat)
    make(MessageFrame, "UIErrorsFrame", ui_parent)
    tooltip = make(GameTooltipFrame, "GameTooltip", ui_parent)
    tooltip.shown = False
    mail_frame = make(Frame, "MailFrame", ui_parent)
    mail_frame.shown = False
    send_frame = make(Frame, "SendMailFrame", mail_frame)
    for box in ("SendMailNameEditBox", "SendMailSubjectEditBox", "SendMailBodyEditBox"):
        make(EditBox, box, send_frame)
    money = make(Frame, "SendMailMoney", send_frame)
    money.copper = 0
    send_button = make(Button, "SendMailMailButton", send_frame)
    send_button.SetText(b"Send")
    client.runtime.run_trusted("framexml.lua")


def apply_templates(client: HeadlessClient, widget: Region, templates: str) -> None:
    """What the supported XML templates add (a button's label font string...)."""
    for template in (t.strip() for t in templates.split(",")):
        if not template:
            continue
        if template not in KNOWN_TEMPLATES:
            client.add_finding("unknown-template",
                               f"template {template!r} is not known to the headless client; "
                               "the frame was created without it", template=template,
                               location=client.runtime.caller_position().rstrip(": ") or None)
            continue
        if isinstance(widget, Button) and widget.font_string is None:
            label = client._create_region(FontString, None, widget)
            widget.font_string = label
            if widget.name:
                client.named[f"{widget.name}Text"] = label
                client.runtime.setglobal(f"{widget.name}Text", label)


def create_frame(client: HeadlessClient, frame_type: Any, name: Any = None, parent: Any = None,
                 template: Any = None) -> Any:
    """``CreateFrame(type [, name [, parent [, template]]])``."""
    if frame_type is None:
        raise WowApiError('Usage: CreateFrame("frameType" [, "name"] [, parent] [, "template"])')
    kind = lua_text(frame_type, what="frame type")
    canonical = next((k for k in CREATABLE_FRAME_TYPES if k.lower() == kind.lower()), None)
    if canonical is None:
        raise WowApiError(f"CreateFrame: Unknown frame type '{kind}'")
    parent_widget = client._widget_from_lua(parent) if parent is not None else None
    if parent is not None and parent_widget is None:
        raise WowApiError("CreateFrame: parent must be a frame")
    text_template = lua_text(template) if template is not None else None
    return client._create_region(WIDGET_CLASSES[canonical], name, parent_widget, text_template)
