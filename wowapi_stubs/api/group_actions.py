"""Group actions: inviting and removing members, leaving, the leader, converting to a raid,
assistants, subgroups, the loot method and threshold, ready checks, asking for and answering
a duel, answering an invitation.

They act on the world's group (:class:`~wowapi_stubs.world.World` and its
:class:`~wowapi_stubs.group_state.GroupState`) as the server answers: a moment after the
call, with the system message the client prints and the events it fires
(``PARTY_MEMBERS_CHANGED``, ``RAID_ROSTER_UPDATE``, ``PARTY_LOOT_METHOD_CHANGED``,
``READY_CHECK``...). An invited character is asked, and nobody in the world answers on their
own: the invitation stays in ``GroupState.invited``. Invitations, duel requests and ready
checks that others start come from :func:`receive_invitation`, :func:`receive_duel` and
:func:`receive_ready_check`. The world has no battleground group, so the "real" group is the
group.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wowapi_stubs import _world_actions
from wowapi_stubs.api._windows import answer
from wowapi_stubs.api.chat import server_name
from wowapi_stubs.errors import WowApiError
from wowapi_stubs.group_state import READY_CHECK_SECONDS, ReadyCheck
from wowapi_stubs.widgets.base import flag_result, lua_flag, lua_int, lua_text
from wowapi_stubs.world import MAX_PARTY_MEMBERS, MAX_RAID_MEMBERS

if TYPE_CHECKING:
    from wowapi_stubs.host import Host
    from wowapi_stubs.world import Unit, World

EVENTS = ("PARTY_MEMBERS_CHANGED", "RAID_ROSTER_UPDATE", "PARTY_LEADER_CHANGED",
          "PARTY_LOOT_METHOD_CHANGED", "READY_CHECK", "READY_CHECK_CONFIRM",
          "READY_CHECK_FINISHED", "PARTY_INVITE_REQUEST", "DUEL_REQUESTED", "DUEL_FINISHED")
LOOT_METHODS = {
    "freeforall": "Looting changed to Free for All.",
    "roundrobin": "Looting changed to Round Robin.",
    "master": "Looting changed to Master Looter.",
    "group": "Looting changed to Group Loot.",
    "needbeforegreed": "Looting set to Need Before Greed.",
}
NOT_IN_GROUP = "You aren't in a party."
NOT_LEADER = "You are not the party leader."
RAID_SUBGROUPS = 8
SUBGROUP_SIZE = 5


def leader_name(world: World) -> str:
    return world.leader or world.group()[0].name


def in_group(world: World) -> bool:
    return bool(world.party or world.raid)


def is_leader(world: World) -> bool:
    return in_group(world) and leader_name(world) == world.player.name


def subgroup_of(world: World, member: Unit) -> int:
    """A raid member's subgroup: where it was moved, else by its place in the raid."""
    moved = world.group_state.subgroups.get(member.name)
    return moved if moved is not None else world.raid.index(member) // SUBGROUP_SIZE + 1


def later(client: Host, action: Callable[[], None]) -> None:
    """``action`` as the server's answer: after the call returns."""
    client.clock.call_later(0.0, action)


def regroup(client: Host, others: list[Unit], *, raid: bool, leader: str | None) -> None:
    """The group becomes the character and ``others`` (the client's group events fire)."""
    _world_actions.set_group(client, list(others), raid=raid, leader=leader)  # type: ignore[arg-type]


def receive_invitation(client: Host, inviter: str) -> None:
    """``inviter`` invites the character to a group: ``PARTY_INVITE_REQUEST`` fires and
    ``AcceptGroup``/``DeclineGroup`` answer it."""
    client.world.group_state.invitation_from = inviter
    client.fire_internal("PARTY_INVITE_REQUEST", inviter)


def receive_duel(client: Host, challenger: str) -> None:
    """``challenger`` asks the character for a duel (``DUEL_REQUESTED``)."""
    client.world.group_state.duel_from = challenger
    client.fire_internal("DUEL_REQUESTED", challenger)


