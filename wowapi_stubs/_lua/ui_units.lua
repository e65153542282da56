-- The built-in UI's unit-frame, secure-button and item-button helpers that FrameXML
-- defines and third-party addons call: secure attribute look-ups, unit watches, combat
-- feedback text, item button slots, raid target icons, container layout, quest colours,
-- the unit popup menu and the dungeon-finder mode. Each keeps the state FrameXML keeps
-- (attributes, shown/hidden, texts, texture coordinates); nothing is drawn.

-- Secure buttons: attributes with modifier prefixes and mouse-button suffixes.
function SecureButton_GetModifierPrefix()
  local prefix = ""
  if IsShiftKeyDown() then prefix = "shift-" .. prefix end
  if IsControlKeyDown() then prefix = "ctrl-" .. prefix end
  if IsAltKeyDown() then prefix = "alt-" .. prefix end
  return prefix
end

local BUTTON_SUFFIXES = {LeftButton = "1", RightButton = "2", MiddleButton = "3",
                         Button4 = "4", Button5 = "5"}

function SecureButton_GetButtonSuffix(button)
  if button == nil or button == "" then
    return ""
  end
  return BUTTON_SUFFIXES[button] or ("-" .. tostring(button):lower())
end

function SecureButton_GetAttribute(frame, name)
  local value = frame:GetAttribute(name)
  if value == nil and frame:GetAttribute("useparent-" .. name) then
    local parent = frame:GetParent()
    if parent then
      return SecureButton_GetAttribute(parent, name)
    end
  end
  return value
end

function SecureButton_GetModifiedAttribute(frame, name, button, prefix, suffix)
  prefix = prefix or SecureButton_GetModifierPrefix()
  suffix = suffix or SecureButton_GetButtonSuffix(button)
  local value = SecureButton_GetAttribute(frame, prefix .. name .. suffix)
  if value == nil then value = SecureButton_GetAttribute(frame, "*" .. name .. suffix) end
  if value == nil then value = SecureButton_GetAttribute(frame, prefix .. name .. "*") end
  if value == nil then value = SecureButton_GetAttribute(frame, "*" .. name .. "*") end
  if value == nil then value = SecureButton_GetAttribute(frame, name) end
  return value
end

local function resolved_unit(frame, unit)
  if unit == nil or tostring(unit):lower() == "none" then
    return nil
  end
  local suffix = SecureButton_GetAttribute(frame, "unitsuffix")
  if suffix then
    unit = unit .. suffix
    if unit:lower() == "playerpet" then unit = "pet" end
  end
  return unit
end

function SecureButton_GetUnit(frame)
  return resolved_unit(frame, SecureButton_GetAttribute(frame, "unit"))
end

function SecureButton_GetModifiedUnit(frame, button)
  return resolved_unit(frame, SecureButton_GetModifiedAttribute(frame, "unit", button))
end

-- Unit watches: a watched frame is shown while its unit exists and hidden otherwise
-- (with asState, its "state-unitexists" attribute follows instead), checked every frame.
local watched = {}
local watch_manager = CreateFrame("Frame")

local function apply_watch(frame, asState)
  local exists = UnitExists(SecureButton_GetUnit(frame) or "none") and true or false
  if asState then
    if frame:GetAttribute("state-unitexists") ~= exists then
      frame:SetAttribute("state-unitexists", exists)
    end
  elseif exists then
    frame:Show()
  else
    frame:Hide()
  end
end

watch_manager:SetScript("OnUpdate", function()
  for frame, asState in pairs(watched) do
    apply_watch(frame, asState)
  end
end)

function RegisterUnitWatch(frame, asState)
  watched[frame] = asState and true or false
  apply_watch(frame, watched[frame])
end

function UnregisterUnitWatch(frame)
  watched[frame] = nil
end

function UnitWatchRegistered(frame)
  return watched[frame] ~= nil, watched[frame] == true
end

-- Combat feedback: the damage/heal number a unit frame shows for a while.
COMBATFEEDBACK_FADEINTIME = 0.2
COMBATFEEDBACK_HOLDTIME = 0.7
COMBATFEEDBACK_FADEOUTTIME = 0.3

function CombatFeedback_Initialize(self, feedbackText, fontHeight)
  self.feedbackText = feedbackText
  self.feedbackFontHeight = fontHeight
  self.feedbackStartTime = 0
  if feedbackText then
    feedbackText:Hide()
  end
end

