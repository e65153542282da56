"""Every frame type is a state-holding object: values set are returned by the getters and
scripts fire when the 3.3.5a client would fire them."""

from __future__ import annotations

import pytest

from tests.wowapi_stubs.eval_clean import run
from wowapi_stubs import HeadlessClient
from wowapi_stubs.surface import load_surface


@pytest.mark.parametrize("kind", load_surface().creatable_frame_types)
def test_every_creatable_type_is_made_and_knows_its_type(client: HeadlessClient,
                                                         kind: str) -> None:
    assert run(client, f"""
      local f = CreateFrame("{kind}", "Made{kind}", UIParent)
      return f:GetObjectType(), f:IsObjectType("Frame"), f:IsObjectType("Texture"),
        Made{kind} == f, f:GetParent() == UIParent, f:GetName()
    """) == (kind, True, None, True, True, f"Made{kind}")


def test_anchors_and_size_give_a_layout(client: HeadlessClient) -> None:
    assert run(client, """
      local f = CreateFrame("Frame", nil, UIParent)
      f:SetSize(200, 100); f:SetPoint("BOTTOMLEFT", 10, 20)
      local p, rel, rp, x, y = f:GetPoint(1)
      local c = CreateFrame("Frame", nil, f); c:SetAllPoints()
      return p, rel == UIParent, rp, x, y, f:GetNumPoints(), f:GetLeft(), f:GetTop(),
        c:GetWidth(), c:GetHeight(), select("#", f:GetCenter())
    """) == ("BOTTOMLEFT", True, "BOTTOMLEFT", 10, 20, 1, 10, 120, 200, 100, 2)
    client.eval_lua('local f = CreateFrame("Frame"); f:SetPoint("CENTER", f)')
    assert "Cannot anchor to itself" in client.errors[-1].message


def test_scale_alpha_strata_level(client: HeadlessClient) -> None:
    assert run(client, """
      local p = CreateFrame("Frame", nil, UIParent); p:SetScale(2); p:SetAlpha(0.5)
      p:SetFrameStrata("DIALOG"); p:SetFrameLevel(5)
      local c = CreateFrame("Frame", nil, p); c:SetScale(0.5); c:SetAlpha(0.5)
      return c:GetEffectiveScale(), c:GetEffectiveAlpha(), c:GetFrameStrata(),
        c:GetFrameLevel(), p:GetFrameStrata()
    """) == (1, 0.25, "DIALOG", 6, "DIALOG")


def test_show_hide_fire_on_visibility_changes_through_parents(client: HeadlessClient) -> None:
    run(client, """
      LOG = ""
      P = CreateFrame("Frame", nil, UIParent)
      C = CreateFrame("Frame", nil, P)
      C:SetScript("OnShow", function() LOG = LOG .. "show " end)
      C:SetScript("OnHide", function() LOG = LOG .. "hide " end)
      P:Hide(); C:Hide(); C:Show(); P:Show(); C:Show()
    """)
    assert client.global_value("LOG") == "hide show "
    assert run(client, "return C:IsShown(), C:IsVisible()") == (1, 1)


def test_size_changes_fire_on_size_changed(client: HeadlessClient) -> None:
    run(client, """
      SIZES = {}
      local f = CreateFrame("Frame")
      f:SetScript("OnSizeChanged", function(self, w, h) SIZES[#SIZES + 1] = w .. "x" .. h end)
      f:SetSize(10, 20); f:SetWidth(10); f:SetHeight(30)
    """)
    assert client.global_value("SIZES") == ["10x20", "10x30"]


def test_slider_and_status_bar_clamp_and_fire_on_value_changed(client: HeadlessClient) -> None:
    assert run(client, """
      VALUES = {}
      local s = CreateFrame("Slider")
      s:SetScript("OnValueChanged", function(self, v) VALUES[#VALUES + 1] = v end)
      s:SetMinMaxValues(0, 10); s:SetValueStep(1); s:SetValue(5); s:SetValue(50)
      s:SetValue(10)
      local b = CreateFrame("StatusBar"); b:SetMinMaxValues(0, 100); b:SetValue(-5)
      b:SetStatusBarTexture("Interface\\\\TargetingFrame\\\\UI-StatusBar")
      b:SetStatusBarColor(0, 1, 0)
      return s:GetValue(), s:GetValueStep(), s:GetOrientation(), b:GetValue(),
        b:GetStatusBarTexture():GetTexture(), (select(2, b:GetStatusBarColor()))
    """) == (10, 1, "VERTICAL", 0, "Interface\\TargetingFrame\\UI-StatusBar", 1)
    assert client.global_value("VALUES") == [5, 10]
    client.eval_lua('CreateFrame("Slider"):SetMinMaxValues(5, 1)')
    assert "Min value must be less than or equal to max value" in client.errors[-1].message


