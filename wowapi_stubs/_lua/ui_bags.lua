-- Bags of the built-in UI that addons call: each open bag is one of FrameXML's
-- ContainerFrame<n> stand-ins, with its item buttons, and hovering a slot shows its item.
-- Loaded the first time an addon reads one of the globals it defines.

-- Bags: each open bag is one of the ContainerFrame<n> frames, its ID the bag's, with an item
-- button (ID = slot) for each slot. Nothing opens while an options window is open.
function IsOptionFrameOpen()
  if GameMenuFrame:IsShown() or InterfaceOptionsFrame:IsShown()
      or (KeyBindingFrame and KeyBindingFrame:IsShown()) then
    return 1
  end
  return nil
end

local function container(i)
  return _G["ContainerFrame" .. i]
end

function ContainerFrame_GetOpenFrame()
  for i = 1, NUM_CONTAINER_FRAMES do
    local frame = container(i)
    if not frame:IsShown() then
      return frame
    end
    if i == NUM_CONTAINER_FRAMES then
      frame:Hide()
      return frame
    end
  end
end

-- The frame shows bag `id` (its buttons numbered from the last slot, as the client lays them).
function ContainerFrame_GenerateFrame(frame, size, id)
  local name = frame:GetName()
  frame.size = size
  frame:SetID(id)
  _G[name .. "Name"]:SetText(GetBagName(id))
  for i = 1, MAX_CONTAINER_ITEMS do
    local button = _G[name .. "Item" .. i]
    if i <= size then
      button:SetID(size - i + 1)
      button:Show()
    else
      button:Hide()
    end
  end
  frame:Show()
  updateContainerFrameAnchors()
end

function IsBagOpen(id)
  for i = 1, NUM_CONTAINER_FRAMES do
    local frame = container(i)
    if frame:IsShown() and frame:GetID() == id then
      return i
    end
  end
  return nil
end

function ToggleBag(id)
  if IsOptionFrameOpen() then
    return
  end
  local size = GetContainerNumSlots(id)
  if size > 0 or id == KEYRING_CONTAINER then
    local showing = IsBagOpen(id)
    while IsBagOpen(id) do
      container(IsBagOpen(id)):Hide()
    end
    if not showing then
      ContainerFrame_GenerateFrame(ContainerFrame_GetOpenFrame(), size, id)
    end
  end
end

function ToggleBackpack()
  if IsOptionFrameOpen() then
    return
  end
  if IsBagOpen(0) then
    for i = 1, NUM_CONTAINER_FRAMES do
      container(i):Hide()
    end
  else
    ToggleBag(0)
  end
end

function OpenBag(id)
  local size = GetContainerNumSlots(id)
  if size > 0 and not IsBagOpen(id) then
    ContainerFrame_GenerateFrame(ContainerFrame_GetOpenFrame(), size, id)
  end
end

function CloseBag(id)
  local open = IsBagOpen(id)
  if open then
    container(open):Hide()
  end
end

-- OpenBackpack remembers whether the backpack was already open, so CloseBackpack leaves it so.
function OpenBackpack()
  if IsBagOpen(0) then
    ContainerFrame1.backpackWasOpen = 1
    return
  end
  ContainerFrame1.backpackWasOpen = nil
  ToggleBackpack()
  return ContainerFrame1.backpackWasOpen
end

function CloseBackpack()
  local open = IsBagOpen(0)
  if open and ContainerFrame1.backpackWasOpen == nil then
    container(open):Hide()
  end
end

-- OpenAllBags([forceOpen]): every bag closes; unless all were open (and not forced), the
-- backpack and the four bags open again.
function OpenAllBags(forceOpen)
  if not UIParent:IsShown() then
    return
  end
  local bagsOpen, totalBags = 0, 1
  for i = 1, NUM_BAG_FRAMES do
    if GetContainerNumSlots(i) > 0 then
      totalBags = totalBags + 1
    end
  end
  for i = 1, NUM_CONTAINER_FRAMES do
    local frame = container(i)
    if frame:IsShown() then
      frame:Hide()
      if frame:GetID() ~= KEYRING_CONTAINER then
        bagsOpen = bagsOpen + 1
      end
    end
  end
  if bagsOpen >= totalBags and not forceOpen then
    return
  end
  ToggleBackpack()
  for bag = 1, NUM_BAG_FRAMES do
    ToggleBag(bag)
  end
  if BankFrame:IsShown() then
    for bag = NUM_BAG_FRAMES + 1, NUM_BAG_FRAMES + NUM_BANKBAGSLOTS do
      ToggleBag(bag)
    end
  end
end

function CloseAllBags()
  CloseBackpack()
  for i = 1, NUM_CONTAINER_FRAMES do
    CloseBag(i)
  end
end

-- Hovering a bag slot: the item in GameTooltip (on the side with more room), with the repair
-- cost in repair mode, and the cursor for what a click would do.
function ContainerFrameItemButton_OnEnter(self)
  local bag, slot = self:GetParent():GetID(), self:GetID()
  if self:GetRight() >= GetScreenWidth() / 2 then
    GameTooltip:SetOwner(self, "ANCHOR_LEFT")
  else
    GameTooltip:SetOwner(self, "ANCHOR_RIGHT")
  end
  if bag == KEYRING_CONTAINER then
    GameTooltip:SetInventoryItem("player", KeyRingButtonIDToInvSlotID(slot))
    CursorUpdate(self)
    return
  end
  local showSell
  local _, repairCost = GameTooltip:SetBagItem(bag, slot)
  if InRepairMode() and repairCost and repairCost > 0 then
    GameTooltip:AddLine(REPAIR_COST, "", 1, 1, 1)
    SetTooltipMoney(GameTooltip, repairCost)
    GameTooltip:Show()
  elseif MerchantFrame:IsShown() and MerchantFrame.selectedTab == 1 then
    showSell = 1
  end
  if IsModifiedClick("DRESSUP") and self.hasItem then
    ShowInspectCursor()
  elseif showSell then
    ShowContainerSellCursor(bag, slot)
  elseif self.readable then
    ShowInspectCursor()
  else
    ResetCursor()
  end
end
