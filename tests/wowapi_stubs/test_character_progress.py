"""The character's progress from Lua: reputations (list, headers, watched, inactive, at war),
talent positions, achievements and statistics, titles, currencies, instance difficulty and
locks, and small facts of its state (threat colours, GUIDs, regeneration, coins, runes)."""

from __future__ import annotations

import pytest

from tests.shared_data import require_shared
from tests.wowapi_stubs.eval_clean import run
from wowapi_stubs import ClientSettings, HeadlessClient, WhoEntry
from wowapi_stubs.progress import SavedInstance


@pytest.fixture
def client() -> HeadlessClient:
    settings = ClientSettings(character_name="Streamer", character_class="Rogue",
                              character_race="Dwarf")
    with HeadlessClient(settings) as c:
        yield c


def faction_rows(client: HeadlessClient) -> list[tuple[object, ...]]:
    """(name, standing, header, collapsed, child) of every visible reputation row."""
    rows = run(client, """
      local rows = {}
      for i = 1, GetNumFactions() do
        local name, _, standing, _, _, _, _, _, header, collapsed, _, _, child = GetFactionInfo(i)
        rows[#rows + 1] = name .. "|" .. standing .. "|" .. tostring(header) .. "|"
          .. tostring(collapsed) .. "|" .. tostring(child)
      end
      return table.concat(rows, ";")
    """)
    return [tuple(row.split("|")) for row in str(rows).split(";")]


def test_reputation_list_of_a_level_80_alliance_character(client: HeadlessClient) -> None:
    rows = faction_rows(client)
    names = [r[0] for r in rows]
    assert names[0] == "Alliance" and "Wrath of the Lich King" in names
    assert "Orgrimmar" not in names and "Horde Expedition" not in names
    assert ("Ironforge", "8", "nil", "nil", "nil") in rows  # a dwarf's home city: exalted
    assert ("Stormwind", "6", "nil", "nil", "nil") in rows
    assert ("Alliance Vanguard", "6", "1", "nil", "1") in rows  # a sub-header with reputation
    assert ("Valiance Expedition", "6", "nil", "nil", "1") in rows
    assert run(client, """
      local name, description, standing, low, high, value, atWar, canWar, header, collapsed,
        hasRep, watched, child = GetFactionInfo(2)
      return name, type(description), standing, low, high, value, atWar, canWar, header,
        collapsed, hasRep, watched, child, select("#", GetFactionInfo(2)),
        GetFactionInfo(GetNumFactions() + 1) == nil
    """) == ("Darnassus", "string", 6, 9000, 21000, 15500, None, None, None, None, 1, None,
             None, 13, True)
    assert run(client, "return select(3, GetFactionInfoByID(47)), GetFactionInfoByID(5)") == 8
    frenzy = run(client, """
      local _, _, standing, low, high, value, atWar, canWar = GetFactionInfoByID(1104)
      local _, _, _, _, _, _, oraclesWar, oraclesCan = GetFactionInfoByID(1105)
      return standing, low, high, value, atWar, canWar, oraclesWar, oraclesCan
    """)
    assert frenzy == (1, -42000, -6000, -42000, 1, None, None, 1)
    client.eval_lua("GetFactionInfo()")
    assert client.errors[-1].message.endswith("Usage: GetFactionInfo(index)")


def count_update_faction(client: HeadlessClient) -> None:
    """``SEEN`` counts the ``UPDATE_FACTION`` events from now on."""
    run(client, """
      SEEN = 0
      local f = CreateFrame("Frame")
      f:RegisterEvent("UPDATE_FACTION")
      f:SetScript("OnEvent", function() SEEN = SEEN + 1 end)
    """)


