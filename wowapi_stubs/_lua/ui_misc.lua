-- Helpers of the built-in UI that addons call, written for the headless client: tooltips,
-- fading, money frames, the colour picker, chat message filters, key binding texts, time
-- texts, cooldown frames and secure state drivers. Loaded the first time an addon reads one of
-- the globals it defines.

function TEXT(text)
  return text
end

-- Every argument as tostring gives it (nil included), in order.
function tostringall(...)
  local count = select("#", ...)
  local out = { ... }
  for index = 1, count do
    out[index] = tostring(out[index])
  end
  return unpack(out, 1, count)
end

function GameTooltip_SetDefaultAnchor(tooltip, parent)
  tooltip:SetOwner(parent, "ANCHOR_NONE")
  tooltip:SetPoint("BOTTOMRIGHT", "UIParent", "BOTTOMRIGHT", -13, 64)
  tooltip.default = 1
end

function GameTooltip_Hide()
  GameTooltip:Hide()
end

function GameTooltip_AddNewbieTip(frame, normalText, r, g, b, newbieText, noNormalText)
  GameTooltip_SetDefaultAnchor(GameTooltip, frame)
  GameTooltip:SetText(normalText, r, g, b)
  GameTooltip:Show()
end

function SetDesaturation(texture, desaturation)
  return texture:SetDesaturated(desaturation)
end

-- The headless client has no mouse pointer over frames.
function MouseIsOver(region, topOffset, bottomOffset, leftOffset, rightOffset)
  return nil
end

function ValidateFramePosition(frame, offscreenPadding, returnOffscreen)
  return nil
end

function CooldownFrame_SetTimer(self, start, duration, enable)
  if start > 0 and duration > 0 and enable > 0 then
    self:SetCooldown(start, duration)
    self:Show()
  else
    self:Hide()
  end
end

function UIParentLoadAddOn(name)
  local loaded, reason = LoadAddOn(name)
  return loaded
end

-- The keyring grows with the character's level.
function GetKeyRingSize()
  local level = UnitLevel("player")
  if level > 60 then
    return 32
  elseif level >= 50 then
    return 16
  elseif level >= 40 then
    return 12
  end
  return 8
end