def test_edit_box_text_focus_and_scripts(client: HeadlessClient) -> None:
    run(client, """
      LOG = ""
      E = CreateFrame("EditBox", "Box", UIParent)
      E:SetAutoFocus(false); E:SetMaxLetters(5)
      E:SetScript("OnTextChanged", function(self, user) LOG = LOG .. tostring(user) .. " " end)
      E:SetScript("OnEditFocusGained", function() LOG = LOG .. "gained " end)
      E:SetScript("OnEnterPressed", function(self) LOG = LOG .. "enter:" .. self:GetText() end)
      E:SetText("abcdefgh"); E:SetFocus(); E:Insert("z")
    """)
    client.find_frame("Box").set_text("12")
    client.find_frame("Box").press_enter()
    # Text set by code is reported with the next frame, after the focus change.
    assert client.global_value("LOG") == "gained false true enter:12"
    assert run(client, "return E:GetNumber(), E:HasFocus(), E:GetNumLetters()") == (12, 1, 2)


def test_check_button_click_toggles_before_on_click(client: HeadlessClient) -> None:
    run(client, """
      C = CreateFrame("CheckButton", "Check", UIParent, "UICheckButtonTemplate")
      C:SetScript("OnClick", function(self) SEEN = self:GetChecked() end)
      C:Click()
    """)
    assert client.global_value("SEEN") == 1
    assert run(client, "return CheckText ~= nil, C:GetChecked()") == (True, 1)


def test_button_textures_fonts_and_label(client: HeadlessClient) -> None:
    assert run(client, """
      local b = CreateFrame("Button", "Btn", UIParent, "UIPanelButtonTemplate")
      b:SetNormalTexture("Interface\\\\Buttons\\\\A"); b:SetText("Go")
      b:SetHighlightTexture("Interface\\\\Buttons\\\\H")
      return b:GetNormalTexture():GetTexture(), b:GetText(), BtnText:GetText(),
        b:GetHighlightTexture():GetBlendMode(), b:GetFontString() == BtnText
    """) == ("Interface\\Buttons\\A", "Go", "Go", "ADD", True)


def test_font_strings_need_a_font_and_inherit_font_objects(client: HeadlessClient) -> None:
    assert run(client, """
      local f = CreateFrame("Frame")
      local fs = f:CreateFontString(nil, "OVERLAY", "GameFontHighlightSmall")
      fs:SetText("hi"); fs:SetFormattedText("%d gold", 5)
      local font, size = fs:GetFont()
      local r, g, b = fs:GetTextColor()
      return fs:GetText(), font, size, r, fs:GetDrawLayer(),
        fs:GetFontObject() == GameFontHighlightSmall
    """) == ("5 gold", "Fonts\\FRIZQT__.TTF", 10, 1, "OVERLAY", True)
    client.eval_lua('CreateFrame("Frame"):CreateFontString():SetText("x")')
    assert "FontString:SetText(): Font not set" in client.errors[-1].message


def test_texture_state(client: HeadlessClient) -> None:
    assert run(client, """
      local t = CreateFrame("Frame"):CreateTexture(nil, "BACKGROUND")
      t:SetTexture("Interface\\\\Icons\\\\Spell_Nature_Polymorph")
      t:SetTexCoord(0.1, 0.9, 0.2, 0.8)
      t:SetVertexColor(1, 0, 0, 0.5); t:SetDesaturated(true); t:SetBlendMode("ADD")
      local ulx, uly, llx, lly = t:GetTexCoord()
      return t:GetTexture(), ulx, lly, select(4, t:GetVertexColor()), t:IsDesaturated(),
        t:GetBlendMode(), t:GetDrawLayer()
    """) == ("Interface\\Icons\\Spell_Nature_Polymorph", 0.1, 0.8, 0.5, 1, "ADD", "BACKGROUND",
             0)


def test_tooltip_lines_are_named_font_strings(client: HeadlessClient) -> None:
    client.set_bag_item(0, 1, 6948, "Hearthstone")
    assert run(client, """
      local tip = CreateFrame("GameTooltip", "ScanTip", nil, "GameTooltipTemplate")
      SEEN = {}
      tip:SetScript("OnTooltipSetItem", function(self) SEEN[#SEEN + 1] = self:GetItem() end)
      tip:SetOwner(UIParent, "ANCHOR_NONE")
      tip:SetBagItem(0, 1)
      tip:AddLine("extra"); tip:AddDoubleLine("L", "R")
      return tip:NumLines(), ScanTipTextLeft1:GetText(), ScanTipTextLeft2:GetText(),
        ScanTipTextRight3:GetText(), tip:IsOwned(UIParent), select(2, tip:GetItem()) ~= nil
    """) == (3, "Hearthstone", "extra", "R", 1, True)
    assert client.global_value("SEEN") == ["Hearthstone"]
    run(client, "ScanTip:Hide()")
    assert run(client, "return ScanTip:NumLines(), ScanTip:GetOwner()") == (0, None)


