"""The quest log and the skill list, as their FrameXML panels query them.

The character's quest log is empty (nothing selected, nothing watched, no timed quest) and
its skill list holds no line the panels would show: the world model tracks neither quests
nor skills.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wowapi_stubs.widgets.base import lua_number

if TYPE_CHECKING:
    from wowapi_stubs.host import Host


def install(client: Host) -> dict[str, Callable[..., Any]]:
    state = {"selected": 0, "abandon": 0, "skill": 0}

    def SelectQuestLogEntry(index: Any = None) -> None:
        state["selected"] = int(lua_number(index)) if index is not None else 0

    def SetAbandonQuest() -> None:
        state["abandon"] = state["selected"]

    def SetSelectedSkill(index: Any = None) -> None:
        state["skill"] = int(lua_number(index)) if index is not None else 0

    nothing = lambda *args: None  # noqa: E731

    return {
        "GetNumQuestLogEntries": lambda: (0, 0),
        "GetQuestLogSelection": lambda: state["selected"],
        "SelectQuestLogEntry": SelectQuestLogEntry,
        "GetQuestLogTitle": nothing,
        "GetQuestLogPushable": nothing,
        "GetQuestTimers": nothing,
        "SetAbandonQuest": SetAbandonQuest,
        "GetAbandonQuestName": nothing,
        "GetNumQuestWatches": lambda: 0,
        "IsQuestWatched": nothing,
        "GetNumQuestLeaderBoards": lambda *args: 0,
        "GetNumSkillLines": lambda: 0,
        "GetSkillLineInfo": nothing,
        "GetSelectedSkill": lambda: state["skill"],
        "SetSelectedSkill": SetSelectedSkill,
        "GetAdjustedSkillPoints": lambda: 0,
    }
