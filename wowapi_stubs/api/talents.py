"""Talents by position: ``GetTalentInfo``, ``GetTalentLink``, ``GetTalentPrereqs``.

They answer as the talent tabs of :mod:`wowapi_stubs.api.spells` do: the character's class has
its three tabs, no points spent and no talent listed in them (``GetNumTalents`` is 0), so every
position answers nil, as the client does for a position past a tab's last talent. Arguments
are read as the client reads them: a tab and a talent index, then optional inspect, pet and
talent group arguments; a missing tab or index is a usage error.

Glyphs: six sockets per talent group, unlocked at the levels of the client's
``GLYPH_SLOT_TOOLTIP1``..``6`` strings (15, 15, 50, 30, 70, 80), none inscribed. The socket
types are uncertain: sockets 1, 4 and 6 are taken as major (type 1) and 2, 3 and 5 as minor
(type 2), the socket ids FrameXML's glyph frame groups together; the unlock levels would
also fit majors at 1, 3 and 6. No glyph is being inscribed, so none matches a socket.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wowapi_stubs.errors import WowApiError
from wowapi_stubs.widgets.base import flag_result, lua_int, usage_int

if TYPE_CHECKING:
    from wowapi_stubs.host import Host

GLYPH_UNLOCK_LEVELS = (15, 15, 50, 30, 70, 80)
MAJOR_GLYPH_SOCKETS = (1, 4, 6)
GLYPHTYPE_MAJOR, GLYPHTYPE_MINOR = 1, 2
TALENT_USAGE = "{0}(tabIndex, talentIndex [, isInspect, isPet, talentGroup])"


def install(client: Host) -> dict[str, Callable[..., Any]]:
    def position(name: str, tab: Any, index: Any) -> tuple[int, int]:
        if tab is None or index is None:
            raise WowApiError("Usage: " + TALENT_USAGE.format(name))
        try:
            return lua_int(tab), lua_int(index)
        except WowApiError:
            raise WowApiError("Usage: " + TALENT_USAGE.format(name)) from None

    def talent_query(name: str) -> Callable[..., tuple[Any, ...]]:
        """A talent function: nothing at any position (no tab lists a talent)."""

        def api(tab: Any = None, index: Any = None, *_: Any) -> tuple[Any, ...]:
            position(name, tab, index)
            return ()

        api.__name__ = name
        return api

    def socket_of(value: Any, usage_text: str) -> int | None:
        """A glyph socket argument (1-6), or None for a number outside them."""
        number = usage_int(value, usage_text)
        return number if 1 <= number <= len(GLYPH_UNLOCK_LEVELS) else None

    def GetGlyphSocketInfo(socket: Any = None, *_: Any) -> tuple[Any, ...]:
        number = socket_of(socket, "GetGlyphSocketInfo(socketID[, talentGroup])")
        if number is None:
            return ()
        kind = GLYPHTYPE_MAJOR if number in MAJOR_GLYPH_SOCKETS else GLYPHTYPE_MINOR
        unlocked = client.world.player.level >= GLYPH_UNLOCK_LEVELS[number - 1]
        return flag_result(unlocked), kind, None, None

    def glyph_socket_action(usage_text: str) -> Callable[..., None]:
        def api(socket: Any = None, *_: Any) -> None:
            socket_of(socket, usage_text)  # every socket is empty, no glyph is held

        return api

    return {
        "GetGlyphSocketInfo": GetGlyphSocketInfo,
        "GetGlyphLink": glyph_socket_action("GetGlyphLink(socketID[, talentGroup])"),
        "GlyphMatchesSocket": glyph_socket_action("GlyphMatchesSocket(socketID)"),
        "PlaceGlyphInSocket": glyph_socket_action("PlaceGlyphInSocket(socketID)"),
        "RemoveGlyphFromSocket": glyph_socket_action("RemoveGlyphFromSocket(socketID)"),
        "GetTalentInfo": talent_query("GetTalentInfo"),
        "GetTalentLink": talent_query("GetTalentLink"),
        "GetTalentPrereqs": talent_query("GetTalentPrereqs"),
    }
