"""Frames, key bindings, profiling, macros, modified clicks, small client actions, group
actions and the friends and ignore lists: each answers from the world and fires the
client's events."""

from __future__ import annotations

import re

import pytest

from tests.wowapi_stubs.eval_clean import run
from wowapi_stubs import ClientSettings, HeadlessClient, WhoEntry
from wowapi_stubs.api.group_actions import receive_duel, receive_invitation, receive_ready_check

WATCH = """
  SEEN = {}
  local watcher = CreateFrame("Frame")
  for _, e in ipairs({%s}) do watcher:RegisterEvent(e) end
  watcher:SetScript("OnEvent", function(_, e, a, b)
    SEEN[#SEEN + 1] = e .. (a ~= nil and (":" .. tostring(a)) or "")
      .. (b ~= nil and (":" .. tostring(b)) or "")
  end)
"""


def watch(client: HeadlessClient, *events: str) -> None:
    run(client, WATCH % ", ".join(f'"{e}"' for e in events))


@pytest.fixture
def client() -> HeadlessClient:
    settings = ClientSettings(character_name="Streamer", character_class="Paladin",
                              character_race="Dwarf")
    with HeadlessClient(settings) as c:
        c.set_world_roster([WhoEntry("Norinn", 80, "Human", "Mage"),
                            WhoEntry("Grom", 79, "Orc", "Warrior"),
                            WhoEntry("Tilda", 80, "Gnome", "Warlock"),
                            WhoEntry("Bob", 70, "Night Elf", "Druid")])
        yield c


# -- frames -----------------------------------------------------------------------------------
def test_frames_are_enumerated_in_creation_order(client: HeadlessClient) -> None:
    assert run(client, """
      local a = CreateFrame("Frame", "EnumA")
      local t = a:CreateTexture()
      local b = CreateFrame("Button", "EnumB", a)
      local count, f, order = 0, EnumerateFrames(), {}
      while f do
        count = count + 1
        if f == a or f == b then order[#order + 1] = f:GetName() end
        if f == t then return "a texture is not a frame" end
        f = EnumerateFrames(f)
      end
      return count == GetNumFrames(), EnumerateFrames(a) == b, order[1], order[2], #order
    """) == (True, True, "EnumA", "EnumB", 2)


def test_frames_registered_for_an_event_in_delivery_order(client: HeadlessClient) -> None:
    assert run(client, """
      local a, b, c = CreateFrame("Frame"), CreateFrame("Frame"), CreateFrame("Frame")
      b:RegisterEvent("BAG_UPDATE"); a:RegisterEvent("BAG_UPDATE"); c:RegisterEvent("BAG_UPDATE")
      c:UnregisterEvent("BAG_UPDATE")
      local x, y, z = GetFramesRegisteredForEvent("BAG_UPDATE")
      return x == b, y == a, z, select("#", GetFramesRegisteredForEvent("MAIL_SHOW"))
    """) == (True, True, None, 0)


def test_keyboard_focus_and_the_mouse_button_of_a_click(client: HeadlessClient) -> None:
    assert run(client, """
      local before = GetCurrentKeyBoardFocus()
      local box = CreateFrame("EditBox", "FocusBox")
      box:SetFocus()
      local focused = GetCurrentKeyBoardFocus() == box
      box:ClearFocus()
      local button = CreateFrame("Button")
      button:SetScript("OnClick", function() DURING = GetMouseButtonClicked() end)
      button:Click("RightButton")
      return before, focused, GetCurrentKeyBoardFocus(), DURING, GetMouseButtonClicked()
    """) == (None, True, None, "RightButton", None)


