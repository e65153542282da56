"""The character sheet (FrameXML's paper doll): stats, attack, defense, resistances, titles
and equipment sets, as the client reports them for a unit of the world model.

The world model holds no gear, talents or buffs that change stats: every unit is a character
of its class and level without gear. Base stats are a human's of that class (other races
differ by a few points), scaled by level; derived values follow the 3.3.5a formulas at their
simplest (no rating, no bonus, no penetration). The character knows no title and has saved
no equipment set (:mod:`wowapi_stubs.api.equipment_sets`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wowapi_stubs.api.unit import unit_argument
from wowapi_stubs.errors import WowApiError
from wowapi_stubs.widgets.base import flag_result, lua_int, lua_number

if TYPE_CHECKING:
    from wowapi_stubs.host import Host
    from wowapi_stubs.world import Unit

# Strength, agility, stamina, intellect and spirit of a level-80 character of each class
# without gear.
BASE_STATS = {
    "WARRIOR": (174, 113, 159, 36, 58), "PALADIN": (151, 92, 141, 98, 104),
    "HUNTER": (74, 181, 128, 90, 97), "ROGUE": (113, 189, 105, 43, 67),
    "PRIEST": (43, 53, 60, 174, 181), "DEATHKNIGHT": (174, 113, 159, 36, 58),
    "SHAMAN": (121, 70, 135, 128, 144), "MAGE": (34, 41, 50, 179, 171),
    "WARLOCK": (62, 69, 87, 159, 166), "DRUID": (94, 84, 103, 145, 152),
}
STRENGTH, AGILITY, STAMINA, INTELLECT, SPIRIT = range(1, 6)
# Attack power per point of strength and of agility, by class.
_AP_PER_STRENGTH = {"WARRIOR": 2, "PALADIN": 2, "DEATHKNIGHT": 2, "SHAMAN": 2, "DRUID": 2}
_AP_PER_AGILITY = {"HUNTER": 1, "ROGUE": 1, "SHAMAN": 1}
_PARRY_CLASSES = frozenset({"WARRIOR", "PALADIN", "DEATHKNIGHT", "ROGUE", "HUNTER"})
_SHIELD_CLASSES = frozenset({"WARRIOR", "PALADIN", "SHAMAN"})
_RELIC_CLASSES = frozenset({"PALADIN", "SHAMAN", "DRUID", "DEATHKNIGHT"})
_AGILITY_PER_CRIT = 83.33  # agility for 1% melee crit at level 80
_INTELLECT_PER_CRIT = 166.67  # intellect for 1% spell crit at level 80
_BASE_CRIT = 5.0
_BASE_AVOIDANCE = 5.0
_UNARMED_SPEED = 2.0


def stat(unit: Unit, index: int) -> int:
    """Stat ``index`` (1 strength .. 5 spirit) of ``unit``."""
    stats = BASE_STATS.get(unit.class_token, BASE_STATS["WARRIOR"])
    return max(1, round(stats[index - 1] * unit.level / 80))


def attack_power_for(token: str, index: int, amount: float) -> int:
    """Attack power a character of class ``token`` gets from ``amount`` of stat ``index``."""
    if index == STRENGTH:
        per = _AP_PER_STRENGTH.get(token, 1)
    elif index == AGILITY:
        per = _AP_PER_AGILITY.get(token, 0)
    else:
        per = 0
    return int(max(amount, 0) * per)


def install(client: Host) -> dict[str, Callable[..., Any]]:
    world = client.world

    def unit_of(value: Any, usage: str) -> Unit | None:
        return unit_argument(world, value, usage)

    def player() -> Unit:
        return world.player

    def attack_power(unit: Unit) -> int:
        return (attack_power_for(unit.class_token, STRENGTH, stat(unit, STRENGTH))
                + attack_power_for(unit.class_token, AGILITY, stat(unit, AGILITY)))

    def melee_crit(unit: Unit) -> float:
        return round(_BASE_CRIT + stat(unit, AGILITY) / _AGILITY_PER_CRIT, 2)

    def UnitStat(unit: Any = None, index: Any = None) -> tuple[int, int, int, int]:
        """Base, effective, positive and negative buff of stat ``index``."""
        found = unit_of(unit, "UnitStat")
        number = lua_int(index, what="index") if index is not None else 0
        if found is None or not STRENGTH <= number <= SPIRIT:
            return 0, 0, 0, 0
        value = stat(found, number)
        return value, value, 0, 0

    def GetAttackPowerForStat(index: Any = None, amount: Any = None) -> int:
        if index is None or amount is None:
            raise WowApiError("Usage: GetAttackPowerForStat(statIndex, amount)")
        return attack_power_for(player().class_token, lua_int(index),
                                lua_number(amount))

    def per_unit(usage: str, read: Callable[[Unit], Any], missing: Any) -> Callable[..., Any]:
        def api(unit: Any = None, *_: Any) -> Any:
            found = unit_of(unit, usage)
            return missing if found is None else read(found)

        return api

    def armor(unit: Unit) -> tuple[int, ...]:
        value = 2 * stat(unit, AGILITY)
        return value, value, value, 0, 0

    def damage(unit: Unit) -> tuple[float, ...]:
        per_second = attack_power(unit) / 14
        low = max(1.0, round(per_second * _UNARMED_SPEED, 2))
        return low, round(low * 1.5, 2), 0, 0, 0, 0, 1

    def spell_crit(*_: Any) -> float:
        return round(_BASE_CRIT / 5 + stat(player(), INTELLECT) / _INTELLECT_PER_CRIT, 2)

    def avoidance(classes: frozenset[str] | None) -> Callable[[], float]:
        return lambda: (_BASE_AVOIDANCE if classes is None or player().class_token in classes
                        else 0.0)

    def skill(unit: Unit) -> tuple[int, int]:
        return unit.level * 5, 0

    zero = lambda *args: 0  # noqa: E731
    nothing = lambda *args: None  # noqa: E731

    return {
        "UnitStat": UnitStat,
        "GetAttackPowerForStat": GetAttackPowerForStat,
        "UnitArmor": per_unit("UnitArmor", armor, (0, 0, 0, 0, 0)),
        "UnitAttackPower": per_unit("UnitAttackPower", lambda u: (attack_power(u), 0, 0),
                                    (0, 0, 0)),
        "UnitRangedAttackPower": per_unit(
            "UnitRangedAttackPower",
            lambda u: (attack_power_for(u.class_token, AGILITY, stat(u, AGILITY)), 0, 0),
            (0, 0, 0)),
        "UnitAttackSpeed": per_unit("UnitAttackSpeed", lambda u: (_UNARMED_SPEED, None),
                                    ()),
        "UnitDamage": per_unit("UnitDamage", damage, ()),
        # speed, min, max, positive, negative, percent: no ranged weapon
        "UnitRangedDamage": per_unit("UnitRangedDamage", lambda u: (0, 0, 0, 0, 0, 1), ()),
        "UnitRangedAttack": per_unit("UnitRangedAttack", skill, (0, 0)),
        "UnitAttackBothHands": per_unit("UnitAttackBothHands", lambda u: (*skill(u), *skill(u)),
                                        (0, 0, 0, 0)),
        "UnitDefense": per_unit("UnitDefense", skill, (0, 0)),
        "UnitResistance": per_unit("UnitResistance", lambda u: (0, 0, 0, 0), (0, 0, 0, 0)),
        "UnitHasRelicSlot": per_unit("UnitHasRelicSlot",
                                     lambda u: flag_result(u.class_token in _RELIC_CLASSES),
                                     None),
        "GetUnitMaxHealthModifier": per_unit("GetUnitMaxHealthModifier", lambda u: 1, 1),
        "GetUnitHealthRegenRateFromSpirit": per_unit(
            "GetUnitHealthRegenRateFromSpirit", lambda u: 0, 0),
        "GetUnitManaRegenRateFromSpirit": per_unit(
            "GetUnitManaRegenRateFromSpirit", lambda u: 0, 0),
        "GetCritChanceFromAgility": lambda unit=b"player", *_: melee_crit(
            unit_of(unit, "GetCritChanceFromAgility") or player()) - _BASE_CRIT,
        "GetSpellCritChanceFromIntellect": lambda *args: spell_crit() - _BASE_CRIT / 5,
        "GetCritChance": lambda: melee_crit(player()),
        "GetRangedCritChance": lambda: melee_crit(player()),
        "GetSpellCritChance": spell_crit,
        "GetDodgeChance": avoidance(None),
        "GetParryChance": avoidance(_PARRY_CLASSES),
        "GetBlockChance": avoidance(_SHIELD_CLASSES),
        "GetShieldBlock": zero,
        "GetCombatRating": zero,
        "GetCombatRatingBonus": zero,
        "GetMaxCombatRatingBonus": zero,
        "GetArmorPenetration": zero,
        "GetExpertise": lambda: (0, 0),
        "GetExpertisePercent": lambda: (0, 0),
        "GetManaRegen": lambda: (0, 0),
        "GetSpellBonusDamage": zero,
        "GetSpellBonusHealing": zero,
        "GetSpellPenetration": zero,
        "HasWandEquipped": nothing,
        "GetNumTitles": zero,
        "GetCurrentTitle": zero,
        "IsTitleKnown": zero,
    }
