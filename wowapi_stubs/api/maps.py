"""Zone, world map and minimap: where the character is and what the maps show.

The character stands where the world's zone says (default: Dalaran, Krasus' Landing, in
Northrend, a sanctuary outside any instance). The world map shows the character's zone
until a script zooms elsewhere; it knows the four continents of Wrath of the Lich King and
no landmark, overlay or point of interest. Minimap tracking offers the usual town
services, none of them active.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wowapi_stubs.widgets.base import lua_number

if TYPE_CHECKING:
    from wowapi_stubs.host import Host

EVENTS = ("WORLD_MAP_UPDATE", "MINIMAP_UPDATE_TRACKING")
CONTINENTS = ("Kalimdor", "Eastern Kingdoms", "Outland", "Northrend")
NORTHREND = 4
# Map file names of zones the world model may place the character in (zone -> file, id).
ZONE_MAPS = {"Dalaran": ("Dalaran", 504), "Stormwind City": ("Stormwind", 301),
             "Orgrimmar": ("Ogrimmar", 321), "Shattrath City": ("ShattrathCity", 481)}
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
    world = client.world
    view = {"continent": NORTHREND, "zone": 0}

    def zone_file() -> tuple[str, int]:
        return ZONE_MAPS.get(world.zone.name, (world.zone.name.replace(" ", ""),
                                               world.zone.map_area_id))

    def SetMapToCurrentZone() -> None:
        view["continent"], view["zone"] = NORTHREND, 0
        client.fire_internal("WORLD_MAP_UPDATE")

    def SetMapZoom(continent: Any = None, zone: Any = None) -> None:
        view["continent"] = int(lua_number(continent)) if continent is not None else 0
        view["zone"] = int(lua_number(zone)) if zone is not None else 0
        client.fire_internal("WORLD_MAP_UPDATE")

    def GetMapInfo() -> tuple[Any, ...]:
        if view["continent"] == NORTHREND and view["zone"] == 0:
            return (zone_file()[0], 768, 1002, None)
        if 1 <= view["continent"] <= len(CONTINENTS):
            return (CONTINENTS[view["continent"] - 1].replace(" ", ""), 768, 1002, None)
        return ("World", 768, 1002, None)

    def IsInInstance() -> tuple[Any, str]:
        kind = world.zone.instance_type
        return (1 if kind != "none" else None, kind)

    def GetTrackingInfo(index: Any = None) -> tuple[Any, ...] | None:
        number = int(lua_number(index)) if index is not None else 0
        if not 1 <= number <= len(TRACKING):
            return None
        name, texture, category = TRACKING[number - 1]
        return (name, texture, None, category)

    def GetPlayerMapPosition(unit: Any = None) -> tuple[float, float]:
        if view["continent"] == NORTHREND and view["zone"] == 0:
            return (world.zone.x, world.zone.y)
        return (0.0, 0.0)

    nothing = lambda *args: None  # noqa: E731
    zero = lambda *args: 0  # noqa: E731

    return {
        "GetZoneText": lambda: world.zone.name,
        "GetRealZoneText": lambda: world.zone.name,
        "GetSubZoneText": lambda: world.zone.subzone,
        "GetMinimapZoneText": lambda: world.zone.subzone or world.zone.name,
        "IsInInstance": IsInInstance,
        "IsResting": lambda: 1 if world.zone.resting else None,
        "GetCurrentMapContinent": lambda: view["continent"],
        "GetCurrentMapZone": lambda: view["zone"],
        "GetCurrentMapDungeonLevel": zero,
        "GetNumDungeonMapLevels": zero,
        "DungeonUsesTerrainMap": nothing,
        "GetMapInfo": GetMapInfo,
        "GetMapContinents": lambda: CONTINENTS,
        "GetMapZones": nothing,
        "SetMapToCurrentZone": SetMapToCurrentZone,
        "SetMapZoom": SetMapZoom,
        "GetPlayerMapPosition": GetPlayerMapPosition,
        "GetNumMapLandmarks": zero,
        "GetNumMapOverlays": zero,
        "CreateWorldMapArrowFrame": nothing,
        "InitWorldMapPing": nothing,
        "GetNumTrackingTypes": lambda: len(TRACKING),
        "GetTrackingInfo": GetTrackingInfo,
        "GetTrackingTexture": lambda: NO_TRACKING_TEXTURE,
        "SetTracking": nothing,
    }
