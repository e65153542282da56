"""Global values Blizzard's FrameXML defines and addons read: colours, class tables, combat
log flags, bag and container numbers, and the enUS texts addons show or parse (``CANCEL``,
``COPPER_AMOUNT``, ``LOOT_ITEM_SELF``...). Facts of the 3.3.5a client, stated here; each is
made (a fresh table for tables) when a client first reads it.
"""

from __future__ import annotations

import functools
from typing import Any

from wowapi_stubs.surface import load_surface
from wowapi_stubs.world import CLASSES


def _rgb(r: float, g: float, b: float) -> dict[str, float]:
    return {"r": r, "g": g, "b": b}


_CLASS_COLORS = {
    "HUNTER": (0.67, 0.83, 0.45), "WARLOCK": (0.58, 0.51, 0.79), "PRIEST": (1.0, 1.0, 1.0),
    "PALADIN": (0.96, 0.55, 0.73), "MAGE": (0.41, 0.8, 0.94), "ROGUE": (1.0, 0.96, 0.41),
    "DRUID": (1.0, 0.49, 0.04), "SHAMAN": (0.0, 0.44, 0.87), "WARRIOR": (0.78, 0.61, 0.43),
    "DEATHKNIGHT": (0.77, 0.12, 0.23),
}
# Class icon cells in Interface\Glues\CharacterCreate\UI-CharacterCreate-Classes (4x4 grid).
_CLASS_CELLS = {"WARRIOR": (0, 0), "MAGE": (1, 0), "ROGUE": (2, 0), "DRUID": (3, 0),
                "HUNTER": (0, 1), "SHAMAN": (1, 1), "PRIEST": (2, 1), "WARLOCK": (3, 1),
                "PALADIN": (0, 2), "DEATHKNIGHT": (1, 2)}
_COMBATLOG = {
    "AFFILIATION_MINE": 0x1, "AFFILIATION_PARTY": 0x2, "AFFILIATION_RAID": 0x4,
    "AFFILIATION_OUTSIDER": 0x8, "AFFILIATION_MASK": 0xF, "REACTION_FRIENDLY": 0x10,
    "REACTION_NEUTRAL": 0x20, "REACTION_HOSTILE": 0x40, "REACTION_MASK": 0xF0,
    "CONTROL_PLAYER": 0x100, "CONTROL_NPC": 0x200, "CONTROL_MASK": 0x300,
    "TYPE_PLAYER": 0x400, "TYPE_NPC": 0x800, "TYPE_PET": 0x1000, "TYPE_GUARDIAN": 0x2000,
    "TYPE_OBJECT": 0x4000, "TYPE_MASK": 0xFC00, "TARGET": 0x10000, "FOCUS": 0x20000,
    "MAINTANK": 0x40000, "MAINASSIST": 0x80000, "NONE": 0x80000000,
    "SPECIAL_MASK": 0xFFFF0000,
    **{f"RAIDTARGET{i}": 0x100000 << (i - 1) for i in range(1, 9)},
}
_POWER_COLORS = {"MANA": (0.0, 0.0, 1.0), "RAGE": (1.0, 0.0, 0.0), "FOCUS": (1.0, 0.5, 0.25),
                 "ENERGY": (1.0, 1.0, 0.0), "HAPPINESS": (0.0, 1.0, 1.0),
                 "RUNES": (0.5, 0.5, 0.5), "RUNIC_POWER": (0.0, 0.82, 1.0)}
_QUALITY = ((0.62, 0.62, 0.62, "|cff9d9d9d"), (1.0, 1.0, 1.0, "|cffffffff"),
            (0.12, 1.0, 0.0, "|cff1eff00"), (0.0, 0.44, 0.87, "|cff0070dd"),
            (0.64, 0.21, 0.93, "|cffa335ee"), (1.0, 0.5, 0.0, "|cffff8000"),
            (0.9, 0.8, 0.5, "|cffe6cc80"), (0.9, 0.8, 0.5, "|cffe6cc80"))
