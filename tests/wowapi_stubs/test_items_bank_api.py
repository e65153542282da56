"""Items, bags, the cursor, the bank, the guild bank, merchants and loot answer from the
world: item details from the item cache, moves between bag and equipment slots with the
client's events and refusals, banks closed until a test opens them, and no merchant or
loot window open."""

from __future__ import annotations

import pytest

from tests.shared_data import require_shared
from tests.wowapi_stubs.eval_clean import run
from wowapi_stubs import ClientSettings, HeadlessClient
from wowapi_stubs.api.bank import open_bank
from wowapi_stubs.api.container import BagSlot, Item
from wowapi_stubs.api.guildbank import GuildBankTab, open_guild_bank

RUBY = Item(40111, "Bold Cardinal Ruby", 4, equip_slot="", item_class="Gem",
            item_subclass="Red", max_stack=20)
HELM = Item(51227, "Sanctified Lightsworn Headpiece", 4, item_level=264, required_level=80,
            item_class="Armor", item_subclass="Plate", max_stack=1, equip_slot="INVTYPE_HEAD",
            max_durability=100, stats=(("ITEM_MOD_STRENGTH_SHORT", 108),
                                       ("ITEM_MOD_STAMINA_SHORT", 163)),
            gems=(0, 40111))
OLD_HELM = Item(40576, "Valorous Redemption Helm", 4, item_class="Armor",
                item_subclass="Plate", max_stack=1, equip_slot="INVTYPE_HEAD")
RING = Item(50402, "Ashen Band of Endless Vengeance", 4, item_class="Armor",
            item_subclass="Miscellaneous", max_stack=1, equip_slot="INVTYPE_FINGER")
AXE = Item(50730, "Glorenzelg, High-Blade of the Silver Hand", 4, item_class="Weapon",
           item_subclass="Two-Handed Swords", max_stack=1, equip_slot="INVTYPE_2HWEAPON")
SHIELD = Item(50616, "Bulwark of Smouldering Steel", 4, item_class="Armor",
              item_subclass="Shields", max_stack=1, equip_slot="INVTYPE_SHIELD")
CLOTH = Item(33470, "Frostweave Cloth", 1, max_stack=20)


@pytest.fixture
def client() -> HeadlessClient:
    settings = ClientSettings(character_name="Streamer", character_class="Paladin",
                              character_race="Dwarf", character_guild="Gold Diggers",
                              bag_slots=(16, 4, 0, 0, 0))
    with HeadlessClient(settings) as c:
        c.bags.put(0, 1, HELM, 1)
        c.bags.put(0, 2, RUBY, 1)
        c.bags.put(0, 3, CLOTH, 20)
        c.bags.put(0, 4, CLOTH, 5)
        c.bags.put(0, 5, RING, 1)
        c.world.equipment[1] = OLD_HELM
        c.world.items[OLD_HELM.item_id] = OLD_HELM
        run(c, """
          SEEN = {}
          local f = CreateFrame("Frame")
          for _, e in ipairs({"ITEM_LOCK_CHANGED", "CURSOR_UPDATE", "BAG_UPDATE",
                              "PLAYER_EQUIPMENT_CHANGED", "UNIT_INVENTORY_CHANGED",
                              "UI_ERROR_MESSAGE", "PLAYER_MONEY", "BANKFRAME_CLOSED",
                              "PLAYERBANKBAGSLOTS_CHANGED", "GUILDBANK_UPDATE_MONEY",
                              "GUILDBANKBAGSLOTS_CHANGED", "GUILDBANKFRAME_CLOSED"}) do
            f:RegisterEvent(e)
          end
          f:SetScript("OnEvent", function(_, e, a, b)
            SEEN[#SEEN + 1] = strjoin(" ", e, tostring(a), tostring(b))
          end)
        """)
        yield c


