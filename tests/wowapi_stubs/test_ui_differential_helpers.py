"""The built-in UI's stand-ins for FrameXML's helper functions against FrameXML's own: the same
calls on a client of each UI give the same results and leave the same visible state (chat
edit box, bags, raid notices, tooltips...). A difference is a bug of the built-in UI.

Needs an extracted Interface folder (``MGM_FRAMEXML_DIR``); skipped without one. One client
of each UI per module; each test leaves the state it changed as it found it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.shared_data import require_shared
from wowapi_stubs import ClientSettings, HeadlessClient
from wowapi_stubs.world import Aura, Unit

Step = str  # Lua run with eval_lua, then a tenth of a second of simulated time


@pytest.fixture(scope="module")
def clients() -> Iterator[tuple[HeadlessClient, HeadlessClient]]:
    folder = require_shared("MGM_FRAMEXML_DIR")
    made = (HeadlessClient(ClientSettings(framexml_dir=None)),
            HeadlessClient(ClientSettings(framexml_dir=folder)))
    for client in made:
        for slot in (1, 2):
            client.set_bag_item(0, slot, 6948, "Hearthstone")
        client.enter_world()
        client.advance(1)
    yield made
    for client in made:
        client.close()


def run_steps(client: HeadlessClient, steps: list[Step]) -> list[tuple[object, list[str]]]:
    """Each step's results and the Lua errors it raised."""
    seen = []
    for step in steps:
        errors = len(client.errors)
        result = client.eval_lua(step)
        client.advance(0.1)
        seen.append((result, [e.message for e in client.errors[errors:]]))
    return seen


def same(clients: tuple[HeadlessClient, HeadlessClient], steps: list[Step]
         ) -> list[tuple[object, list[str]]]:
    builtin, framexml = (run_steps(client, steps) for client in clients)
    assert builtin == framexml
    return builtin


def test_the_chat_edit_box_at_login_and_opened_with_a_whisper(clients) -> None:
    seen = same(clients, [
        """local e = ChatFrame1EditBox
           return ChatEdit_GetLastActiveWindow():GetName(), ChatEdit_GetActiveWindow(),
             e:IsShown(), e:GetAlpha(), e:GetAttribute("chatType"), e.chatFrame:GetName(),
             ChatFrame1:GetID(), ChatFrame4:GetID(), ChatEdit_InsertLink("x")""",
        """local box = ChatFrame_OpenChat("/w Norinn hi there")
           return box:GetName(), ChatEdit_GetActiveWindow():GetName(), box:GetText(),
             box:GetAlpha(), box:HasFocus(), box.header:IsShown()""",
        """local e = ChatFrame1EditBox
           return e:GetText(), e:GetAttribute("chatType"), e:GetAttribute("tellTarget"),
             ChatEdit_InsertLink("|cffffffff|Hitem:6948:0:0:0:0:0:0:0:0|h[Hearthstone]|h|r"),
             e:GetText(), ChatEdit_InsertLink(), e.header:GetText()""",
        """ChatEdit_DeactivateChat(ChatFrame1EditBox)
           local e = ChatFrame1EditBox
           return e:GetText(), e:GetAttribute("chatType"), e:IsShown(), e:GetAlpha(),
             ChatEdit_GetActiveWindow(), e:HasFocus(), e.header:IsShown()""",
    ])
    assert seen[2][0][:3] == ("hi there", "WHISPER", "Norinn")


def test_send_tell_and_reply_tell(clients) -> None:
    same(clients, [
        """ChatFrame_SendTell("Alt2")
           local e = ChatFrame1EditBox
           return e:GetText(), e:GetAttribute("chatType"), ChatEdit_GetActiveWindow() == e""",
        """local e = ChatFrame1EditBox
           return e:GetText(), e:GetAttribute("chatType"), e:GetAttribute("tellTarget")""",
        """ChatEdit_DeactivateChat(ChatFrame1EditBox)
           ChatFrame_ReplyTell()
           return ChatEdit_GetLastTellTarget(), ChatEdit_GetActiveWindow()""",
    ])
    for client in clients:
        client.whisper_from("Alt1", "yo")
    seen = same(clients, [
        """ChatFrame_ReplyTell()
           local e = ChatFrame1EditBox
           return ChatEdit_GetLastTellTarget(), e:GetAttribute("chatType"),
             e:GetAttribute("tellTarget"), ChatEdit_GetActiveWindow() == e""",
        """ChatEdit_DeactivateChat(ChatFrame1EditBox)
           ChatEdit_FocusActiveWindow()
           return ChatEdit_GetActiveWindow(), ChatEdit_ChooseBoxForSend(ChatFrame3):GetName(),
             ChatEdit_ChooseBoxForSend():GetName()""",
    ])
    assert seen[0][0] == ("Alt1", "WHISPER", "Alt1", True)


