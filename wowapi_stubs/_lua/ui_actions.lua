-- The built-in UI's action buttons, written for the headless client: the functions FrameXML's
-- action button templates (ActionBarButtonTemplate...) use and action bar addons call on their
-- own buttons. A button shows its slot's texture, count, cooldown and state; its "showgrid"
-- attribute counts the reasons to show it while its slot is empty. Loaded the first time an
-- addon reads one of the globals it defines.

local NUM_BUTTONS, NUM_PAGES = 12, 6
local RANGE_MARK = "\226\151\143" -- the dot a hotkey label shows for a button without a key
local FLASH_SECONDS = 0.4
ATTACK_BUTTON_FLASH_TIME = FLASH_SECONDS

-- A named part of a button ("Icon", "Cooldown"...), nil when the button has none.
local function part(button, suffix)
  local name = button:GetName()
  return name and _G[name .. suffix]
end

-- The mouse button a secure button acts for: the 3.3.5a client always answers the left one.
function SecureButton_GetEffectiveButton(self)
  return "LeftButton"
end

function ActionButton_CalculateAction(self, button)
  button = button or SecureButton_GetEffectiveButton(self)
  local id = self:GetID()
  if id <= 0 then
    return SecureButton_GetModifiedAttribute(self, "action", button) or 1
  end
  local page = SecureButton_GetModifiedAttribute(self, "actionpage", button)
  if not page then
    page = GetActionBarPage()
    if self.isBonus and (page == 1 or self.alwaysBonus) then
      page = NUM_PAGES + GetBonusBarOffset()
    elseif self.buttonType == "MULTICASTACTIONBUTTON" then
      page = NUM_PAGES + GetMultiCastBarOffset()
    end
  end
  return id + (page - 1) * NUM_BUTTONS
end

function ActionButton_GetPagedID(self)
  return self.action
end

function ActionButton_UpdateAction(self)
  local action = ActionButton_CalculateAction(self)
  if action ~= self.action then
    self.action = action
    ActionButton_Update(self)
  end
end

function ActionButton_Update(self)
  local action = self.action
  local icon, cooldown = part(self, "Icon"), part(self, "Cooldown")
  if HasAction(action) then
    if not self:GetAttribute("statehidden") then
      self:Show()
    end
    ActionButton_UpdateState(self)
    ActionButton_UpdateUsable(self)
    ActionButton_UpdateCooldown(self)
    ActionButton_UpdateFlash(self)
  elseif self:GetAttribute("showgrid") == 0 then
    self:Hide()
  elseif cooldown then
    cooldown:Hide()
  end
  local border = part(self, "Border")
  if border then
    if IsEquippedAction(action) then
      border:SetVertexColor(0, 1, 0, 0.35)
      border:Show()
    else
      border:Hide()
    end
  end
  local label = part(self, "Name")
  if label then
    local counted = IsConsumableAction(action) or IsStackableAction(action)
    label:SetText(counted and "" or GetActionText(action))
  end
  local texture = GetActionTexture(action)
  if icon then
    if texture then
      icon:SetTexture(texture)
      icon:Show()
    else
      icon:Hide()
    end
  end
  self.rangeTimer = texture and -1 or nil
  self:SetNormalTexture(texture and "Interface\\Buttons\\UI-Quickslot2"
    or "Interface\\Buttons\\UI-Quickslot")
  ActionButton_UpdateCount(self)
  if GameTooltip:GetOwner() == self then
    ActionButton_SetTooltip(self)
  end
  self.feedback_action = action
end

