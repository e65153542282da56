"""Input and value widgets: ``EditBox``, ``Slider``, ``StatusBar``, ``ScrollFrame``,
``Cooldown`` and ``ColorSelect``."""

from __future__ import annotations

import colorsys
from typing import Any, ClassVar

from wowapi_stubs.errors import WowApiError
from wowapi_stubs.widgets.base import (
    color_pair,
    flag_pair,
    flag_result,
    lua_int,
    lua_number,
    lua_text,
    number_pair,
    opt_int,
    usage,
    values_pair,
)
from wowapi_stubs.widgets.buttons import Enableable, StateTextures
from wowapi_stubs.widgets.frame import FRAME_SCRIPTS, Frame
from wowapi_stubs.widgets.regions import FontInstance, Texture

EDITBOX_SCRIPTS = FRAME_SCRIPTS | {
    "OnTextChanged", "OnTextSet", "OnEnterPressed", "OnEscapePressed", "OnEditFocusGained",
    "OnEditFocusLost", "OnTabPressed", "OnSpacePressed", "OnCursorChanged",
    "OnInputLanguageChanged", "OnChar"}
VALUE_SCRIPTS = FRAME_SCRIPTS | {"OnValueChanged", "OnMinMaxChanged"}
SCROLL_SCRIPTS = FRAME_SCRIPTS | {"OnHorizontalScroll", "OnVerticalScroll",
                                  "OnScrollRangeChanged"}


def _slot(slot: str) -> tuple[Any, Any]:
    """``SetXTexture(texture or path)`` / ``GetXTexture()`` for one texture slot."""

    def setter(self: Any, texture: Any = None, *_: Any) -> None:
        self._set_slot_texture(slot, texture, "ARTWORK")

    def getter(self: Any) -> Any:
        return self._slot_texture(slot)

    return setter, getter


