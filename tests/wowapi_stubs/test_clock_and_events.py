"""Simulated clock, OnUpdate only for visible frames, events and error isolation."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from wowapi_stubs import ClientSettings, HeadlessClient, HeadlessClientError
from wowapi_stubs.client import STARTUP_MEMORY


def test_onupdate_runs_only_while_visible_and_gets_elapsed(client: HeadlessClient) -> None:
    client.eval_lua("""
      TICKS, TOTAL = 0, 0
      local parent = CreateFrame("Frame", "P", UIParent)
      local f = CreateFrame("Frame", "F", parent)
      f:SetScript("OnUpdate", function(self, elapsed)
        TICKS = TICKS + 1; TOTAL = TOTAL + elapsed
      end)
    """)
    client.advance(1.0)
    assert client.global_value("TICKS") == 30
    assert client.global_value("TOTAL") == pytest.approx(1.0)
    client.eval_lua("P:Hide()")
    client.advance(5.0)
    assert client.global_value("TICKS") == 30
    assert client.eval_lua("return F:IsShown(), F:IsVisible() == nil") == (True, True)
    client.eval_lua("P:Show()")
    client.advance(0.5)
    assert client.global_value("TICKS") == 45


def test_time_moves_only_when_advanced(client: HeadlessClient) -> None:
    start = client.eval_lua("return GetTime(), time()")
    client.advance(90.25)
    later = client.eval_lua("return GetTime(), time()")
    assert later[0] == pytest.approx(start[0] + 90.25)
    assert later[1] == start[1] + 90


def test_error_in_one_handler_does_not_stop_other_frames(client: HeadlessClient) -> None:
    client.eval_lua("""
      GOT = {}
      local a = CreateFrame("Frame"); a:RegisterEvent("TEST_EVENT")
      a:SetScript("OnEvent", function(self, e, x) error("broken handler " .. x); GOT.a = true end)
      local b = CreateFrame("Frame"); b:RegisterEvent("TEST_EVENT")
      b:SetScript("OnEvent", function(self, e, x) GOT.b = x end)
    """)
    client.fire("TEST_EVENT", "payload")
    assert client.global_value("GOT") == {"b": "payload"}
    error = client.errors[-1]
    assert error.message == '(eval):4: broken handler payload'
    assert error.location == "(eval):4"
    assert "OnEvent(TEST_EVENT)" in error.context
    assert "(eval):4" in error.traceback


def test_seterrorhandler_receives_errors(client: HeadlessClient) -> None:
    client.eval_lua("""
      CAUGHT = nil
      seterrorhandler(function(msg) CAUGHT = msg end)
      local f = CreateFrame("Frame"); f:RegisterEvent("X")
      f:SetScript("OnEvent", function() error("oops") end)
    """)
    client.fire("X")
    assert client.global_value("CAUGHT") == "(eval):5: oops"


def test_runaway_handler_is_stopped_and_client_stays_usable() -> None:
    with HeadlessClient(ClientSettings(cpu_limit_seconds=0.3)) as client:
        client.eval_lua("""
          local f = CreateFrame("Frame"); f:RegisterEvent("SPIN")
          f:SetScript("OnEvent", function()
            while true do pcall(function() end) end
          end)
        """)
        client.fire("SPIN")
        assert "script ran too long" in client.errors[-1].message
        assert client.errors[-1].location == "(eval):4"
        assert client.eval_lua("return 40 + 2") == 42


def test_memory_cap_fails_the_allocating_code_only() -> None:
    with HeadlessClient(ClientSettings(memory_limit_bytes=32 * 1024 * 1024)) as client:
        client.eval_lua("local t = {} for i = 1, 1000 do t[i] = string.rep('x', 1048576) .. i end")
        assert "not enough memory" in client.errors[-1].message
        assert client.eval_lua("return 'still alive'") == "still alive"


def test_cap_too_small_for_start_up_is_a_clear_error() -> None:
    with pytest.raises(HeadlessClientError, match=r"memory_limit_bytes=100000 is too small"):
        HeadlessClient(ClientSettings(memory_limit_bytes=100_000))


def _addon_with_a_large_file(folder: Path) -> Path:
    """An addon whose one file needs far more memory to compile than the cap leaves."""
    addon = folder / "Hefty"
    addon.mkdir()
    (addon / "Hefty.toc").write_text("## Interface: 30300\n## Title: Hefty\nHefty.lua\n")
    rows = "\n".join(f'  "row {i:06d} {"x" * 40}",' for i in range(20_000))
    (addon / "Hefty.lua").write_text(f"HEFTY = {{\n{rows}\n}}\n")
    return addon


@pytest.mark.parametrize("reuse", [True, False])
def test_cap_reached_while_loading_names_the_file(reuse: bool, tmp_path: Path) -> None:
    addon = _addon_with_a_large_file(tmp_path)
    HeadlessClient().load_addon(addon)  # the compiled file is now cached
    # Just over the client's own start-up floor: not enough for the addon's file.
    settings = ClientSettings(memory_limit_bytes=STARTUP_MEMORY + 512, reuse_compiled_files=reuse)
    with HeadlessClient(settings) as client:
        report = client.load_addon(addon)
    assert not report.ok
    assert len(report.errors) == 1  # compiling or running the file, by how much is left
    assert re.fullmatch(r"Interface\\AddOns\\Hefty\\Hefty\.lua(:\d+)?: not enough memory",
                        report.errors[0].message)


def test_hookscript_runs_after_existing_script(client: HeadlessClient) -> None:
    client.eval_lua("""
      ORDER = ""
      local f = CreateFrame("Frame"); f:RegisterEvent("E")
      f:SetScript("OnEvent", function() ORDER = ORDER .. "1" end)
      f:HookScript("OnEvent", function() ORDER = ORDER .. "2" end)
    """)
    client.fire("E")
    assert client.global_value("ORDER") == "12"