function CombatFeedback_OnCombatEvent(self, event, flags, amount, schoolMask)
  local text = ""
  local r, g, b = 1.0, 1.0, 1.0
  if event == "IMMUNE" then
    text = IMMUNE or "Immune"
  elseif event == "WOUND" then
    if amount and amount ~= 0 then
      text = tostring(amount)
      if flags == "CRITICAL" or flags == "CRUSHING" then
        r, g, b = 1.0, 0.0, 0.0
      end
    elseif flags == "ABSORB" then
      text = ABSORB or "Absorb"
    elseif flags == "BLOCK" then
      text = BLOCK or "Block"
    elseif flags == "RESIST" then
      text = RESIST or "Resist"
    else
      text = MISS or "Miss"
    end
  elseif event == "BLOCK" then
    text = BLOCK or "Block"
  elseif event == "HEAL" then
    text = tostring(amount or 0)
    r, g, b = 0.0, 1.0, 0.0
  elseif event == "ENERGIZE" then
    text = tostring(amount or 0)
    r, g, b = 0.41, 0.8, 0.94
  else
    text = _G[event] or tostring(event)
  end
  self.feedbackStartTime = GetTime()
  local feedback = self.feedbackText
  if feedback then
    feedback:SetText(text)
    feedback:SetTextColor(r, g, b)
    feedback:SetAlpha(0)
    feedback:Show()
  end
end

function CombatFeedback_OnUpdate(self, elapsed)
  local feedback = self.feedbackText
  if not feedback or not feedback:IsShown() then
    return
  end
  local shown = GetTime() - (self.feedbackStartTime or 0)
  if shown < COMBATFEEDBACK_FADEINTIME then
    feedback:SetAlpha(shown / COMBATFEEDBACK_FADEINTIME)
  elseif shown < COMBATFEEDBACK_FADEINTIME + COMBATFEEDBACK_HOLDTIME then
    feedback:SetAlpha(1.0)
  elseif shown < COMBATFEEDBACK_FADEINTIME + COMBATFEEDBACK_HOLDTIME
      + COMBATFEEDBACK_FADEOUTTIME then
    feedback:SetAlpha(1.0 - (shown - COMBATFEEDBACK_FADEINTIME - COMBATFEEDBACK_HOLDTIME)
                      / COMBATFEEDBACK_FADEOUTTIME)
  else
    feedback:Hide()
  end
end

-- Item buttons (ItemButtonTemplate): icon, count and stock regions named after the button.
local function part(button, suffix)
  local name = button and button:GetName()
  return name and _G[name .. suffix]
end

function SetItemButtonTexture(button, texture)
  local icon = part(button, "IconTexture")
  if not icon then
    return
  end
  if texture then
    icon:Show()
  else
    icon:Hide()
  end
  icon:SetTexture(texture)
end

function SetItemButtonCount(button, count)
  if not button then
    return
  end
  count = count or 0
  button.count = count
  local text = part(button, "Count")
  if not text then
    return
  end
  if count > 1 or (button.isBag and count > 0) then
    text:SetText(count > 9999 and "*" or count)
    text:Show()
  else
    text:Hide()
  end
end

function SetItemButtonStock(button, numInStock)
  if not button then
    return
  end
  button.numInStock = numInStock or 0
  local text = part(button, "Stock")
  if not text then
    return
  end
  if (numInStock or 0) > 0 then
    text:SetFormattedText("(%d)", numInStock)
    text:Show()
  else
    text:Hide()
  end
end

function SetItemButtonTextureVertexColor(button, r, g, b)
  local icon = part(button, "IconTexture")
  if icon then
    icon:SetVertexColor(r, g, b)
  end
end

function SetItemButtonDesaturated(button, desaturated, r, g, b)
  local icon = part(button, "IconTexture")
  if not icon then
    return
  end
  icon:SetDesaturated(desaturated and true or false)
  if r then
    icon:SetVertexColor(r, g, b)
  end
end

function SetItemButtonNormalTextureVertexColor(button, r, g, b)
  local normal = part(button, "NormalTexture") or (button and button:GetNormalTexture())
  if normal then
    normal:SetVertexColor(r, g, b)
  end
end

function SetItemButtonSlotVertexColor(button, r, g, b)
  local slot = part(button, "SlotTexture")
  if slot then
    slot:SetVertexColor(r, g, b)
  end
end

-- Raid target icons: eight cells of a 4x4 texture (UI-RaidTargetingIcons).
function SetRaidTargetIconTexture(texture, raidTargetIconIndex)
  local index = (raidTargetIconIndex or 0) - 1
  if index >= 0 then
    local column, row = index % 4, math.floor(index / 4)
    texture:SetTexCoord(column * 0.25, (column + 1) * 0.25, row * 0.25, (row + 1) * 0.25)
    texture:Show()
  else
    texture:Hide()
  end
