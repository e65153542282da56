"""The built-in UI: FrameXML constants, stand-in widgets, FrameXML templates' widgets, and
the Lua helpers addons call (drop-downs, options panels, tabs, faux scroll frames, fading,
macro conditionals and state drivers), each made when first read."""

from __future__ import annotations

from tests.wowapi_stubs.eval_clean import run
from wowapi_stubs import HeadlessClient


def test_constants_are_made_on_first_read_and_tables_are_the_clients_own(
        client: HeadlessClient) -> None:
    assert client.runtime.fn.rawglobal(b"RAID_CLASS_COLORS") is None
    assert run(client, """
      RAID_CLASS_COLORS.MAGE.r = 0
      return RAID_CLASS_COLORS.MAGE.r, CLASS_ICON_TCOORDS.WARRIOR[2], CANCEL,
        LOCALIZED_CLASS_NAMES_MALE.DEATHKNIGHT, FONT_COLOR_CODE_CLOSE, NUM_BAG_SLOTS,
        bit.band(COMBATLOG_FILTER_ME, COMBATLOG_OBJECT_TYPE_PLAYER) > 0
    """) == (0, 0.25, "Cancel", "Death Knight", "|r", 4, True)
    with HeadlessClient() as other:
        assert other.eval_lua("return RAID_CLASS_COLORS.MAGE.r") == 0.41


def test_stand_ins_have_the_type_parent_and_visibility_of_framexml(
        client: HeadlessClient) -> None:
    assert run(client, """
      return Minimap:GetObjectType(), MinimapCluster:IsShown(), WorldMapFrame:IsShown(),
        MultiBarBottomLeftButton1:GetParent() == MultiBarBottomLeft,
        ActionButton1Cooldown:GetObjectType(), type(SpellBookFrame)
    """) == ("Minimap", 1, None, True, "Cooldown", "table")


def test_framexml_templates_make_their_widgets(client: HeadlessClient) -> None:
    assert run(client, """
      local s = CreateFrame("Slider", "Opt", UIParent, "OptionsSliderTemplate")
      OptText:SetText("Scale"); OptLow:SetText("0")
      local b = CreateFrame("Button", "Go", UIParent, "UIPanelButtonTemplate")
      b:SetText("Go")
      local c = CreateFrame("CheckButton", "Tick", UIParent, "UICheckButtonTemplate")
      local anon = CreateFrame("Slider", nil, UIParent, "OptionsSliderTemplate")
      return s:GetThumbTexture() == OptThumb, GoText:GetText(), (GoText:GetFont()),
        TickText:GetObjectType(), anon:GetThumbTexture() ~= nil, OptText:GetText()
    """) == (True, "Go", "Fonts\\FRIZQT__.TTF", "FontString", True, "Scale")


def test_drop_down_menus_keep_buttons_and_selection(client: HeadlessClient) -> None:
    assert run(client, """
      local d = CreateFrame("Frame", "Pick", UIParent, "UIDropDownMenuTemplate")
      UIDropDownMenu_Initialize(d, function(self, level)
        for i, text in ipairs({"Small", "Large"}) do
          local info = UIDropDownMenu_CreateInfo()
          info.text, info.value = text, i
          UIDropDownMenu_AddButton(info, level)
        end
      end)
      UIDropDownMenu_SetSelectedValue(d, 2)
      UIDropDownMenu_SetWidth(d, 120)
      ToggleDropDownMenu(1, nil, d)
      return PickText:GetText(), UIDropDownMenu_GetSelectedValue(d), DropDownList1.numButtons,
        DropDownList1:IsShown(), UIDropDownMenu_GetSelectedID(d)
    """) == ("Large", 2, 2, 1, 2)