class EditBox(FontInstance, Frame):
    """A text input field. ``set_text``/``press_enter``/``press_escape`` act as the user."""

    KIND: ClassVar[str] = "EditBox"
    SCRIPTS: ClassVar[frozenset[str]] = EDITBOX_SCRIPTS
    max_letters = 0
    max_bytes = 0
    numeric = password = multi_line = False
    auto_focus = True
    count_invisible = False
    alt_arrow_key_mode = False
    blink_speed = 0.5
    history_lines = 0
    text_insets = (0.0, 0.0, 0.0, 0.0)
    highlight: tuple[int, int] | None = None
    cursor = 0

    def __init__(self, client: Any, name: str | None, parent: Any) -> None:
        super().__init__(client, name, parent)
        self._text = ""
        self.history: list[str] = []

    @property
    def text(self) -> str:
        return self._text

    @property
    def focused(self) -> bool:
        return self._client.focus_id == self.id

    # -- as the user --------------------------------------------------------------------------
    def set_text(self, value: str) -> None:
        """Type into the box from Python (OnTextChanged with ``userInput`` true)."""
        self._store(value, user_input=True)

    def press_enter(self) -> None:
        self.run_script("OnEnterPressed")

    def press_escape(self) -> None:
        self.run_script("OnEscapePressed")

    def _store(self, value: str, *, user_input: bool) -> None:
        if self.max_letters:
            value = value[: self.max_letters]
        if self.max_bytes:
            value = value.encode("utf-8", "surrogateescape")[: self.max_bytes].decode(
                "utf-8", "ignore")
        changed = value != self._text
        self._text = value
        self.cursor = len(value.encode("utf-8", "surrogateescape"))
        if not changed:
            return
        # The cursor moves to the end at once (x, y, width, height of the cursor; nothing
        # is laid out: the first line).
        self.run_script("OnCursorChanged", 0, 0, 0, self._font_value("size", 12.0))
        if user_input:
            self.run_script("OnTextChanged", True)
        else:
            # Text set by code is reported with the next frame (FrameXML's MoneyInputFrame
            # counts the changes it expects after setting its three boxes).
            self._client.clock.call_later(0, lambda: self.run_script("OnTextChanged", False))

    # -- text ---------------------------------------------------------------------------------
    def SetText(self, value: Any = None) -> None:
        self._store("" if value is None else lua_text(value, what="text"), user_input=False)
        self.run_script("OnTextSet")

    def GetText(self) -> str:
        return self._text

    def Insert(self, value: Any = None) -> None:
        if value is None:
            raise usage('EditBox:Insert("text")')
        raw = self._text.encode("utf-8", "surrogateescape")
        at = min(self.cursor, len(raw))
        added = lua_text(value).encode("utf-8", "surrogateescape")
        combined = (raw[:at] + added + raw[at:]).decode("utf-8", "surrogateescape")
        self._store(combined, user_input=False)
        self.cursor = at + len(added)

    def GetNumber(self) -> float:
        try:
            return float(self._text.strip() or 0)
        except ValueError:
            return 0

    def SetNumber(self, value: Any = None) -> None:
        self.SetText(lua_number(value, what="number") if value is not None else "")

    def GetNumLetters(self) -> int:
        return len(self._text)

    def SetMaxLetters(self, count: Any = None) -> None:
        if count is None:
            raise usage("EditBox:SetMaxLetters(count)")
        self.max_letters = max(0, lua_int(count, what="count"))
        if self.max_letters and len(self._text) > self.max_letters:
            self._store(self._text, user_input=False)

    def GetMaxLetters(self) -> int:
        return self.max_letters

    def SetMaxBytes(self, count: Any = None) -> None:
        if count is None:
            raise usage("EditBox:SetMaxBytes(count)")
        self.max_bytes = max(0, lua_int(count, what="count"))

    def GetMaxBytes(self) -> int:
        return self.max_bytes

    SetNumeric, IsNumeric = flag_pair("numeric")
    SetPassword, IsPassword = flag_pair("password")
    SetMultiLine, IsMultiLine = flag_pair("multi_line")
    SetAutoFocus, IsAutoFocus = flag_pair("auto_focus")
    SetCountInvisibleLetters, IsCountInvisibleLetters = flag_pair("count_invisible")
    SetAltArrowKeyMode, GetAltArrowKeyMode = flag_pair("alt_arrow_key_mode")
    SetBlinkSpeed, GetBlinkSpeed = number_pair("blink_speed", "EditBox:SetBlinkSpeed(seconds)")
    SetTextInsets, GetTextInsets = values_pair("text_insets", 4)

    # -- cursor, highlight, focus -------------------------------------------------------------
    def SetCursorPosition(self, position: Any = None) -> None:
        if position is None:
            raise usage("EditBox:SetCursorPosition(position)")
        size = len(self._text.encode("utf-8", "surrogateescape"))
        self.cursor = min(max(0, lua_int(position, what="position")), size)

    def GetCursorPosition(self) -> int:
        return self.cursor

    def GetUTF8CursorPosition(self) -> int:
        raw = self._text.encode("utf-8", "surrogateescape")[: self.cursor]
        return len(raw.decode("utf-8", "ignore"))

    def HighlightText(self, start: Any = None, stop: Any = None) -> None:
        size = len(self._text.encode("utf-8", "surrogateescape"))
        first = opt_int(start, 0)
        last = opt_int(stop, size)
        self.highlight = (first, last if last >= 0 else size)

    def SetFocus(self) -> None:
        current = self._client.widgets.get(self._client.focus_id)
        if current is self:
            return
        if isinstance(current, EditBox):
            current.ClearFocus()
        self._client.focus_id = self.id
        self.run_script("OnEditFocusGained")

    def ClearFocus(self) -> None:
        if self._client.focus_id == self.id:
            self._client.focus_id = None
            self.run_script("OnEditFocusLost")

    def HasFocus(self) -> int | None:
        return flag_result(self.focused)

    def _subtree_visibility_changed(self, visible: bool) -> None:
        if not visible:
            self.ClearFocus()
        elif self.auto_focus:
            self.SetFocus()

    # -- history and input language -----------------------------------------------------------
    def AddHistoryLine(self, line: Any = None) -> None:
        if line is None:
            raise usage('EditBox:AddHistoryLine("text")')
        self.history.append(lua_text(line))
        if self.history_lines and len(self.history) > self.history_lines:
            del self.history[: len(self.history) - self.history_lines]

    def ClearHistory(self) -> None:
        self.history.clear()

    def SetHistoryLines(self, count: Any = None) -> None:
        if count is None:
            raise usage("EditBox:SetHistoryLines(count)")
        self.history_lines = max(0, lua_int(count, what="count"))

    def GetHistoryLines(self) -> int:
        return self.history_lines

    def GetInputLanguage(self) -> str:
        return "ROMAN"

    def ToggleInputLanguage(self) -> None:
        pass

    def IsInIMECompositionMode(self) -> None:
        return None


