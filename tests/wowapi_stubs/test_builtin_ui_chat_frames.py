"""The built-in UI's chat edit box, chat frame, bag, notice and unit helpers keep the state
FrameXML's do (test_ui_differential_helpers compares them with FrameXML itself)."""

from __future__ import annotations

from tests.wowapi_stubs.eval_clean import run
from wowapi_stubs.world import Unit


def test_open_chat_sets_its_text_with_the_next_frame_and_reads_the_chat_type(client) -> None:
    assert run(client, """
      local box = ChatFrame_OpenChat("/g hello")
      return box == ChatFrame1EditBox, ChatEdit_GetActiveWindow() == box, box:GetText()
    """) == (True, True, "")
    client.advance(0.1)
    assert run(client, "return ChatFrame1EditBox:GetText(), "
                       "ChatFrame1EditBox:GetAttribute('chatType'), "
                       "ChatFrame1EditBoxHeader:GetText()") == ("hello", "GUILD", "Guild: ")


def test_insert_link_needs_an_active_box(client) -> None:
    assert run(client, "return ChatEdit_InsertLink('[x]'), ChatEdit_InsertLink()") \
        == (False, False)
    run(client, "ChatFrame_OpenChat('say')")
    client.advance(0.1)
    assert run(client, """
      local ok = ChatEdit_InsertLink("[x]")
      local text = ChatFrame1EditBox:GetText()
      ChatEdit_DeactivateChat(ChatFrame1EditBox)
      return ok, text, ChatFrame1EditBox:GetText(), ChatFrame1EditBox:GetAlpha(),
        ChatEdit_GetActiveWindow()
    """) == (True, "say [x]", "", 0.35, None)


def test_a_shown_whisper_becomes_the_reply_target(client) -> None:
    run(client, "ChatFrame_AddMessageEventFilter('CHAT_MSG_WHISPER', "
                "function(_, _, text) return text == 'spam' end)")
    client.whisper_from("Norinn", "hi")
    client.whisper_from("Alt1", "spam")  # hidden by the filter: not a reply target
    assert run(client, "return ChatEdit_GetLastTellTarget()") == "Norinn"
    run(client, "ChatFrame_ReplyTell()")
    assert run(client, """
      local box = ChatFrame1EditBox
      return box:GetAttribute('chatType'), box:GetAttribute('tellTarget'),
        ChatEdit_GetActiveWindow() == box, box.header:GetText()
    """) == ("WHISPER", "Norinn", True, "Tell Norinn: ")


def test_send_tell_whispers_once_the_text_is_read(client) -> None:
    run(client, "ChatFrame_SendTell('Alt3')")
    client.advance(0.1)
    assert run(client, "return ChatFrame1EditBox:GetAttribute('chatType'), "
                       "ChatFrame1EditBox:GetAttribute('tellTarget'), "
                       "ChatFrame1EditBox:GetText()") == ("WHISPER", "Alt3", "")


def test_modified_clicks_on_links(client) -> None:
    client.world.modifiers.add("SHIFT")
    run(client, "ChatFrame_OpenChat('')")
    client.advance(0.1)
    assert run(client, """
      local handled = HandleModifiedItemClick("[item]")
      SetItemRef("player:Norinn:1", "|Hplayer:Norinn:1|h[Norinn]|h", "LeftButton", ChatFrame1)
      return handled, ChatFrame1EditBox:GetText()
    """) == (True, " [item] Norinn")


def test_message_groups_register_the_chat_frame_for_their_events(client) -> None:
    assert run(client, """
      ChatFrame_AddMessageGroup(ChatFrame5, "GUILD")
      local on = ChatFrame5:IsEventRegistered("CHAT_MSG_GUILD")
      ChatFrame_RemoveAllMessageGroups(ChatFrame5)
      return ChatFrame5:GetID(), on, ChatFrame5:IsEventRegistered("CHAT_MSG_GUILD"),
        #ChatFrame5.messageTypeList
    """) == (5, 1, None, 0)


def test_unit_names_mark_other_realms(client) -> None:
    client.set_target(Unit("Farguest", realm="Elsewhere"))
    assert run(client, "return GetUnitName('target'), GetUnitName('target', true), "
                       "GetUnitName('player', true)") \
        == ("Farguest (*)", "Farguest - Elsewhere", "Streamer")


def test_bags_open_on_container_frames(client) -> None:
    client.set_bag_item(0, 1, 6948, "Hearthstone")
    assert run(client, """
      OpenAllBags()
      local open = {IsBagOpen(0), IsBagOpen(1), ContainerFrame2:GetID()}
      CloseAllBags()
      return open[1], open[2], open[3], IsBagOpen(0), IsBagOpen(1)
    """) == (1, 2, 1, None, None)


def test_raid_notice_texts_fade_out(client) -> None:
    run(client, "RaidNotice_AddMessage(RaidBossEmoteFrame, 'Boss!', {r = 1, g = 0, b = 0})")
    assert run(client, "return RaidBossEmoteFrame:IsShown(), RaidBossEmoteFrameSlot1:GetText()") \
        == (1, "Boss!")
    client.advance(14)
    assert run(client, "return RaidBossEmoteFrame:IsShown(), RaidBossEmoteFrameSlot1:IsShown()") \
        == (None, None)


def test_money_string_in_colour_blind_mode(client) -> None:
    assert run(client, "ENABLE_COLORBLIND_MODE = '1' return GetMoneyString(10203)") \
        == "1g 2s 3c"


def test_the_calendar_stays_closed_without_its_addon(client) -> None:
    assert run(client, "ToggleCalendar() return IsAddOnLoaded('Blizzard_Calendar')") is None


def test_tooltips_know_their_shopping_tooltips(client) -> None:
    assert run(client, """
      GameTooltip:SetOwner(UIParent, "ANCHOR_RIGHT")
      GameTooltip:SetHyperlink("item:6948:0:0:0:0:0:0:0:0")
      GameTooltip_ShowCompareItem(GameTooltip)
      return #GameTooltip.shoppingTooltips, ShoppingTooltip1:IsShown()
    """) == (3, None)


def test_loaders_of_uninstalled_ui_addons_load_nothing(client) -> None:
    assert run(client, """
      TalentFrame_LoadUI()
      AchievementFrame_LoadUI()
      return select("#", InspectFrame_LoadUI()), IsAddOnLoaded("Blizzard_TalentUI")
    """) == (0, None)


def test_a_typed_whisper_sets_the_last_told_target(client) -> None:
    client.add_character("Norinn")
    client.type_line("/w Norinn hello")
    client.type_line("/w Alt1 ")  # nothing said: not remembered
    run(client, "ChatFrame_ReplyTell2()")
    assert run(client, "return ChatEdit_GetLastToldTarget(), "
                       "ChatFrame1EditBox:GetAttribute('tellTarget')") == ("Norinn", "Norinn")
