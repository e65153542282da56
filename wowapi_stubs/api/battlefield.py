"""Battlegrounds, arenas and world PvP read from outside all of them: the character is in no
battleground, arena, queue or arena team, no battlemaster window is open and the zone shows
no world-state element (``GetNumWorldStateUI`` is 0). Every per-index query answers nothing,
as the client does for an index past the end of its list; counts are 0; timers of a queue
slot whose status is ``"none"`` are 0. A missing index is the client's usage error.

Uncertain shapes, chosen as documented: ``GetWintergraspWaitTime`` answers nil (the server
has sent no Wintergrasp timer; FrameXML treats nil as "unknown"); ``GetPVPDesired`` answers
0 or 1 (FrameXML compares it with both numbers); ``SetPVP``/``TogglePVP`` only record the
wish, since the character stands in a sanctuary and no flag changes there.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wowapi_stubs.api._windows import indexed, nothing, switch, zero
from wowapi_stubs.api.unit import unit_argument
from wowapi_stubs.widgets.base import flag_result

if TYPE_CHECKING:
    from wowapi_stubs.host import Host


def install(client: Host) -> dict[str, Callable[..., Any]]:
    world = client.world
    pvp = {"desired": 0}

    def SetPVP(flag: Any = None) -> None:
        pvp["desired"] = 1 if switch(flag) else 0

    def TogglePVP() -> None:
        pvp["desired"] = 1 - pvp["desired"]

    def UnitIsPVPSanctuary(unit: Any = None) -> int | None:
        found = unit_argument(world, unit, "UnitIsPVPSanctuary")
        here = found is world.player or (found is not None and found.zone == world.zone.name)
        return flag_result(here and world.zone.pvp_type == "sanctuary")

    def PlayerIsPVPInactive(unit: Any = None) -> None:
        unit_argument(world, unit, "PlayerIsPVPInactive")  # inactivity is a battleground's

    return {
        # the zone's world-state elements (capture bars, scores): none
        "GetWorldStateUIInfo": indexed("GetWorldStateUIInfo(index)"),
        "IsSubZonePVPPOI": nothing,
        # the battleground scoreboard
        "GetNumBattlefieldScores": zero,
        "GetBattlefieldScore": indexed("GetBattlefieldScore(index)"),
        "GetNumBattlefieldStats": zero,
        "GetBattlefieldStatInfo": indexed("GetBattlefieldStatInfo(index)"),
        "GetBattlefieldStatData": indexed("GetBattlefieldStatData(playerIndex, statIndex)",
                                          1, 2),
        "GetBattlefieldTeamInfo": indexed("GetBattlefieldTeamInfo(index)"),
        "RequestBattlefieldScoreData": nothing,  # no battleground: the server sends no score
        "SetBattlefieldScoreFaction": nothing,
        "SortBattlefieldScoreData": nothing,
        "PlayerIsPVPInactive": PlayerIsPVPInactive,
        "ReportPlayerIsPVPAFK": nothing,
        # queue slots (each "none": see GetBattlefieldStatus) and the instance's end
        "GetBattlefieldPortExpiration": indexed("GetBattlefieldPortExpiration(index)",
                                                answer=0),
        "GetBattlefieldEstimatedWaitTime": indexed("GetBattlefieldEstimatedWaitTime(index)",
                                                   answer=0),
        "GetBattlefieldTimeWaited": indexed("GetBattlefieldTimeWaited(index)", answer=0),
        "GetBattlefieldInstanceExpiration": zero,
        "AcceptBattlefieldPort": nothing,
        "LeaveBattlefield": nothing,
        # the battleground minimap's flags, group members and vehicles
        "GetNumBattlefieldFlagPositions": zero,
        "GetBattlefieldFlagPosition": indexed("GetBattlefieldFlagPosition(index)"),
        "GetNumBattlefieldPositions": zero,
        "GetBattlefieldPosition": indexed("GetBattlefieldPosition(index)"),
        "GetNumBattlefieldVehicles": zero,
        "GetBattlefieldVehicleInfo": indexed("GetBattlefieldVehicleInfo(index)"),
        # the battlemaster's list of instances (no battlemaster window is open)
        "GetNumBattlefields": zero,
        "GetBattlefieldInstanceInfo": indexed("GetBattlefieldInstanceInfo(index)"),
        "GetSelectedBattlefield": zero,
        "SetSelectedBattlefield": nothing,
        "CanJoinBattlefieldAsGroup": nothing,
        "JoinBattlefield": nothing,
        "CloseBattlefield": nothing,
        "GetBattlegroundInfo": indexed("GetBattlegroundInfo(index)"),
        "SortBGList": nothing,
        # Wintergrasp and the spirit healer of a battleground graveyard
        "GetWintergraspWaitTime": nothing,
        "CanQueueForWintergrasp": nothing,
        "GetAreaSpiritHealerTime": zero,
        "AcceptAreaSpiritHeal": nothing,
        "CancelAreaSpiritHeal": nothing,
        # the PvP flag the character wishes for
        "GetPVPDesired": lambda: pvp["desired"],
        "SetPVP": SetPVP,
        "TogglePVP": TogglePVP,
        "UnitIsPVPSanctuary": UnitIsPVPSanctuary,
        # arena teams: the character is in none
        "IsInArenaTeam": nothing,
        "IsArenaTeamCaptain": indexed("IsArenaTeamCaptain(teamIndex)", answer=None),
        "GetNumArenaTeamMembers": indexed("GetNumArenaTeamMembers(teamIndex[, showOffline])",
                                          answer=0),
        "GetArenaTeamRosterInfo": indexed("GetArenaTeamRosterInfo(teamIndex, index)", 1, 2),
        "GetArenaTeamRosterSelection": indexed("GetArenaTeamRosterSelection(teamIndex)",
                                               answer=0),
        "SetArenaTeamRosterSelection": nothing,
        "ArenaTeamRoster": nothing,  # no team: no ARENA_TEAM_ROSTER_UPDATE
        "SortArenaTeamRoster": nothing,
        "CloseArenaTeamRoster": nothing,
        "AcceptArenaTeam": nothing,  # no invitation pending
        "DeclineArenaTeam": nothing,
    }
