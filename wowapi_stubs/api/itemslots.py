"""Which equipment slots an item goes in, and whether the character may equip it there.

Shared by the item queries (``IsEquippableItem``, ``GetInventoryItemsForSlot``...) and the
cursor actions (``EquipCursorItem``...). The rules are the client's for a character of the
world: the item's equip location names its slots, its required level must be reached, armour
of a kind the class never wears and a one-hand weapon in the off hand of a class that cannot
dual-wield are refused, nothing goes in the off hand beside a two-handed weapon, and only
weapons change in combat. Error texts are the enUS client's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from wowapi_stubs.errors import WowApiError
from wowapi_stubs.widgets.base import as_int, lua_text

if TYPE_CHECKING:
    from wowapi_stubs.api.container import Item
    from wowapi_stubs.world import World

MAIN_HAND, OFF_HAND, RANGED = 16, 17, 18
BAG_SLOTS = (20, 21, 22, 23)
# Equip location (GetItemInfo's ninth value) -> the inventory slots an item of it fills.
EQUIP_SLOTS: dict[str, tuple[int, ...]] = {
    "INVTYPE_AMMO": (0,), "INVTYPE_HEAD": (1,), "INVTYPE_NECK": (2,),
    "INVTYPE_SHOULDER": (3,), "INVTYPE_BODY": (4,), "INVTYPE_CHEST": (5,),
    "INVTYPE_ROBE": (5,), "INVTYPE_WAIST": (6,), "INVTYPE_LEGS": (7,), "INVTYPE_FEET": (8,),
    "INVTYPE_WRIST": (9,), "INVTYPE_HAND": (10,), "INVTYPE_FINGER": (11, 12),
    "INVTYPE_TRINKET": (13, 14), "INVTYPE_CLOAK": (15,),
    "INVTYPE_WEAPON": (MAIN_HAND, OFF_HAND), "INVTYPE_SHIELD": (OFF_HAND,),
    "INVTYPE_2HWEAPON": (MAIN_HAND,), "INVTYPE_WEAPONMAINHAND": (MAIN_HAND,),
    "INVTYPE_WEAPONOFFHAND": (OFF_HAND,), "INVTYPE_HOLDABLE": (OFF_HAND,),
    "INVTYPE_RANGED": (RANGED,), "INVTYPE_THROWN": (RANGED,),
    "INVTYPE_RANGEDRIGHT": (RANGED,), "INVTYPE_RELIC": (RANGED,), "INVTYPE_TABARD": (19,),
    "INVTYPE_BAG": BAG_SLOTS, "INVTYPE_QUIVER": BAG_SLOTS,
}
# Equip locations a character model can show (the dressing room tries them on).
DRESSABLE = frozenset({
    "INVTYPE_HEAD", "INVTYPE_SHOULDER", "INVTYPE_BODY", "INVTYPE_CHEST", "INVTYPE_ROBE",
    "INVTYPE_WAIST", "INVTYPE_LEGS", "INVTYPE_FEET", "INVTYPE_WRIST", "INVTYPE_HAND",
    "INVTYPE_CLOAK", "INVTYPE_WEAPON", "INVTYPE_SHIELD", "INVTYPE_2HWEAPON",
    "INVTYPE_WEAPONMAINHAND", "INVTYPE_WEAPONOFFHAND", "INVTYPE_HOLDABLE", "INVTYPE_RANGED",
    "INVTYPE_THROWN", "INVTYPE_RANGEDRIGHT", "INVTYPE_TABARD",
})
# Armour subclass -> the classes that can wear it (cloth: everyone).
_ARMOR_CLASSES = {
    "Leather": {"WARRIOR", "PALADIN", "HUNTER", "ROGUE", "DEATHKNIGHT", "SHAMAN", "DRUID"},
    "Mail": {"WARRIOR", "PALADIN", "HUNTER", "DEATHKNIGHT", "SHAMAN"},
    "Plate": {"WARRIOR", "PALADIN", "DEATHKNIGHT"},
    "Shields": {"WARRIOR", "PALADIN", "SHAMAN"},
}
_DUAL_WIELDERS = {"WARRIOR", "HUNTER", "ROGUE", "DEATHKNIGHT", "SHAMAN"}

ERR_WRONG_SLOT = "That item does not go in that slot."
ERR_NOT_EQUIPPABLE = "This item cannot be equipped."
ERR_PROFICIENCY_NEEDED = "You do not have the required proficiency for that item."
ERR_CANT_DUAL_WIELD = "You cannot dual-wield"
ERR_2HANDED_EQUIPPED = "Cannot equip that with a two-handed weapon."
ERR_NOT_IN_COMBAT = "You can't do that while in combat"


def slots_of(item: Item) -> tuple[int, ...]:
    """The inventory slots ``item`` can fill (none: it is not equippable)."""
    return EQUIP_SLOTS.get(item.equip_slot, ())


def equip_refusal(world: World, item: Item, slot: int, *, in_combat: bool = False
                  ) -> str | None:
    """Why the character cannot equip ``item`` in inventory slot ``slot`` (the client's
    error text), or ``None`` when it can."""
    slots = slots_of(item)
    if not slots:
        return ERR_NOT_EQUIPPABLE
    if slot not in slots:
        return ERR_WRONG_SLOT
    player = world.player
    if item.required_level > player.level:
        return f"You must reach level {item.required_level} to use that item."
    allowed = _ARMOR_CLASSES.get(item.item_subclass) if item.item_class == "Armor" else None
    if allowed is not None and player.class_token not in allowed:
        return ERR_PROFICIENCY_NEEDED
    if slot == OFF_HAND and item.equip_slot == "INVTYPE_WEAPON" \
            and player.class_token not in _DUAL_WIELDERS:
        return ERR_CANT_DUAL_WIELD
    main = world.equipment.get(MAIN_HAND)
    if slot == OFF_HAND and main is not None and main.equip_slot == "INVTYPE_2HWEAPON":
        return ERR_2HANDED_EQUIPPED
    if in_combat and slot not in (MAIN_HAND, OFF_HAND, RANGED):
        return ERR_NOT_IN_COMBAT
    return None


def find_item(world: World, key: Any, usage_text: str) -> Item | None:
    """The cached item an item argument names (id, name or link); ``usage_text`` is the
    client's message when the argument is missing."""
    if key is None or isinstance(key, bool):
        raise WowApiError(f"Usage: {usage_text}")
    if isinstance(key, int | float):
        return world.bags.lookup(as_int(key))
    return world.bags.lookup(lua_text(key))


def link_gems(link: str) -> tuple[int, ...]:
    """The four gem ids of an item link's ``item:id:enchant:gem1:gem2:gem3:gem4`` fields
    (0: an empty socket); no gems when the text is no item link."""
    marker = link.find("item:")
    if marker < 0:
        return ()
    fields = link[marker + 5:].split("|", 1)[0].split(":")[2:6]
    return tuple(int(f) if f.isdigit() else 0 for f in fields)


def gem_results(gems: tuple[int, ...]) -> tuple[int | None, ...]:
    """Gem ids as the gem queries return them: one per socket up to the last filled one,
    nil for an empty socket before it."""
    filled = [g or None for g in gems[:4]]
    while filled and filled[-1] is None:
        filled.pop()
    return tuple(filled)