def receive_ready_check(client: Host, initiator: str) -> None:
    """A group member starts a ready check (``READY_CHECK``); ``ConfirmReadyCheck``
    answers it."""
    _start_ready_check(client, initiator)


def _start_ready_check(client: Host, initiator: str) -> None:
    world = client.world
    check = ReadyCheck(initiator, client.clock.uptime + READY_CHECK_SECONDS)
    check.answers = {member.name: "waiting" for member in world.group()}
    check.answers[initiator] = "ready"
    world.group_state.ready_check = check
    client.fire_internal("READY_CHECK", initiator, READY_CHECK_SECONDS)
    client.clock.call_later(READY_CHECK_SECONDS, lambda: _finish_ready_check(client, check))


def _finish_ready_check(client: Host, check: ReadyCheck) -> None:
    state = client.world.group_state
    if state.ready_check is not check or check.finished:
        return
    check.finished = True
    client.fire_internal("READY_CHECK_FINISHED")
    # The answers are read by the event's handlers; afterwards no check is under way.
    later(client, lambda: setattr(state, "ready_check", None)
          if state.ready_check is check else None)


def install(client: Host) -> dict[str, Callable[..., Any]]:
    world = client.world
    state = world.group_state
    say = client.system_message

    def may_lead() -> bool:
        """In a group and its leader; else the client says why not."""
        if not in_group(world):
            say(NOT_IN_GROUP)
            return False
        if not is_leader(world):
            say(NOT_LEADER)
            return False
        return True

    def member_named(value: Any, usage: str) -> Unit | None:
        if value is None:
            raise WowApiError(f"Usage: {usage}")
        text = lua_text(value)
        found = world.unit(text)
        return found if found is not None and found in world.group() else None

    def InviteUnit(name: Any = None) -> None:
        if name is None:
            raise WowApiError('Usage: InviteUnit("name")')
        text = lua_text(name)
        unit = world.unit(text)
        who = unit.name if unit is not None and unit.is_player else server_name(text)
        if who.lower() == world.player.name.lower():
            return say("You can't invite yourself to a group.")
        if in_group(world) and not is_leader(world):
            return say(NOT_LEADER)
        if any(member.name.lower() == who.lower() for member in world.group()):
            return say(f"{who} is already in a group.")
        full = (len(world.raid) >= MAX_RAID_MEMBERS if world.raid
                else len(world.party) >= MAX_PARTY_MEMBERS)
        if full:
            return say("Your party is full.")
        online = world.roster.find_online(who)
        if online is None:
            return say(f"Cannot find player '{who}'.")
        state.invited.append(online.name)
        return say(f"You have invited {online.name} to join your group.")

    def UninviteUnit(name: Any = None, *_: Any) -> None:
        if name is None:
            raise WowApiError('Usage: UninviteUnit("name" [, "reason"])')
        if not may_lead():
            return
        member = member_named(name, 'UninviteUnit("name" [, "reason"])')
        if member is None or member is world.player:
            return
        raid = bool(world.raid)
        others = [u for u in (world.raid or [world.player, *world.party])
                  if u is not world.player and u is not member]
        state.assistants.discard(member.name)
        state.subgroups.pop(member.name, None)

        def leave() -> None:
            regroup(client, others, raid=raid, leader=world.leader if others else None)

        later(client, leave)
        say(f"{member.name} has left the raid group." if raid
            else f"{member.name} leaves the party.")
        if not others:
            say("Your group has been disbanded.")

    def LeaveParty() -> None:
        if not in_group(world):
            return
        raid = bool(world.raid)
        state.assistants.clear()
        state.subgroups.clear()
        state.loot_method, state.master_looter, state.ready_check = "group", None, None
        later(client, lambda: regroup(client, [], raid=False, leader=None))
        say("You have left the raid group." if raid else "You leave the group.")

    def PromoteToLeader(unit: Any = None, *_: Any) -> None:
        member = member_named(unit, 'PromoteToLeader("unit")')
        if not may_lead() or member is None or member is world.player:
            return
        others = [u for u in world.group() if u is not world.player]
        state.assistants.discard(member.name)
        later(client, lambda: regroup(client, others, raid=bool(world.raid),
                                      leader=member.name))
        say(f"{member.name} is now the group leader.")

    def SetLootThreshold(threshold: Any = None) -> None:
        if threshold is None:
            raise WowApiError("Usage: SetLootThreshold(threshold)")
        quality = lua_int(threshold, what="threshold")
        if not may_lead() or not 2 <= quality <= 6:
            return
        state.loot_threshold = quality
        answer(client, "PARTY_LOOT_METHOD_CHANGED")

    def StartDuel(unit: Any = None, *_: Any) -> None:
        if unit is None:
            raise WowApiError('Usage: StartDuel("unit")')
        found = world.unit(lua_text(unit))
        if found is None or not found.is_player or found is world.player:
            return
        state.duel_asked = found.name
        say("You have requested a duel.")

    def UnitIsRaidOfficer(unit: Any = None) -> int | None:
        """A raid assistant (the leader's rank is its own)."""
        member = member_named(unit, 'UnitIsRaidOfficer("unit")')
        return flag_result(member is not None and bool(world.raid)
                           and member.name in state.assistants)

    def SetRaidRosterSelection(index: Any = None) -> None:
        number = lua_int(index, what="index") if index is not None else 0
        state.roster_selection = number if 1 <= number <= len(world.raid) else 0

    def ConvertToRaid() -> None:
        if not may_lead() or world.raid:
            return
        others = list(world.party)
        later(client, lambda: regroup(client, others, raid=True, leader=world.leader))

    def assistant(promote: bool, usage: str) -> Callable[..., None]:
        def change(unit: Any = None, *_: Any) -> None:
            member = member_named(unit, usage)
            if not world.raid or not may_lead() or member is None or member is world.player:
                return
            if promote:
                state.assistants.add(member.name)
            else:
                state.assistants.discard(member.name)
            answer(client, "RAID_ROSTER_UPDATE")

        change.__name__ = usage.split("(")[0]
        return change

    def SetLootMethod(method: Any = None, master: Any = None, *_: Any) -> None:
        usage = 'SetLootMethod("method" [, "masterPlayer"])'
        if method is None:
            raise WowApiError(f"Usage: {usage}")
        chosen = lua_text(method).lower()
        if chosen not in LOOT_METHODS:
            raise WowApiError(f"Usage: {usage}")
        if not may_lead():
            return
        looter = world.player.name
        if chosen == "master" and master is not None:
            found = member_named(master, usage)
            if found is None:
                return
            looter = found.name
        state.loot_method = chosen
        state.master_looter = looter if chosen == "master" else None
        answer(client, "PARTY_LOOT_METHOD_CHANGED")
        say(LOOT_METHODS[chosen])

    def raid_member(index: Any, usage: str) -> Unit | None:
        number = lua_int(index, what="index") if index is not None else 0
        if index is None:
            raise WowApiError(f"Usage: {usage}")
        return world.raid[number - 1] if 1 <= number <= len(world.raid) else None

    def may_arrange() -> bool:
        return bool(world.raid) and (is_leader(world)
                                     or world.player.name in state.assistants)

    def SetRaidSubgroup(index: Any = None, subgroup: Any = None) -> None:
        usage = "SetRaidSubgroup(index, subgroup)"
        member = raid_member(index, usage)
        if subgroup is None:
            raise WowApiError(f"Usage: {usage}")
        group = lua_int(subgroup, what="subgroup")
        if member is None or not may_arrange() or not 1 <= group <= RAID_SUBGROUPS:
            return
        filled = sum(1 for m in world.raid if m is not member and subgroup_of(world, m) == group)
        if filled >= SUBGROUP_SIZE or subgroup_of(world, member) == group:
            return
        state.subgroups[member.name] = group
        answer(client, "RAID_ROSTER_UPDATE")

    def SwapRaidSubgroup(first: Any = None, second: Any = None) -> None:
        usage = "SwapRaidSubgroup(index1, index2)"
        one, two = raid_member(first, usage), raid_member(second, usage)
        if one is None or two is None or one is two or not may_arrange():
            return
        group_one, group_two = subgroup_of(world, one), subgroup_of(world, two)
        state.subgroups[one.name], state.subgroups[two.name] = group_two, group_one
        answer(client, "RAID_ROSTER_UPDATE")

    def DoReadyCheck() -> None:
        if not in_group(world) or not (is_leader(world)
                                       or world.player.name in state.assistants):
            return
        if state.ready_check is not None and not state.ready_check.finished:
            return say("You are already running a ready check")
        later(client, lambda: _start_ready_check(client, world.player.name))

    def ConfirmReadyCheck(ready: Any = None) -> None:
        check = state.ready_check
        if check is None or check.finished or check.answers.get(world.player.name) != "waiting":
            return
        reply = "ready" if lua_flag(ready) else "notready"
        check.answers[world.player.name] = reply
        token = world.unit_token(world.player) if world.raid else "player"
        answer(client, "READY_CHECK_CONFIRM", token, flag_result(reply == "ready"))
        if "waiting" not in check.answers.values():  # everyone answered: it ends now
            later(client, lambda: _finish_ready_check(client, check))

    def GetReadyCheckStatus(unit: Any = None) -> str | None:
        if unit is None:
            raise WowApiError('Usage: GetReadyCheckStatus("unit")')
        check, found = state.ready_check, world.unit(lua_text(unit))
        if check is None or found is None:
            return None
        return check.answers.get(found.name)

    def GetReadyCheckTimeLeft() -> int:
        check = state.ready_check
        if check is None or check.finished:
            return 0
        return max(0, math.ceil(check.ends - client.clock.uptime))

    def AcceptGroup() -> None:
        inviter = state.invitation_from
        if inviter is None:
            return
        state.invitation_from = None
        if in_group(world):
            return
        leader = world.character(inviter)
        later(client, lambda: regroup(client, [leader], raid=False, leader=leader.name))

    def DeclineGroup() -> None:
        state.invitation_from = None

    def AcceptDuel() -> None:
        if state.duel_from is not None:
            state.duel_with, state.duel_from = state.duel_from, None

    def CancelDuel() -> None:
        if state.duel_from is None and state.duel_with is None and state.duel_asked is None:
            return
        state.duel_from = state.duel_with = state.duel_asked = None
        answer(client, "DUEL_FINISHED")

    def IsRealRaidLeader() -> int | None:
        return flag_result(bool(world.raid) and is_leader(world))

    return {
        "InviteUnit": InviteUnit,
        "UninviteUnit": UninviteUnit,
        "ConvertToRaid": ConvertToRaid,
        "LeaveParty": LeaveParty,
        "PromoteToLeader": PromoteToLeader,
        "SetLootThreshold": SetLootThreshold,
        "StartDuel": StartDuel,
        "GetRaidRosterSelection": lambda: state.roster_selection,
        "SetRaidRosterSelection": SetRaidRosterSelection,
        "UnitIsRaidOfficer": UnitIsRaidOfficer,
        "PromoteToAssistant": assistant(True, 'PromoteToAssistant("unit")'),
        "DemoteAssistant": assistant(False, 'DemoteAssistant("unit")'),
        "SetLootMethod": SetLootMethod,
        "SetRaidSubgroup": SetRaidSubgroup,
        "SwapRaidSubgroup": SwapRaidSubgroup,
        "DoReadyCheck": DoReadyCheck,
        "ConfirmReadyCheck": ConfirmReadyCheck,
        "GetReadyCheckStatus": GetReadyCheckStatus,
        "GetReadyCheckTimeLeft": GetReadyCheckTimeLeft,
        "AcceptGroup": AcceptGroup,
        "DeclineGroup": DeclineGroup,
        "AcceptDuel": AcceptDuel,
        "CancelDuel": CancelDuel,
        "IsRealPartyLeader": lambda: flag_result(is_leader(world)),
        "IsRealRaidLeader": IsRealRaidLeader,
    }
