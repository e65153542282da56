"""Concrete widget types: Frame, Button, CheckButton, EditBox, FontString, Texture,
MessageFrame (chat frames) and GameTooltip."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from wowapi_stubs.errors import WowApiError
from wowapi_stubs.widgets.base import Region, Widget, lua_number, lua_text

if TYPE_CHECKING:
    from wowapi_stubs.client import HeadlessClient


class FontString(Region):
    """A line of text on a frame."""

    KIND: ClassVar[str] = "FontString"
    OBJECT_TYPES: ClassVar[tuple[str, ...]] = ("FontString", "Region")

    def __init__(self, client: HeadlessClient, name: str | None, parent: Region | None) -> None:
        super().__init__(client, name, parent)
        self._text: str | None = None

    @property
    def text(self) -> str | None:
        return self._text

    def SetText(self, value: Any = None) -> None:
        self._text = None if value is None else lua_text(value, what="text")

    def GetText(self) -> str | None:
        return self._text

    def SetFormattedText(self, fmt: Any, *args: Any) -> None:
        raise WowApiError("use SetText(format(...)): SetFormattedText is not implemented")

    def GetStringWidth(self) -> float:
        return 6.0 * len(self._text or "")

    def GetStringHeight(self) -> float:
        return 12.0


class Texture(Region):
    """An image on a frame."""

    KIND: ClassVar[str] = "Texture"
    OBJECT_TYPES: ClassVar[tuple[str, ...]] = ("Texture", "Region")

    def __init__(self, client: HeadlessClient, name: str | None, parent: Region | None) -> None:
        super().__init__(client, name, parent)
        self.texture: str | None = None

    def SetTexture(self, path: Any = None, *rgba: Any) -> bool:
        self.texture = lua_text(path) if isinstance(path, bytes) else None
        return True

    def GetTexture(self) -> str | None:
        return self.texture


class Frame(Widget):
    """The plain ``Frame`` type."""

    KIND: ClassVar[str] = "Frame"
    OBJECT_TYPES: ClassVar[tuple[str, ...]] = ("Frame", "Region")

    def CreateFontString(self, name: Any = None, layer: Any = None, template: Any = None) -> Any:
        return self._client._create_region(FontString, name, self,
                                           lua_text(template) if template else None)

    def CreateTexture(self, name: Any = None, layer: Any = None, template: Any = None) -> Any:
        return self._client._create_region(Texture, name, self,
                                           lua_text(template) if template else None)


class Button(Frame):
    """A clickable frame: ``Click()`` runs PreClick, OnClick, PostClick unless disabled."""

    KIND: ClassVar[str] = "Button"
    OBJECT_TYPES: ClassVar[tuple[str, ...]] = ("Button", "Frame", "Region")
    SCRIPTS: ClassVar[frozenset[str]] = Widget.SCRIPTS | {"OnClick", "PreClick", "PostClick",
                                                         "OnDoubleClick"}

    def __init__(self, client: HeadlessClient, name: str | None, parent: Region | None) -> None:
        super().__init__(client, name, parent)
        self.enabled = True
        self._font_string_id: int | None = None

    @property
    def font_string(self) -> FontString | None:
        """The label (kept by id: the label's parent is this button, so no cycle)."""
        found = self._font_string_id
        return None if found is None else self._client.widgets[found]  # type: ignore[return-value]

    @font_string.setter
    def font_string(self, value: FontString | None) -> None:
        self._font_string_id = None if value is None else value.id

    @property
    def text(self) -> str | None:
        return self.font_string.text if self.font_string is not None else None

    def click(self, button: str = "LeftButton") -> bool:
        """Click like the user would; returns False when the button ignored the click."""
        return self._client._click(self, button)

    def SetText(self, value: Any = None) -> None:
        if self.font_string is None:
            self.font_string = self._client._create_region(FontString, None, self)
        self.font_string.SetText(value)

    def GetText(self) -> str | None:
        return self.text

    def GetFontString(self) -> FontString | None:
        return self.font_string

    def SetFontString(self, font_string: Any) -> None:
        widget = self._client._widget_from_lua(font_string)
        if not isinstance(widget, FontString):
            raise WowApiError("Usage: Button:SetFontString(fontString)")
        self.font_string = widget

    def Click(self, button: Any = None, down: Any = None) -> None:
        self._client._click(self, lua_text(button) if button is not None else "LeftButton")

    def Enable(self) -> None:
        self.enabled = True

    def Disable(self) -> None:
        self.enabled = False

    def SetEnabled(self, flag: Any) -> None:
        self.enabled = bool(flag)

    def IsEnabled(self) -> int | None:
        return 1 if self.enabled else None

    def GetTextWidth(self) -> float:
        return self.font_string.GetStringWidth() if self.font_string else 0.0


class CheckButton(Button):
    """A button with a checked state."""

    KIND: ClassVar[str] = "CheckButton"
    OBJECT_TYPES: ClassVar[tuple[str, ...]] = ("CheckButton", "Button", "Frame", "Region")

    def __init__(self, client: HeadlessClient, name: str | None, parent: Region | None) -> None:
        super().__init__(client, name, parent)
        self.checked = False

    def SetChecked(self, flag: Any = None) -> None:
        self.checked = bool(flag)

    def GetChecked(self) -> int | None:
        return 1 if self.checked else None


class EditBox(Frame):
    """A text input field (the Send Mail recipient and subject boxes are EditBoxes)."""

    KIND: ClassVar[str] = "EditBox"
    OBJECT_TYPES: ClassVar[tuple[str, ...]] = ("EditBox", "Frame", "Region")
    SCRIPTS: ClassVar[frozenset[str]] = Widget.SCRIPTS | {
        "OnTextChanged", "OnEnterPressed", "OnEscapePressed", "OnEditFocusGained",
        "OnEditFocusLost", "OnTabPressed", "OnChar"}

    def __init__(self, client: HeadlessClient, name: str | None, parent: Region | None) -> None:
        super().__init__(client, name, parent)
        self._text = ""
        self.max_letters = 0
        self.numeric = False
        self.focused = False

    @property
    def text(self) -> str:
        return self._text

    def set_text(self, value: str) -> None:
        """Type into the box from Python (runs OnTextChanged like user input)."""
        self._text = value[: self.max_letters] if self.max_letters else value
        self._client._run_script(self, "OnTextChanged", True)

    def SetText(self, value: Any = None) -> None:
        text = "" if value is None else lua_text(value, what="text")
        self._text = text[: self.max_letters] if self.max_letters else text
        self._client._run_script(self, "OnTextChanged", False)

    def GetText(self) -> str:
        return self._text

    def GetNumber(self) -> float:
        try:
            return float(self._text)
        except ValueError:
            return 0

    def SetNumber(self, value: Any) -> None:
        self.SetText(value)

    def Insert(self, value: Any) -> None:
        self.SetText((self._text + lua_text(value)).encode("utf-8", "surrogateescape"))

    def SetMaxLetters(self, count: Any) -> None:
        self.max_letters = int(lua_number(count))

    def GetMaxLetters(self) -> int:
        return self.max_letters

    def SetNumeric(self, flag: Any = True) -> None:
        self.numeric = bool(flag)

    def SetFocus(self) -> None:
        self.focused = True

    def ClearFocus(self) -> None:
        self.focused = False

    def HasFocus(self) -> int | None:
        return 1 if self.focused else None


class MessageFrame(Frame):
    """A chat frame (``ScrollingMessageFrame``): ``AddMessage`` shows and logs a line."""

    KIND: ClassVar[str] = "ScrollingMessageFrame"
    OBJECT_TYPES: ClassVar[tuple[str, ...]] = ("ScrollingMessageFrame", "Frame", "Region")

    def AddMessage(self, text: Any = None, *color: Any) -> None:
        if text is None:
            raise WowApiError("Usage: ScrollingMessageFrame:AddMessage(text [, r, g, b, id])")
        self._client._add_message(self, lua_text(text, what="text"), kind="addon")

    def Clear(self) -> None:
        pass


class GameTooltipFrame(Frame):
    """``GameTooltip``: lines set by addons are kept for inspection."""

    KIND: ClassVar[str] = "GameTooltip"
    OBJECT_TYPES: ClassVar[tuple[str, ...]] = ("GameTooltip", "Frame", "Region")

    def __init__(self, client: HeadlessClient, name: str | None, parent: Region | None) -> None:
        super().__init__(client, name, parent)
        self.lines: list[str] = []
        self.owner: Any = None

    def SetOwner(self, owner: Any, anchor: Any = None, *offsets: Any) -> None:
        self.owner = self._client._widget_from_lua(owner)
        self.lines = []

    def SetText(self, value: Any, *color: Any) -> None:
        self.lines = [lua_text(value, what="text")]

    def AddLine(self, value: Any, *color: Any) -> None:
        self.lines.append(lua_text(value, what="text"))

    def AddDoubleLine(self, left: Any, right: Any, *colors: Any) -> None:
        self.lines.append(f"{lua_text(left)}\t{lua_text(right)}")

    def ClearLines(self) -> None:
        self.lines = []

    def NumLines(self) -> int:
        return len(self.lines)


WIDGET_CLASSES: dict[str, type[Region]] = {
    cls.KIND: cls
    for cls in (Frame, Button, CheckButton, EditBox, FontString, Texture, MessageFrame,
                GameTooltipFrame)
}
"""Widget classes by WoW type name (``CreateFrame`` accepts the frame types among them)."""

CREATABLE_FRAME_TYPES = ("Frame", "Button", "CheckButton", "EditBox", "ScrollingMessageFrame",
                         "GameTooltip")
