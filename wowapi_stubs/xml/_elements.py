"""Child elements of frames and regions: size, anchors, layers, children, scripts,
backdrops, button and bar textures, texture coordinates, colors, fonts, animations."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from wowapi_stubs.xml import _frames
from wowapi_stubs.xml._attributes import apply_attributes, font_flags
from wowapi_stubs.xml._context import XmlContext, resolve_name
from wowapi_stubs.xml._parse import Node
from wowapi_stubs.xml._schema import FRAME_TYPES, LAYOUT_ELEMENTS
from wowapi_stubs.xml._scripts import apply_scripts
from wowapi_stubs.xml._values import color, dimension, inset, is_true, number, value

if TYPE_CHECKING:
    from wowapi_stubs.widgets import Region

Handler = Callable[[XmlContext, "Region", Node], None]
DRAW_LAYERS = frozenset({"BACKGROUND", "BORDER", "ARTWORK", "OVERLAY", "HIGHLIGHT"})


def apply_elements(ctx: XmlContext, widget: Region, node: Node) -> None:
    """Every child element of ``node``, in document order."""
    for child in node.children:
        handler = HANDLERS.get(child.tag)
        if handler is not None:
            handler(ctx, widget, child)
        elif child.tag in TEXTURE_SETTERS:
            _set_region(ctx, widget, child, "Texture")
        elif child.tag in LAYOUT_ELEMENTS:
            continue  # read by its parent's handler (e.g. FontHeight), or nothing to set
        else:
            ctx.warn(child, f"unknown element <{child.tag}> in <{node.tag}> is ignored")


def _size(ctx: XmlContext, widget: Region, node: Node) -> None:
    x, y = dimension(ctx, node)
    if x is not None and y is not None:
        ctx.call(widget, "SetSize", node, x, y)
    elif x is not None:
        ctx.call(widget, "SetWidth", node, x)
    elif y is not None:
        ctx.call(widget, "SetHeight", node, y)


def _anchors(ctx: XmlContext, widget: Region, node: Node) -> None:
    for anchor in node.children:
        if anchor.tag != "Anchor":
            ctx.warn(anchor, f"unknown element <{anchor.tag}> in <Anchors> is ignored")
            continue
        attrs = anchor.attrs
        point = attrs.get("point")
        if not point:
            ctx.error(anchor, "<Anchor> without point=")
            continue
        relative = widget.parent
        written = attrs.get("relativeTo")
        if written:
            name = resolve_name(written, widget.parent) or ""
            relative = ctx.widget_named(name)
            if relative is None:
                ctx.warn(anchor, f'relativeTo="{written}": no frame named {name!r} (yet); '
                         "anchored to the parent instead")
                relative = widget.parent
        offset = anchor.child("Offset")
        x, y = dimension(ctx, offset) if offset is not None else (
            number(ctx, anchor, "x"), number(ctx, anchor, "y"))
        ctx.call(widget, "SetPoint", node, point, relative,
                 attrs.get("relativePoint") or point, x or 0, y or 0)


def _layers(ctx: XmlContext, widget: Region, node: Node) -> None:
    for layer in node.children:
        if layer.tag != "Layer":
            ctx.warn(layer, f"unknown element <{layer.tag}> in <Layers> is ignored")
            continue
        level = layer.get("level") or "ARTWORK"
        if level not in DRAW_LAYERS:
            ctx.warn(layer, f'level="{level}" is not a draw layer; its regions are drawn in '
                     "ARTWORK (the client's default)")
            level = "ARTWORK"
        for child in layer.children:
            if child.tag in ("Texture", "FontString"):
                _frames.build_child(ctx, child, widget, level)
            else:
                ctx.warn(child, f"<{child.tag}> cannot be in a <Layer> (Texture or "
                         "FontString only); ignored")


def _frames_element(ctx: XmlContext, widget: Region, node: Node) -> None:
    for child in node.children:
        if child.tag in FRAME_TYPES:
            _frames.build_child(ctx, child, widget)
        else:
            ctx.warn(child, f"<{child.tag}> is not a frame type; ignored in <Frames>")


def _scripts(ctx: XmlContext, widget: Region, node: Node) -> None:
    apply_scripts(ctx, widget, node)


def _backdrop(ctx: XmlContext, widget: Region, node: Node) -> None:
    backdrop: dict[str, object] = {}
    for attr in ("bgFile", "edgeFile"):
        if node.get(attr):
            backdrop[attr] = node.get(attr)
    backdrop["tile"] = is_true(node.get("tile"))
    for tag, key in (("TileSize", "tileSize"), ("EdgeSize", "edgeSize")):
        child = node.child(tag)
        if child is not None:
            backdrop[key] = value(ctx, child) or 0
    insets = node.child("BackgroundInsets")
    if insets is not None:
        left, right, top, bottom = inset(ctx, insets)
        backdrop["insets"] = {"left": left, "right": right, "top": top, "bottom": bottom}
    ctx.call(widget, "SetBackdrop", node, backdrop)
    for tag, method in (("Color", "SetBackdropColor"), ("BorderColor",
                                                         "SetBackdropBorderColor")):
        child = node.child(tag)
        if child is not None:
            ctx.call(widget, method, child, *color(ctx, child))


def _hit_rect(ctx: XmlContext, widget: Region, node: Node) -> None:
    ctx.call(widget, "SetHitRectInsets", node, *inset(ctx, node))


def _text_insets(ctx: XmlContext, widget: Region, node: Node) -> None:
    ctx.call(widget, "SetTextInsets", node, *inset(ctx, node))


def _attributes(ctx: XmlContext, widget: Region, node: Node) -> None:
    for child in node.children:
        name, kind, raw = child.get("name"), child.get("type") or "string", child.get("value")
        if not name:
            ctx.error(child, "<Attribute> without name=")
            continue
        converted: object = raw
        if kind == "nil":
            converted = None
        elif kind == "boolean":
            converted = is_true(raw)
        elif kind == "number":
            converted = number(ctx, child, "value")
        ctx.call(widget, "SetAttribute", child, name, converted)


def _resize_bounds(ctx: XmlContext, widget: Region, node: Node) -> None:
    for tag, method in (("minResize", "SetMinResize"), ("maxResize", "SetMaxResize")):
        child = node.child(tag)
        if child is not None:
            x, y = dimension(ctx, child)
            ctx.call(widget, method, child, x or 0, y or 0)


def _title_region(ctx: XmlContext, widget: Region, node: Node) -> None:
    created = ctx.call(widget, "CreateTitleRegion", node)
    region = ctx.client._widget_from_lua(created) if created is not None else None
    if region is not None:
        _frames.apply_node(ctx, region, node)


def _scroll_child(ctx: XmlContext, widget: Region, node: Node) -> None:
    for child in node.children:
        built = _frames.build_frame(ctx, child, widget) if child.tag in FRAME_TYPES else None
        if built is not None:
            ctx.call(widget, "SetScrollChild", child, built)


# Elements holding a texture or font string the frame uses for a purpose.
TEXTURE_SETTERS = {
    "NormalTexture": ("SetNormalTexture", "ARTWORK"),
    "PushedTexture": ("SetPushedTexture", "ARTWORK"),
    "DisabledTexture": ("SetDisabledTexture", "ARTWORK"),
    "HighlightTexture": ("SetHighlightTexture", "HIGHLIGHT"),
    "CheckedTexture": ("SetCheckedTexture", "ARTWORK"),
    "DisabledCheckedTexture": ("SetDisabledCheckedTexture", "ARTWORK"),
    "BarTexture": ("SetStatusBarTexture", "ARTWORK"),
    "ThumbTexture": ("SetThumbTexture", "OVERLAY"),
    "ColorWheelTexture": ("SetColorWheelTexture", "ARTWORK"),
    "ColorWheelThumbTexture": ("SetColorWheelThumbTexture", "ARTWORK"),
    "ColorValueTexture": ("SetColorValueTexture", "ARTWORK"),
    "ColorValueThumbTexture": ("SetColorValueThumbTexture", "ARTWORK"),
}


def _set_region(ctx: XmlContext, widget: Region, node: Node, kind: str) -> None:
    method, layer = TEXTURE_SETTERS[node.tag] if kind == "Texture" else ("SetFontString",
                                                                         "OVERLAY")
    region = _frames.build_region(ctx, node, widget, layer, kind)
    if region is not None:
        ctx.call(widget, method, node, region)


def _button_text(ctx: XmlContext, widget: Region, node: Node) -> None:
    _set_region(ctx, widget, node, "FontString")


def _button_font(ctx: XmlContext, widget: Region, node: Node) -> None:
    style = node.get("style")
    font = ctx.client.runtime.rawglobal(style) if style else None
    if font is None:
        ctx.warn(node, f'<{node.tag} style="{style}">: no font object of that name')
        return
    ctx.call(widget, f"Set{node.tag}Object", node, font)


def _pushed_offset(ctx: XmlContext, widget: Region, node: Node) -> None:
    x, y = dimension(ctx, node)
    ctx.call(widget, "SetPushedTextOffset", node, x or 0, y or 0)


def _bar_color(ctx: XmlContext, widget: Region, node: Node) -> None:
    ctx.call(widget, "SetStatusBarColor", node, *color(ctx, node))


def _color(ctx: XmlContext, widget: Region, node: Node) -> None:
    """A texture's Color makes it a solid color; a font string's is its text color."""
    method = "SetTexture" if widget.KIND == "Texture" else "SetTextColor"
    ctx.call(widget, method, node, *color(ctx, node))


def _tex_coords(ctx: XmlContext, widget: Region, node: Node) -> None:
    corners = ("ULx", "ULy", "LLx", "LLy", "URx", "URy", "LRx", "LRy")
    if all(node.get(c) is not None for c in corners):
        ctx.call(widget, "SetTexCoord", node, *(number(ctx, node, c, 0) for c in corners))
        return
    ctx.call(widget, "SetTexCoord", node, *(number(ctx, node, side, 0) for side in
                                            ("left", "right", "top", "bottom")))


def _gradient(ctx: XmlContext, widget: Region, node: Node) -> None:
    low, high = node.child("MinColor"), node.child("MaxColor")
    if low is None or high is None:
        ctx.error(node, "<Gradient> needs <MinColor> and <MaxColor>")
        return
    ctx.call(widget, "SetGradientAlpha", node, node.get("orientation") or "HORIZONTAL",
             *color(ctx, low), *color(ctx, high))


def _shadow(ctx: XmlContext, widget: Region, node: Node) -> None:
    shade = node.child("Color")
    if shade is not None:
        ctx.call(widget, "SetShadowColor", shade, *color(ctx, shade))
    offset = node.child("Offset")
    if offset is not None:
        x, y = dimension(ctx, offset)
        ctx.call(widget, "SetShadowOffset", offset, x or 0, y or 0)


def _font_string(ctx: XmlContext, widget: Region, node: Node) -> None:
    """A frame's text settings (EditBox, message frames, SimpleHTML): ``inherits`` names
    the font object it takes its font from."""
    inherited = node.get("inherits")
    if inherited:
        name = inherited.split(",")[0].strip()
        font_object = ctx.client.runtime.rawglobal(name)
        if font_object is None:
            ctx.warn(node, f'inherits="{inherited}": no font object named {name}')
        else:
            ctx.call(widget, "SetFontObject", node, font_object)
    apply_attributes(ctx, widget, node)
    apply_elements(ctx, widget, node)


def _animations(ctx: XmlContext, widget: Region, node: Node) -> None:
    from wowapi_stubs.xml._animations import build_group

    for child in node.children:
        if child.tag == "AnimationGroup":
            build_group(ctx, widget, child)
        else:
            ctx.warn(child, f"<{child.tag}> in <Animations> is ignored (AnimationGroup "
                     "expected)")


def inherit_font(ctx: XmlContext, widget: Region, font: Node) -> None:
    """A font string or text frame inheriting a ``<Font>``: that font object when it exists,
    else the font's settings applied to the widget."""
    name = font.get("name")
    found = ctx.client.runtime.rawglobal(name) if name else None
    if found is not None and ctx.client._widget_from_lua(found) is not None:
        ctx.call(widget, "SetFontObject", font, found)
        return
    apply_font_settings(ctx, widget, font)


