"""``ReloadUI()``, ``/reload`` and ``HeadlessClient.reload_ui``: the UI is torn down and loaded
again while the character stays in the world (see ``wowapi_stubs._reload``)."""

from __future__ import annotations

import pytest

from mgm_addon_contract._resources import reference_addon_dir
from tests.shared_data import require_shared
from tests.wowapi_stubs.conftest import AddonFactory
from wowapi_stubs import ClientSettings, HeadlessClient
from wowapi_stubs._reload import RELOAD_SECONDS
from wowapi_stubs.errors import HeadlessClientError

# An addon that counts its loads in a saved table and notes, in load order, the events it
# sees (the old UI's last ones reach the saved table before it is collected).
TRACKER = """
local f = CreateFrame("Frame", "TrackerFrame")
for _, e in ipairs({"ADDON_LOADED", "VARIABLES_LOADED", "PLAYER_LOGIN",
                    "PLAYER_ENTERING_WORLD", "PLAYER_LEAVING_WORLD", "PLAYER_LOGOUT"}) do
  f:RegisterEvent(e)
end
f:SetScript("OnEvent", function(self, event, arg1)
  if event == "ADDON_LOADED" then
    if arg1 ~= "Tracker" then return end
    TrackerDB = TrackerDB or {loads = 0, seen = {}, nested = {deep = {1, 2, {x = "y"}}}}
    TrackerDB.loads = TrackerDB.loads + 1
  end
  if TrackerDB then
    TrackerDB.seen[#TrackerDB.seen + 1] = event .. (IsLoggedIn() and "+" or "-")
  end
end)
"""
SV = "## SavedVariables: TrackerDB"


@pytest.fixture
def tracked(client: HeadlessClient, make_addon: AddonFactory) -> HeadlessClient:
    client.load_addons([make_addon("Tracker", {"Tracker.lua": TRACKER}, toc_extra=SV)])
    return client


def test_saved_variables_round_trip_and_nothing_else_survives(tracked: HeadlessClient) -> None:
    client = tracked
    client.eval_lua("TrackerDB.nested.deep[3].x = 'changed'; OnlyInMemory = {1, 2}")
    old_frame = client.find_frame("TrackerFrame")
    reports = client.reload_ui()
    assert [(r.addon, r.loaded) for r in reports] == [("Tracker", True)]
    db = client.global_value("TrackerDB")
    assert db["loads"] == 2
    assert db["nested"] == {"deep": [1, 2, {"x": "changed"}]}  # tables round-trip
    assert client.global_value("OnlyInMemory") is None
    new_frame = client.find_frame("TrackerFrame")
    assert new_frame is not old_frame and client.frames_for_event("PLAYER_LOGIN") == [new_frame]
    assert client.logout()["TrackerDB"]["loads"] == 2
    assert client.errors == []


def test_functions_in_saved_variables_are_not_saved(client: HeadlessClient,
                                                    make_addon: AddonFactory) -> None:
    code = """
    local f = CreateFrame("Frame")
    f:RegisterEvent("ADDON_LOADED")
    f:SetScript("OnEvent", function()
      FnDB = FnDB or {keep = 1, list = {1, print, 3}, [print] = "key", run = print}
    end)
    """
    client.load_addons([make_addon("Fn", {"f.lua": code}, toc_extra="## SavedVariables: FnDB")])
    client.reload_ui()
    assert client.global_value("FnDB") == {"keep": 1, "list": {1: 1, 3: 3}}
    assert [f.details["entries"] for f in client.findings
            if f.kind == "saved-variable-unsaved-values"] == [3]


def test_event_order_and_logged_in_state(tracked: HeadlessClient) -> None:
    client = tracked
    client.eval_lua("wipe(TrackerDB.seen)")
    client.reload_ui()
    assert client.global_value("TrackerDB")["seen"] == [
        "PLAYER_LEAVING_WORLD+", "PLAYER_LOGOUT+",  # the old UI, collected after these
        "ADDON_LOADED-", "VARIABLES_LOADED-", "PLAYER_LOGIN+", "PLAYER_ENTERING_WORLD+"]
    assert client.eval_lua("return IsLoggedIn()") == 1


def test_reload_from_lua_waits_for_the_entry_and_happens_once(tracked: HeadlessClient) -> None:
    client = tracked
    client.type_line("/run ReloadUI(); ReloadUI(); Marker = 1; print('still running')")
    assert "still running" in client.chat_texts()
    assert client.global_value("Marker") is None  # the reload came after the script ended
    assert client.global_value("TrackerDB")["loads"] == 2  # one reload for both calls
    client.eval_lua('ConsoleExec("reloadui")')
    client.type_line("/reload")
    assert client.global_value("TrackerDB")["loads"] == 4
    assert client.errors == []


def test_the_world_survives_and_the_chat_log_keeps_appending(
        tracked: HeadlessClient) -> None:
    client = tracked
    client.set_money(5000)
    client.set_bag_item(0, 1, 6948, "Hearthstone")
    client.enter_combat()
    client.eval_lua("print('before the reload')")
    started, reports_before = client.uptime, len(client.load_reports)
    client.eval_lua("error('an old error')")
    client.reload_ui()
    client.eval_lua("print('after the reload')")
    assert client.uptime == started + RELOAD_SECONDS  # the loading screen's time
    assert client.eval_lua("return GetMoney(), GetContainerItemID(0, 1), InCombatLockdown()"
                           ) == (5000, 6948, 1)
    assert "an old error" in client.errors[0].message
    assert len(client.load_reports) == reports_before + 1
    log = client.chatlog_path.read_text(encoding="utf-8")
    assert log.index("before the reload") < log.index("after the reload")
    assert client.chat_texts()[-2:] == ["before the reload", "after the reload"]