def seen(client: HeadlessClient) -> list[str]:
    events = list(client.global_value("SEEN") or [])
    client.eval_lua("wipe(SEEN)")
    return events


def test_item_details_come_from_the_item_cache(client: HeadlessClient) -> None:
    assert run(client, "return unpack(GetContainerFreeSlots(1))") == (1, 2, 3, 4)
    assert run(client, """
      local t = {}
      local same = GetContainerFreeSlots(0, t) == t
      return same, #t, t[1], t[#t], #GetContainerFreeSlots(2)
    """) == (True, 11, 6, 16, 0)
    assert run(client, "return GetContainerItemDurability(0, 1)") == (100, 100)
    assert run(client, "return GetContainerItemDurability(0, 3)") is None
    assert run(client, "return GetContainerItemGems(0, 1)") == (None, 40111)
    assert run(client, "return GetItemGem(GetContainerItemLink(0, 1), 2)") == (
        "Bold Cardinal Ruby", RUBY.link)
    assert run(client, "return GetItemGem(51227, 1)") is None
    assert run(client, """
      local stats = GetItemStats(GetContainerItemLink(0, 1))
      local mine = {}
      GetItemStats(51227, mine)
      return stats.ITEM_MOD_STRENGTH_SHORT, stats.ITEM_MOD_STAMINA_SHORT,
        mine.ITEM_MOD_STAMINA_SHORT, GetItemStats(99999)
    """) == (108, 163, 163, None)
    assert run(client, """
      return IsEquippableItem(51227), IsEquippableItem("Frostweave Cloth"),
        IsEquippableItem(99999), IsDressableItem(51227), IsDressableItem(50402),
        IsHelpfulItem(51227), IsHarmfulItem(51227), GetItemUniqueness(50402)
    """) == (1, None, None, 1, None, None, None, None)
    assert run(client, "return GetInventoryItemGems(1)") is None
    assert run(client, """
      local t = {}
      GetInventoryItemsForSlot(1, t)
      local keys = {}
      for location, id in pairs(t) do keys[#keys + 1] = location .. "=" .. id end
      table.sort(keys)
      return unpack(keys)
    """) == (f"{0x00100001}=40576", f"{0x00200001}=51227")
    assert run(client, """
      return KeyRingButtonIDToInvSlotID(1), BankButtonIDToInvSlotID(1),
        BankButtonIDToInvSlotID(28), BankButtonIDToInvSlotID(1, 1), BankButtonIDToInvSlotID(7, 1)
    """) == (86, 40, 67, 68, 74)


def test_worn_kinds_stat_deltas_and_items_from_no_slot(client: HeadlessClient) -> None:
    client.world.equipment[17] = SHIELD
    assert run(client, "return IsEquippedItemType('Shields'), IsEquippedItemType('Plate'), "
               "IsEquippedItemType('Daggers')") == (1, 1, None)
    assert run(client, """
      local delta = GetItemStatDelta(GetContainerItemLink(0, 1), "Valorous Redemption Helm")
      local n = 0
      for _ in pairs(delta) do n = n + 1 end
      return delta.ITEM_MOD_STRENGTH_SHORT, delta.ITEM_MOD_STAMINA_SHORT, n
    """) == (108, 163, 2)
    run(client, "PickupItem('Frostweave Cloth')")
    assert run(client, "return GetCursorInfo()") == ("item", 33470, CLOTH.link)
    assert run(client, "return (select(3, GetContainerItemInfo(0, 3)))") is None  # no slot
    run(client, "UseInventoryItem(1)")
    assert client.findings[-1].kind == "protected-call-blocked"


