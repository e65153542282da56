"""API functions answer from the world model (units, group, auras, spells, items, CVars,
modifiers, zone, guild, addon messages), and changing the world fires the client's events."""

from __future__ import annotations

import pytest

from tests.wowapi_stubs.eval_clean import run
from wowapi_stubs import ClientSettings, HeadlessClient, WhoEntry
from wowapi_stubs.world import Aura, Spell, Unit


@pytest.fixture
def client() -> HeadlessClient:
    settings = ClientSettings(character_name="Streamer", character_class="Paladin",
                              character_race="Dwarf", character_guild="Gold Diggers")
    with HeadlessClient(settings) as c:
        c.set_world_roster([WhoEntry("Norinn", 80, "Human", "Mage", "Gold Diggers"),
                            WhoEntry("Grom", 79, "Orc", "Warrior", "")])
        yield c


def test_the_character(client: HeadlessClient) -> None:
    assert run(client, """
      local class, token = UnitClass("player")
      local race, raceFile = UnitRace("player")
      local power, powerToken = UnitPowerType("player")
      return class, token, race, raceFile, UnitLevel("player"), UnitFactionGroup("player"),
        UnitIsPlayer("player"), UnitHealth("player") == UnitHealthMax("player"), power,
        powerToken, UnitGUID("player"):match("^0x%x+$") ~= nil
    """) == ("Paladin", "PALADIN", "Dwarf", "Dwarf", 80, "Alliance", 1, True, 0, "MANA", True)


def test_target_and_group_follow_the_world_with_events(client: HeadlessClient) -> None:
    run(client, """
      SEEN = {}
      local f = CreateFrame("Frame")
      for _, e in ipairs({"PLAYER_TARGET_CHANGED", "PARTY_MEMBERS_CHANGED",
                          "PARTY_LEADER_CHANGED", "RAID_ROSTER_UPDATE"}) do
        f:RegisterEvent(e)
      end
      f:SetScript("OnEvent", function(_, e) SEEN[#SEEN + 1] = e end)
    """)
    assert run(client, 'return UnitExists("target")') is None
    client.set_target("Norinn")
    client.set_party(["Norinn", "Grom"], leader="Norinn")
    assert client.global_value("SEEN") == ["PLAYER_TARGET_CHANGED", "PARTY_MEMBERS_CHANGED",
                                           "RAID_ROSTER_UPDATE", "PARTY_LEADER_CHANGED"]
    assert run(client, """
      return UnitName("target"), select(2, UnitClass("target")), GetNumPartyMembers(),
        GetNumRaidMembers(), UnitName("party2"), UnitInParty("party1"),
        UnitIsUnit("party1", "target"), UnitIsPartyLeader("Norinn"), IsPartyLeader(),
        UnitIsEnemy("player", "party2"), GetPartyLeaderIndex()
    """) == ("Norinn", "MAGE", 2, 0, "Grom", 1, 1, 1, None, 1, 1)
    client.set_raid(["Norinn"])
    assert run(client, "local n, rank, group = GetRaidRosterInfo(2) "
               "return GetNumRaidMembers(), n, group, UnitInRaid('Norinn')") == (
        2, "Norinn", 1, 1)


def test_auras_by_index_name_and_filter(client: HeadlessClient) -> None:
    client.set_auras("player", [Aura("Blessing of Kings", 20217, count=0, duration=600,
                                     expires=4200.0),
                                Aura("Weakened Soul", 6788, harmful=True, debuff_type="Magic",
                                     caster="party1")])
    assert run(client, """
      local name, rank, icon, count, debuffType, duration, expires, caster, steal, cons, id =
        UnitAura("player", 1)
      return name, duration, id, UnitBuff("player", 2), (UnitDebuff("player", 1)),
        select(5, UnitDebuff("player", 1)),
        (UnitAura("player", "Weakened Soul", nil, "HARMFUL"))
    """) == ("Blessing of Kings", 600, 20217, None, "Weakened Soul", "Magic", "Weakened Soul")


def test_a_boolean_third_aura_argument_is_left_out(client: HeadlessClient) -> None:
    """2.x code passes ``true`` ("castable only") where 3.3.5a reads a rank or filter text:
    the client reads only texts there, so the call answers as without it (Healium)."""
    client.set_auras("player", [Aura("Renew", spell_id=139, duration=15, expires=15)])
    assert run(client, """
      return (UnitBuff("player", 1, true)), (UnitBuff("player", 1, false)),
        (UnitAura("player", 1, true, "HELPFUL"))""") == ("Renew", "Renew", "Renew")


def test_spells_and_spellbook(client: HeadlessClient) -> None:
    client.world.spells.add(Spell(48782, "Holy Light", "Rank 13",
                                  "Interface\\Icons\\Spell_Holy_HolyBolt", cast_time=2500))
    assert run(client, """
      local name, rank, icon, cost, funnel, powerType, castTime = GetSpellInfo(48782)
      local tabName, _, offset, count = GetSpellTabInfo(1)
      return name, rank, castTime, (GetSpellInfo(99999)), GetSpellInfo(999999),
        tabName, offset, (GetSpellName(1, BOOKTYPE_SPELL)), GetNumSpellTabs(),
        GetSpellLink(48782):match("spell:48782") ~= nil
    """) == ("Holy Light", "Rank 13", 2500, None, None, "General", 0, "Attack", 2, True)


