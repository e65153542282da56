"""Inspecting another player: ``CanInspect``, ``NotifyInspect`` and the honor and arena data
the inspect frame shows.

A unit can be inspected when it is another player within interaction range (the world puts
the player's group members beside it, :func:`~wowapi_stubs.api.unit.in_interact_range`).
``NotifyInspect`` on such a unit makes it the inspected player and the server's answer,
``INSPECT_TALENT_READY``, arrives after the call returns; a unit that cannot be inspected
gets no answer. ``RequestInspectHonorData`` is answered by ``INSPECT_HONOR_UPDATE`` for the
inspected player, after which ``HasInspectHonorData`` is true. The world's characters have no
honorable kills and no arena team, so the honor data is zeros and every arena team index
answers nothing. ``ClearInspectPlayer`` forgets the inspected player and its data.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wowapi_stubs.api._windows import answer, indexed
from wowapi_stubs.api.unit import in_interact_range, unit_argument
from wowapi_stubs.widgets.base import flag_result

if TYPE_CHECKING:
    from wowapi_stubs.host import Host
    from wowapi_stubs.world import Unit

EVENTS = ("INSPECT_TALENT_READY", "INSPECT_HONOR_UPDATE")
NO_HONOR = (0, 0, 0, 0, 0, 0)  # today's kills and honor, yesterday's, lifetime kills, rank


def install(client: Host) -> dict[str, Callable[..., Any]]:
    world = client.world
    inspected: dict[str, Any] = {"unit": None, "honor": False}

    def inspectable(found: Unit | None) -> bool:
        return found is not None and found.is_player and in_interact_range(world, found)

    def CanInspect(unit: Any = None, show_error: Any = None) -> int | None:
        return flag_result(inspectable(unit_argument(world, unit, "CanInspect")))

    def NotifyInspect(unit: Any = None) -> None:
        found = unit_argument(world, unit, "NotifyInspect")
        if inspectable(found):
            inspected["unit"], inspected["honor"] = found, False
            answer(client, "INSPECT_TALENT_READY")

    def RequestInspectHonorData() -> None:
        target = inspected["unit"]
        if target is not None:
            def arrived() -> None:
                if inspected["unit"] is target:
                    inspected["honor"] = True
                    client.fire_internal("INSPECT_HONOR_UPDATE")

            client.clock.call_later(0.0, arrived)

    def ClearInspectPlayer() -> None:
        inspected["unit"], inspected["honor"] = None, False

    return {
        "CanInspect": CanInspect,
        "NotifyInspect": NotifyInspect,
        "ClearInspectPlayer": ClearInspectPlayer,
        "RequestInspectHonorData": RequestInspectHonorData,
        "HasInspectHonorData": lambda: flag_result(inspected["honor"]),
        "GetInspectHonorData": lambda: NO_HONOR,
        "GetInspectArenaTeamData": indexed("GetInspectArenaTeamData(index)"),
    }
