"""``Button`` and ``CheckButton``: clicks, enabled state, state textures, label and fonts."""

from __future__ import annotations

from typing import Any, ClassVar

from wowapi_stubs.widgets.base import (
    TEXT_TYPES,
    flag_pair,
    flag_result,
    lua_flag,
    lua_text,
    opt_number,
    opt_text,
    shown_text,
    usage,
)
from wowapi_stubs.widgets.frame import FRAME_SCRIPTS, Frame
from wowapi_stubs.widgets.regions import FontString, Texture

BUTTON_SCRIPTS = FRAME_SCRIPTS | {"OnClick", "PreClick", "PostClick", "OnDoubleClick",
                                  "OnEnable", "OnDisable"}


class StateTextures:
    """Textures a button shows per state (``SetNormalTexture("path")`` makes one)."""

    _client: Any
    _slots: dict[str, int] | None = None

    def _slot_texture(self, slot: str) -> Texture | None:
        found = (self._slots or {}).get(slot)
        return None if found is None else self._client.widgets.get(found)

    def _set_slot_texture(self, slot: str, value: Any, layer: str) -> None:
        if self._slots is None:
            self._slots = {}
        if value is None:
            self._slots.pop(slot, None)
            return
        if isinstance(value, TEXT_TYPES):
            texture = self._slot_texture(slot)
            if texture is None:
                texture = self._client._create_region(Texture, None, self)
                texture.draw_layer = layer
                texture.SetAllPoints()
            texture.SetTexture(value)
        else:
            texture = self._client._widget_from_lua(value)
            if not isinstance(texture, Texture):
                raise usage(f"{slot}: texture or path expected")
        self._slots[slot] = texture.id


class Enableable:
    """``Enable``/``Disable``/``IsEnabled`` with OnEnable/OnDisable on a change."""

    enabled = True
    run_script: Any

    def Enable(self) -> None:
        if not self.enabled:
            self.enabled = True
            self.run_script("OnEnable")

    def Disable(self) -> None:
        if self.enabled:
            self.enabled = False
            self.run_script("OnDisable")

    def IsEnabled(self) -> int | None:
        return flag_result(self.enabled)


def _texture_slot(slot: str, layer: str) -> tuple[Any, Any]:
    def setter(self: Any, value: Any = None, *_: Any) -> None:
        self._set_slot_texture(slot, value, layer)

    def getter(self: Any) -> Any:
        return self._slot_texture(slot)

    return setter, getter


def _font_slot(slot: str) -> tuple[Any, Any]:
    def setter(self: Any, font: Any = None) -> None:
        if font is None:
            self._fonts = {k: v for k, v in (self._fonts or {}).items() if k != slot}
            return
        found = (self._client.lookup_named(lua_text(font)) if isinstance(font, TEXT_TYPES)
                 else self._client._widget_from_lua(font))
        if found is None:
            raise usage(f"Button:Set{slot}FontObject(font)")
        self._fonts = {**(self._fonts or {}), slot: found.id}
        if slot == "Normal" and self.font_string is not None:
            self.font_string.SetFontObject(found.lua)

    def getter(self: Any) -> Any:
        found = (self._fonts or {}).get(slot)
        return None if found is None else self._client.widgets.get(found)

    return setter, getter


