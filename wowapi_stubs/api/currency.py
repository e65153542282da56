"""The currency list (the character sheet's currency tab) and the currencies shown on the
backpack: ``GetCurrencyListSize``, ``GetCurrencyListInfo``, ``ExpandCurrencyList``,
``GetBackpackCurrencyInfo``.

The world answers from ``world.progress.currencies``
(:class:`~wowapi_stubs.progress.Currencies`): the emblems a level-80 character gathers in
Northrend's dungeons, under their category's header; no honor or arena points (as the PvP
panel says), none shown on the backpack. Rows are positions in the visible list (a collapsed
header hides its currencies).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wowapi_stubs.errors import WowApiError
from wowapi_stubs.widgets.base import (
    flag_result,
    lua_flag,
    lua_int,
    lua_number,
    usage_int,
)

if TYPE_CHECKING:
    from wowapi_stubs.host import Host
    from wowapi_stubs.progress import Currencies, Currency

MAX_WATCHED_TOKENS = 3


def install(client: Host) -> dict[str, Callable[..., Any]]:
    def currencies() -> Currencies:
        return client.world.progress.currencies

    def GetCurrencyListInfo(index: Any = None) -> tuple[Any, ...]:
        """name, header, expanded, unused, watched, count, extra type (1 arena, 2 honor),
        icon, item id."""
        number = usage_int(index, "GetCurrencyListInfo(index)")
        rows = currencies().rows()
        if not 1 <= number <= len(rows):
            return ()
        row = rows[number - 1]
        if isinstance(row, str):
            expanded = row not in currencies().collapsed
            return row, 1, flag_result(expanded), None, None, 0, 0, None, 0
        return (row.name, None, None, flag_result(row.unused), flag_result(row.watched),
                row.count, row.extra_type, row.icon, row.item_id)

    def ExpandCurrencyList(index: Any = None, expand: Any = None) -> None:
        if index is None or expand is None:
            raise WowApiError("Usage: ExpandCurrencyList(index, expand)")
        number = lua_int(index, what="index")
        rows = currencies().rows()
        row = rows[number - 1] if 1 <= number <= len(rows) else None
        if not isinstance(row, str):
            return
        if expand is True or (lua_flag(expand) and lua_number(expand, what="expand") != 0):
            currencies().collapsed.discard(row)
        else:
            currencies().collapsed.add(row)

    def watched() -> list[Currency]:
        return [c for c in currencies().items if c.watched][:MAX_WATCHED_TOKENS]

    def GetBackpackCurrencyInfo(index: Any = None) -> tuple[Any, ...]:
        """name, count, extra type, icon, item id of the index-th currency shown."""
        number = usage_int(index, "GetBackpackCurrencyInfo(index)")
        shown = watched()
        if not 1 <= number <= len(shown):
            return ()
        found = shown[number - 1]
        return found.name, found.count, found.extra_type, found.icon, found.item_id

    return {
        "GetCurrencyListSize": lambda: len(currencies().rows()),
        "GetCurrencyListInfo": GetCurrencyListInfo,
        "ExpandCurrencyList": ExpandCurrencyList,
        "GetBackpackCurrencyInfo": GetBackpackCurrencyInfo,
    }