# -- key bindings -----------------------------------------------------------------------------
def test_player_bindings_are_set_saved_and_loaded(client: HeadlessClient) -> None:
    watch(client, "UPDATE_BINDINGS")
    assert run(client, """
      local ok = SetBinding("shift-ctrl-x", "TOGGLEBACKPACK")
      SetBinding("F5", "TOGGLEBACKPACK")
      SetBindingClick("F6", "MyButton")
      SetBindingSpell("F7", "Fireball")
      SetBindingMacro("F8", "Mount")
      SetBindingItem("F9", "Hearthstone")
      return ok, GetBindingAction("CTRL-SHIFT-X"), GetBindingByKey("F6"),
        GetBindingAction("F7"), GetBindingAction("F8"), GetBindingAction("F9"),
        GetBindingByKey("F10"), GetBindingAction("F10"), GetBindingKey("TOGGLEBACKPACK")
    """) == (1, "TOGGLEBACKPACK", "CLICK MyButton:LeftButton", "SPELL Fireball",
             "MACRO Mount", "ITEM Hearthstone", None, "", "CTRL-SHIFT-X", "F5")
    assert client.global_value("SEEN") is None or client.global_value("SEEN") == {}
    run(client, "SaveBindings(2) SetBinding('F5') ")
    assert run(client, "return GetCurrentBindingSet(), select('#', GetBindingKey("
                       "'TOGGLEBACKPACK'))") == (2, 1)
    run(client, "LoadBindings(2)")
    assert run(client, "return select('#', GetBindingKey('TOGGLEBACKPACK')), GetNumBindings(),"
                       " select('#', GetBinding(1))") == (2, 0, 0)
    assert client.global_value("SEEN") == ["UPDATE_BINDINGS"]  # the load, not the save
    with pytest.raises(AssertionError, match="Usage: SetBinding"):
        run(client, "SetBinding()")


def test_bindings_are_refused_in_combat(client: HeadlessClient) -> None:
    client.enter_combat()
    assert run(client, 'return SetBinding("F1", "JUMP"), GetBindingAction("F1")') == (None, "")
    assert client.findings[-1].kind == "combat-call-blocked"


# -- profiling, macros, modified clicks, misc -------------------------------------------------
def test_profiling_answers_zero_with_script_profile_off(client: HeadlessClient) -> None:
    assert run(client, """
      ResetCPUUsage()
      local f = CreateFrame("Frame")
      local frameTime, frameCalls = GetFrameCPUUsage(f, true)
      local fnTime, fnCalls = GetFunctionCPUUsage(print, true)
      local eventTime, events = GetEventCPUUsage("BAG_UPDATE")
      return GetScriptCPUUsage(), frameTime, frameCalls, fnTime, fnCalls, eventTime, events
    """) == (0, 0, 0, 0, 0, 0, 0)
    with pytest.raises(AssertionError, match="Usage: GetFunctionCPUUsage"):
        run(client, "GetFunctionCPUUsage('print')")


def test_macros_are_created_edited_and_deleted(client: HeadlessClient) -> None:
    watch(client, "UPDATE_MACROS")
    assert run(client, """
      local none = GetMacroIndexByName("Zed")
      local zed = CreateMacro("Zed", 1, "/say hi")
      local alpha = CreateMacro("Alpha", 1, "/dance")
      local mine = CreateMacro("Mine", "Interface\\\\Icons\\\\Spell_Holy_Heal", "/wave", 1)
      local account, character = GetNumMacros()
      local name, texture, body, isLocal = GetMacroInfo(GetMacroIndexByName("Zed"))
      return none, zed, alpha, mine, account, character, GetMacroIndexByName("Zed"), name,
        texture, body, isLocal, GetMacroBody(37)
    """) == (0, 1, 1, 37, 2, 1, 2, "Zed", "Interface\\Icons\\INV_Misc_QuestionMark",
             "/say hi", None, "/wave")
    assert run(client, """
      local moved = EditMacro("Zed", "Aardvark", nil, "/cheer")
      DeleteMacro("Alpha")
      return moved, GetMacroInfo(1), GetMacroBody(1), select("#", GetMacroInfo(2)), GetNumMacros()
    """) == (1, "Aardvark", "/cheer", 0, 1, 1)
    assert client.global_value("SEEN") == ["UPDATE_MACROS"] * 5
    assert run(client, """
      local before = CursorHasMacro()
      PickupMacro("Aardvark")
      return before, CursorHasMacro(), GetCursorInfo()
    """) == (None, 1, "macro", 1)
    assert run(client, """
      return GetNumMacroIcons(), GetMacroIconInfo(1), GetMacroIconInfo(GetNumMacroIcons() + 1),
        GetNumMacroItemIcons()
    """) == (4, "Interface\\Icons\\INV_Misc_QuestionMark", None, 0)  # Attack's, Opening's...
    client.set_bag_item(0, 1, 6948, "Hearthstone", texture="Interface\\Icons\\INV_Misc_Rune_01")
    assert run(client, "return GetNumMacroItemIcons(), GetMacroItemIconInfo(1)") == (
        1, "Interface\\Icons\\INV_Misc_Rune_01")