class Button(Enableable, StateTextures, Frame):
    """A clickable frame: ``Click()`` runs PreClick, OnClick, PostClick unless disabled."""

    KIND: ClassVar[str] = "Button"
    SCRIPTS: ClassVar[frozenset[str]] = BUTTON_SCRIPTS
    button_state = "NORMAL"
    highlight_locked = False
    motion_while_disabled = False
    click_registrations: tuple[str, ...] = ("LeftButtonUp",)
    pushed_text_offset = (0.0, 0.0)
    _font_string_id: int | None = None
    _fonts: dict[str, int] | None = None

    @property
    def font_string(self) -> FontString | None:
        """The label (kept by id: the label's parent is this button, so no cycle)."""
        found = self._font_string_id
        return None if found is None else self._client.widgets.get(found)

    @font_string.setter
    def font_string(self, value: FontString | None) -> None:
        self._font_string_id = None if value is None else value.id

    @property
    def text(self) -> str | None:
        return self.font_string.text if self.font_string is not None else None

    def click(self, button: str = "LeftButton") -> bool:
        """Click like the user would; returns False when the button ignored the click."""
        return self._client._click(self, button)

    def _label(self) -> FontString:
        label = self.font_string
        if label is None:
            label = self._client._create_region(FontString, None, self)
            label.draw_layer = "OVERLAY"
            label.SetPoint("CENTER")
            normal = (self._fonts or {}).get("Normal")
            if normal is not None:
                label._font_object_id = normal
            self.font_string = label
        return label

    def SetText(self, value: Any = None) -> None:
        label = self._label()
        label.set_text(shown_text(value))

    def GetText(self) -> str | None:
        return self.text

    def SetFormattedText(self, fmt: Any = None, *args: Any) -> None:
        if fmt is None:
            raise usage('Button:SetFormattedText("format", ...)')
        self.SetText(self._client.runtime.fn.format(fmt, *args))

    def GetFontString(self) -> FontString | None:
        return self.font_string

    def SetFontString(self, font_string: Any = None) -> None:
        widget = self._client._widget_from_lua(font_string)
        if not isinstance(widget, FontString):
            raise usage("Button:SetFontString(fontString)")
        normal = (self._fonts or {}).get("Normal")
        if normal is not None and widget.font_object() is None and not widget.has_font():
            widget._font_object_id = normal  # the label shows in the button's normal font
        self.font_string = widget

    def GetTextWidth(self) -> float:
        return self.font_string.GetStringWidth() if self.font_string else 0.0

    def GetTextHeight(self) -> float:
        return self.font_string.GetStringHeight() if self.font_string else 0.0

    def Click(self, button: Any = None, down: Any = None) -> None:
        self._client._click(self, lua_text(button) if button is not None else "LeftButton")

    def RegisterForClicks(self, *kinds: Any) -> None:
        self.click_registrations = tuple(lua_text(k) for k in kinds if k is not None)

    def registered_for(self, mouse_button: str, down: bool = False) -> bool:
        """Whether a hardware click of ``mouse_button`` reaches OnClick."""
        wanted = {f"{mouse_button}{'Down' if down else 'Up'}", "AnyUp" if not down else "AnyDown"}
        return bool(wanted & set(self.click_registrations))

    def SetButtonState(self, state: Any = None, locked: Any = None) -> None:
        name = lua_text(state).upper() if state is not None else ""
        if name not in ("NORMAL", "PUSHED", "DISABLED"):
            raise usage('Button:SetButtonState("state" [, lock])')
        self.button_state = name

    def GetButtonState(self) -> str:
        return self.button_state

    def LockHighlight(self) -> None:
        self.highlight_locked = True

    def UnlockHighlight(self) -> None:
        self.highlight_locked = False

    SetMotionScriptsWhileDisabled, GetMotionScriptsWhileDisabled = flag_pair(
        "motion_while_disabled")

    def SetPushedTextOffset(self, x: Any = None, y: Any = None) -> None:
        self.pushed_text_offset = (opt_number(x, 0.0), opt_number(y, 0.0))

    def GetPushedTextOffset(self) -> tuple[float, float]:
        return self.pushed_text_offset

    SetNormalTexture, GetNormalTexture = _texture_slot("Normal", "ARTWORK")
    SetPushedTexture, GetPushedTexture = _texture_slot("Pushed", "ARTWORK")
    SetDisabledTexture, GetDisabledTexture = _texture_slot("Disabled", "ARTWORK")
    SetNormalFontObject, GetNormalFontObject = _font_slot("Normal")
    SetHighlightFontObject, GetHighlightFontObject = _font_slot("Highlight")
    SetDisabledFontObject, GetDisabledFontObject = _font_slot("Disabled")

    def SetHighlightTexture(self, value: Any = None, blend_mode: Any = None) -> None:
        self._set_slot_texture("Highlight", value, "HIGHLIGHT")
        texture = self._slot_texture("Highlight")
        if texture is not None:
            texture.blend_mode = (opt_text(blend_mode) or "ADD").upper()

    def GetHighlightTexture(self) -> Any:
        return self._slot_texture("Highlight")


class CheckButton(Button):
    """A button with a checked state; a click toggles it before OnClick runs."""

    KIND: ClassVar[str] = "CheckButton"
    checked = False

    def SetChecked(self, flag: Any = None) -> None:
        self.checked = lua_flag(flag)

    def GetChecked(self) -> int | None:
        return flag_result(self.checked)

    SetCheckedTexture, GetCheckedTexture = _texture_slot("Checked", "OVERLAY")
    SetDisabledCheckedTexture, GetDisabledCheckedTexture = _texture_slot("DisabledChecked",
                                                                         "OVERLAY")

