"""Regions drawn on a frame (``Texture``, ``FontString``), font objects (``Font``) and the
``FontInstance`` methods they share with edit boxes and message frames."""

from __future__ import annotations

from typing import Any, ClassVar

from wowapi_stubs.errors import WowApiError
from wowapi_stubs.widgets.base import (
    NUMBER_TYPES,
    TEXT_TYPES,
    Region,
    ScriptObject,
    alpha_unit,
    color_pair,
    flag_pair,
    flag_result,
    lua_flag,
    lua_number,
    lua_text,
    opt_int,
    opt_number,
    opt_text,
    shown_text,
    usage,
)

DRAW_LAYERS = ("BACKGROUND", "BORDER", "ARTWORK", "OVERLAY", "HIGHLIGHT")
BLEND_MODES = ("DISABLE", "BLEND", "ALPHAKEY", "ADD", "MOD")
JUSTIFY_H = ("LEFT", "CENTER", "RIGHT")
JUSTIFY_V = ("TOP", "MIDDLE", "BOTTOM")
# Average glyph width as a share of the font height (what GetStringWidth estimates with).
_GLYPH_WIDTH = 0.55


class FontInstance:
    """Font, colour, shadow, spacing and justification; unset values come from the font
    object set with ``SetFontObject`` (looked up when read, as the client does)."""

    KIND: ClassVar[str] = "FontInstance"
    _client: Any
    _font: dict[str, Any] | None = None
    _font_object_id: int | None = None

    def _font_value(self, key: str, default: Any = None, depth: int = 0) -> Any:
        own = self._font
        if own is not None and key in own:
            return own[key]
        parent = self.font_object()
        if parent is not None and depth < 16:
            return parent._font_value(key, default, depth + 1)
        return default

    def _set_font_value(self, key: str, value: Any) -> None:
        if self._font is None:
            self._font = {}
        self._font[key] = value

    def font_object(self) -> Font | None:
        found = self._font_object_id
        return None if found is None else self._client.widgets.get(found)

    def set_font_object_name(self, name: str) -> None:
        """Inherit from the font object named ``name`` when it exists (Python side)."""
        found = self._client.lookup_named(name)
        if isinstance(found, FontInstance):
            self._font_object_id = found.id

    def has_font(self) -> bool:
        return self._font_value("path") is not None

    def SetFont(self, path: Any = None, size: Any = None, flags: Any = None) -> int | None:
        """The client checks the path only: a missing or zero height makes the call fail
        (nil, nothing changed) without an error. Dewdrop-2.0 passes FrameXML's
        ``UIDROPDOWNMENU_DEFAULT_TEXT_HEIGHT``, which 3.3.5a leaves nil."""
        if path is None:
            raise usage(f'{self.KIND}:SetFont("path", height [, "flags"])')
        height = 0 if size is None else lua_number(size, what="height")
        if height <= 0:
            return None
        self._set_font_value("path", lua_text(path))
        self._set_font_value("size", float(height))
        self._set_font_value("flags", opt_text(flags) or "")
        return 1

    def GetFont(self) -> tuple[Any, ...]:
        path = self._font_value("path")
        if path is None:
            return ()
        return path, self._font_value("size", 0.0), self._font_value("flags", "")

    def SetFontObject(self, font: Any = None) -> None:
        if font is None:
            self._font_object_id = None
            return
        found = (self._client.lookup_named(lua_text(font)) if isinstance(font, TEXT_TYPES)
                 else self._client._widget_from_lua(font))
        if not isinstance(found, FontInstance):
            raise usage(f"{self.KIND}:SetFontObject(font)")
        if found is self:
            raise WowApiError(f"{self.KIND}:SetFontObject(): can't inherit from itself")
        self._font_object_id = found.id

    def GetFontObject(self) -> Any:
        return self.font_object()

    def SetTextColor(self, r: Any = None, g: Any = None, b: Any = None, a: Any = None) -> None:
        self._set_font_value("color", _color(self, r, g, b, a))

    def GetTextColor(self) -> tuple[float, ...]:
        return self._font_value("color", (1.0, 1.0, 1.0, 1.0))

    def SetShadowColor(self, r: Any = None, g: Any = None, b: Any = None,
                       a: Any = None) -> None:
        self._set_font_value("shadow_color", _color(self, r, g, b, a))

    def GetShadowColor(self) -> tuple[float, ...]:
        return self._font_value("shadow_color", (0.0, 0.0, 0.0, 0.0))

    def SetShadowOffset(self, x: Any = None, y: Any = None) -> None:
        self._set_font_value("shadow_offset", (opt_number(x, 0.0), opt_number(y, 0.0)))

    def GetShadowOffset(self) -> tuple[float, ...]:
        return self._font_value("shadow_offset", (0.0, 0.0))

    def SetSpacing(self, spacing: Any = None) -> None:
        self._set_font_value("spacing", opt_number(spacing, 0.0))

    def GetSpacing(self) -> float:
        return self._font_value("spacing", 0.0)

    def SetJustifyH(self, justify: Any = None) -> None:
        value = lua_text(justify, what="justify").upper() if justify is not None else ""
        if value in JUSTIFY_H:
            self._set_font_value("justify_h", value)

    def GetJustifyH(self) -> str:
        return self._font_value("justify_h", "CENTER")

    def SetJustifyV(self, justify: Any = None) -> None:
        value = lua_text(justify, what="justify").upper() if justify is not None else ""
        if value in JUSTIFY_V:
            self._set_font_value("justify_v", value)

    def GetJustifyV(self) -> str:
        return self._font_value("justify_v", "MIDDLE")

    def SetIndentedWordWrap(self, flag: Any = None) -> None:
        self._set_font_value("indented", lua_flag(flag))

    def GetIndentedWordWrap(self) -> int | None:
        return flag_result(self._font_value("indented", False))

    def font_height(self) -> float:
        return float(self._font_value("size", 12.0))