def test_modified_clicks_follow_the_keys_held(client: HeadlessClient) -> None:
    client.world.modifiers = {"LALT"}
    assert run(client, """
      local selfcast = IsModifiedClick("SELFCAST")
      SetModifiedClick("SELFCAST", "CTRL")
      local first = GetModifiedClickAction(1)
      return selfcast, IsModifiedClick("SELFCAST"), GetModifiedClick("SELFCAST"),
        GetNumModifiedClickActions(), first, GetModifiedClickAction(99)
    """) == (1, None, "CTRL", 14, "AUTOLOOTTOGGLE", None)


def test_small_client_actions(client: HeadlessClient) -> None:
    watch(client, "SCREENSHOT_SUCCEEDED", "CHAT_MSG_SYSTEM")
    run(client, """
      RandomRoll(1, 6) RandomRoll() Screenshot() DoEmote("DANCE")
      ConsoleExec("cameraDistanceMaxFactor 2")
      FOO_TEXT, FOO_TEXT_FEMALE = "his", "hers"
    """)
    rolls = [text for text in client.chat_texts() if "rolls" in text]
    assert re.fullmatch(r"Streamer rolls [1-6] \(1-6\)", rolls[0])
    assert re.fullmatch(r"Streamer rolls \d+ \(1-100\)", rolls[1])
    assert client.global_value("SEEN")[-1] == "SCREENSHOT_SUCCEEDED"
    assert run(client, """
      return GetCVar("cameraDistanceMaxFactor"), GetText("FOO_TEXT", 3), GetText("FOO_TEXT", 2),
        GetText("NO_SUCH_TEXT"), GetMirrorTimerProgress("BREATH"), IsDebugBuild(),
        IsDesaturateSupported()
    """) == ("2", "hers", "his", None, 0, None, 1)


# -- group actions ----------------------------------------------------------------------------
def test_invitations_ask_the_character_and_the_party_changes(client: HeadlessClient) -> None:
    watch(client, "PARTY_MEMBERS_CHANGED")
    run(client, 'InviteUnit("norinn") InviteUnit("Nobody") InviteUnit("Streamer")')
    assert client.chat_texts() == ["You have invited Norinn to join your group.",
                                   "Cannot find player 'Nobody'.",
                                   "You can't invite yourself to a group."]
    assert client.world.group_state.invited == ["Norinn"]
    assert client.global_value("SEEN") in (None, {})  # nobody accepted
    client.set_party(["Norinn", "Grom"])
    run(client, 'UninviteUnit("Grom")')
    assert client.chat_texts()[-1] == "Grom leaves the party."
    assert run(client, "return GetNumPartyMembers(), UnitName('party1'), IsRealPartyLeader(),"
                       " IsRealRaidLeader()") == (1, "Norinn", 1, None)


def test_a_member_who_does_not_lead_cannot_invite(client: HeadlessClient) -> None:
    client.set_party(["Norinn"], leader="Norinn")
    run(client, 'InviteUnit("Grom") UninviteUnit("Norinn")')
    assert client.chat_texts() == ["You are not the party leader."] * 2
    assert run(client, "return GetNumPartyMembers(), IsRealPartyLeader()") == (1, None)