_CHAT_TYPES = {"SYSTEM": (1.0, 1.0, 0.0), "SAY": (1.0, 1.0, 1.0), "PARTY": (0.67, 0.67, 1.0),
               "RAID": (1.0, 0.5, 0.0), "GUILD": (0.25, 1.0, 0.25), "OFFICER": (0.25, 0.75, 0.25),
               "YELL": (1.0, 0.25, 0.25), "WHISPER": (1.0, 0.5, 1.0),
               "WHISPER_INFORM": (1.0, 0.5, 1.0), "EMOTE": (1.0, 0.5, 0.25),
               "CHANNEL": (1.0, 0.75, 0.75), "RAID_WARNING": (1.0, 0.28, 0.0),
               "RAID_LEADER": (1.0, 0.28, 0.04), "PARTY_LEADER": (0.46, 0.78, 1.0),
               "BATTLEGROUND": (1.0, 0.5, 0.0), "MONSTER_SAY": (1.0, 1.0, 0.62),
               "LOOT": (0.0, 0.67, 0.0), "MONEY": (1.0, 1.0, 0.0), "AFK": (1.0, 0.5, 1.0),
               "DND": (1.0, 0.5, 1.0), "IGNORED": (1.0, 0.0, 0.0)}
_INVTYPES = {"HEAD": "Head", "NECK": "Neck", "SHOULDER": "Shoulder", "BODY": "Shirt",
             "CHEST": "Chest", "ROBE": "Chest", "WAIST": "Waist", "LEGS": "Legs",
             "FEET": "Feet", "WRIST": "Wrist", "HAND": "Hands", "FINGER": "Finger",
             "TRINKET": "Trinket", "CLOAK": "Back", "WEAPON": "One-Hand",
             "SHIELD": "Off Hand", "2HWEAPON": "Two-Hand", "WEAPONMAINHAND": "Main Hand",
             "WEAPONOFFHAND": "Off Hand", "HOLDABLE": "Held In Off-hand", "RANGED": "Ranged",
             "THROWN": "Thrown", "RANGEDRIGHT": "Ranged", "RELIC": "Relic",
             "TABARD": "Tabard", "BAG": "Bag", "QUIVER": "Quiver", "AMMO": "Ammo"}
