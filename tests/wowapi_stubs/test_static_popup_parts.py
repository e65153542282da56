"""Static popups of the built-in UI keep their parts where FrameXML's dialogs keep them
(``self.editBox``, ``self.button1``, ``self.text``... and the ``StaticPopupNEditBox`` names):
popups with an edit box (names, channel passwords, addon prompts) read what was typed
there; a third button runs ``OnAlt``; ``OnAccept`` returning true keeps the dialog open.
Compared with FrameXML's dialogs when an extracted Interface folder is at hand."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.shared_data import require_shared
from wowapi_stubs import ClientSettings, HeadlessClient

PROMPT = """
  local seen = {}
  StaticPopupDialogs.HEADLESS_TEST_PROMPT = {
    text = "Name for %s?", button1 = "Save", button2 = "Cancel", button3 = "Other",
    hasEditBox = 1, maxLetters = 12, timeout = 0,
    OnShow = function(self) self.editBox:SetFocus() end,
    OnAccept = function(self, data) seen[#seen + 1] = "accept " .. self.editBox:GetText()
      .. " " .. tostring(data) return self.editBox:GetText() == "keep" end,
    OnAlt = function(self) seen[#seen + 1] = "alt" end,
    EditBoxOnEnterPressed = function(self, data)
      seen[#seen + 1] = "enter " .. self:GetText() .. " " .. tostring(data)
      self:GetParent():Hide()
    end,
  }
  local d = StaticPopup_Show("HEADLESS_TEST_PROMPT", "the set", nil, 7)
  local parts = {d.text:GetText(), d.editBox == _G[d:GetName() .. "EditBox"],
    d.button1 == _G[d:GetName() .. "Button1"], (d.button3:IsShown() and 1 or 0),
    (d.editBox:IsShown() and 1 or 0), (d.wideEditBox:IsShown() and 1 or 0),
    d.editBox:GetMaxLetters(),
    d.editBox:GetText()}
  d.editBox:SetText("keep")
  d.button1:Click()
  parts[#parts + 1] = (d:IsShown() and 1 or 0)
  d.editBox:SetText("Bob")
  d.button1:Click()
  parts[#parts + 1] = (d:IsShown() and 1 or 0)
  d = StaticPopup_Show("HEADLESS_TEST_PROMPT", "x", nil, 8)
  d.button3:Click()
  parts[#parts + 1] = (d:IsShown() and 1 or 0)
  d = StaticPopup_Show("HEADLESS_TEST_PROMPT", "x", nil, 9)
  d.editBox:SetText("Ann")
  d.editBox:GetScript("OnEnterPressed")(d.editBox)
  parts[#parts + 1] = StaticPopup_Visible("HEADLESS_TEST_PROMPT") or 0
  return table.concat(seen, ";"), unpack(parts)
"""


def test_a_popup_with_an_edit_box() -> None:
    with HeadlessClient(ClientSettings(framexml_dir=None)) as client:
        client.enter_world()
        result = client.eval_lua(PROMPT)
        assert not client.errors, client.errors
    assert result == ("accept keep 7;accept Bob 7;alt;enter Ann 9", "Name for the set?", True,
                      True, 1, 1, 0, 12, "", 1, 0, 0, 0)


@pytest.fixture
def framexml_client() -> Iterator[HeadlessClient]:
    folder = require_shared("MGM_FRAMEXML_DIR")
    with HeadlessClient(ClientSettings(framexml_dir=folder)) as client:
        client.enter_world()
        yield client


def test_the_same_popup_under_framexml(framexml_client) -> None:
    result = framexml_client.eval_lua(PROMPT)
    assert not framexml_client.errors, framexml_client.errors
    assert result == ("accept keep 7;accept Bob 7;alt;enter Ann 9", "Name for the set?", True,
                      True, 1, 1, 0, 12, "", 1, 0, 0, 0)
