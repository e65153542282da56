"""Facts of the 3.3.5a UI schema (``FrameXML/UI.xsd``) the loader needs: element names,
frame types, and the parameters the client gives each script handler."""

from __future__ import annotations

# Frame elements (substitutionGroup ui:Frame and its descendants). WorldFrame is the
# client's own unique frame; ModelFFX exists only at the glue screens.
FRAME_TYPES = frozenset({
    "Frame", "Button", "CheckButton", "StatusBar", "Slider", "EditBox", "ColorSelect",
    "Model", "SimpleHTML", "MessageFrame", "ScrollingMessageFrame", "ScrollFrame",
    "MovieFrame", "GameTooltip", "Cooldown", "QuestPOIFrame", "Minimap", "PlayerModel",
    "DressUpModel", "TabardModel", "TaxiRouteFrame", "WorldFrame", "ModelFFX",
})
REGION_TYPES = frozenset({"Texture", "FontString"})
LAYOUT_TYPES = FRAME_TYPES | REGION_TYPES
ANIMATION_TYPES = frozenset({"Animation", "Translation", "Rotation", "Scale", "Alpha",
                             "Path"})

# Child elements of frames and regions the loader understands (anything else is reported
# as an unknown element and skipped, as the client does).
LAYOUT_ELEMENTS = frozenset({
    "Size", "Anchors", "Animations", "TitleRegion", "ResizeBounds", "Backdrop",
    "HitRectInsets", "Layers", "Attributes", "Frames", "Scripts",
    # Button and CheckButton
    "NormalTexture", "PushedTexture", "DisabledTexture", "HighlightTexture", "ButtonText",
    "NormalFont", "HighlightFont", "DisabledFont", "NormalColor", "HighlightColor",
    "DisabledColor", "PushedTextOffset", "CheckedTexture", "DisabledCheckedTexture",
    # StatusBar, Slider, EditBox, ColorSelect, Model, SimpleHTML, message frames, scroll
    "BarTexture", "BarColor", "ThumbTexture", "FontString", "TextInsets",
    "ColorWheelTexture", "ColorWheelThumbTexture", "ColorValueTexture",
    "ColorValueThumbTexture", "FogColor", "FontStringHeader1", "FontStringHeader2",
    "FontStringHeader3", "ScrollChild",
    # Texture and FontString
    "TexCoords", "Color", "Gradient", "FontHeight", "Shadow",
})

# Every element name of the schema (UI.xsd) and the few the client reads beside it. The
# client matches element names ignoring case (Blizzard's own FloatingChatFrame.xml writes
# <Fontstring>), so the parser keeps the canonical spelling of these.
ELEMENT_NAMES = frozenset("""
    AbsDimension AbsInset AbsValue Alpha Anchor Anchors Animation AnimationGroup Animations
    Attribute Attributes Backdrop BackgroundInsets BarColor BarTexture Binding Bindings
    BorderColor Button ButtonText CheckButton CheckedTexture Color ColorSelect
    ColorValueTexture ColorValueThumbTexture ColorWheelTexture ColorWheelThumbTexture
    ControlPoint ControlPoints Cooldown DisabledCheckedTexture DisabledColor DisabledFont
    DisabledTexture DressUpModel EdgeSize EditBox FogColor Font FontFamily FontHeight
    FontString FontStringHeader1 FontStringHeader2 FontStringHeader3 Frame Frames GameTooltip
    Gradient HighlightColor HighlightFont HighlightTexture HitRectInsets Include KeyValue
    KeyValues Layer Layers LayoutFrame MaxColor Member MessageFrame MinColor Minimap Model
    ModelFFX ModifiedClick MovieFrame NormalColor NormalFont NormalTexture Offset Origin Path
    PlayerModel PostClick PreClick PushedTextOffset PushedTexture QuestPOIFrame RelDimension
    RelInset RelValue ResizeBounds Rotation Scale Script Scripts ScrollChild ScrollFrame
    ScrollingMessageFrame Shadow SimpleHTML Size Slider StatusBar TabardModel TaxiRouteFrame
    TexCoords TextInsets Texture ThumbTexture TileSize TitleRegion Translation Ui WorldFrame
    maxResize minResize
""".split())  # noqa: SIM905

