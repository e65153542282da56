"""The game world the headless client reports: the character, other units (target, focus,
party, raid), auras, spells, items and equipment, CVars, modifier keys, the cursor, the zone.

It extends the client's existing model (the ``/who`` roster, bags, money, clock): party and
raid members are characters of the roster, items in bags are the item cache ``GetItemInfo``
reads. Defaults are a plausible level-80 character in Dalaran; tests change them through
:class:`~wowapi_stubs.client.HeadlessClient` (``set_target``, ``set_party``, ``set_auras``...)
or directly here.
"""

from __future__ import annotations

import functools
import zlib
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from wowapi_stubs._cvars import CLIENT_CVARS
from wowapi_stubs.api.bank import Bank
from wowapi_stubs.api.container import Bags, Item
from wowapi_stubs.api.guildbank import GuildBank
from wowapi_stubs.api.who import Roster, WhoEntry
from wowapi_stubs.group_state import FriendLists, GroupState

if TYPE_CHECKING:
    from wowapi_stubs.api.gossip import Gossip
    from wowapi_stubs.api.questdialog import QuestDialog
    from wowapi_stubs.api.questlog import QuestLog
    from wowapi_stubs.api.tradeskill import TradeSkillWindow
    from wowapi_stubs.api.trainer import Trainer
    from wowapi_stubs.progress import Progress
    from wowapi_stubs.settings import ClientSettings

# Class file name -> (male name, female name, power type, base health at 80, base power).
CLASSES: dict[str, tuple[str, str, int, int, int]] = {
    "WARRIOR": ("Warrior", "Warrior", 1, 31000, 100),
    "PALADIN": ("Paladin", "Paladin", 0, 26000, 21000),
    "HUNTER": ("Hunter", "Hunter", 0, 22000, 17000),
    "ROGUE": ("Rogue", "Rogue", 3, 21000, 100),
    "PRIEST": ("Priest", "Priest", 0, 19000, 24000),
    "DEATHKNIGHT": ("Death Knight", "Death Knight", 6, 30000, 100),
    "SHAMAN": ("Shaman", "Shaman", 0, 22000, 22000),
    "MAGE": ("Mage", "Mage", 0, 18000, 25000),
    "WARLOCK": ("Warlock", "Warlock", 0, 20000, 23000),
    "DRUID": ("Druid", "Druid", 0, 22000, 22000),
}
# Race file name -> (name, faction).
RACES: dict[str, tuple[str, str]] = {
    "Human": ("Human", "Alliance"), "Dwarf": ("Dwarf", "Alliance"),
    "NightElf": ("Night Elf", "Alliance"), "Gnome": ("Gnome", "Alliance"),
    "Draenei": ("Draenei", "Alliance"), "Orc": ("Orc", "Horde"),
    "Scourge": ("Undead", "Horde"), "Tauren": ("Tauren", "Horde"),
    "Troll": ("Troll", "Horde"), "BloodElf": ("Blood Elf", "Horde"),
}
POWER_TOKENS = {0: "MANA", 1: "RAGE", 2: "FOCUS", 3: "ENERGY", 4: "HAPPINESS", 5: "RUNES",
                6: "RUNIC_POWER"}
MAX_SPELL_ID = 80864  # the highest spell id of build 12340's spell table
MAX_PARTY_MEMBERS = 4
MAX_RAID_MEMBERS = 40


def class_file(name: str) -> str:
    """``"Death Knight"`` or ``"DEATHKNIGHT"`` -> ``"DEATHKNIGHT"``."""
    token = name.upper().replace(" ", "")
    if token not in CLASSES:
        raise ValueError(f"unknown class {name!r} (one of {', '.join(CLASSES)})")
    return token


def race_file(name: str) -> str:
    """``"Night Elf"``, ``"NightElf"`` or ``"Undead"`` -> the race's file name."""
    squashed = name.replace(" ", "").lower()
    for key, (label, _) in RACES.items():
        if squashed in (key.lower(), label.replace(" ", "").lower()):
            return key
    raise ValueError(f"unknown race {name!r}")


