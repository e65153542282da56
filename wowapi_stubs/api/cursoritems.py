"""Items on the cursor: picking one up from a bag or equipment slot, dropping it on another
slot, equipping it, destroying it.

An item picked up stays in its slot, locked (``GetContainerItemInfo``'s third value,
``IsInventoryItemLocked``), until it is dropped; meanwhile ``client.world.cursor`` holds a
:class:`HeldItem`, which ``GetCursorInfo`` reads as ``"item", itemID, itemLink``. The places
the world models are bags 0-4 and the equipment slots 0-23 (bank and key ring slots hold
nothing). Each change fires the client's events: ``ITEM_LOCK_CHANGED`` with
``ITEM_LOCKED``/``ITEM_UNLOCKED`` for the slot picked up from (bag and slot, or the
inventory slot alone), ``CURSOR_UPDATE``, ``BAG_UPDATE`` for each bag changed, and
``PLAYER_EQUIPMENT_CHANGED`` (the slot) with ``UNIT_INVENTORY_CHANGED`` for equipment.
``ClearCursor`` puts a held item back. A move the client refuses changes nothing and
shows its error text (``UI_ERROR_MESSAGE``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wowapi_stubs.api.container import NUM_BAGS, BagSlot
from wowapi_stubs.api.itemslots import (
    BAG_SLOTS,
    MAIN_HAND,
    OFF_HAND,
    equip_refusal,
    find_item,
    slots_of,
)
from wowapi_stubs.widgets.base import flag_result, usage_number

if TYPE_CHECKING:
    from wowapi_stubs.api.container import Item
    from wowapi_stubs.host import Host

Place = tuple[Any, ...]
"""``("bag", bag, slot)``, ``("inventory", slot)`` or ``("guildbank", tab, slot)``."""

EVENTS = ("ITEM_LOCK_CHANGED", "ITEM_LOCKED", "ITEM_UNLOCKED", "CURSOR_UPDATE", "BAG_UPDATE",
          "PLAYER_EQUIPMENT_CHANGED", "UNIT_INVENTORY_CHANGED", "GUILDBANK_ITEM_LOCK_CHANGED",
          "GUILDBANKBAGSLOTS_CHANGED")
LAST_EQUIPMENT_SLOT = 23  # the fourth bag slot
GUILD_BANK_TAB_SLOTS = 98
ERR_SPLIT_FAILED = "Couldn't split those items."
ERR_TOO_FEW_TO_SPLIT = "Tried to split more than number in stack."
ERR_BAG_FULL = "That bag is full."
ERR_INV_FULL = "Inventory is full."


class HeldItem(tuple):  # type: ignore[type-arg]
    """The cursor holding ``count`` of ``item`` picked up from ``origin``; as a tuple it
    is what ``GetCursorInfo`` returns."""

    item: Item
    origin: Place
    count: int

    def __new__(cls, item: Item, origin: Place, count: int) -> HeldItem:
        held = super().__new__(cls, ("item", item.item_id, item.link))
        held.item, held.origin, held.count = item, origin, count
        return held


def _key(place: Place) -> Any:
    """Where a bag place's stack is kept (bag, slot), a guild bank place's (its slot)."""
    return place[1:] if place[0] == "bag" else place[2]


class Hands:
    """Moves items between the places of the world for one client."""

    def __init__(self, client: Host) -> None:
        self.client = client
        self.world = client.world

    # -- places -------------------------------------------------------------------------------
    def valid(self, place: Place) -> bool:
        if place[0] == "bag":
            _, bag, slot = place
            return 0 <= bag < NUM_BAGS and 1 <= slot <= self.world.bags.slots[bag]
        if place[0] == "guildbank":
            tab = self.world.guild_bank.tab(place[1])
            return tab is not None and tab.viewable and 1 <= place[2] <= GUILD_BANK_TAB_SLOTS
        return 0 <= place[1] <= LAST_EQUIPMENT_SLOT

    def at(self, place: Place) -> tuple[Item, int] | None:
        """The item of ``place`` and how many of it, or ``None``."""
        if place[0] == "inventory":
            item = self.world.equipment.get(place[1])
            return (item, 1) if item else None
        found = self._stacks(place).get(_key(place))
        return (found.item, found.count) if found else None

    def put(self, place: Place, item: Item | None, count: int) -> None:
        """Make ``place`` hold ``count`` of ``item`` (nothing when the count is 0)."""
        empty = item is None or count <= 0
        if item is not None:
            self.world.items[item.item_id] = item  # the item cache knows what it has seen
        if place[0] == "inventory":
            if empty:
                self.world.equipment.pop(place[1], None)
            else:
                self.world.equipment[place[1]] = item  # type: ignore[assignment]
        elif empty:
            self._stacks(place).pop(_key(place), None)
        else:
            self._stacks(place)[_key(place)] = BagSlot(item, count)  # type: ignore[arg-type]

    def _stacks(self, place: Place) -> dict[Any, BagSlot]:
        """The stacks of a bag or guild bank place, by :func:`_key`."""
        if place[0] == "bag":
            return self.world.bags.contents
        tab = self.world.guild_bank.tab(place[1])
        return tab.items if tab is not None else {}

    def holding(self, place: Place) -> HeldItem:
        """The whole stack of ``place`` as if held (for moves that skip the cursor)."""
        item, count = self.at(place)  # type: ignore[misc]
        return HeldItem(item, place, count)

    def free_bag_slot(self, bags: range | tuple[int, ...] = tuple(range(NUM_BAGS))
                      ) -> Place | None:
        for bag in bags:
            for slot in range(1, self.world.bags.slots[bag] + 1):
                if (bag, slot) not in self.world.bags.contents:
                    return ("bag", bag, slot)
        return None

    def bag_place(self, item: Item) -> Place | None:
        """The first bag slot holding ``item``."""
        return next((("bag", *key) for key, found in sorted(self.world.bags.contents.items())
                     if found.item.item_id == item.item_id), None)

    # -- the cursor ---------------------------------------------------------------------------
    def held(self) -> HeldItem | None:
        cursor = self.world.cursor
        return cursor if isinstance(cursor, HeldItem) else None

    def pick_up(self, place: Place, count: int | None = None) -> None:
        found = self.at(place)
        if found is None:
            return
        self.world.cursor = HeldItem(found[0], place, count or found[1])
        self._lock_events(place, locked=True)
        self.client.fire_internal("CURSOR_UPDATE")

    def release(self) -> None:
        """Put the held item back where it came from."""
        held = self.held()
        if held is None:
            return
        self.world.cursor = None
        self.client.fire_internal("CURSOR_UPDATE")
        self._lock_events(held.origin, locked=False)

    def click(self, place: Place) -> None:
        """A click on ``place``: pick its item up, or drop the held item there."""
        if not self.valid(place):
            return
        held = self.held()
        if held is None:
            self.pick_up(place)
        elif place == held.origin:
            self.release()
        else:
            self.drop(held, place)

    def drop(self, held: HeldItem, target: Place) -> None:
        """Drop the held item on ``target`` (the client's error when it may not go there):
        the cursor empties, then the slots change and the origin unlocks."""
        changed = self._move(held, target)
        if isinstance(changed, str):
            self.client.ui_error(changed)
            return
        self.world.cursor = None
        self.client.fire_internal("CURSOR_UPDATE")
        self._changed(*changed)
        self._lock_events(held.origin, locked=False)

    def destroy(self) -> None:
        held = self.held()
        if held is None:
            return
        self.world.cursor = None
        source = self.at(held.origin)
        if source is not None and source[0] == held.item:
            self.put(held.origin, held.item, source[1] - held.count)
        self.client.fire_internal("CURSOR_UPDATE")
        self._changed(held.origin)
        self._lock_events(held.origin, locked=False)

    # -- moving -------------------------------------------------------------------------------
    def move(self, held: HeldItem, target: Place) -> str | None:
        """Move ``held.count`` of ``held.item`` from its origin to ``target`` (stacking
        onto the same item, swapping with another) without the cursor; the client's error
        text when the move is refused (nothing changed then)."""
        changed = self._move(held, target)
        if isinstance(changed, str):
            return changed
        self._changed(*changed)
        return None

    def _move(self, held: HeldItem, target: Place) -> str | list[Place]:
        """:meth:`move` without its events: the places changed, or the refusal."""
        source = self.at(held.origin)
        if source is None or source[0] != held.item:
            return []  # the item left its slot meanwhile: nothing to move
        item, whole = held.item, held.count == source[1]
        there = self.at(target)
        if target[0] == "inventory":
            refusal = equip_refusal(self.world, item, target[1], in_combat=self.client.in_combat)
            if refusal is not None:
                return refusal
        displaced = self._displaced_off_hand(item, target)
        if isinstance(displaced, str):
            return displaced
        if there is None:
            self.put(target, item, held.count)
            self.put(held.origin, item, source[1] - held.count)
        elif there[0] == item and there[1] < item.max_stack:
            moved = min(held.count, item.max_stack - there[1])
            self.put(target, item, there[1] + moved)
            self.put(held.origin, item, source[1] - moved)
        else:
            if not whole:
                return ERR_SPLIT_FAILED
            if held.origin[0] == "inventory":
                refusal = equip_refusal(self.world, there[0], held.origin[1],
                                        in_combat=self.client.in_combat)
                if refusal is not None:
                    return refusal
            self.put(target, item, held.count)
            self.put(held.origin, there[0], there[1])
        changed = [held.origin, target]
        if displaced is not None:
            self.put(displaced, self.world.equipment.pop(OFF_HAND), 1)
            changed += [displaced, ("inventory", OFF_HAND)]
        return changed

    def _displaced_off_hand(self, item: Item, target: Place) -> Place | str | None:
        """Equipping a two-handed weapon empties the off hand into the first free bag
        slot: that slot, the client's error when there is none, or ``None``."""
        if target != ("inventory", MAIN_HAND) or item.equip_slot != "INVTYPE_2HWEAPON" \
                or OFF_HAND not in self.world.equipment:
            return None
        free = self.free_bag_slot()
        return free if free is not None else ERR_INV_FULL

    def auto_slot(self, item: Item) -> int | None:
        """Where equipping ``item`` puts it: the first slot of its kind that is free and
        allowed, else the first allowed, else the first of its kind."""
        slots = slots_of(item)
        allowed = [s for s in slots
                   if equip_refusal(self.world, item, s, in_combat=self.client.in_combat) is None]
        free = [s for s in allowed if s not in self.world.equipment]
        return (free or allowed or list(slots) or [None])[0]

    # -- events -------------------------------------------------------------------------------
    def _lock_events(self, place: Place, *, locked: bool) -> None:
        if place[0] == "guildbank":
            self.client.fire_internal("GUILDBANK_ITEM_LOCK_CHANGED")
            return
        args = place[1:]
        self.client.fire_internal("ITEM_LOCK_CHANGED", *args)
        self.client.fire_internal("ITEM_LOCKED" if locked else "ITEM_UNLOCKED", *args)

    def _changed(self, *places: Place) -> None:
        bags = dict.fromkeys(p[1] for p in places if p[0] == "bag")
        slots = dict.fromkeys(p[1] for p in places if p[0] == "inventory")
        if any(p[0] == "guildbank" for p in places):
            self.client.fire_internal("GUILDBANKBAGSLOTS_CHANGED")
        for bag in bags:
            self.client.fire_internal("BAG_UPDATE", bag)
        for slot in slots:
            self.client.fire_internal("PLAYER_EQUIPMENT_CHANGED", slot)
        if slots:
            self.client.fire_internal("UNIT_INVENTORY_CHANGED", "player")


def install(client: Host) -> dict[str, Callable[..., Any]]:
    hands = Hands(client)

    def number(value: Any, usage_text: str) -> int:
        return int(usage_number(value, usage_text))

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
