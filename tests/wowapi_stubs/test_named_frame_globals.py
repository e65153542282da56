"""A named frame becomes a global; when a global table of that name already exists the frame
takes that table as its own (its fields and methods stay), as the client does: an addon
object and its options panel of the same name (Bagnon, OmniCC), a settings table and an XML
frame of the same name (Healium) keep working. Another widget's table is not taken over."""

from __future__ import annotations

from wowapi_stubs import HeadlessClient


def test_a_frame_named_like_a_global_table_takes_the_table(client: HeadlessClient) -> None:
    result = client.eval_lua("""
      HeadlessAddon = { Scale = 2 }
      function HeadlessAddon:Hello() return "hi" end
      local panel = CreateFrame("Frame", "HeadlessAddon", UIParent)
      return panel == HeadlessAddon, HeadlessAddon.Scale, HeadlessAddon:Hello(),
        panel:GetName(), panel:GetParent() == UIParent""")
    assert not client.errors, client.errors
    assert result == (True, 2, "hi", "HeadlessAddon", True)


def test_a_widget_made_under_another_widgets_name_gets_a_table_of_its_own(
        client: HeadlessClient) -> None:
    """Regions named by mistake after their layer (``CreateFontString("ARTWORK")``, xMerchant
    and Critline) stay apart: only a plain table is taken over."""
    result = client.eval_lua("""
      local f = CreateFrame("Frame", nil, UIParent)
      local first = f:CreateFontString("ARTWORK", nil, "GameFontNormal")
      first.tag = "first"
      local second = f:CreateFontString("ARTWORK", nil, "GameFontNormal")
      second:SetPoint("RIGHT", first, "LEFT")
      return ARTWORK == second, first ~= second, second.tag, first.tag""")
    assert not client.errors, client.errors
    assert result == (True, True, None, "first")


def test_other_values_of_the_name_are_replaced(client: HeadlessClient) -> None:
    assert client.eval_lua("""
      HeadlessText = "x"
      local f = CreateFrame("Frame", "HeadlessText")
      return HeadlessText == f, type(HeadlessText)""") == (True, "table")


def test_an_xml_frame_takes_the_settings_table_of_its_name(client: HeadlessClient,
                                                           make_addon) -> None:
    folder = make_addon("HeadlessSettings", {
        "defaults.lua": "HeadlessSettings = { Scale = 1.5 }\n",
        "frame.xml": ('<Ui xmlns="http://www.blizzard.com/wow/ui/">'
                      '<Frame name="HeadlessSettings" parent="UIParent" hidden="true"/></Ui>'),
        "use.lua": "HeadlessSettingsSeen = HeadlessSettings.Scale * 2\n",
    })
    client.load_addon(folder)
    assert not client.errors, client.errors
    assert client.eval_lua("return HeadlessSettingsSeen, HeadlessSettings:IsShown()") == (3.0, None)