def test_options_panels_tabs_and_faux_scroll_frames(client: HeadlessClient) -> None:
    assert run(client, """
      local panel = CreateFrame("Frame"); panel.name = "My Addon"
      REFRESHED = false
      panel.refresh = function() REFRESHED = true end
      InterfaceOptions_AddCategory(panel)
      InterfaceOptionsFrame_OpenToCategory("My Addon")
      local tabs = CreateFrame("Frame", "Tabs", UIParent)
      CreateFrame("Button", "TabsTab1", tabs); CreateFrame("Button", "TabsTab2", tabs)
      PanelTemplates_SetNumTabs(tabs, 2); PanelTemplates_SetTab(tabs, 2)
      local scroll = CreateFrame("ScrollFrame", "List", UIParent, "FauxScrollFrameTemplate")
      local shown = FauxScrollFrame_Update(scroll, 30, 10, 16)
      return #INTERFACEOPTIONS_ADDONCATEGORIES, panel:GetParent() ==
        InterfaceOptionsFramePanelContainer, REFRESHED, panel:IsShown(),
        TabsTab2:IsEnabled(), TabsTab1:IsEnabled(), shown,
        (select(2, ListScrollBar:GetMinMaxValues())), FauxScrollFrame_GetOffset(scroll)
    """) == (1, True, True, 1, None, 1, True, 320, 0)


def test_fading_runs_on_the_simulated_clock(client: HeadlessClient) -> None:
    run(client, 'F = CreateFrame("Frame", nil, UIParent); UIFrameFadeOut(F, 1, 1, 0)')
    client.advance(0.5)
    assert 0.4 < run(client, "return F:GetAlpha()") < 0.6
    client.advance(0.6)
    assert run(client, "return F:GetAlpha(), UIFrameIsFading(F)") == (0, False)


def test_macro_conditionals_and_state_drivers(client: HeadlessClient) -> None:
    run(client, """
      F = CreateFrame("Frame", nil, UIParent)
      RegisterStateDriver(F, "visibility", "[combat] hide; show")
      RegisterStateDriver(F, "page", "[mod:shift] 2; 1")
    """)
    assert run(client, 'return F:IsShown(), F:GetAttribute("state-page"), '
               'SecureCmdOptionParse("[nocombat,@player] ok; no")') == (1, "1", "ok", "player")
    client.enter_combat()
    client.world.modifiers.add("SHIFT")
    client.advance(0.1)
    assert run(client, 'return F:IsShown(), F:GetAttribute("state-page")') == (None, "2")


def test_lazy_globals_count_for_the_environment_like_any_other(client: HeadlessClient) -> None:
    assert run(client, "return rawget(_G, 'GameFontNormal') == nil, type(GameFontNormal),"
               " rawget(_G, 'GameFontNormal') == GameFontNormal") == (True, "table", True)
    assert client.runtime.rawglobal("ChatFrame5") is not None  # Python reads make them too


def test_odd_global_names_read_nil_at_once(client: HeadlessClient) -> None:
    # FrameXML reads _G[entry.text] with an empty text: the read must end.
    assert run(client, "return _G[''], _G['='], _G[' GetTime'], _G[1]") == (None, None, None,
                                                                           None)


def test_mail_frames_are_made_on_first_use_and_behave_as_if_made_at_start() -> None:
    with HeadlessClient() as client:
        assert "MailFrame" not in client.named  # not made yet
        assert client.named["SendMailMailButton"].text == "Send"  # made when looked up
    with HeadlessClient() as client:
        # The Send button re-enables when a mail fails, also when nothing made it yet.
        client.eval_lua('SendMail("Nobody", "subject", "")')
        client.advance(1)
        assert client.eval_lua("return SendMailMailButton:IsEnabled()") == 1
    with HeadlessClient() as client:
        # Addon code that defines a global of the mail UI's Lua before it is made keeps it.
        client.eval_lua("function StaticPopup_Show() return 'mine' end")
        client.open_mailbox()
        assert client.eval_lua("return StaticPopup_Show(), type(StaticPopupDialogs.SEND_MONEY)") \
            == ("mine", "table")
