"""Where the character is: zone texts, instance and PvP state, the world map's current
zone and the player's map position (from :class:`~wowapi_stubs.world.Zone`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wowapi_stubs.errors import WowApiError
from wowapi_stubs.widgets.base import flag_result, lua_text

if TYPE_CHECKING:
    from wowapi_stubs.host import Host

EVENTS = ("ZONE_CHANGED", "ZONE_CHANGED_INDOORS", "ZONE_CHANGED_NEW_AREA",
          "WORLD_MAP_UPDATE")
# GetInstanceInfo's difficulty names by instance type.
_DIFFICULTY = {"none": "", "party": "5 Player", "raid": "10 Player", "pvp": "",
               "arena": ""}
_MAX_PLAYERS = {"none": 0, "party": 5, "raid": 10, "pvp": 40, "arena": 5}


def install(client: Host) -> dict[str, Callable[..., Any]]:
    zone = client.world.zone

    def IsInInstance() -> tuple[Any, str]:
        kind = zone.instance_type
        return flag_result(kind != "none"), kind

    def GetInstanceInfo() -> tuple[Any, ...]:
        kind = zone.instance_type
        return (zone.name, kind, 1, _DIFFICULTY.get(kind, ""), _MAX_PLAYERS.get(kind, 0), 0,
                False)

    def GetPlayerMapPosition(unit: Any = None) -> tuple[float, float]:
        if unit is None:
            raise WowApiError('Usage: GetPlayerMapPosition("unit")')
        found = client.world.unit(lua_text(unit))
        if found is None or (found is not client.world.player and found.zone != zone.name):
            return 0.0, 0.0
        return zone.x, zone.y

    def SetMapToCurrentZone() -> None:
        client.fire_internal("WORLD_MAP_UPDATE")

    return {
        "GetZoneText": lambda: zone.name,
        "GetRealZoneText": lambda: zone.name,
        "GetSubZoneText": lambda: zone.subzone,
        "GetMinimapZoneText": lambda: zone.subzone or zone.name,
        "GetZonePVPInfo": lambda: (zone.pvp_type, None, None),
        "IsInInstance": IsInInstance,
        "GetInstanceInfo": GetInstanceInfo,
        "GetInstanceDifficulty": lambda: 1,
        "IsResting": lambda: flag_result(zone.resting),
        "IsIndoors": lambda: None,
        "IsOutdoors": lambda: 1,
        "IsFlyableArea": lambda: None,
        "IsSwimming": lambda: None,
        "IsFlying": lambda: None,
        "IsMounted": lambda: None,
        "IsFalling": lambda: None,
        "IsStealthed": lambda: None,
        "GetPlayerMapPosition": GetPlayerMapPosition,
        "GetPlayerFacing": lambda: 0.0,
        "SetMapToCurrentZone": SetMapToCurrentZone,
        "GetCurrentMapAreaID": lambda: zone.map_area_id,
        "GetCurrentMapContinent": lambda: 4,  # Northrend
        "GetCurrentMapZone": lambda: 0,
        "GetCurrentMapDungeonLevel": lambda: 0,
        "GetNumDungeonMapLevels": lambda: 0,
        "GetMapInfo": lambda: ("Dalaran", 0, 0),
        "SetMapZoom": lambda *args: None,
        "SetDungeonMapLevel": lambda *args: None,
        "GetCorpseMapPosition": lambda: (0.0, 0.0),
        "GetDeathReleasePosition": lambda: (0.0, 0.0),
    }