end

-- Pet action autocast sparkles.
function AutoCastShine_OnLoad(self)
  self.sparkles = self.sparkles or {}
end

function AutoCastShine_AutoCastStart(button, r, g, b)
  if button then
    button.autoCastShining = true
    button.autoCastColor = {r or 1, g or 1, b or 1}
  end
end

function AutoCastShine_AutoCastStop(button)
  if button then
    button.autoCastShining = nil
  end
end

-- Quest difficulty colours by level difference.
QuestDifficultyColors = {
  impossible = {r = 1.00, g = 0.10, b = 0.10},
  verydifficult = {r = 1.00, g = 0.50, b = 0.25},
  difficult = {r = 1.00, g = 0.82, b = 0.00},
  standard = {r = 0.25, g = 0.75, b = 0.25},
  trivial = {r = 0.50, g = 0.50, b = 0.50},
  header = {r = 0.70, g = 0.70, b = 0.70},
}

function GetQuestDifficultyColor(level)
  local difference = (level or 0) - UnitLevel("player")
  if difference >= 5 then
    return QuestDifficultyColors.impossible
  elseif difference >= 3 then
    return QuestDifficultyColors.verydifficult
  elseif difference >= -2 then
    return QuestDifficultyColors.difficult
  elseif -difference <= GetQuestGreenRange() then
    return QuestDifficultyColors.standard
  end
  return QuestDifficultyColors.trivial
end

-- Open bags stack up from the bottom right corner, as the client lays them out.
function updateContainerFrameAnchors()
  local previous
  for i = 1, NUM_CONTAINER_FRAMES do
    local frame = _G["ContainerFrame" .. i]
    if frame and frame:IsShown() then
      frame:ClearAllPoints()
      if previous then
        frame:SetPoint("BOTTOMRIGHT", previous, "TOPRIGHT", 0, CONTAINER_SPACING)
      else
        frame:SetPoint("BOTTOMRIGHT", UIParent, "BOTTOMRIGHT", -CONTAINER_OFFSET_X,
                       CONTAINER_OFFSET_Y)
      end
      previous = frame
    end
  end
end

-- The world map's "show quest objectives" check box.
function WorldMapQuestShowObjectives_Toggle()
  local shown = WorldMapQuestShowObjectives:GetChecked() and true or false
  SetCVar("questPOI", shown and "1" or "0")
  WatchFrame.showObjectives = shown
  for _, frame in ipairs({WorldMapBlobFrame, WorldMapPOIFrame}) do
    if shown then frame:Show() else frame:Hide() end
  end
end

-- The world map's quest blob frame: where a cursor position falls on the map.
function WorldMapBlobFrame_CalculateHitTranslations()
  local self = WorldMapBlobFrame
  local centerX, centerY = self:GetCenter()
  local width, height = self:GetWidth(), self:GetHeight()
  local scale = self:GetEffectiveScale()
  self.xRatio = width * scale
  self.yRatio = height * scale
  self.xOffset = (centerX or 0) / width - 0.5
  self.yOffset = (centerY or 0) / height + 0.5
end

-- The farthest a quest point of interest may sit on the map at its current size.
function WorldMapFrame_SetPOIMaxBounds()
  WORLDMAP_POI_MAX_Y = WorldMapDetailFrame:GetHeight() * -WORLDMAP_SETTINGS.size + 12
  WORLDMAP_POI_MAX_X = WorldMapDetailFrame:GetWidth() * WORLDMAP_SETTINGS.size + 12
end

-- Target and focus frame auras: the buff and debuff buttons named after the frame.
function TargetFrame_UpdateAuras(self)
  local frameName = self:GetName()
  local unit = self.unit or "target"
  local function fill(kind, query, limit)
    for i = 1, limit do
      local button = _G[frameName .. kind .. i]
      if button then
        local name, _, icon, count = query(unit, i)
        if name then
          local texture = _G[frameName .. kind .. i .. "Icon"]
          if texture then
            texture:SetTexture(icon)
          end
          button:Show()
        else
          button:Hide()
        end
      end
    end
  end
  fill("Buff", UnitBuff, MAX_TARGET_BUFFS)
  fill("Debuff", UnitDebuff, MAX_TARGET_DEBUFFS)
end

