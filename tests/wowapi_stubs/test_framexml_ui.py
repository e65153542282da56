"""Blizzard's own FrameXML (build 12340) in the headless client: it loads and logs in with
no Lua error, and its frames are the UI. Needs an extracted Interface folder
(``MGM_FRAMEXML_DIR``); skipped without one. One client per module: loading FrameXML takes
seconds."""

from __future__ import annotations

import pytest

from tests.shared_data import require_shared
from wowapi_stubs import ClientSettings, HeadlessClient


@pytest.fixture(scope="module")
def framexml() -> HeadlessClient:
    folder = require_shared("MGM_FRAMEXML_DIR")
    with HeadlessClient(ClientSettings(framexml_dir=folder)) as client:
        client.enter_world()
        client.advance(3)
        yield client


def test_framexml_loads_logs_in_and_runs_without_lua_errors(framexml: HeadlessClient) -> None:
    assert [e.message for e in framexml.errors] == []
    report = framexml.framexml_report
    assert report is not None and all(f.ok for f in report.files)
    assert len(report.files) > 100  # FrameXML.toc lists about 330 files
    assert [f.message for f in report.findings if f.kind == "xml-error"] == []
    fired = [event for event, _ in framexml.events_fired]
    assert fired.index("VARIABLES_LOADED") < fired.index("PLAYER_LOGIN") < fired.index(
        "PLAYER_ENTERING_WORLD")


def test_framexml_frames_are_the_ui(framexml: HeadlessClient) -> None:
    for name in ("UIParent", "ChatFrame1", "ChatFrame1EditBox", "SendMailFrame",
                 "SendMailMailButton", "WhoFrame", "FriendsFrame", "StaticPopup1"):
        assert framexml.find_frame(name) is not None, name
    # Functions FrameXML defines in Lua, not the built-in stand-ins.
    assert framexml.eval_lua("return debugstack and type(ChatEdit_ParseText), "
                             "type(StaticPopup_Show), IsLoggedIn()") == ("function",
                                                                         "function", 1)


def test_c_functions_written_in_lua_are_there_under_framexml(framexml: HeadlessClient) -> None:
    """SecureStateDriver.lua and ChatFrame.lua call SecureCmdOptionParse, a C function."""
    assert framexml.eval_lua('return SecureCmdOptionParse("[combat] a; [@player] b")') == (
        "b", "player")


def test_secure_handlers_run_an_addons_snippets_in_blizzards_restricted_environment(
        framexml: HeadlessClient) -> None:
    """An addon's SecureHandlerExecute and WrapScript reach FrameXML's restricted code
    through a protected frame's attributes; the snippets run there, secure."""
    before = len(framexml.errors)
    assert framexml.eval_lua("""
      local header = CreateFrame("Frame", "SnippetHeader", UIParent, "SecureHandlerStateTemplate")
      local button = CreateFrame("Button", "SnippetButton", UIParent, "SecureActionButtonTemplate")
      SecureHandlerExecute(header, [[ self:SetAttribute("ran", "execute") ]])
      SecureHandlerWrapScript(button, "OnClick", header, [[ owner:SetAttribute("clicks", 1) ]])
      local protected, explicit = header:IsProtected()
      local addon_secure = issecure()
      return header:GetAttribute("ran"), protected, explicit, addon_secure
    """) == ("execute", 1, 1, None)
    assert framexml.find_frame("SnippetButton").click()
    assert framexml.eval_lua('return SnippetHeader:GetAttribute("clicks")') == 1
    assert [e.message for e in framexml.errors[before:]] == []


def test_blizzard_code_is_secure_and_an_addon_in_the_call_makes_it_insecure(
        framexml: HeadlessClient) -> None:
    assert framexml.eval_lua("""
      local from_addon = issecure()
      local through_blizzard = securecall(issecure)  -- securecall is the client's own
      return from_addon, through_blizzard
    """) == (None, None)
    assert framexml.eval_lua("return issecure()") is None  # a tail call leaves no frame
    # Code named like one of Blizzard's files is not Blizzard's, even when the client calls
    # it directly (a script handler); its messages keep the name.
    framexml.eval_lua(r"""
      local handler = loadstring("SPOOF_SECURE = issecure() or false",
                                 "@Interface\\FrameXML\\Fake.lua")
      local f = CreateFrame("Frame")
      f:RegisterEvent("BAG_UPDATE")
      f:SetScript("OnEvent", handler)
    """)
    framexml.fire("BAG_UPDATE", 0)
    assert framexml.eval_lua(r"""
      local g = loadstring("error('x')", "@Interface\\FrameXML\\Fake.lua")
      return SPOOF_SECURE, select(2, pcall(g))
    """) == (False, "Interface\\FrameXML\\Fake.lua:1: x")
    # FrameXML's own code, started by the client (a frame's OnLoad from FrameXML's XML):
    assert framexml.eval_lua("return SecureHandlersUpdateFrame:IsProtected()") == (1, 1)
