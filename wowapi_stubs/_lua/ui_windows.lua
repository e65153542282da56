-- Button handlers of FrameXML's windows that addons call on their own buttons, written for
-- the headless client: merchant item buttons, spell book buttons, the world map's
-- battlefield-minimap drop-down and the frame stack tooltip. Each calls the client's API as
-- FrameXML's handler does (buying, tooltips, CVars), so an addon's button that borrows the
-- handler behaves as the client's own. Loaded the first time an addon reads one of the
-- globals it defines.

MERCHANT_HIGH_PRICE_COST = 1500000

-- The merchant's confirmations: accepting buys the entry the handler noted on MerchantFrame.
local function buy_noted()
  BuyMerchantItem(MerchantFrame.itemIndex, MerchantFrame.count)
end

StaticPopupDialogs.CONFIRM_HIGH_COST_ITEM = {
  text = CONFIRM_HIGH_COST_ITEM, button1 = YES, button2 = NO, OnAccept = buy_noted,
  timeout = 0, hideOnEscape = 1, hasMoneyFrame = 1,
}
StaticPopupDialogs.CONFIRM_PURCHASE_TOKEN_ITEM = {
  text = CONFIRM_PURCHASE_TOKEN_ITEM, button1 = YES, button2 = NO, OnAccept = buy_noted,
  timeout = 0, hideOnEscape = 1, hasItemFrame = 1,
}

-- A merchant entry (or, on the buyback tab, a bought-back item) by the button's ID: left
-- click picks it up, right click buys it (asking first when it costs honor, arena points,
-- items or more than 150 gold).
function MerchantItemButton_OnClick(self, button)
  MerchantFrame.extendedCost = nil
  if MerchantFrame.selectedTab ~= 1 then
    BuybackItem(self:GetID())
    return
  end
  if button == "LeftButton" then
    local refund = MerchantFrame.refundItem
    if refund and ContainerFrame_GetExtendedPriceString(refund, MerchantFrame.refundItemEquipped) then
      return  -- the refund confirmation is shown
    end
    PickupMerchantItem(self:GetID())
    if self.extendedCost then
      MerchantFrame.extendedCost = self
    end
  elseif self.extendedCost then
    MerchantFrame_ConfirmExtendedItemCost(self)
  elseif self.price and self.price >= MERCHANT_HIGH_PRICE_COST then
    MerchantFrame_ConfirmHighCostItem(self)
  else
    BuyMerchantItem(self:GetID())
  end
end

function MerchantItemButton_OnModifiedClick(self, button)
  if MerchantFrame.selectedTab ~= 1 then
    HandleModifiedItemClick(GetBuybackItemLink(self:GetID()))
    return
  end
  if HandleModifiedItemClick(GetMerchantItemLink(self:GetID())) then
    return
  end
  if IsModifiedClick("SPLITSTACK") then
    local maxStack = GetMerchantItemMaxStack(self:GetID())
    if maxStack and maxStack > 1 then
      if self.price and self.price > 0 then
        maxStack = min(maxStack, floor(GetMoney() / self.price))
      end
      OpenStackSplitFrame(maxStack, self, "BOTTOMLEFT", "TOPLEFT")
    end
  end
end

function MerchantItemButton_OnEnter(button)
  GameTooltip:SetOwner(button, "ANCHOR_RIGHT")
  if MerchantFrame.selectedTab == 1 then
    GameTooltip:SetMerchantItem(button:GetID())
    GameTooltip_ShowCompareItem(GameTooltip)
    MerchantFrame.itemHover = button:GetID()
    return
  end
  GameTooltip:SetBuybackItem(button:GetID())
  if IsModifiedClick("DRESSUP") and button.hasItem then
    ShowInspectCursor()
  else
    ShowBuybackSellCursor(button:GetID())
  end
end

function MerchantFrame_ConfirmHighCostItem(itemButton, quantity)
  MerchantFrame.itemIndex = itemButton:GetID()
  MerchantFrame.count = quantity or 1
  MerchantFrame.price = itemButton.price
  StaticPopup_Show("CONFIRM_HIGH_COST_ITEM", itemButton.link)
end

