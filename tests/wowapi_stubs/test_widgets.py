"""Widgets: named globals, visibility, clicks, standard frames, finding frames by text."""

from __future__ import annotations

import pytest

from wowapi_stubs import HeadlessClient


@pytest.mark.parametrize("name", ["UIParent", "Minimap", "GameTooltip", "MailFrame",
                                  "SendMailNameEditBox", "SendMailSubjectEditBox",
                                  "SendMailMoney", "DEFAULT_CHAT_FRAME"])
def test_standard_frames_exist(client: HeadlessClient, name: str) -> None:
    assert client.eval_lua(f"return type({name}), {name}.GetName ~= nil") == ("table", True)


def test_named_frames_become_globals_and_visibility_follows_parents(client: HeadlessClient) -> None:
    client.eval_lua("""
      local p = CreateFrame("Frame", "MyPanel", UIParent)
      local b = CreateFrame("Button", "MyButton", p, "UIPanelButtonTemplate")
      b:SetText("Prepare Mail")
      p:Hide()
    """)
    assert client.eval_lua("return MyButton:GetParent() == MyPanel, MyButton:GetText()") == (
        True, "Prepare Mail")
    button = client.find_frame(text="Prepare Mail")
    assert button.name == "MyButton"
    assert button.is_shown() and not button.is_visible()


def test_click_runs_pre_on_post_click_and_disabled_ignores(client: HeadlessClient) -> None:
    client.eval_lua("""
      CLICKS = ""
      local b = CreateFrame("Button", "B", UIParent)
      b:SetScript("PreClick", function(self, button) CLICKS = CLICKS .. "pre:" .. button .. " " end)
      b:SetScript("OnClick", function(self, button) CLICKS = CLICKS .. "on " end)
      b:SetScript("PostClick", function(self, button) CLICKS = CLICKS .. "post" end)
    """)
    button = client.find_frame("B")
    assert button.click()
    assert client.global_value("CLICKS") == "pre:LeftButton on post"
    client.eval_lua("B:Disable(); CLICKS = ''")
    assert not button.click()
    client.eval_lua("B:Click()")
    assert client.global_value("CLICKS") == ""


def test_frame_methods_the_addon_uses(client: HeadlessClient) -> None:
    client.eval_lua("""
      local f = CreateFrame("Frame", "Panel", UIParent)
      f:SetWidth(200); f:SetHeight(100); f:SetPoint("CENTER"); f:ClearAllPoints()
      f:SetBackdrop({bgFile = "x"}); f:SetBackdropColor(0, 0, 0, 1)
      f:SetBackdropBorderColor(1, 1, 1); f:SetMovable(true); f:EnableMouse(true)
      f:RegisterForDrag("LeftButton"); f:StartMoving(); f:StopMovingOrSizing()
      f:SetAlpha(0.5); f:SetFrameStrata("DIALOG")
      local fs = f:CreateFontString(nil, "OVERLAY", "GameFontNormal")
      fs:SetPoint("TOP"); fs:SetText("Queue"); fs:SetWidth(100); fs:SetJustifyH("LEFT")
      local b = CreateFrame("Button", "MiniBtn", Minimap)
      b:SetNormalTexture("a"); b:SetPushedTexture("b"); b:SetHighlightTexture("c")
      b:RegisterForClicks("LeftButtonUp", "RightButtonUp"); b:Disable()
      GameTooltip:SetOwner(b, "ANCHOR_LEFT"); GameTooltip:SetText("MGM"); GameTooltip:AddLine("x")
      GameTooltip:Show()
    """)
    assert not client.errors, client.errors
    assert client.eval_lua("return Panel:GetWidth(), Panel:GetAlpha()") == (200, 0.5)
    assert client.eval_lua("return MiniBtn:IsEnabled() == nil") is True
    assert client.find_frame("GameTooltip").lines == ["MGM", "x"]


def test_unknown_script_type_and_frame_type_are_errors(client: HeadlessClient) -> None:
    client.eval_lua('CreateFrame("Frame"):SetScript("OnClick", function() end)')
    assert 'doesn\'t have a "OnClick" script' in client.errors[-1].message
    client.eval_lua('CreateFrame("Gizmo")')
    assert "Unknown frame type 'Gizmo'" in client.errors[-1].message


def test_unknown_template_is_a_finding(client: HeadlessClient) -> None:
    client.eval_lua('CreateFrame("Button", nil, UIParent, "FancyTemplate")')
    assert client.findings[-1].kind == "unknown-template"