def _color(widget: Any, r: Any, g: Any, b: Any, a: Any) -> tuple[float, float, float, float]:
    if r is None or g is None or b is None:
        raise usage(f"{widget.KIND}:SetTextColor(r, g, b [, a])")

    def unit(value: Any, default: float = 0.0) -> float:
        number = opt_number(value, default, what="color")
        return 0.0 if number < 0 else 1.0 if number > 1 else float(number)

    return unit(r), unit(g), unit(b), alpha_unit(a)


class LayeredRegion(Region):
    """A region drawn in one of its frame's layers."""

    KIND: ClassVar[str] = "LayeredRegion"
    draw_layer = "ARTWORK"
    sublevel = 0
    vertex_color = (1.0, 1.0, 1.0, 1.0)

    def SetAlpha(self, alpha: Any = None) -> None:
        if alpha is None:
            raise usage(f"{self.KIND}:SetAlpha(alpha)")
        value = lua_number(alpha, what="alpha")
        self.alpha = 0.0 if value < 0 else 1.0 if value > 1 else float(value)

    def GetAlpha(self) -> float:
        return self.alpha

    def SetDrawLayer(self, layer: Any = None, sublevel: Any = None) -> None:
        if layer is None:
            raise usage(f'{self.KIND}:SetDrawLayer("layer" [, sublevel])')
        name = lua_text(layer).upper()
        if name not in DRAW_LAYERS:
            raise WowApiError(f'{self.KIND}:SetDrawLayer(): Invalid layer "{name}"')
        self.draw_layer = name
        level = opt_int(sublevel, 0, what="sublevel")
        if not -8 <= level <= 7:
            raise WowApiError(f"{self.KIND}:SetDrawLayer(): Sublevel must be between -8 and 7")
        self.sublevel = level

    def GetDrawLayer(self) -> tuple[str, int]:
        return self.draw_layer, self.sublevel

    SetVertexColor, GetVertexColor = color_pair("vertex_color", nil_is_zero=True)

    def inherit(self, template: str) -> None:
        """Apply a template (``CreateTexture``/``CreateFontString``'s third argument)."""
        self._client.apply_templates(self, template)


