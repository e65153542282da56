"""Items on the cursor: picking one up from a bag or equipment slot, dropping it on another
slot, equipping it, destroying it.

An item picked up stays in its slot, locked (``GetContainerItemInfo``'s third value,
``IsInventoryItemLocked``), until it is dropped; meanwhile ``client.world.cursor`` holds a
:class:`~wowapi_stubs.api.hands.HeldItem`, which ``GetCursorInfo`` reads as
``"item", itemID, itemLink``. The places the world models are bags 0-4 and the equipment
slots 0-23 (bank and key ring slots hold nothing). Each change fires the client's events:
``ITEM_LOCK_CHANGED`` with ``ITEM_LOCKED``/``ITEM_UNLOCKED`` for the slot picked up from
(bag and slot, or the inventory slot alone), ``CURSOR_UPDATE``, ``BAG_UPDATE`` for each bag
changed, and ``PLAYER_EQUIPMENT_CHANGED`` (the slot) with ``UNIT_INVENTORY_CHANGED`` for
equipment. ``ClearCursor`` puts a held item back. A move the client refuses changes nothing
and shows its error text (``UI_ERROR_MESSAGE``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wowapi_stubs.api.hands import ERR_BAG_FULL, ERR_TOO_FEW_TO_SPLIT, LAST_EQUIPMENT_SLOT, Hands
from wowapi_stubs.api.itemslots import BAG_SLOTS, equip_refusal, find_item
from wowapi_stubs.widgets.base import flag_result, usage_int

if TYPE_CHECKING:
    from wowapi_stubs.host import Host

EVENTS = ("ITEM_LOCK_CHANGED", "ITEM_LOCKED", "ITEM_UNLOCKED", "CURSOR_UPDATE", "BAG_UPDATE",
          "PLAYER_EQUIPMENT_CHANGED", "UNIT_INVENTORY_CHANGED", "GUILDBANK_ITEM_LOCK_CHANGED",
          "GUILDBANKBAGSLOTS_CHANGED")


def install(client: Host) -> dict[str, Callable[..., Any]]:
    hands = Hands(client)

    def number(value: Any, usage_text: str) -> int:
        return usage_int(value, usage_text)

    def PickupContainerItem(bag: Any = None, slot: Any = None) -> None:
        text = "PickupContainerItem(bagID, slot)"
        hands.click(("bag", number(bag, text), number(slot, text)))

    def SplitContainerItem(bag: Any = None, slot: Any = None, amount: Any = None) -> None:
        text = "SplitContainerItem(bagID, slot, amount)"
        place = ("bag", number(bag, text), number(slot, text))
        count = number(amount, text)
        found = hands.at(place) if hands.valid(place) else None
        if found is None or hands.held() is not None or count < 1:
            return
        if count > found[1]:
            client.ui_error(ERR_TOO_FEW_TO_SPLIT)
            return
        hands.pick_up(place, count)

    def PickupInventoryItem(slot: Any = None) -> None:
        hands.click(("inventory", number(slot, "PickupInventoryItem(slot)")))

    def PickupBagFromSlot(slot: Any = None) -> None:
        number_ = number(slot, "PickupBagFromSlot(slot)")
        if number_ in BAG_SLOTS:
            hands.click(("inventory", number_))

    def put_in_bag(bag: int) -> int | None:
        held = hands.held()
        if held is None:
            return None
        if held.origin[0] == "bag" and held.origin[1] == bag:
            hands.release()
        elif hands.world.bags.slots[bag]:
            free = hands.free_bag_slot((bag,))
            if free is None:
                client.ui_error(ERR_BAG_FULL)
            else:
                hands.drop(held, free)
        return 1

    def PutItemInBag(slot: Any = None) -> int | None:
        number_ = number(slot, "PutItemInBag(slot)")
        if number_ not in BAG_SLOTS:
            return flag_result(hands.held() is not None)  # a bank bag: none is bought
        return put_in_bag(number_ - BAG_SLOTS[0] + 1)

    def EquipCursorItem(slot: Any = None) -> None:
        number_ = number(slot, "EquipCursorItem(slot)")
        held = hands.held()
        if held is not None and 0 <= number_ <= LAST_EQUIPMENT_SLOT:
            if held.origin == ("inventory", number_):
                hands.release()
            else:
                hands.drop(held, ("inventory", number_))

    def AutoEquipCursorItem() -> None:
        held = hands.held()
        if held is None:
            return
        slot = hands.auto_slot(held.item)
        if slot is None:
            client.ui_error(equip_refusal(hands.world, held.item, -1) or "")
        elif held.origin != ("inventory", slot):
            hands.drop(held, ("inventory", slot))

    def EquipItemByName(key: Any = None, slot: Any = None) -> None:
        item = find_item(hands.world, key,
                         'EquipItemByName(itemID or "name" or "itemLink"[, slot])')
        place = hands.bag_place(item) if item is not None else None
        if item is None or place is None:
            return  # not in the bags (equipped already, or not carried)
        target = number(slot, "EquipItemByName(item[, slot])") if slot is not None \
            else hands.auto_slot(item)
        if target is None:
            client.ui_error(equip_refusal(hands.world, item, -1) or "")
            return
        hands.release()
        refusal = hands.move(hands.holding(place), ("inventory", target))
        if refusal is not None:
            client.ui_error(refusal)

    def PickupItem(key: Any = None) -> None:
        """Put an item on the cursor by id, name or link, from no slot (to drop on an
        action button); an item the cache lacks puts nothing there."""
        item = find_item(hands.world, key, 'PickupItem(itemID or "name" or "itemLink")')
        if item is not None:
            hands.release()
            hands.world.cursor = ("item", item.item_id, item.link)
            client.fire_internal("CURSOR_UPDATE")

    def IsInventoryItemLocked(slot: Any = None) -> int | None:
        """Whether the item of an equipment slot is on the cursor."""
        number_ = number(slot, "IsInventoryItemLocked(slot)")
        held = hands.held()
        return flag_result(held is not None and held.origin == ("inventory", number_))

    return {
        "PickupItem": PickupItem,
        # no item waits for a bind-on-equip confirmation (EQUIP_BIND_CONFIRM)
        "EquipPendingItem": lambda *args: None,
        "CancelPendingEquip": lambda *args: None,
        "IsInventoryItemLocked": IsInventoryItemLocked,
        "PickupContainerItem": PickupContainerItem,
        "SplitContainerItem": SplitContainerItem,
        "PickupInventoryItem": PickupInventoryItem,
        "PickupBagFromSlot": PickupBagFromSlot,
        "PutItemInBackpack": lambda: put_in_bag(0),
        "PutItemInBag": PutItemInBag,
        "DeleteCursorItem": hands.destroy,
        "EquipCursorItem": EquipCursorItem,
        "AutoEquipCursorItem": AutoEquipCursorItem,
        "EquipItemByName": EquipItemByName,
    }
