"""Equipment sets, glyphs, the pet and its stable, and the auction house: each answers for
the headless world, keeps what scripts set and fires the client's events after the call."""

from __future__ import annotations

import pytest

from tests.wowapi_stubs.eval_clean import error_of, run
from tests.wowapi_stubs.test_client_misc_api import watch
from wowapi_stubs import ClientSettings, HeadlessClient
from wowapi_stubs.api.container import Item

HELM = Item(51227, "Sanctified Lightsworn Headpiece", 4, item_class="Armor",
            item_subclass="Plate", max_stack=1, equip_slot="INVTYPE_HEAD",
            texture="Interface\\Icons\\INV_Helmet_96")
OLD_HELM = Item(40576, "Valorous Redemption Helm", 4, item_class="Armor",
                item_subclass="Plate", max_stack=1, equip_slot="INVTYPE_HEAD")
RING = Item(50402, "Ashen Band of Endless Vengeance", 4, item_class="Armor",
            item_subclass="Miscellaneous", max_stack=1, equip_slot="INVTYPE_FINGER")


@pytest.fixture
def client() -> HeadlessClient:
    settings = ClientSettings(character_name="Streamer", character_class="Paladin",
                              character_race="Dwarf", bag_slots=(16, 0, 0, 0, 0))
    with HeadlessClient(settings) as c:
        c.world.equipment[1] = HELM
        c.world.equipment[11] = RING
        c.world.items.update({HELM.item_id: HELM, RING.item_id: RING,
                              OLD_HELM.item_id: OLD_HELM})
        c.bags.put(0, 1, OLD_HELM, 1)
        yield c


# -- equipment sets ---------------------------------------------------------------------------
def test_a_saved_set_records_equipped_empty_and_ignored_slots(client: HeadlessClient) -> None:
    watch(client, "EQUIPMENT_SETS_CHANGED")
    assert run(client, """
      local before = GetNumEquipmentSets()
      EquipmentManagerIgnoreSlotForSave(11)
      SaveEquipmentSet("Tank", -1)
      local during = #SEEN
      local ids = GetEquipmentSetItemIDs("Tank")
      local name, icon, index = GetEquipmentSetInfo(1)
      local byIcon, byIndex = GetEquipmentSetInfoByName("Tank")
      return before, during, GetNumEquipmentSets(), name, icon, index, byIcon, byIndex,
        #ids, ids[1], ids[2], ids[11], GetEquipmentSetItemIDs("Nope"),
        select("#", GetEquipmentSetInfo(2))
    """) == (0, 0, 1, "Tank", HELM.texture, 0, HELM.texture, 0, 19, HELM.item_id, 0, 1,
             None, 0)
    client.settle()
    assert run(client, "return SEEN[1], #SEEN") == ("EQUIPMENT_SETS_CHANGED", 1)


def test_using_a_set_equips_from_the_bags_and_reports_the_swap(client: HeadlessClient) -> None:
    run(client, 'SaveEquipmentSet("Old", 1)')
    client.world.equipment[1] = OLD_HELM
    client.bags.contents.clear()
    client.bags.put(0, 3, HELM, 1)
    run(client, 'SaveEquipmentSet("Old", 1)')  # the same name: overwritten, still one set
    client.world.equipment[1] = HELM
    client.bags.contents.clear()
    client.bags.put(0, 2, OLD_HELM, 1)
    watch(client, "EQUIPMENT_SWAP_FINISHED")
    assert run(client, 'return GetNumEquipmentSets(), UseEquipmentSet("Old"), '
               'UseEquipmentSet("Nope")') == (1, 1, None)
    assert client.world.equipment[1] is OLD_HELM
    assert run(client, "return GetContainerItemID(0, 2)") == HELM.item_id
    client.settle()
    assert run(client, "return SEEN[1]") == "EQUIPMENT_SWAP_FINISHED:1:Old"