-- "showgrid" changes only in secure code (an addon's call shows or hides the button alone).
function ActionButton_ShowGrid(button)
  assert(button)
  if issecure() then
    button:SetAttribute("showgrid", button:GetAttribute("showgrid") + 1)
  end
  local normal = part(button, "NormalTexture")
  if normal then
    normal:SetVertexColor(1, 1, 1, 0.5)
  end
  if button:GetAttribute("showgrid") >= 1 and not button:GetAttribute("statehidden") then
    button:Show()
  end
end

function ActionButton_HideGrid(button)
  assert(button)
  local count = button:GetAttribute("showgrid")
  if issecure() and count > 0 then
    button:SetAttribute("showgrid", count - 1)
  end
  if button:GetAttribute("showgrid") == 0 and not HasAction(button.action) then
    button:Hide()
  end
end

function ActionButton_UpdateState(button)
  assert(button)
  local action = button.action
  button:SetChecked((IsCurrentAction(action) or IsAutoRepeatAction(action)) and 1 or 0)
end

function ActionButton_UpdateUsable(self)
  local usable, lacks_power = IsUsableAction(self.action)
  local r, g, b = 0.4, 0.4, 0.4
  if usable then
    r, g, b = 1, 1, 1
  elseif lacks_power then
    r, g, b = 0.5, 0.5, 1
  end
  local icon, normal = part(self, "Icon"), part(self, "NormalTexture")
  if icon then
    icon:SetVertexColor(r, g, b)
  end
  if normal then
    if usable or lacks_power then
      normal:SetVertexColor(r, g, b)
    else
      normal:SetVertexColor(1, 1, 1)
    end
  end
end

function ActionButton_UpdateCount(self)
  local text, action = part(self, "Count"), self.action
  if not text then
    return
  end
  if IsConsumableAction(action) or IsStackableAction(action) then
    local count = GetActionCount(action)
    text:SetText(count > (self.maxDisplayCount or 9999) and "*" or count)
  else
    text:SetText("")
  end
end

function ActionButton_UpdateCooldown(self)
  local cooldown = part(self, "Cooldown")
  if cooldown then
    CooldownFrame_SetTimer(cooldown, GetActionCooldown(self.action))
  end
end

function ActionButton_StartFlash(self)
  self.flashing, self.flashtime = 1, 0
  ActionButton_UpdateState(self)
end

function ActionButton_StopFlash(self)
  self.flashing = 0
  local flash = part(self, "Flash")
  if flash then
    flash:Hide()
  end
  ActionButton_UpdateState(self)
end

function ActionButton_IsFlashing(self)
  return self.flashing == 1
end

function ActionButton_UpdateFlash(self)
  local action = self.action
  if (IsAttackAction(action) and IsCurrentAction(action)) or IsAutoRepeatAction(action) then
    ActionButton_StartFlash(self)
  else
    ActionButton_StopFlash(self)
  end
end

function ActionButton_UpdateHotkeys(self, kind)
  local hotkey = part(self, "HotKey")
  if not hotkey then
    return
  end
  local id = kind == "MULTICASTACTIONBUTTON" and self.buttonIndex or self:GetID()
  local key = GetBindingKey((kind or "ACTIONBUTTON") .. id)
    or GetBindingKey("CLICK " .. self:GetName() .. ":LeftButton")
  local text = GetBindingText(key, "KEY_", 1)
  if text == "" then
    hotkey:SetText(RANGE_MARK)
    hotkey:SetPoint("TOPLEFT", self, "TOPLEFT", 1, -2)
    hotkey:Hide()
  else
    hotkey:SetText(text)
    hotkey:SetPoint("TOPLEFT", self, "TOPLEFT", -2, -2)
    hotkey:Show()
  end
end

function ActionButton_SetTooltip(self)
  if GetCVar("UberTooltips") == "1" then
    GameTooltip_SetDefaultAnchor(GameTooltip, self)
  else
    GameTooltip:SetOwner(self, "ANCHOR_RIGHT")
  end
  self.UpdateTooltip = GameTooltip:SetAction(self.action) and ActionButton_SetTooltip or nil
end

-- Every frame: the attack flash blinks, and the range check counts down (no target is ever
-- out of range headless: the hotkey keeps its colour).
function ActionButton_OnUpdate(self, elapsed)
  if ActionButton_IsFlashing(self) then
    self.flashtime = (self.flashtime or 0) - elapsed
    if self.flashtime <= 0 then
      self.flashtime = self.flashtime + FLASH_SECONDS
      local flash = part(self, "Flash")
      if flash then
        if flash:IsShown() then
          flash:Hide()
        else
          flash:Show()
        end
      end
    end
  end
  if self.rangeTimer then
    self.rangeTimer = self.rangeTimer - elapsed
    if self.rangeTimer <= 0 then
      self.rangeTimer = 0.2
    end
  end
end
