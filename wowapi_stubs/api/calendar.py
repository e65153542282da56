"""The calendar: the month it shows, and no events, invitations, holidays or raid lockouts on
any day (``CalendarGetDate`` is with the clock functions).

The calendar shows the realm's current month until ``CalendarSetAbsMonth(month, year)`` or
``CalendarSetMonth(offset)`` moves it; ``CalendarGetMonth([offset])`` describes the month
``offset`` months from the one shown: month, year, number of days and the weekday of its first
day (1 = Sunday, as ``CalendarGetDate``). ``OpenCalendar`` asks the server for the calendar,
which answers with ``CALENDAR_UPDATE_EVENT_LIST`` after the call. No event is open, so the
event queries answer nothing and its invite list is empty. A missing day or index is the
client's usage error.
"""

from __future__ import annotations

import calendar as month_math
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wowapi_stubs.api._windows import answer, indexed, nothing
from wowapi_stubs.api.timefuncs import calendar_today
from wowapi_stubs.widgets.base import opt_int, usage_int

if TYPE_CHECKING:
    from wowapi_stubs.host import Host

EVENTS = ("CALENDAR_UPDATE_EVENT_LIST",)


def install(client: Host) -> dict[str, Callable[..., Any]]:
    shown: dict[str, int] = {}  # "month" since year 0 (month + 12 * year - 1), once moved

    def current() -> int:
        if "month" not in shown:
            today = calendar_today(client)
            shown["month"] = today.year * 12 + today.month - 1
        return shown["month"]

    def CalendarGetMonth(offset: Any = None) -> tuple[int, int, int, int]:
        year, month = divmod(current() + opt_int(offset, 0, what="offset"), 12)
        first_weekday, days = month_math.monthrange(year, month + 1)
        return month + 1, year, days, (first_weekday + 1) % 7 + 1

    def CalendarSetMonth(offset: Any = None) -> None:
        shown["month"] = current() + usage_int(offset, "CalendarSetMonth(offset)")

    def CalendarSetAbsMonth(month: Any = None, year: Any = None) -> None:
        usage = "CalendarSetAbsMonth(month, year)"
        number, in_year = usage_int(month, usage), usage_int(year, usage)
        shown["month"] = in_year * 12 + number - 1

    day_query = "{}(monthOffset, day, index)"
    return {
        "CalendarGetNumPendingInvites": lambda: 0,
        "CalendarGetNumDayEvents": lambda *args: 0,
        "CalendarGetFirstPendingInvite": lambda *args: None,
        "CalendarGetMonth": CalendarGetMonth,
        "CalendarSetMonth": CalendarSetMonth,
        "CalendarSetAbsMonth": CalendarSetAbsMonth,
        "OpenCalendar": lambda: answer(client, "CALENDAR_UPDATE_EVENT_LIST"),
        "CalendarGetDayEvent": indexed(day_query.format("CalendarGetDayEvent"), 1, 2, 3),
        "CalendarGetHolidayInfo": indexed(day_query.format("CalendarGetHolidayInfo"), 1, 2, 3),
        "CalendarGetRaidInfo": indexed(day_query.format("CalendarGetRaidInfo"), 1, 2, 3),
        "CalendarIsActionPending": nothing,
        # the open event (none)
        "CalendarEventGetNumInvites": lambda: 0,
        "CalendarEventGetInvite": indexed("CalendarEventGetInvite(index)"),
        "CalendarEventCanEdit": nothing,
        "CalendarEventHaveSettingsChanged": nothing,
        "CalendarEventHasPendingInvite": nothing,
        "CalendarCloseEvent": nothing,
    }
