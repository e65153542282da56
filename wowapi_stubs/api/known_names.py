"""3.3.5a global API names the headless client does not implement.

Calling one fails with "WoW API X is not implemented by the headless client (at file:line)"
rather than "attempt to call a nil value"; names outside this list stay plain Lua nil.
"""

from __future__ import annotations

KNOWN_UNIMPLEMENTED = frozenset(
    [
    "AcceptTrade", "AddFriend", "AutoEquipCursorItem", "BuyMerchantItem", "CanEditOfficerNote",
    "CheckInbox", "ChatFrame_AddMessageEventFilter", "ChatFrame_RemoveMessageEventFilter",
    "ChatFrame_OpenChat", "ClickSendMailItemButton", "CloseTrade", "DeleteInboxItem",
    "EquipItemByName", "GetBindingKey", "GetCVar",
    "GetChannelList", "GetContainerItemCooldown", "GetCursorInfo", "GetCursorMoney",
    "GetCursorPosition", "GetFriendInfo", "GetGameTime", "GetGuildInfo", "GetGuildRosterInfo",
    "GetInboxHeaderInfo", "GetInboxItem", "GetInboxItemLink", "GetInboxNumItems",
    "GetInboxText", "GetInventoryItemLink", "GetInventorySlotInfo", "GetItemCount",
    "GetItemIcon", "GetItemQualityColor", "GetMerchantItemInfo", "GetMinimapZoneText",
    "GetMouseFocus", "GetNetStats", "GetNumFriends", "GetNumGuildMembers",
    "GetNumPartyMembers", "GetNumRaidMembers", "GetPlayerInfoByGUID", "GetQuestLogTitle",
    "GetRealZoneText", "GetScreenHeight", "GetScreenWidth", "GetSendMailItem",
    "GetSendMailItemLink", "GetSpellInfo", "GetSubZoneText", "GetZoneText", "GuildRoster",
    "IsInGuild", "IsInInstance", "IsShiftKeyDown", "IsControlKeyDown", "IsAltKeyDown",
    "PickupContainerItem", "ReloadUI", "RepairAllItems", "SendAddonMessage",
    "SetCVar", "SetRaidTarget", "ShowUIPanel", "HideUIPanel", "SplitContainerItem",
    "StaticPopup_Show", "StaticPopup_Hide", "TakeInboxItem", "TakeInboxMoney", "UIFrameFadeIn",
    "UIFrameFadeOut", "UnitBuff", "UnitClass", "UnitDebuff", "UnitExists", "UnitFactionGroup",
    "UnitGUID", "UnitHealth", "UnitHealthMax", "UnitInParty", "UnitInRaid", "UnitIsAFK",
    "UnitIsConnected", "UnitIsDeadOrGhost", "UnitIsPlayer", "UnitLevel", "UnitMana",
    "UnitPower", "UnitRace", "UnitSex", "EasyMenu", "UIDropDownMenu_Initialize",
    "UIDropDownMenu_AddButton", "UIDropDownMenu_CreateInfo", "ToggleDropDownMenu",
    "CloseDropDownMenus", "InterfaceOptions_AddCategory",
    "InterfaceOptionsFrame_OpenToCategory", "GetMirrorTimerInfo", "GetPlayerMapPosition",
    "SetMapToCurrentZone", "GetAchievementInfo", "GetStatistic", "GetCurrentMapAreaID",
    "SetTracking", "GetNumTrackingTypes",
]
)
