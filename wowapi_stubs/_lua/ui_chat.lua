-- The built-in UI's chat edit boxes and chat frame settings, written for the headless client:
-- which edit box is active, opening it with a text or a whisper target, inserting links,
-- the whisper reply target, chat links clicked, the message groups and channels a chat frame
-- shows and its name and lock. Each keeps the state FrameXML keeps (globals, attributes,
-- texts, shown/hidden). Loaded the first time an addon reads one of the globals it defines.

-- Chat edit boxes ("im" chat style: the last active box stays shown, faded, while no box is
-- active). A box belongs to its chat frame (box.chatFrame) and keeps its chat type in the
-- "chatType" attribute, the type it returns to in "stickyType".
local DEACTIVATED_ALPHA = 0.35

local function prepare(editBox)
  if not editBox.chatFrame then
    editBox.chatFrame = editBox:GetParent()
  end
  if editBox:GetAttribute("chatType") == nil then
    editBox:SetAttribute("chatType", "SAY")
    editBox:SetAttribute("stickyType", "SAY")
  end
  if not editBox:GetScript("OnUpdate") then
    editBox:SetScript("OnUpdate", ChatEdit_OnUpdate)
  end
  return editBox
end

-- A chat frame's box (its global name makes it, with the frame's editBox key, when not made).
local function box_of(chatFrame)
  local editBox = chatFrame and (chatFrame.editBox or _G[chatFrame:GetName() .. "EditBox"])
  return editBox and prepare(editBox)
end

local function classic_style()
  return GetCVar("chatStyle") == "classic"
end

local function show_focus_parts(editBox, shown)
  for _, key in ipairs({ "header", "focusLeft", "focusRight", "focusMid" }) do
    local region = editBox[key]
    if region then
      if shown then region:Show() else region:Hide() end
    end
  end
end

-- A chat type the character cannot use now (a raid or guild it is not in) falls back to SAY.
local function reset_chat_type(editBox)
  local chatType = editBox:GetAttribute("chatType")
  local unusable = ((chatType == "RAID" or chatType == "BATTLEGROUND") and GetNumRaidMembers() == 0)
    or ((chatType == "GUILD" or chatType == "OFFICER") and not IsInGuild())
  if unusable then
    editBox:SetAttribute("chatType", "SAY")
  end
  ChatEdit_UpdateHeader(editBox)
end

local function set_deactivated(editBox)
  editBox:SetFrameStrata("LOW")
  if classic_style() then
    editBox:Hide()
    return
  end
  editBox:SetText("")
  editBox:SetAlpha(DEACTIVATED_ALPHA)
  editBox:ClearFocus()
  show_focus_parts(editBox, false)
  editBox:SetAttribute("chatType", editBox:GetAttribute("stickyType"))
  reset_chat_type(editBox)
end

function ChatEdit_GetActiveWindow()
  return ACTIVE_CHAT_EDIT_BOX
end

function ChatEdit_GetLastActiveWindow()
  return LAST_ACTIVE_CHAT_EDIT_BOX
end

function ChatEdit_SetLastActiveWindow(editBox)
  local previous = LAST_ACTIVE_CHAT_EDIT_BOX
  local im = GetCVar("chatStyle") == "im"
  if previous and previous ~= editBox and im then
    previous:Hide()
  end
  LAST_ACTIVE_CHAT_EDIT_BOX = editBox
  if im and ACTIVE_CHAT_EDIT_BOX ~= editBox then
    editBox:Show()
    set_deactivated(editBox)
  end
end

function ChatEdit_ActivateChat(editBox)
  prepare(editBox)
  if ACTIVE_CHAT_EDIT_BOX and ACTIVE_CHAT_EDIT_BOX ~= editBox then
    ChatEdit_DeactivateChat(ACTIVE_CHAT_EDIT_BOX)
  end
  ACTIVE_CHAT_EDIT_BOX = editBox
  ChatEdit_SetLastActiveWindow(editBox)
  UIFrameFadeRemoveFrame(editBox)
  editBox:Show()
  editBox:SetFocus()
  editBox:SetFrameStrata("DIALOG")
  editBox:Raise()
  show_focus_parts(editBox, true)
  editBox:SetAlpha(1.0)
  ChatEdit_UpdateHeader(editBox)