@pytest.mark.parametrize("call, message", [
    ("GetContainerFreeSlots()", "Usage: GetContainerFreeSlots(index[, returnTable])"),
    ("GetContainerItemGems(0)", "Usage: GetContainerItemGems(index, slot)"),
    ("IsEquippableItem()", 'Usage: IsEquippableItem(itemID or "name" or "itemLink")'),
    ("GetInventoryItemsForSlot(1)", "Usage: GetInventoryItemsForSlot(slot, returnTable)"),
    ("PickupContainerItem(0)", "Usage: PickupContainerItem(bagID, slot)"),
    ("GetGuildBankTabInfo()", "Usage: GetGuildBankTabInfo(tab)"),
    ("BuyMerchantItem()", "Usage: BuyMerchantItem(index[, quantity])"),
    ("RollOnLoot()", "Usage: RollOnLoot(rollID[, rollType])"),
])
def test_argument_errors(client: HeadlessClient, call: str, message: str) -> None:
    ok, error = client.eval_lua(f"return pcall(function() return {call} end)")
    assert ok is False and message in error


def test_picking_up_and_dropping_moves_items_with_events(client: HeadlessClient) -> None:
    run(client, "PickupContainerItem(0, 2)")
    assert run(client, "return GetCursorInfo()") == ("item", 40111, RUBY.link)
    assert run(client, "return CursorHasItem(), (select(3, GetContainerItemInfo(0, 2)))") == (
        1, 1)
    assert seen(client) == ["ITEM_LOCK_CHANGED 0 2", "CURSOR_UPDATE nil nil"]
    run(client, "PickupContainerItem(1, 3)")  # into bag 1, slot 3
    assert run(client, "return GetCursorInfo()") is None
    assert run(client, "return GetContainerItemID(1, 3), GetContainerItemID(0, 2)") == (
        40111, None)
    assert seen(client) == ["CURSOR_UPDATE nil nil", "BAG_UPDATE 0 nil", "BAG_UPDATE 1 nil",
                            "ITEM_LOCK_CHANGED 0 2"]
    # Picking up and putting back where it came from changes nothing.
    run(client, "PickupContainerItem(1, 3) PickupContainerItem(1, 3)")
    assert run(client, "return GetContainerItemID(1, 3), CursorHasItem()") == (40111, None)
    run(client, "PickupContainerItem(1, 3)")
    seen(client)
    run(client, "ClearCursor()")
    assert run(client, "return GetContainerItemID(1, 3), (select(3, GetContainerItemInfo(1, 3)))"
               ) == (40111, None)
    assert seen(client) == ["CURSOR_UPDATE nil nil", "ITEM_LOCK_CHANGED 1 3"]


def test_stacks_split_merge_and_swap(client: HeadlessClient) -> None:
    run(client, "SplitContainerItem(0, 3, 8) PickupContainerItem(0, 6)")
    assert run(client, "return (select(2, GetContainerItemInfo(0, 3))), "
               "(select(2, GetContainerItemInfo(0, 6)))") == (12, 8)
    run(client, "PickupContainerItem(0, 4) PickupContainerItem(0, 3)")  # 5 onto 12
    assert run(client, "return (select(2, GetContainerItemInfo(0, 3))), "
               "(GetContainerItemInfo(0, 4))") == (17, None)
    run(client, "SplitContainerItem(0, 3, 30)")
    assert client.ui_errors[-1] == "Tried to split more than number in stack."
    run(client, "PickupContainerItem(0, 2) PickupContainerItem(0, 5)")  # swap ruby and ring
    assert run(client, "return GetContainerItemID(0, 2), GetContainerItemID(0, 5)") == (
        50402, 40111)
    run(client, "SplitContainerItem(0, 3, 2) PickupContainerItem(0, 5)")
    assert client.ui_errors[-1] == "Couldn't split those items."
    assert run(client, "return CursorHasItem()") == 1


