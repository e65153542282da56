"""What FrameXML's party and raid frames ask about group members beyond the roster: the
dungeon finder's restrictions, deserter debuff and random-dungeon cooldown (the world's group
is not a dungeon finder group; nobody deserted or waits) and voice chat (off, so nobody
speaks or is muted)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wowapi_stubs.errors import WowApiError
from wowapi_stubs.widgets.base import lua_text

if TYPE_CHECKING:
    from wowapi_stubs.host import Host


def install(client: Host) -> dict[str, Callable[..., Any]]:
    comment = {"text": ""}

    def member_flag(usage: str) -> Callable[..., None]:
        def api(unit: Any = None, *_: Any) -> None:
            if unit is None:
                raise WowApiError(f"Usage: {usage}")
            lua_text(unit)

        return api

    def SetLFGComment(text: Any = None) -> None:
        comment["text"] = "" if text is None else lua_text(text)

    return {
        "HasLFGRestrictions": lambda: None,
        "UnitHasLFGDeserter": member_flag('UnitHasLFGDeserter("unit")'),
        "UnitHasLFGRandomCooldown": member_flag('UnitHasLFGRandomCooldown("unit")'),
        "SetLFGComment": SetLFGComment,
        "GetVoiceStatus": member_flag('GetVoiceStatus("unit" or "name" [, "channel"])'),
        "GetMuteStatus": member_flag('GetMuteStatus("unit" or "name" [, "channel"])'),
    }