def test_player_links_clicked_whisper_the_player(clients) -> None:
    same(clients, [
        """SetItemRef("player:Norinn:12:WHISPER", "|Hplayer:Norinn:12|h[Norinn]|h",
             "LeftButton", ChatFrame1)""",
        """local e = ChatFrame1EditBox
           local r = {e:GetAttribute("chatType"), e:GetAttribute("tellTarget"),
                      ChatEdit_GetActiveWindow() == e}
           ChatEdit_DeactivateChat(e)
           return unpack(r)""",
        """ChatFrame_OnHyperlinkShow(ChatFrame1, "item:6948:0:0:0:0:0:0:0:0",
             "|cffffffff|Hitem:6948:0:0:0:0:0:0:0:0|h[Hearthstone]|h|r", "LeftButton")
           local shown = ItemRefTooltip:IsShown()
           HideUIPanel(ItemRefTooltip)
           return shown, HandleModifiedItemClick("x")""",
    ])


def test_message_groups_and_channels_of_a_chat_frame(clients) -> None:
    same(clients, [
        """ChatFrame_RemoveAllMessageGroups(ChatFrame3)
           ChatFrame_AddMessageGroup(ChatFrame3, "SAY")
           ChatFrame_AddMessageGroup(ChatFrame3, "WHISPER")
           ChatFrame_AddMessageGroup(ChatFrame3, "NO_SUCH_GROUP")
           local listed = table.concat(ChatFrame3.messageTypeList, ",")
           local say = ChatFrame3:IsEventRegistered("CHAT_MSG_SAY")
           ChatFrame_RemoveMessageGroup(ChatFrame3, "say")
           return listed, say, ChatFrame3:IsEventRegistered("CHAT_MSG_SAY"),
             ChatFrame3:IsEventRegistered("CHAT_MSG_WHISPER"), GetChatWindowMessages(3)""",
        """ChatFrame_RemoveAllMessageGroups(ChatFrame3)
           return #ChatFrame3.messageTypeList,
             ChatFrame3:IsEventRegistered("CHAT_MSG_WHISPER"), GetChatWindowMessages(3)""",
        """ChatFrame_AddChannel(ChatFrame3, "Trade")
           ChatFrame_RemoveChannel(ChatFrame3, "trade")
           return #ChatFrame3.channelList, GetChatWindowChannels(3)""",
        """FCF_SetWindowName(ChatFrame3, "Loot")
           local named = {ChatFrame3.name, ChatFrame3Tab:GetText(), (GetChatWindowInfo(3))}
           FCF_SetWindowName(ChatFrame3, "")
           FCF_SetLocked(ChatFrame3, 1)
           local locked = {ChatFrame3.isLocked, select(6, GetChatWindowInfo(3))}
           FCF_SetLocked(ChatFrame3, nil)
           return named[1], named[2], named[3], ChatFrame3.name, locked[1], locked[2],
             FCF_GetCurrentChatFrame():GetName()""",
    ])


def test_unit_names_with_and_without_the_realm(clients) -> None:
    for client in clients:
        client.set_target(Unit("Farguest", realm="Elsewhere"))
    seen = same(clients, ['return GetUnitName("target"), GetUnitName("target", true), '
                          'GetUnitName("player", true)'])
    assert seen[0][0] == ("Farguest (*)", "Farguest - Elsewhere", "Streamer")
    for client in clients:
        client.set_target(None)


def test_unit_frame_tooltip(clients) -> None:
    same(clients, [
        """local f = CreateFrame("Button", "DiffUnitButton", UIParent); f.unit = "player"
           UnitFrame_OnEnter(f)
           local r = {GameTooltip:IsOwned(f), GameTooltipTextLeft1:GetText(),
                      GameTooltipTextLeft1:GetTextColor(), f.UpdateTooltip ~= nil}
           UnitFrame_OnLeave(f)
           GameTooltip:Hide()
           return unpack(r)""",
    ])


def test_money_texts_and_tooltip_money(clients) -> None:
    seen = same(clients, [
        "return GetMoneyString(123456), GetMoneyString(0), GetMoneyString(500)",
        """GameTooltip:SetOwner(UIParent, "ANCHOR_NONE")
           GameTooltip:AddLine("x")
           SetTooltipMoney(GameTooltip, 12345, nil, "Sell:")
           local r = {GameTooltip:NumLines(), GameTooltipMoneyFrame1:IsShown(),
                      GameTooltipMoneyFrame1PrefixText:GetText(), GameTooltip.shownMoneyFrames,
                      GameTooltipMoneyFrame1GoldButton:GetText(),
                      GameTooltipMoneyFrame1CopperButton:GetText()}
           GameTooltip:Hide()
           return unpack(r)""",
    ])
    assert seen[0][0][0].startswith("12|TInterface\\MoneyFrame\\UI-GoldIcon:0:0:2:0|t 34")


