"""What the character has achieved: its reputations, achievements and statistics, the
currencies it holds, the instance difficulties it chose and the achievements it tracks.

:class:`~wowapi_stubs.world.World` makes one :class:`Progress` on first use (``world.progress``)
for its character. Defaults fit the level-80 character of the world: its faction's cities and
forces and the Northrend factions at the standings a character that levelled through
Northrend has (its own city exalted), the level achievements up to its level, two emblem
currencies, normal difficulties, nothing tracked. Tests change them here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

# The lowest reputation of each standing, 1 (Hated) to 8 (Exalted); Exalted ends at 43000.
STANDING_FLOORS = (-42000, -6000, -3000, 0, 3000, 9000, 21000, 42000)
REPUTATION_CAP = 42999
HONORED, FRIENDLY, HOSTILE = 6, 5, 2


def standing_of(value: int) -> int:
    """The standing (1 Hated .. 8 Exalted) of a reputation value."""
    return max(i for i, floor in enumerate(STANDING_FLOORS, 1) if value >= floor) \
        if value >= STANDING_FLOORS[0] else 1


def standing_bounds(standing: int) -> tuple[int, int]:
    """The lowest and the first value above a standing (the reputation bar's ends)."""
    top = STANDING_FLOORS[standing] if standing < len(STANDING_FLOORS) else 43000
    return STANDING_FLOORS[standing - 1], top


@dataclass
class Faction:
    """One row of the reputation list: a faction, or a header (a header may also carry
    reputation, as the Alliance Vanguard does)."""

    faction_id: int
    name: str
    description: str = ""
    value: int = 0
    header: bool = False
    has_rep: bool = True
    parent: int | None = None  # the faction id of the header it sits under
    at_war: bool = False
    can_toggle_war: bool = True
    collapsed: bool = False
    inactive: bool = False

    @property
    def standing(self) -> int:
        return standing_of(self.value) if self.has_rep else 4


INACTIVE_HEADER = Faction(0, "Inactive", header=True, has_rep=False, can_toggle_war=False)

# Each faction group's home cities (by the race living there) and its battleground forces.
_CITIES = {
    "Alliance": ((469, "Alliance"), [(69, "Darnassus", "NightElf"), (930, "Exodar", "Draenei"),
                                     (54, "Gnomeregan Exiles", "Gnome"),
                                     (47, "Ironforge", "Dwarf"), (72, "Stormwind", "Human")],
                 (891, "Alliance Forces"), [(509, "League of Arathor", 3500),
                                            (890, "Silverwing Sentinels", 1200),
                                            (730, "Stormpike Guard", 0)],
                 (1037, "Alliance Vanguard", 12500),
                 [(1068, "Explorers' League", 10200), (1126, "The Frostborn", 4500),
                  (1094, "The Silver Covenant", 5000), (1050, "Valiance Expedition", 14000)]),
    "Horde": ((67, "Horde"), [(530, "Darkspear Trolls", "Troll"), (76, "Orgrimmar", "Orc"),
                              (911, "Silvermoon City", "BloodElf"),
                              (81, "Thunder Bluff", "Tauren"), (68, "Undercity", "Scourge")],
              (892, "Horde Forces"), [(729, "Frostwolf Clan", 0), (510, "The Defilers", 3500),
                                      (889, "Warsong Outriders", 1200)],
              (1052, "Horde Expedition", 12500),
              [(1067, "The Hand of Vengeance", 10200), (1124, "The Sunreavers", 5000),
               (1064, "The Taunka", 4500), (1085, "Warsong Offensive", 14000)]),
}
# Northrend's neutral factions: (id, name, reputation), and Sholazar Basin's rivals.
_NORTHREND = [(1106, "Argent Crusade", 25000), (1090, "Kirin Tor", 16000),
              (1098, "Knights of the Ebon Blade", 11000)]
_NORTHREND_AFTER = [(1156, "The Ashen Verdict", 0), (1073, "The Kalu'ak", 4200),
                    (1119, "The Sons of Hodir", 1500), (1091, "The Wyrmrest Accord", 7000)]
_SHOLAZAR = [(1104, "Frenzyheart Tribe", -42000), (1105, "The Oracles", 6000)]
WRATH_HEADER, SHOLAZAR_HEADER = 1097, 1117
HOME_CITY_VALUE, OTHER_CITY_VALUE = REPUTATION_CAP, 15500


def default_factions(faction_group: str, race: str) -> list[Faction]:
    """The reputation list of a level-80 character of ``faction_group`` and ``race``, in the
    order the client lists it (headers before what they hold)."""
    group = faction_group if faction_group in _CITIES else "Alliance"
    (head_id, head), cities, (forces_id, forces), battle, (front_id, front, front_value), \
        front_members = _CITIES[group]

    def member(faction_id: int, name: str, value: int, parent: int, own: bool) -> Faction:
        forced_war = standing_of(value) <= HOSTILE
        return Faction(faction_id, name, f"{name} of {f'the {group}' if own else 'Northrend'}.",
                       value, parent=parent, at_war=forced_war,
                       can_toggle_war=not own and not forced_war)

    rows = [Faction(head_id, head, header=True, has_rep=False, can_toggle_war=False)]
    rows += [member(i, n, HOME_CITY_VALUE if home == race else OTHER_CITY_VALUE, head_id, True)
             for i, n, home in cities]
    rows.append(Faction(forces_id, forces, header=True, has_rep=False, parent=head_id,
                        can_toggle_war=False))
    rows += [member(i, n, v, forces_id, True) for i, n, v in battle]
    rows.append(Faction(WRATH_HEADER, "Wrath of the Lich King", header=True, has_rep=False,
                        can_toggle_war=False))
    rows.append(Faction(front_id, front, f"{group} forces in Northrend.", front_value,
                        header=True, parent=WRATH_HEADER, can_toggle_war=False))
    rows += [member(i, n, v, front_id, True) for i, n, v in front_members]
    rows += [member(i, n, v, WRATH_HEADER, False) for i, n, v in _NORTHREND]
    rows.append(Faction(SHOLAZAR_HEADER, "Sholazar Basin", header=True, has_rep=False,
                        parent=WRATH_HEADER, can_toggle_war=False))
    rows += [member(i, n, v, SHOLAZAR_HEADER, False) for i, n, v in _SHOLAZAR]
    rows += [member(i, n, v, WRATH_HEADER, False) for i, n, v in _NORTHREND_AFTER]
    return rows


class Reputation:
    """The reputation list as the client shows it: headers collapse, factions move to the
    Inactive header and back, one faction is watched and one selected (rows are 1-based
    positions in the visible list)."""

    def __init__(self, factions: list[Faction]) -> None:
        self.factions = factions
        self.inactive_header = Faction(**vars(INACTIVE_HEADER))
        self.watched: int | None = None  # faction id
        self.selected = 0

    def by_id(self, faction_id: int) -> Faction | None:
        return next((f for f in self.factions if f.faction_id == faction_id), None)

    def by_name(self, name: str) -> Faction | None:
        return next((f for f in self.factions if f.name.lower() == name.lower()), None)

    def depth(self, faction: Faction) -> int:
        depth, parent = 0, faction.parent
        while parent is not None:
            depth += 1
            above = self.by_id(parent)
            parent = above.parent if above else None
        return depth

    def is_child(self, faction: Faction) -> bool:
        """Under a sub-header (a faction), or a sub-header itself."""
        if faction.inactive:
            return False
        return self.depth(faction) >= (1 if faction.header else 2)

    def rows(self) -> list[Faction]:
        """The visible rows: collapsed headers hide what they hold; inactive factions are
        listed last, under the Inactive header."""
        shown: list[Faction] = []
        hidden_under: set[int] = set()
        for faction in self.factions:
            if faction.inactive:
                continue
            if faction.parent is not None and faction.parent in hidden_under:
                if faction.header:
                    hidden_under.add(faction.faction_id)
                continue
            shown.append(faction)
            if faction.header and faction.collapsed:
                hidden_under.add(faction.faction_id)
        resting = [f for f in self.factions if f.inactive]
        if resting:
            shown.append(self.inactive_header)
            if not self.inactive_header.collapsed:
                shown += resting
        return shown

    def row(self, index: int) -> Faction | None:
        rows = self.rows()
        return rows[index - 1] if 1 <= index <= len(rows) else None


@dataclass
class Achievement:
    """An achievement or a statistic (``statistic``) of the client's table."""

    achievement_id: int
    name: str
    category: int
    points: int = 10
    description: str = ""
    icon: str = "Interface\\Icons\\INV_Misc_QuestionMark"
    flags: int = 0
    reward: str = ""
    previous: int | None = None
    criteria: list[Criterion] = field(default_factory=list)
    statistic: bool = False


@dataclass
class Criterion:
    """A criterion of an achievement (``GetAchievementCriteriaInfo``)."""

    criteria_id: int
    text: str
    kind: int = 0
    required: int = 1
    flags: int = 0
    asset: int = 0


ACHIEVEMENT_FLAG_STATISTIC = 1
ACHIEVEMENT_FLAG_PROGRESS_BAR = 0x80  # one counted criterion, shown as a bar
CRITERIA_FLAG_PROGRESS_BAR = 1

# Categories: id -> (name, parent id; -1 for a top category), in the client's order.
ACHIEVEMENT_CATEGORIES = {
    92: ("General", -1), 96: ("Quests", -1), 97: ("Exploration", -1),
    95: ("Player vs. Player", -1), 168: ("Dungeons & Raids", -1), 169: ("Professions", -1),
    201: ("Reputation", -1), 155: ("World Events", -1), 81: ("Feats of Strength", -1),
}
STATISTIC_CATEGORIES = {130: ("Character", -1), 140: ("Wealth", 130), 122: ("Deaths", -1)}


def _level_achievements() -> list[Achievement]:
    chain = []
    for level, achievement_id in zip(range(10, 90, 10), range(6, 14), strict=True):
        chain.append(Achievement(
            achievement_id, f"Level {level}", 92, 10, f"Reach level {level}.",
            f"Interface\\Icons\\Achievement_Level_{level}",
            previous=achievement_id - 1 if achievement_id > 6 else None))
    return chain


def _quest_achievements() -> list[Achievement]:
    chain, previous = [], None
    for achievement_id, count in ((503, 50), (504, 100), (505, 250), (506, 500), (507, 1000)):
        chain.append(Achievement(
            achievement_id, f"{count} Quests Completed", 96, 10, f"Complete {count} quests.",
            "Interface\\Icons\\Achievement_Quests_Completed_0"
            f"{min(achievement_id - 502, 8)}", flags=ACHIEVEMENT_FLAG_PROGRESS_BAR,
            previous=previous,
            criteria=[Criterion(achievement_id * 10, f"Complete {count} quests", 27, count,
                                CRITERIA_FLAG_PROGRESS_BAR)]))
        previous = achievement_id
    return chain


def default_achievements() -> dict[int, Achievement]:
    """A few achievements and statistics of the client's table (ids as in 3.3.5a)."""
    table = [*_level_achievements(), *_quest_achievements()]
    explore = [("Explore Eastern Kingdoms", 42), ("Explore Kalimdor", 43),
               ("Explore Outland", 44), ("Explore Northrend", 45)]
    table += [Achievement(i, n, 97, 25, f"{n.replace('Explore', 'Explore the regions of')}.",
                          "Interface\\Icons\\Achievement_Zone_"
                          f"{n.removeprefix('Explore ').replace(' ', '')}_01")
              for n, i in explore]
    table.append(Achievement(46, "World Explorer", 97, 50, "Explore every continent.",
                             "Interface\\Icons\\INV_Misc_Map02",
                             reward="Reward: Tabard of the Explorer",
                             criteria=[Criterion(4600 + i, n, 8, 1, 0, i) for n, i in explore]))
    table.append(Achievement(522, "Somebody Likes Me", 201, 10,
                             "Raise a reputation to Exalted.",
                             "Interface\\Icons\\Achievement_Reputation_01"))
    table.append(Achievement(523, "5 Exalted Reputations", 201, 10,
                             "Raise 5 reputations to Exalted.",
                             "Interface\\Icons\\Achievement_Reputation_02",
                             flags=ACHIEVEMENT_FLAG_PROGRESS_BAR, previous=522,
                             criteria=[Criterion(5230, "Exalted reputations", 47, 5,
                                                 CRITERIA_FLAG_PROGRESS_BAR)]))
    for stat_id, name, category in ((60, "Total deaths", 122),
                                    (328, "Total gold acquired", 140),
                                    (333, "Gold looted", 140),
                                    (334, "Most gold ever owned", 140)):
        table.append(Achievement(stat_id, name, category, 0, flags=ACHIEVEMENT_FLAG_STATISTIC,
                                 statistic=True))
    return {a.achievement_id: a for a in table}


MAX_TRACKED_ACHIEVEMENTS = 10


class Achievements:
    """The achievement table, what the character completed (id -> date) and tracks, and the
    criteria progress of what it has not completed yet."""

    def __init__(self, level: int, completed_on: date) -> None:
        self.table = default_achievements()
        self.completed: dict[int, date] = {}
        self.progress: dict[int, int] = {}  # criteria id -> quantity
        for achievement_id in range(6, 6 + min(level, 89) // 10):
            self.completed[achievement_id] = completed_on
        for achievement_id in (503, 504, 505):
            self.completed[achievement_id] = completed_on
        self.progress[5060] = 312
        self.progress[5070] = 312
        self.completed[522] = completed_on
        self.progress[5230] = 1
        self.tracked: list[int] = []
        self.statistics: dict[int, str] = {60: "0"}

    def get(self, achievement_id: int) -> Achievement | None:
        return self.table.get(achievement_id)

    def in_category(self, category: int) -> list[Achievement]:
        return [a for a in self.table.values() if a.category == category]

    def next_of(self, achievement_id: int) -> Achievement | None:
        return next((a for a in self.table.values() if a.previous == achievement_id), None)

    def quantity(self, achievement: Achievement, criterion: Criterion) -> int:
        if achievement.achievement_id in self.completed:
            return criterion.required
        return min(self.progress.get(criterion.criteria_id, 0), criterion.required)


@dataclass
class Currency:
    """A currency of the currency list: a token item the character holds."""

    item_id: int
    name: str
    count: int
    icon: str
    category: str
    extra_type: int = 0  # 1 arena points, 2 honor points
    watched: bool = False
    unused: bool = False


class Currencies:
    """The currency list: categories (headers, expanded or not) holding the currencies the
    character has earned."""

    def __init__(self) -> None:
        self.items: list[Currency] = [
            Currency(47241, "Emblem of Triumph", 23, "Interface\\Icons\\spell_holy_summonchampion",
                     "Dungeon and Raid"),
            Currency(49426, "Emblem of Frost", 8, "Interface\\Icons\\inv_misc_frostemblem_01",
                     "Dungeon and Raid"),
        ]
        self.collapsed: set[str] = set()

    def rows(self) -> list[str | Currency]:
        """Headers (their names) and currencies, as listed."""
        rows: list[str | Currency] = []
        for category in dict.fromkeys(c.category for c in self.items if not c.unused):
            rows.append(category)
            if category not in self.collapsed:
                rows += [c for c in self.items if c.category == category and not c.unused]
        unused = [c for c in self.items if c.unused]
        if unused:
            rows.append("Unused")
            if "Unused" not in self.collapsed:
                rows += unused
        return rows


@dataclass
class SavedInstance:
    """An instance lock (``GetSavedInstanceInfo``)."""

    name: str
    instance_id: int
    reset_seconds: int
    difficulty: int
    is_raid: bool
    max_players: int
    locked: bool = True
    extended: bool = False


class Progress:
    """The character's progress (see the module docstring)."""

    def __init__(self, faction_group: str, race: str, level: int, today: date) -> None:
        self.reputation = Reputation(default_factions(faction_group, race))
        self.achievements = Achievements(level, today)
        self.currencies = Currencies()
        self.dungeon_difficulty = 1
        self.raid_difficulty = 1
        self.saved_instances: list[SavedInstance] = []


__all__ = ["Achievement", "Achievements", "Criterion", "Currencies", "Currency", "Faction",
           "Progress", "Reputation", "SavedInstance"]