_SCHOOLS = ("Physical", "Holy", "Fire", "Nature", "Frost", "Shadow", "Arcane")
_TEXTS = {
    "ACCEPT": "Accept", "CANCEL": "Cancel", "CLOSE": "Close", "OKAY": "Okay", "YES": "Yes",
    "NO": "No", "NONE": "None", "UNKNOWN": "Unknown", "UNKNOWNOBJECT": "Unknown",
    "UKNOWNBEING": "Unknown Being", "PARTY": "Party", "RAID": "Raid", "GUILD": "Guild",
    "SAY": "Say", "YELL": "Yell", "WHISPER": "Whisper", "PET": "Pet", "PETS": "Pets",
    "LEVEL": "Level", "RESET": "Reset", "DELETE": "Delete", "REMOVE": "Remove", "ALL": "All",
    "DEAD": "Dead", "PLAYER": "Player", "TARGET": "Target", "FOCUS": "Focus", "MANA": "Mana",
    "RAGE": "Rage", "ENERGY": "Energy", "RUNIC_POWER": "Runic Power", "DAMAGE": "Damage",
    "HEALS": "Heals", "MELEE": "Melee", "NEVER": "Never", "ALWAYS": "Always", "OFF": "Off",
    "SEARCH": "Search", "FILTERS": "Filters", "FACTION": "Faction", "CHANNELS": "Channels",
    "BACKGROUND": "Background", "PVP": "PvP", "YOU": "You", "FAILED": "Failed",
    "NEED": "Need", "GREED": "Greed", "PASS": "Pass", "KEYRING": "Keyring",
    "NOT_BOUND": "Not Bound", "OPTIONS_MENU": "Options", "GUILD_CHAT": "Guild Chat",
    "OFFICER_CHAT": "Officer Chat", "BATTLEGROUND": "Battleground",
    "RAID_WARNING": "Raid Warning", "READY_CHECK": "Ready Check", "FACTION_HORDE": "Horde",
    "FACTION_ALLIANCE": "Alliance", "PERCENT_SYMBOL": "%%", "DAYS": "Days", "HOURS": "Hours",
    "MINUTES": "Minutes", "SECONDS": "Seconds", "MINUTES_ABBR": "%d min",
    "SECONDS_ABBR": "%d sec", "HOURS_ABBR": "%d hr", "DAYS_ABBR": "%d day",
    "TIME_TWELVEHOURAM": "%d:%02d AM", "TIME_TWELVEHOURPM": "%d:%02d PM",
    "TIME_TWENTYFOURHOURS": "%02d:%02d", "GOLD_AMOUNT": "%d Gold",
    "SILVER_AMOUNT": "%d Silver", "COPPER_AMOUNT": "%d Copper",
    "GOLD_AMOUNT_TEXTURE": "%d|TInterface\\MoneyFrame\\UI-GoldIcon:%d:%d:2:0|t",
    "SILVER_AMOUNT_TEXTURE": "%d|TInterface\\MoneyFrame\\UI-SilverIcon:%d:%d:2:0|t",
    "COPPER_AMOUNT_TEXTURE": "%d|TInterface\\MoneyFrame\\UI-CopperIcon:%d:%d:2:0|t",
    "ITEM_BIND_ON_PICKUP": "Binds when picked up", "ITEM_BIND_ON_EQUIP": "Binds when equipped",
    "ITEM_BIND_ON_USE": "Binds when used", "ITEM_BIND_QUEST": "Quest Item",
    "ITEM_BIND_TO_ACCOUNT": "Binds to account", "ITEM_SOULBOUND": "Soulbound",
    "ITEM_LEVEL": "Item Level %d", "ITEM_SPELL_KNOWN": "Already known",
    "ITEM_UNIQUE": "Unique", "RETRIEVING_ITEM_INFO": "Retrieving item information",
    "ERR_INV_FULL": "Inventory is full.",
    "ERR_ITEM_MAX_COUNT": "You can't carry any more of those items.",
    "LOOT_ITEM_SELF": "You receive loot: %s.", "LOOT_ITEM_SELF_MULTIPLE":
    "You receive loot: %sx%d.", "LOOT_ITEM": "%s receives loot: %s.",
    "LOOT_ITEM_MULTIPLE": "%s receives loot: %sx%d.",
    "LOOT_ITEM_PUSHED_SELF": "You receive item: %s.",
    "LOOT_ITEM_PUSHED_SELF_MULTIPLE": "You receive item: %sx%d.",
    "LOOT_MONEY": "%s loots %s.", "YOU_LOOT_MONEY": "You loot %s",
    "LOOT_MONEY_SPLIT": "Your share of the loot is %s.",
    "RANDOM_ROLL_RESULT": "%s rolls %d (%d-%d)", "SPELL_PASSIVE": "Passive",
    "SPELL_REAGENTS": "Reagents: ", "CHAT_MSG_RAID": "Raid",
    "CHAT_MSG_RAID_WARNING": "Raid Warning", "CHAT_MSG_OFFICER": "Officer",
    "CHAT_MSG_AFK": "AFK", "CHAT_ANNOUNCE": "Announce", "REPAIR_COST": "Repair Cost:",
    "PLAYER_OFFLINE": "Offline", "ARENA_POINTS": "Arena Points",
    "HONOR_POINTS": "Honor Points", "SET_GUILDMOTD": "Set Guild Message of the Day",
    "SEND_MONEY_CONFIRMATION": "Send this amount of money to %s?",
    "CONTESTED_TERRITORY": "(Contested Territory)",
    "SANCTUARY_TERRITORY": "(Sanctuary)", "FACTION_CONTROLLED_TERRITORY": "(%s Territory)",
    "UI_SCALE": "UI Scale", "LEAVE_VEHICLE": "Leave Vehicle",
    "BACKPACK_TOOLTIP": "Backpack", "INVENTORY_TOOLTIP": "Inventory",
    "FOREIGN_SERVER_LABEL": " (*)", "GENERAL": "General", "COMBAT_LOG": "Combat Log",
    "CHAT_NAME_TEMPLATE": "Chat %d", "WHO_TAG_NAME": "n-", "GOLD_AMOUNT_SYMBOL": "g",
    "SILVER_AMOUNT_SYMBOL": "s", "COPPER_AMOUNT_SYMBOL": "c", "CHAT_SAY_SEND": "Say: ",
    "CHAT_YELL_SEND": "Yell: ", "CHAT_PARTY_SEND": "Party: ", "CHAT_RAID_SEND": "Raid: ",
    "CHAT_GUILD_SEND": "Guild: ", "CHAT_OFFICER_SEND": "Officer: ",
    "CHAT_RAID_WARNING_SEND": "Raid Warning: ", "CHAT_BATTLEGROUND_SEND": "Battleground: ",
    "CHAT_WHISPER_SEND": "Tell %s: ", "CHAT_EMOTE_SEND": "%s ",
    "DAY_ONELETTER_ABBR": "%d d", "HOUR_ONELETTER_ABBR": "%d h",
    "MINUTE_ONELETTER_ABBR": "%d m", "SECOND_ONELETTER_ABBR": "%d s",
    **{f"FACTION_STANDING_LABEL{i}": label for i, label in enumerate(
        ("Hated", "Hostile", "Unfriendly", "Neutral", "Friendly", "Honored", "Revered",
         "Exalted"), 1)},
    **{f"ITEM_QUALITY{i}_DESC": label for i, label in enumerate(
        ("Poor", "Common", "Uncommon", "Rare", "Epic", "Legendary", "Artifact", "Heirloom"))},
    **{f"INVTYPE_{key}": label for key, label in _INVTYPES.items()},
    **{f"SPELL_SCHOOL{i}_CAP": school for i, school in enumerate(_SCHOOLS)},
    **{f"SPELL_STAT{i}_NAME": stat for i, stat in enumerate(
        ("Strength", "Agility", "Stamina", "Intellect", "Spirit"), 1)},
    "STAT_FORMAT": "%s:", "ARMOR": "Armor", "DEFENSE": "Defense",
    **{f"SPELL_SCHOOL{i}_NAME": school.lower() for i, school in enumerate(_SCHOOLS)},
}
_NUMBERS = {
    "NUM_BAG_SLOTS": 4, "NUM_BAG_FRAMES": 4, "NUM_BANKBAGSLOTS": 7,
    "NUM_BANKGENERIC_SLOTS": 28, "BANK_CONTAINER": -1, "KEYRING_CONTAINER": -2,
    "BACKPACK_CONTAINER": 0, "MAX_CONTAINER_ITEMS": 36, "MAX_PARTY_MEMBERS": 4,
    "MAX_RAID_MEMBERS": 40, "MAX_PLAYER_LEVEL": 80,
    "NUM_PET_ACTION_SLOTS": 10, "COPPER_PER_SILVER": 100, "SILVER_PER_GOLD": 100,
    "COPPER_PER_GOLD": 10000, "MAX_GUILDBANK_TABS": 6, "MAX_SPELLS": 1024,
    "MAX_COMBO_POINTS": 5, "INVSLOT_FIRST_EQUIPPED": 1, "INVSLOT_LAST_EQUIPPED": 19,
    "VEHICLE_MAX_ACTIONBUTTONS": 6, "MAX_BATTLEFIELD_QUEUES": 2, "NUM_CHAT_WINDOWS": 10,
    "TOOLTIP_UPDATE_TIME": 0.2, "ATTACK_BUTTON_FLASH_TIME": 0.4, "CONTAINER_OFFSET_X": 0,
    "CONTAINER_OFFSET_Y": 70, "CONTAINER_WIDTH": 192, "CONTAINER_SPACING": 0,
    "VISIBLE_CONTAINER_SPACING": 3, "CONTAINER_SCALE": 0.75, "MAX_CLASSES": len(CLASSES),
    "NUM_ACTIONBAR_BUTTONS": 12, "NUM_ACTIONBAR_PAGES": 6, "NUM_MULTIBAR_BUTTONS": 12,
    "MAX_ACCOUNT_MACROS": 36, "MAX_CHARACTER_MACROS": 18, "NUM_COMPANIONS_PER_PAGE": 12,
    "MAX_ARENA_TEAMS": 3, "MAX_NUM_TALENTS": 40, "NUM_GLYPH_SLOTS": 6,
    "BOOKTYPE_SPELL": "spell", "BOOKTYPE_PET": "pet", "RANGE_INDICATOR": "\u25cf",
    "PVP_TEAMSIZE": "%sv%s", "SPELL_POWER_MANA": 0, "SPELL_POWER_RAGE": 1,
    "SPELL_POWER_FOCUS": 2, "SPELL_POWER_ENERGY": 3, "SPELL_POWER_HAPPINESS": 4,
    "SPELL_POWER_RUNES": 5, "SPELL_POWER_RUNIC_POWER": 6,
    **{f"SCHOOL_MASK_{name}": value for name, value in (
        ("NONE", 0), ("PHYSICAL", 1), ("HOLY", 2), ("FIRE", 4), ("NATURE", 8), ("FROST", 16),
        ("SHADOW", 32), ("ARCANE", 64))},
    **{f"COMBATLOG_OBJECT_{name}": value for name, value in _COMBATLOG.items()},
    "READY_CHECK_READY_TEXTURE": "Interface\\RaidFrame\\ReadyCheck-Ready",
    "READY_CHECK_NOT_READY_TEXTURE": "Interface\\RaidFrame\\ReadyCheck-NotReady",
    "READY_CHECK_WAITING_TEXTURE": "Interface\\RaidFrame\\ReadyCheck-Waiting",
    "READY_CHECK_AFK_TEXTURE": "Interface\\RaidFrame\\ReadyCheck-NotReady",
    "STANDARD_TEXT_FONT": "Fonts\\FRIZQT__.TTF", "UNIT_NAME_FONT": "Fonts\\FRIZQT__.TTF",
    "DAMAGE_TEXT_FONT": "Fonts\\FRIZQT__.TTF", "NAMEPLATE_FONT": "Fonts\\FRIZQT__.TTF",
}
_mine = _COMBATLOG["AFFILIATION_MINE"] | _COMBATLOG["REACTION_FRIENDLY"]
_NUMBERS["COMBATLOG_FILTER_ME"] = (_mine | _COMBATLOG["CONTROL_PLAYER"]
                                   | _COMBATLOG["TYPE_PLAYER"] | _COMBATLOG["TYPE_OBJECT"])
