"""The calendar: no events and no pending invites (``CalendarGetDate`` is with the
clock functions)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from wowapi_stubs.host import Host


def install(client: Host) -> dict[str, Callable[..., Any]]:
    return {
        "CalendarGetNumPendingInvites": lambda: 0,
        "CalendarGetNumDayEvents": lambda *args: 0,
        "CalendarGetFirstPendingInvite": lambda *args: None,
    }