def test_headers_collapse_and_expand_firing_update_faction(client: HeadlessClient) -> None:
    count_update_faction(client)
    total = run(client, "return GetNumFactions()")
    run(client, "CollapseFactionHeader(1)")
    rows = faction_rows(client)
    assert rows[0] == ("Alliance", "4", "1", "1", "nil")
    assert rows[1][0] == "Wrath of the Lich King" and len(rows) == total - 9
    run(client, "CollapseFactionHeader(1); CollapseFactionHeader(2)")  # the first: no event
    assert [r[0] for r in faction_rows(client)] == ["Alliance", "Wrath of the Lich King"]
    run(client, "ExpandFactionHeader(1); ExpandFactionHeader(11); ExpandFactionHeader(11)")
    assert run(client, "return GetNumFactions(), SEEN") == (total, 4)
    run(client, "CollapseFactionHeader(12)")  # Alliance Vanguard: its four factions hidden
    assert run(client, "return GetNumFactions(), (select(10, GetFactionInfo(12)))") == (
        total - 4, 1)


def test_watched_faction_follows_set_watched_faction_index(client: HeadlessClient) -> None:
    count_update_faction(client)
    assert run(client, "return GetWatchedFactionInfo()") is None
    index = run(client, """
      for i = 1, GetNumFactions() do
        if GetFactionInfo(i) == "Argent Crusade" then return i end
      end
    """)
    run(client, f"SetWatchedFactionIndex({index})")
    assert run(client, "return GetWatchedFactionInfo()") == (
        "Argent Crusade", 7, 21000, 42000, 25000)
    assert run(client, f"return select(12, GetFactionInfo({index})), SEEN") == (1, 1)
    run(client, "SetWatchedFactionIndex(1)")  # a header without reputation: not watched
    assert run(client, "return GetWatchedFactionInfo(), SEEN") == ("Argent Crusade", 1)
    run(client, "SetWatchedFactionIndex(0)")
    assert run(client, "return GetWatchedFactionInfo(), SEEN") == (None, 2)


def test_inactive_factions_move_under_the_inactive_header(client: HeadlessClient) -> None:
    total = run(client, "return GetNumFactions()")
    run(client, "SetSelectedFaction(2); SetFactionInactive(GetSelectedFaction())")
    rows = faction_rows(client)
    assert len(rows) == total + 1 and rows[1][0] == "Exodar"
    assert rows[-2:] == [("Inactive", "4", "1", "nil", "nil"),
                         ("Darnassus", "6", "nil", "nil", "nil")]
    assert run(client, f"return IsFactionInactive({total + 1}), IsFactionInactive(2), "
                       "GetSelectedFaction()") == (1, None, 2)
    run(client, f"SetFactionActive({total + 1})")
    assert faction_rows(client)[1][0] == "Darnassus"
    assert run(client, "return GetNumFactions()") == total


def test_at_war_toggle_is_answered_by_the_server(client: HeadlessClient) -> None:
    index = run(client, """
      for i = 1, GetNumFactions() do
        if GetFactionInfo(i) == "Kirin Tor" then return i end
      end
    """)
    run(client, f"FactionToggleAtWar({index}); FactionToggleAtWar(2)")  # a city: refused
    assert run(client, f"return (select(7, GetFactionInfo({index})))") is None
    client.advance(0.5)
    assert run(client, f"return (select(7, GetFactionInfo({index}))), "
                       "(select(7, GetFactionInfo(2)))") == (1, None)


def test_talent_positions_are_empty_as_the_tabs_say(client: HeadlessClient) -> None:
    assert run(client, """
      local found = 0
      for tab = 1, GetNumTalentTabs() do
        for i = 1, GetNumTalents(tab) do found = found + 1 end
      end
      return GetNumTalentTabs(), found, select("#", GetTalentInfo(1, 1)),
        select("#", GetTalentLink(2, 3)),
        select("#", GetTalentPrereqs(1, 1, nil, nil, GetActiveTalentGroup()))
    """) == (3, 0, 0, 0, 0)
    client.eval_lua("GetTalentInfo(1)")
    assert "Usage: GetTalentInfo(tabIndex, talentIndex" in client.errors[-1].message


