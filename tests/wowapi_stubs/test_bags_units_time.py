"""Bags and items, units, combat, locale, time and date on the simulated clock."""

from __future__ import annotations

from datetime import UTC, datetime

from wowapi_stubs import ClientSettings, HeadlessClient


def test_bags_and_item_info_use_the_clients_return_order() -> None:
    with HeadlessClient() as client:
        client.set_bag_item(0, 1, 33470, "Frostweave Cloth", count=7, quality=1,
                            texture="Interface\\Icons\\INV_Fabric_Frostweave")
        assert client.eval_lua("return GetContainerNumSlots(0), GetContainerNumSlots(9)") == (16, 0)
        link = client.eval_lua("return GetContainerItemLink(0, 1)")
        assert link == "|cffffffff|Hitem:33470:0:0:0:0:0:0:0:80|h[Frostweave Cloth]|h|r"
        assert client.eval_lua("return GetContainerItemInfo(0, 1)") == (
            "Interface\\Icons\\INV_Fabric_Frostweave", 7, None, 1, None)
        info = client.eval_lua("return GetItemInfo(GetContainerItemLink(0, 1))")
        assert info[:3] == ("Frostweave Cloth", link, 1)
        assert client.eval_lua("return GetItemInfo(33470) == GetItemInfo('Frostweave Cloth')")
        assert client.eval_lua("return GetContainerItemLink(0, 2)") is None


def test_units_combat_and_locale() -> None:
    with HeadlessClient(ClientSettings(character_name="Mimiron", realm="Lordaeron",
                                       locale="ruRU")) as client:
        client.eval_lua("""
          local f = CreateFrame("Frame"); f:RegisterEvent("PLAYER_REGEN_DISABLED")
          f:RegisterEvent("PLAYER_REGEN_ENABLED")
          f:SetScript("OnEvent", function(self, e) LAST = e; IN = UnitAffectingCombat("player") end)
        """)
        assert client.eval_lua("return UnitName('player'), GetRealmName(), GetLocale()") == (
            "Mimiron", "Lordaeron", "ruRU")
        client.enter_combat()
        assert client.global_value("LAST") == "PLAYER_REGEN_DISABLED"
        assert client.global_value("IN") == 1
        client.leave_combat()
        assert client.global_value("LAST") == "PLAYER_REGEN_ENABLED"
        assert client.global_value("IN") is None


def test_time_and_date_follow_the_simulated_clock_and_zone() -> None:
    start = datetime(2026, 4, 6, 18, 40, 12, tzinfo=UTC)
    with HeadlessClient(ClientSettings(start_time=start, utc_offset_minutes=-300)) as client:
        assert client.eval_lua("return time()") == int(start.timestamp())
        utc = client.global_value("X") or client.eval_lua(
            'local t = date("!*t"); return t.year, t.month, t.day, t.hour, t.min, t.sec')
        assert utc == (2026, 4, 6, 18, 40, 12)
        assert client.eval_lua('return date("%H:%M")') == "13:40"
        assert client.eval_lua('return date("!%Y-%m-%dT%H:%M:%SZ", 0)') == "1970-01-01T00:00:00Z"
        assert client.eval_lua("return time(date('*t'))") == int(start.timestamp())
        client.advance(3600)
        assert client.eval_lua('return date("!%H")') == "19"


def test_times_the_c_library_cannot_represent_give_nil() -> None:
    # Lua 5.1's os.date/os.time return nil when localtime/mktime fail.
    with HeadlessClient() as client:
        assert client.eval_lua('return date("%Y", 2^60), date("!*t", -2^60), date("%Y", 1/0),'
                               ' time({year = 2^40, month = 1, day = 1}),'
                               ' time({year = 2020, month = 1, day = 1/0})') == (None,) * 5
        assert not client.errors and not client.runtime.internal_errors
