"""The reputation panel: ``GetNumFactions``, ``GetFactionInfo``, the watched faction, header
expansion, inactive factions and the at-war toggle.

The world answers from ``world.progress.reputation`` (:class:`~wowapi_stubs.progress.Reputation`):
the character's faction headers and Northrend's factions at a level-80 character's standings.
Rows are positions in the visible list (collapsed headers hide their factions). Changes made
in the client (expanding, watching, moving to Inactive) fire ``UPDATE_FACTION`` at once; the
at-war toggle is the server's to answer, a moment later.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wowapi_stubs.progress import Faction, standing_bounds
from wowapi_stubs.widgets.base import flag_result, usage_int

if TYPE_CHECKING:
    from wowapi_stubs.host import Host

EVENTS = ("UPDATE_FACTION",)
SERVER_LATENCY = 0.1


def install(client: Host) -> dict[str, Callable[..., Any]]:
    def reputation() -> Any:
        return client.world.progress.reputation

    def row_of(index: Any, usage_text: str) -> Faction | None:
        return reputation().row(usage_int(index, usage_text))

    def changed() -> None:
        client.fire_internal("UPDATE_FACTION")

    def info(faction: Faction) -> tuple[Any, ...]:
        """name, description, standing, bar bottom, bar top, value, at war, can toggle war,
        header, collapsed, has reputation, watched, child."""
        standing = faction.standing
        bottom, top = standing_bounds(standing)
        value = faction.value if faction.has_rep else 0
        return (faction.name, faction.description, standing, bottom, top, value,
                flag_result(faction.at_war), flag_result(faction.can_toggle_war),
                flag_result(faction.header), flag_result(faction.header and faction.collapsed),
                flag_result(faction.has_rep and faction.faction_id != 0),
                flag_result(reputation().watched == faction.faction_id != 0),
                flag_result(reputation().is_child(faction)))

    def GetFactionInfo(index: Any = None) -> tuple[Any, ...]:
        found = row_of(index, "GetFactionInfo(index)")
        return () if found is None else info(found)

    def GetFactionInfoByID(faction_id: Any = None) -> tuple[Any, ...]:
        number = usage_int(faction_id, "GetFactionInfoByID(factionID)")
        found = reputation().by_id(number) if number else None
        return () if found is None else info(found)

    def GetWatchedFactionInfo() -> tuple[Any, ...]:
        """name, standing, bar bottom, bar top, value (nil: no faction watched)."""
        watched = reputation().watched
        found = reputation().by_id(watched) if watched else None
        if found is None:
            return ()
        bottom, top = standing_bounds(found.standing)
        return found.name, found.standing, bottom, top, found.value

    def SetWatchedFactionIndex(index: Any = None) -> None:
        number = usage_int(index, "SetWatchedFactionIndex(index)")
        found = reputation().row(number)
        if number == 0:
            watched = None
        elif found is None or not found.has_rep or found.faction_id == 0:
            return
        else:
            watched = found.faction_id
        if watched != reputation().watched:  # an addon may set it from its UPDATE_FACTION
            reputation().watched = watched
            changed()

    def header_action(usage_text: str, collapse: bool) -> Callable[..., None]:
        def api(index: Any = None) -> None:
            found = row_of(index, usage_text)
            if found is not None and found.header and found.collapsed != collapse:
                found.collapsed = collapse
                changed()

        return api

    def activity_action(usage_text: str, inactive: bool) -> Callable[..., None]:
        def api(index: Any = None) -> None:
            found = row_of(index, usage_text)
            if found is None or found.header or found.inactive == inactive:
                return
            found.inactive = inactive
            changed()

        return api

    def IsFactionInactive(index: Any = None) -> int | None:
        found = row_of(index, "IsFactionInactive(index)")
        return flag_result(found is not None and found.inactive)

    def SetSelectedFaction(index: Any = None) -> None:
        reputation().selected = usage_int(index, "SetSelectedFaction(index)")

    def FactionToggleAtWar(index: Any = None) -> None:
        found = row_of(index, "FactionToggleAtWar(index)")
        if found is None or found.header or not found.can_toggle_war:
            return

        def answer() -> None:
            found.at_war = not found.at_war
            changed()

        client.clock.call_later(SERVER_LATENCY, answer)

    return {
        "GetNumFactions": lambda: len(reputation().rows()),
        "GetFactionInfo": GetFactionInfo,
        "GetFactionInfoByID": GetFactionInfoByID,
        "GetWatchedFactionInfo": GetWatchedFactionInfo,
        "SetWatchedFactionIndex": SetWatchedFactionIndex,
        "ExpandFactionHeader": header_action("ExpandFactionHeader(index)", False),
        "CollapseFactionHeader": header_action("CollapseFactionHeader(index)", True),
        "IsFactionInactive": IsFactionInactive,
        "SetFactionInactive": activity_action("SetFactionInactive(index)", True),
        "SetFactionActive": activity_action("SetFactionActive(index)", False),
        "GetSelectedFaction": lambda: reputation().selected,
        "SetSelectedFaction": SetSelectedFaction,
        "FactionToggleAtWar": FactionToggleAtWar,
    }