def test_items_bags_and_quality(client: HeadlessClient) -> None:
    client.set_bag_item(0, 1, 6948, "Hearthstone")
    client.set_bag_item(1, 3, 33470, "Frostweave Cloth", count=20)
    assert run(client, """
      local r, g, b, hex = GetItemQualityColor(4)
      return (GetItemInfo(6948)), GetItemCount(33470), GetContainerNumFreeSlots(0),
        GetContainerItemID(1, 3), hex, (GetInventorySlotInfo("HeadSlot")),
        GetItemInfo(123456), (select(3, GetAuctionItemClasses()))
    """) == ("Hearthstone", 20, 15, 33470, "|cffa335ee", 1, None, "Container")


def test_cvars_modifiers_and_cursor(client: HeadlessClient) -> None:
    run(client, 'RegisterCVar("myAddonFlag", "1"); SetCVar("uiScale", "0.9")')
    assert run(client, """
      return GetCVar("uiScale"), GetCVarBool("myAddonFlag"), GetCVarDefault("uiScale"),
        GetCVar("noSuchVariable"), IsShiftKeyDown(), GetCursorInfo()
    """) == ("0.9", 1, "1", None, None)  # an empty cursor: GetCursorInfo() returns nothing
    client.world.modifiers.add("SHIFT")
    client.world.cursor = ("item", 6948, "|Hitem:6948|h")
    assert run(client, 'return IsShiftKeyDown(), IsModifierKeyDown(), IsModifiedClick("CHATLINK"),'
               ' IsModifiedClick("DRESSUP"), CursorHasItem(), (GetCursorInfo())') == (
        1, 1, 1, None, 1, "item")


def test_zone_and_instance(client: HeadlessClient) -> None:
    assert run(client, "return GetRealZoneText(), select(2, IsInInstance()), GetZonePVPInfo()"
               ) == ("Dalaran", "none", "sanctuary", None, None)
    client.set_zone("Icecrown Citadel", instance_type="raid", pvp_type="", resting=False)
    assert run(client, "return GetZoneText(), IsInInstance(), (select(2, GetInstanceInfo())),"
               " IsResting(), GetBindLocation()") == ("Icecrown Citadel", 1, "raid", None,
                                                      "Dalaran")
    assert run(client, "ToggleHelpFrame() local shown = HelpFrame:IsShown()"
               " ToggleHelpFrame() return shown, HelpFrame:IsShown()") == (1, None)


def test_guild_roster_answers_later_and_addon_messages_echo(client: HeadlessClient) -> None:
    run(client, """
      LOG = {}
      local f = CreateFrame("Frame")
      f:RegisterEvent("GUILD_ROSTER_UPDATE"); f:RegisterEvent("CHAT_MSG_ADDON")
      f:SetScript("OnEvent", function(_, e, prefix, text, kind, sender)
        LOG[#LOG + 1] = e .. (prefix and (":" .. prefix .. ":" .. text .. ":" .. sender) or "")
      end)
      GuildRoster()
      SendAddonMessage("MYADDON", "hello", "GUILD")
      SendAddonMessage("MYADDON", "nobody hears", "PARTY")
    """)
    assert client.global_value("LOG") == ["CHAT_MSG_ADDON:MYADDON:hello:Streamer"]
    client.advance(0.5)
    assert client.global_value("LOG")[-1] == "GUILD_ROSTER_UPDATE"
    assert run(client, "return IsInGuild(), GetGuildInfo('player'), GetNumGuildMembers(),"
               " (GetGuildRosterInfo(2))") == (1, "Gold Diggers", 2, "Norinn")
    assert client.addon_messages[-1] == ("MYADDON", "nobody hears", "PARTY", None)
    # A new guild's five ranks; the character leads, the others are members.
    assert run(client, "return GuildControlGetNumRanks(), GuildControlGetRankName(1),"
               " GuildControlGetRankName(4), GuildControlGetRankName(6),"
               " select(3, GetGuildRosterInfo(2)), (select(2, GetGuildRosterInfo(2)))") == (
        5, "Guild Master", "Member", "", 3, "Member")


def test_combat_log_event_has_the_335a_arguments(client: HeadlessClient) -> None:
    run(client, """
      ARGS = nil
      local f = CreateFrame("Frame"); f:RegisterEvent("COMBAT_LOG_EVENT_UNFILTERED")
      f:SetScript("OnEvent", function(_, _, ...) ARGS = {...} end)
    """)
    dummy = Unit("Training Dummy", 83, "Mechanical", "WARRIOR", is_player=False, hostile=True,
                 guid="0xF130002F0F000001")
    client.combat_log("SPELL_DAMAGE", "player", dummy, 48782, "Holy Light", 2, 5000)
    args = client.global_value("ARGS")
    assert args[1:] == ["SPELL_DAMAGE", client.world.player.guid, "Streamer", 0x511,
                        "0xF130002F0F000001", "Training Dummy", 0xa48, 48782, "Holy Light",
                        2, 5000]
    assert run(client, "return CombatLogGetCurrentEventInfo") is None  # not in 3.3.5a


def test_trigonometry_globals_work_in_degrees(client: HeadlessClient) -> None:
    assert run(client, "return sin(90), cos(0), math.floor(atan2(1, 1) + 0.5), "
               "getglobal('UIParent') == UIParent") == (1, 1, 45, True)
