"""Time on the simulated clock: ``time``, ``date`` (``"*t"``, ``"!*t"``, strftime formats),
``difftime`` and ``GetTime``. The simulated PC's time zone is a setting."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from datetime import date as date_type
from typing import TYPE_CHECKING, Any

from wowapi_stubs.errors import WowApiError
from wowapi_stubs.widgets.base import lua_int, lua_number, lua_text

if TYPE_CHECKING:
    from wowapi_stubs.client import HeadlessClient
    from wowapi_stubs.host import Host


def date_table(moment: datetime) -> dict[str, Any]:
    """Lua's ``*t`` table for ``moment`` (wday: Sunday = 1)."""
    return {
        "year": moment.year, "month": moment.month, "day": moment.day, "hour": moment.hour,
        "min": moment.minute, "sec": moment.second, "wday": (moment.isoweekday() % 7) + 1,
        "yday": moment.timetuple().tm_yday, "isdst": False,
    }


def calendar_today(client: Host) -> date_type:
    """Today on the realm's calendar (the simulated PC's time zone)."""
    return client.now.astimezone(client.settings.local_zone()).date()


def install(client: HeadlessClient) -> dict[str, Callable[..., Any]]:
    zone = client.settings.local_zone()

    def _moment(fmt: str, stamp: Any) -> tuple[str, datetime | None]:
        """The format without its ``!`` and the moment (None: the C library cannot represent
        that time, so Lua's ``date`` gives nil)."""
        number = client.clock.epoch() if stamp is None else lua_number(stamp, what="time")
        utc = fmt.startswith("!")
        try:
            moment = datetime.fromtimestamp(int(number), tz=UTC if utc else zone)
        except (OverflowError, OSError, ValueError):
            moment = None
        return (fmt[1:] if utc else fmt), moment

    def date(fmt: Any = None, stamp: Any = None) -> Any:
        text = lua_text(fmt) if fmt is not None else "%c"
        pattern, moment = _moment(text, stamp)
        if moment is None:
            return None
        if pattern.startswith("*t"):
            return client.runtime.table(date_table(moment))
        try:
            return moment.strftime(pattern)
        except ValueError as exc:
            raise WowApiError(f"bad argument #1 to 'date' ({exc})") from exc

    def time(table: Any = None) -> int | None:
        if table is None:
            return client.clock.epoch()
        if not client.runtime.is_table(table):
            raise WowApiError("bad argument #1 to 'time' (table expected)")

        def field(name: str, default: int | None) -> int:
            value = table[name.encode()]
            if value is None:
                if default is None:
                    raise WowApiError(f"field '{name}' missing in date table")
                return default
            return lua_int(value)

        try:
            months = field("month", None) - 1
            year = field("year", None) + months // 12
            moment = datetime(year, months % 12 + 1, 1, tzinfo=zone) + timedelta(
                days=field("day", None) - 1, hours=field("hour", 12),
                minutes=field("min", 0), seconds=field("sec", 0),
            )
            return int(moment.timestamp())
        except (OverflowError, OSError, ValueError):
            return None  # mktime cannot represent it: Lua's time gives nil

    def difftime(t2: Any = None, t1: Any = None) -> float:
        return float(lua_number(t2) - (lua_number(t1) if t1 is not None else 0))

    def GetTime() -> float:
        return round(client.clock.uptime, 3)

    def CalendarGetDate() -> tuple[int, int, int, int]:
        """Today on the realm's calendar: weekday (1 = Sunday), month, day, year."""
        today = calendar_today(client)
        return today.isoweekday() % 7 + 1, today.month, today.day, today.year

    return {"date": date, "time": time, "difftime": difftime, "GetTime": GetTime,
            "CalendarGetDate": CalendarGetDate}
