"""Battlefields, arena teams, vehicles, Battle.net reads, inspecting and the unit queries
beyond the basics: each answers for the headless world (no battleground, vehicle, Real ID
friend or arena team), checks its arguments as the client does and fires the server's
answers after the call returns."""

from __future__ import annotations

import pytest

from tests.wowapi_stubs.eval_clean import error_of, run
from tests.wowapi_stubs.test_client_misc_api import watch
from wowapi_stubs import ClientSettings, HeadlessClient, WhoEntry


@pytest.fixture
def client() -> HeadlessClient:
    settings = ClientSettings(character_name="Streamer", character_class="Death Knight",
                              character_race="Orc", character_guild="Wardens")
    with HeadlessClient(settings) as c:
        c.set_world_roster([WhoEntry("Norinn", 80, "Human", "Mage", guild="Wardens"),
                            WhoEntry("Grom", 79, "Orc", "Warrior")])
        yield c


# -- battlefields and world PvP ---------------------------------------------------------------
def test_battlefield_lists_are_empty_outside_any_battleground(client: HeadlessClient) -> None:
    assert run(client, """
      return GetNumBattlefieldScores(), select("#", GetBattlefieldScore(1)),
        select("#", GetWorldStateUIInfo(1)), GetNumBattlefieldStats(),
        select("#", GetBattlefieldStatData(1, 1)), GetBattlefieldPortExpiration(1),
        GetBattlefieldTimeWaited(2), GetNumBattlefieldVehicles(), GetNumBattlefields(),
        GetSelectedBattlefield(), CanJoinBattlefieldAsGroup(), GetWintergraspWaitTime(),
        select("#", GetBattlegroundInfo(1))
    """) == (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, None, None, 0)


@pytest.mark.parametrize(("code", "usage"), [
    ("GetWorldStateUIInfo()", "Usage: GetWorldStateUIInfo(index)"),
    ("GetBattlefieldScore('x')", "Usage: GetBattlefieldScore(index)"),
    ("GetBattlefieldStatData(1)", "Usage: GetBattlefieldStatData(playerIndex, statIndex)"),
    ("GetArenaTeamRosterInfo(1)", "Usage: GetArenaTeamRosterInfo(teamIndex, index)"),
    ("UnitVehicleSeatInfo('player')", 'Usage: UnitVehicleSeatInfo("unit", seatIndex)'),
    ("UnitVehicleSkin()", 'Usage: UnitVehicleSkin("unit")'),
    ("BNGetFriendInfoByID()", "Usage: BNGetFriendInfoByID(presenceID)"),
    ("NotifyInspect()", 'Usage: NotifyInspect("unit")'),
    ("UnitIsSameServer('player')", 'Usage: UnitIsSameServer("unit", "otherUnit")'),
])
def test_missing_arguments_are_the_clients_usage_errors(client: HeadlessClient, code: str,
                                                        usage: str) -> None:
    assert error_of(client, code).endswith(usage)


def test_the_pvp_wish_is_recorded_and_dalaran_is_a_sanctuary(client: HeadlessClient) -> None:
    assert run(client, """
      local before = GetPVPDesired()
      SetPVP(1); local set = GetPVPDesired()
      TogglePVP(); local toggled = GetPVPDesired()
      return before, set, toggled, UnitIsPVPSanctuary("player"), UnitIsPVPSanctuary("target")
    """) == (0, 1, 0, 1, None)
    client.world.zone.pvp_type = "contested"
    assert run(client, 'return UnitIsPVPSanctuary("player")') is None


def test_no_arena_team(client: HeadlessClient) -> None:
    assert run(client, """
      return IsInArenaTeam(), GetNumArenaTeamMembers(1, 1), IsArenaTeamCaptain(1),
        select("#", GetArenaTeamRosterInfo(1, 1)), GetArenaTeamRosterSelection(1)
    """) == (None, 0, None, 0, 0)


# -- vehicles -----------------------------------------------------------------------------------
def test_no_unit_is_in_a_vehicle(client: HeadlessClient) -> None:
    assert run(client, """
      return UnitVehicleSkin("player"), UnitVehicleSeatCount("player"),
        select("#", UnitVehicleSeatInfo("player", 1)), UnitControllingVehicle("player"),
        CanExitVehicle(), CanSwitchVehicleSeat(), CanEjectPassengerFromSeat(1),
        IsVehicleAimAngleAdjustable(), UnitIsControlling("player")
    """) == (None, 0, 0, None, None, None, None, None, None)


