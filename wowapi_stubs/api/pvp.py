"""PvP, arenas, battlegrounds and the dungeon finder, as the FrameXML panels query them.

The character is in no arena team and no queue, has no honor or arena points and no kills
yet, and is not in a dungeon-finder group.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wowapi_stubs.errors import WowApiError
from wowapi_stubs.widgets.base import lua_int

if TYPE_CHECKING:
    from wowapi_stubs.host import Host

MAX_BATTLEFIELD_QUEUES = 2
# The roles each class can take in the dungeon finder (tank, healer, damage).
CLASS_ROLES = {
    "WARRIOR": (True, False, True), "PALADIN": (True, True, True),
    "DEATHKNIGHT": (True, False, True), "DRUID": (True, True, True),
    "PRIEST": (False, True, True), "SHAMAN": (False, True, True),
}


def install(client: Host) -> dict[str, Callable[..., Any]]:
    world = client.world

    def index_of(value: Any, usage: str) -> int:
        if value is None:
            raise WowApiError(f"Usage: {usage}")
        return lua_int(value, what="index")

    def GetBattlefieldStatus(index: Any = None) -> tuple[Any, ...]:
        index_of(index, "GetBattlefieldStatus(index)")
        return ("none", None, 0, 0, 0, 0, None, 0)

    def GetWorldPVPQueueStatus(index: Any = None) -> tuple[Any, ...]:
        index_of(index, "GetWorldPVPQueueStatus(index)")
        return ("none", None, 0)

    def GetAvailableRoles() -> tuple[bool, bool, bool]:
        return CLASS_ROLES.get(world.player.class_token, (False, False, True))

    def GetArenaTeam(index: Any = None) -> None:
        index_of(index, "GetArenaTeam(index)")
        return None

    nothing = lambda *args: None  # noqa: E731
    zero = lambda *args: 0  # noqa: E731

    return {
        "GetBattlefieldStatus": GetBattlefieldStatus,
        "GetWorldPVPQueueStatus": GetWorldPVPQueueStatus,
        "IsActiveBattlefieldArena": nothing,
        "GetNumArenaOpponents": zero,
        "GetPreviousArenaSeason": lambda: 8,  # the last season of 3.3.5a (off-season now)
        "GetPVPRankProgress": zero,
        "RequestBattlefieldPositions": nothing,
        "IsPVPTimerRunning": nothing,
        "IsBattlefieldArena": nothing,
        # map name, description, max group of the battleground chosen at a battlemaster:
        # no battlemaster window is open
        "GetBattlefieldInfo": lambda: (),
        "CanPartyLFGBackfill": nothing,
        "GetNumBattlegroundTypes": zero,
        "GetBattlefieldInstanceRunTime": zero,
        "GetBattlefieldWinner": nothing,
        "GetNumWorldStateUI": zero,
        "GetArenaTeam": GetArenaTeam,
        "GetArenaCurrency": zero,
        "GetHonorCurrency": zero,
        "GetCurrentArenaSeason": zero,
        "GetPVPLifetimeStats": lambda: (0, 0, 0),
        "GetPVPSessionStats": lambda: (0, 0),
        "GetPVPYesterdayStats": lambda: (0, 0),
        "GetPVPRankInfo": lambda *args: (None, 0),
        "UnitPVPRank": zero,
        "GetAvailableRoles": GetAvailableRoles,
        "GetLFGRoles": lambda: (False, False, False, True),
        "GetLFGInfoServer": lambda *args: (False, False, False, False, 0, None, 0),
        "GetLFGProposal": lambda: (False,),
        "GetLFGRoleUpdate": lambda: (False,),
        "GetLFGQueuedList": nothing,
        "GetLFGDeserterExpiration": nothing,
        "GetLFGRandomCooldownExpiration": nothing,
        "GetLFGBootProposal": lambda: (False,),
        "IsPartyLFG": nothing,
        "IsListedInLFR": nothing,
        "CanHearthAndResurrectFromArea": nothing,
    }
