"""FrameXML's button handlers that addons call on their own buttons, in the built-in UI:
the paper doll's stat lines (AllStats), merchant item buttons (xMerchant), spell book
buttons (Clique, IdTip), the world map's battlefield-minimap drop-down (Mapster) and the
frame stack tooltip (OmniCC, MoveAnything). Each is checked for what it leaves (texts,
fields, tooltip, popups, CVars) and, with an extracted Interface folder, against
FrameXML's own handler called the same way (the texts they use set alike in both)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.shared_data import require_shared
from wowapi_stubs import ClientSettings, HeadlessClient

# GlobalStrings texts the handlers format, set alike in both UIs for the comparison.
TEXTS = """
  STAT_FORMAT = "%s:"; PAPERDOLLFRAME_TOOLTIP_FORMAT = "%s"
  for i = 1, 5 do _G["SPELL_STAT"..i.."_NAME"] = "Stat"..i end
  DEFAULT_STAT1_TOOLTIP = "ap %d"; DEFAULT_STAT2_TOOLTIP = "crit %.2f armor %d"
  DEFAULT_STAT3_TOOLTIP = "hp %d"; DEFAULT_STAT4_TOOLTIP = "mana %d crit %.2f"
  DEFAULT_STAT5_TOOLTIP = "regen %d"; MANA_REGEN_FROM_SPIRIT = "mp5 %d"
  STAT_ATTACK_POWER = "ap %d "; STAT_BLOCK_TOOLTIP = "block %d"
  ARMOR = "Armor"; DEFAULT_STATARMOR_TOOLTIP = "reduction %.2f"; DAMAGE = "Damage"
  COMBAT_RATING_NAME6 = "Hit"; CR_HIT_MELEE_TOOLTIP = "lvl %d hit %.2f pen %d %.2f"
  MANA_REGEN = "Regen"; MANA_REGEN_TOOLTIP = "%d / %d"; NOT_APPLICABLE = "N/A"
  ATTACK_POWER = "AP"; MELEE_ATTACK_POWER = "Melee AP"; MELEE_ATTACK_POWER_TOOLTIP = "%.1f"
  WEAPON_SPEED = "Speed"; ATTACK_SPEED = "Attack speed"; CR_HASTE_RATING_TOOLTIP = "%d %.2f"
  BONUS_DAMAGE = "Bonus"; SPELL_CRIT_CHANCE = "Spell crit"; DEFENSE = "Defense"
  DEFAULT_STATDEFENSE_TOOLTIP = "%d %.2f %.2f %.2f"; STAT_DODGE = "Dodge"
  DODGE_CHANCE = "Dodge chance"; CR_DODGE_TOOLTIP = "%d %.2f"
  BATTLEFIELD_MINIMAP_SHOW_NEVER = "never"; BATTLEFIELD_MINIMAP_SHOW_BATTLEGROUNDS = "bg"
  BATTLEFIELD_MINIMAP_SHOW_ALWAYS = "always"
"""

STATS = """
  local f = _G.HandlerTestStat or CreateFrame("Frame", "HandlerTestStat", UIParent,
                                              "StatFrameTemplate")
  f:Hide()
  local out = {}
  local function note(...)
    out[#out + 1] = table.concat({tostringall(HandlerTestStatLabel:GetText(),
      HandlerTestStatStatText:GetText(), f.tooltip, f.tooltip2, f:IsShown() and 1, ...)},
      " | ")
    f.tooltip, f.tooltip2 = nil, nil
    f:Hide()
  end
  for i = 1, 5 do PaperDollFrame_SetStat(f, i) note() end
  PaperDollFrame_SetArmor(f) note()
  PaperDollFrame_SetDefense(f) note()
  PaperDollFrame_SetDodge(f) note()
  PaperDollFrame_SetDamage(f) note(f.damage, f.dps, f.attackSpeed, f.offhandAttackSpeed)
  PaperDollFrame_SetAttackSpeed(f) note()
  PaperDollFrame_SetAttackPower(f) note()
  PaperDollFrame_SetRating(f, CR_HIT_MELEE) note()
  PaperDollFrame_SetSpellBonusDamage(f) note(f.minModifier)
  PaperDollFrame_SetSpellCritChance(f) note(f.minCrit)
  PaperDollFrame_SetManaRegen(f) note()
  PaperDollFrame_SetRangedDamage(f) note(PaperDollFrame.noRanged)
  return table.concat(out, "##")