-- An entry that costs honor, arena points or items: bought at once when it costs none of
-- them (nothing is for sale while no merchant is open).
function MerchantFrame_ConfirmExtendedItemCost(itemButton, quantity)
  quantity = quantity or 1
  local honor, arena, items = GetMerchantItemCostInfo(itemButton:GetID())
  if (honor or 0) == 0 and (arena or 0) == 0 and (items or 0) == 0 then
    BuyMerchantItem(itemButton:GetID(), quantity)
    return
  end
  MerchantFrame.itemIndex = itemButton:GetID()
  MerchantFrame.count = quantity
  MerchantFrame.price = itemButton.price
  StaticPopup_Show("CONFIRM_PURCHASE_TOKEN_ITEM", "", "", {
    texture = itemButton.texture, name = itemButton.name, link = itemButton.link,
    index = itemButton:GetID(), count = (itemButton.count or 1) * quantity })
end

-- The spell of a spell book button in GameTooltip (the button's ID is its place on the page).
function SpellButton_OnEnter(self)
  GameTooltip:SetOwner(self, "ANCHOR_RIGHT")
  if GameTooltip:SetSpell(SpellBook_GetSpellID(self:GetID()), SpellBookFrame.bookType) then
    self.UpdateTooltip = SpellButton_OnEnter
  else
    self.UpdateTooltip = nil
  end
end

-- The world map's "battlefield minimap" choice: never, in battlegrounds, always (CVar
-- showBattlefieldMinimap "0", "1", "2").
local MINIMAP_CHOICES = { "0", "1", "2" }

function WorldMapZoneMinimapDropDown_GetText(value)
  if value == "0" then
    return BATTLEFIELD_MINIMAP_SHOW_NEVER
  elseif value == "1" then
    return BATTLEFIELD_MINIMAP_SHOW_BATTLEGROUNDS
  elseif value == "2" then
    return BATTLEFIELD_MINIMAP_SHOW_ALWAYS
  end
  return nil
end

function WorldMapZoneMinimapDropDown_Initialize()
  local current = GetCVar("showBattlefieldMinimap")
  local info = UIDropDownMenu_CreateInfo()
  for _, value in ipairs(MINIMAP_CHOICES) do
    info.value = value
    info.text = WorldMapZoneMinimapDropDown_GetText(value)
    info.func = WorldMapZoneMinimapDropDown_OnClick
    if current == value then
      info.checked = 1
      UIDropDownMenu_SetText(WorldMapZoneMinimapDropDown, info.text)
    else
      info.checked = nil
    end
    UIDropDownMenu_AddButton(info)
  end
end

-- The battlefield minimap shows where the choice allows it (a battleground: never here).
function WorldStateFrame_CanShowBattlefieldMinimap()
  local choice = GetCVar("showBattlefieldMinimap")
  if choice == "1" then
    local _, kind = IsInInstance()
    return kind == "pvp"
  end
  return choice == "2"
end

function WorldMapZoneMinimapDropDown_OnClick(self)
  UIDropDownMenu_SetSelectedValue(WorldMapZoneMinimapDropDown, self.value)
  SetCVar("showBattlefieldMinimap", self.value)
  if WorldStateFrame_CanShowBattlefieldMinimap() then
    if not BattlefieldMinimap then
      BattlefieldMinimap_LoadUI()
    end
    if BattlefieldMinimap then
      BattlefieldMinimap:Show()
    end
  elseif BattlefieldMinimap then
    BattlefieldMinimap:Hide()
  end
end

function WorldMapZoneMinimapDropDown_Update()
  local current = GetCVar("showBattlefieldMinimap")
  UIDropDownMenu_SetSelectedValue(WorldMapZoneMinimapDropDown, current)
  UIDropDownMenu_SetText(WorldMapZoneMinimapDropDown, WorldMapZoneMinimapDropDown_GetText(current))
end

-- /framestack: the tooltip listing the frames under the mouse pointer, shown or hidden.
function FrameStackTooltip_Toggle(showHidden)
  local tooltip = FrameStackTooltip
  if tooltip:IsVisible() then
    tooltip:Hide()
    return
  end
  tooltip:SetOwner(UIParent, "ANCHOR_NONE")
  tooltip:SetPoint("BOTTOMRIGHT", UIParent, "BOTTOMRIGHT", -CONTAINER_OFFSET_X - 13,
    CONTAINER_OFFSET_Y)
  tooltip.default = 1
  tooltip.showHidden = showHidden
  tooltip:SetFrameStack(showHidden)
end
