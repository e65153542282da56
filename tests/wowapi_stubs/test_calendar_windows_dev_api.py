"""The calendar's months, windows read while closed, what the character shows and has been
taught, and the developer functions the headless client refuses visibly."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.wowapi_stubs.eval_clean import run
from tests.wowapi_stubs.test_client_misc_api import watch
from wowapi_stubs import ClientSettings, HeadlessClient


@pytest.fixture
def client() -> HeadlessClient:
    settings = ClientSettings(start_time=datetime(2026, 12, 15, 12, 0, tzinfo=UTC))
    with HeadlessClient(settings) as c:
        yield c


def test_the_calendar_shows_this_month_until_moved(client: HeadlessClient) -> None:
    assert run(client, """
      local m, y, days, first = CalendarGetMonth()
      local pm, py, pdays = CalendarGetMonth(-1)
      local nm, ny = CalendarGetMonth(1)
      CalendarSetAbsMonth(2, 2028)
      local am, ay, adays, afirst = CalendarGetMonth()
      CalendarSetMonth(-2)
      local bm, by = CalendarGetMonth()
      return m, y, days, first, pm, py, pdays, nm, ny, am, ay, adays, afirst, bm, by
    """) == (12, 2026, 31, 3, 11, 2026, 30, 1, 2027, 2, 2028, 29, 3, 12, 2027)


def test_opening_the_calendar_is_answered_and_no_day_has_events(client: HeadlessClient
                                                                ) -> None:
    watch(client, "CALENDAR_UPDATE_EVENT_LIST")
    assert run(client, """
      OpenCalendar()
      return #SEEN, select("#", CalendarGetDayEvent(0, 15, 1)),
        select("#", CalendarGetHolidayInfo(0, 1, 1)), CalendarEventGetNumInvites(),
        CalendarIsActionPending()
    """) == (0, 0, 0, 0, None)
    client.settle()
    assert run(client, "return #SEEN, SEEN[1]") == (1, "CALENDAR_UPDATE_EVENT_LIST")
    ok, message = client.eval_lua("return pcall(CalendarGetDayEvent, 0, 1)")
    assert ok is False and message.endswith(
        "Usage: CalendarGetDayEvent(monthOffset, day, index)")


def test_closed_windows_and_pending_offers_answer_nothing(client: HeadlessClient) -> None:
    assert run(client, """
      return ItemTextGetText(), ItemTextHasNextPage(), GetNumSockets(),
        select("#", GetExistingSocketInfo(1)), NumTaxiNodes(), TaxiNodeCost(1),
        GetNumPetitionNames(), select("#", GetTradePlayerItemInfo(1)),
        GetTradeTargetItemLink(7), ResurrectGetOfferer(), GetSummonConfirmTimeLeft(),
        GetInstanceBootTimeRemaining(), GetMinigameType()
    """) == (None, None, 0, 0, 0, 0, 0, 0, None, None, 0, 0, None)


def test_helm_cloak_and_tutorials_are_kept(client: HeadlessClient) -> None:
    assert run(client, """
      local helm, cloak = ShowingHelm(), ShowingCloak()
      ShowHelm("0"); ShowCloak(false)
      local hidden = {ShowingHelm(), ShowingCloak()}
      ShowHelm("1")
      local canBefore = CanResetTutorials()
      FlagTutorial(3); FlagTutorial(9); FlagTutorial(5)
      local flagged, other = IsTutorialFlagged(5), IsTutorialFlagged(4)
      local nextOf3, prevOf9, last = GetNextCompleatedTutorial(3), GetPrevCompleatedTutorial(9),
        GetNextCompleatedTutorial(9)
      ResetTutorials()
      return helm, cloak, #hidden, ShowingHelm(), canBefore, flagged, other, nextOf3, prevOf9,
        last, IsTutorialFlagged(5), CanResetTutorials()
    """) == (1, 1, 0, 1, None, 1, None, 5, 5, None, None, None)


def test_developer_functions_are_refused_with_a_finding(client: HeadlessClient) -> None:
    code = 'return ReadFile("C:\\\\secrets.txt"), AppendToFile("x", "y")'
    assert run(client, code) == (None, None)
    refused = [f for f in client.findings if f.kind == "dev-function-refused"]
    assert [f.details["function"] for f in refused] == ["ReadFile", "AppendToFile"]
    assert refused[0].location == "=(eval):1"
