"""The built-in UI's secure handlers: snippets of the SecureHandler templates run in a
restricted environment (the header's own globals, frame handles, ``control``), state drivers
change protected frames in combat through them, and wrapped scripts run around a frame's
handler."""

from __future__ import annotations

import pytest

from tests.wowapi_stubs.eval_clean import run
from wowapi_stubs import HeadlessClient

BAR = """
  local bar = CreateFrame("Frame", "TestBar", UIParent, "SecureHandlerStateTemplate")
  for i = 1, 2 do
    local button = CreateFrame("Button", "TestBarButton" .. i, bar, "SecureActionButtonTemplate")
    button:SetAttribute("action-1", i)
    button:SetAttribute("action-2", 12 + i)
    button:SetAttribute("_childupdate-page", [[
      self:SetAttribute("action", self:GetAttribute("action-" .. message))
      pages_seen = (pages_seen or 0) + 1
    ]])
  end
  bar:SetAttribute("_onstate-page", [[
    self:SetAttribute("page", newstate)
    control:ChildUpdate("page", newstate)
    self:SetAttribute("updates", pages_seen)
  ]])
"""


def test_a_state_change_runs_the_header_snippet_and_its_children(client: HeadlessClient) -> None:
    assert run(client, BAR + """
      bar:SetAttribute("state-page", "2")
      local first = { bar:GetAttribute("page"), TestBarButton1:GetAttribute("action"),
        TestBarButton2:GetAttribute("action"), bar:GetAttribute("updates") }
      bar:SetAttribute("state-page", "1")
      return first[1], first[2], first[3], first[4], TestBarButton2:GetAttribute("action"),
        bar:GetAttribute("updates")
    """) == ("2", 13, 14, 2, 2, 4)


def test_a_state_driver_changes_a_protected_header_in_combat(client: HeadlessClient) -> None:
    """The driver's snippet runs securely: its attribute changes hold in combat, where the
    same change made by addon code is refused."""
    run(client, BAR + """
      RegisterStateDriver(bar, "page", "[combat] 2; 1")
    """)
    client.advance(0.2)
    assert client.eval_lua("return TestBar:GetAttribute('page')") == "1"
    client.enter_combat()
    client.advance(0.2)
    assert client.eval_lua("return TestBar:GetAttribute('page'), "
                           "TestBarButton1:GetAttribute('action')") == ("2", 13)
    client.eval_lua('TestBar:SetAttribute("page", "addon")')
    assert client.eval_lua("return TestBar:GetAttribute('page')") == "2"
    assert any(f.kind == "protected-call-blocked" for f in client.findings)


def test_execute_and_frame_references(client: HeadlessClient) -> None:
    assert run(client, BAR + """
      bar:SetFrameRef("second", TestBarButton2)
      bar:Execute([[
        local button = self:GetFrameRef("second")
        remembered = button:GetName()
        button:SetAttribute("marked", owner:GetName() .. ">" .. button:GetName())
      ]])
      bar:Execute([[ self:SetAttribute("remembered", remembered) ]])
      return TestBarButton2:GetAttribute("marked"), bar:GetAttribute("remembered"),
        type(bar:GetAttribute("frameref-second"))
    """) == ("TestBar>TestBarButton2", "TestBarButton2", "table")


def test_control_runs_snippets_for_frames_and_attributes(client: HeadlessClient) -> None:
    assert run(client, BAR + """
      bar:SetAttribute("double", [[ local n = ...; return n * 2 ]])
      bar:SetFrameRef("b", TestBarButton1)
      bar:Execute([[
        local button = self:GetFrameRef("b")
        control:RunFor(button, [=[ self:SetAttribute("ran", (...)) ]=], "yes")
        control:RunFor(button, [=[ self:SetAttribute("count", #(...)) ]=], newtable(1, 2, 3))
        self:SetAttribute("doubled", control:RunAttribute("double", 21))
      ]])
      return TestBarButton1:GetAttribute("ran"), TestBarButton1:GetAttribute("count"),
        bar:GetAttribute("doubled")
    """) == ("yes", 3, 42)


