"""Instance difficulty and instance locks: ``GetDungeonDifficulty``, ``GetRaidDifficulty``,
their setters, ``GetNumSavedInstances`` and ``GetSavedInstanceInfo``.

The world answers from ``world.progress`` (:class:`~wowapi_stubs.progress.Progress`): normal
difficulties (5 Player, 10 Player) and no instance lock. Setting a difficulty asks the
server, which answers a moment later with the new difficulty and a system message; it
refuses a group member who is not the leader (nothing changes) and a character inside an
instance (the "Unable to change" message).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wowapi_stubs.errors import WowApiError
from wowapi_stubs.widgets.base import flag_result, lua_int, usage_int

if TYPE_CHECKING:
    from wowapi_stubs.host import Host
    from wowapi_stubs.progress import Progress

SERVER_LATENCY = 0.1
DUNGEON_DIFFICULTIES = ("5 Player", "5 Player (Heroic)")
RAID_DIFFICULTIES = ("10 Player", "25 Player", "10 Player (Heroic)", "25 Player (Heroic)")


def install(client: Host) -> dict[str, Callable[..., Any]]:
    world = client.world

    def progress() -> Progress:
        return world.progress

    def may_change() -> bool:
        """Only a group's leader chooses its difficulty."""
        grouped = bool(world.party or world.raid)
        leader = world.leader or world.group()[0].name
        return not grouped or leader == world.player.name

    def setter(kind: str, attribute: str, names: tuple[str, ...]) -> Callable[..., None]:
        def api(difficulty: Any = None) -> None:
            if difficulty is None:
                raise WowApiError(f"Usage: Set{kind}Difficulty(difficulty)")
            number = lua_int(difficulty, what="difficulty")
            if not 1 <= number <= len(names) or not may_change():
                return

            def answer() -> None:
                if world.zone.instance_type in ("party", "raid"):
                    client.system_message(f"Unable to change {kind} Difficulty")
                    return
                setattr(progress(), attribute, number)
                client.system_message(f"{kind} Difficulty set to {names[number - 1]}.")

            client.clock.call_later(SERVER_LATENCY, answer)

        api.__name__ = f"Set{kind}Difficulty"
        return api

    def GetSavedInstanceInfo(index: Any = None) -> tuple[Any, ...]:
        """name, id, seconds to reset, difficulty, locked, extended, id's high word, raid,
        max players, difficulty name."""
        number = usage_int(index, "GetSavedInstanceInfo(index)")
        saved = progress().saved_instances
        if not 1 <= number <= len(saved):
            return ()
        lock = saved[number - 1]
        names = RAID_DIFFICULTIES if lock.is_raid else DUNGEON_DIFFICULTIES
        name = names[lock.difficulty - 1] if 1 <= lock.difficulty <= len(names) else ""
        return (lock.name, lock.instance_id, lock.reset_seconds, lock.difficulty,
                flag_result(lock.locked), flag_result(lock.extended), 0,
                flag_result(lock.is_raid), lock.max_players, name)

    return {
        "GetDungeonDifficulty": lambda: progress().dungeon_difficulty,
        "GetRaidDifficulty": lambda: progress().raid_difficulty,
        "SetDungeonDifficulty": setter("Dungeon", "dungeon_difficulty", DUNGEON_DIFFICULTIES),
        "SetRaidDifficulty": setter("Raid", "raid_difficulty", RAID_DIFFICULTIES),
        "GetNumSavedInstances": lambda: len(progress().saved_instances),
        "GetSavedInstanceInfo": GetSavedInstanceInfo,
    }