# Parameters of each handler body (the 3.3.5a client compiles a handler written in XML as
# ``function(self, <these>) ... end``); unlisted handlers get ``self, ...``.
HANDLER_PARAMS: dict[str, str] = {
    "OnEvent": "self, event, ...",
    "OnUpdate": "self, elapsed",
    "OnClick": "self, button, down",
    "PreClick": "self, button, down",
    "PostClick": "self, button, down",
    "OnDoubleClick": "self, button",
    "OnMouseDown": "self, button",
    "OnMouseUp": "self, button",
    "OnMouseWheel": "self, delta",
    "OnDragStart": "self, button",
    "OnDragStop": "self",
    "OnReceiveDrag": "self",
    "OnEnter": "self, motion",
    "OnLeave": "self, motion",
    "OnKeyDown": "self, key",
    "OnKeyUp": "self, key",
    "OnChar": "self, text",
    "OnCharComposition": "self, text",
    "OnTextChanged": "self, userInput",
    "OnTextSet": "self",
    "OnAttributeChanged": "self, name, value",
    "OnSizeChanged": "self, w, h",
    "OnValueChanged": "self, value",
    "OnMinMaxChanged": "self, min, max",
    "OnVerticalScroll": "self, offset",
    "OnHorizontalScroll": "self, offset",
    "OnScrollRangeChanged": "self, xrange, yrange",
    "OnHyperlinkClick": "self, link, text, button",
    "OnHyperlinkEnter": "self, link, text",
    "OnHyperlinkLeave": "self, link, text",
    "OnColorSelect": "self, r, g, b",
    "OnCursorChanged": "self, x, y, w, h",
    "OnTooltipAddMoney": "self, cost, maxcost",
    "OnMovieShowSubtitle": "self, text",
    "OnInputLanguageChanged": "self, language",
    "OnMessageScrollChanged": "self",
    "OnFinished": "self, requested",
    "OnStop": "self, requested",
    "OnLoop": "self, loopState",
    "OnLoad": "self",
    "OnShow": "self",
    "OnHide": "self",
}


SCRIPT_ELEMENTS = frozenset("""
    OnAnimFinished OnAttributeChanged OnChar OnCharComposition OnClick OnColorSelect
    OnCursorChanged OnDisable OnDoubleClick OnDragStart OnDragStop OnEditFocusGained
    OnEditFocusLost OnEnable OnEnter OnEnterPressed OnEscapePressed OnEvent OnFinished OnHide
    OnHorizontalScroll OnHyperlinkClick OnHyperlinkEnter OnHyperlinkLeave
    OnInputLanguageChanged OnJoystickAxisMotion OnJoystickButtonDown OnJoystickButtonUp
    OnJoystickHatMotion OnJoystickStickMotion OnKeyDown OnKeyUp OnLeave OnLoad OnLoop
    OnMessageScrollChanged OnMinMaxChanged OnMouseDown OnMouseUp OnMouseWheel OnMovieFinished
    OnMovieHideSubtitle OnMovieShowSubtitle OnPause OnPlay OnReceiveDrag
    OnScrollRangeChanged OnShow OnSizeChanged OnSpacePressed OnStop OnTabPressed
    OnTextChanged OnTextSet OnTooltipAddMoney OnTooltipCleared OnTooltipSetAchievement
    OnTooltipSetDefaultAnchor OnTooltipSetItem OnTooltipSetQuest OnTooltipSetSpell
    OnTooltipSetUnit OnUpdate OnUpdateModel OnValueChanged OnVerticalScroll
""".split())  # noqa: SIM905
CANONICAL_NAMES = {name.lower(): name for name in ELEMENT_NAMES | SCRIPT_ELEMENTS}
"""Lower-case element name -> the schema's spelling."""


def handler_params(handler: str) -> str:
    return HANDLER_PARAMS.get(handler, "self, ...")
