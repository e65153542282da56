"""Small facts about the character's state: threat colours, who a GUID is, power regeneration,
pitch, rest and experience, the PvP timer, death and resurrection, runes, coin texts.

The world's character stands on flat ground, alive (a dead one waits the full six minutes
to be released), with no soulstone and no resurrection pending, at the level cap (experience
no longer counts, so no time to well rested), its PvP flag off (no timer running). Power
regenerates as its type does without gear: energy 10 per second, mana as ``GetManaRegen``
says (nothing), rage and runic power not at all. A GUID names any character the world knows
(the character, group members, target, focus, the ``/who`` roster); rune slots are a death
knight's, all ready, as ``GetRuneCooldown`` says.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wowapi_stubs.api.unit import unit_argument
from wowapi_stubs.errors import WowApiError
from wowapi_stubs.widgets.base import lua_int, lua_text, opt_int
from wowapi_stubs.world import Unit, player_guid

if TYPE_CHECKING:
    from wowapi_stubs.host import Host

# Threat situation 0..3 -> the colour the UI shows it in.
THREAT_STATUS_COLORS = ((0.69, 0.69, 0.69), (1.0, 1.0, 0.47), (1.0, 0.6, 0.0), (1.0, 0.0, 0.0))
ENERGY_PER_SECOND = 10.0
ENERGY = 3
NUM_RUNES = 6
# Classes whose attack power comes from agility (every other from strength).
_AGILITY_DAMAGE_CLASSES = frozenset({"HUNTER", "ROGUE"})
STRENGTH, AGILITY = 1, 2
PVP_TIMER_OFF = -1
RELEASE_SECONDS = 360
RESURRECTION_SICKNESS_FREE_LEVEL = 10
RESURRECTION_SICKNESS_MINUTES = 10
_COINS = (("Gold", 10000), ("Silver", 100), ("Copper", 1))


def coin_texture_string(copper: int, font_height: int = 0) -> str:
    """An amount of money as coin counts, each followed by its coin picture (denominations of
    zero left out; nothing at all is ``0`` copper)."""
    copper = max(0, int(copper))
    parts = []
    for name, worth in _COINS:
        count, copper = divmod(copper, worth)
        if count or (name == "Copper" and not parts):
            parts.append(f"{count}|TInterface\\MoneyFrame\\UI-{name}Icon:{font_height}:"
                         f"{font_height}:2:0|t")
    return " ".join(parts)


def install(client: Host) -> dict[str, Callable[..., Any]]:
    world = client.world

    def GetThreatStatusColor(status: Any = None) -> tuple[Any, ...]:
        if status is None:
            raise WowApiError("Usage: GetThreatStatusColor(statusIndex)")
        number = lua_int(status, what="statusIndex")
        return THREAT_STATUS_COLORS[number] if 0 <= number < len(THREAT_STATUS_COLORS) else ()

    def known_characters() -> list[Unit]:
        units = [world.player, *world.party, *world.raid]
        units += [u for u in (world.target, world.focus, world.mouseover) if u is not None]
        return units

    def GetPlayerInfoByGUID(guid: Any = None) -> tuple[Any, ...]:
        """Localized class, class file, localized race, race file, sex."""
        if guid is None:
            raise WowApiError('Usage: GetPlayerInfoByGUID("guid")')
        wanted = lua_text(guid, what="guid").upper().replace("0X", "0x", 1)
        found = next((u for u in known_characters() if u.is_player and u.guid == wanted), None)
        if found is None:
            entry = next((e for e in world.roster.online if player_guid(e.name) == wanted), None)
            found = world.character(entry.name) if entry is not None else None
        if found is None:
            return ()
        return found.class_name, found.class_token, found.race_name, found.race, found.sex

    def GetPowerRegen() -> tuple[float, float]:
        """Regeneration per second out of casting and while casting."""
        power_type = world.player.power_type
        if power_type == ENERGY:
            return ENERGY_PER_SECOND, ENERGY_PER_SECOND
        return 0.0, 0.0

    def GetUnitPitch(unit: Any = None) -> float:
        unit_argument(world, unit, "GetUnitPitch")
        return 0.0

    def GetCoinTextureString(amount: Any = None, font_height: Any = None) -> str:
        if amount is None:
            raise WowApiError("Usage: GetCoinTextureString(amount [, fontHeight])")
        return coin_texture_string(lua_int(amount, what="amount"),
                                   opt_int(font_height, 0, what="fontHeight"))

    def modifier(usage: str) -> Callable[..., float]:
        def api(unit: Any = None, *_: Any) -> float:
            unit_argument(world, unit, usage)
            return 1.0

        return api

    def GetResSicknessDuration() -> str | None:
        """How long resurrection sickness would last after a spirit healer's resurrection."""
        level = world.player.level
        if level <= RESURRECTION_SICKNESS_FREE_LEVEL:
            return None
        minutes = min(level - RESURRECTION_SICKNESS_FREE_LEVEL, RESURRECTION_SICKNESS_MINUTES)
        return f"{minutes} {'Minute' if minutes == 1 else 'Minutes'}"

    def GetRuneCount(slot: Any = None) -> int | None:
        number = lua_int(slot, what="rune") if slot is not None else 0
        is_knight = world.player.class_token == "DEATHKNIGHT"
        return 1 if is_knight and 1 <= number <= NUM_RUNES else None

    def GetReleaseTimeRemaining() -> int:
        """Seconds before a dead character's spirit is released on its own (none alive or
        as a ghost; the world keeps no time of death, so a corpse has the whole wait)."""
        player = world.player
        return RELEASE_SECONDS if player.dead and not player.ghost else 0

    nothing = lambda *args: None  # noqa: E731

    return {
        "GetThreatStatusColor": GetThreatStatusColor,
        "GetPlayerInfoByGUID": GetPlayerInfoByGUID,
        "GetPowerRegen": GetPowerRegen,
        "GetDamageBonusStat": lambda: AGILITY if world.player.class_token
        in _AGILITY_DAMAGE_CLASSES else STRENGTH,
        "GetUnitPitch": GetUnitPitch,
        "GetTimeToWellRested": nothing,
        "IsXPUserDisabled": nothing,
        "GetPVPTimer": lambda: PVP_TIMER_OFF,
        "GetCoinTextureString": GetCoinTextureString,
        "GetUnitHealthModifier": modifier("GetUnitHealthModifier"),
        "GetUnitPowerModifier": modifier("GetUnitPowerModifier"),
        "HasSoulstone": nothing,
        "GetResSicknessDuration": GetResSicknessDuration,
        "GetReleaseTimeRemaining": GetReleaseTimeRemaining,
        "CannotBeResurrected": nothing,
        "GetRuneCount": GetRuneCount,
    }