def test_achievements_of_a_level_80_character(client: HeadlessClient) -> None:
    assert run(client, "return GetAchievementInfo(13)") == (
        13, "Level 80", 10, True, 3, 5, 26, "Reach level 80.", 0,
        "Interface\\Icons\\Achievement_Level_80", "")
    assert run(client, "return select(4, GetAchievementInfo(506)), "
                       "(select(5, GetAchievementInfo(506))), "
                       "select('#', GetAchievementInfo(999999))") == (False, None, 0)
    link = run(client, "return GetAchievementLink(13)")
    guid = run(client, "return UnitGUID('player')")[2:]
    assert link == (f"|cffffff00|Hachievement:13:{guid}:1:3:5:26:4294967295:4294967295:"
                    "4294967295:4294967295|h[Level 80]|h|r")
    assert ":0:0:0:-1:0:0:0:0|h[500 Quests Completed]" in run(
        client, "return GetAchievementLink(506)")
    assert run(client, "return GetAchievementCategory(13), GetCategoryInfo(92)") == (
        92, "General", -1, 0)
    # A series shows one step: the level series its last, the quest series its next.
    assert run(client, """
      local all, done = GetCategoryNumAchievements(92, true)
      local shown, shownDone = GetCategoryNumAchievements(92)
      local quests, questsDone = GetCategoryNumAchievements(96)
      return all, done, shown, shownDone, quests, questsDone, select(2, GetAchievementInfo(92, 1))
    """)[:7] == (8, 8, 1, 1, 1, 0, "Level 80")
    assert run(client, "return (GetAchievementInfo(96, 1)), select(9, GetAchievementInfo(506)), "
                       "GetAchievementInfo(96, 2)") == (506, 0x80)
    assert run(client, "return GetPreviousAchievement(13), GetNextAchievement(12)") == (
        12, 13, True)
    assert run(client, "return GetNextAchievement(13), GetPreviousAchievement(6)") == (
        None, None)
    assert run(client, "return GetNumCompletedAchievements()") == (20, 12)
    assert run(client, "return GetTotalAchievementPoints()") == 120
    assert run(client, "return GetLatestCompletedAchievements()") == (522, 505, 504, 503, 13)
    assert run(client, "return HasCompletedAnyAchievement()") == 1


def test_criteria_and_statistics(client: HeadlessClient) -> None:
    assert run(client, "return GetAchievementNumCriteria(506), GetAchievementNumCriteria(13)"
               ) == (1, 0)
    assert run(client, "return GetAchievementCriteriaInfo(506, 1)") == (
        "Complete 500 quests", 27, False, 312, 500, None, 1, 0, "312/500", 5060)
    assert run(client, "return GetAchievementCriteriaInfo(5060)") == run(
        client, "return GetAchievementCriteriaInfo(506, 1)")
    assert run(client, "return select(3, GetAchievementCriteriaInfo(505, 1)), "
                       "select(6, GetAchievementCriteriaInfo(505, 1)), "
                       "GetAchievementCriteriaInfo(505, 2) == nil") == (True, "Streamer", True)
    # A meta achievement's criteria are achievements, met as they are completed.
    assert run(client, "return GetAchievementNumCriteria(46), "
                       "(select(8, GetAchievementCriteriaInfo(46, 4)))") == (4, 45)
    assert run(client, "return GetStatistic(60), GetStatistic(13), GetStatistic(1)") == (
        "0", None, None)
    client.money = 1234567
    assert run(client, "return GetStatistic(334)") == (
        "123|TInterface\\MoneyFrame\\UI-GoldIcon:0:0:2:0|t "
        "45|TInterface\\MoneyFrame\\UI-SilverIcon:0:0:2:0|t "
        "67|TInterface\\MoneyFrame\\UI-CopperIcon:0:0:2:0|t")
    assert run(client, "return GetCategoryNumAchievements(140), GetCategoryInfo(140)") == (
        3, "Wealth", 130, 0)
    assert run(client, "return GetComparisonStatistic(60)") is None


def test_tracked_achievements(client: HeadlessClient) -> None:
    run(client, "AddTrackedAchievement(506); AddTrackedAchievement(46); "
                "AddTrackedAchievement(506); AddTrackedAchievement(424242)")
    assert run(client, "return GetNumTrackedAchievements(), IsTrackedAchievement(46), "
                       "IsTrackedAchievement(13)") == (2, 1, None)
    assert run(client, "return GetTrackedAchievements()") == (506, 46)
    run(client, "RemoveTrackedAchievement(506)")
    assert run(client, "return GetTrackedAchievements()") == 46
    run(client, "for id = 6, 13 do AddTrackedAchievement(id) end "
                "for id = 503, 507 do AddTrackedAchievement(id) end")
    assert run(client, "return GetNumTrackedAchievements()") == 10