_NUMBERS["COMBATLOG_FILTER_MINE"] = (_mine | _COMBATLOG["CONTROL_PLAYER"]
                                     | _COMBATLOG["TYPE_PLAYER"] | _COMBATLOG["TYPE_OBJECT"]
                                     | _COMBATLOG["TYPE_PET"] | _COMBATLOG["TYPE_GUARDIAN"])
_NUMBERS["COMBATLOG_FILTER_MY_PET"] = (_mine | _COMBATLOG["CONTROL_PLAYER"]
                                       | _COMBATLOG["TYPE_GUARDIAN"]
                                       | _COMBATLOG["TYPE_PET"])
_CODES = {"NORMAL": "ffd200", "HIGHLIGHT": "ffffff", "RED": "ff2020", "GREEN": "20ff20",
          "GRAY": "808080", "YELLOW": "ffff00", "LIGHTYELLOW": "ffff9a", "ORANGE": "ff7f3f"}
_COLORS = {"NORMAL": (1.0, 0.82, 0.0), "HIGHLIGHT": (1.0, 1.0, 1.0),
           "RED": (1.0, 0.1, 0.1), "GREEN": (0.1, 1.0, 0.1), "GRAY": (0.5, 0.5, 0.5),
           "YELLOW": (1.0, 1.0, 0.0), "LIGHTYELLOW": (1.0, 1.0, 0.6),
           "ORANGE": (1.0, 0.5, 0.25), "PASSIVE_SPELL": (0.77, 0.64, 0.0)}