def test_call_method_reaches_the_header_lua_method(client: HeadlessClient) -> None:
    assert run(client, BAR + """
      function bar:Remember(a, b) self.remembered = a .. b end
      bar:Execute([[ control:CallMethod("Remember", "x", 1) ]])
      return bar.remembered
    """) == "x1"


def test_snippets_see_only_restricted_globals_and_values(client: HeadlessClient) -> None:
    assert run(client, BAR + """
      bar:SetAttribute("callback", print)
      bar:Execute([[
        self:SetAttribute("probe", table.concat({
          tostring(_G), tostring(CreateFrame), tostring(getfenv), tostring(loadstring),
          type(self:GetAttribute("callback")), type(strsub), type(SecureCmdOptionParse),
          type(newtable), tostring(math.floor(2.5)) }, ","))
      ]])
      return bar:GetAttribute("probe")
    """) == "nil,nil,nil,nil,nil,function,function,function,2"


def test_handles_are_not_frames(client: HeadlessClient) -> None:
    """A handle acts on its frame through the client's own methods (an addon's override on
    the frame's table is not called) and holds no frame fields."""
    assert run(client, BAR + """
      function TestBarButton1:Show() error("the override ran") end
      TestBarButton1:Hide()
      TestBarButton1.secret = "field"
      bar:SetFrameRef("b", TestBarButton1)
      bar:Execute([[
        local b = self:GetFrameRef("b")
        b:Show()
        self:SetAttribute("probe", tostring(b.secret) .. "," .. tostring(b.GetScript))
      ]])
      return TestBarButton1:IsShown(), bar:GetAttribute("probe")
    """) == (1, "nil,nil")


def test_a_snippet_error_names_the_snippet(client: HeadlessClient) -> None:
    client.eval_lua("""
      local bar = CreateFrame("Frame", "BrokenBar", UIParent, "SecureHandlerStateTemplate")
      bar:SetAttribute("_onstate-x", "local a = 1\\nundefined_function()")
      bar:SetAttribute("state-x", "go")
    """)
    assert client.errors[-1].message.startswith(
        "BrokenBar:_onstate-x:2: attempt to call global 'undefined_function' (a nil value)")


def test_a_snippet_must_compile(client: HeadlessClient) -> None:
    client.eval_lua("""
      local bar = CreateFrame("Frame", "SyntaxBar", UIParent, "SecureHandlerBaseTemplate")
      bar:Execute("if then")
    """)
    assert "SyntaxBar:Execute:1:" in client.errors[-1].message


def test_wrapped_click_runs_around_the_handler(client: HeadlessClient) -> None:
    assert run(client, BAR + """
      local clicks = {}
      TestBarButton1:SetScript("OnClick", function(self, button) clicks[#clicks + 1] = button end)
      bar:WrapScript(TestBarButton1, "OnClick", [[
        if button == "RightButton" then return false end
        if button == "MiddleButton" then return "LeftButton", "changed" end
      ]], [[ owner:SetAttribute("after", message .. ":" .. button) ]])
      TestBarButton1:Click("RightButton")
      TestBarButton1:Click("MiddleButton")
      TestBarButton1:Click("Button4")
      local header, pre, post = SecureHandlerUnwrapScript(TestBarButton1, "OnClick")
      TestBarButton1:Click("RightButton")
      return table.concat(clicks, ","), bar:GetAttribute("after"), header == bar,
        type(pre), type(post)
    """) == ("LeftButton,Button4,RightButton", "changed:LeftButton", True, "string", "string")