def test_delete_and_put_in_bags(client: HeadlessClient) -> None:
    run(client, "PickupContainerItem(0, 3) DeleteCursorItem()")
    assert run(client, "return GetContainerItemInfo(0, 3), GetItemCount(33470), "
               "CursorHasItem()") == (None, 5, None)
    assert run(client, "return PutItemInBackpack()") is None  # nothing on the cursor
    run(client, "PickupContainerItem(0, 5)")
    assert run(client, "return PutItemInBag(20)") == 1
    assert run(client, "return GetContainerItemID(1, 1), GetContainerItemID(0, 5)") == (
        50402, None)
    run(client, "PickupContainerItem(0, 4) PutItemInBag(20)")
    assert run(client, "return GetContainerItemID(1, 2)") == 33470
    run(client, "PickupContainerItem(0, 1) PutItemInBag(20) PickupContainerItem(0, 2) "
        "PutItemInBag(20)")
    assert run(client, "return GetContainerItemID(1, 3), GetContainerItemID(1, 4), "
               "GetContainerNumFreeSlots(1)") == (51227, 40111, 0, 0)
    run(client, "PickupContainerItem(1, 1)")
    assert run(client, "return PutItemInBag(20), CursorHasItem()") == (1, None)  # put back
    client.bags.put(0, 9, OLD_HELM, 1)
    run(client, "PickupContainerItem(0, 9)")
    assert run(client, "return PutItemInBag(20), CursorHasItem()") == (1, 1)
    assert client.ui_errors[-1] == "That bag is full."


def test_equipping_swaps_with_the_equipped_item(client: HeadlessClient) -> None:
    run(client, "PickupContainerItem(0, 1)")
    assert run(client, "return CursorCanGoInSlot(1), CursorCanGoInSlot(2)") == (1, None)
    seen(client)
    run(client, "EquipCursorItem(1)")
    assert run(client, "return GetInventoryItemID('player', 1), GetContainerItemID(0, 1), "
               "CursorHasItem(), GetInventoryItemGems(1)") == (51227, 40576, None, None, 40111)
    assert seen(client) == ["CURSOR_UPDATE nil nil", "BAG_UPDATE 0 nil",
                            "PLAYER_EQUIPMENT_CHANGED 1 nil", "UNIT_INVENTORY_CHANGED player nil",
                            "ITEM_LOCK_CHANGED 0 1"]
    run(client, "PickupInventoryItem(1)")
    assert run(client, "return IsInventoryItemLocked(1), IsInventoryItemLocked(2)") == (
        1, None)
    run(client, "PickupContainerItem(0, 6)")  # unequip into an empty bag slot
    assert run(client, "return GetInventoryItemID('player', 1), GetContainerItemID(0, 6)") == (
        None, 51227)
    run(client, "EquipItemByName('Valorous Redemption Helm')")
    assert run(client, "return GetInventoryItemID('player', 1)") == 40576
    run(client, "PickupContainerItem(0, 5) AutoEquipCursorItem()")
    assert run(client, "return GetInventoryItemID('player', 11), CursorHasItem()") == (
        50402, None)
    run(client, "PickupContainerItem(0, 3) AutoEquipCursorItem()")
    assert client.ui_errors[-1] == "This item cannot be equipped."


def test_equipping_follows_the_characters_rules(client: HeadlessClient) -> None:
    client.world.player.class_token = "MAGE"
    run(client, "PickupContainerItem(0, 1)")
    assert run(client, "return CursorCanGoInSlot(1)") is None
    run(client, "EquipCursorItem(1)")
    assert client.ui_errors[-1] == "You do not have the required proficiency for that item."
    assert run(client, "return GetInventoryItemID('player', 1), CursorHasItem()") == (40576, 1)
    client.world.player.class_token = "PALADIN"
    client.bags.put(0, 7, AXE, 1)
    client.world.equipment[17] = SHIELD
    run(client, "ClearCursor() EquipItemByName(50730)")  # the shield goes to the bags
    assert run(client, "return GetInventoryItemID('player', 16), "
               "GetInventoryItemID('player', 17), GetContainerItemID(0, 6)") == (
        50730, None, 50616)
    run(client, "EquipItemByName(50616)")
    assert client.ui_errors[-1] == "Cannot equip that with a two-handed weapon."
    client.in_combat = True
    run(client, "EquipItemByName(51227)")
    assert client.ui_errors[-1] == "You can't do that while in combat"


