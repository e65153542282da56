"""Talents by position: ``GetTalentInfo``, ``GetTalentLink``, ``GetTalentPrereqs``.

They answer as the talent tabs of :mod:`wowapi_stubs.api.spells` do: the character's class has
its three tabs, no points spent and no talent listed in them (``GetNumTalents`` is 0), so every
position answers nil, as the client does for a position past a tab's last talent. Arguments
are read as the client reads them: a tab and a talent index, then optional inspect, pet and
talent group arguments; a missing tab or index is a usage error.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wowapi_stubs.errors import WowApiError
from wowapi_stubs.widgets.base import lua_number

if TYPE_CHECKING:
    from wowapi_stubs.host import Host

TALENT_USAGE = "{0}(tabIndex, talentIndex [, isInspect, isPet, talentGroup])"


def install(client: Host) -> dict[str, Callable[..., Any]]:
    def position(name: str, tab: Any, index: Any) -> tuple[int, int]:
        if tab is None or index is None:
            raise WowApiError("Usage: " + TALENT_USAGE.format(name))
        try:
            return int(lua_number(tab)), int(lua_number(index))
        except WowApiError:
            raise WowApiError("Usage: " + TALENT_USAGE.format(name)) from None

    def talent_query(name: str) -> Callable[..., tuple[Any, ...]]:
        """A talent function: nothing at any position (no tab lists a talent)."""

        def api(tab: Any = None, index: Any = None, *_: Any) -> tuple[Any, ...]:
            position(name, tab, index)
            return ()

        api.__name__ = name
        return api

    return {
        "GetTalentInfo": talent_query("GetTalentInfo"),
        "GetTalentLink": talent_query("GetTalentLink"),
        "GetTalentPrereqs": talent_query("GetTalentPrereqs"),
    }
