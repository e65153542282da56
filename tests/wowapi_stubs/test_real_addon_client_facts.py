"""Client behaviour real addons and FrameXML rely on: slider and bar values exist only once a
range is set; a table holding a widget's ``[0]`` is that widget; ``LoadAddOn`` from a script
does not spend the script's CPU time; an XML file may name a file of another installed addon
through ``..``; macro options, the realm CVar, played time and ``unit:`` links."""

from __future__ import annotations

import time

from tests.wowapi_stubs.conftest import AddonFactory
from tests.wowapi_stubs.eval_clean import run
from wowapi_stubs import ClientSettings, HeadlessClient


def test_slider_value_waits_for_a_range(client: HeadlessClient) -> None:
    """An OnLoad that sets the range must not run OnValueChanged before the addon's saved
    variables exist (DebuffFilter, MoveAnything, XPerl options do this)."""
    assert run(client, """
      VALUES = {}
      local s = CreateFrame("Slider")
      s:SetScript("OnValueChanged", function(self, v) VALUES[#VALUES + 1] = v end)
      s:SetValue(7)                  -- no range yet: ignored
      local before = s:GetValue()
      s:SetMinMaxValues(1, 8)        -- no value yet: nothing to clamp or report
      s:SetMinMaxValues(1, 8)
      s:SetValue(3); s:SetValue(3)   -- reported once
      s:SetMinMaxValues(5, 8)        -- the value is clamped and reported
      return before, s:GetValue()
    """) == (0, 5)
    assert client.global_value("VALUES") == [3, 5]


def test_status_bar_value_waits_for_a_range(client: HeadlessClient) -> None:
    assert run(client, """
      local b = CreateFrame("StatusBar")
      b:SetValue(40)
      local before = b:GetValue()
      b:SetMinMaxValues(0, 100); b:SetValue(40)
      return before, b:GetValue()
    """) == (0, 40)


def test_a_table_holding_a_widgets_userdata_is_that_widget(client: HeadlessClient) -> None:
    """FrameXML's RestrictedFrames.lua calls methods on such surrogate tables."""
    assert run(client, """
      local f = CreateFrame("Frame", "Original", UIParent)
      local surrogate = setmetatable({ [0] = f[0] }, getmetatable(f))
      surrogate:SetWidth(42)
      local other = CreateFrame("Frame"); other:SetParent(surrogate)
      return f:GetWidth(), surrogate:GetName(), other:GetParent() == f
    """) == (42, "Original", True)
    client.eval_lua('local f = CreateFrame("Frame"); local t = { [0] = "x" }; '
                    'f.SetWidth(t, 1)')
    assert "widget expected, got table" in client.errors[-1].message


def _loop_of(client: HeadlessClient, seconds: float) -> str:
    """Lua code that spends about ``seconds`` of CPU time (measured on this machine now)."""
    client.eval_lua("local n = 0 for i = 1, 2000000 do n = n + i end")
    start = time.process_time()
    client.eval_lua("local n = 0 for i = 1, 2000000 do n = n + i end")
    rate = 2_000_000 / max(time.process_time() - start, 1e-6)
    return f"local n = 0 for i = 1, {int(rate * seconds)} do n = n + i end\n"


def test_load_addon_from_a_script_does_not_spend_its_cpu_time(
        make_addon: AddonFactory) -> None:
    """Each file of an addon loaded on demand has its own CPU budget, as at login; the
    script that called LoadAddOn keeps what it had left. A runaway file is still stopped."""
    limit = 0.5
    with HeadlessClient(ClientSettings(cpu_limit_seconds=limit)) as client:
        burn = _loop_of(client, 0.35 * limit)
        big = make_addon("Big", {"a.lua": burn, "b.lua": burn, "c.lua": burn + "BIG_DONE = 1"},
                         toc_extra="## LoadOnDemand: 1")
        runaway = make_addon("Runaway", {"loop.lua": "while true do end"},
                             toc_extra="## LoadOnDemand: 1")
        client.load_addons([big, runaway])
        client.eval_lua(burn + 'LOADED = LoadAddOn("Big")\n' + burn + "AFTER = 1")
        assert [e.message for e in client.errors] == []
        assert client.global_value("LOADED") == 1 and client.global_value("BIG_DONE") == 1
        assert client.global_value("AFTER") == 1
        client.eval_lua('LoadAddOn("Runaway"); STILL = 1')
        assert "script ran too long" in client.errors[0].message
        assert client.global_value("STILL") == 1


def test_xml_may_name_a_file_of_another_installed_addon(make_addon: AddonFactory) -> None:
    """``<Script file="..\\Core\\shared.lua"/>`` (XPerl_RaidAdmin does this); still no way
    out of the AddOns folder, and an addon that is not installed is not found."""
    core = make_addon("Core", {"shared.lua": "SHARED = (SHARED or 0) + 1"})
    ui = '<Ui xmlns="http://www.blizzard.com/wow/ui/">{}</Ui>'
    helper = make_addon("Helper", {
        "Helper.xml": ui.format('<Script file="..\\Core\\shared.lua"/>'),
        "Out.xml": ui.format('<Script file="..\\..\\outside.lua"/>'),
        "Absent.xml": ui.format('<Script file="..\\Absent\\x.lua"/>')})
    with HeadlessClient() as client:
        reports = client.load_addons([core, helper])
        assert client.global_value("SHARED") == 2  # Core's own load, then Helper's
        problems = [f.error or "" for r in reports for f in r.files if not f.ok]
        assert len(problems) == 2, problems
        assert all("leads outside the addon folder" in p for p in problems), problems


def test_macro_options_realm_played_time_and_unit_links(client: HeadlessClient) -> None:
    client.enter_world()
    assert run(client, """
      local a, t = SecureCmdOptionParse("[combat] fight; [@player, nocombat][@target] rest; x")
      return a, t, SecureCmdOptionParse("[combat] only"), GetCVar("realmName") == GetRealmName()
    """) == ("rest", "player", None, True)
    client.advance(10)
    run(client, """
      PLAYED = nil
      local f = CreateFrame("Frame"); f:RegisterEvent("TIME_PLAYED_MSG")
      f:SetScript("OnEvent", function(self, event, total, level) PLAYED = {total, level} end)
      RequestTimePlayed()
    """)
    client.advance(1)
    assert client.global_value("PLAYED") == [10, 10]
    assert run(client, """
      GameTooltip:SetOwner(UIParent, "ANCHOR_NONE")
      GameTooltip:SetHyperlink("unit:" .. UnitGUID("player"))
      local name = GameTooltip:GetUnit()
      GameTooltip:SetHyperlink("unit:0xF130002F0F000001")
      return name, GameTooltip:NumLines()
    """) == (client.settings.character_name, 0)


def test_no_loot_window_is_open(client: HeadlessClient) -> None:
    """XLoot asks how many items the loot window holds when it closes it."""
    assert run(client, """
      CloseLoot(); LootSlot(1)
      return GetNumLootItems(), select("#", GetLootSlotInfo(1)), LootSlotIsItem(1),
        IsFishingLoot(), GetLootRollTimeLeft(1)
    """) == (0, 0, None, None, 0)
    client.eval_lua("GetLootSlotInfo()")
    assert "Usage: GetLootSlotInfo(slot)" in client.errors[-1].message
