"""Items and equipment: ``GetItemInfo`` and friends (from the client's item cache: items
seen in bags or equipped), quality colours, inventory slots, the auction item classes.

An item the cache does not hold answers nil, as in the client before the server has sent
it. Item classes are the enUS client's.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wowapi_stubs.api.container import Item
from wowapi_stubs.errors import WowApiError
from wowapi_stubs.widgets.base import as_int, flag_result, lua_int, lua_text

if TYPE_CHECKING:
    from wowapi_stubs.host import Host

# GetItemQualityColor: (r, g, b, "|cffRRGGBB") per quality 0-7.
QUALITY_COLORS = ((0.62, 0.62, 0.62, "|cff9d9d9d"), (1.0, 1.0, 1.0, "|cffffffff"),
                  (0.12, 1.0, 0.0, "|cff1eff00"), (0.0, 0.44, 0.87, "|cff0070dd"),
                  (0.64, 0.21, 0.93, "|cffa335ee"), (1.0, 0.5, 0.0, "|cffff8000"),
                  (0.9, 0.8, 0.5, "|cffe6cc80"), (0.9, 0.8, 0.5, "|cffe6cc80"))
# Inventory slot name -> (slot id, empty-slot texture).
INVENTORY_SLOTS = {
    name: (index, f"Interface\\PaperDoll\\UI-PaperDoll-Slot-{texture}")
    for index, (name, texture) in enumerate((
        ("AmmoSlot", "Ammo"), ("HeadSlot", "Head"), ("NeckSlot", "Neck"),
        ("ShoulderSlot", "Shoulder"), ("ShirtSlot", "Shirt"), ("ChestSlot", "Chest"),
        ("WaistSlot", "Waist"), ("LegsSlot", "Legs"), ("FeetSlot", "Feet"),
        ("WristSlot", "Wrists"), ("HandsSlot", "Hands"), ("Finger0Slot", "Finger"),
        ("Finger1Slot", "Finger"), ("Trinket0Slot", "Trinket"), ("Trinket1Slot", "Trinket"),
        ("BackSlot", "Chest"), ("MainHandSlot", "MainHand"),
        ("SecondaryHandSlot", "SecondaryHand"), ("RangedSlot", "Ranged"),
        ("TabardSlot", "Tabard"), ("Bag0Slot", "Bag"), ("Bag1Slot", "Bag"),
        ("Bag2Slot", "Bag"), ("Bag3Slot", "Bag")))
}
# The bank window's bag buttons name their slots Bag1-Bag7 (inventory slots 68-74).
INVENTORY_SLOTS.update({f"Bag{n}": (67 + n, "Interface\\PaperDoll\\UI-PaperDoll-Slot-Bag")
                        for n in range(1, 8)})
AUCTION_CLASSES = {
    "Weapon": ("One-Handed Axes", "Two-Handed Axes", "Bows", "Guns", "One-Handed Maces",
               "Two-Handed Maces", "Polearms", "One-Handed Swords", "Two-Handed Swords",
               "Staves", "Fist Weapons", "Miscellaneous", "Daggers", "Thrown", "Crossbows",
               "Wands", "Fishing Poles"),
    "Armor": ("Miscellaneous", "Cloth", "Leather", "Mail", "Plate", "Shields", "Librams",
              "Idols", "Totems", "Sigils"),
    "Container": ("Bag", "Soul Bag", "Herb Bag", "Enchanting Bag", "Engineering Bag",
                  "Gem Bag", "Mining Bag", "Leatherworking Bag", "Inscription Bag"),
    "Consumable": ("Food & Drink", "Potion", "Elixir", "Flask", "Bandage",
                   "Item Enhancement", "Scroll", "Other"),
    "Glyph": ("Warrior", "Paladin", "Hunter", "Rogue", "Priest", "Death Knight", "Shaman",
              "Mage", "Warlock", "Druid"),
    "Trade Goods": ("Elemental", "Cloth", "Leather", "Metal & Stone", "Meat", "Herb",
                    "Enchanting", "Jewelcrafting", "Parts", "Devices", "Explosives",
                    "Materials", "Other", "Armor Enchantment", "Weapon Enchantment"),
    "Projectile": ("Arrow", "Bullet"),
    "Quiver": ("Quiver", "Ammo Pouch"),
    "Recipe": ("Book", "Leatherworking", "Tailoring", "Engineering", "Blacksmithing",
               "Cooking", "Alchemy", "First Aid", "Enchanting", "Fishing", "Jewelcrafting",
               "Inscription"),
    "Gem": ("Red", "Blue", "Yellow", "Purple", "Green", "Orange", "Meta", "Simple",
            "Prismatic"),
    "Miscellaneous": ("Junk", "Reagent", "Pet", "Holiday", "Other", "Mount"),
    "Quest": (),
}


def install(client: Host) -> dict[str, Callable[..., Any]]:
    world = client.world

    def item_of(key: Any, usage: str) -> Item | None:
        if key is None:
            raise WowApiError(f"Usage: {usage}")
        if isinstance(key, int | float) and not isinstance(key, bool):
            return world.bags.lookup(as_int(key))
        return world.bags.lookup(lua_text(key))

    def GetItemInfo(key: Any = None) -> tuple[Any, ...]:
        item = item_of(key, 'GetItemInfo(itemID or "name" or "itemLink")')
        if item is None:
            return ()
        return (item.name, item.link, item.quality, item.item_level, item.required_level,
                item.item_class, item.item_subclass, item.max_stack, item.equip_slot,
                item.texture, item.vendor_price)

    def GetItemIcon(key: Any = None) -> str | None:
        item = item_of(key, 'GetItemIcon(itemID or "name" or "itemLink")')
        return None if item is None else item.texture

    def GetItemCount(key: Any = None, *_: Any) -> int:
        item = item_of(key, 'GetItemCount(itemID or "name" or "itemLink" [, includeBank])')
        if item is None:
            return 0
        return sum(s.count for s in world.bags.contents.values()
                   if s.item.item_id == item.item_id)

    def GetItemQualityColor(quality: Any = None) -> tuple[Any, ...]:
        index = lua_int(quality, what="quality") if quality is not None else -1
        if not 0 <= index < len(QUALITY_COLORS):
            return 1.0, 1.0, 1.0, "|cffffffff"
        return QUALITY_COLORS[index]

    def GetInventorySlotInfo(name: Any = None) -> tuple[Any, ...]:
        if name is None:
            raise WowApiError('Usage: GetInventorySlotInfo("slotName")')
        found = next((v for k, v in INVENTORY_SLOTS.items()
                      if k.lower() == lua_text(name).lower()), None)
        if found is None:
            raise WowApiError("Invalid inventory slot in GetInventorySlotInfo")
        return found[0], found[1], None

    def equipped(unit: Any, slot: Any, usage: str) -> Item | None:
        """The item in ``slot``; the client reads the slot with ``lua_tonumber``, so a
        slot that is not a number (``bag > 0 and ...`` giving ``false``) names no item
        instead of failing."""
        if unit is None or slot is None:
            raise WowApiError(f'Usage: {usage}("unit", slot)')
        try:
            number = lua_int(slot, what="slot")
        except WowApiError:
            return None
        return world.equipped_item(lua_text(unit), number)

    def GetAuctionItemSubClasses(index: Any = None) -> tuple[str, ...]:
        number = lua_int(index, what="index") if index is not None else 0
        classes = list(AUCTION_CLASSES.values())
        return classes[number - 1] if 1 <= number <= len(classes) else ()

    def IsEquippedItem(key: Any = None) -> int | None:
        item = item_of(key, 'IsEquippedItem(itemID or "name" or "itemLink")')
        return flag_result(item is not None and item in world.equipment.values())

    return {
        "GetItemInfo": GetItemInfo,
        "GetItemIcon": GetItemIcon,
        "GetItemCount": GetItemCount,
        "GetItemQualityColor": GetItemQualityColor,
        "GetInventorySlotInfo": GetInventorySlotInfo,
        "GetInventoryItemLink": lambda unit=None, slot=None: (
            (item := equipped(unit, slot, "GetInventoryItemLink")) and item.link) or None,
        "GetInventoryItemTexture": lambda unit=None, slot=None: (
            (item := equipped(unit, slot, "GetInventoryItemTexture")) and item.texture) or None,
        "GetInventoryItemID": lambda unit=None, slot=None: (
            (item := equipped(unit, slot, "GetInventoryItemID")) and item.item_id) or None,
        "GetInventoryItemCount": lambda unit=None, slot=None: (
            1 if equipped(unit, slot, "GetInventoryItemCount") else 0),
        "GetInventoryItemQuality": lambda unit=None, slot=None: (
            (item := equipped(unit, slot, "GetInventoryItemQuality")) and item.quality
        ) or None,
        "GetInventoryItemCooldown": lambda *args: (0, 0, 1),
        "GetInventoryItemBroken": lambda *args: None,
        "GetInventoryItemDurability": lambda *args: (),
        "GetInventoryAlertStatus": lambda *args: 0,
        "IsEquippedItem": IsEquippedItem,
        "GetAuctionItemClasses": lambda: tuple(AUCTION_CLASSES),
        "GetAuctionItemSubClasses": GetAuctionItemSubClasses,
        "GetItemFamily": lambda *args: 0,
        "GetItemSpell": lambda *args: (),
        "GetItemCooldown": lambda *args: (0, 0, 1),
        "IsUsableItem": lambda *args: (1, None),
        "IsConsumableItem": lambda *args: None,
        "IsCurrentItem": lambda *args: None,
        "IsItemInRange": lambda *args: None,
        "ItemHasRange": lambda *args: None,
    }