end

function ChatEdit_DeactivateChat(editBox)
  if ACTIVE_CHAT_EDIT_BOX == editBox then
    ACTIVE_CHAT_EDIT_BOX = nil
  end
  set_deactivated(editBox)
end

function ChatEdit_FocusActiveWindow()
  local active = ChatEdit_GetActiveWindow()
  if active then
    ChatEdit_ActivateChat(active)
  end
end

-- The box a line goes to: the default chat frame's in the classic style, else the given chat
-- frame's when it is shown, else the last active one while its chat frame is shown, else the
-- selected chat frame's.
function ChatEdit_ChooseBoxForSend(preferredChatFrame)
  if classic_style() then
    return box_of(DEFAULT_CHAT_FRAME)
  elseif preferredChatFrame and preferredChatFrame:IsShown() then
    return box_of(preferredChatFrame)
  end
  local last = ChatEdit_GetLastActiveWindow()
  if last and last:GetParent():IsShown() then
    return last
  end
  return box_of(SELECTED_CHAT_FRAME or DEFAULT_CHAT_FRAME)
end

-- The header names where the line goes: "Say:", the whisper target...
function ChatEdit_UpdateHeader(editBox)
  local chatType = editBox:GetAttribute("chatType")
  local header = chatType and editBox.header
  if not header then
    return
  end
  local info = ChatTypeInfo[chatType]
  if chatType == "WHISPER" then
    header:SetFormattedText(CHAT_WHISPER_SEND, editBox:GetAttribute("tellTarget"))
  elseif chatType == "EMOTE" then
    header:SetFormattedText(CHAT_EMOTE_SEND, UnitName("player"))
  elseif chatType == "CHANNEL" then
    local channel, channelName, instanceID = GetChannelName(editBox:GetAttribute("channelTarget"))
    if channelName then
      if instanceID > 0 then
        channelName = channelName .. " " .. instanceID
      end
      info = ChatTypeInfo["CHANNEL" .. channel]
      editBox:SetAttribute("channelTarget", channel)
      header:SetFormattedText(CHAT_CHANNEL_SEND, channel, channelName)
    end
  else
    header:SetText(_G["CHAT_" .. chatType .. "_SEND"])
  end
  if info then
    header:SetTextColor(info.r, info.g, info.b)
    editBox:SetTextColor(info.r, info.g, info.b)
    for _, key in ipairs({ "focusLeft", "focusRight", "focusMid" }) do
      editBox[key]:SetVertexColor(info.r, info.g, info.b)
    end
  end
end

-- Typed chat types: "/s text" makes the box say, "/w Name text" whisper Name (once a space
-- ends the name). The client's enUS commands.
local CHAT_COMMANDS = {
  ["/s"] = "SAY", ["/say"] = "SAY", ["/y"] = "YELL", ["/yell"] = "YELL", ["/sh"] = "YELL",
  ["/shout"] = "YELL", ["/p"] = "PARTY", ["/party"] = "PARTY", ["/g"] = "GUILD",
  ["/guild"] = "GUILD", ["/o"] = "OFFICER", ["/officer"] = "OFFICER", ["/ra"] = "RAID",
  ["/raid"] = "RAID", ["/rw"] = "RAID_WARNING", ["/bg"] = "BATTLEGROUND",
  ["/battleground"] = "BATTLEGROUND", ["/e"] = "EMOTE", ["/em"] = "EMOTE", ["/me"] = "EMOTE",
  ["/emote"] = "EMOTE", ["/w"] = "WHISPER", ["/whisper"] = "WHISPER", ["/t"] = "WHISPER",
  ["/tell"] = "WHISPER", ["/send"] = "WHISPER", ["/r"] = "REPLY", ["/reply"] = "REPLY",
}

