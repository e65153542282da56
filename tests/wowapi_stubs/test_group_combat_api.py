"""Group markers and roles, combat-log flags, merchant, inbox, calendar and frame look-ups
answer as the 3.3.5a client does with nothing open; argument handling follows the client
(numeric strings coerce in ``bit``, extra ``RegisterEvent`` arguments are ignored, an
unknown layer in ``CreateTexture`` is drawn in ARTWORK)."""

from __future__ import annotations

from tests.wowapi_stubs.eval_clean import run
from wowapi_stubs.api.combat import flags_match
from wowapi_stubs.world import Unit


def test_raid_target_icons_move_between_units_and_fire_the_event(client) -> None:
    client.set_target(Unit("Training Dummy", is_player=False))
    assert run(client, """
      local seen = 0
      local f = CreateFrame("Frame")
      f:RegisterEvent("RAID_TARGET_UPDATE")
      f:SetScript("OnEvent", function() seen = seen + 1 end)
      local before = GetRaidTargetIndex("target")
      SetRaidTarget("target", 8)
      local skull = GetRaidTargetIndex("target")
      SetRaidTarget("player", 8)
      local moved = GetRaidTargetIndex("target")
      local mine = GetRaidTargetIndex("player")
      SetRaidTarget("player", 0)
      return before, skull, moved, mine, GetRaidTargetIndex("player"), seen
    """) == (None, 8, None, 8, None, 3)


def test_combat_log_object_is_a_matches_each_flag_group() -> None:
    me = 0x511  # mine, friendly, player-controlled, player
    assert flags_match(me, 0x511)  # COMBATLOG_FILTER_ME is a superset of these bits
    assert not flags_match(me, 0x548)  # hostile outsider: reaction and affiliation differ
    assert flags_match(0x10000 | me, 0x10000)  # target flag: special bits alone
    assert not flags_match(me, 0x10000)


def test_combat_and_group_answers(client) -> None:
    assert run(client, """
      local filter = bit.bor(COMBATLOG_OBJECT_AFFILIATION_MINE,
        COMBATLOG_OBJECT_REACTION_FRIENDLY, COMBATLOG_OBJECT_CONTROL_PLAYER,
        COMBATLOG_OBJECT_TYPE_PLAYER)
      local tank, healer, damage = UnitGroupRolesAssigned("player")
      return CombatLog_Object_IsA(0x511, filter), CombatLog_Object_IsA(0xa48, filter),
        HasFullControl(), select("#", GetWeaponEnchantInfo()), GetWeaponEnchantInfo(),
        UnitPlayerOrPetInRaid("player"), GetPartyAssignment("MAINTANK", "player"),
        tank, healer, damage
    """) == (True, False, 1, 6, None, None, None, False, False, False)
    assert run(client, 'return GetPartyAssignment("mainassist")') is None
    client.eval_lua("GetPartyAssignment()")
    assert "Usage: GetPartyAssignment" in client.errors[-1].message


def test_merchant_inbox_calendar_with_nothing_open(client) -> None:
    assert run(client, """
      local cost, canRepair = GetRepairAllCost()
      local shown, total = GetInboxNumItems()
      local weekday, month, day, year = CalendarGetDate()
      return GetMerchantNumItems(), GetMerchantItemInfo(1), cost, canRepair,
        HasNewMail(), shown, total, GetInboxHeaderInfo(1), CalendarGetNumPendingInvites(),
        weekday >= 1 and weekday <= 7, year >= 2008
    """) == (0, None, 0, None, None, 0, 0, None, 0, True, True)
    client.eval_lua("GetMerchantItemInfo()")
    assert "Usage: GetMerchantItemInfo(index)" in client.errors[-1].message


def test_check_inbox_answers_only_at_an_open_mailbox(client) -> None:
    client.eval_lua("""
      updates = 0
      local f = CreateFrame("Frame")
      f:RegisterEvent("MAIL_INBOX_UPDATE")
      f:SetScript("OnEvent", function() updates = updates + 1 end)
      CheckInbox()
    """)
    client.advance(1.0)
    assert client.global_value("updates") == 0
    client.open_mailbox()  # the mail frame checks the inbox
    client.eval_lua("CheckInbox()")
    assert client.global_value("updates") == 0  # the server's list comes after mail_latency
    client.advance(1.0)
    assert client.global_value("updates") == 2


def test_get_click_frame_finds_named_frames(client) -> None:
    assert run(client, """
      local b = CreateFrame("Button", "MyClickButton", UIParent)
      return GetClickFrame("MyClickButton") == b, GetClickFrame("NoSuchFrameAnywhere")
    """) == (True, None)


def test_bit_operations_coerce_numeric_strings_like_the_client(client) -> None:
    assert run(client, 'return bit.band("0xF13", 0x00F), bit.bor("8", 1)') == (3, 9)
    client.eval_lua('return bit.band("zz", 1)')
    assert "bad argument to bit operation" in client.errors[-1].message


def test_register_event_ignores_extra_arguments(client) -> None:
    assert run(client, """
      local f = CreateFrame("Frame")
      f:RegisterEvent("PLAYER_LOGIN", "EXTRA", 3)
      return f:IsEventRegistered("PLAYER_LOGIN"), f:IsEventRegistered("EXTRA")
    """) == (1, None)


def test_created_region_with_a_strata_for_layer_is_drawn_in_artwork(client) -> None:
    assert run(client, """
      local f = CreateFrame("Frame")
      local t = f:CreateTexture(nil, "DIALOG")
      local s = f:CreateFontString(nil, "OVERLAY")
      return (t:GetDrawLayer()), (s:GetDrawLayer())
    """) == ("ARTWORK", "OVERLAY")
    assert [f.kind for f in client.findings] == ["invalid-draw-layer"]
    client.eval_lua('CreateFrame("Frame"):CreateTexture():SetDrawLayer("DIALOG")')
    assert 'Invalid layer "DIALOG"' in client.errors[-1].message


def test_inventory_slot_that_is_not_a_number_names_no_item(client) -> None:
    assert run(client, """
      return GetInventoryItemLink("player", false), GetInventoryItemCount("player", false)
    """) == (None, 0)
