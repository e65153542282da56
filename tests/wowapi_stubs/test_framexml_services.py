"""Client behaviour Blizzard's FrameXML relies on, checked without FrameXML itself: C
functions ignore extra arguments and may return no value at all, ``format`` takes
positional arguments, text setters clear on non-text values, and the character sheet,
voice, CVars and edit box cursor as the client reports them."""

from __future__ import annotations

from wowapi_stubs import HeadlessClient
from wowapi_stubs.world import Unit


def test_extra_arguments_to_c_functions_are_ignored(client: HeadlessClient) -> None:
    # FrameXML passes GameTime_GetTime()'s three values to SetText.
    assert client.eval_lua("""
      local f = UIParent:CreateFontString(nil, nil, "GameFontNormal")
      f:SetText("12:00", 12, 0)
      return f:GetText(), GetCVar("locale", "extra")""") == ("12:00", "enUS")
    assert client.errors == []


def test_errors_inside_a_function_are_not_taken_for_extra_arguments(
        client: HeadlessClient) -> None:
    assert client.eval_lua('return pcall(UnitName)') == (False, '(eval):1: Usage: UnitName("unit")')


def test_functions_returning_nothing_give_no_value(client: HeadlessClient) -> None:
    assert client.eval_lua('return select("#", GetQuestTimers()), select("#", '
                           'GetTrackedAchievements()), select("#", GetTime())') == (0, 0, 1)


def test_format_takes_positional_arguments(client: HeadlessClient) -> None:
    assert client.eval_lua(r'return format("%2$s gives %1$d%%", 5, "Bob"), '
                           r'string.format("%5.1f|%s", 3.14159, "x")') == ("Bob gives 5%",
                                                                           "  3.1|x")
    client.eval_lua('local s = format("%d", "x")')
    assert [e.message for e in client.errors] == [
        "(eval):1: bad argument #2 to 'format' (number expected, got string)"]


def test_set_text_with_a_value_that_is_not_text_clears_it(client: HeadlessClient) -> None:
    assert client.eval_lua("""
      local f = UIParent:CreateFontString(nil, nil, "GameFontNormal")
      f:SetText("x")
      f:SetText(function() end)
      local b = CreateFrame("Button", nil, UIParent, "UIPanelButtonTemplate")
      b:SetText({})
      return f:GetText(), b:GetText()""") == (None, None)


def test_vertex_color_reads_missing_components_as_zero(client: HeadlessClient) -> None:
    assert client.eval_lua("""
      local t = UIParent:CreateTexture()
      t:SetVertexColor(nil, nil, nil)
      return t:GetVertexColor()""") == (0.0, 0.0, 0.0, 1.0)


def test_text_set_by_code_is_reported_with_the_next_frame(client: HeadlessClient) -> None:
    # FrameXML's MoneyInputFrame sets three boxes, then counts the changes to expect.
    assert client.eval_lua("""
      SEEN = {}
      local e = CreateFrame("EditBox", nil, UIParent)
      e:SetScript("OnCursorChanged", function(self, x, y, w, h) SEEN[#SEEN + 1] = "cursor" end)
      e:SetScript("OnTextChanged", function(self, user) SEEN[#SEEN + 1] = tostring(user) end)
      e:SetText("hello")
      E = e
      return table.concat(SEEN, ",")""") == "cursor"
    client.settle()
    assert client.eval_lua('return table.concat(SEEN, ",")') == "cursor,false"
    client.find_frame(text="hello").set_text("typed")  # the user types: at once
    assert client.eval_lua('return table.concat(SEEN, ",")') == "cursor,false,cursor,true"


def test_character_sheet_follows_class_and_level(client: HeadlessClient) -> None:
    client.world.player.class_token = "ROGUE"
    strength, agility = (client.call_global("UnitStat", "player", i)[1] for i in (1, 2))
    assert (strength, agility) == (113, 189)
    assert client.call_global("UnitAttackPower", "player") == (113 + 189, 0, 0)
    assert client.call_global("GetAttackPowerForStat", 2, 100) == (100,)
    assert client.call_global("GetParryChance") == (5.0,)
    client.world.player.class_token = "MAGE"
    client.world.player.level = 40
    assert client.call_global("UnitStat", "player", 4) == (90, 90, 0, 0)
    assert client.call_global("GetParryChance") == (0.0,)
    assert client.call_global("UnitStat", "player", 9) == (0, 0, 0, 0)
    client.world.party = [Unit("Ally", class_token="PALADIN")]
    assert client.call_global("UnitHasRelicSlot", "party1") == (1,)


def test_framexml_cvars_have_the_client_defaults(client: HeadlessClient) -> None:
    assert client.eval_lua('return GetCVar("timeMgrAlarmTime"), GetCVar("trackerFilter"), '
                           'GetCVarDefault("Sound_MasterVolume"), GetCVarMin("farclip")') == (
        "0", "7", "1.0", None)
