"""Where the character is: zone texts, instance and PvP state, the world map's current
zone and the player's map position (from :class:`~wowapi_stubs.world.Zone`), and minimap
tracking.

The world map shows the character's zone until a script zooms elsewhere (``SetMapZoom``);
it knows the four continents of Wrath of the Lich King and no landmark or overlay. Minimap
tracking offers the usual town services, none of them active.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wowapi_stubs.api._windows import indexed
from wowapi_stubs.errors import WowApiError
from wowapi_stubs.ui import create_frame
from wowapi_stubs.widgets.base import flag_result, lua_int, lua_text

if TYPE_CHECKING:
    from wowapi_stubs.host import Host

EVENTS = ("ZONE_CHANGED", "ZONE_CHANGED_INDOORS", "ZONE_CHANGED_NEW_AREA",
          "WORLD_MAP_UPDATE")
# GetInstanceInfo's difficulty names by instance type.
_DIFFICULTY = {"none": "", "party": "5 Player", "raid": "10 Player", "pvp": "",
               "arena": ""}
_MAX_PLAYERS = {"none": 0, "party": 5, "raid": 10, "pvp": 40, "arena": 5}
CONTINENTS = ("Kalimdor", "Eastern Kingdoms", "Outland", "Northrend")
NORTHREND = 4
TRACKING = (
    ("Find Herbs", "Interface\\Icons\\INV_Misc_Flower_02", "spell"),
    ("Find Minerals", "Interface\\Icons\\Spell_Nature_Earthquake", "spell"),
    ("Auctioneer", "Interface\\Minimap\\Tracking\\Auctioneer", "other"),
    ("Banker", "Interface\\Minimap\\Tracking\\Banker", "other"),
    ("Flight Master", "Interface\\Minimap\\Tracking\\FlightMaster", "other"),
    ("Innkeeper", "Interface\\Minimap\\Tracking\\Innkeeper", "other"),
    ("Mailbox", "Interface\\Minimap\\Tracking\\Mailbox", "other"),
    ("Repair", "Interface\\Minimap\\Tracking\\Repair", "other"),
)
NO_TRACKING_TEXTURE = "Interface\\Minimap\\Tracking\\None"


def install(client: Host) -> dict[str, Callable[..., Any]]:
    zone = client.world.zone
    view = {"continent": NORTHREND, "zone": 0}  # what the world map shows

    def at_home() -> bool:
        return view["continent"] == NORTHREND and view["zone"] == 0

    def SetMapZoom(continent: Any = None, zone_index: Any = None) -> None:
        view["continent"] = lua_int(continent) if continent is not None else 0
        view["zone"] = lua_int(zone_index) if zone_index is not None else 0
        client.fire_internal("WORLD_MAP_UPDATE")

    def GetMapInfo() -> tuple[Any, ...]:
        if at_home():
            return zone.name.replace(" ", "").replace("'", ""), 768, 1002
        if 1 <= view["continent"] <= len(CONTINENTS):
            return CONTINENTS[view["continent"] - 1].replace(" ", ""), 768, 1002
        return "World", 768, 1002

    def CreateWorldMapArrowFrame(parent: Any = None) -> None:
        """The world map's player arrow, made by the client's code: ``PlayerArrowFrame`` and
        ``PlayerArrowEffectFrame`` (models) on the map frame given."""
        owner = client._widget_from_lua(parent)
        if owner is None:
            raise WowApiError("Usage: CreateWorldMapArrowFrame(frame)")
        for name in ("PlayerArrowFrame", "PlayerArrowEffectFrame"):
            if client.lookup_named(name) is None:
                create_frame(client, b"Model", name.encode(), parent)

    def GetTrackingInfo(index: Any = None) -> tuple[Any, ...] | None:
        number = lua_int(index) if index is not None else 0
        if not 1 <= number <= len(TRACKING):
            return None
        name, texture, category = TRACKING[number - 1]
        return name, texture, None, category

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
        return (zone.x, zone.y) if at_home() else (0.0, 0.0)

    def SetMapToCurrentZone() -> None:
        view["continent"], view["zone"] = NORTHREND, 0
        client.fire_internal("WORLD_MAP_UPDATE")

    return {
        "GetZoneText": lambda: zone.name,
        "GetRealZoneText": lambda: zone.name,
        "GetSubZoneText": lambda: zone.subzone,
        "GetMinimapZoneText": lambda: zone.subzone or zone.name,
        "GetBindLocation": lambda: zone.home,
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
        "GetCurrentMapContinent": lambda: view["continent"],
        "GetCurrentMapZone": lambda: view["zone"],
        "GetCurrentMapDungeonLevel": lambda: 0,
        "GetNumDungeonMapLevels": lambda: 0,
        "GetMapInfo": GetMapInfo,
        "SetMapZoom": SetMapZoom,
        "GetMapContinents": lambda: CONTINENTS,
        "HasDebugZoneMap": lambda: None,
        "GetNumMapDebugObjects": lambda: 0,
        "IsZoomOutAvailable": lambda: flag_result(view["continent"] != -1),
        "GetMapZones": lambda *args: None,
        "GetNumMapLandmarks": lambda: 0,
        "GetMapLandmarkInfo": indexed("GetMapLandmarkInfo(index)"),
        "GetNumMapOverlays": lambda: 0,
        "GetMapOverlayInfo": indexed("GetMapOverlayInfo(index)"),
        "DungeonUsesTerrainMap": lambda: None,
        "CreateWorldMapArrowFrame": CreateWorldMapArrowFrame,
        "InitWorldMapPing": lambda *args: None,
        "GetNumTrackingTypes": lambda: len(TRACKING),
        "GetTrackingInfo": GetTrackingInfo,
        "GetTrackingTexture": lambda: NO_TRACKING_TEXTURE,
        "SetTracking": lambda *args: None,
        "SetDungeonMapLevel": lambda *args: None,
        "GetCorpseMapPosition": lambda: (0.0, 0.0),
        "GetDeathReleasePosition": lambda: (0.0, 0.0),
    }