class Texture(LayeredRegion):
    """An image (a file path or a solid colour) with coordinates, colour and blend mode."""

    KIND: ClassVar[str] = "Texture"
    texture: str | None = None
    color: tuple[float, float, float, float] | None = None
    tex_coord = (0.0, 0.0, 0.0, 1.0, 1.0, 0.0, 1.0, 1.0)
    blend_mode = "BLEND"
    desaturated = False
    rotation = 0.0
    gradient: tuple[Any, ...] | None = None
    horiz_tile = vert_tile = non_blocking = False

    def SetTexture(self, path: Any = None, *rgba: Any) -> int | None:
        if path is None:
            self.texture, self.color = None, None
            return None
        if isinstance(path, NUMBER_TYPES) and not isinstance(path, bool):
            values = [path, *rgba]
            self.texture = None
            self.color = tuple(  # type: ignore[assignment]
                float(opt_number(v, 1.0 if i == 3 else 0.0)) for i, v in
                enumerate(values[:4] + [None] * (4 - len(values[:4]))))
            return 1
        self.texture, self.color = lua_text(path, what="texture"), None
        return 1 if self.texture else None

    def GetTexture(self) -> str | None:
        return self.texture

    def SetTexCoord(self, *values: Any) -> None:
        if len(values) == 4:
            left, right, top, bottom = (lua_number(v, what="coordinate") for v in values)
            self.tex_coord = (left, top, left, bottom, right, top, right, bottom)
        elif len(values) == 8:
            self.tex_coord = tuple(lua_number(v, what="coordinate")  # type: ignore[assignment]
                                   for v in values)
        else:
            raise usage(f"{self.KIND}:SetTexCoord(minX, maxX, minY, maxY) or "
                        "SetTexCoord(ULx, ULy, LLx, LLy, URx, URy, LRx, LRy)")

    def GetTexCoord(self) -> tuple[float, ...]:
        return self.tex_coord

    def SetBlendMode(self, mode: Any = None) -> None:
        name = lua_text(mode, what="blend mode").upper() if mode is not None else ""
        if name not in BLEND_MODES:
            raise usage(f'{self.KIND}:SetBlendMode("mode")')
        self.blend_mode = name

    def GetBlendMode(self) -> str:
        return self.blend_mode

    def SetDesaturated(self, flag: Any = None) -> int:
        self.desaturated = lua_flag(flag)
        return 1  # shaders are supported

    def IsDesaturated(self) -> int | None:
        return flag_result(self.desaturated)

    def SetGradient(self, orientation: Any = None, *colors: Any) -> None:
        if orientation is None or len(colors) < 6:
            raise usage(f'{self.KIND}:SetGradient("orientation", minR, minG, minB, maxR, '
                        "maxG, maxB)")
        self.gradient = (lua_text(orientation).upper(),
                         *(lua_number(c, what="color") for c in colors[:6]))

    def SetGradientAlpha(self, orientation: Any = None, *colors: Any) -> None:
        if orientation is None or len(colors) < 8:
            raise usage(f'{self.KIND}:SetGradientAlpha("orientation", minR, minG, minB, minA,'
                        " maxR, maxG, maxB, maxA)")
        self.gradient = (lua_text(orientation).upper(),
                         *(lua_number(c, what="color") for c in colors[:8]))

    def SetRotation(self, radians: Any = None, *_: Any) -> None:
        self.rotation = lua_number(radians, what="radians") if radians is not None else 0.0

    SetHorizTile, GetHorizTile = flag_pair("horiz_tile")
    SetVertTile, GetVertTile = flag_pair("vert_tile")
    SetNonBlocking, GetNonBlocking = flag_pair("non_blocking")


