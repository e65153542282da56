"""The equipment manager: saved sets of equipped items, by name.

A fresh character has saved no set. ``SaveEquipmentSet(name, iconIndex)`` records what is
equipped in slots 1-19 (0 for an empty slot, 1 for a slot ignored with
``EquipmentManagerIgnoreSlotForSave``, FrameXML's ``EQUIPMENT_SET_EMPTY_SLOT`` and
``EQUIPMENT_SET_IGNORED_SLOT``), overwriting a set of the same name, at most
``MAX_EQUIPMENT_SETS_PER_PLAYER`` (10) sets; the icon index is the macro editor's (positive:
``GetMacroIconInfo``) or minus an equipment slot (that slot's item texture), as FrameXML's
gear manager passes it. ``DeleteEquipmentSet`` removes one; both are answered by
``EQUIPMENT_SETS_CHANGED`` after the call. ``UseEquipmentSet(name)`` equips the set's items
from the bags with the client's refusals (:class:`~wowapi_stubs.api.hands.Hands`) and empties
its empty slots into the bags, then ``EQUIPMENT_SWAP_FINISHED`` (completed, name) arrives.
``PickupEquipmentSet`` puts a set on the cursor (``GetCursorInfo()`` is
``"equipmentset", name``). ``CanUseEquipmentSets`` reads the ``equipmentManager`` option.

Uncertain shapes, chosen as documented for 3.1-3.3: ``GetEquipmentSetInfo(index)`` returns
name, icon and the set's 0-based index; ``GetEquipmentSetInfoByName(name)`` returns icon and
that index; ``UseEquipmentSet`` returns 1 when the set exists (nil otherwise). Sets are listed
in the order they were first saved.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from wowapi_stubs.api._windows import answer
from wowapi_stubs.api.hands import Hands
from wowapi_stubs.api.macros import QUESTION_MARK, macro_icons
from wowapi_stubs.widgets.base import flag_result, lua_text, usage_int
from wowapi_stubs.widgets.base import usage as usage_error

if TYPE_CHECKING:
    from wowapi_stubs.host import Host

EVENTS = ("EQUIPMENT_SETS_CHANGED", "EQUIPMENT_SWAP_FINISHED", "CURSOR_UPDATE")
MAX_EQUIPMENT_SETS_PER_PLAYER = 10
EQUIPPED_SLOTS = range(1, 20)  # head .. tabard
EMPTY_SLOT, IGNORED_SLOT = 0, 1


@dataclass
class EquipmentSet:
    name: str
    icon: str
    items: dict[int, int] = field(default_factory=dict)  # slot -> item id, EMPTY or IGNORED


def install(client: Host) -> dict[str, Callable[..., Any]]:
    world = client.world
    sets: list[EquipmentSet] = []
    ignored: set[int] = set()

    def named(value: Any, usage: str) -> EquipmentSet | None:
        if value is None:
            raise usage_error(usage)
        wanted = lua_text(value)
        return next((s for s in sets if s.name == wanted), None)

    def icon_of(index: int) -> str:
        if index < 0:
            item = world.equipment.get(-index)
            return item.texture if item is not None else QUESTION_MARK
        icons = macro_icons(world)
        return icons[index - 1] if 1 <= index <= len(icons) else QUESTION_MARK

    def SaveEquipmentSet(name: Any = None, icon: Any = None) -> None:
        usage = 'SaveEquipmentSet("name", iconIndex)'
        if name is None:
            raise usage_error(usage)
        index = usage_int(icon, usage)
        found = named(name, usage)
        if found is None:
            if len(sets) >= MAX_EQUIPMENT_SETS_PER_PLAYER:
                return  # FrameXML checks the cap first; the server refuses another
            found = EquipmentSet(lua_text(name), icon_of(index))
            sets.append(found)
        found.icon = icon_of(index)
        found.items = {slot: IGNORED_SLOT if slot in ignored else
                       (world.equipment[slot].item_id if slot in world.equipment
                        else EMPTY_SLOT) for slot in EQUIPPED_SLOTS}
        answer(client, "EQUIPMENT_SETS_CHANGED")

    def DeleteEquipmentSet(name: Any = None) -> None:
        found = named(name, 'DeleteEquipmentSet("name")')
        if found is not None:
            sets.remove(found)
            answer(client, "EQUIPMENT_SETS_CHANGED")

    def GetEquipmentSetInfo(index: Any = None) -> tuple[Any, ...]:
        number = usage_int(index, "GetEquipmentSetInfo(index)")
        if not 1 <= number <= len(sets):
            return ()
        return sets[number - 1].name, sets[number - 1].icon, number - 1

    def GetEquipmentSetInfoByName(name: Any = None) -> tuple[Any, ...]:
        found = named(name, 'GetEquipmentSetInfoByName("name")')
        return () if found is None else (found.icon, sets.index(found))

    def GetEquipmentSetItemIDs(name: Any = None) -> Any:
        found = named(name, 'GetEquipmentSetItemIDs("name")')
        if found is None:
            return None
        return client.runtime.table([found.items[slot] for slot in EQUIPPED_SLOTS])

    def UseEquipmentSet(name: Any = None) -> int | None:
        found = named(name, 'UseEquipmentSet("name")')
        if found is None:
            return None
        completed = equip(found)
        answer(client, "EQUIPMENT_SWAP_FINISHED", flag_result(completed), found.name)
        return 1

    def equip(chosen: EquipmentSet) -> bool:
        """Move the set's items into their slots; whether every move was made."""
        hands, completed = Hands(client), True
        for slot, item_id in chosen.items.items():
            current = world.equipment.get(slot)
            if item_id in (IGNORED_SLOT, current.item_id if current else EMPTY_SLOT):
                continue
            if item_id == EMPTY_SLOT:
                free = hands.free_bag_slot()
                if free is None or hands.move(hands.holding(("inventory", slot)), free):
                    completed = False
                continue
            item = world.items.get(item_id)
            place = hands.bag_place(item) if item is not None else None
            if place is None or hands.move(hands.holding(place), ("inventory", slot)):
                completed = False
        return completed

    def EquipmentSetContainsLockedItems(name: Any = None) -> int | None:
        found = named(name, 'EquipmentSetContainsLockedItems("name")')
        held = Hands(client).held()
        return flag_result(found is not None and held is not None
                           and held.item.item_id in found.items.values())

    def pick_up(found: EquipmentSet | None) -> None:
        if found is not None:
            Hands(client).release()
            world.cursor = ("equipmentset", found.name)
            client.fire_internal("CURSOR_UPDATE")

    def PickupEquipmentSet(index: Any = None) -> None:
        number = usage_int(index, "PickupEquipmentSet(index)")
        pick_up(sets[number - 1] if 1 <= number <= len(sets) else None)

    def ignore_slot(usage: str, keep: bool) -> Callable[..., None]:
        def api(slot: Any = None) -> None:
            number = usage_int(slot, usage)
            (ignored.add if keep else ignored.discard)(number)

        return api

    return {
        "CanUseEquipmentSets": lambda: flag_result(
            world.cvars.get("equipmentManager") not in (None, "0")),
        "GetNumEquipmentSets": lambda: len(sets),
        "GetEquipmentSetInfo": GetEquipmentSetInfo,
        "GetEquipmentSetInfoByName": GetEquipmentSetInfoByName,
        "GetEquipmentSetItemIDs": GetEquipmentSetItemIDs,
        "SaveEquipmentSet": SaveEquipmentSet,
        "DeleteEquipmentSet": DeleteEquipmentSet,
        "UseEquipmentSet": UseEquipmentSet,
        "EquipmentSetContainsLockedItems": EquipmentSetContainsLockedItems,
        "PickupEquipmentSet": PickupEquipmentSet,
        "PickupEquipmentSetByName": lambda name=None: pick_up(
            named(name, 'PickupEquipmentSetByName("name")')),
        "EquipmentManagerIgnoreSlotForSave": ignore_slot(
            "EquipmentManagerIgnoreSlotForSave(slot)", True),
        "EquipmentManagerUnignoreSlotForSave": ignore_slot(
            "EquipmentManagerUnignoreSlotForSave(slot)", False),
        "EquipmentManagerClearIgnoredSlotsForSave": lambda: ignored.clear(),
    }
