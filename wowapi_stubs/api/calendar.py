"""The calendar: today's date on the simulated clock, and no events or pending invites."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from wowapi_stubs.host import Host


def install(client: Host) -> dict[str, Callable[..., Any]]:
    def CalendarGetDate() -> tuple[int, int, int, int]:
        """weekday (1 = Sunday), month, day, year of the realm's date."""
        now = client.now
        return (now.isoweekday() % 7 + 1, now.month, now.day, now.year)

    return {
        "CalendarGetDate": CalendarGetDate,
        "CalendarGetNumPendingInvites": lambda: 0,
        "CalendarGetNumDayEvents": lambda *args: 0,
        "CalendarGetFirstPendingInvite": lambda *args: None,
    }