class _Valued(Frame):
    """Minimum, maximum and value with OnValueChanged/OnMinMaxChanged (sliders, bars).

    As in the 3.3.5a client, the value exists only once a range is set: ``SetValue`` before
    any ``SetMinMaxValues`` is ignored, and ``SetMinMaxValues`` re-clamps (and reports) a
    value only once one was set. So a slider's ``OnLoad`` that sets its range does not run
    its ``OnValueChanged`` before the addon's saved variables exist."""

    SCRIPTS: ClassVar[frozenset[str]] = VALUE_SCRIPTS
    minimum = 0.0
    maximum = 0.0
    value = 0.0
    orientation = "HORIZONTAL"
    _range_set = False
    _value_set = False

    def SetMinMaxValues(self, minimum: Any = None, maximum: Any = None) -> None:
        if minimum is None or maximum is None:
            raise usage(f"{self.KIND}:SetMinMaxValues(min, max)")
        low, high = lua_number(minimum, what="min"), lua_number(maximum, what="max")
        if low > high:
            raise WowApiError(f"{self.KIND}:SetMinMaxValues(): Min value must be less than "
                              "or equal to max value")
        if self._range_set and (low, high) == (self.minimum, self.maximum):
            return
        self.minimum, self.maximum = float(low), float(high)
        self._range_set = True
        self.run_script("OnMinMaxChanged", self.minimum, self.maximum)
        if self._value_set:
            self._set_value(self.value)

    def GetMinMaxValues(self) -> tuple[float, float]:
        return self.minimum, self.maximum

    def SetValue(self, value: Any = None) -> None:
        if value is None:
            raise usage(f"{self.KIND}:SetValue(value)")
        self._set_value(lua_number(value, what="value"))

    def _set_value(self, value: float) -> None:
        if not self._range_set:
            return
        clamped = float(min(max(value, self.minimum), self.maximum))
        if self._value_set and clamped == self.value:
            return
        self.value, self._value_set = clamped, True
        self.run_script("OnValueChanged", clamped)

    def GetValue(self) -> float:
        return self.value

    def SetOrientation(self, orientation: Any = None) -> None:
        name = lua_text(orientation).upper() if orientation is not None else ""
        if name not in ("HORIZONTAL", "VERTICAL"):
            raise usage(f'{self.KIND}:SetOrientation("HORIZONTAL" or "VERTICAL")')
        self.orientation = name

    def GetOrientation(self) -> str:
        return self.orientation


class Slider(Enableable, StateTextures, _Valued):
    """A draggable value between a minimum and a maximum."""

    KIND: ClassVar[str] = "Slider"
    SCRIPTS: ClassVar[frozenset[str]] = VALUE_SCRIPTS | {"OnEnable", "OnDisable"}
    orientation = "VERTICAL"
    step = 0.0

    SetValueStep, GetValueStep = number_pair("step", "Slider:SetValueStep(step)", minimum=0.0)

    SetThumbTexture, GetThumbTexture = _slot("Thumb")


class StatusBar(StateTextures, _Valued):
    """A bar filled in proportion to its value (health bars, cast bars...)."""

    KIND: ClassVar[str] = "StatusBar"
    bar_color = (1.0, 1.0, 1.0, 1.0)
    rotates_texture = False

    def SetStatusBarTexture(self, texture: Any = None, layer: Any = None) -> None:
        self._set_slot_texture("Bar", texture, "ARTWORK")
        bar = self._slot_texture("Bar")
        if bar is not None and layer is not None:
            bar.SetDrawLayer(layer)

    def GetStatusBarTexture(self) -> Any:
        return self._slot_texture("Bar")

    _set_color, GetStatusBarColor = color_pair("bar_color")

    def SetStatusBarColor(self, r: Any = None, g: Any = None, b: Any = None,
                          a: Any = None) -> None:
        self._set_color(r, g, b, a)
        bar = self._slot_texture("Bar")
        if isinstance(bar, Texture):
            bar.vertex_color = self.bar_color

    SetRotatesTexture, GetRotatesTexture = flag_pair("rotates_texture")