"""


@pytest.fixture
def client() -> Iterator[HeadlessClient]:
    with HeadlessClient(ClientSettings(framexml_dir=None)) as made:
        made.enter_world()
        yield made


def test_stat_lines_fill_a_stat_frame_as_the_character_window_does(client) -> None:
    client.eval_lua(TEXTS)
    lines = client.eval_lua(STATS).split("##")
    assert not client.errors, client.errors
    strength, stamina = (client.eval_lua(f"return UnitStat('player', {i})") for i in (1, 3))
    assert strength[2:] == (0, 0)  # no buff: the value in white, the tooltip plain
    fields = lines[0].split(" | ")
    assert fields[:3] == ["Stat1:", str(strength[1]), f"|cffffffffStat1 {strength[1]}|r"]
    assert fields[3].startswith("ap ") and fields[-1] == "1"  # its tooltip2; shown
    assert lines[2].split(" | ")[:2] == ["Stat3:", str(stamina[1])]
    assert lines[5].startswith("Armor: | ")
    assert lines[8].startswith("Damage: | ") and " - " in lines[8].split(" | ")[1]
    assert lines[-1].startswith("Damage: | N/A |")  # nothing in the ranged slot


def test_unit_has_mana_and_pet_bonus(client) -> None:
    assert client.eval_lua("return UnitHasMana('player'), ComputePetBonus('PET_BONUS_STAM', 100)"
                           ) == (1, 0)


def test_merchant_item_button_with_the_merchant_closed(client) -> None:
    result = client.eval_lua("""
      local b = CreateFrame("Button", "HandlerTestMerchant", UIParent)
      b:SetID(3)
      MerchantItemButton_OnEnter(b)
      local owner = GameTooltip:GetOwner() == b
      MerchantItemButton_OnClick(b, "LeftButton")
      local cursor = GetCursorInfo()
      MerchantItemButton_OnClick(b, "RightButton")
      b.price = 2000000
      b.link = "|cffffffff|Hitem:6948:0:0:0:0:0:0:0:0|h[Hearthstone]|h|r"
      MerchantItemButton_OnClick(b, "RightButton")
      local popup = StaticPopup_Visible("CONFIRM_HIGH_COST_ITEM")
      MerchantFrame.selectedTab = 2
      MerchantItemButton_OnClick(b, "LeftButton")
      MerchantItemButton_OnEnter(b)
      MerchantFrame.selectedTab = 1
      return owner, MerchantFrame.itemHover, cursor, popup ~= nil, MerchantFrame.price""")
    assert not client.errors, client.errors
    assert result == (True, 3, None, True, 2000000)


def test_spell_button_on_enter_shows_the_spell_of_its_slot(client) -> None:
    name = client.eval_lua("""
      local b = CreateFrame("CheckButton", "HandlerTestSpell", SpellBookFrame)
      b:SetID(1)
      SpellButton_OnEnter(b)
      return GameTooltip:GetOwner() == b, GameTooltipTextLeft1:GetText(),
        GetSpellName(SpellBook_GetSpellID(1), BOOKTYPE_SPELL)""")
    assert not client.errors, client.errors
    assert name[0] is True and name[1] == name[2] and name[1]


def test_world_map_minimap_drop_down_offers_the_three_choices(client) -> None:
    client.eval_lua(TEXTS)
    result = client.eval_lua("""
      SetCVar("showBattlefieldMinimap", "1")
      ToggleDropDownMenu(1, nil, WorldMapZoneMinimapDropDown)
      local b = DropDownList1.buttons
      local shown = {}
      for i, info in ipairs(b) do shown[i] = info.value .. "=" .. info.text .. "=" ..
        tostring(info.checked) end
      b[3].func(b[3])
      return table.concat(shown, ","), UIDropDownMenu_GetText(WorldMapZoneMinimapDropDown),
        GetCVar("showBattlefieldMinimap"),
        UIDropDownMenu_GetSelectedValue(WorldMapZoneMinimapDropDown)""")
    assert not client.errors, client.errors
    # the last choice clicked: the CVar and the drop-down's text follow it
    assert result == ("0=never=nil,1=bg=1,2=always=nil", "always", "2", "2")


def test_frame_stack_tooltip_toggles(client) -> None:
    result = client.eval_lua("""
      FrameStackTooltip_Toggle()
      local shown, line = FrameStackTooltip:IsShown(), FrameStackTooltipTextLeft1:GetText()
      local owner = FrameStackTooltip:GetOwner() == UIParent
      FrameStackTooltip_Toggle()
      return shown, line, owner, FrameStackTooltip:IsShown()""")
    assert not client.errors, client.errors
    assert result == (1, "WorldFrame", True, None)


@pytest.fixture(scope="module")
def both() -> Iterator[tuple[HeadlessClient, HeadlessClient]]:
    folder = require_shared("MGM_FRAMEXML_DIR")
    made = (HeadlessClient(ClientSettings(framexml_dir=None)),
            HeadlessClient(ClientSettings(framexml_dir=folder)))
    for one in made:
        one.enter_world()
        one.eval_lua(TEXTS)
    yield made
    for one in made:
        one.close()


def _same(both: tuple[HeadlessClient, HeadlessClient], code: str) -> object:
    results = []
    for one in both:
        seen = len(one.errors)
        results.append((one.eval_lua(code), [e.message for e in one.errors[seen:]]))
    assert results[0] == results[1]
    return results[0][0]


def test_stat_lines_match_framexml(both) -> None:
    assert _same(both, STATS)


def test_merchant_and_spell_buttons_match_framexml(both) -> None:
    _same(both, """
      local b = _G.HandlerDiffMerchant or CreateFrame("Button", "HandlerDiffMerchant", UIParent)
      b:SetID(2)
      MerchantItemButton_OnEnter(b)
      MerchantItemButton_OnClick(b, "LeftButton")
      MerchantItemButton_OnClick(b, "RightButton")
      local s = _G.HandlerDiffSpell or CreateFrame("CheckButton", "HandlerDiffSpell", UIParent)
      s:SetID(1)
      SpellButton_OnEnter(s)
      return GameTooltip:GetOwner() == s, GameTooltipTextLeft1:GetText(),
        MerchantFrame.itemHover, GetCursorInfo(), s.UpdateTooltip ~= nil""")


def test_minimap_drop_down_matches_framexml(both) -> None:
    _same(both, """
      SetCVar("showBattlefieldMinimap", "0")
      UIDropDownMenu_Initialize(WorldMapZoneMinimapDropDown,
                                WorldMapZoneMinimapDropDown_Initialize)
      WorldMapZoneMinimapDropDown_Update()
      return UIDropDownMenu_GetText(WorldMapZoneMinimapDropDown),
        UIDropDownMenu_GetSelectedValue(WorldMapZoneMinimapDropDown)""")


SELF_SELECTING = """
  local dd = _G.HeadlessPick or CreateFrame("Frame", "HeadlessPick", UIParent,
                                            "UIDropDownMenuTemplate")
  local runs = 0
  local function init(self)
    runs = runs + 1
    for i, text in ipairs({"Low", "High"}) do
      local info = UIDropDownMenu_CreateInfo()
      info.text, info.value = text, i
      UIDropDownMenu_AddButton(info)
    end
    UIDropDownMenu_SetSelectedValue(self, 2)
  end
  UIDropDownMenu_Initialize(dd, init)
  local first = UIDropDownMenu_GetText(dd)
  UIDropDownMenu_SetSelectedValue(dd, 1)
  return runs, first, UIDropDownMenu_GetText(dd)
"""


def test_an_initialize_that_sets_the_selection_runs_once(client) -> None:
    """Setting the selection redraws the listed buttons; it does not initialize again (an
    initialize function that selects would recurse: Healium's option drop-downs)."""
    assert client.eval_lua(SELF_SELECTING) == (1, "High", "Low")
    assert not client.errors, client.errors


def test_selection_redraw_matches_framexml(both) -> None:
    assert _same(both, SELF_SELECTING) == (1, "High", "Low")