@pytest.mark.parametrize(("template", "frame_type", "action", "attribute"), [
    ("SecureHandlerClickTemplate", "Button", 'f:Click("LeftButton")', "_onclick"),
    ("SecureHandlerShowHideTemplate", "Frame", "f:Hide() f:Show()", "_onshow"),
    ("SecureHandlerAttributeTemplate", "Frame", 'f:SetAttribute("color", "red")',
     "_onattributechanged"),
])
def test_templates_run_their_snippets(client: HeadlessClient, template: str, frame_type: str,
                                      action: str, attribute: str) -> None:
    assert run(client, f"""
      local f = CreateFrame("{frame_type}", "Templated", UIParent, "{template}")
      f:SetAttribute("{attribute}", [[ runs = (runs or 0) + 1; self:SetAttribute("_runs", runs) ]])
      {action}
      return f:GetAttribute("_runs")
    """) == 1


def test_secure_handler_functions_check_their_arguments(client: HeadlessClient) -> None:
    client.eval_lua('SecureHandlerWrapScript({}, "OnClick", UIParent, "")')
    assert client.errors[-1].message == (
        "(eval):1: Usage: SecureHandlerWrapScript(frame, script, header, preBody [, postBody])")
    client.eval_lua('SecureHandlerWrapScript(UIParent, "OnClick", UIParent, "")')
    assert client.errors[-1].message == '(eval):1: Frame doesn\'t have a "OnClick" script'


def test_a_handle_method_on_something_else_fails_at_the_snippet_line(
        client: HeadlessClient) -> None:
    client.eval_lua("""
      local bar = CreateFrame("Frame", "OddBar", UIParent, "SecureHandlerBaseTemplate")
      bar:Execute("local show = self.Show\\nshow(newtable())")
    """)
    assert client.errors[-1].message.startswith(
        "OddBar:Execute:2: Invalid frame handle for 'Show'")


def test_a_snippet_larger_than_the_client_compiles_is_refused() -> None:
    from wowapi_stubs import ClientSettings

    with HeadlessClient(ClientSettings(max_file_bytes=1000)) as client:
        client.eval_lua("""
          local bar = CreateFrame("Frame", "BigBar", UIParent, "SecureHandlerBaseTemplate")
          bar:Execute(string.rep(" ", 2000))
        """)
        assert "BigBar:Execute: the snippet is 2000 bytes, more than the client compiles " \
               "(1000)" in client.errors[-1].message


def test_combat_lockdown_refuses_protected_frames_to_addon_code(client: HeadlessClient) -> None:
    """In combat an addon cannot show, hide, move or resize a protected frame (the call does
    nothing, ADDON_ACTION_BLOCKED fires); a state driver still can; plain frames are free."""
    run(client, """
      BLOCKED = {}
      local watcher = CreateFrame("Frame")
      watcher:RegisterEvent("ADDON_ACTION_BLOCKED")
      watcher:SetScript("OnEvent", function(_, _, _, fn) BLOCKED[#BLOCKED + 1] = fn end)
      local secure = CreateFrame("Button", "LockedButton", UIParent, "SecureActionButtonTemplate")
      secure:SetWidth(10)
      CreateFrame("Frame", "PlainFrame", UIParent)
      RegisterStateDriver(secure, "visibility", "[combat] hide; show")
    """)
    client.enter_combat()
    client.advance(0.2)  # the driver hides it, securely
    client.eval_lua("LockedButton:Show() LockedButton:SetWidth(99) LockedButton:ClearAllPoints()"
                    " PlainFrame:Hide()")
    assert client.eval_lua("return LockedButton:IsShown(), LockedButton:GetWidth(),"
                           " PlainFrame:IsShown(), table.concat(BLOCKED, ',')") == (
        None, 10, None, "LockedButton:Show(),LockedButton:SetWidth(),"
        "LockedButton:ClearAllPoints()")
    assert [f.kind for f in client.findings].count("combat-call-blocked") == 3
    client.leave_combat()
    client.eval_lua("LockedButton:SetWidth(99)")
    assert client.eval_lua("return LockedButton:GetWidth()") == 99