def _tables() -> dict[str, Any]:
    """Table values, built for each client (addons change them)."""
    cell = 0.25
    return {
        "RAID_CLASS_COLORS": {k: _rgb(*v) for k, v in _CLASS_COLORS.items()},
        "CLASS_ICON_TCOORDS": {k: [x * cell, (x + 1) * cell, y * cell, (y + 1) * cell]
                               for k, (x, y) in _CLASS_CELLS.items()},
        "CLASS_SORT_ORDER": ["WARRIOR", "DEATHKNIGHT", "PALADIN", "PRIEST", "SHAMAN",
                             "DRUID", "ROGUE", "MAGE", "WARLOCK", "HUNTER"],
        "LOCALIZED_CLASS_NAMES_MALE": {k: v[0] for k, v in CLASSES.items()},
        "LOCALIZED_CLASS_NAMES_FEMALE": {k: v[1] for k, v in CLASSES.items()},
        "PowerBarColor": {**{k: _rgb(*v) for k, v in _POWER_COLORS.items()},
                          **{i: _rgb(*v) for i, v in enumerate(_POWER_COLORS.values())}},
        "DebuffTypeColor": {"none": _rgb(0.8, 0.0, 0.0), "Magic": _rgb(0.2, 0.6, 1.0),
                            "Curse": _rgb(0.6, 0.0, 1.0), "Disease": _rgb(0.6, 0.4, 0.0),
                            "Poison": _rgb(0.0, 0.6, 0.0), "": _rgb(0.8, 0.0, 0.0)},
        "ITEM_QUALITY_COLORS": {i: {"r": r, "g": g, "b": b, "hex": code}
                                for i, (r, g, b, code) in enumerate(_QUALITY)},
        "FACTION_BAR_COLORS": {i: _rgb(*v) for i, v in enumerate(
            ((0.8, 0.3, 0.22), (0.8, 0.3, 0.22), (0.75, 0.27, 0.0), (0.9, 0.7, 0.0),
             (0.0, 0.6, 0.1), (0.0, 0.6, 0.1), (0.0, 0.6, 0.1), (0.0, 0.6, 0.1)), 1)},
        "ChatTypeInfo": {k: {**_rgb(*v), "sticky": 0} for k, v in _CHAT_TYPES.items()},
        "TOOLTIP_DEFAULT_COLOR": _rgb(1.0, 1.0, 1.0),
        "TOOLTIP_DEFAULT_BACKGROUND_COLOR": _rgb(0.09, 0.09, 0.19),
        "UIPanelWindows": {}, "UISpecialFrames": [],
        "UIMenus": [], "hash_SlashCmdList": {}, "MoneyTypeInfo": {},
        # The world map's state: transparency, locked, quest list size (FrameXML's start).
        "WORLDMAP_SETTINGS": {"opacity": 0, "locked": True, "selectedQuestId": 0,
                              "size": load_surface().framexml_values["WORLDMAP_QUESTLIST_SIZE"]},
        **{f"{name}_FONT_COLOR": _rgb(*rgb) for name, rgb in _COLORS.items()},
    }


