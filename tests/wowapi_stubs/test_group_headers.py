"""The built-in UI's group headers: one button per group member shown, made from the header's
template and configured once, with its unit, anchored in order; filters, grouping and sorting
follow the header's attributes, and the header updates as the group changes."""

from __future__ import annotations

import pytest

from tests.wowapi_stubs.eval_clean import run
from wowapi_stubs import ClientSettings, HeadlessClient, WhoEntry

HEADER = """
  local h = CreateFrame("Frame", "TestParty", UIParent, "SecurePartyHeaderTemplate")
  h.initialConfigFunction = function(button)
    button:SetAttribute("initial-width", 50)
    button:SetAttribute("initial-height", 20)
    configured = (configured or 0) + 1
  end
  h:SetAttribute("showPlayer", true)
  h:SetAttribute("yOffset", -4)
"""
UNITS = """
  local units = {}
  for i = 1, 5 do
    local button = _G["TestPartyUnitButton" .. i]
    if button and button:IsShown() then units[#units + 1] = button:GetAttribute("unit") end
  end
  return table.concat(units, " ")
"""


@pytest.fixture
def client() -> HeadlessClient:
    settings = ClientSettings(character_name="Streamer", character_class="Paladin")
    with HeadlessClient(settings) as c:
        c.set_world_roster([WhoEntry("Norinn", 80, "Human", "Mage", ""),
                            WhoEntry("Arel", 79, "Dwarf", "Warrior", "")])
        yield c


def test_a_hidden_header_waits_and_a_solo_player_shows_no_one(client: HeadlessClient) -> None:
    assert run(client, HEADER + """
      local made_before_show = TestPartyUnitButton1 ~= nil
      h:Show()
      return made_before_show, h:IsProtected(), TestPartyUnitButton1:GetAttribute("unit"),
        TestPartyUnitButton1:IsShown(), h:GetHeight(), configured
    """) == (False, 1, None, None, 0.1, 1)


def test_party_members_get_buttons_in_order(client: HeadlessClient) -> None:
    run(client, HEADER + "h:Show()")
    client.set_party(["Norinn", "Arel"])
    assert run(client, UNITS) == "player party1 party2"
    assert run(client, """
      local point, relative, relativePoint, x, y = TestPartyUnitButton2:GetPoint(1)
      return point, relative:GetName(), relativePoint, y, TestPartyUnitButton2:GetWidth(),
        TestParty:GetHeight(), configured, TestParty:GetAttribute("child3") == TestPartyUnitButton3,
        type(TestParty:GetAttribute("frameref-child1"))
    """) == ("TOP", "TestPartyUnitButton1", "BOTTOM", -4, 50, 68, 3, True, "table")


def test_filters_grouping_and_sorting(client: HeadlessClient) -> None:
    run(client, HEADER + "h:Show()")
    client.set_party(["Norinn", "Arel"])
    run(client, 'TestParty:SetAttribute("groupFilter", "MAGE,WARRIOR")')
    assert run(client, UNITS) == "party1 party2"
    run(client, 'TestParty:SetAttribute("groupBy", "CLASS")'
                'TestParty:SetAttribute("groupingOrder", "WARRIOR,MAGE")')
    assert run(client, UNITS) == "party2 party1"
    run(client, 'TestParty:SetAttribute("groupBy", nil) TestParty:SetAttribute("groupFilter", nil)'
                'TestParty:SetAttribute("nameList", "Arel,Streamer")')
    assert run(client, UNITS) == "party2 player"
    run(client, 'TestParty:SetAttribute("sortMethod", "NAME")')
    assert run(client, UNITS) == "party2 player"
    run(client, 'TestParty:SetAttribute("sortDir", "DESC")')
    assert run(client, UNITS) == "player party2"


def test_leaving_the_group_hides_the_buttons(client: HeadlessClient) -> None:
    run(client, HEADER + "h:Show()")
    client.set_party(["Norinn"])
    assert run(client, UNITS) == "player party1"
    client.set_party([])
    assert run(client, UNITS + "," + "TestPartyUnitButton1:GetAttribute('unit')") \
        == ("", None)


def test_an_unnamed_header_hides_itself(client: HeadlessClient) -> None:
    client.set_party(["Norinn"])
    assert run(client, """
      local h = CreateFrame("Frame", nil, UIParent, "SecurePartyHeaderTemplate")
      h:Show()
      return h:IsShown()
    """) is None


def test_a_pet_header_shows_the_pets_of_the_group(client: HeadlessClient) -> None:
    from wowapi_stubs.world import Unit

    client.set_party(["Norinn", "Arel"])
    assert run(client, """
      local h = CreateFrame("Frame", "TestPets", UIParent, "SecurePartyPetHeaderTemplate")
      h:SetAttribute("showPlayer", true)
      h:Show()
      return TestPetsUnitButton1:GetAttribute("unit"), TestPetsUnitButton1:IsShown()
    """) == (None, None)  # no one has a pet
    client.world.pet = Unit("Wolfie", is_player=False)
    run(client, 'TestPets:SetAttribute("filterOnPet", true)')
    assert run(client, "return TestPetsUnitButton1:GetAttribute('unit')") == "pet"
    run(client, 'TestPets:SetAttribute("useOwnerUnit", true)'
                'TestPets:SetAttribute("nameList", "Wolfie")')
    assert run(client, "return TestPetsUnitButton1:GetAttribute('unit'),"
                       "TestPetsUnitButton1:IsShown()") == ("player", 1)
