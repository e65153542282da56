"""The skill list, as its FrameXML panel queries it (the quest log is ``questlog``).

The character's skill list is what a level-80 character of its class has without
professions: the class's three skill lines, defense and unarmed with the class's weapons, its
armor, and its faction's language, each under its header, all at their maximum. Line 0 (nothing
selected) answers an empty line with zero ranks, which the skill panel reads at load.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wowapi_stubs.api.spells import TALENT_TABS
from wowapi_stubs.widgets.base import lua_int

if TYPE_CHECKING:
    from wowapi_stubs.host import Host


# Weapons and armor each class trains by level 80 (skill lines shown by the skill panel).
CLASS_WEAPONS = {
    "WARRIOR": ("Swords", "Axes", "Maces", "Two-Handed Swords", "Polearms", "Bows"),
    "PALADIN": ("Swords", "Maces", "Two-Handed Swords", "Polearms"),
    "HUNTER": ("Bows", "Guns", "Axes", "Polearms", "Staves"),
    "ROGUE": ("Daggers", "Swords", "Fist Weapons", "Thrown"),
    "PRIEST": ("Staves", "Maces", "Daggers", "Wands"),
    "DEATHKNIGHT": ("Swords", "Axes", "Two-Handed Swords", "Polearms"),
    "SHAMAN": ("Maces", "Staves", "Axes", "Fist Weapons"),
    "MAGE": ("Staves", "Swords", "Daggers", "Wands"),
    "WARLOCK": ("Staves", "Swords", "Daggers", "Wands"),
    "DRUID": ("Staves", "Maces", "Daggers", "Polearms"),
}
CLASS_ARMOR = {"WARRIOR": ("Cloth", "Leather", "Mail", "Plate Mail", "Shield"),
               "PALADIN": ("Cloth", "Leather", "Mail", "Plate Mail", "Shield"),
               "DEATHKNIGHT": ("Cloth", "Leather", "Mail", "Plate Mail"),
               "HUNTER": ("Cloth", "Leather", "Mail"), "SHAMAN": ("Cloth", "Leather", "Mail",
                                                               "Shield"),
               "ROGUE": ("Cloth", "Leather"), "DRUID": ("Cloth", "Leather")}
LANGUAGE = {"Alliance": "Language: Common", "Horde": "Language: Orcish"}
NO_SKILL_LINE = (None, None, None, 0, 0, 0, 0, None, 0, 0, 0, 0, None)


def skill_lines(token: str, level: int, faction: str) -> list[tuple[Any, ...]]:
    """``GetSkillLineInfo`` rows of a character (headers first in their group)."""
    top = level * 5

    def line(name: str, rank: int, maximum: int) -> tuple[Any, ...]:
        return (name, None, None, rank, 0, 0, maximum, None, 0, 0, 0, 0, None)

    def header(name: str) -> tuple[Any, ...]:
        return (name, 1, 1, 0, 0, 0, 0, None, 0, 0, 0, 0, None)

    return [header("Class Skills"), *(line(n, 1, 1) for n in TALENT_TABS.get(token, ())),
            header("Weapon Skills"), line("Defense", top, top), line("Unarmed", top, top),
            *(line(n, top, top) for n in CLASS_WEAPONS.get(token, ())),
            header("Armor Proficiencies"),
            *(line(n, 1, 1) for n in CLASS_ARMOR.get(token, ("Cloth",))),
            header("Languages"), line(LANGUAGE.get(faction, "Language: Common"), 300, 300)]


def install(client: Host) -> dict[str, Callable[..., Any]]:
    state = {"skill": 0}

    def SetSelectedSkill(index: Any = None) -> None:
        state["skill"] = lua_int(index) if index is not None else 0

    def lines() -> list[tuple[Any, ...]]:
        player = client.world.player
        return skill_lines(player.class_token, player.level, player.faction)

    def GetSkillLineInfo(index: Any = None) -> tuple[Any, ...]:
        number = lua_int(index) if index is not None else 0
        found = lines()
        return found[number - 1] if 1 <= number <= len(found) else NO_SKILL_LINE

    return {
        "GetNumSkillLines": lambda: len(lines()),
        "GetSkillLineInfo": GetSkillLineInfo,
        "GetSelectedSkill": lambda: state["skill"],
        "SetSelectedSkill": SetSelectedSkill,
        "GetAdjustedSkillPoints": lambda: 0,
    }
