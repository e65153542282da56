"""Changes to the world a test makes through the client, each with the events the 3.3.5a
client fires for it (target and focus, group, auras, zone, combat log)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from wowapi_stubs.world import MAX_PARTY_MEMBERS, MAX_RAID_MEMBERS, Aura, Unit

if TYPE_CHECKING:
    from wowapi_stubs.client import HeadlessClient

EVENTS = ("PLAYER_TARGET_CHANGED", "PLAYER_FOCUS_CHANGED", "UNIT_AURA",
          "PARTY_MEMBERS_CHANGED", "RAID_ROSTER_UPDATE", "PARTY_LEADER_CHANGED",
          "ZONE_CHANGED", "ZONE_CHANGED_NEW_AREA", "COMBAT_LOG_EVENT_UNFILTERED",
          "COMBAT_LOG_EVENT", "UNIT_HEALTH")


def as_unit(client: HeadlessClient, who: str | Unit | None) -> Unit | None:
    """A unit for a character name (from the roster), a unit id, or a :class:`Unit`."""
    if who is None or isinstance(who, Unit):
        return who
    return client.world.unit(who) or client.world.character(who)


def set_target(client: HeadlessClient, who: str | Unit | None) -> None:
    client.world.target = as_unit(client, who)
    client.fire_internal("PLAYER_TARGET_CHANGED")


def set_focus(client: HeadlessClient, who: str | Unit | None) -> None:
    client.world.focus = as_unit(client, who)
    client.fire_internal("PLAYER_FOCUS_CHANGED")


def set_group(client: HeadlessClient, members: list[str | Unit], *, raid: bool,
              leader: str | None) -> None:
    world = client.world
    others = [u for u in (as_unit(client, m) for m in members)
              if u is not None and u is not world.player]
    limit = MAX_RAID_MEMBERS - 1 if raid else MAX_PARTY_MEMBERS
    if len(others) > limit:
        raise ValueError(f"a {'raid' if raid else 'party'} holds at most {limit} others")
    old_leader = world.leader
    if raid:
        world.raid = [world.player, *others]
        world.party = others[:MAX_PARTY_MEMBERS]
    else:
        world.raid, world.party = [], others
    world.leader = leader if others else None
    client.fire_internal("PARTY_MEMBERS_CHANGED")
    client.fire_internal("RAID_ROSTER_UPDATE")
    if world.leader != old_leader:
        client.fire_internal("PARTY_LEADER_CHANGED")


def set_auras(client: HeadlessClient, unit: str, auras: list[Aura]) -> None:
    found = client.world.unit(unit)
    if found is None:
        raise ValueError(f"no unit {unit!r} exists")
    found.auras = list(auras)
    client.fire_internal("UNIT_AURA", unit)


def set_health(client: HeadlessClient, unit: str, health: int) -> None:
    found = client.world.unit(unit)
    if found is None:
        raise ValueError(f"no unit {unit!r} exists")
    found.health = max(0, min(health, found.health_max))
    found.dead = found.health == 0
    client.fire_internal("UNIT_HEALTH", unit)


def set_zone(client: HeadlessClient, name: str, subzone: str = "", **details: Any) -> None:
    zone = client.world.zone
    new_area = name != zone.name
    zone.name, zone.subzone = name, subzone
    for key, value in details.items():
        if not hasattr(zone, key):
            raise ValueError(f"a zone has no {key!r}")
        setattr(zone, key, value)
    client.world.player.zone = name
    client.fire_internal("ZONE_CHANGED_NEW_AREA" if new_area else "ZONE_CHANGED")


def combat_log(client: HeadlessClient, event: str, source: Unit | None, dest: Unit | None,
               *payload: Any) -> None:
    """One combat-log entry with the 3.3.5a argument list: timestamp, event, source GUID,
    name, flags, destination GUID, name, flags, then the event's own values."""

    def who(unit: Unit | None) -> tuple[Any, Any, int]:
        if unit is None:
            return None, None, 0x80000000
        mine = unit is client.world.player or unit in client.world.group()
        flags = (0x511 if unit is client.world.player else 0x514 if mine else
                 0xa48 if unit.hostile else 0xa18)
        return unit.guid, unit.name, flags

    args = (client.now.timestamp(), event, *who(source), *who(dest), *payload)
    client.fire_internal("COMBAT_LOG_EVENT_UNFILTERED", *args)
    client.fire_internal("COMBAT_LOG_EVENT", *args)