local function whisper_to(editBox, target, text)
  editBox:SetAttribute("tellTarget", target)
  editBox:SetAttribute("chatType", "WHISPER")
  editBox:SetText(text)
  ChatEdit_UpdateHeader(editBox)
end

local function parse_chat_type(editBox)
  local text = editBox:GetText()
  local command = strmatch(text, "^(/[^%s]+)")
  local chatType = command and CHAT_COMMANDS[strlower(command)]
  if not chatType then
    return
  end
  local rest = command ~= text and strsub(text, strlen(command) + 2) or ""
  if chatType == "WHISPER" then
    local target, message = strmatch(rest, "^%s*([^%s|][^%s]*)%s(.*)$")
    if target then
      whisper_to(editBox, target, message)
    end
  elseif chatType == "REPLY" then
    local last = ChatEdit_GetLastTellTarget()
    if last ~= "" then
      whisper_to(editBox, last, rest)
    end
  else
    editBox:SetAttribute("chatType", chatType)
    editBox:SetText(rest)
    ChatEdit_UpdateHeader(editBox)
  end
end

-- A text given to an opened box is set with the next frame (then read for a chat type).
function ChatEdit_OnUpdate(self, elapsed)
  if self.setText == 1 then
    self:SetText(self.text)
    self.setText = 0
    parse_chat_type(self)
  end
end

function ChatFrame_OpenChat(text, chatFrame)
  local editBox = ChatEdit_ChooseBoxForSend(chatFrame)
  ChatEdit_ActivateChat(editBox)
  editBox.setText = 1
  editBox.text = text
  local sticky = editBox:GetAttribute("stickyType")
  if editBox:GetAttribute("chatType") == sticky then
    local alone = (sticky == "PARTY" and GetNumPartyMembers() == 0)
      or ((sticky == "RAID" or sticky == "BATTLEGROUND") and GetNumRaidMembers() == 0)
    if alone then
      editBox:SetAttribute("chatType", "SAY")
    end
  end
  ChatEdit_UpdateHeader(editBox)
  return editBox
end

-- ChatEdit_InsertLink(text): into the active chat edit box (after a space); true when it
-- went somewhere.
function ChatEdit_InsertLink(text)
  if not text then
    return false
  end
  local active = ChatEdit_GetActiveWindow()
  if active then
    active:Insert(" " .. text)
    return true
  end
  return false
end

-- Whisper targets: the players who whispered last (most recent first) and the one told last.
local last_tells = {}
for i = 1, NUM_REMEMBERED_TELLS do
  last_tells[i] = ""
end
local last_told = ""

function ChatEdit_GetLastTellTarget()
  for _, name in ipairs(last_tells) do
    if name ~= "" then
      return name
    end
  end
  return ""
end

function ChatEdit_SetLastTellTarget(target)
  local found = #last_tells
  for index, name in ipairs(last_tells) do
    if strupper(target) == strupper(name) then
      found = index
      break
    end
  end
  for i = found, 2, -1 do
    last_tells[i] = last_tells[i - 1]
  end
  last_tells[1] = target
end

function ChatEdit_GetLastToldTarget()
  return last_told
end

function ChatEdit_SetLastToldTarget(name)
  last_told = name or ""
end

local function whisper_mode(chatFrame, target)
  local editBox = ChatEdit_ChooseBoxForSend(chatFrame)
  editBox:SetAttribute("chatType", "WHISPER")
  editBox:SetAttribute("tellTarget", target)
  ChatEdit_UpdateHeader(editBox)
  if editBox ~= ChatEdit_GetActiveWindow() then
    ChatFrame_OpenChat("", chatFrame)
  end
end