# -- units ------------------------------------------------------------------------------------
def test_unit_class_base_name_title_server_and_guild(client: HeadlessClient) -> None:
    client.set_party(["Norinn", "Grom"])
    assert run(client, """
      local class, token = UnitClassBase("party1")
      return class, token, UnitPVPName("player"), UnitIsSameServer("player", "party1"),
        UnitIsInMyGuild("party1"), UnitIsInMyGuild("Grom"), UnitIsInMyGuild("Norinn"),
        UnitIsCorpse("player"), UnitIsTappedByAllThreatList("player"),
        select("#", UnitClassBase("target"))
    """) == ("Mage", "MAGE", "Streamer", 1, 1, None, 1, None, None, 0)


def test_casting_targeting_and_pet_commands_are_protected(client: HeadlessClient) -> None:
    watch(client, "ADDON_ACTION_FORBIDDEN")
    run(client, 'CastSpell(1, "spell"); TargetNearest(); PetFollow(); StartAttack()')
    kinds = [f.details["function"] for f in client.findings
             if f.kind == "protected-call-blocked"]
    assert kinds == ["CastSpell", "TargetNearest", "PetFollow", "StartAttack"]
    client.settle()
    assert run(client, "return #SEEN, SEEN[1]") == (4, "ADDON_ACTION_FORBIDDEN::CastSpell()")


# -- Battle.net -------------------------------------------------------------------------------
def test_battle_net_knows_nobody(client: HeadlessClient) -> None:
    assert run(client, """
      local t = {}
      local same, online, offline = BNGetCustomMessageTable(t)
      return select("#", BNGetFriendInfoByID(1)), select("#", BNGetToonInfo(1)),
        BNGetNumFOF(1), BNIsFriend(1), BNGetSelectedBlock(), IsBNLogin(), same == t, online,
        offline
    """) == (0, 0, 0, None, 0, None, True, 0, 0)


# -- inspecting -------------------------------------------------------------------------------
def test_inspecting_a_group_member_is_answered_after_the_call(client: HeadlessClient) -> None:
    client.set_party(["Norinn"])
    watch(client, "INSPECT_TALENT_READY", "INSPECT_HONOR_UPDATE")
    assert run(client, """
      local can, self_, far = CanInspect("party1"), CanInspect("player"), CanInspect("target")
      NotifyInspect("party1")
      RequestInspectHonorData()
      return can, self_, far, #SEEN, HasInspectHonorData()
    """) == (1, None, None, 0, None)
    client.settle()
    assert run(client, """
      local has = HasInspectHonorData()
      ClearInspectPlayer()
      return SEEN[1], SEEN[2], has, HasInspectHonorData(), select("#", GetInspectHonorData()),
        select("#", GetInspectArenaTeamData(1))
    """) == ("INSPECT_TALENT_READY", "INSPECT_HONOR_UPDATE", 1, None, 6, 0)


def test_a_unit_out_of_range_gets_no_inspect_answer(client: HeadlessClient) -> None:
    watch(client, "INSPECT_TALENT_READY", "INSPECT_HONOR_UPDATE")
    run(client, 'NotifyInspect("player"); NotifyInspect("target"); RequestInspectHonorData()')
    client.settle()
    assert run(client, "return #SEEN") == 0


# -- spell targeting, the map's landmarks, companions and system lines ------------------------
def test_nothing_targets_lands_or_rides(client: HeadlessClient) -> None:
    assert run(client, """
      PickupCompanion("MOUNT", 1); CallCompanion("CRITTER", 1); DismissCompanion("CRITTER")
      Dismount()
      return SpellIsTargeting(), SpellCanTargetItem(), select("#", GetMapLandmarkInfo(1)),
        select("#", GetMapOverlayInfo(1)), GetCursorInfo(), IsMounted()
    """) == (None, None, 0, 0, None, None)
    assert error_of(client, "PickupCompanion('MOUNT')").endswith(
        'Usage: PickupCompanion("type", index)')


def test_a_system_message_is_shown_to_this_client(client: HeadlessClient) -> None:
    watch(client, "CHAT_MSG_SYSTEM")
    run(client, 'SendSystemMessage("The raid starts in 5 minutes")')
    client.settle()
    assert run(client, "return SEEN[1]") == "CHAT_MSG_SYSTEM:The raid starts in 5 minutes:"
