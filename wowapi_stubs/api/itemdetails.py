"""What the client knows of an item beyond ``GetItemInfo``: free bag slots, durability,
socketed gems, stats and their differences, whether it can be equipped or tried on, the
kinds of item worn, which carried items fit an
equipment slot, and the inventory slot ids of key ring buttons.

Answers come from the item cache and the bags and equipment of the world
(``client.world``): an item carries its maximum durability (undamaged), its stats and its
gems (:class:`~wowapi_stubs.api.container.Item`). No item of the world has a use spell or
is unique-equipped, so ``IsHelpfulItem``, ``IsHarmfulItem`` and ``GetItemUniqueness``
answer nil. An item the cache does not hold answers nil, as before the server sent it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wowapi_stubs.api.container import NUM_BAGS, BagSlot
from wowapi_stubs.api.hands import HeldItem
from wowapi_stubs.api.itemslots import (
    DRESSABLE,
    equip_refusal,
    find_item,
    gem_results,
    link_gems,
    slots_of,
)
from wowapi_stubs.errors import WowApiError
from wowapi_stubs.widgets.base import flag_result, lua_text, usage_int

if TYPE_CHECKING:
    from wowapi_stubs.host import Host

# Item location bits GetInventoryItemsForSlot keys its table with.
LOCATION_PLAYER = 0x00100000
LOCATION_BAGS = 0x00200000
BAG_SHIFT = 8
KEYRING_FIRST_SLOT = 86  # the inventory slot of key ring button 1


def install(client: Host) -> dict[str, Callable[..., Any]]:
    world = client.world

    def bag_slot(bag: Any, slot: Any, usage_text: str) -> BagSlot | None:
        key = (usage_int(bag, usage_text), usage_int(slot, usage_text))
        return world.bags.contents.get(key)

    def GetContainerFreeSlots(bag: Any = None, into: Any = None) -> Any:
        """A table of the free slot numbers of a bag: the table given as second argument,
        filled, or a new one."""
        index = usage_int(bag, "GetContainerFreeSlots(index[, returnTable])")
        size = world.bags.slots[index] if 0 <= index < NUM_BAGS else 0
        free = [s for s in range(1, size + 1) if (index, s) not in world.bags.contents]
        if not client.runtime.is_table(into):
            return client.runtime.table(free)
        for position, slot in enumerate(free, 1):
            into[position] = slot
        return into

    def GetContainerItemDurability(bag: Any = None, slot: Any = None) -> tuple[int, ...]:
        found = bag_slot(bag, slot, "GetContainerItemDurability(index, slot)")
        if found is None or not found.item.max_durability:
            return ()
        return found.item.max_durability, found.item.max_durability  # current, maximum

    def GetContainerItemGems(bag: Any = None, slot: Any = None) -> tuple[int | None, ...]:
        found = bag_slot(bag, slot, "GetContainerItemGems(index, slot)")
        return gem_results(link_gems(found.item.link)) if found else ()

    def GetInventoryItemGems(slot: Any = None) -> tuple[int | None, ...]:
        item = world.equipment.get(usage_int(slot, "GetInventoryItemGems(slot)"))
        return gem_results(link_gems(item.link)) if item else ()

    def GetItemGem(key: Any = None, index: Any = None) -> tuple[str, str] | tuple[()]:
        """Name and link of the gem in socket ``index`` (1-3) of an item link."""
        text = 'GetItemGem("item", index)'
        if key is None:
            raise WowApiError(f"Usage: {text}")
        socket = usage_int(index, text)
        link = lua_text(key)
        if "item:" not in link:
            item = find_item(world, key, text)
            link = item.link if item else ""
        gems = link_gems(link)
        gem = world.bags.lookup(gems[socket - 1]) if 1 <= socket <= len(gems) \
            and gems[socket - 1] else None
        return (gem.name, gem.link) if gem else ()

    def GetItemStats(key: Any = None, into: Any = None) -> Any:
        """A table of the item's stats by ``ITEM_MOD_..._SHORT`` key (the table given as
        second argument, filled, or a new one); nil for an item the cache lacks."""
        item = find_item(world, key, 'GetItemStats("itemLink"[, statTable])')
        if item is None:
            return None
        if not client.runtime.is_table(into):
            return client.runtime.table(dict(item.stats))
        for stat, value in item.stats:
            into[client.runtime.to_lua(stat)] = value
        return into

    def GetItemStatDelta(first: Any = None, second: Any = None, into: Any = None) -> Any:
        """A table of what the first item's stats give over the second's, stat by stat."""
        text = 'GetItemStatDelta("itemLink1", "itemLink2"[, statTable])'
        one, other = find_item(world, first, text), find_item(world, second, text)
        if one is None or other is None:
            return None
        delta = dict(one.stats)
        for stat, value in other.stats:
            delta[stat] = delta.get(stat, 0) - value
        changed = {stat: value for stat, value in delta.items() if value}
        if not client.runtime.is_table(into):
            return client.runtime.table(changed)
        for stat, value in changed.items():
            into[client.runtime.to_lua(stat)] = value
        return into

    def IsEquippedItemType(kind: Any = None) -> int | None:
        """Whether an equipped item is of an item class or subclass (``"Shields"``)."""
        if kind is None:
            raise WowApiError('Usage: IsEquippedItemType("type")')
        wanted = lua_text(kind)
        return flag_result(any(wanted in (item.item_class, item.item_subclass)
                               for item in world.equipment.values()))

    def item_flag(usage_text: str, test: Callable[..., bool]) -> Callable[..., int | None]:
        def query(key: Any = None, *_: Any) -> int | None:
            item = find_item(world, key, usage_text)
            return flag_result(item is not None and test(item))

        return query

    def GetInventoryItemsForSlot(slot: Any = None, into: Any = None) -> None:
        """Fill ``into`` with location -> item id of every equipped or carried item that
        can go in ``slot``."""
        text = "GetInventoryItemsForSlot(slot, returnTable)"
        number = usage_int(slot, text)
        if not client.runtime.is_table(into):
            raise WowApiError(f"Usage: {text}")
        for equipped, item in world.equipment.items():
            if equip_refusal(world, item, number) is None:
                into[LOCATION_PLAYER | equipped] = item.item_id
        for (bag, bag_slot_), found in world.bags.contents.items():
            if equip_refusal(world, found.item, number) is None:
                into[LOCATION_BAGS | bag << BAG_SHIFT | bag_slot_] = found.item.item_id

    def CursorCanGoInSlot(slot: Any = None) -> int | None:
        number = usage_int(slot, "CursorCanGoInSlot(slot)")
        held = world.cursor
        if not isinstance(held, HeldItem):
            return None
        return flag_result(equip_refusal(world, held.item, number,
                                         in_combat=client.in_combat) is None)

    def KeyRingButtonIDToInvSlotID(button: Any = None) -> int:
        number = usage_int(button, "KeyRingButtonIDToInvSlotID(buttonID)")
        return KEYRING_FIRST_SLOT - 1 + number

    def GetItemUniqueness(key: Any = None) -> None:
        find_item(world, key, 'GetItemUniqueness(itemID or "name" or "itemLink")')
        return None  # no item of the world is unique-equipped

    return {
        "GetContainerFreeSlots": GetContainerFreeSlots,
        "GetContainerItemDurability": GetContainerItemDurability,
        "GetContainerItemGems": GetContainerItemGems,
        "GetInventoryItemGems": GetInventoryItemGems,
        "GetItemGem": GetItemGem,
        "GetItemStats": GetItemStats,
        "GetItemStatDelta": GetItemStatDelta,
        "IsEquippedItemType": IsEquippedItemType,
        "IsEquippableItem": item_flag('IsEquippableItem(itemID or "name" or "itemLink")',
                                      lambda item: bool(slots_of(item))),
        "IsDressableItem": item_flag('IsDressableItem(itemID or "name" or "itemLink")',
                                     lambda item: item.equip_slot in DRESSABLE),
        # no item of the world has a use spell, helpful or harmful
        "IsHelpfulItem": item_flag('IsHelpfulItem(itemID or "name" or "itemLink")',
                                   lambda item: False),
        "IsHarmfulItem": item_flag('IsHarmfulItem(itemID or "name" or "itemLink")',
                                   lambda item: False),
        "GetInventoryItemsForSlot": GetInventoryItemsForSlot,
        "CursorCanGoInSlot": CursorCanGoInSlot,
        "KeyRingButtonIDToInvSlotID": KeyRingButtonIDToInvSlotID,
        "GetItemUniqueness": GetItemUniqueness,
    }