-- ChatFrame_SendTell(name [, chatFrame]): the box opens with "/w name ", which makes it whisper
-- name (an open box at once, one just opened with the next frame).
function ChatFrame_SendTell(name, chatFrame)
  local editBox = ChatEdit_ChooseBoxForSend(chatFrame)
  local line = "/w " .. name .. " "
  if editBox ~= ChatEdit_GetActiveWindow() then
    ChatFrame_OpenChat(line, chatFrame)
  else
    editBox:SetText(line)
  end
  parse_chat_type(editBox)
end

-- Whisper the player `last()` names, if any.
local function reply(chatFrame, last)
  local target = last()
  if target ~= "" then
    whisper_mode(chatFrame, target)
  end
end

function ChatFrame_ReplyTell(chatFrame)
  reply(chatFrame, ChatEdit_GetLastTellTarget)
end

function ChatFrame_ReplyTell2(chatFrame)
  reply(chatFrame, ChatEdit_GetLastToldTarget)
end

-- The message groups (ChatTypeGroup) and channels a chat frame shows: its lists, its events
-- and the client's chat window settings.
local function lists(chatFrame)
  chatFrame.messageTypeList = chatFrame.messageTypeList or {}
  chatFrame.channelList = chatFrame.channelList or {}
  chatFrame.zoneChannelList = chatFrame.zoneChannelList or {}
  return chatFrame
end

local function append(list, value)
  local i = 1
  while list[i] do
    i = i + 1
  end
  list[i] = value
  return i
end

function ChatFrame_AddMessageGroup(chatFrame, group)
  local events = ChatTypeGroup[group]
  if events then
    append(lists(chatFrame).messageTypeList, group)
    for _, event in pairs(events) do
      chatFrame:RegisterEvent(event)
    end
    AddChatWindowMessages(chatFrame:GetID(), group)
  end
end

function ChatFrame_RemoveMessageGroup(chatFrame, group)
  local events = ChatTypeGroup[group]
  if events then
    local list = lists(chatFrame).messageTypeList
    for index, value in pairs(list) do
      if strupper(value) == strupper(group) then
        list[index] = nil
      end
    end
    for _, event in pairs(events) do
      chatFrame:UnregisterEvent(event)
    end
    RemoveChatWindowMessages(chatFrame:GetID(), group)
  end
end

function ChatFrame_RemoveAllMessageGroups(chatFrame)
  for _, group in pairs(lists(chatFrame).messageTypeList) do
    for _, event in pairs(ChatTypeGroup[group]) do
      chatFrame:UnregisterEvent(event)
    end
    RemoveChatWindowMessages(chatFrame:GetID(), group)
  end
  chatFrame.messageTypeList = {}
end

function ChatFrame_AddChannel(chatFrame, channel)
  local zoneChannel = AddChatWindowChannel(chatFrame:GetID(), channel)
  if zoneChannel then
    local index = append(lists(chatFrame).channelList, channel)
    chatFrame.zoneChannelList[index] = zoneChannel
  end
end

function ChatFrame_RemoveChannel(chatFrame, channel)
  lists(chatFrame)
  for index, value in pairs(chatFrame.channelList) do
    if strupper(channel) == strupper(value) then
      chatFrame.channelList[index] = nil
      chatFrame.zoneChannelList[index] = nil
    end
  end
  RemoveChatWindowChannel(chatFrame:GetID(), channel)
end

function ChatFrame_RemoveAllChannels(chatFrame)
  for _, channel in pairs(lists(chatFrame).channelList) do
    RemoveChatWindowChannel(chatFrame:GetID(), channel)
  end
  chatFrame.channelList = {}
  chatFrame.zoneChannelList = {}
end

-- Chat links clicked: a player's name whispers them (with the chat-link modifier it goes into
-- the open box, or asks /who), anything else shows in ItemRefTooltip (with a modifier it is
-- handled as a modified item click).
function ChatFrame_OnHyperlinkShow(self, link, text, button)
  SetItemRef(link, text, button, self)
end