-- The dungeon finder's mode, from the server's answers.
function GetLFGMode()
  local proposal = GetLFGProposal()
  local inParty, joined, queued = GetLFGInfoServer()
  local roleCheck = GetLFGRoleUpdate()
  if proposal then
    return "proposal"
  elseif roleCheck then
    return "rolecheck"
  elseif queued then
    return "queued"
  elseif inParty and IsPartyLFG() then
    return "lfgparty"
  elseif joined then
    return "listed"
  end
  return nil
end

-- The unit popup menu: which buttons each kind of unit gets (names of UnitPopupButtons).
UnitPopupButtons = {
  CANCEL = {text = CANCEL, dist = 0, space = 1},
  TARGET = {text = TARGET, dist = 0},
  INSPECT = {text = INSPECT or "Inspect", dist = 1},
  INVITE = {text = PARTY_INVITE or "Invite", dist = 0},
  UNINVITE = {text = PARTY_UNINVITE or "Remove from Group", dist = 0},
  FOLLOW = {text = FOLLOW or "Follow", dist = 4},
  TRADE = {text = TRADE or "Trade", dist = 2},
  DUEL = {text = DUEL or "Duel", dist = 3},
  LEAVE = {text = PARTY_LEAVE or "Leave Party", dist = 0},
  RAID_TARGET_ICON = {text = RAID_TARGET_ICON or "Target Marker Icon", dist = 0,
                      nested = 1},
  PET_DISMISS = {text = PET_DISMISS or "Dismiss", dist = 0},
  PET_RENAME = {text = PET_RENAME or "Rename", dist = 0},
  SET_FOCUS = {text = SET_FOCUS or "Set Focus", dist = 0},
  CLEAR_FOCUS = {text = CLEAR_FOCUS or "Clear Focus", dist = 0},
}

UnitPopupMenus = {
  SELF = {"RAID_TARGET_ICON", "LEAVE", "CANCEL"},
  PET = {"PET_RENAME", "PET_DISMISS", "RAID_TARGET_ICON", "CANCEL"},
  PARTY = {"INSPECT", "UNINVITE", "TRADE", "FOLLOW", "DUEL",
           "RAID_TARGET_ICON", "CANCEL"},
  PLAYER = {"INSPECT", "INVITE", "TRADE", "FOLLOW", "DUEL", "RAID_TARGET_ICON",
            "CANCEL"},
  RAID_PLAYER = {"INSPECT", "TRADE", "FOLLOW", "DUEL", "RAID_TARGET_ICON",
                 "CANCEL"},
  TARGET = {"RAID_TARGET_ICON", "CANCEL"},
  FOCUS = {"CLEAR_FOCUS", "RAID_TARGET_ICON", "CANCEL"},
  FRIEND = {"INVITE", "TARGET", "CANCEL"},
}
UnitPopupShown = {{}, {}, {}}
-- The drop-down menus that show unit popups (addons add their own).
UnitPopupFrames = {"PlayerFrameDropDown", "TargetFrameDropDown", "FocusFrameDropDown",
                   "PartyMemberFrame1DropDown", "PartyMemberFrame2DropDown",
                   "PartyMemberFrame3DropDown", "PartyMemberFrame4DropDown",
                   "FriendsDropDown"}

function UnitPopup_ShowMenu(dropdownMenu, which, unit, name, userData)
  local menu = UnitPopupMenus[which]
  if not menu then
    return
  end
  dropdownMenu.which = which
  dropdownMenu.unit = unit
  dropdownMenu.name = name or (unit and UnitName(unit))
  dropdownMenu.userData = userData
  local level = UIDROPDOWNMENU_MENU_LEVEL or 1
  local shown = UnitPopupShown[level] or {}
  UnitPopupShown[level] = shown
  wipe(shown)
  local title = UIDropDownMenu_CreateInfo()
  title.text = dropdownMenu.name
  title.isTitle = 1
  title.notCheckable = 1
  UIDropDownMenu_AddButton(title, level)
  for index, key in ipairs(menu) do
    local button = UnitPopupButtons[key]
    if button then
      shown[index] = 1
      local info = UIDropDownMenu_CreateInfo()
      info.text = button.text
      info.value = key
      info.owner = which
      info.notCheckable = 1
      info.hasArrow = button.nested and true or nil
      info.func = UnitPopup_OnClick
      UIDropDownMenu_AddButton(info, level)
    end
  end
end

function UnitPopup_OnClick(self)
  local dropdown = UIDROPDOWNMENU_INIT_MENU
  local unit = dropdown and dropdown.unit
  local button = self and self.value
  if button == "TARGET" and unit then
    TargetUnit(unit)
  elseif button == "SET_FOCUS" and unit then
    FocusUnit(unit)
  end
  CloseDropDownMenus()
end