def apply_font_settings(ctx: XmlContext, target: Region, font: Node) -> None:
    """A ``<Font>``'s file, height, flags, color, shadow, spacing and justification."""
    path = font.get("font")
    height = font.child("FontHeight")
    if path:
        size = value(ctx, height) if height is not None else None
        ctx.call(target, "SetFont", font, path, size or 12, font_flags(font))
    for attr, method in (("justifyH", "SetJustifyH"), ("justifyV", "SetJustifyV")):
        if font.get(attr):
            ctx.call(target, method, font, font.get(attr))
    if font.get("spacing"):
        ctx.call(target, "SetSpacing", font, number(ctx, font, "spacing", 0))
    shade = font.child("Color")
    if shade is not None:
        ctx.call(target, "SetTextColor", shade, *color(ctx, shade))
    shadow = font.child("Shadow")
    if shadow is not None:
        _shadow(ctx, target, shadow)


HANDLERS: dict[str, Handler] = {
    "Size": _size, "Anchors": _anchors, "Layers": _layers, "Frames": _frames_element,
    "Scripts": _scripts, "Backdrop": _backdrop, "HitRectInsets": _hit_rect,
    "TextInsets": _text_insets, "Attributes": _attributes, "ResizeBounds": _resize_bounds,
    "TitleRegion": _title_region, "ScrollChild": _scroll_child, "ButtonText": _button_text,
    "NormalFont": _button_font, "HighlightFont": _button_font, "DisabledFont": _button_font,
    "PushedTextOffset": _pushed_offset, "BarColor": _bar_color, "Color": _color,
    "TexCoords": _tex_coords, "Gradient": _gradient, "Shadow": _shadow,
    "FontString": _font_string, "Animations": _animations,
}
