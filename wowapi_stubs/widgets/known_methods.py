"""3.3.5a widget method names, used to tell "not implemented by the headless client" apart
from "no such method" (which stays a plain Lua nil, as in the client)."""

from __future__ import annotations

REGION = [
    "GetName", "GetParent", "SetParent", "GetObjectType", "IsObjectType", "Show", "Hide",
    "IsShown", "IsVisible", "SetWidth", "SetHeight", "SetSize", "GetWidth", "GetHeight",
    "GetSize", "SetPoint", "ClearAllPoints", "SetAllPoints", "GetPoint", "GetNumPoints",
    "SetAlpha", "GetAlpha", "GetCenter", "GetLeft", "GetRight", "GetTop", "GetBottom",
    "GetRect", "IsProtected", "CanChangeProtectedState", "SetDrawLayer", "GetDrawLayer",
    "SetVertexColor", "GetEffectiveScale", "IsDragging", "IsMouseOver", "StopAnimating",
    "GetAnimationGroups", "CreateAnimationGroup",
]

FRAME = REGION + [
    "SetScript", "GetScript", "HookScript", "HasScript", "RegisterEvent", "UnregisterEvent",
    "UnregisterAllEvents", "RegisterAllEvents", "IsEventRegistered", "SetFrameStrata",
    "GetFrameStrata", "SetFrameLevel", "GetFrameLevel", "SetID", "GetID", "SetMovable",
    "IsMovable", "EnableMouse", "IsMouseEnabled", "EnableMouseWheel", "IsMouseWheelEnabled",
    "EnableKeyboard", "IsKeyboardEnabled", "RegisterForDrag", "StartMoving", "StartSizing",
    "StopMovingOrSizing", "SetClampedToScreen", "IsClampedToScreen", "SetUserPlaced",
    "IsUserPlaced", "SetToplevel", "IsToplevel", "SetScale", "GetScale", "SetBackdrop",
    "GetBackdrop", "SetBackdropColor", "GetBackdropColor", "SetBackdropBorderColor",
    "GetBackdropBorderColor", "SetHitRectInsets", "GetHitRectInsets", "GetChildren",
    "GetNumChildren", "GetRegions", "GetNumRegions", "CreateFontString", "CreateTexture",
    "CreateTitleRegion", "SetResizable", "IsResizable", "SetMinResize", "SetMaxResize",
    "GetMinResize", "GetMaxResize", "SetClampRectInsets", "Raise", "Lower", "SetFrameLevel",
    "SetAttribute", "GetAttribute", "SetDepth", "GetDepth", "IgnoreDepth", "Disable", "Enable",
]

BUTTON = FRAME + [
    "Click", "SetText", "GetText", "GetFontString", "SetFontString", "Enable", "Disable",
    "IsEnabled", "SetEnabled", "RegisterForClicks", "SetNormalTexture", "GetNormalTexture",
    "SetPushedTexture", "GetPushedTexture", "SetHighlightTexture", "GetHighlightTexture",
    "SetDisabledTexture", "GetDisabledTexture", "SetNormalFontObject", "SetHighlightFontObject",
    "SetDisabledFontObject", "SetButtonState", "GetButtonState", "LockHighlight",
    "UnlockHighlight", "GetTextWidth", "GetTextHeight", "SetFormattedText",
    "SetPushedTextOffset", "GetPushedTextOffset",
]

CHECKBUTTON = BUTTON + [
    "SetChecked", "GetChecked", "SetCheckedTexture", "GetCheckedTexture",
]

EDITBOX = FRAME + [
    "SetText", "GetText", "GetNumber", "SetNumber", "Insert", "SetMaxLetters", "GetMaxLetters",
    "SetNumeric", "IsNumeric", "SetAutoFocus", "IsAutoFocus", "SetFocus", "ClearFocus",
    "HasFocus", "HighlightText", "SetCursorPosition", "GetCursorPosition", "SetFontObject",
    "SetTextInsets", "SetMultiLine", "IsMultiLine", "SetPassword", "IsPassword",
    "AddHistoryLine", "ClearHistory", "GetNumLetters", "SetHistoryLines", "SetTextColor",
    "SetJustifyH",
]

FONTSTRING = REGION + [
    "SetText", "GetText", "SetFormattedText", "SetJustifyH", "GetJustifyH", "SetJustifyV",
    "GetJustifyV", "SetFont", "GetFont", "SetFontObject", "GetFontObject", "SetTextColor",
    "GetTextColor", "SetShadowColor", "SetShadowOffset", "SetNonSpaceWrap", "GetStringWidth",
    "GetStringHeight", "SetTextHeight", "SetSpacing",
]

TEXTURE = REGION + [
    "SetTexture", "GetTexture", "SetTexCoord", "GetTexCoord", "SetBlendMode", "SetDesaturated",
    "IsDesaturated", "SetGradient", "SetGradientAlpha", "SetRotation",
]

MESSAGEFRAME = FRAME + [
    "AddMessage", "Clear", "SetMaxLines", "GetMaxLines", "SetFading", "SetFadeDuration",
    "SetTimeVisible", "ScrollUp", "ScrollDown", "ScrollToTop", "ScrollToBottom",
]

GAMETOOLTIP = FRAME + [
    "SetOwner", "SetText", "AddLine", "AddDoubleLine", "ClearLines", "NumLines", "SetHyperlink",
    "SetBagItem", "SetUnit", "SetSpell", "SetInventoryItem", "IsOwned", "GetOwner",
    "AddTexture", "SetMinimumWidth", "FadeOut", "GetItem", "GetUnit", "GetSpell",
]

KNOWN_METHODS: dict[str, frozenset[str]] = {
    "Frame": frozenset(FRAME),
    "Button": frozenset(BUTTON),
    "CheckButton": frozenset(CHECKBUTTON),
    "EditBox": frozenset(EDITBOX),
    "FontString": frozenset(FONTSTRING),
    "Texture": frozenset(TEXTURE),
    "ScrollingMessageFrame": frozenset(MESSAGEFRAME),
    "GameTooltip": frozenset(GAMETOOLTIP),
}


# Methods implemented in Lua (``_lua/widgets.lua``): no effect outside the widget itself.
LUA_IMPLEMENTED = frozenset(
    """
    ClearAllPoints EnableKeyboard EnableMouse EnableMouseWheel GetAlpha GetFrameLevel
    GetFrameStrata GetHeight GetID GetNumPoints GetPoint GetScale GetSize GetWidth
    HighlightText IsMouseEnabled IsMovable LockHighlight RegisterForClicks RegisterForDrag
    SetAllPoints SetAlpha SetAutoFocus SetBackdrop SetBackdropBorderColor SetBackdropColor
    SetBlendMode SetButtonState SetClampedToScreen SetCursorPosition SetDesaturated
    SetDisabledFontObject SetDisabledTexture SetFading SetFont SetFontObject SetFrameLevel
    SetFrameStrata SetHeight SetHighlightFontObject SetHighlightTexture SetHitRectInsets
    SetID SetJustifyH SetJustifyV SetMaxLines SetMovable SetNonSpaceWrap SetNormalFontObject
    SetNormalTexture SetPoint SetPushedTexture SetScale SetShadowColor SetShadowOffset
    SetSize SetTexCoord SetTextColor SetTextInsets SetToplevel SetUserPlaced SetVertexColor
    SetWidth StartMoving StopMovingOrSizing UnlockHighlight
""".split()  # noqa: SIM905
)