def test_titles_and_quest_greeting_titles(client: HeadlessClient) -> None:
    assert run(client, "return GetTitleName(1), GetTitleName(28), strtrim(GetTitleName(15))"
               ) == ("Private ", "High Warlord ", "Scout")
    assert run(client, "return GetTitleName(0), GetTitleName(5000)") == (None, None)
    assert run(client, "return GetTitleName(42)") == "Title 42 "
    assert run(client, "return GetActiveTitle(1)") is None


def test_currency_list_and_backpack(client: HeadlessClient) -> None:
    assert run(client, "return GetCurrencyListSize()") == 3
    assert run(client, "return GetCurrencyListInfo(1)") == (
        "Dungeon and Raid", 1, 1, None, None, 0, 0, None, 0)
    assert run(client, "return GetCurrencyListInfo(2)") == (
        "Emblem of Triumph", None, None, None, None, 23, 0,
        "Interface\\Icons\\spell_holy_summonchampion", 47241)
    assert run(client, "return GetCurrencyListInfo(4), GetBackpackCurrencyInfo(1)") is None
    run(client, "ExpandCurrencyList(1, 0)")
    assert run(client, "return GetCurrencyListSize(), (select(3, GetCurrencyListInfo(1)))"
               ) == (1, None)
    run(client, "ExpandCurrencyList(1, 1)")
    assert run(client, "return GetCurrencyListSize()") == 3
    client.world.progress.currencies.items[1].watched = True
    assert run(client, "return GetBackpackCurrencyInfo(1)") == (
        "Emblem of Frost", 8, 0, "Interface\\Icons\\inv_misc_frostemblem_01", 49426)


def test_difficulty_is_set_by_the_server_for_a_leader(client: HeadlessClient) -> None:
    assert run(client, "return GetDungeonDifficulty(), GetRaidDifficulty()") == (1, 1)
    run(client, """
      MESSAGES = {}
      local f = CreateFrame("Frame")
      f:RegisterEvent("CHAT_MSG_SYSTEM")
      f:SetScript("OnEvent", function(_, _, text) MESSAGES[#MESSAGES + 1] = text end)
      SetDungeonDifficulty(2); SetRaidDifficulty(4); SetRaidDifficulty(7)
    """)
    assert run(client, "return GetDungeonDifficulty(), GetRaidDifficulty()") == (1, 1)
    client.advance(0.5)
    assert run(client, "return GetDungeonDifficulty(), GetRaidDifficulty()") == (2, 4)
    assert client.global_value("MESSAGES") == [
        "Dungeon Difficulty set to 5 Player (Heroic).",
        "Raid Difficulty set to 25 Player (Heroic)."]
    client.set_world_roster([WhoEntry("Norinn", 80, "Human", "Mage", "")])
    client.set_party(["Norinn"], leader="Norinn")
    run(client, "SetDungeonDifficulty(1)")
    client.advance(0.5)
    assert run(client, "return GetDungeonDifficulty()") == 2


def test_saved_instances_follow_the_world(client: HeadlessClient) -> None:
    assert run(client, "return GetNumSavedInstances(), GetSavedInstanceInfo(1)") == 0
    client.world.progress.saved_instances.append(
        SavedInstance("Icecrown Citadel", 4242, 86400, 2, True, 25))
    assert run(client, "return GetNumSavedInstances()") == 1
    assert run(client, "return GetSavedInstanceInfo(1)") == (
        "Icecrown Citadel", 4242, 86400, 2, 1, None, 0, 1, 25, "25 Player")