def test_raid_conversion_assistants_subgroups_and_loot(client: HeadlessClient) -> None:
    client.set_party(["Norinn", "Grom", "Tilda"])
    watch(client, "RAID_ROSTER_UPDATE", "PARTY_LOOT_METHOD_CHANGED")
    run(client, "ConvertToRaid()")
    assert run(client, "return GetNumRaidMembers(), IsRealRaidLeader()") == (4, 1)
    run(client, """
      PromoteToAssistant("Norinn")
      SetRaidSubgroup(3, 2)
      SwapRaidSubgroup(3, 4)
      SetLootMethod("master", "Grom")
    """)
    assert run(client, """
      local _, rank = GetRaidRosterInfo(2)
      local grom, _, gromGroup = GetRaidRosterInfo(3)
      local tilda, _, tildaGroup = GetRaidRosterInfo(4)
      return rank, grom, gromGroup, tilda, tildaGroup, GetLootMethod()
    """) == (1, "Grom", 1, "Tilda", 2, "master", 2, 3)
    assert client.global_value("SEEN") == ["RAID_ROSTER_UPDATE"] * 4 + [
        "PARTY_LOOT_METHOD_CHANGED"]
    assert client.chat_texts()[-1] == "Looting changed to Master Looter."
    with pytest.raises(AssertionError, match="Usage: SetLootMethod"):
        run(client, 'SetLootMethod("whoever")')


def test_ready_checks(client: HeadlessClient) -> None:
    client.set_party(["Norinn"])
    watch(client, "READY_CHECK", "READY_CHECK_CONFIRM", "READY_CHECK_FINISHED")
    run(client, "DoReadyCheck()")
    assert run(client, 'return GetReadyCheckStatus("player"), GetReadyCheckStatus("party1"),'
                       " GetReadyCheckTimeLeft()") == ("ready", "waiting", 30)
    client.advance(31)
    assert run(client, 'return GetReadyCheckStatus("player"), GetReadyCheckTimeLeft()') == (
        None, 0)
    receive_ready_check(client, "Norinn")
    assert run(client, 'return GetReadyCheckStatus("player")') == "waiting"
    run(client, "ConfirmReadyCheck(1)")  # the last answer: the check ends
    assert run(client, 'return GetReadyCheckStatus("player"), GetReadyCheckTimeLeft()') == (
        None, 0)
    assert client.global_value("SEEN") == ["READY_CHECK:Streamer:30", "READY_CHECK_FINISHED",
                                           "READY_CHECK:Norinn:30", "READY_CHECK_CONFIRM:player:1",
                                           "READY_CHECK_FINISHED"]


def test_answering_invitations_and_duels(client: HeadlessClient) -> None:
    watch(client, "PARTY_MEMBERS_CHANGED", "DUEL_FINISHED")
    run(client, "AcceptGroup() CancelDuel()")  # nothing to answer
    receive_invitation(client, "Grom")
    run(client, "DeclineGroup() AcceptGroup()")
    assert run(client, "return GetNumPartyMembers()") == 0
    receive_invitation(client, "Norinn")
    run(client, "AcceptGroup()")
    assert run(client, "return GetNumPartyMembers(), UnitIsPartyLeader('party1')") == (1, 1)
    receive_duel(client, "Grom")
    run(client, "AcceptDuel() CancelDuel()")
    assert client.global_value("SEEN") == ["PARTY_MEMBERS_CHANGED", "DUEL_FINISHED"]


