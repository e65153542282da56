"""Units: the character, the target, focus, party and raid members (``UnitName``,
``UnitClass``, ``UnitHealth``, ``UnitAura``...), group rosters and combat state.

Unit ids are read as the client reads them (``player``, ``target``, ``party1``,
``raid12target``, a group member's name); a unit that does not exist answers nil, as in the
client. The values come from :class:`~wowapi_stubs.world.World`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wowapi_stubs.api.group_actions import subgroup_of
from wowapi_stubs.errors import WowApiError
from wowapi_stubs.widgets.base import flag_result, lua_int, lua_text, opt_text
from wowapi_stubs.world import POWER_TOKENS, Unit

if TYPE_CHECKING:
    from wowapi_stubs.host import Host


def unit_argument(world: Any, value: Any, usage: str) -> Unit | None:
    """The unit a unit-id argument names (None: no such unit); nil is a usage error."""
    if value is None:
        raise WowApiError(f'Usage: {usage}("unit")')
    return world.unit(lua_text(value, what="unit"))


def in_interact_range(world: Any, unit: Unit) -> bool:
    """Whether ``unit`` stands within interaction (inspect, trade, follow) range of the
    player: the world places the player's group members beside it, everyone else afar."""
    return unit is not world.player and unit in world.group()


def install(client: Host) -> dict[str, Callable[..., Any]]:
    world = client.world

    def unit_of(value: Any, usage: str) -> Unit | None:
        return unit_argument(world, value, usage)

    def reader(usage: str, read: Callable[[Unit], Any], missing: Any = None
               ) -> Callable[..., Any]:
        """An API function of one unit argument: ``read(unit)``, or ``missing`` (nil)."""

        def api(unit: Any = None, *_: Any) -> Any:
            found = unit_of(unit, usage)
            return missing if found is None else read(found)

        api.__name__ = usage
        return api

    def flag(usage: str, test: Callable[[Unit], bool]) -> Callable[..., Any]:
        return reader(usage, lambda u: flag_result(test(u)))

    def UnitName(unit: Any = None) -> tuple[Any, ...]:
        found = unit_of(unit, "UnitName")
        if found is None:
            return ()
        realm = found.realm if found.realm and found.realm != client.settings.realm else None
        return found.name, realm

    def UnitPower(unit: Any = None, power_type: Any = None) -> int:
        found = unit_of(unit, "UnitPower")
        if found is None:
            return 0
        if power_type is not None and lua_int(power_type) != found.power_type:
            return 0
        return found.power

    def UnitPowerMax(unit: Any = None, power_type: Any = None) -> int:
        found = unit_of(unit, "UnitPowerMax")
        if found is None:
            return 0
        if power_type is not None and lua_int(power_type) != found.power_type:
            return 0
        return found.power_max

    def UnitAura(unit: Any = None, index: Any = None, rank_or_filter: Any = None,
                 filter_text: Any = None) -> tuple[Any, ...]:
        return _aura(unit, index, rank_or_filter, filter_text, "HELPFUL")

    def UnitBuff(unit: Any = None, index: Any = None, rank_or_filter: Any = None,
                 filter_text: Any = None) -> tuple[Any, ...]:
        return _aura(unit, index, rank_or_filter, filter_text, "HELPFUL", force=True)

    def UnitDebuff(unit: Any = None, index: Any = None, rank_or_filter: Any = None,
                   filter_text: Any = None) -> tuple[Any, ...]:
        return _aura(unit, index, rank_or_filter, filter_text, "HARMFUL", force=True)

    def _text_arg(value: Any) -> str | None:
        """A rank or filter argument: text (or a number, as Lua reads it); anything else
        (the ``true`` of 2.x code's "castable only" argument) is left out, as the client
        reads only texts there."""
        if isinstance(value, bool) or not isinstance(value, bytes | str | int | float):
            return None
        return opt_text(value)

    def _aura(unit: Any, index: Any, rank_or_filter: Any, filter_text: Any, default: str,
              force: bool = False) -> tuple[Any, ...]:
        if unit is None or index is None:
            raise WowApiError('Usage: UnitAura("unit", index [, "filter"])')
        found = world.unit(lua_text(unit))
        if found is None:
            return ()
        words = _text_arg(filter_text) or (_text_arg(rank_or_filter)
                                           if isinstance(index, int | float) else None) or ""
        if force or not any(w in words.upper() for w in ("HELPFUL", "HARMFUL")):
            words = f"{default} {words}"
        if isinstance(index, bytes | str):
            name = lua_text(index)
            aura = next((a for a in found.auras if a.name == name
                         and a.harmful == ("HARMFUL" in words.upper())), None)
        else:
            aura = found.aura(lua_int(index, what="index"), words)
        if aura is None:
            return ()
        return (aura.name, aura.rank, aura.icon, aura.count, aura.debuff_type,
                aura.duration, aura.expires, aura.caster, flag_result(aura.stealable),
                None, aura.spell_id)

    def GetNumPartyMembers() -> int:
        return len(world.party)

    def GetNumRaidMembers() -> int:
        return len(world.raid)

    def GetRaidRosterInfo(index: Any = None) -> tuple[Any, ...]:
        number = lua_int(index, what="index") if index is not None else 0
        if not 1 <= number <= len(world.raid):
            return ()
        member = world.raid[number - 1]
        rank = 2 if member.name == (world.leader or world.raid[0].name) else (
            1 if member.name in world.group_state.assistants else 0)
        return (member.name, rank, subgroup_of(world, member), member.level, member.class_name,
                member.class_token, member.zone, flag_result(member.connected),
                flag_result(member.dead), None, None)

    def leader_name() -> str:
        return world.leader or world.group()[0].name

    def IsPartyLeader() -> int | None:
        return flag_result(bool(world.party or world.raid)
                           and leader_name() == world.player.name)

    def GetPartyLeaderIndex() -> int:
        leader = leader_name()
        for index, member in enumerate(world.party, 1):
            if member.name == leader:
                return index
        return 0

    def UnitIsPartyLeader(unit: Any = None) -> int | None:
        found = unit_of(unit, "UnitIsPartyLeader")
        return flag_result(found is not None and bool(world.party or world.raid)
                           and found.name == leader_name())

    def GetLootMethod() -> tuple[Any, ...]:
        """The method, then the master looter's party index (0: the character) and raid
        index for master loot."""
        if not (world.party or world.raid):
            return "freeforall", None, None
        method, looter = world.group_state.loot_method, world.group_state.master_looter
        if method != "master" or looter is None:
            return method, 0, None
        unit = world.unit(looter)
        party = 0 if unit is world.player else (
            world.party.index(unit) + 1 if unit in world.party else None)
        return method, party, world.raid.index(unit) + 1 if unit in world.raid else None

    def UnitInParty(unit: Any = None) -> int | None:
        found = unit_of(unit, "UnitInParty")
        return flag_result(found is not None and (found is world.player and bool(world.party)
                                                  or found in world.party))

    def UnitInRaid(unit: Any = None) -> int | None:
        found = unit_of(unit, "UnitInRaid")
        if found is None or found not in world.raid:
            return None
        return world.raid.index(found)  # the raid index minus one, as the client returns

    def pair(usage: str, first: Any, second: Any) -> tuple[Unit | None, Unit | None]:
        """The units of a two-unit query (either may not exist); both are required."""
        if first is None or second is None:
            raise WowApiError(f'Usage: {usage}("unit", "otherUnit")')
        return world.unit(lua_text(first)), world.unit(lua_text(second))

    def UnitIsUnit(first: Any = None, second: Any = None) -> int | None:
        a, b = pair("UnitIsUnit", first, second)
        return flag_result(a is not None and a is b)

    def relation(usage: str, hostile: bool) -> Callable[..., Any]:
        def api(first: Any = None, second: Any = None) -> int | None:
            a, b = pair(usage, first, second)
            if a is None or b is None:
                return None
            enemies = a.hostile != b.hostile or (a.faction != b.faction and "Neutral" not in (
                a.faction, b.faction))
            return flag_result(enemies == hostile)

        return api

    def UnitReaction(first: Any = None, second: Any = None) -> int | None:
        a, b = pair("UnitReaction", first, second)
        if a is None or b is None:
            return None
        if a.hostile != b.hostile:
            return 2
        return 5 if a.faction == b.faction else 4

    def UnitAffectingCombat(unit: Any = None) -> int | None:
        found = unit_of(unit, "UnitAffectingCombat")
        return flag_result(found is world.player and client.in_combat)

    def InCombatLockdown() -> int | None:
        return flag_result(client.in_combat)

    def GetUnitSpeed(unit: Any = None) -> float:
        unit_of(unit, "GetUnitSpeed")
        return 0.0  # standing still

    def CheckInteractDistance(unit: Any = None, distance: Any = None) -> int | None:
        found = unit_of(unit, "CheckInteractDistance")
        return flag_result(found is not None and in_interact_range(world, found))

    def UnitIsSameServer(first: Any = None, second: Any = None) -> int | None:
        a, b = pair("UnitIsSameServer", first, second)
        if a is None or b is None:
            return None
        home = world.player.realm
        return flag_result((a.realm or home) == (b.realm or home))

    def selection_color(unit: Unit) -> tuple[float, float, float, float]:
        """The selection circle's colour: hostile red, players blue, others green."""
        if unit.hostile:
            return 1.0, 0.0, 0.0, 1.0
        return (0.0, 0.0, 1.0, 1.0) if unit.is_player else (0.0, 1.0, 0.0, 1.0)

    def ClearFocus() -> None:
        """Forget the focus unit (protected: blocked when an addon calls it; Blizzard's
        own UI may)."""
        if client._culprit()[1] is not None and not client.protected_call("ClearFocus"):
            return
        world.focus = None
        client.fire_internal("PLAYER_FOCUS_CHANGED")

    combat_text = {"unit": "player"}

    def CombatTextSetActiveUnit(unit: Any = None) -> None:
        """The unit floating combat text follows (the player, or the vehicle driven)."""
        if unit is None:
            raise WowApiError('Usage: CombatTextSetActiveUnit("unit")')
        combat_text["unit"] = lua_text(unit, what="unit")

    def UnitInRange(unit: Any = None) -> int | None:
        found = unit_of(unit, "UnitInRange")
        return flag_result(found is not None and found in world.group())

    return {
        "UnitName": UnitName,
        "UnitClass": reader("UnitClass", lambda u: (u.class_name, u.class_token), ()),
        # the class of the unit itself (a shapeshift or a vehicle does not change it)
        "UnitClassBase": reader("UnitClassBase", lambda u: (u.class_name, u.class_token), ()),
        # the name with the chosen title: the world's characters show none
        "UnitPVPName": reader("UnitPVPName", lambda u: u.name),
        "UnitIsSameServer": UnitIsSameServer,
        "UnitRace": reader("UnitRace", lambda u: (u.race_name, u.race), ()),
        "UnitLevel": reader("UnitLevel", lambda u: u.level, 0),
        "UnitSex": reader("UnitSex", lambda u: u.sex),
        "UnitGUID": reader("UnitGUID", lambda u: u.guid),
        "UnitFactionGroup": reader("UnitFactionGroup", lambda u: (u.faction, u.faction), ()),
        # UnitExists(nil) is nil, not an error: FrameXML asks before a frame has its unit.
        "UnitExists": lambda unit=None, *_: None if unit is None else flag(
            "UnitExists", lambda u: True)(unit),
        "UnitInBattleground": lambda *args: None,
        "CombatTextSetActiveUnit": CombatTextSetActiveUnit,
        "UnitSelectionColor": reader("UnitSelectionColor", selection_color, ()),
        "ClearFocus": ClearFocus,
        "GetComboPoints": lambda *args: 0,  # the world's units take no combo points
        "UnitCharacterPoints": lambda *args: (0, 0),
        "IsThreatWarningEnabled": lambda: flag_result(
            client.world.zone.instance_type in ("party", "raid")
            and client.world.cvars.get("threatWarning") not in (None, "0")),
        "GetMasterLootCandidate": lambda *args: None,
        "GetLootThreshold": lambda: world.group_state.loot_threshold,
        "UnitIsPVPFreeForAll": lambda *args: None,
        "IsReferAFriendLinked": lambda *args: None,
        "GetOptOutOfLoot": lambda: None,
        "GetSummonFriendCooldown": lambda: (0, 0),
        "PartialPlayTime": lambda: None,
        "NoPlayTime": lambda: None,
        "UnitIsPlayer": flag("UnitIsPlayer", lambda u: u.is_player),
        "UnitPlayerControlled": flag("UnitPlayerControlled", lambda u: u.is_player),
        "UnitIsVisible": flag("UnitIsVisible", lambda u: True),
        "UnitIsConnected": flag("UnitIsConnected", lambda u: u.connected),
        "UnitIsDead": flag("UnitIsDead", lambda u: u.dead),
        "UnitIsGhost": flag("UnitIsGhost", lambda u: u.ghost),
        "UnitIsDeadOrGhost": flag("UnitIsDeadOrGhost", lambda u: u.dead or u.ghost),
        "UnitIsFeignDeath": flag("UnitIsFeignDeath", lambda u: False),
        "UnitIsAFK": flag("UnitIsAFK", lambda u: u.afk),
        "UnitIsDND": flag("UnitIsDND", lambda u: u.dnd),
        "UnitIsPVP": flag("UnitIsPVP", lambda u: False),
        "UnitIsCharmed": flag("UnitIsCharmed", lambda u: False),
        "UnitIsPossessed": flag("UnitIsPossessed", lambda u: False),
        "UnitIsTapped": flag("UnitIsTapped", lambda u: False),
        "UnitIsTappedByAllThreatList": flag("UnitIsTappedByAllThreatList", lambda u: False),
        "UnitIsCorpse": flag("UnitIsCorpse", lambda u: False),
        "UnitIsTrivial": flag("UnitIsTrivial", lambda u: False),
        "UnitOnTaxi": flag("UnitOnTaxi", lambda u: False),
        "UnitHasVehicleUI": flag("UnitHasVehicleUI", lambda u: False),
        "UnitInVehicle": flag("UnitInVehicle", lambda u: False),
        "UnitUsingVehicle": flag("UnitUsingVehicle", lambda u: False),
        "UnitIsFriend": relation("UnitIsFriend", False),
        "UnitIsEnemy": relation("UnitIsEnemy", True),
        "UnitCanAssist": relation("UnitCanAssist", False),
        "UnitCanAttack": relation("UnitCanAttack", True),
        "UnitCanCooperate": relation("UnitCanCooperate", False),
        "UnitReaction": UnitReaction,
        "UnitHealth": reader("UnitHealth", lambda u: u.health, 0),
        "UnitHealthMax": reader("UnitHealthMax", lambda u: u.health_max, 0),
        "UnitMana": reader("UnitMana", lambda u: u.power, 0),
        "UnitManaMax": reader("UnitManaMax", lambda u: u.power_max, 0),
        "UnitPower": UnitPower,
        "UnitPowerMax": UnitPowerMax,
        "UnitPowerType": reader("UnitPowerType",
                                lambda u: (u.power_type, POWER_TOKENS[u.power_type]), ()),
        "UnitCreatureType": reader("UnitCreatureType", lambda u: u.creature_type),
        "UnitCreatureFamily": reader("UnitCreatureFamily", lambda u: None),
        "UnitClassification": reader("UnitClassification", lambda u: u.classification),
        "UnitCastingInfo": reader("UnitCastingInfo", lambda u: ()),
        "UnitChannelInfo": reader("UnitChannelInfo", lambda u: ()),
        "UnitDetailedThreatSituation": lambda *args: None,
        "UnitThreatSituation": lambda *args: None,
        "UnitXP": reader("UnitXP", lambda u: 0, 0),
        "UnitXPMax": reader("UnitXPMax", lambda u: 0 if u.level >= 80 else 1000 * u.level, 0),
        "UnitAura": UnitAura,
        "UnitBuff": UnitBuff,
        "UnitDebuff": UnitDebuff,
        "UnitIsUnit": UnitIsUnit,
        "UnitInParty": UnitInParty,
        "UnitInRaid": UnitInRaid,
        "UnitIsPartyLeader": UnitIsPartyLeader,
        "UnitAffectingCombat": UnitAffectingCombat,
        "InCombatLockdown": InCombatLockdown,
        "GetNumPartyMembers": GetNumPartyMembers,
        "GetNumRaidMembers": GetNumRaidMembers,
        "GetRealNumPartyMembers": GetNumPartyMembers,
        "GetRealNumRaidMembers": GetNumRaidMembers,
        "GetRaidRosterInfo": GetRaidRosterInfo,
        "IsPartyLeader": IsPartyLeader,
        "IsRaidLeader": lambda: flag_result(bool(world.raid)
                                            and leader_name() == world.player.name),
        "IsRaidOfficer": lambda: flag_result(bool(world.raid)
                                             and world.player.name in world.group_state.assistants),
        "GetPartyLeaderIndex": GetPartyLeaderIndex,
        "GetLootMethod": GetLootMethod,
        "GetUnitSpeed": GetUnitSpeed,
        "CheckInteractDistance": CheckInteractDistance,
        "UnitInRange": UnitInRange,
        "GetRealmName": lambda: client.settings.realm,
        "GetLocale": lambda: client.settings.locale,
        "GetXPExhaustion": lambda: None,
        "GetRestState": lambda: (1, "Normal", 1),
    }
