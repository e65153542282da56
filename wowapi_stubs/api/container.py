"""Bags and items: ``GetContainerNumSlots``, ``GetContainerItemLink``,
``GetContainerItemInfo`` and ``GetItemInfo`` (second value is the **link**)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from wowapi_stubs.errors import WowApiError
from wowapi_stubs.widgets.base import lua_int

if TYPE_CHECKING:
    from wowapi_stubs.client import HeadlessClient

NUM_BAGS = 5  # backpack (0) and bags 1-4
_QUALITY_COLORS = ("ff9d9d9d", "ffffffff", "ff1eff00", "ff0070dd", "ffa335ee", "ffff8000",
                   "ffe6cc80")


@dataclass(frozen=True)
class Item:
    """An item template known to the client."""

    item_id: int
    name: str
    quality: int = 1
    texture: str = "Interface\\Icons\\INV_Misc_QuestionMark"
    item_level: int = 1
    required_level: int = 0
    item_class: str = "Trade Goods"
    item_subclass: str = "Other"
    max_stack: int = 20
    equip_slot: str = ""
    vendor_price: int = 0
    max_durability: int = 0  # 0: the item has no durability
    stats: tuple[tuple[str, int], ...] = ()  # (ITEM_MOD_..._SHORT key, value)
    gems: tuple[int, ...] = ()  # item ids of the gems in its sockets, in socket order

    @property
    def link(self) -> str:
        gems = ":".join(str(g) for g in (*self.gems, 0, 0, 0, 0)[:4])
        return (f"|c{self.color_code}|Hitem:{self.item_id}:0:{gems}:0:0:80|h[{self.name}]|h"
                "|r")

    @property
    def color_code(self) -> str:
        """``ffRRGGBB`` of the item's quality."""
        return _QUALITY_COLORS[min(max(self.quality, 0), len(_QUALITY_COLORS) - 1)]

    def tooltip_lines(self) -> list[tuple[str, tuple[float, float, float]]]:
        code = self.color_code
        rgb = tuple(int(code[i:i + 2], 16) / 255 for i in (2, 4, 6))
        lines = [(self.name, rgb)]
        if self.equip_slot:
            lines.append((f"Item Level {self.item_level}", (1.0, 0.82, 0.0)))
        return lines  # type: ignore[return-value]


@dataclass
class BagSlot:
    item: Item
    count: int


class Bags:
    """Items in bags 0-4, settable from Python."""

    def __init__(self, slots: tuple[int, ...]) -> None:
        self.slots = tuple(slots)
        self.contents: dict[tuple[int, int], BagSlot] = {}
        self.items: dict[int, Item] = {}

    def put(self, bag: int, slot: int, item: Item, count: int) -> None:
        if not 0 <= bag < NUM_BAGS or not 1 <= slot <= self.slots[bag]:
            raise ValueError(f"bag {bag} has no slot {slot} (bags 0-4, slots 1-{self.slots})")
        if count < 1:
            raise ValueError("count must be at least 1")
        self.items[item.item_id] = item
        self.contents[(bag, slot)] = BagSlot(item, count)

    def lookup(self, key: str | int) -> Item | None:
        if isinstance(key, int):
            return self.items.get(key)
        marker = key.find("item:")
        if marker >= 0:
            digits = ""
            for ch in key[marker + 5 :]:
                if not ch.isdigit():
                    break
                digits += ch
            return self.items.get(int(digits)) if digits else None
        if key.isdigit():
            return self.items.get(int(key))
        return next((i for i in self.items.values() if i.name == key), None)


def install(client: HeadlessClient) -> dict[str, Callable[..., Any]]:
    bags = client.bags

    def _slot(bag: Any, slot: Any) -> BagSlot | None:
        if bag is None or slot is None:
            raise WowApiError("Usage: GetContainerItemInfo(bagID, slot)")
        return bags.contents.get((lua_int(bag), lua_int(slot)))

    def GetContainerNumSlots(bag: Any = None) -> int:
        if bag is None:
            raise WowApiError("Usage: GetContainerNumSlots(bagID)")
        index = lua_int(bag)
        return bags.slots[index] if 0 <= index < NUM_BAGS else 0

    def GetContainerItemLink(bag: Any = None, slot: Any = None) -> str | None:
        found = _slot(bag, slot)
        return found.item.link if found else None

    def GetContainerItemInfo(bag: Any = None, slot: Any = None) -> tuple[Any, ...]:
        found = _slot(bag, slot)
        if not found:
            return ()
        # locked: the item is on the cursor (picked up from this slot)
        held = getattr(client.world.cursor, "origin", None) == (
            "bag", lua_int(bag), lua_int(slot))
        return found.item.texture, found.count, 1 if held else None, found.item.quality, None

    def GetContainerNumFreeSlots(bag: Any = None) -> tuple[int, int]:
        if bag is None:
            raise WowApiError("Usage: GetContainerNumFreeSlots(bagID)")
        index = lua_int(bag)
        if not 0 <= index < NUM_BAGS:
            return 0, 0
        used = sum(1 for (b, _) in bags.contents if b == index)
        return bags.slots[index] - used, 0  # free slots, bag family (0: any item)

    def GetContainerItemID(bag: Any = None, slot: Any = None) -> int | None:
        found = _slot(bag, slot)
        return found.item.item_id if found else None

    def GetBagName(bag: Any = None) -> str | None:
        """The backpack, or the name of the bag in slot 1-4 (a bag of its size)."""
        if bag is None:
            raise WowApiError("Usage: GetBagName(bagID)")
        index = lua_int(bag)
        if index == 0:
            return "Backpack"
        if 0 < index < NUM_BAGS and bags.slots[index]:
            return f"{bags.slots[index]} Slot Bag"
        return None

    def ContainerIDToInventoryID(bag: Any = None) -> int:
        """The equipment slot holding bag ``bag``: bags 1-4 in slots 20-23, bank bags
        5-11 in slots 68-74."""
        if bag is None:
            raise WowApiError("Usage: ContainerIDToInventoryID(bagID)")
        number = lua_int(bag, what="bagID")
        if 1 <= number <= 4:
            return 19 + number
        if 5 <= number <= 11:
            return 63 + number
        raise WowApiError(f"Invalid container ID {number} in ContainerIDToInventoryID")

    return {"ContainerIDToInventoryID": ContainerIDToInventoryID,
            "GetContainerNumSlots": GetContainerNumSlots,
            "GetBagName": GetBagName,
            # isQuestItem, questId, isActive: no item of the bags starts a quest
            "GetContainerItemQuestInfo": lambda *args: (None, None, None),
            "GetContainerNumFreeSlots": GetContainerNumFreeSlots,
            "GetContainerItemLink": GetContainerItemLink,
            "GetContainerItemInfo": GetContainerItemInfo,
            "GetContainerItemID": GetContainerItemID,
            "GetContainerItemCooldown": lambda *args: (0, 0, 1)}