# -- friends and ignore lists -----------------------------------------------------------------
def test_friends_list(client: HeadlessClient) -> None:
    client.add_character("Zed")
    watch(client, "FRIENDLIST_UPDATE")
    run(client, """
      AddFriend("zed") AddFriend("norinn", "tank") AddFriend("Grom") AddFriend("Nobody")
      AddFriend("Norinn") AddFriend("Streamer")
    """)
    assert client.chat_texts() == [
        "Zed added to friends.", "Norinn added to friends.",
        "Friends must be part of your alliance.", "Player not found.",
        "Norinn is already your friend.", "You can't put yourself on your friend list."]
    assert run(client, """
      local total, online = GetNumFriends()
      return total, online, GetFriendInfo(1)
    """) == (2, 1, "Norinn", 80, "Mage", "Dalaran", 1, "", "tank", None)
    assert run(client, "return GetFriendInfo(2)") == ("Zed", 0, "Unknown", "Unknown", None, "",
                                                      None, None)
    assert run(client, "return GetFriendInfo('zed'), select('#', GetFriendInfo(3))") == ("Zed", 0)
    run(client, "SetSelectedFriend(2) RemoveFriend('Norinn')")
    assert run(client, "return GetNumFriends(), GetSelectedFriend()") == (1, 1)
    assert client.chat_texts()[-1] == "Norinn removed from friends list."
    assert client.global_value("SEEN") == ["FRIENDLIST_UPDATE"] * 3


def test_ignore_list(client: HeadlessClient) -> None:
    watch(client, "IGNORELIST_UPDATE")
    run(client, 'AddIgnore("bob") AddIgnore("Bob") AddOrDelIgnore("Grom") AddIgnore("Streamer")')
    assert run(client, "SetSelectedIgnore(2) return GetNumIgnores(), GetIgnoreName(1), "
                       "GetIgnoreName(2), GetIgnoreName(3), GetSelectedIgnore()") == (
        2, "Bob", "Grom", None, 2)
    run(client, 'AddOrDelIgnore("grom") DelIgnore("Nobody")')
    assert client.chat_texts() == [
        "Bob is now being ignored.", "Bob is already being ignored.",
        "Grom is now being ignored.", "You can't ignore yourself.",
        "Grom is no longer being ignored.", "Player not found."]
    assert run(client, "return GetNumIgnores(), GetSelectedIgnore()") == (1, 1)
    assert client.global_value("SEEN") == ["IGNORELIST_UPDATE"] * 3


def test_leader_threshold_duel_request_and_leaving(client: HeadlessClient) -> None:
    client.set_raid(["Norinn", "Grom"])
    watch(client, "PARTY_LEADER_CHANGED", "PARTY_LOOT_METHOD_CHANGED")
    run(client, 'SetLootThreshold(4) PromoteToAssistant("Grom") StartDuel("raid2")')
    assert run(client, "SetRaidRosterSelection(3) return GetLootThreshold(), "
                       "UnitIsRaidOfficer('Grom'), UnitIsRaidOfficer('Norinn'), "
                       "GetRaidRosterSelection()") == (4, 1, None, 3)
    run(client, 'PromoteToLeader("Norinn")')
    assert run(client, "return IsRealRaidLeader(), UnitIsPartyLeader('Norinn')") == (None, 1)
    run(client, "LeaveParty()")
    assert run(client, "return GetNumRaidMembers(), GetNumPartyMembers()") == (0, 0)
    assert client.chat_texts() == ["You have requested a duel.",
                                   "Norinn is now the group leader.",
                                   "You have left the raid group."]
    assert client.global_value("SEEN") == ["PARTY_LOOT_METHOD_CHANGED", "PARTY_LEADER_CHANGED",
                                           "PARTY_LEADER_CHANGED"]


def test_the_debug_stopwatch_measures_real_time(client: HeadlessClient) -> None:
    elapsed = run(client, """
      debugprofilestart()
      local x = 0
      for i = 1, 200000 do x = x + i end
      return debugprofilestop()
    """)
    assert isinstance(elapsed, float) and 0 < elapsed < 5000


def test_group_members_have_no_dungeon_finder_state_and_no_voice(client: HeadlessClient) -> None:
    client.set_party(["Norinn"])
    assert run(client, """
      SetLFGComment("LF tank")
      return HasLFGRestrictions(), UnitHasLFGDeserter("party1"),
        UnitHasLFGRandomCooldown("party1"), GetVoiceStatus("party1", "party"),
        GetMuteStatus("party1", "party"), 1
    """) == (None, None, None, None, None, 1)
