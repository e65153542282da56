"""The built-in UI's action buttons: what the action bar button templates give a button and the
``ActionButton_*`` functions action bar addons call on their own buttons."""

from __future__ import annotations

from tests.wowapi_stubs.eval_clean import run
from wowapi_stubs import HeadlessClient


def test_the_template_gives_a_protected_button_its_attributes(client: HeadlessClient) -> None:
    assert run(client, """
      local b = CreateFrame("CheckButton", "Bar1Button1", UIParent, "ActionBarButtonTemplate")
      return b:IsProtected(), b:GetAttribute("showgrid"), b:GetAttribute("type"),
        b:GetAttribute("useparent-actionpage"), b.flashing, Bar1Button1Icon ~= nil,
        Bar1Button1HotKey ~= nil
    """) == (1, 0, "action", True, 0, True, True)


def test_grid_counting_needs_secure_code(client: HeadlessClient) -> None:
    """An addon's ShowGrid shows the empty button without counting (``showgrid`` changes in
    secure code only); HideGrid hides an empty button whose count is zero."""
    assert run(client, """
      local b = CreateFrame("CheckButton", "Bar1Button2", UIParent, "ActionBarButtonTemplate")
      b:SetAttribute("showgrid", 1)
      ActionButton_ShowGrid(b)
      local shown, count = b:IsShown(), b:GetAttribute("showgrid")
      b:SetAttribute("showgrid", 0)
      ActionButton_HideGrid(b)
      return shown, count, b:IsShown(), b:GetAttribute("showgrid")
    """) == (1, 1, None, 0)


def test_the_action_follows_the_page_and_an_empty_slot_hides(client: HeadlessClient) -> None:
    assert run(client, """
      local b = CreateFrame("CheckButton", "Bar1Button3", UIParent, "ActionBarButtonTemplate")
      b:SetID(3)
      ActionButton_UpdateAction(b)
      local first = b.action
      b:SetAttribute("actionpage", 2)
      ActionButton_UpdateAction(b)
      return first, b.action, b:IsShown(), b:GetChecked(), ActionButton_IsFlashing(b),
        Bar1Button3Icon:IsShown(), SecureButton_GetEffectiveButton(b)
    """) == (3, 15, None, None, False, None, "LeftButton")


def test_a_button_without_a_key_hides_its_hotkey(client: HeadlessClient) -> None:
    assert run(client, """
      local b = CreateFrame("CheckButton", "Bar1Button4", UIParent, "ActionBarButtonTemplate")
      b:SetID(4)
      Bar1Button4HotKey:Show()
      ActionButton_UpdateHotkeys(b)
      return Bar1Button4HotKey:IsShown(), Bar1Button4HotKey:GetText() == "\\226\\151\\143"
    """) == (None, True)


def test_hotkeys_show_the_bound_key(client: HeadlessClient) -> None:
    assert run(client, """
      local b = CreateFrame("CheckButton", "Bar1Button5", UIParent, "ActionBarButtonTemplate")
      b:SetID(5)
      SetBinding("F", "CLICK Bar1Button5:LeftButton")
      ActionButton_UpdateHotkeys(b)
      return Bar1Button5HotKey:GetText(), Bar1Button5HotKey:IsShown()
    """) == ("F", 1)


def test_the_template_on_a_plain_frame(client: HeadlessClient) -> None:
    """A plain frame made with the button template gets its attributes (no click buttons to
    register) and no internal error."""
    assert run(client, """
      local f = CreateFrame("Frame", "OddAction", UIParent, "ActionBarButtonTemplate")
      return f:GetAttribute("showgrid"), f:IsProtected()
    """) == (0, 1, 1)  # IsProtected: protected, explicitly
    assert not client.runtime.internal_errors