-- Time texts: the largest units first, abbreviated unless asked otherwise.
function SecondsToTime(seconds, noSeconds, notAbbreviated, maxCount)
  local units = {
    { 86400, "Day", "Days", "Day" }, { 3600, "Hr", "Hours", "Hour" },
    { 60, "Min", "Minutes", "Minute" }, { 1, "Sec", "Seconds", "Second" },
  }
  maxCount = maxCount or 2
  local parts = {}
  seconds = math.floor(seconds or 0)
  for index, unit in ipairs(units) do
    if #parts >= maxCount or (index == 4 and noSeconds) then
      break
    end
    local count = math.floor(seconds / unit[1])
    if count > 0 or (index == 4 and #parts == 0) then
      local word = notAbbreviated and (count == 1 and unit[4] or unit[3]) or unit[2]
      parts[#parts + 1] = count .. " " .. word
      seconds = seconds - count * unit[1]
    end
  end
  return table.concat(parts, " ")
end

-- Fading: frames fade over the simulated clock, driven by one hidden frame's OnUpdate.
local fading = {}
local fader = CreateFrame("Frame")
fader:Hide()
fader:SetScript("OnUpdate", function(self, elapsed)
  local any
  for frame, info in pairs(fading) do
    info.timeElapsed = info.timeElapsed + elapsed
    local progress = info.timeToFade > 0 and math.min(1, info.timeElapsed / info.timeToFade) or 1
    frame:SetAlpha(info.startAlpha + (info.endAlpha - info.startAlpha) * progress)
    if progress >= 1 then
      fading[frame] = nil
      if info.finishedFunc then
        info.finishedFunc(info.finishedArg1, info.finishedArg2, info.finishedArg3,
          info.finishedArg4)
      end
    else
      any = true
    end
  end
  if not any and next(fading) == nil then
    self:Hide()
  end
end)

function UIFrameFade(frame, fadeInfo)
  if not frame then
    return
  end
  fadeInfo.mode = fadeInfo.mode or "IN"
  fadeInfo.timeToFade = fadeInfo.timeToFade or 0
  fadeInfo.startAlpha = fadeInfo.startAlpha or (fadeInfo.mode == "IN" and 0 or 1)
  fadeInfo.endAlpha = fadeInfo.endAlpha or (fadeInfo.mode == "IN" and 1 or 0)
  fadeInfo.timeElapsed = 0
  frame:SetAlpha(fadeInfo.startAlpha)
  frame:Show()
  fading[frame] = fadeInfo
  fader:Show()
end

function UIFrameFadeIn(frame, timeToFade, startAlpha, endAlpha)
  UIFrameFade(frame, { mode = "IN", timeToFade = timeToFade, startAlpha = startAlpha,
    endAlpha = endAlpha })
end

function UIFrameFadeOut(frame, timeToFade, startAlpha, endAlpha)
  UIFrameFade(frame, { mode = "OUT", timeToFade = timeToFade, startAlpha = startAlpha,
    endAlpha = endAlpha })
end

function UIFrameIsFading(frame)
  return fading[frame] ~= nil
end

function UIFrameFadeRemoveFrame(frame)
  fading[frame] = nil
end

-- Money frames show an amount of copper as gold, silver and copper.
function MoneyFrame_Update(frameName, money)
  local frame = type(frameName) == "table" and frameName or _G[frameName]
  if not frame then
    return
  end
  frame.staticMoney = money
  local name = frame:GetName()
  local gold, silver, copper = math.floor(money / 10000), math.floor(money / 100) % 100,
    money % 100
  for suffix, value in pairs({ GoldButton = gold, SilverButton = silver,
                               CopperButton = copper }) do
    local button = name and _G[name .. suffix]
    if button then
      button:SetText(value)
    end
  end
end

function MoneyFrame_SetType(self, moneyType)
  self.moneyType = moneyType
end

function SmallMoneyFrame_OnLoad(self, moneyType)
  self.small = 1
  MoneyFrame_SetType(self, moneyType or "PLAYER")
end

function GetCoinText(money, separator)
  local gold, silver, copper = math.floor(money / 10000), math.floor(money / 100) % 100,
    money % 100
  local parts = {}
  if gold > 0 then parts[#parts + 1] = string.format(GOLD_AMOUNT, gold) end
  if silver > 0 then parts[#parts + 1] = string.format(SILVER_AMOUNT, silver) end
  if copper > 0 or #parts == 0 then parts[#parts + 1] = string.format(COPPER_AMOUNT, copper) end
  return table.concat(parts, separator or ", ")
end

-- The colour picker: OpenColorPicker(info) sets the callbacks and shows ColorPickerFrame.
function OpenColorPicker(info)
  local picker = ColorPickerFrame
  picker.func, picker.swatchFunc = info.swatchFunc, info.swatchFunc
  picker.hasOpacity, picker.opacityFunc = info.hasOpacity, info.opacityFunc
  picker.opacity, picker.previousValues = info.opacity, info.previousValues
  picker.cancelFunc = info.cancelFunc
  picker.extraInfo = info.extraInfo
  picker:SetColorRGB(info.r or 1, info.g or 1, info.b or 1)
  ShowUIPanel(picker)
end

function ColorPicker_GetPreviousValues()
  return ColorPickerFrame.previousValues
end

local P = ...

-- Chat message filters: each event keeps its filters in the order they were added.
local message_filters = {}

-- The host shows a chat event's line through them (the built-in UI's chat frame does what
-- FrameXML's does): each filter is called with the chat frame, the event and the event's
-- arguments; one that returns true hides the line (the rest are not called); one that
-- returns more values gives the arguments the next filters and the line see. Returns false
-- when the line is hidden, else true and the arguments. The event itself is not changed.
function P.chat_filters(frame, event, ...)
  local list = message_filters[event]
  if not list then
    return true, ...
  end
  local n = select("#", ...)
  local args = { ... }
  for _, filter in ipairs({ unpack(list) }) do
    local results = { filter(frame, event, unpack(args, 1, n)) }
    if results[1] then
      return false
    end
    if results[2] ~= nil then
      for i = 1, n do
        args[i] = results[i + 1]
      end
    end
  end
  return true, unpack(args, 1, n)
end

function ChatFrame_AddMessageEventFilter(event, filter)
  assert(event and filter)
  local list = message_filters[event]
  if not list then
    list = {}
    message_filters[event] = list
  end
  for _, existing in ipairs(list) do
    if existing == filter then
      return
    end
  end
  list[#list + 1] = filter
end

function ChatFrame_RemoveMessageEventFilter(event, filter)
  local list = message_filters[event]
  if not list then
    return
  end
  for index = #list, 1, -1 do
    if list[index] == filter then
      table.remove(list, index)
    end
  end
  if #list == 0 then
    message_filters[event] = nil
  end
end

function ChatFrame_GetMessageEventFilters(event)
  return message_filters[event]
end

-- Key binding texts: the key's global text (KEY_<key>) or the key itself.
function GetBindingText(key, prefix, abbreviate)
  if not key then
    return ""
  end
  local text = _G[(prefix or "") .. key]
  return text or key
end

-- Secure state drivers: the state of each registered frame follows its conditionals,
-- checked again every frame (visibility shows or hides it; other states set the
-- "state-<name>" attribute).
local drivers = {}
local driver_manager = CreateFrame("Frame")

local function apply_driver(frame, state, values)
  local value = SecureCmdOptionParse(values)
  if state == "visibility" then
    if value == "show" then
      frame:Show()
    elseif value == "hide" then
      frame:Hide()
    end
  elseif frame:GetAttribute("state-" .. state) ~= value then
    frame:SetAttribute("state-" .. state, value)
  end
end

driver_manager:SetScript("OnUpdate", function()
  for frame, states in pairs(drivers) do
    for state, values in pairs(states) do
      apply_driver(frame, state, values)
    end
  end
end)

function RegisterStateDriver(frame, state, values)
  local states = drivers[frame]
  if not states then
    states = {}
    drivers[frame] = states
  end
  states[state] = values
  apply_driver(frame, state, values)
end

function UnregisterStateDriver(frame, state)
  local states = drivers[frame]
  if states then
    states[state] = nil
    if next(states) == nil then
      drivers[frame] = nil
    end
  end
end

-- The SecureHandler templates give their frame Execute, WrapScript, UnwrapScript and
-- SetFrameRef, as FrameXML's SecureHandler_OnLoad does. The restricted environment their
-- snippets run in is not modelled: each method tail-calls the global it stands for
-- (SecureHandlerWrapScript...), which fails with "not implemented" at the caller's line.
function SecureHandler_OnLoad(self)
  self.Execute = function(frame, body)
    return _G.SecureHandlerExecute(frame, body)
  end
  self.WrapScript = function(frame, target, script, pre, post)
    return _G.SecureHandlerWrapScript(target, script, frame, pre, post)
  end
  self.UnwrapScript = function(frame, target, script)
    return _G.SecureHandlerUnwrapScript(target, script)
  end
  self.SetFrameRef = function(frame, id, ref)
    return _G.SecureHandlerSetFrameRef(frame, id, ref)
  end
end

-- OptionsListButtonTemplate's OnLoad (InterfaceOptionsListButtonTemplate's passes its own
-- toggle function): the text and highlight as fields, the highlight tinted blue, the text
-- ending at the toggle button, left and right clicks. FrameXML finds the text by the
-- button's name; the font string slot is the same region and serves unnamed buttons too.
function OptionsListButton_OnLoad(self, toggleFunc)
  self.text = self:GetFontString()
  self.highlight = self:GetHighlightTexture()
  self.highlight:SetVertexColor(.196, .388, .8)
  self.text:SetPoint("RIGHT", self.toggle, "LEFT", -2, 0)
  self:RegisterForClicks("LeftButtonUp", "RightButtonUp")
  self.toggleFunc = toggleFunc or OptionsListButton_ToggleSubCategories
end