class FontString(FontInstance, LayeredRegion):
    """A line (or block) of text."""

    KIND: ClassVar[str] = "FontString"
    draw_layer = "ARTWORK"
    _text: str | None = None
    word_wrap = True
    non_space_wrap = False
    alpha_gradient: tuple[float, float] | None = None

    @property
    def text(self) -> str | None:
        return self._text

    def set_text(self, value: str | None) -> None:
        """Set the text from Python (no font check)."""
        self._text = value

    def SetText(self, value: Any = None) -> None:
        if not self.has_font():
            raise WowApiError(f"{self.KIND}:SetText(): Font not set")
        self._text = shown_text(value)

    def GetText(self) -> str | None:
        return self._text

    def SetFormattedText(self, fmt: Any = None, *args: Any) -> None:
        if fmt is None:
            raise usage(f'{self.KIND}:SetFormattedText("format", ...)')
        self.SetText(self._client.runtime.fn.format(fmt, *args))

    def GetStringWidth(self) -> float:
        lines = (self._text or "").split("\n")
        return round(max(len(line) for line in lines) * self.font_height() * _GLYPH_WIDTH, 2)

    def GetStringHeight(self) -> float:
        if not self._text:
            return 0.0
        return (self._text.count("\n") + 1) * (self.font_height() + self.GetSpacing())

    def SetTextHeight(self, height: Any = None) -> None:
        if height is None:
            raise usage(f"{self.KIND}:SetTextHeight(height)")
        self._set_font_value("size", float(lua_number(height, what="height")))

    SetWordWrap, CanWordWrap = flag_pair("word_wrap")
    SetNonSpaceWrap, CanNonSpaceWrap = flag_pair("non_space_wrap")

    def SetAlphaGradient(self, start: Any = None, length: Any = None) -> int | None:
        """1 while the gradient's start has not reached the end of the text (a fade still
        running), nil once it has."""
        self.alpha_gradient = (opt_number(start, 0.0), opt_number(length, 0.0))
        return 1 if self.alpha_gradient[0] < len(self._text or "") else None


class Font(FontInstance, ScriptObject):
    """A named font object (``CreateFont``, ``GameFontNormal``...)."""

    KIND: ClassVar[str] = "Font"
    alpha = 1.0

    def SetAlpha(self, alpha: Any = None) -> None:
        if alpha is None:
            raise usage("Font:SetAlpha(alpha)")
        value = lua_number(alpha, what="alpha")
        self.alpha = 0.0 if value < 0 else 1.0 if value > 1 else float(value)

    def GetAlpha(self) -> float:
        return self.alpha

    def CopyFontObject(self, font: Any = None) -> None:
        found = (self._client.lookup_named(lua_text(font)) if isinstance(font, TEXT_TYPES)
                 else self._client._widget_from_lua(font))
        if not isinstance(found, FontInstance):
            raise usage("Font:CopyFontObject(font)")
        values = {key: found._font_value(key) for key in
                  ("path", "size", "flags", "color", "shadow_color", "shadow_offset",
                   "spacing", "justify_h", "justify_v", "indented")}
        self._font = {key: value for key, value in values.items() if value is not None}

    def configure(self, path: str, size: float, flags: str = "",
                  color: tuple[float, float, float] = (1.0, 1.0, 1.0), *,
                  justify_h: str | None = None, justify_v: str | None = None,
                  shadow: bool = False) -> Font:
        """Set the font's values from Python (the standard fonts of the built-in UI)."""
        self._font = {"path": path, "size": float(size), "flags": flags,
                      "color": (*color, 1.0)}
        if justify_h:
            self._font["justify_h"] = justify_h
        if justify_v:
            self._font["justify_v"] = justify_v
        if shadow:
            self._font["shadow_color"] = (0.0, 0.0, 0.0, 1.0)
            self._font["shadow_offset"] = (1.0, -1.0)
        return self


class TitleRegion(Region):
    """The drag area of a frame (``CreateTitleRegion``)."""

    KIND: ClassVar[str] = "TitleRegion"
