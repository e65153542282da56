"""Where items are and how they move: the places of the world (bag slots 0-4, equipment
slots 0-23, guild bank tab slots), the item on the cursor, and moves between places with
the client's refusals and events. The cursor API (:mod:`wowapi_stubs.api.cursoritems`), the
guild bank and ``ClearCursor`` act through :class:`Hands`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from wowapi_stubs.api.container import NUM_BAGS, BagSlot
from wowapi_stubs.api.itemslots import MAIN_HAND, OFF_HAND, equip_refusal, slots_of

if TYPE_CHECKING:
    from wowapi_stubs.api.container import Item
    from wowapi_stubs.host import Host

Place = tuple[Any, ...]
"""``("bag", bag, slot)``, ``("inventory", slot)`` or ``("guildbank", tab, slot)``."""

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

    def stow(self, item: Item, count: int) -> Place | None:
        """Put ``count`` of ``item`` in the bags as the client stores a new stack (made,
        taken from mail): onto the first stack of it with room for all of them, else into
        the first free bag slot. The place, or ``None`` when there is no room (nothing
        changed; the client says "Inventory is full.")."""
        contents = self.world.bags.contents
        stack = next((key for key, held in sorted(contents.items())
                      if held.item.item_id == item.item_id
                      and held.count + count <= item.max_stack), None)
        place = ("bag", *stack) if stack is not None else self.free_bag_slot()
        if place is None:
            return None
        found = self.at(place)
        self.put(place, item, count + (found[1] if found else 0))
        return place

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