def test_addon_state_in_the_client_list_takes_effect(client: HeadlessClient,
                                                     make_addon: AddonFactory) -> None:
    make_addon("Plain", {"p.lua": "PlainLoads = (PlainLoads or 0) + 1"})
    make_addon("Later", {"l.lua": "LaterLoaded = true"}, toc_extra="## LoadOnDemand: 1")
    folder = make_addon("Off", {"o.lua": "OffLoaded = true"}, toc_extra="## DefaultState: disabled")
    client.load_addons([folder.parent])
    client.eval_lua('LoadAddOn("Later"); DisableAddOn("Plain"); EnableAddOn("Off")')
    assert client.eval_lua('return IsAddOnLoaded("Later"), IsAddOnLoaded("Plain")') == (1, 1)
    reports = {r.addon: r for r in client.reload_ui()}
    assert not reports["Plain"].loaded and reports["Off"].loaded
    assert "load on demand" in (reports["Later"].not_loaded or "")
    assert client.eval_lua('return IsAddOnLoaded("Later"), IsAddOnLoaded("Plain"), '
                           'OffLoaded, LaterLoaded') == (None, None, True, None)
    assert client.eval_lua('return LoadAddOn("Later"), LaterLoaded') == (1, True)


def test_edited_files_are_read_again(client: HeadlessClient, make_addon: AddonFactory) -> None:
    folder = make_addon("Edited", {"e.lua": "Version = 1"})
    client.load_addons([folder])
    (folder / "e.lua").write_text("Version = 2 -- edited while the game runs", encoding="utf-8")
    client.reload_ui()
    assert client.global_value("Version") == 2


def test_a_mail_in_flight_is_answered_to_the_new_ui(client: HeadlessClient,
                                                    make_addon: AddonFactory) -> None:
    listener = """
    local f = CreateFrame("Frame")
    f:RegisterEvent("MAIL_SEND_SUCCESS")
    f:SetScript("OnEvent", function(_, event) Answered = event end)
    """
    client.add_character("Alt")
    client.load_addons([make_addon("Listener", {"l.lua": listener})])
    client.open_mailbox()
    client.type_line("/run SetSendMailMoney(100); SendMail('Alt', 'gold', ''); ReloadUI()")
    assert client.global_value("Answered") == "MAIL_SEND_SUCCESS"
    assert [m.copper for m in client.mail_ledger] == [100]
    assert not client.mail.open  # the new UI has no mailbox window open


def test_hostile_reload_loops_stay_bounded(client: HeadlessClient,
                                           make_addon: AddonFactory) -> None:
    looping = """
    local f = CreateFrame("Frame")
    f:SetScript("OnUpdate", function() ReloadUI() end)
    f:RegisterEvent("PLAYER_LOGOUT")
    f:SetScript("OnEvent", function() ReloadUI(); ReloadUI() end)  -- ignored: reloading
    """
    client.load_addons([make_addon("Loop", {"l.lua": looping})])
    client.advance(15)
    # One reload a frame, each with a loading screen's time: bounded by the time given.
    assert 10 <= client.reloads.count <= 15 / RELOAD_SECONDS + 1
    assert [f.kind for f in client.findings].count("ui-reload-loop") == 1
    assert client.errors == []


def test_reload_ui_refuses_when_there_is_nothing_to_reload_or_lua_runs(
        make_addon: AddonFactory) -> None:
    calls: list[str] = []
    client = HeadlessClient(host_api={"ReloadNow": lambda: calls.append(str(client.reload_ui()))})
    with client:
        with pytest.raises(HeadlessClientError, match="not in the world"):
            client.reload_ui()
        client.load_addons([make_addon("A", {"a.lua": "Loaded = true"})])
        client.eval_lua("ReloadNow()")
        assert calls == [] and "while Lua code runs" in client.errors[-1].message
        client.logout()
        client.eval_lua("ReloadUI()")
        assert [f.kind for f in client.findings][-1] == "reload-ignored"


def test_reference_addon_reloads_cleanly_and_still_answers_a_whisper(
        client: HeadlessClient) -> None:
    client.load_addons([reference_addon_dir()])
    client.type_line("/reload")
    _answers_a_winner(client)


def test_framexml_reload_through_its_own_slash_command(make_addon: AddonFactory) -> None:
    folder = require_shared("MGM_FRAMEXML_DIR")
    tracker = make_addon("Tracker", {"Tracker.lua": TRACKER}, toc_extra=SV)
    with HeadlessClient(ClientSettings(framexml_dir=folder)) as client:
        client.load_addons([reference_addon_dir(), tracker])
        client.eval_lua("OnlyInMemory = true")
        client.type_line("/reload")  # FrameXML: SlashCmdList.RELOAD -> ConsoleExec("reloadui")
        assert client.global_value("TrackerDB")["loads"] == 2
        assert client.global_value("OnlyInMemory") is None
        assert client.framexml_report is not None and len(client.framexml_report.files) > 100
        _answers_a_winner(client)


PAYOUT = "2d2b7b2a-1111-2222-3333-444444444444"


def _answers_a_winner(client: HeadlessClient) -> None:
    client.add_character("Norinn")
    client.type_line(f'/run NotifyWinnerWhisper("{PAYOUT}","Norinn")')
    client.whisper_from("Norinn", "!twgold")
    assert f"[MGM_ACCEPT:{PAYOUT}]" in client.chatlog_path.read_text(encoding="utf-8")
    assert client.errors == []