def test_small_facts_of_the_character(client: HeadlessClient) -> None:
    assert run(client, "return GetThreatStatusColor(0)") == (0.69, 0.69, 0.69)
    assert run(client, "return GetThreatStatusColor(3)") == (1, 0, 0)
    assert run(client, "return GetThreatStatusColor(9)") is None
    client.set_world_roster([WhoEntry("Grom", 79, "Orc", "Warrior", "")])
    assert run(client, "return GetPlayerInfoByGUID(UnitGUID('player'))") == (
        "Rogue", "ROGUE", "Dwarf", "Dwarf", 2)
    client.set_target("Grom")
    assert run(client, "return GetPlayerInfoByGUID(UnitGUID('target'))") == (
        "Warrior", "WARRIOR", "Orc", "Orc", 2)
    assert run(client, "return GetPlayerInfoByGUID('0x0000000000000001')") is None
    assert run(client, "return GetPowerRegen()") == (10, 10)  # a rogue's energy
    assert run(client, "return GetDamageBonusStat(), GetUnitPitch('player')") == (2, 0)
    assert run(client, "return GetTimeToWellRested(), IsXPUserDisabled(), HasSoulstone(), "
                       "CannotBeResurrected()") == (None, None, None, None)
    assert run(client, "return GetPVPTimer(), GetReleaseTimeRemaining(), "
                       "GetResSicknessDuration()") == (-1, 0, "10 Minutes")
    assert run(client, "return GetUnitHealthModifier('pet'), GetUnitPowerModifier('pet')"
               ) == (1, 1)
    assert run(client, "return GetRuneCount(1)") is None  # not a death knight
    assert run(client, "return GetCoinTextureString(0), GetCoinTextureString(10002, 12)") == (
        "0|TInterface\\MoneyFrame\\UI-CopperIcon:0:0:2:0|t",
        "1|TInterface\\MoneyFrame\\UI-GoldIcon:12:12:2:0|t "
        "2|TInterface\\MoneyFrame\\UI-CopperIcon:12:12:2:0|t")


def test_a_death_knight_horde_character() -> None:
    settings = ClientSettings(character_name="Mortis", character_class="Death Knight",
                              character_race="Undead")
    with HeadlessClient(settings) as client:
        assert run(client, "return GetRuneCount(1), GetRuneCount(6), GetRuneCount(7)") == (
            1, 1, None)
        assert run(client, "return GetPowerRegen()") == (0, 0)
        assert run(client, "return (GetFactionInfo(1)), (select(3, GetFactionInfoByID(68))), "
                           "(select(3, GetFactionInfoByID(76)))") == ("Horde", 8, 6)
        assert run(client, "return GetFactionInfoByID(72)") is None  # Stormwind


def test_blizzard_achievement_panel_shows_the_character_achievements() -> None:
    folder = require_shared("MGM_FRAMEXML_DIR")
    with HeadlessClient(ClientSettings(framexml_dir=folder)) as client:
        client.enter_world()
        assert run(client, "return HasCompletedAnyAchievement(), CanShowAchievementUI()") == (
            1, 1)
        client.eval_lua("ToggleAchievementFrame()")
        client.advance(0.2)
        assert run(client, "return AchievementFrame:IsShown(), "
                           "AchievementFrameHeaderPoints:GetText()") == (1, "120")
        client.eval_lua("AchievementFrameCategoriesContainerButton2:Click()")  # General
        client.advance(0.2)
        assert run(client, "return AchievementFrameAchievementsContainerButton1Label:GetText()"
                   ) == "Level 80"
        client.eval_lua("AchievementFrameTab2:Click()")  # statistics
        client.advance(0.2)
        assert [e.message for e in client.errors] == []


def test_watching_the_watched_faction_again_fires_nothing(client: HeadlessClient) -> None:
    """An addon that watches a faction from its UPDATE_FACTION handler does not feed itself."""
    assert run(client, """
      SEEN = 0
      local watched
      for i = 1, GetNumFactions() do
        if select(11, GetFactionInfo(i)) then watched = i break end
      end
      local f = CreateFrame("Frame")
      f:RegisterEvent("UPDATE_FACTION")
      f:SetScript("OnEvent", function() SEEN = SEEN + 1; SetWatchedFactionIndex(watched) end)
      SetWatchedFactionIndex(watched)
      return SEEN, GetWatchedFactionInfo() ~= nil
    """) == (1, True)