def test_bags_open_and_close(clients) -> None:
    same(clients, [
        """ToggleBackpack()
           return IsBagOpen(0), ContainerFrame1:GetID(), ContainerFrame1.size,
             ContainerFrame1Name:GetText(), ContainerFrame1Item1:GetID(),
             ContainerFrame1Item16:IsShown(), ContainerFrame1Item17:IsShown(),
             (select(2, ContainerFrame1:GetPoint(1))):GetName()""",
        """local r = {OpenBackpack(), ContainerFrame1.backpackWasOpen}
           CloseBackpack()
           r[3] = IsBagOpen(0)
           ToggleBackpack()
           r[4] = IsBagOpen(0)
           r[5] = OpenBackpack()
           r[6] = ContainerFrame1.backpackWasOpen
           CloseBackpack()
           r[7] = IsBagOpen(0)
           return unpack(r, 1, 7)""",
        """local r = {}
           OpenAllBags(); r[1] = IsBagOpen(0)
           OpenAllBags(); r[2] = IsBagOpen(0)
           OpenAllBags(true); r[3] = IsBagOpen(0)
           CloseAllBags(); r[4] = IsBagOpen(0)
           ToggleBag(0); r[5] = IsBagOpen(0)
           ToggleBag(0); r[6] = IsBagOpen(0)
           OpenBag(0); OpenBag(0); r[7] = IsBagOpen(0)
           CloseBag(0); r[8] = IsBagOpen(0)
           ToggleBag(3); r[9] = IsBagOpen(3)
           CloseAllBags()
           return unpack(r, 1, 9)""",
    ])


def test_raid_notices_show_the_newest_two_and_fade(clients) -> None:
    builtin, framexml = clients
    steps = [
        """local info = {r = 1, g = 0.5, b = 0}
           RaidNotice_AddMessage(RaidWarningFrame, "one", info)
           RaidNotice_AddMessage(RaidWarningFrame, "two", info)
           RaidNotice_AddMessage(RaidWarningFrame, "three", info)
           RaidNotice_AddMessage(nil, "ignored", info)
           return RaidWarningFrame:IsShown(), RaidWarningFrameSlot1:GetText(),
             RaidWarningFrameSlot2:GetText(), RaidWarningFrameSlot1:IsShown(),
             RaidWarningFrameSlot2:IsShown(), RaidWarningFrameSlot2:GetTextColor()""",
    ]
    same(clients, steps)
    for client in clients:
        client.advance(5)
    same(clients, ["return RaidWarningFrame:IsShown(), RaidWarningFrameSlot1:GetAlpha()"])
    for client in clients:
        client.advance(10)
    seen = same(clients, ["return RaidWarningFrame:IsShown(), RaidWarningFrameSlot1:IsShown()"])
    assert seen[0][0] == (None, None)


def test_window_helpers(clients) -> None:
    same(clients, [
        """local parent = CreateFrame("Frame", "DiffPanelParent", UIParent)
           HideParentPanel(CreateFrame("Button", nil, parent))
           DropDownList1:Show()
           HideDropDownMenu(1)
           return parent:IsShown(), DropDownList1:IsShown()""",
        """local s = CreateFrame("Slider", "DiffSlider", UIParent, "OptionsSliderTemplate")
           BlizzardOptionsPanel_Slider_Disable(s)
           local r = {s:IsEnabled(), DiffSliderText:GetTextColor()}
           BlizzardOptionsPanel_Slider_Enable(s)
           return r[1], r[2], s:IsEnabled(), DiffSliderText:GetTextColor()""",
        """local b = CreateFrame("Button")
           b.value = "swatch"; b.r, b.g, b.b = 0.2, 0.4, 0.6
           b.swatchFunc = function() end
           UIDropDownMenuButton_OpenColorPicker(b)
           local r = {UIDROPDOWNMENU_MENU_VALUE, ColorPickerFrame:IsShown()}
           HideUIPanel(ColorPickerFrame)
           return unpack(r)""",
        "return SpellBook_GetSpellID(1)",
    ])


