-- Helpers of the built-in UI for FrameXML's own frames that addons call: unit names and unit
-- frame tooltips, the cursor over items, money texts and tooltip money, raid warnings,
-- option sliders, the spell book slot of a button (bags: ui_bags.lua). Each acts on the
-- stand-ins of FrameXML's frames and keeps the state FrameXML keeps (shown/hidden, texts,
-- fields); nothing is drawn. Loaded the first time an addon reads one of the globals it
-- defines.

-- Interface options FrameXML keeps in globals, as the client's settings give them at login.
SHOW_NEWBIE_TIPS = GetCVar("showNewbieTips")
SHOW_BUFF_DURATIONS = GetCVar("buffDurations")
ENABLE_COLORBLIND_MODE = GetCVar("colorblindMode")

-- GetUnitName(unit, showServer): the name, and for a player of another realm the realm
-- ("Name - Realm") or the foreign-server mark.
function GetUnitName(unit, showServerName)
  local name, server = UnitName(unit)
  if server and server ~= "" then
    if showServerName then
      return name .. " - " .. server
    end
    return name .. FOREIGN_SERVER_LABEL
  end
  return name
end

-- Unit frames: hovering one shows its unit in GameTooltip, in the unit's reaction colour.
function GameTooltip_UnitColor(unit)
  local color
  if UnitPlayerControlled(unit) then
    if UnitCanAttack(unit, "player") then
      color = UnitCanAttack("player", unit) and FACTION_BAR_COLORS[2]
    elseif UnitCanAttack("player", unit) then
      color = FACTION_BAR_COLORS[4]
    elseif UnitIsPVP(unit) then
      color = FACTION_BAR_COLORS[6]
    end
  else
    local reaction = UnitReaction(unit, "player")
    color = reaction and FACTION_BAR_COLORS[reaction]
  end
  if color then
    return color.r, color.g, color.b
  end
  return 1.0, 1.0, 1.0
end

function UnitFrame_UpdateTooltip(self)
  GameTooltip_SetDefaultAnchor(GameTooltip, self)
  if GameTooltip:SetUnit(self.unit, self.hideStatusOnTooltip) then
    self.UpdateTooltip = UnitFrame_UpdateTooltip
  else
    self.UpdateTooltip = nil
  end
  GameTooltipTextLeft1:SetTextColor(GameTooltip_UnitColor(self.unit))
end

function UnitFrame_OnEnter(self)
  if SHOW_NEWBIE_TIPS == "1" then
    local tip, text
    if self == PlayerFrame then
      tip, text = PARTY_OPTIONS_LABEL, NEWBIE_TOOLTIP_PARTYOPTIONS
    elseif self == TargetFrame and UnitPlayerControlled("target")
        and not UnitIsUnit("target", "player") and not UnitIsUnit("target", "pet") then
      tip, text = PLAYER_OPTIONS_LABEL, NEWBIE_TOOLTIP_PLAYEROPTIONS
    end
    if tip then
      GameTooltip_SetDefaultAnchor(GameTooltip, self)
      GameTooltip_AddNewbieTip(self, tip, 1.0, 1.0, 1.0, text)
      return
    end
  end
  UnitFrame_UpdateTooltip(self)
end

function UnitFrame_OnLeave()
  if SHOW_NEWBIE_TIPS == "1" then
    GameTooltip:Hide()
  else
    GameTooltip:FadeOut()
  end
end

-- The cursor over an item: the inspect (magnifier) cursor while the dress-up modifier is held.
function ShowInspectCursor()
  SetCursor("INSPECT_CURSOR")
end

function CursorUpdate(self)
  if IsModifiedClick("DRESSUP") and self.hasItem then
    ShowInspectCursor()
  else
    ResetCursor()
  end
end

function CursorOnUpdate(self)
  if GameTooltip:IsOwned(self) then
    CursorUpdate(self)
  end
end

-- Trying an item on: the dressing room opens on the player and puts the item on the model.
function DressUpItemLink(link)
  if not link or not IsDressableItem(link) then
    return
  end
  if not DressUpFrame:IsShown() then
    ShowUIPanel(DressUpFrame)
    DressUpModel:SetUnit("player")
  end
  DressUpModel:TryOn(link)
end

