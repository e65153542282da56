-- C functions of the 3.3.5a client that the headless client writes in Lua, served under both
-- UIs (the built-in one and Blizzard's FrameXML, which calls them): run the first time one of
-- the globals it defines is read.

-- Macro conditionals ([combat], [mod:shift], [@target, harm], [group:raid]...): the first
-- clause whose conditions all hold gives its value and target.
local function condition_holds(condition, argument, target)
  local unit = target or "target"
  local negate = condition:sub(1, 2) == "no" and condition ~= "none"
  if negate then
    condition = condition:sub(3)
  end
  local result
  if condition == "combat" then
    result = InCombatLockdown() ~= nil
  elseif condition == "mod" or condition == "modifier" then
    if argument then
      result = false
      for key in argument:gmatch("[^/]+") do
        key = key:lower()
        result = result or (key == "shift" and IsShiftKeyDown() ~= nil)
          or (key == "ctrl" and IsControlKeyDown() ~= nil)
          or (key == "alt" and IsAltKeyDown() ~= nil)
      end
    else
      result = IsModifierKeyDown() ~= nil
    end
  elseif condition == "exists" then
    result = UnitExists(unit) ~= nil
  elseif condition == "dead" then
    result = UnitIsDead(unit) ~= nil
  elseif condition == "help" then
    result = UnitExists(unit) ~= nil and UnitCanAssist("player", unit) ~= nil
  elseif condition == "harm" then
    result = UnitExists(unit) ~= nil and UnitCanAttack("player", unit) ~= nil
  elseif condition == "group" then
    if argument == "raid" then
      result = GetNumRaidMembers() > 0
    else
      result = GetNumPartyMembers() > 0 or GetNumRaidMembers() > 0
    end
  elseif condition == "pet" then
    result = UnitExists("pet") ~= nil
  elseif condition == "stance" or condition == "form" then
    result = argument == nil and GetShapeshiftForm() > 0 or tonumber(argument) ==
      GetShapeshiftForm()
  elseif condition == "actionbar" or condition == "bar" then
    result = tonumber(argument) == GetActionBarPage()
  elseif condition == "bonusbar" then
    result = argument == nil and GetBonusBarOffset() > 0 or tonumber(argument) ==
      GetBonusBarOffset()
  elseif condition == "indoors" then
    result = IsIndoors() ~= nil
  elseif condition == "outdoors" then
    result = IsOutdoors() ~= nil
  elseif condition == "mounted" then
    result = IsMounted() ~= nil
  elseif condition == "flying" then
    result = IsFlying() ~= nil
  elseif condition == "swimming" then
    result = IsSwimming() ~= nil
  elseif condition == "stealth" then
    result = IsStealthed() ~= nil
  elseif condition == "vehicleui" then
    result = UnitHasVehicleUI("player") ~= nil
  elseif condition == "channeling" then
    result = UnitChannelInfo("player") ~= nil
  else
    result = false
  end
  if negate then
    return not result
  end
  return result
end

local function clause_holds(conditions)
  local target
  for item in conditions:gmatch("[^,]+") do
    item = item:match("^%s*(.-)%s*$")
    local at = item:match("^@(.+)$") or item:match("^target%s*=%s*(.+)$")
    if at then
      target = at
    end
  end
  for item in conditions:gmatch("[^,]+") do
    item = item:match("^%s*(.-)%s*$")
    if item ~= "" and not item:match("^@") and not item:match("^target%s*=") then
      local name, argument = item:match("^([%w]+)%s*:%s*(.+)$")
      if not condition_holds((name or item):lower(), argument, target) then
        return false, target
      end
    end
  end
  return true, target
end

function SecureCmdOptionParse(text)
  for clause in (text or ""):gmatch("[^;]+") do
    local rest = clause:match("^%s*(.-)%s*$")
    local holds, target = true, nil
    local found = false
    while true do
      local conditions, after = rest:match("^%[(.-)%]%s*(.*)$")
      if not conditions then
        break
      end
      local ok, unit = clause_holds(conditions)
      if ok and not found then  -- the first group that holds gives the target
        found, target = true, unit
      end
      rest = after
      holds = false
    end
    if holds or found then
      return rest, target
    end
  end
  return nil
end