@pytest.mark.parametrize(("call", "message"), [
    ('f:SetWidth("wide")', "Usage: Region:SetWidth(width)"),
    ("f:SetPoint(5)", "Usage: Region:SetPoint(point [, relativeTo [, relativePoint]] [, x, y])"),
    ("f:StartMoving()", "Frame is not movable"),
])
def test_misuse_of_a_method_implemented_in_lua_blames_the_caller(call: str,
                                                                  message: str) -> None:
    with HeadlessClient() as client:
        client.eval_lua(f'local f = CreateFrame("Frame")\n\n{call}')
        assert client.errors[-1].message == f"(eval):3: {message}"
        assert client.errors[-1].line == 3


def test_a_lua_table_passes_back_as_itself_whatever_fields_it_holds() -> None:
    """A table holding a field named like the client's internals (``lua``) is still the
    table when an API function or method hands it back."""
    from wowapi_stubs import HeadlessClient

    with HeadlessClient() as client:
        assert client.eval_lua("""
          local f = CreateFrame("Frame")
          local t = {lua = 1}
          f:SetAttribute("x", t)
          return f:GetAttribute("x") == t, type(f:GetAttribute("x"))
        """) == (True, "table")


def test_a_template_texture_reaches_lua_only_when_read(client: HeadlessClient) -> None:
    client.eval_lua('B = CreateFrame("Button", "TemplateButton", UIParent, "UIPanelButtonTemplate")'
                    ' B:SetNormalTexture("Interface\\\\Buttons\\\\UI-Panel-Button-Up")')
    button = client.named["TemplateButton"]
    texture = button._slot_texture("Normal")
    assert texture is not None and "lua" not in vars(texture)  # no Lua table made yet
    got = client.eval_lua("local t = B:GetNormalTexture()"
                          " return t:GetObjectType(), t:GetTexture(), t:GetParent() == B")
    assert got == ("Texture", "Interface\\Buttons\\UI-Panel-Button-Up", True)
    assert "lua" in vars(texture) and client._widget_from_lua(texture.lua) is texture


def test_a_stand_in_s_named_slot_regions_are_its_slots(client: HeadlessClient) -> None:
    # FrameXML's ItemButtonTemplate names its normal texture $parentNormalTexture: the
    # button's GetNormalTexture returns it from the start (Bagnon recolours it), as do the
    # status bar and font string slots of other stand-ins.
    assert client.eval_lua("""
      local item = ContainerFrame1Item1
      local texture = item:GetNormalTexture()
      return texture ~= nil, texture == ContainerFrame1Item1NormalTexture,
        PlayerFrameHealthBar:GetStatusBarTexture() ~= nil
    """) == (True, True, True)


def test_set_font_without_a_height_fails_quietly_and_without_a_path_is_an_error(
        client: HeadlessClient) -> None:
    assert client.eval_lua("""
      local text = UIParent:CreateFontString(nil, "ARTWORK")
      text:SetFont("Fonts\\\\ARIALN.TTF", 12)
      local result = text:SetFont(STANDARD_TEXT_FONT, UIDROPDOWNMENU_DEFAULT_TEXT_HEIGHT)
      local ok, err = pcall(text.SetFont, text, nil, 12)
      return result, select(2, text:GetFont()), ok, err
    """) == (None, 12, False, '(eval):5: Usage: FontString:SetFont("path", height [, "flags"])')


def test_options_list_buttons_get_the_fields_their_template_s_on_load_sets(
        client: HeadlessClient) -> None:
    # AceGUI's TreeGroup makes its rows from OptionsListButtonTemplate and reads the
    # fields FrameXML's OnLoad scripts set: the toggle (the child's own OnLoad stores it
    # in its parent), the text and the highlight.
    assert client.eval_lua("""
      local row = CreateFrame("Button", "TreeRow1", UIParent, "OptionsListButtonTemplate")
      local plain = CreateFrame("Button", nil, UIParent, "InterfaceOptionsListButtonTemplate")
      return row.toggle == TreeRow1Toggle, row.text == TreeRow1Text,
        row.highlight == row:GetHighlightTexture(), type(row.toggleFunc),
        plain.toggle ~= nil and plain.text ~= nil, StaticPopup1.editBox == StaticPopup1EditBox
    """) == (True, True, True, "function", True, True)


def test_a_quality_colour_sets_text_and_vertex_colours(client: HeadlessClient) -> None:
    """``SetTextColor(GetItemQualityColor(q))`` passes the colour code as a fourth value:
    not a number, so the alpha is left at 1 (XLoot's loot monitor rows)."""
    result = client.eval_lua("""
      local f = UIParent:CreateFontString(nil, "ARTWORK", "GameFontNormal")
      local t = UIParent:CreateTexture()
      f:SetTextColor(GetItemQualityColor(4))
      f:SetVertexColor(GetItemQualityColor(2))
      t:SetVertexColor(GetItemQualityColor(3))
      local r, g, b, a = f:GetTextColor()
      return floor(g * 100), a, select(4, t:GetVertexColor())""")
    assert not client.errors, client.errors
    assert result == (21, 1, 1)