@functools.cache
def _scalars() -> dict[str, Any]:
    values: dict[str, Any] = {**_TEXTS, **_NUMBERS}
    values.update({f"{name}_FONT_COLOR_CODE": f"|cff{code}" for name, code in _CODES.items()})
    values["FONT_COLOR_CODE_CLOSE"] = "|r"
    return values


@functools.cache
def _table_names() -> frozenset[str]:
    return frozenset(_tables())


def constant(name: str) -> tuple[bool, Any]:
    """``(True, value)`` when the built-in UI defines global ``name`` as a value (tables
    are new each call), else ``(False, None)``: the values stated here first, then the
    constants of FrameXML's Lua recorded in the API data (``MAX_PARTY_DEBUFFS``,
    ``NUM_CONTAINER_FRAMES``...), then a stand-in for the other texts of
    ``GlobalStrings.lua`` (:func:`text_stand_in`)."""
    scalars = _scalars()
    if name in scalars:
        return True, scalars[name]
    if name in _table_names():
        return True, _tables()[name]
    values = load_surface().framexml_values
    if name in values:
        return True, values[name]
    formats = load_surface().framexml_texts.get(name)
    if formats is not None:
        return True, text_stand_in(name, formats)
    return False, None


def text_stand_in(name: str, formats: str) -> str:
    """What a text of FrameXML's ``GlobalStrings.lua`` not stated here reads as: its name,
    then its format specifiers in order (``AUCTION_REMOVED_MAIL_SUBJECT %s``), so that
    ``format`` and the string functions work on it as on the client's text; the client's
    words are not copied."""
    return " ".join([name, *formats.split(",")]) if formats else name