def test_deleting_picking_up_and_usage_errors(client: HeadlessClient) -> None:
    run(client, 'SaveEquipmentSet("A", 1); SaveEquipmentSet("B", 1); DeleteEquipmentSet("A")')
    assert run(client, """
      PickupEquipmentSet(1)
      local kind, name = GetCursorInfo()
      return GetNumEquipmentSets(), (GetEquipmentSetInfo(1)), kind, name,
        EquipmentSetContainsLockedItems("B"), CanUseEquipmentSets()
    """) == (1, "B", "equipmentset", "B", None, None)
    assert error_of(client, "SaveEquipmentSet('X')").endswith(
        'Usage: SaveEquipmentSet("name", iconIndex)')
    assert error_of(client, "GetEquipmentSetItemIDs()").endswith(
        'Usage: GetEquipmentSetItemIDs("name")')


def test_at_most_ten_sets(client: HeadlessClient) -> None:
    assert run(client, """
      for i = 1, 12 do SaveEquipmentSet("Set" .. i, 1) end
      return GetNumEquipmentSets(), GetEquipmentSetInfoByName("Set11")
    """) == 10


# -- glyphs -----------------------------------------------------------------------------------
def test_glyph_sockets_unlock_by_level_and_hold_no_glyph(client: HeadlessClient) -> None:
    assert run(client, """
      local enabled, kind, spell, icon = GetGlyphSocketInfo(1)
      local _, minor = GetGlyphSocketInfo(2, 1)
      return enabled, kind, spell, icon, minor, select("#", GetGlyphSocketInfo(7)),
        GetGlyphLink(1), GlyphMatchesSocket(1)
    """) == (1, 1, None, None, 2, 0, None, None)
    client.world.player.level = 40
    assert run(client, "return (GetGlyphSocketInfo(4)), (GetGlyphSocketInfo(3))") == (1, None)
    assert error_of(client, "GetGlyphSocketInfo()").endswith(
        "Usage: GetGlyphSocketInfo(socketID[, talentGroup])")


# -- the pet and the stable -------------------------------------------------------------------
def test_no_pet_and_an_empty_stable(client: HeadlessClient) -> None:
    assert run(client, """
      PickupPetAction(1); PetDismiss(); PetRename("Fluffy"); ClickStablePet(1)
      return GetCursorInfo(), PetCanBeRenamed(), GetPetFoodTypes(), IsAtStableMaster(),
        GetNumStablePets(), GetNumStableSlots(), select("#", GetStablePetInfo(1)),
        GetSelectedStablePet()
    """) == (None, None, None, None, 0, 0, 0, -1)
    assert error_of(client, "GetStablePetInfo()").endswith("Usage: GetStablePetInfo(index)")


# -- the auction house ------------------------------------------------------------------------
def test_a_closed_auction_house_lists_nothing_and_sends_nothing(client: HeadlessClient) -> None:
    watch(client, "AUCTION_ITEM_LIST_UPDATE", "AUCTION_HOUSE_CLOSED")
    assert run(client, """
      QueryAuctionItems("Frostweave", 1, 80, 0, 0, 0, 0, false, 0)
      CloseAuctionHouse()
      local batch, total = GetNumAuctionItems("list")
      return batch, total, select("#", GetAuctionItemInfo("owner", 1)),
        GetAuctionItemLink("bidder", 1), GetSelectedAuctionItem("list"),
        select("#", GetAuctionSellItemInfo()), CanSendAuctionQuery("list")
    """) == (0, 0, 0, None, 0, 0, None, None)
    client.settle()
    assert run(client, "return #SEEN") == 0
    assert error_of(client, "GetAuctionItemInfo('list')").endswith(
        'Usage: GetAuctionItemInfo("type", index)')


def test_auction_sort_columns_are_kept_primary_first(client: HeadlessClient) -> None:
    assert run(client, """
      SortAuctionClearSort("owner")
      SortAuctionSetSort("owner", "duration", true)
      SortAuctionSetSort("owner", "level", false)
      SortAuctionApplySort("owner")
      local first, reverse = GetAuctionSort("owner", 1)
      local second, reverse2 = GetAuctionSort("owner", 2)
      local listFirst = GetAuctionSort("list", 1)
      SortAuctionClearSort("owner")
      return first, reverse, second, reverse2, listFirst, select("#", GetAuctionSort("owner", 1))
    """) == ("level", None, "duration", 1, None, 0)