def test_buff_buttons_follow_the_players_auras(clients) -> None:
    for client in clients:
        client.set_auras("player", [
            Aura("Fortitude", icon="Icon1", count=3, duration=60, expires=100),
            Aura("Mark", icon="Icon2"),
            Aura("Curse", icon="Icon3", harmful=True, debuff_type="Magic")])
    report = """
      local r = {BUFF_ACTUAL_DISPLAY, DEBUFF_ACTUAL_DISPLAY, ConsolidatedBuffs:IsShown()}
      for _, name in ipairs({"BuffButton1", "BuffButton2", "DebuffButton1"}) do
        local b = _G[name]
        for _, value in ipairs({b:IsShown() or false, b:GetID(), _G[name .. "Icon"]:GetTexture(),
                                b.count:IsShown() or false, b.count:GetText() or false,
                                b.duration:IsShown() or false, b.timeLeft or false,
                                b:GetParent():GetName(), b.filter}) do
          r[#r + 1] = value
        end
      end
      r[#r + 1] = (DebuffButton1Border:GetVertexColor())
      return unpack(r)"""
    seen = same(clients, ["BuffFrame_Update()", report])
    assert seen[1][0][:2] == (2, 1)
    for client in clients:
        client.set_auras("player", [])
    seen = same(clients, ["BuffFrame_Update() return BUFF_ACTUAL_DISPLAY, BuffButton1:IsShown(), "
                          "DebuffButton1:IsShown()"])
    assert seen[0][0] == (0, None, None)


def test_minimap_zoom_steps_stop_at_the_ends(clients) -> None:
    same(clients, [
        """Minimap_ZoomIn() Minimap_ZoomIn()
           local r = {Minimap:GetZoom(), MinimapZoomOut:IsEnabled()}
           for i = 1, 6 do Minimap_ZoomIn() end
           r[3], r[4] = Minimap:GetZoom(), MinimapZoomIn:IsEnabled()
           for i = 1, 8 do Minimap_ZoomOut() end
           return r[1], r[2], r[3], r[4], Minimap:GetZoom(), MinimapZoomOut:IsEnabled(),
             MinimapZoomIn:IsEnabled()""",
    ])


def test_coin_pickup_and_item_comparison(clients) -> None:
    same(clients, [
        "return GameTooltip.shoppingTooltips[1]:GetName(), "
        "ItemRefTooltip.shoppingTooltips[3]:GetName()",
        """local parent = CreateFrame("Frame", "DiffCoinParent", UIParent)
           parent.moneyType = "PLAYER"
           OpenCoinPickupFrame(100, 12345, parent)
           return CoinPickupFrame:IsShown(), CoinPickupFrame.maxMoney, CoinPickupFrame.symbol,
             CoinPickupText:GetText(), CoinPickupSilverIcon:IsShown(),
             CoinPickupCopperIcon:IsShown(), CoinPickupLeftButton:IsEnabled(),
             CoinPickupRightButton:IsEnabled(), CoinPickupFrame.owner == parent,
             (select(2, CoinPickupFrame:GetPoint(1))) == parent""",
        """OpenCoinPickupFrame(10000, 500, DiffCoinParent)
           return CoinPickupFrame:IsShown() or false, CoinPickupFrame.maxMoney,
             DiffCoinParent.hasPickup""",
        """GameTooltip:SetOwner(UIParent, "ANCHOR_RIGHT")
           GameTooltip:SetHyperlink("item:6948:0:0:0:0:0:0:0:0")
           GameTooltip_ShowCompareItem()
           local r = {GameTooltip:IsShown() or false, ShoppingTooltip1:IsShown() or false,
                      GameTooltip:GetItem()}
           GameTooltip:Hide()
           return unpack(r)""",
    ])


def test_time_abbreviations_bag_slot_tooltips_and_inbox_pages(clients) -> None:
    seen = same(clients, [
        "return SecondsToTimeAbbrev(90000), SecondsToTimeAbbrev(3601), "
        "SecondsToTimeAbbrev(61), SecondsToTimeAbbrev(5.5)",
        """OpenBackpack()
           local button = _G["ContainerFrame" .. IsBagOpen(0) .. "Item16"]
           button:SetPoint("CENTER")
           ContainerFrameItemButton_OnEnter(button)
           local r = {button:GetID(), GameTooltip:IsOwned(button), GameTooltipTextLeft1:GetText(),
                      (GameTooltip:GetAnchorType())}
           GameTooltip:Hide()
           CloseAllBags()
           return unpack(r)""",
        """InboxNextPage()
           local r = {InboxFrame.pageNum, InboxPrevPageButton:IsEnabled(),
                      MailItem1Button:IsShown() or false}
           InboxPrevPage()
           return r[1], r[2], r[3], InboxFrame.pageNum, InboxPrevPageButton:IsEnabled()""",
    ])
    assert seen[1][0][:3] == (1, 1, "Hearthstone")


def test_reply_to_the_last_player_told(clients) -> None:
    for client in clients:
        client.type_line("/w Norinn hello")
        client.advance(0.5)
    seen = same(clients, [
        """ChatFrame_ReplyTell2()
           local e = ChatFrame1EditBox
           local r = {ChatEdit_GetLastToldTarget(), e:GetAttribute("chatType"),
                      e:GetAttribute("tellTarget"), ChatEdit_GetActiveWindow() == e}
           ChatEdit_DeactivateChat(e)
           return unpack(r)""",
    ])
    assert seen[0][0] == ("Norinn", "WHISPER", "Norinn", True)