local function player_link(link, button, chatFrame)
  local rest = strsub(link, 8)
  local isGM = strsub(link, 7, 8) == "GM"
  if isGM then
    rest = strsub(link, 10)
  end
  local name, lineID, chatType = strsplit(":", rest)
  if not name or name == "" then
    return
  end
  if IsModifiedClick("CHATLINK") then
    if ChatEdit_GetActiveWindow() then
      ChatEdit_InsertLink(name)
    else
      SendWho(WHO_TAG_NAME .. name)
    end
  elseif button == "RightButton" and not isGM then
    FriendsFrame_ShowDropdown(name, 1, lineID, chatType, chatFrame)
  else
    ChatFrame_SendTell(name, chatFrame)
  end
end

-- A link text without a colour gets the one its kind is shown in.
local LINK_COLORS = { quest = "ffffff00", achievement = "ffffff00", talent = "ff4e96f7",
                      trade = "ffffd000", enchant = "ffffd000" }

function GetFixedLink(text)
  if strfind(text, "|c") then
    return text
  end
  local kind = strmatch(text, "|H(%a+)")
  local color = kind and LINK_COLORS[kind]
  if color then
    return (gsub(text, "(|H.+|h.+|h)", "|c" .. color .. "%1|r", 1))
  end
  return text
end

function SetItemRef(link, text, button, chatFrame)
  if strsub(link, 1, 6) == "player" then
    return player_link(link, button, chatFrame)
  end
  if IsModifiedClick() then
    HandleModifiedItemClick(GetFixedLink(text))
    return
  end
  ShowUIPanel(ItemRefTooltip)
  if not ItemRefTooltip:IsShown() then
    ItemRefTooltip:SetOwner(UIParent, "ANCHOR_PRESERVE")
  end
  ItemRefTooltip:SetHyperlink(link)
end

-- A modified click on an item: the chat-link modifier puts its link into the open chat box,
-- the dress-up modifier tries it on. True when handled.
function HandleModifiedItemClick(link)
  if IsModifiedClick("CHATLINK") and ChatEdit_InsertLink(link) then
    return true
  end
  if IsModifiedClick("DRESSUP") then
    DressUpItemLink(link)
    return true
  end
  return false
end

-- Chat frames: the one a menu works on, names, locks, the dock.
function FCF_GetCurrentChatFrameID()
  return CURRENT_CHAT_FRAME_ID
end

function FCF_GetCurrentChatFrame(child)
  local current = CURRENT_CHAT_FRAME_ID and _G["ChatFrame" .. CURRENT_CHAT_FRAME_ID]
  if not current and child then
    current = _G["ChatFrame" .. child:GetParent():GetID()]
  end
  return current or nil
end

function FCF_SetWindowName(frame, name, doNotSave)
  if not name or name == "" then
    local id = frame:GetID()
    if id == 1 then
      name, doNotSave = GENERAL, nil
    elseif id == 2 then
      name, doNotSave = COMBAT_LOG, nil
    else
      name = format(CHAT_NAME_TEMPLATE, id)
    end
  end
  frame.name = name
  local tab = _G[frame:GetName() .. "Tab"]
  tab:SetText(name)
  PanelTemplates_TabResize(tab, tab.sizePadding or 0)
  if not doNotSave then
    SetChatWindowName(frame:GetID(), name)
  end
  if frame.minFrame then
    frame.minFrame:SetText(name)
  end
end

function FCF_SetLocked(chatFrame, isLocked)
  chatFrame.isLocked = isLocked
  local resize = chatFrame.resizeButton
  if resize then
    if chatFrame.isUninteractable or isLocked then resize:Hide() else resize:Show() end
  end
  SetChatWindowLocked(chatFrame:GetID(), isLocked)
end

-- The dock's tabs are not drawn by the headless client.
function FCF_DockUpdate()
end

-- At login, as FrameXML leaves it: no box active, chat frame 1's the last active one, and the
-- current chat frame the last one set up.
CURRENT_CHAT_FRAME_ID = NUM_CHAT_WINDOWS
ACTIVE_CHAT_EDIT_BOX = nil
ChatEdit_SetLastActiveWindow(box_of(ChatFrame1))