def test_scroll_frame_child_and_ranges(client: HeadlessClient) -> None:
    assert run(client, """
      local s = CreateFrame("ScrollFrame", nil, UIParent); s:SetSize(100, 100)
      local child = CreateFrame("Frame"); child:SetSize(100, 250)
      s:SetScrollChild(child); s:SetVerticalScroll(40)
      return s:GetScrollChild() == child, child:GetParent() == s, s:GetVerticalScrollRange(),
        s:GetVerticalScroll()
    """) == (True, True, 150, 40)


def test_scrolling_message_frame_keeps_lines(client: HeadlessClient) -> None:
    assert run(client, """
      local m = CreateFrame("ScrollingMessageFrame"); m:SetMaxLines(2)
      m:AddMessage("a"); m:AddMessage("b"); m:AddMessage("c"); m:ScrollUp()
      return m:GetNumMessages(), m:GetCurrentScroll(), m:AtBottom()
    """) == (2, 1, None)


def test_animation_group_plays_on_the_simulated_clock(client: HeadlessClient) -> None:
    run(client, """
      LOG = {}
      local f = CreateFrame("Frame", nil, UIParent)
      G = f:CreateAnimationGroup()
      local a = G:CreateAnimation("Alpha"); a:SetChange(-1); a:SetDuration(0.5); a:SetOrder(1)
      local t = G:CreateAnimation("Translation"); t:SetOffset(10, 0); t:SetDuration(0.5)
      t:SetOrder(2)
      G:SetScript("OnPlay", function() LOG[#LOG + 1] = "play" end)
      G:SetScript("OnFinished", function() LOG[#LOG + 1] = "finished" end)
      a:SetScript("OnFinished", function() LOG[#LOG + 1] = "alpha done" end)
      G:Play()
    """)
    assert run(client, "return G:IsPlaying(), G:GetDuration()") == (1, 1.0)
    client.advance(0.6)
    assert client.global_value("LOG") == ["play", "alpha done"]
    client.advance(0.6)
    assert client.global_value("LOG") == ["play", "alpha done", "finished"]
    assert run(client, "return G:IsPlaying(), G:IsDone()") == (None, 1)


def test_model_minimap_cooldown_colorselect_keep_state(client: HeadlessClient) -> None:
    assert run(client, """
      local m = CreateFrame("PlayerModel"); m:SetUnit("player"); m:SetFacing(1.5)
      local c = CreateFrame("Cooldown"); c:SetCooldown(GetTime(), 30); c:SetReverse(true)
      local s = CreateFrame("ColorSelect"); s:SetColorRGB(1, 0, 0)
      local h = s:GetColorHSV()
      local mm = CreateFrame("Minimap"); mm:SetZoom(3)
      return m:GetFacing(), m:GetModel() ~= nil, c:GetReverse(), h, mm:GetZoom(),
        mm:GetZoomLevels()
    """) == (1.5, True, 1, 0, 3, 6)


def test_attributes_and_backdrop(client: HeadlessClient) -> None:
    assert run(client, """
      CHANGED = nil
      local f = CreateFrame("Frame")
      f:SetScript("OnAttributeChanged", function(self, name, value)
        CHANGED = name .. "=" .. value
      end)
      f:SetAttribute("Type", "macro")
      f:SetBackdrop({ bgFile = "x", insets = { left = 1 } }); f:SetBackdropColor(0, 0, 0, 0.5)
      return f:GetAttribute("type"), f:GetBackdrop().insets.left, select(4, f:GetBackdropColor())
    """) == ("macro", 1, 0.5)
    assert client.global_value("CHANGED") == "type=macro"


def test_standard_fonts_and_chat_frames_exist(client: HeadlessClient) -> None:
    assert run(client, """
      return GameFontNormal:GetObjectType(), select(2, NumberFontNormal:GetFont()),
        ChatFrame7:GetObjectType(), DEFAULT_CHAT_FRAME == ChatFrame1,
        GameTooltipTextLeft1:GetObjectType()
    """) == ("Font", 14, "ScrollingMessageFrame", True, "FontString")