def player_guid(name: str) -> str:
    """A stable player GUID (``0x0000000000XXXXXX``) for a character name."""
    return f"0x{zlib.crc32(name.lower().encode()) & 0xFFFFFF:016X}"


@dataclass
class Aura:
    """A buff or debuff on a unit (``UnitAura`` returns these fields in this order)."""

    name: str
    spell_id: int = 0
    icon: str = "Interface\\Icons\\INV_Misc_QuestionMark"
    count: int = 0
    debuff_type: str | None = None
    duration: float = 0.0
    expires: float = 0.0
    caster: str | None = "player"
    stealable: bool = False
    harmful: bool = False
    rank: str = ""


@dataclass
class Unit:
    """A unit the client can name: the player, a group member, a target."""

    name: str
    level: int = 80
    race: str = "Human"
    class_token: str = "WARRIOR"
    sex: int = 2  # 1 unknown, 2 male, 3 female
    is_player: bool = True
    guid: str = ""
    realm: str | None = None
    guild: str = ""
    zone: str = "Dalaran"
    health: int = -1
    health_max: int = -1
    power: int = -1
    power_max: int = -1
    power_type: int = -1
    dead: bool = False
    ghost: bool = False
    connected: bool = True
    afk: bool = False
    dnd: bool = False
    hostile: bool = False
    creature_type: str | None = None
    classification: str = "normal"
    auras: list[Aura] = field(default_factory=list)
    target: Unit | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self.class_token = class_file(self.class_token)
        self.race = race_file(self.race) if self.is_player else self.race
        _, _, power_type, health, power = CLASSES[self.class_token]
        if self.power_type < 0:
            self.power_type = power_type
        if self.health_max < 0:
            self.health_max = max(1, health * self.level // 80)
        if self.health < 0:
            self.health = self.health_max
        if self.power_max < 0:
            self.power_max = power if power_type else max(1, power * self.level // 80)
        if self.power < 0:
            self.power = self.power_max if self.power_type in (0, 3) else 0
        if not self.guid:
            self.guid = player_guid(self.name)

    @property
    def class_name(self) -> str:
        male, female, *_ = CLASSES[self.class_token]
        return female if self.sex == 3 else male

    @property
    def race_name(self) -> str:
        return RACES[self.race][0] if self.race in RACES else self.race

    @property
    def faction(self) -> str:
        return RACES[self.race][1] if self.race in RACES else "Neutral"

    @classmethod
    def from_who(cls, entry: WhoEntry) -> Unit:
        return cls(entry.name, entry.level, entry.race, entry.class_name, guild=entry.guild,
                   zone=entry.zone)

    def aura(self, index: int, filter_text: str) -> Aura | None:
        """The ``index``-th aura matching ``filter_text`` (``HELPFUL``/``HARMFUL``,
        ``PLAYER``...), 1-based."""
        words = set(filter_text.upper().replace("|", " ").split())
        harmful = "HARMFUL" in words
        matching = [a for a in self.auras if a.harmful == harmful
                    and ("PLAYER" not in words or a.caster in ("player", "pet", "vehicle"))]
        return matching[index - 1] if 1 <= index <= len(matching) else None

    def model_path(self) -> str:
        gender = "Female" if self.sex == 3 else "Male"
        return f"Character\\{self.race}\\{gender}\\{self.race}{gender}.m2"

    def tooltip_lines(self) -> list[tuple[str, tuple[float, float, float]]]:
        if self.is_player:
            detail = f"Level {self.level} {self.race_name} {self.class_name} (Player)"
        else:
            detail = f"Level {self.level}" + (f" {self.creature_type}"
                                               if self.creature_type else "")
        return [(self.name, (1.0, 1.0, 1.0)), (detail, (1.0, 1.0, 1.0))]


@dataclass
class Spell:
    """A spell of the client's spell table (``GetSpellInfo`` returns these fields)."""

    spell_id: int
    name: str
    rank: str = ""
    icon: str = "Interface\\Icons\\INV_Misc_QuestionMark"
    cost: int = 0
    power_type: int = 0
    cast_time: int = 0  # milliseconds
    min_range: float = 0.0
    max_range: float = 0.0
    funnel: bool = False
    passive: bool = False
    cooldown: float = 0.0

    @property
    def link(self) -> str:
        return f"|cff71d5ff|Hspell:{self.spell_id}|h[{self.name}]|h|r"

    def tooltip_lines(self) -> list[tuple[str, tuple[float, float, float]]]:
        lines = [(self.name, (1.0, 1.0, 1.0))]
        if self.rank:
            lines.append((self.rank, (0.5, 0.5, 0.5)))
        lines.append(("Instant cast" if self.cast_time == 0 else
                      f"{self.cast_time / 1000:g} sec cast", (1.0, 1.0, 1.0)))
        return lines


# A few real spells of build 12340 (id, name, rank, icon): the General tab and a level-80
# mage's book. Other ids answer as "Spell <id>" (see SpellTable).
_GENERAL = [
    (6603, "Attack", "", "Interface\\Icons\\INV_Sword_04"),
    (3365, "Opening", "", "Interface\\Icons\\Spell_Nature_Polymorph"),
    (20580, "Shadowmeld", "Racial", "Interface\\Icons\\Ability_Ambush"),
]
_CLASS_SPELLS = {
    "MAGE": [
        (42833, "Fireball", "Rank 16", "Interface\\Icons\\Spell_Fire_FlameBolt"),
        (42842, "Frostbolt", "Rank 16", "Interface\\Icons\\Spell_Frost_FrostBolt02"),
        (42995, "Arcane Intellect", "Rank 7", "Interface\\Icons\\Spell_Holy_MagicalSentry"),
        (1953, "Blink", "", "Interface\\Icons\\Spell_Arcane_Blink"),
        (118, "Polymorph", "", "Interface\\Icons\\Spell_Nature_Polymorph"),
        (2139, "Counterspell", "", "Interface\\Icons\\Spell_Frost_IceShock"),
        (45438, "Ice Block", "", "Interface\\Icons\\Spell_Frost_Frost"),
    ],
}


class SpellTable:
    """Spells by id. Known spells carry real names; any other id up to the table's highest
    answers with a stand-in name (``Spell 12345``), since every id an addon hard-codes exists
    in the real table. Tests add real ones with :meth:`add`."""

    def __init__(self) -> None:
        self._spells: dict[int, Spell] = {}

    def add(self, spell: Spell) -> Spell:
        self._spells[spell.spell_id] = spell
        return spell

    def get(self, spell_id: int) -> Spell | None:
        found = self._spells.get(spell_id)
        if found is None and 0 < spell_id <= MAX_SPELL_ID:
            found = Spell(spell_id, f"Spell {spell_id}")
        return found

    def by_name(self, name: str) -> Spell | None:
        lowered = name.lower()
        bare = lowered.split("(", 1)[0].strip()
        return next((s for s in self._spells.values() if s.name.lower() in (lowered, bare)),
                    None)


# Default CVars (name -> value) that addons commonly read.
DEFAULT_CVARS = {
    "uiScale": "1", "useUiScale": "0", "scriptErrors": "0", "taintLog": "0",
    "autoLootDefault": "0", "autoSelfCast": "1", "cameraDistanceMax": "15",
    "cameraDistanceMaxFactor": "1", "nameplateShowEnemies": "0", "nameplateShowFriends": "0",
    "showTargetOfTarget": "0", "lootUnderMouse": "0", "realmList": "logon.example",
    "gxResolution": "1920x1080", "gxWindow": "0", "gxMaximize": "0", "Sound_EnableSFX": "1",
    "Sound_EnableAllSound": "1", "Sound_MasterVolume": "1.0", "chatStyle": "im",
    "chatBubbles": "1", "consolidateBuffs": "0", "enableCombatText": "1",
    "showToastWindow": "1", "profanityFilter": "1", "mapQuestDifficulty": "1",
    "rotateMinimap": "0", "screenshotFormat": "jpeg", "locale": "enUS", "portal": "US",
    "UnitNameOwn": "0", "UnitNamePlayerGuild": "1", "ShowClassColorInNameplate": "0",
    "showLootSpam": "1", "M2Faster": "1", "maxfps": "0", "maxfpsbk": "8",
}


class CVars:
    """Console variables: registered names with their value and default."""

    def __init__(self, locale: str, realm: str = "") -> None:
        # realmName: the realm the character logged in to (Config.wtf keeps it).
        self.values = {**CLIENT_CVARS, **DEFAULT_CVARS, "locale": locale, "realmName": realm}
        self.defaults = dict(self.values)
        self._by_lower = {name.lower(): name for name in self.values}  # names in any case

    def get(self, name: str) -> str | None:
        key = self._key(name)
        return self.values.get(key) if key is not None else None

    def set(self, name: str, value: str) -> bool:
        key = self._key(name)
        if key is None:
            return False
        self.values[key] = value
        return True

    def register(self, name: str, default: str) -> bool:
        """Register ``name`` (any case) with its default; ``False`` when it exists."""
        if self._key(name) is not None:
            return False
        self.values[name] = default
        self.defaults[name] = default
        self._by_lower[name.lower()] = name
        return True

    def knows(self, name: str) -> bool:
        return self._key(name) is not None

    def _key(self, name: str) -> str | None:
        if name in self.values:
            return name
        return self._by_lower.get(name.lower())


@dataclass
class Zone:
    """Where the character is (``GetZoneText``, ``GetSubZoneText``, ``IsInInstance``...)."""

    name: str = "Dalaran"
    subzone: str = "Krasus' Landing"
    map_area_id: int = 504
    pvp_type: str = "sanctuary"
    instance_type: str = "none"  # none, party, raid, pvp, arena
    resting: bool = True
    x: float = 0.5
    y: float = 0.5
    home: str = "Dalaran"  # where the hearthstone is bound (GetBindLocation)


# Unit ids without a number: the World attribute holding the unit ("": none exists).
_SIMPLE_UNITS = {"player": "player", "target": "target", "focus": "focus",
                 "mouseover": "mouseover", "pet": "pet", "vehicle": "", "npc": "", "none": ""}
# Numbered unit ids: the World list holding them ("": the world has none).
_NUMBERED_UNITS = {"party": "party", "raid": "raid", "partypet": "", "raidpet": "",
                   "arena": "", "arenapet": "", "boss": ""}


class World:
    """The state API functions report; see the module docstring."""

    def __init__(self, settings: ClientSettings, roster: Roster, bags: Bags) -> None:
        self.roster = roster
        self.bags = bags
        self.items: dict[int, Item] = bags.items  # the item cache GetItemInfo reads
        self.player = Unit(settings.character_name, settings.character_level,
                           settings.character_race, settings.character_class,
                           sex=settings.character_sex, guild=settings.character_guild,
                           realm=settings.realm)
        self.target: Unit | None = None
        self.focus: Unit | None = None
        self.mouseover: Unit | None = None
        self.pet: Unit | None = None
        self.party: list[Unit] = []
        self.raid: list[Unit] = []
        self.leader: str | None = None
        self.group_state = GroupState()  # assistants, subgroups, loot, ready check, invites
        self.friend_lists = FriendLists()
        self._settings = settings
        self.equipment: dict[int, Item] = {}
        self.modifiers: set[str] = set()
        self.cursor: tuple[Any, ...] | None = None
        self.cursor_position = (960.0, 540.0)
        self.zone = Zone()
        self._characters: dict[str, Unit] = {}
        # NPC and profession windows, None while closed (api.questdialog, gossip...).
        self.quest_dialog: QuestDialog | None = None
        self.gossip: Gossip | None = None
        self.trade_skill: TradeSkillWindow | None = None
        self.trainer: Trainer | None = None

    # Console variables and the spell tables are made on first use (most clients read none).
    @functools.cached_property
    def cvars(self) -> CVars:
        return CVars(self._settings.locale, self._settings.realm)

    @functools.cached_property
    def progress(self) -> Progress:
        """Reputations, achievements, currencies, difficulties (:mod:`wowapi_stubs.progress`)."""
        from wowapi_stubs.progress import Progress

        return Progress(self.player.faction, self.player.race, self.player.level,
                        self._settings.start_time.date() - timedelta(days=30))

    @functools.cached_property
    def quest_log(self) -> QuestLog:
        """The character's quests (empty until a test or an NPC adds some)."""
        from wowapi_stubs.api.questlog import QuestLog

        return QuestLog()

    @functools.cached_property
    def spells(self) -> SpellTable:
        """Every spell the client knows by id (the spellbook's included)."""
        return self._spell_tables[0]

    @functools.cached_property
    def spellbook(self) -> list[tuple[str, list[Spell]]]:
        """The spellbook's tabs: (name, spells)."""
        return self._spell_tables[1]

    @functools.cached_property
    def _spell_tables(self) -> tuple[SpellTable, list[tuple[str, list[Spell]]]]:
        spells = SpellTable()
        general = [spells.add(Spell(i, n, r, t)) for i, n, r, t in _GENERAL]
        own = [spells.add(Spell(i, n, r, t))
               for i, n, r, t in _CLASS_SPELLS.get(self.player.class_token, [])]
        return spells, [("General", general), (self.player.class_name, own)]

    # -- units --------------------------------------------------------------------------------
    def group(self) -> list[Unit]:
        """Everyone in the player's party or raid (the player included)."""
        if self.raid:
            return self.raid
        return [self.player, *self.party] if self.party else [self.player]

    def unit(self, token: str) -> Unit | None:
        """The unit a unit id names (``player``, ``target``, ``party2``, ``raid10target``,
        a group member's name...), or ``None``."""
        base, chained = token.lower(), 0
        while base.endswith("target") and base != "target":
            base, chained = base[: -len("target")], chained + 1
        found = self._base_unit(base)
        for _ in range(chained):
            if found is None:
                break
            found = self.target if found is self.player else found.target
        return found

    def _base_unit(self, token: str) -> Unit | None:
        simple = _SIMPLE_UNITS.get(token)
        if simple is not None:
            return getattr(self, simple) if simple else None
        digits = token.lstrip("abcdefghijklmnopqrstuvwxyz")
        prefix = token[: len(token) - len(digits)]
        if digits.isdigit() and prefix in _NUMBERED_UNITS:
            members = getattr(self, _NUMBERED_UNITS[prefix]) if _NUMBERED_UNITS[prefix] else []
            index = int(digits)
            return members[index - 1] if 1 <= index <= len(members) else None
        return next((u for u in self.group() if u.name.lower() == token), None)

    def unit_token(self, unit: Unit) -> str | None:
        """A unit id for ``unit`` (``player``, ``partyN``, ``raidN``)."""
        if unit is self.player:
            return "player"
        for prefix, members in (("raid", self.raid), ("party", self.party)):
            if unit in members:
                return f"{prefix}{members.index(unit) + 1}"
        return None

    def character(self, name: str) -> Unit:
        """The unit of a character (one per name): from the roster, or a level-80
        stranger."""
        short = name.split("-", 1)[0]
        found = self._characters.get(short.lower())
        if found is None:
            entry = self.roster.find_online(short)
            found = Unit.from_who(entry) if entry else Unit(short)
            self._characters[short.lower()] = found
        return found

    # -- items and spells ---------------------------------------------------------------------
    def equipped_item(self, token: str, slot: int) -> Item | None:
        return self.equipment.get(slot) if self.unit(token) is self.player else None

    @functools.cached_property
    def bank(self) -> Bank:
        """The character's bank (closed, no bag slot bought)."""
        return Bank()

    @functools.cached_property
    def guild_bank(self) -> GuildBank:
        """The guild bank as the client knows it (never opened: nothing)."""
        return GuildBank()

    def spellbook_spell(self, index: int, book: str) -> Spell | None:
        if book.lower() not in ("spell", "pet"):
            return None
        if book.lower() == "pet":
            return None
        flat = [spell for _, spells in self.spellbook for spell in spells]
        return flat[index - 1] if 1 <= index <= len(flat) else None

    def known_spell(self, key: int | str) -> Spell | None:
        """A spell of the spellbook by id or name."""
        for _, spells in self.spellbook:
            for spell in spells:
                if spell.spell_id == key or (isinstance(key, str)
                                             and spell.name.lower() == key.lower()):
                    return spell
        return None


__all__ = ["Aura", "CVars", "Spell", "SpellTable", "Unit", "World", "Zone"]
