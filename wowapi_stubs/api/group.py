"""Group roles and markers: raid target icons, main tank/assist assignments, dungeon
roles, and the party/raid membership tests that count pets.

Raid target icons are kept per unit GUID for the session (``SetRaidTarget`` fires
``RAID_TARGET_UPDATE``, as the client does when the server confirms); no one holds a
main tank or main assist assignment and no dungeon role is assigned.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wowapi_stubs.errors import WowApiError
from wowapi_stubs.widgets.base import flag_result, lua_int, lua_text

if TYPE_CHECKING:
    from wowapi_stubs.host import Host
    from wowapi_stubs.world import Unit

EVENTS = ("RAID_TARGET_UPDATE",)
RAID_TARGET_ICONS = 8


def install(client: Host) -> dict[str, Callable[..., Any]]:
    world = client.world
    icons: dict[str, int] = {}  # unit GUID -> raid target icon 1..8

    def unit_of(unit: Any, usage: str) -> Unit | None:
        if unit is None:
            raise WowApiError(f"Usage: {usage}")
        return world.unit(lua_text(unit))

    def key(unit: Unit) -> str:
        return unit.guid or unit.name

    def GetRaidTargetIndex(unit: Any = None) -> int | None:
        found = unit_of(unit, 'GetRaidTargetIndex("unit")')
        return None if found is None else icons.get(key(found))

    def SetRaidTarget(unit: Any = None, index: Any = None) -> None:
        found = unit_of(unit, 'SetRaidTarget("unit", index)')
        if index is None:
            raise WowApiError('Usage: SetRaidTarget("unit", index)')
        number = lua_int(index, what="index")
        if found is None or not 0 <= number <= RAID_TARGET_ICONS:
            return
        for other, icon in list(icons.items()):
            if icon == number:
                del icons[other]  # an icon marks one unit at a time
        if number == 0:
            icons.pop(key(found), None)
        else:
            icons[key(found)] = number  # toggling off is FrameXML's job, not the client's
        client.fire_internal("RAID_TARGET_UPDATE")

    def in_group(unit: Any, usage: str, members: list[Unit]) -> int | None:
        found = unit_of(unit, usage)
        if found is None or not members:
            return None
        return flag_result(found in members or found is world.pet and world.player in members)

    def GetPartyAssignment(assignment: Any = None, unit: Any = None, *_: Any) -> int | None:
        """Whether ``unit`` holds the ``MAINTANK``/``MAINASSIST`` assignment (any case);
        without a unit, or for another assignment, the client answers nil."""
        if assignment is None:
            raise WowApiError('Usage: GetPartyAssignment("assignment", "unit" [, exactMatch])')
        lua_text(assignment)
        return None  # no one in the group holds an assignment

    def UnitGroupRolesAssigned(unit: Any = None) -> tuple[bool, bool, bool]:
        unit_of(unit, 'UnitGroupRolesAssigned("unit")')
        return (False, False, False)  # isTank, isHealer, isDamage

    return {
        "GetRaidTargetIndex": GetRaidTargetIndex,
        "SetRaidTarget": SetRaidTarget,
        "UnitPlayerOrPetInRaid": lambda unit=None: in_group(
            unit, 'UnitPlayerOrPetInRaid("unit")', world.raid),
        "UnitPlayerOrPetInParty": lambda unit=None: in_group(
            unit, 'UnitPlayerOrPetInParty("unit")',
            [world.player, *world.party] if world.party else []),
        "GetPartyAssignment": GetPartyAssignment,
        "UnitGroupRolesAssigned": UnitGroupRolesAssigned,
        "UnitIsTappedByPlayer": lambda unit=None: (
            unit_of(unit, 'UnitIsTappedByPlayer("unit")') and None),
    }
