"""The client services Blizzard's UI reads at load and login: chat windows and colours,
languages, action bars, zone and maps, PvP, social lists, option panels, quests, misc."""

from __future__ import annotations

import pytest

from wowapi_stubs import ClientSettings, HeadlessClient


@pytest.fixture
def client() -> HeadlessClient:
    with HeadlessClient() as made:
        yield made


def test_default_chat_windows_are_the_clients(client: HeadlessClient) -> None:
    general = client.eval_lua("return {GetChatWindowInfo(1)}")
    assert general[0] == "General" and general[6] == 1 and general[8] == 1
    assert client.eval_lua("return (GetChatWindowInfo(2))") == "Combat Log"
    assert client.eval_lua("return (GetChatWindowInfo(3))") == ""
    groups = client.eval_lua("return {GetChatWindowMessages(1)}")
    assert "WHISPER" in groups and "SYSTEM" in groups and "COMBAT_XP_GAIN" not in groups
    # An index the client has no window for answers an empty window (FrameXML asks for 0).
    assert client.eval_lua("return (select(2, GetChatWindowInfo(0)))") == 0


def test_chat_window_settings_change_and_reset(client: HeadlessClient) -> None:
    client.eval_lua('AddChatWindowMessages(3, "SAY") SetChatWindowName(3, "Mine") '
                    'SetChatWindowSavedPosition(3, "TOPLEFT", 10, -20)')
    assert client.eval_lua("return {GetChatWindowMessages(3)}") == ["SAY"]
    assert client.eval_lua("return (GetChatWindowInfo(3))") == "Mine"
    assert client.eval_lua("return {GetChatWindowSavedPosition(3)}") == ["TOPLEFT", 10, -20]
    assert client.eval_lua("return GetChatWindowSavedDimensions(1)") is None
    client.eval_lua("RemoveChatWindowMessages(3, 'SAY') ResetChatWindows()")
    assert client.eval_lua("return (GetChatWindowInfo(3))") == ""
    assert ("UPDATE_CHAT_WINDOWS", ()) in client.events_fired


def test_chat_types_have_stable_indexes_and_colours_arrive_at_login(
        client: HeadlessClient) -> None:
    assert client.eval_lua('return GetChatTypeIndex("SYSTEM"), GetChatTypeIndex("say")') == (
        0, 1)
    client.eval_lua('ChangeChatColor("WHISPER", 1, 0, 0)')
    assert client.events_fired[-1] == ("UPDATE_CHAT_COLOR", ("WHISPER", 1.0, 0.0, 0.0))
    client.load_addons([])
    names = [event for event, _ in client.events_fired]
    assert names.index("UPDATE_CHAT_WINDOWS") < names.index("PLAYER_LOGIN")
    assert ("UPDATE_CHAT_COLOR", ("WHISPER", 1.0, 0.0, 0.0)) in client.events_fired


def test_the_default_language_is_known_once_in_the_world() -> None:
    with HeadlessClient(ClientSettings(character_race="Orc")) as client:
        assert client.eval_lua("return GetDefaultLanguage('player')") is None
        client.load_addons([])
        assert client.eval_lua("return GetDefaultLanguage('player'), GetNumLanguages()") == (
            "Orcish", 1)


def test_action_bars_are_empty_and_runes_belong_to_death_knights(
        client: HeadlessClient) -> None:
    assert client.eval_lua("return HasAction(1), GetActionCount(1), GetActionBarPage()") == (
        None, 0, 1)
    client.eval_lua("ChangeActionBarPage(2)")
    assert client.events_fired[-1] == ("ACTIONBAR_PAGE_CHANGED", ())
    assert client.eval_lua("return GetRuneType(1)") is None
    with HeadlessClient(ClientSettings(character_class="Death Knight")) as knight:
        assert knight.eval_lua("return GetRuneType(1), GetRuneType(3), GetRuneType(6)") == (
            1, 2, 3)


def test_zone_and_map_follow_the_world(client: HeadlessClient) -> None:
    assert client.eval_lua("return GetRealZoneText(), GetSubZoneText(), IsInInstance()") == (
        "Dalaran", "Krasus' Landing", None, "none")
    assert client.eval_lua("return (GetZonePVPInfo())") == "sanctuary"
    client.world.zone.instance_type = "party"
    assert client.eval_lua("return select(2, IsInInstance())") == "party"
    assert client.eval_lua("return (GetMapInfo())") == "Dalaran"
    assert client.eval_lua("return GetNumTrackingTypes() > 0, (GetTrackingInfo(99))") == (
        True, None)


def test_social_lists_are_empty_and_asking_answers_later(client: HeadlessClient) -> None:
    assert client.eval_lua("return GetNumFriends()") == (0, 0)
    assert client.eval_lua("return IsInGuild(), BNFeaturesEnabled()") == (None, None)
    client.eval_lua("ShowFriends() GetGMTicket()")
    assert ("FRIENDLIST_UPDATE", ()) in client.events_fired
    assert ("UPDATE_TICKET", ()) not in client.events_fired  # the server answers later
    client.advance(1.0)
    assert ("UPDATE_TICKET", ()) in client.events_fired
    with HeadlessClient(ClientSettings(character_guild="Gold")) as member:
        assert member.eval_lua("return IsInGuild(), (GetGuildInfo('player'))") == (1, "Gold")


def test_localized_class_names_fill_the_callers_table(client: HeadlessClient) -> None:
    names = client.eval_lua("local t = {} FillLocalizedClassList(t, false) return t")
    assert names["DEATHKNIGHT"] == "Death Knight" and len(names) == 10
    assert client.eval_lua("return GetMirrorTimerInfo(1)")[0] == "UNKNOWN"


def test_option_panels_see_one_plausible_machine(client: HeadlessClient) -> None:
    formats = client.eval_lua("return {GetMultisampleFormats()}")
    assert len(formats) % 3 == 0 and formats[:3] == [24, 24, 1]
    assert client.eval_lua("return Sound_GameSystem_GetNumOutputDrivers(), "
                           "Sound_GameSystem_GetOutputDriverNameByIndex(0)") == (
        1, "System Default")
    assert client.eval_lua("return GetExistingLocales()") == "enUS"


def test_api_functions_are_made_when_read_and_listed_by_pairs(client: HeadlessClient) -> None:
    assert client.eval_lua('return rawget(_G, "SendMail") ~= nil') is True
    assert client.eval_lua('local seen = {} for k in pairs(_G) do seen[k] = true end '
                           'return seen.GetChatWindowInfo and seen.HasAction') is True
    client.eval_lua("setmetatable(_G, {__index = function() error('strict') end}) "
                    "AFTER = type(GetTrackingInfo)")
    assert client.global_value("AFTER") == "function"