def test_the_bank_is_closed_until_opened(client: HeadlessClient) -> None:
    assert run(client, "return GetNumBankSlots()") == (0, None)
    assert run(client, "return GetBankSlotCost(0), GetBankSlotCost(1), GetBankSlotCost(7)") == (
        1000, 10000, 0)
    money = client.money
    run(client, "PurchaseSlot() CloseBankFrame()")
    assert (client.money, run(client, "return GetNumBankSlots()"), seen(client)) == (
        money, (0, None), [])
    open_bank(client)
    run(client, "PurchaseSlot()")
    assert client.money == money - 1000
    assert run(client, "return GetNumBankSlots()") == (1, None)
    run(client, "CloseBankFrame() CloseBankFrame()")
    assert seen(client) == ["PLAYER_MONEY nil nil", "PLAYERBANKBAGSLOTS_CHANGED nil nil",
                            "BANKFRAME_CLOSED nil nil"]
    client.money = 500
    open_bank(client)
    run(client, "PurchaseSlot()")
    assert client.ui_errors[-1] == "You can't afford that."


def test_a_guild_bank_never_opened_answers_nothing(client: HeadlessClient) -> None:
    assert run(client, """
      return GetGuildBankMoney(), GetGuildBankWithdrawMoney(), GetNumGuildBankTabs(),
        GetCurrentGuildBankTab(), CanWithdrawGuildBankMoney(), CanGuildBankRepair(),
        GetGuildBankTabInfo(1), GetGuildBankItemLink(1, 1), GetGuildBankText(1),
        (GetGuildBankTabPermissions(1))
    """) == (0, 0, 0, 1, None, None, None, None, None, None)
    assert run(client, "return GetGuildBankItemInfo(1, 1)") == (None, 0, None)
    assert run(client, "return GetGuildBankTabCost(), GetNumGuildBankTransactions(1), "
               "GetNumGuildBankMoneyTransactions(), (GetGuildBankTransaction(1, 1))") == (
        1_000_000, 0, 0, None)
    run(client, """
      QueryGuildBankTab(1) DepositGuildBankMoney(100) WithdrawGuildBankMoney(100)
      PickupGuildBankItem(1, 1) AutoStoreGuildBankItem(1, 1) CloseGuildBankFrame()
      QueryGuildBankLog(1) QueryGuildBankText(1)
      SetCurrentGuildBankTab(2)
    """)
    assert seen(client) == [] and run(client, "return GetCurrentGuildBankTab()") == 2


