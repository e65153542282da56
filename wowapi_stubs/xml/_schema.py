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


def handler_params(handler: str) -> str:
    return HANDLER_PARAMS.get(handler, "self, ...")


# Every element name the loader reads. The client matches element names ignoring case
# (libraries ship `<script file=...>`), so names are brought to this spelling when parsed.
OTHER_ELEMENTS = frozenset({
    "Ui", "Script", "Include", "Font", "Anchor", "Offset", "AbsDimension", "RelDimension",
    "AbsInset", "RelInset", "AbsValue", "RelValue", "Layer", "Attribute", "BackgroundInsets",
    "TileSize", "EdgeSize", "BorderColor", "MinColor", "MaxColor", "minResize", "maxResize",
    "AnimationGroup", "Origin", "ControlPoints", "ControlPoint", "Bindings", "Binding",
})
CANONICAL_TAGS: dict[str, str] = {
    name.lower(): name
    for name in (*LAYOUT_TYPES, *ANIMATION_TYPES, *LAYOUT_ELEMENTS, *HANDLER_PARAMS,
                 *OTHER_ELEMENTS)
}
