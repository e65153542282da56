"""Combat state the client reports: combat-log unit flags (``CombatLog_Object_IsA``),
control of the character, temporary weapon enchants, buff cancelling.

The character is in full control, has no temporary weapon enchant and the combat log flags
follow the ``COMBATLOG_OBJECT_*`` masks of the 3.3.5a client.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wowapi_stubs.errors import WowApiError
from wowapi_stubs.widgets.base import as_int, flag_result, lua_int, lua_text

if TYPE_CHECKING:
    from wowapi_stubs.host import Host

# The four groups of a combat-log unit flag word, and the special bits (target, focus,
# main tank/assist, raid target icons) that are matched on their own.
FLAG_GROUPS = (0x0000000F, 0x000000F0, 0x00000300, 0x0000FC00)
SPECIAL_MASK = 0xFFFF0000


def flags_match(flags: int, mask: int) -> bool:
    """``CombatLog_Object_IsA(flags, mask)``: with special bits in the mask, any of them
    set in the flags; otherwise every group of the mask (affiliation, reaction, control,
    type) shares a bit with the flags."""
    flags &= 0xFFFFFFFF
    mask &= 0xFFFFFFFF
    if mask & SPECIAL_MASK:
        return bool(flags & mask & SPECIAL_MASK)
    return all(flags & mask & group for group in FLAG_GROUPS)


def quest_green_range(level: int) -> int:
    """How many levels below the character a quest still shows green (above the
    grey-level line: ``level - 5 - level/10`` up to 39, ``level - 1 - level/5`` up to 59,
    ``level - 9`` beyond)."""
    if level <= 5:
        return level
    if level <= 39:
        grey = level - 5 - level // 10
    elif level <= 59:
        grey = level - 1 - level // 5
    else:
        grey = level - 9
    return max(0, level - grey - 1)


def install(client: Host) -> dict[str, Callable[..., Any]]:
    world = client.world

    def CombatLog_Object_IsA(flags: Any = None, mask: Any = None) -> bool:
        if flags is None or mask is None:
            raise WowApiError("Usage: CombatLog_Object_IsA(unitFlags, flagType)")
        return flags_match(lua_int(flags, what="unitFlags"),
                           lua_int(mask, what="flagType"))

    def HasFullControl() -> int | None:
        """Nothing takes control away from the headless character (no stun, fear,
        charm, taxi)."""
        return flag_result(not world.player.dead)

    def GetWeaponEnchantInfo() -> tuple[Any, ...]:
        """hasMainHandEnchant, expiration, charges, hasOffHandEnchant, expiration,
        charges: no temporary enchant on either weapon."""
        return (None, None, None, None, None, None)

    def CancelUnitBuff(unit: Any = None, index: Any = None, *_: Any) -> None:
        if unit is None or index is None:
            raise WowApiError('Usage: CancelUnitBuff("unit", index or "name" [, "rank"])')
        if client.in_combat and not client.protected_call("CancelUnitBuff"):
            return  # protected while in combat since 3.0
        found = world.unit(lua_text(unit))
        if found is not world.player:
            return
        buffs = [a for a in found.auras if not a.harmful]
        if isinstance(index, int | float) and not isinstance(index, bool):
            number = as_int(index)
            if 1 <= number <= len(buffs):
                found.auras.remove(buffs[number - 1])
        else:
            name = lua_text(index)
            match = next((a for a in buffs if a.name == name), None)
            if match is not None:
                found.auras.remove(match)
        client.fire_internal("UNIT_AURA", "player")

    return {
        "CombatLog_Object_IsA": CombatLog_Object_IsA,
        "HasFullControl": HasFullControl,
        "GetWeaponEnchantInfo": GetWeaponEnchantInfo,
        "CancelUnitBuff": CancelUnitBuff,
        "GetCorpseRecoveryDelay": lambda: 0,  # alive: no corpse to wait for
        "GetQuestGreenRange": lambda: quest_green_range(world.player.level),
    }