def test_an_open_guild_bank_moves_money_and_items(client: HeadlessClient) -> None:
    vault = client.world.guild_bank
    vault.money, vault.withdraw_limit, vault.can_withdraw_money = 5_000_000, 100_000, True
    vault.tabs = [GuildBankTab("Mats", withdrawals=10, remaining=4, text="Take what you need"),
                  GuildBankTab("Officers", viewable=False, can_deposit=False)]
    vault.tabs[0].items[3] = BagSlot(CLOTH, 20)
    open_guild_bank(client)
    assert run(client, "return GetNumGuildBankTabs(), GetGuildBankTabInfo(1)") == (
        2, "Mats", "Interface\\Icons\\INV_Misc_QuestionMark", 1, 1, 10, 4)
    assert run(client, "return GetGuildBankTabInfo(2)") == (
        "Officers", "Interface\\Icons\\INV_Misc_QuestionMark", None, None, 0, 0)
    assert run(client, "return GetGuildBankItemInfo(1, 3)") == (
        "Interface\\Icons\\INV_Misc_QuestionMark", 20, None)
    assert run(client, "return GetGuildBankItemLink(1, 3), GetGuildBankText(1)") == (
        CLOTH.link, "Take what you need")
    seen(client)
    run(client, "QueryGuildBankText(1) QueryGuildBankLog(7)")
    assert client.events_fired[-2:] == [("GUILDBANK_UPDATE_TEXT", (1,)),
                                        ("GUILDBANKLOG_UPDATE", ())]
    assert run(client, "return GetGuildBankTabCost()") == 5_000_000  # the third tab
    money = client.money
    run(client, "DepositGuildBankMoney(10000) WithdrawGuildBankMoney(200000)")
    assert client.ui_errors[-1] == "You cannot withdraw that much from the guild bank."
    run(client, "WithdrawGuildBankMoney(30000)")
    assert (client.money, vault.money, run(client, "return GetGuildBankWithdrawMoney()")) == (
        money + 20000, 4_980_000, 70_000)
    seen(client)
    run(client, "SplitGuildBankItem(1, 3, 5)")
    assert run(client, "return (select(3, GetGuildBankItemInfo(1, 3)))") == 1
    run(client, "PickupContainerItem(1, 1)")
    assert run(client, "return (select(2, GetContainerItemInfo(1, 1))), "
               "(select(2, GetGuildBankItemInfo(1, 3)))") == (5, 15)
    run(client, "AutoStoreGuildBankItem(1, 3)")
    assert run(client, "return (select(2, GetContainerItemInfo(0, 6))), "
               "(GetGuildBankItemInfo(1, 3))") == (15, None)
    assert "GUILDBANKBAGSLOTS_CHANGED nil nil" in seen(client)
    run(client, "CloseGuildBankFrame() DepositGuildBankMoney(100)")
    assert vault.money == 4_980_000 and seen(client) == ["GUILDBANKFRAME_CLOSED nil nil"]


def test_no_merchant_or_loot_window_is_open(client: HeadlessClient) -> None:
    money = client.money
    assert run(client, """
      BuyMerchantItem(1, 5) BuybackItem(1) RollOnLoot(1, 2)
      return GetMerchantItemCostItem(1, 1), GetLootSlotLink(1), (GetLootRollItemLink(1))
    """) == (None, None, None)
    assert client.money == money and seen(client) == []


def test_framexml_bags_bank_and_guild_bank_windows_follow() -> None:
    """Blizzard's container, character, bank and guild bank windows run on these functions
    and events without a Lua error."""
    folder = require_shared("MGM_FRAMEXML_DIR")
    with HeadlessClient(ClientSettings(framexml_dir=folder, character_class="Paladin")) as c:
        c.enter_world()
        c.bags.put(0, 1, HELM, 1)
        c.bags.put(0, 2, CLOTH, 20)
        run(c, "OpenAllBags() PickupContainerItem(0, 1)")
        assert run(c, "return ContainerFrame1:IsShown(), CursorHasItem()") == (1, 1)
        run(c, "EquipCursorItem(1) SplitContainerItem(0, 2, 5) PickupContainerItem(0, 3)")
        assert run(c, "return GetInventoryItemID('player', 1), GetItemCount(33470)") == (
            51227, 20)
        open_bank(c)
        assert run(c, "return BankFrame:IsShown()") == 1
        run(c, "CloseBankFrame()")
        assert run(c, "return BankFrame:IsShown()") is None
        c.world.guild_bank.tabs = [GuildBankTab("Mats")]
        c.world.guild_bank.tabs[0].items[1] = BagSlot(RUBY, 3)
        run(c, "LoadAddOn('Blizzard_GuildBankUI')")
        open_guild_bank(c)
        run(c, "QueryGuildBankTab(1)")
        assert run(c, "return GuildBankFrame:IsShown(), GuildBankColumn1Button1Count:GetText()"
                   ) == (1, "3")
        run(c, "CloseGuildBankFrame()")
        assert run(c, "return GuildBankFrame:IsShown()") is None
