"""Attributes of frames, regions and fonts, applied through the widget's methods.

Only attributes present are applied (the client's defaults are the widgets' own). Unknown
attributes are ignored, as the client ignores them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wowapi_stubs.xml._context import XmlContext
from wowapi_stubs.xml._parse import Node
from wowapi_stubs.xml._values import is_true, number, value

if TYPE_CHECKING:
    from wowapi_stubs.widgets import Region

FLAGS = {
    "toplevel": "SetToplevel", "movable": "SetMovable", "resizable": "SetResizable",
    "enableMouse": "EnableMouse", "enableKeyboard": "EnableKeyboard",
    "clampedToScreen": "SetClampedToScreen", "checked": "SetChecked",
    "numeric": "SetNumeric", "password": "SetPassword", "multiLine": "SetMultiLine",
    "autoFocus": "SetAutoFocus", "ignoreArrows": "SetAltArrowKeyMode", "fade": "SetFading",
    "nonspacewrap": "SetNonSpaceWrap", "wordwrap": "SetWordWrap",
    "indented": "SetIndentedWordWrap", "horizTile": "SetHorizTile", "vertTile": "SetVertTile",
    "nonBlocking": "SetNonBlocking", "reverse": "SetReverse", "drawEdge": "SetDrawEdge",
    "rotatesTexture": "SetRotatesTexture",
    "motionScriptsWhileDisabled": "SetMotionScriptsWhileDisabled",
}
NUMBERS = {
    "alpha": "SetAlpha", "frameLevel": "SetFrameLevel", "id": "SetID",
    "letters": "SetMaxLetters", "historyLines": "SetHistoryLines",
    "blinkSpeed": "SetBlinkSpeed", "fadeDuration": "SetFadeDuration",
    "displayDuration": "SetTimeVisible", "maxLines": "SetMaxLines", "spacing": "SetSpacing",
    "valueStep": "SetValueStep", "depth": "SetDepth",
}
TEXTS = {
    "justifyH": "SetJustifyH", "justifyV": "SetJustifyV", "orientation": "SetOrientation",
    "insertMode": "SetInsertMode", "alphaMode": "SetBlendMode",
    "hyperlinkFormat": "SetHyperlinkFormat",
}
MODEL_KINDS = frozenset({"Model", "PlayerModel", "DressUpModel", "TabardModel"})


def apply_attributes(ctx: XmlContext, widget: Region, node: Node) -> None:
    """Every attribute of ``node`` that sets widget state (names, templates, ``hidden``,
    ``parentKey`` and ``setAllPoints`` are handled by the builder)."""
    attrs = node.attrs
    for attr, raw in attrs.items():
        if attr in FLAGS:
            ctx.call(widget, FLAGS[attr], node, is_true(raw))
        elif attr in NUMBERS:
            amount = number(ctx, node, attr)
            if amount is not None:
                ctx.call(widget, NUMBERS[attr], node, amount)
        elif attr in TEXTS:
            ctx.call(widget, TEXTS[attr], node, raw)
        elif attr == "frameStrata":
            if raw != "PARENT":
                ctx.call(widget, "SetFrameStrata", node, raw)
        elif attr == "file":
            _file(ctx, widget, node, raw)
        elif attr == "font" and node.tag != "Font":
            _font(ctx, widget, node, raw)
        elif attr == "registerForClicks":
            ctx.call(widget, "RegisterForClicks", node,
                     *[p.strip() for p in raw.split(",") if p.strip()])
        elif attr == "protected":  # XML only: secure templates make explicitly protected
            widget.protected = is_true(raw)  # frames (IsProtected() -> 1, 1)
        elif attr == "scale" and widget.KIND in MODEL_KINDS:
            ctx.call(widget, "SetModelScale", node, number(ctx, node, attr, 1))
    if "minValue" in attrs or "maxValue" in attrs:
        ctx.call(widget, "SetMinMaxValues", node, number(ctx, node, "minValue", 0),
                 number(ctx, node, "maxValue", 0))
    if "defaultValue" in attrs:
        ctx.call(widget, "SetValue", node, number(ctx, node, "defaultValue", 0))
    if "text" in attrs:
        text = global_string(ctx, attrs["text"])
        if widget.KIND == "FontString":  # the loader sets it itself: no "Font not set" yet
            widget.set_text(text)
        else:
            ctx.call(widget, "SetText", node, text)


def global_string(ctx: XmlContext, text: str) -> str:
    """``text="OKAY"``: the client shows the global string of that name when there is one
    (localized UI strings), else the text itself."""
    found = ctx.client.runtime.rawglobal(text) if text.isidentifier() else None
    return found.decode("utf-8", "surrogateescape") if isinstance(found, bytes) else text


def _file(ctx: XmlContext, widget: Region, node: Node, path: str) -> None:
    if widget.KIND == "Texture":
        ctx.call(widget, "SetTexture", node, path)
    elif widget.KIND in MODEL_KINDS:
        ctx.call(widget, "SetModel", node, path)


def _font(ctx: XmlContext, widget: Region, node: Node, font: str) -> None:
    """``font=``: a Font object's name, or a font file (then with the FontHeight child)."""
    if "\\" in font or "/" in font or "." in font:
        height = node.child("FontHeight")
        size = value(ctx, height) if height is not None else None
        ctx.call(widget, "SetFont", node, font, size or 12, font_flags(node))
        return
    font_object = ctx.client.runtime.rawglobal(font)
    if font_object is None:
        ctx.warn(node, f'font="{font}": no font object of that name')
        return
    ctx.call(widget, "SetFontObject", node, font_object)


def font_flags(node: Node) -> str:
    """``outline``/``monochrome`` as the flags argument of ``SetFont``."""
    flags = []
    outline = (node.get("outline") or "NONE").upper()
    if outline == "NORMAL":
        flags.append("OUTLINE")
    elif outline == "THICK":
        flags.append("THICKOUTLINE")
    if is_true(node.get("monochrome")):
        flags.append("MONOCHROME")
    return ",".join(flags)