-- Money as text with the coin icons (or the coin letters in colour-blind mode): only the
-- coins there are, copper when there is nothing.
function GetMoneyString(money)
  local gold = floor(money / (COPPER_PER_SILVER * SILVER_PER_GOLD))
  local silver = floor((money - gold * COPPER_PER_SILVER * SILVER_PER_GOLD) / COPPER_PER_SILVER)
  local copper = mod(money, COPPER_PER_SILVER)
  local function coin(count, symbol, texture)
    if ENABLE_COLORBLIND_MODE == "1" then
      return count .. symbol
    end
    return format(texture, count, 0, 0)
  end
  local parts = {}
  if gold > 0 then
    parts[#parts + 1] = coin(gold, GOLD_AMOUNT_SYMBOL, GOLD_AMOUNT_TEXTURE)
  end
  if silver > 0 then
    parts[#parts + 1] = coin(silver, SILVER_AMOUNT_SYMBOL, SILVER_AMOUNT_TEXTURE)
  end
  if copper > 0 or #parts == 0 then
    parts[#parts + 1] = coin(copper, COPPER_AMOUNT_SYMBOL, COPPER_AMOUNT_TEXTURE)
  end
  return table.concat(parts, " ")
end

-- Money on a tooltip: a blank line with a money frame (<tooltip>MoneyFrame<n>) over it.
function SetTooltipMoney(frame, money, moneyType, prefixText, suffixText)
  frame:AddLine(" ", 1.0, 1.0, 1.0)
  local numLines = frame:NumLines()
  frame.numMoneyFrames = frame.numMoneyFrames or 0
  frame.shownMoneyFrames = frame.shownMoneyFrames or 0
  local name = frame:GetName() .. "MoneyFrame" .. (frame.shownMoneyFrames + 1)
  local moneyFrame = _G[name]
  if not moneyFrame then
    frame.numMoneyFrames = frame.numMoneyFrames + 1
    moneyFrame = CreateFrame("Frame", name, frame, "TooltipMoneyFrameTemplate")
    MoneyFrame_SetType(moneyFrame, "STATIC")
  end
  _G[name .. "PrefixText"]:SetText(prefixText)
  _G[name .. "SuffixText"]:SetText(suffixText)
  if moneyType then
    MoneyFrame_SetType(moneyFrame, moneyType)
  end
  moneyFrame:SetPoint("LEFT", frame:GetName() .. "TextLeft" .. numLines, "LEFT",
                      prefixText and 4 or 0, 0)
  moneyFrame:Show()
  frame.shownMoneyFrames = frame.shownMoneyFrames + 1
  MoneyFrame_Update(name, money)
end

function GameTooltip_ClearMoney(self)
  if not self.shownMoneyFrames then
    return
  end
  for i = 1, self.shownMoneyFrames do
    local moneyFrame = _G[self:GetName() .. "MoneyFrame" .. i]
    if moneyFrame then
      moneyFrame:Hide()
    end
  end
  self.shownMoneyFrames = nil
end

function GameTooltip_OnLoad(self)
  self.updateTooltip = TOOLTIP_UPDATE_TIME
  self:SetBackdropBorderColor(TOOLTIP_DEFAULT_COLOR.r, TOOLTIP_DEFAULT_COLOR.g,
                              TOOLTIP_DEFAULT_COLOR.b)
  self:SetBackdropColor(TOOLTIP_DEFAULT_BACKGROUND_COLOR.r, TOOLTIP_DEFAULT_BACKGROUND_COLOR.g,
                        TOOLTIP_DEFAULT_BACKGROUND_COLOR.b)
  self.statusBar2 = _G[self:GetName() .. "StatusBar2"]
  self.statusBar2Text = _G[self:GetName() .. "StatusBar2Text"]
end

-- Raid warnings and boss emotes: a notice frame shows the newest two texts in its slots, each
-- fading in, held, and fading out over the simulated clock.
function FadingFrame_OnLoad(fadingFrame)
  assert(fadingFrame)
  fadingFrame.fadeInTime, fadingFrame.holdTime, fadingFrame.fadeOutTime = 0, 0, 0
  fadingFrame:Hide()
end

function FadingFrame_SetFadeInTime(fadingFrame, time)
  fadingFrame.fadeInTime = time
end

function FadingFrame_SetHoldTime(fadingFrame, time)
  fadingFrame.holdTime = time
end

function FadingFrame_SetFadeOutTime(fadingFrame, time)
  fadingFrame.fadeOutTime = time
end

function FadingFrame_Show(fadingFrame)
  assert(fadingFrame)
  fadingFrame.startTime = GetTime()
  fadingFrame:Show()
end

function FadingFrame_OnUpdate(fadingFrame)
  assert(fadingFrame)
  local elapsed = GetTime() - fadingFrame.startTime
  local fadeIn, hold = fadingFrame.fadeInTime, fadingFrame.holdTime
  if elapsed < fadeIn then
    fadingFrame:SetAlpha(elapsed / fadeIn)
  elseif elapsed < fadeIn + hold then
    fadingFrame:SetAlpha(1.0)
  elseif elapsed < fadeIn + hold + fadingFrame.fadeOutTime then
    fadingFrame:SetAlpha(1.0 - (elapsed - hold - fadeIn) / fadingFrame.fadeOutTime)
  else
    fadingFrame:Hide()
  end
end

function RaidNotice_SetSlot(slotFrame, textString, colorInfo, minHeight)
  slotFrame:SetText(textString)
  slotFrame:SetTextColor(colorInfo.r, colorInfo.g, colorInfo.b, 1.0)
  slotFrame:SetTextHeight(minHeight)
  FadingFrame_Show(slotFrame)
end

-- While a notice frame shows a text its slots fade; it hides once both are gone.
local function notice_update(noticeFrame)
  local any
  for _, slot in ipairs({ noticeFrame.slot1, noticeFrame.slot2 }) do
    if slot:IsShown() then
      FadingFrame_OnUpdate(slot)
      any = true
    end
  end
  if not any then
    noticeFrame:Hide()
  end
end

local RAID_NOTICE_FADES = { 0.2, 10.0, 3.0 }

function RaidNotice_AddMessage(noticeFrame, textString, colorInfo)
  if not noticeFrame or not noticeFrame.slot1 or not noticeFrame.slot2 or not textString then
    return
  end
  if not noticeFrame:GetScript("OnUpdate") then
    for _, slot in ipairs({ noticeFrame.slot1, noticeFrame.slot2 }) do
      slot.fadeInTime, slot.holdTime, slot.fadeOutTime = unpack(RAID_NOTICE_FADES)
    end
    noticeFrame:SetScript("OnUpdate", notice_update)
  end
  local height = noticeFrame.timings["RAID_NOTICE_MIN_HEIGHT"]
  noticeFrame:Show()
  if not noticeFrame.slot1:IsShown() then
    noticeFrame.slot1_text = textString
    RaidNotice_SetSlot(noticeFrame.slot1, textString, colorInfo, height)
    noticeFrame.slot1.scrollTime = 0
    return
  end
  if noticeFrame.slot2:IsShown() then
    noticeFrame.slot1_text = noticeFrame.slot2_text
    RaidNotice_SetSlot(noticeFrame.slot1, noticeFrame.slot1_text, colorInfo, height)
    noticeFrame.slot1.scrollTime = noticeFrame.slot2.scrollTime
  end
  noticeFrame.slot2_text = textString
  RaidNotice_SetSlot(noticeFrame.slot2, textString, colorInfo, height)
  noticeFrame.slot2.scrollTime = 0
end

-- Option sliders: enabled, their labels in the normal colours; disabled, in grey.
local function slider_labels(slider, title, ends)
  local name = slider:GetName()
  _G[name .. "Text"]:SetVertexColor(title.r, title.g, title.b)
  _G[name .. "Low"]:SetVertexColor(ends.r, ends.g, ends.b)
  _G[name .. "High"]:SetVertexColor(ends.r, ends.g, ends.b)
end

function BlizzardOptionsPanel_Slider_Enable(slider)
  getmetatable(slider).__index.Enable(slider)
  slider_labels(slider, NORMAL_FONT_COLOR, HIGHLIGHT_FONT_COLOR)
end

function BlizzardOptionsPanel_Slider_Disable(slider)
  getmetatable(slider).__index.Disable(slider)
  slider_labels(slider, GRAY_FONT_COLOR, GRAY_FONT_COLOR)
end

-- Small window helpers.
function HideParentPanel(self)
  HideUIPanel(self:GetParent())
end

function HideDropDownMenu(level)
  _G["DropDownList" .. level]:Hide()
end

function UIDropDownMenuButton_OpenColorPicker(self, button)
  CloseMenus()
  button = button or self
  UIDROPDOWNMENU_MENU_VALUE = button.value
  OpenColorPicker(button)
end

function TakeScreenshot()
  if ActionStatus:IsShown() then
    ActionStatus:Hide()
  end
  Screenshot()
end

-- The spell book slot of the id-th button on the page shown (the pet's book, or the selected
-- spell tab's); with every rank shown, the slot itself twice. The selected tab's first slot
-- is the one its spell buttons noted when the spells arrived at login.
function SpellBook_GetSpellID(id)
  local book = SpellBookFrame
  if book.bookType == BOOKTYPE_PET then
    return id + SPELLS_PER_PAGE * (SPELLBOOK_PAGENUMBERS[BOOKTYPE_PET] - 1)
  end
  if not book.selectedSkillLineOffset then
    book.selectedSkillLineOffset = select(3, GetSpellTabInfo(book.selectedSkillLine))
  end
  local slot = id + book.selectedSkillLineOffset
    + SPELLS_PER_PAGE * (SPELLBOOK_PAGENUMBERS[book.selectedSkillLine] - 1)
  if not GetCVarBool("ShowAllSpellRanks") then
    return GetKnownSlotFromHighestRankSlot(slot), slot
  end
  return slot, slot
end

-- The player's buff and debuff buttons (BuffButton<n>, DebuffButton<n> under BuffFrame), one
-- per aura, made when first needed: icon, stack count, duration text shown or not. The client
-- lays them out in rows and folds consolidated buffs into one button; the headless client
-- keeps every buff on its own button, leaves their anchors alone and counts a timed aura's
-- time left down without writing it or flashing the button.
local function aura_countdown(self, elapsed)
  self.timeLeft = max(self.timeLeft - elapsed, 0)
end

function AuraButton_Update(buttonName, index, filter)
  local unit = PlayerFrame.unit
  local name, _, texture, count, debuffType, duration, expirationTime = UnitAura(unit, index,
                                                                                 filter)
  local buttonFullName = buttonName .. index
  local buff = _G[buttonFullName]
  if not name then
    if buff then
      buff:Hide()
      buff.duration:Hide()
    end
    return nil
  end
  local helpful = filter == "HELPFUL"
  if not buff then
    buff = CreateFrame("Button", buttonFullName, BuffFrame,
                       helpful and "BuffButtonTemplate" or "DebuffButtonTemplate")
    buff.parent = BuffFrame
  end
  buff:SetID(index)
  buff.unit, buff.filter = unit, filter
  buff:SetAlpha(1.0)
  buff.exitTime, buff.consolidated = nil, nil
  buff:Show()
  local border = not helpful and _G[buttonFullName .. "Border"]
  if border then
    local color = DebuffTypeColor[debuffType or "none"]
    border:SetVertexColor(color.r, color.g, color.b)
  end
  if duration > 0 and expirationTime then
    if SHOW_BUFF_DURATIONS == "1" then buff.duration:Show() else buff.duration:Hide() end
    if not buff.timeLeft then
      buff:SetScript("OnUpdate", aura_countdown)
    end
    buff.timeLeft = expirationTime - GetTime()
  else
    buff.duration:Hide()
    if buff.timeLeft then
      buff:SetScript("OnUpdate", nil)
    end
    buff.timeLeft = nil
  end
  _G[buttonFullName .. "Icon"]:SetTexture(texture)
  if count > 1 then
    buff.count:SetText(count)
    buff.count:Show()
  else
    buff.count:Hide()
  end
  if GameTooltip:IsOwned(buff) then
    GameTooltip:SetUnitAura(unit, index, filter)
  end
  return 1
end

function BuffFrame_Update()
  BUFF_ACTUAL_DISPLAY = 0
  for i = 1, BUFF_MAX_DISPLAY do
    if AuraButton_Update("BuffButton", i, "HELPFUL") then
      BUFF_ACTUAL_DISPLAY = BUFF_ACTUAL_DISPLAY + 1
    end
  end
  BuffFrame.numConsolidated = 0
  ConsolidatedBuffs:Hide()
  DEBUFF_ACTUAL_DISPLAY = 0
  for i = 1, DEBUFF_MAX_DISPLAY do
    if AuraButton_Update("DebuffButton", i, "HARMFUL") then
      DEBUFF_ACTUAL_DISPLAY = DEBUFF_ACTUAL_DISPLAY + 1
    end
  end
end

-- The minimap's zoom buttons: each step changes the zoom; a button is disabled at its end.
function Minimap_ZoomInClick()
  MinimapZoomOut:Enable()
  PlaySound("igMiniMapZoomIn")
  Minimap:SetZoom(Minimap:GetZoom() + 1)
  if Minimap:GetZoom() == Minimap:GetZoomLevels() - 1 then
    MinimapZoomIn:Disable()
  end
end

function Minimap_ZoomOutClick()
  MinimapZoomIn:Enable()
  PlaySound("igMiniMapZoomOut")
  Minimap:SetZoom(Minimap:GetZoom() - 1)
  if Minimap:GetZoom() == 0 then
    MinimapZoomOut:Disable()
  end
end

-- Zooming clicks the button (nothing happens while it is disabled).
local function click_zoom(button, onClick)
  if not button:GetScript("OnClick") then
    button:SetScript("OnClick", onClick)
  end
  button:Click()
end

function Minimap_ZoomIn()
  click_zoom(MinimapZoomIn, Minimap_ZoomInClick)
end

function Minimap_ZoomOut()
  click_zoom(MinimapZoomOut, Minimap_ZoomOutClick)
end

-- Comparing an item with what the player wears: each shopping tooltip that has an item to
-- compare shows beside the tooltip, on the side with more room (the tooltip slides over when
-- they would leave the screen).
function GameTooltip_ShowCompareItem(self, shift)
  self = self or GameTooltip
  local _, link = self:GetItem()
  if not link then
    return
  end
  local shopping = self.shoppingTooltips
  local has = {}
  for i = 1, 3 do
    has[i] = shopping[i]:SetHyperlinkCompareItem(link, i, shift, self) and true or nil
  end
  local left, right = self:GetLeft() or 0, self:GetRight() or 0
  local side = (GetScreenWidth() - right < left) and "left" or "right"
  local anchorType = self:GetAnchorType()
  if anchorType and anchorType ~= "ANCHOR_PRESERVE" then
    local width = 0
    for i = 1, 3 do
      if has[i] then
        width = width + shopping[i]:GetWidth()
      end
    end
    if side == "left" and width > left then
      self:SetAnchorType(anchorType, width - left, 0)
    elseif side == "right" and right + width > GetScreenWidth() then
      self:SetAnchorType(anchorType, -(right + width - GetScreenWidth()), 0)
    end
  end
  local point, relativePoint = "TOPLEFT", "TOPRIGHT"
  if side == "left" then
    point, relativePoint = "TOPRIGHT", "TOPLEFT"
  end
  local function place(index, owner, offset)
    local tip = shopping[index]
    tip:SetOwner(owner, "ANCHOR_NONE")
    tip:ClearAllPoints()
    tip:SetPoint(point, owner, relativePoint, 0, offset)
    tip:SetHyperlinkCompareItem(link, index, shift, self)
    tip:Show()
  end
  if has[3] then
    place(3, self, -10)
  end
  if has[1] then
    if has[3] then
      place(1, shopping[3], 0)
    else
      place(1, self, -10)
    end
    if has[2] then
      place(2, shopping[1], 0)
    end
  end
end

-- The coin pickup window: how many coins of one kind (copper, silver or gold) to take from a
-- money frame, starting at one.
function OpenCoinPickupFrame(multiplier, maxMoney, parent)
  local frame = CoinPickupFrame
  if frame.owner then
    frame.owner.hasPickup = 0
  end
  if GetCursorMoney() > 0 then
    if frame.owner then
      MoneyTypeInfo[parent.moneyType].DropFunc(frame)
      PlaySound("igBackPackCoinSelect")
    end
    frame:Hide()
    return
  end
  frame.multiplier = multiplier
  frame.maxMoney = floor(maxMoney / multiplier)
  if frame.maxMoney == 0 then
    frame:Hide()
    return
  end
  local icons = { [1] = CoinPickupCopperIcon, [COPPER_PER_SILVER] = CoinPickupSilverIcon,
                  [COPPER_PER_GOLD] = CoinPickupGoldIcon }
  local symbols = { [1] = COPPER_AMOUNT_SYMBOL, [COPPER_PER_SILVER] = SILVER_AMOUNT_SYMBOL,
                    [COPPER_PER_GOLD] = GOLD_AMOUNT_SYMBOL }
  local colorBlind = ENABLE_COLORBLIND_MODE == "1"
  for kind, icon in pairs(icons) do
    if not colorBlind and kind == multiplier then icon:Show() else icon:Hide() end
  end
  if colorBlind then
    frame.symbol = symbols[multiplier] or frame.symbol
  else
    frame.symbol = ""
  end
  if colorBlind ~= (frame.colorBlind or false) then
    CoinPickupText:SetPoint("RIGHT", -38, 18)
    frame.colorBlind = colorBlind or nil
  end
  frame.owner = parent
  frame.money = 1
  frame.typing = 0
  CoinPickupText:SetText(frame.money .. frame.symbol)
  CoinPickupLeftButton:Disable()
  CoinPickupRightButton:Enable()
  frame:SetPoint("BOTTOMRIGHT", parent, "TOPRIGHT", 0, 0)
  frame:Show()
  PlaySound("igBackPackCoinSelect")
end

-- Loaders of the client's load-on-demand UI addons (each loads its addon when installed).
local function loader(addon)
  return function()
    UIParentLoadAddOn(addon)
  end
end

AuctionFrame_LoadUI = loader("Blizzard_AuctionUI")
BattlefieldMinimap_LoadUI = loader("Blizzard_BattlefieldMinimap")
ClassTrainerFrame_LoadUI = loader("Blizzard_TrainerUI")
CombatLog_LoadUI = loader("Blizzard_CombatLog")
GuildBankFrame_LoadUI = loader("Blizzard_GuildBankUI")
InspectFrame_LoadUI = loader("Blizzard_InspectUI")
KeyBindingFrame_LoadUI = loader("Blizzard_BindingUI")
MacroFrame_LoadUI = loader("Blizzard_MacroUI")
RaidFrame_LoadUI = loader("Blizzard_RaidUI")
TalentFrame_LoadUI = loader("Blizzard_TalentUI")
TradeSkillFrame_LoadUI = loader("Blizzard_TradeSkillUI")
GMSurveyFrame_LoadUI = loader("Blizzard_GMSurveyUI")
ItemSocketingFrame_LoadUI = loader("Blizzard_ItemSocketingUI")
BarberShopFrame_LoadUI = loader("Blizzard_BarberShopUI")
AchievementFrame_LoadUI = loader("Blizzard_AchievementUI")
TimeManager_LoadUI = loader("Blizzard_TimeManager")
TokenFrame_LoadUI = loader("Blizzard_TokenUI")
GlyphFrame_LoadUI = loader("Blizzard_GlyphUI")
Calendar_LoadUI = loader("Blizzard_Calendar")
Arena_LoadUI = loader("Blizzard_ArenaUI")

-- The calendar opens when the client has its addon (its functions exist only once loaded).

function ToggleCalendar()
  Calendar_LoadUI()
  if IsAddOnLoaded("Blizzard_Calendar") and Calendar_Toggle then
    Calendar_Toggle()
  end
end

-- A short time: the format of its largest unit (days, hours, minutes, seconds) and the count
-- of that unit, rounded up.
function SecondsToTimeAbbrev(seconds)
  if seconds >= 86400 then
    return DAY_ONELETTER_ABBR, ceil(seconds / 86400)
  elseif seconds >= 3600 then
    return HOUR_ONELETTER_ABBR, ceil(seconds / 3600)
  elseif seconds >= 60 then
    return MINUTE_ONELETTER_ABBR, ceil(seconds / 60)
  end
  return SECOND_ONELETTER_ABBR, seconds
end

-- The inbox's pages: a page button moves the page and shows it.
function InboxGetMoreMail()
  if InboxFrame.overflowMails and InboxFrame.shownMails < InboxFrame.maxShownMails then
    CheckInbox()
  end
end

local function turn_inbox_page(step)
  PlaySound("igMainMenuOptionCheckBoxOn")
  InboxFrame.pageNum = InboxFrame.pageNum + step
  InboxGetMoreMail()
  InboxFrame_Update()
end

function InboxNextPage()
  turn_inbox_page(1)
end

function InboxPrevPage()
  turn_inbox_page(-1)
end