class ScrollFrame(Frame):
    """A viewport on its scroll child, with horizontal and vertical offsets."""

    KIND: ClassVar[str] = "ScrollFrame"
    SCRIPTS: ClassVar[frozenset[str]] = SCROLL_SCRIPTS
    horizontal = vertical = 0.0
    _ranges = (0.0, 0.0)
    _scroll_child_id: int | None = None

    def SetScrollChild(self, child: Any = None) -> None:
        widget = self._client._widget_from_lua(child)
        if not isinstance(widget, Frame):
            raise usage("ScrollFrame:SetScrollChild(frame)")
        if widget.parent is not self:
            widget.SetParent(self.lua)
        self._scroll_child_id = widget.id
        self.UpdateScrollChildRect()

    def GetScrollChild(self) -> Any:
        found = self._scroll_child_id
        return None if found is None else self._client.widgets.get(found)

    def _range(self, horizontal: bool) -> float:
        child = self.GetScrollChild()
        if child is None:
            return 0.0
        if horizontal:
            return max(0.0, child.GetWidth() - self.GetWidth())
        return max(0.0, child.GetHeight() - self.GetHeight())

    def GetHorizontalScrollRange(self) -> float:
        return self._range(True)

    def GetVerticalScrollRange(self) -> float:
        return self._range(False)

    def UpdateScrollChildRect(self) -> None:
        ranges = (self._range(True), self._range(False))
        if ranges != self._ranges:
            self._ranges = ranges
            self.run_script("OnScrollRangeChanged", *ranges)

    def SetHorizontalScroll(self, offset: Any = None) -> None:
        if offset is None:
            raise usage("ScrollFrame:SetHorizontalScroll(offset)")
        value = float(lua_number(offset, what="offset"))
        if value != self.horizontal:
            self.horizontal = value
            self.run_script("OnHorizontalScroll", value)

    def GetHorizontalScroll(self) -> float:
        return self.horizontal

    def SetVerticalScroll(self, offset: Any = None) -> None:
        if offset is None:
            raise usage("ScrollFrame:SetVerticalScroll(offset)")
        value = float(lua_number(offset, what="offset"))
        if value != self.vertical:
            self.vertical = value
            self.run_script("OnVerticalScroll", value)

    def GetVerticalScroll(self) -> float:
        return self.vertical


class Cooldown(Frame):
    """The sweep over an action button: start and duration on the ``GetTime`` clock."""

    KIND: ClassVar[str] = "Cooldown"
    start = 0.0
    duration = 0.0
    reverse = False
    draw_edge = False

    def SetCooldown(self, start: Any = None, duration: Any = None) -> None:
        if start is None or duration is None:
            raise usage("Cooldown:SetCooldown(start, duration)")
        self.start = float(lua_number(start, what="start"))
        self.duration = float(lua_number(duration, what="duration"))

    def remaining(self) -> float:
        """Seconds left on the simulated clock (0 when none runs)."""
        if self.duration <= 0:
            return 0.0
        return max(0.0, self.start + self.duration - self._client.clock.uptime)

    SetReverse, GetReverse = flag_pair("reverse")
    SetDrawEdge, GetDrawEdge = flag_pair("draw_edge")


class ColorSelect(StateTextures, Frame):
    """A colour wheel and value bar; ``SetColorRGB`` fires OnColorSelect."""

    KIND: ClassVar[str] = "ColorSelect"
    SCRIPTS: ClassVar[frozenset[str]] = FRAME_SCRIPTS | {"OnColorSelect"}
    rgb = (1.0, 1.0, 1.0)

    def _select(self, rgb: tuple[float, float, float]) -> None:
        if rgb != self.rgb:
            self.rgb = rgb
            self.run_script("OnColorSelect", *rgb)

    def SetColorRGB(self, r: Any = None, g: Any = None, b: Any = None) -> None:
        if r is None or g is None or b is None:
            raise usage("ColorSelect:SetColorRGB(r, g, b)")
        self._select(tuple(min(1.0, max(0.0, float(lua_number(v, what="color"))))  # type: ignore[arg-type]
                           for v in (r, g, b)))

    def GetColorRGB(self) -> tuple[float, float, float]:
        return self.rgb

    def SetColorHSV(self, h: Any = None, s: Any = None, v: Any = None) -> None:
        if h is None or s is None or v is None:
            raise usage("ColorSelect:SetColorHSV(hue, saturation, value)")
        hue = (float(lua_number(h, what="hue")) % 360.0) / 360.0
        self._select(colorsys.hsv_to_rgb(hue, float(lua_number(s)), float(lua_number(v))))

    def GetColorHSV(self) -> tuple[float, float, float]:
        hue, saturation, value = colorsys.rgb_to_hsv(*self.rgb)
        return hue * 360.0, saturation, value

    SetColorWheelTexture, GetColorWheelTexture = _slot("ColorWheel")
    SetColorWheelThumbTexture, GetColorWheelThumbTexture = _slot("ColorWheelThumb")
    SetColorValueTexture, GetColorValueTexture = _slot("ColorValue")
    SetColorValueThumbTexture, GetColorValueThumbTexture = _slot("ColorValueThumb")

