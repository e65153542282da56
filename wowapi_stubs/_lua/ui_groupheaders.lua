-- The built-in UI's group headers, written for the headless client: a frame made with
-- SecureGroupHeaderTemplate (or its party and raid forms) keeps one child button per group
-- member it shows, made from its "template" attribute and named <Header>UnitButton<n>, each
-- with its "unit" attribute, anchored one after the other. Its attributes choose whom:
--   showRaid / showParty / showSolo / showPlayer  which group kinds it shows, and the player
--   groupFilter "1,2,WARRIOR,MAINTANK"            subgroups, class files and roles it takes
--                                                  (strictFiltering: subgroup and class both)
--   nameList "A,B"                                 only these names, in this order
--   groupBy GROUP|CLASS|ROLE, groupingOrder        grouping; sortMethod NAME, sortDir DESC
--   point, xOffset, yOffset, unitsPerColumn, maxColumns, columnSpacing, columnAnchorPoint,
--   startingIndex                                  layout
-- A child is configured once when made: the header's initialConfigFunction, then its
-- "initial-anchor", "initial-width", "initial-height", "initial-scale" and
-- "initial-unitWatch" attributes. The header updates when shown, when one of its attributes
-- changes while it is visible, and on PARTY_MEMBERS_CHANGED and UNIT_NAME_UPDATE.
-- Loaded the first time an addon reads one of the globals it defines.
local P = ...
local _ = SecureHandlerSetFrameRef -- the restricted environment's chunk: frame handles

-- The point opposite `point`, and the direction (x, y) the next button goes from it.
local OPPOSITE = {
  TOP = { "BOTTOM", 0, -1 }, BOTTOM = { "TOP", 0, 1 }, LEFT = { "RIGHT", 1, 0 },
  RIGHT = { "LEFT", -1, 0 }, TOPLEFT = { "BOTTOMRIGHT", 1, -1 },
  TOPRIGHT = { "BOTTOMLEFT", -1, -1 }, BOTTOMLEFT = { "TOPRIGHT", 1, 1 },
  BOTTOMRIGHT = { "TOPLEFT", -1, 1 },
}
local function opposite(point)
  local found = OPPOSITE[strupper(point or "")]
  if found then
    return found[1], found[2], found[3]
  end
  return "CENTER", 0, 0
end

-- A set of the comma-separated tokens of `text` (numbers as numbers), and their order.
local function tokens(text)
  local set, order = {}, {}
  for token in string.gmatch(text or "", "[^,]+") do
    token = strtrim(token)
    local key = tonumber(token) or token
    set[key], order[#order + 1] = true, key
  end
  return set, order
end

function ApplyUnitButtonConfiguration(...)
  for i = 1, select("#", ...) do
    local frame = select(i, ...)
    local anchor = frame:GetAttribute("initial-anchor")
    if anchor then
      local point, relative, x, y = strsplit(",", anchor)
      frame:SetPoint(point, frame:GetParent(), relative or point, tonumber(x) or 0, tonumber(y) or 0)
    end
    local width = tonumber(frame:GetAttribute("initial-width") or nil)
    local height = tonumber(frame:GetAttribute("initial-height") or nil)
    local scale = tonumber(frame:GetAttribute("initial-scale") or nil)
    if width then
      frame:SetWidth(width)
    end
    if height then
      frame:SetHeight(height)
    end
    if scale then
      frame:SetScale(scale)
    end
    local watch = frame:GetAttribute("initial-unitWatch")
    if watch then
      RegisterUnitWatch(frame, watch == "state")
    end
    ApplyUnitButtonConfiguration(frame:GetChildren())
  end
end

local function apply_config(header, child, default)
  local configure = header.initialConfigFunction or default
  if type(configure) == "function" then
    configure(child)
    return true
  end
end

function SetupUnitButtonConfiguration(header, child, default)
  child:AllowAttributeChanges()
  if securecall(apply_config, header, child, default) then
    ApplyUnitButtonConfiguration(child)
  end
end

-- Which group the header shows ("RAID", "PARTY", "SOLO" or nil) and its index range.
local function group_kind(header)
  local raid, party = GetNumRaidMembers(), GetNumPartyMembers()
  if raid > 0 and header:GetAttribute("showRaid") then
    return "RAID", 1, raid
  elseif (raid > 0 or party > 0) and header:GetAttribute("showParty") then
    return "PARTY", header:GetAttribute("showPlayer") and 0 or 1, party
  elseif header:GetAttribute("showSolo") then
    return "SOLO", 0, party
  end
end

-- unit, name, subgroup, class file, role of member `index`.
local function member(kind, index)
  if kind == "RAID" then
    local name, _, subgroup, _, _, class, _, _, _, role = GetRaidRosterInfo(index)
    return "raid" .. index, name, subgroup, class, role
  end
  local unit = index > 0 and "party" .. index or "player"
  if not UnitExists(unit) then
    return unit, nil, 1
  end
  local _, class = UnitClass(unit)
  local role = GetPartyAssignment("MAINTANK", unit) and "MAINTANK"
    or GetPartyAssignment("MAINASSIST", unit) and "MAINASSIST" or nil
  return unit, UnitName(unit), 1, class, role
end

-- A pet header's member: its pet's unit (or the owner's with "useOwnerUnit"), filtered on
-- the pet's name with "filterOnPet"; a member without a pet is not there.
local function pet_member(header)
  local own_unit, on_pet = header:GetAttribute("useOwnerUnit"), header:GetAttribute("filterOnPet")
  return function(kind, index)
    local unit, name, subgroup, class, role = member(kind, index)
    local pet = kind == "RAID" and "raidpet" .. index or index > 0 and "partypet" .. index or "pet"
    if not UnitExists(pet) then
      return unit, nil, subgroup
    end
    return own_unit and unit or pet, on_pet and UnitName(pet) or name, subgroup, class, role
  end
end

-- The names the header shows, in order, and the unit of each (`member_of`: how a member of
-- the group reads, by index).
local function chosen_members(header, kind, first, last, member_of)
  local member = member_of or member
  local names, units = {}, {}
  local name_list = header:GetAttribute("nameList")
  local filter = header:GetAttribute("groupFilter")
  local sort_by_name = header:GetAttribute("sortMethod") == "NAME"
  if name_list and not filter then
    local wanted, order = tokens(name_list)
    for i = first, last do
      local unit, name = member(kind, i)
      if name and wanted[name] then
        units[name] = unit
      end
    end
    for _, name in ipairs(order) do
      if units[name] then
        names[#names + 1] = name
      end
    end
    if sort_by_name then
      table.sort(names)
    end
    return names, units
  end
  local wanted = tokens(filter or "1,2,3,4,5,6,7,8")
  local strict, group_by = header:GetAttribute("strictFiltering"), header:GetAttribute("groupBy")
  local group_of = {}
  for i = first, last do
    local unit, name, subgroup, class, role = member(kind, i)
    local taken = name and (strict and wanted[subgroup] and wanted[class]
      or not strict and (wanted[subgroup] or wanted[class] or (role and wanted[role])))
    if taken then
      names[#names + 1], units[name] = name, unit
      group_of[name] = group_by == "GROUP" and subgroup or group_by == "CLASS" and class
        or group_by == "ROLE" and role or nil
    end
  end
  if not group_by then
    if sort_by_name then
      table.sort(names)
    end
    return names, units
  end
  local ordered, placed = {}, {}
  local function add_group(list)
    if sort_by_name then
      table.sort(list)
    end
    for _, name in ipairs(list) do
      ordered[#ordered + 1], placed[name] = name, true
    end
  end
  local _, groups = tokens(header:GetAttribute("groupingOrder"))
  for _, group in ipairs(groups) do
    local list = {}
    for _, name in ipairs(names) do
      if group_of[name] == group and not placed[name] then
        list[#list + 1] = name
      end
    end
    add_group(list)
  end
  local rest = {}
  for _, name in ipairs(names) do
    if not placed[name] then
      rest[#rest + 1] = name
    end
  end
  add_group(rest)
  return ordered, units
end

-- Make the buttons the header needs (false when it cannot: an unnamed header hides).
local function ensure_children(header, count)
  if header:GetAttribute("child" .. count) then
    return true
  end
  local name = header:GetName()
  if not name then
    header:Hide()
    return false
  end
  local template = header:GetAttribute("template")
  local kind = header:GetAttribute("templateType") or "Button"
  for i = 1, count do
    if not header:GetAttribute("child" .. i) then
      local child = CreateFrame(kind, name .. "UnitButton" .. i, header, template)
      SetupUnitButtonConfiguration(header, child)
      header:SetAttribute("child" .. i, child)
      header:SetAttribute("frameref-child" .. i, P.frame_handle(child))
    end
  end
  return true
end

local function layout(header, names, units)
  local point = header:GetAttribute("point") or "TOP"
  local relative, x_dir, y_dir = opposite(point)
  local x_step, y_step = math.abs(x_dir), math.abs(y_dir)
  local x_offset, y_offset = header:GetAttribute("xOffset") or 0, header:GetAttribute("yOffset") or 0
  local spacing = header:GetAttribute("columnSpacing") or 0
  local start = header:GetAttribute("startingIndex") or 1
  local total = #names
  local shown = total - (start - 1)
  local per_column, columns = header:GetAttribute("unitsPerColumn"), 1
  if per_column and shown > per_column then
    columns = math.min(math.ceil(shown / per_column), header:GetAttribute("maxColumns") or 1)
  else
    per_column = shown
  end
  local first, last, step = start, math.min(start - 1 + per_column * columns, total), 1
  shown = last - (first - 1)
  if header:GetAttribute("sortDir") == "DESC" then
    first, step = total - (start - 1), -1
    last = first - (shown - 1)
  end
  if not ensure_children(header, math.max(1, shown)) then
    return
  end
  local column_point, column_relative, column_x, column_y
  if columns > 1 then
    column_point = header:GetAttribute("columnAnchorPoint")
    column_relative, column_x, column_y = opposite(column_point)
  end
  local number, in_column, previous = 0, 0, header
  for i = first, last, step do
    number, in_column = number + 1, in_column + 1
    if in_column > per_column then
      in_column = 1
    end
    local button = header:GetAttribute("child" .. number)
    button:Hide()
    button:ClearAllPoints()
    if number == 1 then
      button:SetPoint(point, previous, point, 0, 0)
      if column_point then
        button:SetPoint(column_point, previous, column_point, 0, 0)
      end
    elseif in_column == 1 then
      button:SetPoint(column_point, header:GetAttribute("child" .. (number - per_column)),
        column_relative, column_x * spacing, column_y * spacing)
    else
      button:SetPoint(point, previous, relative, x_step * x_offset, y_step * y_offset)
    end
    button:SetAttribute("unit", units[names[i]])
    button:Show()
    previous = button
  end
  while true do
    number = number + 1
    local button = header:GetAttribute("child" .. number)
    if not button then
      break
    end
    button:Hide()
    button:SetAttribute("unit", nil)
  end
  local first_button = header:GetAttribute("child1")
  local width, height = first_button:GetWidth(), first_button:GetHeight()
  if shown > 0 then
    local w = x_step * (per_column - 1) * width + (per_column - 1) * x_offset * x_dir + width
    local h = y_step * (per_column - 1) * height + (per_column - 1) * y_offset * y_dir + height
    if columns > 1 then
      w = w + (columns - 1) * math.abs(column_x) * (w + spacing)
      h = h + (columns - 1) * math.abs(column_y) * (h + spacing)
    end
    header:SetWidth(w)
    header:SetHeight(h)
  else
    header:SetWidth(math.max(header:GetAttribute("minWidth") or y_step * width, 0.1))
    header:SetHeight(math.max(header:GetAttribute("minHeight") or x_step * height, 0.1))
  end
end

-- Lay the header out for the members it shows now (`member_of`: see chosen_members).
local function update(self, member_of)
  local kind, first, last = group_kind(self)
  if not kind then
    layout(self, {}, {})
    return
  end
  layout(self, chosen_members(self, kind, first, last, member_of))
end

function SecureGroupHeader_Update(self)
  update(self)
end

function SecureGroupPetHeader_Update(self)
  update(self, pet_member(self))
end

function SecureGroupHeader_OnLoad(self)
  self:RegisterEvent("PARTY_MEMBERS_CHANGED")
  self:RegisterEvent("UNIT_NAME_UPDATE")
end

function SecureGroupHeader_OnEvent(self, event)
  if (event == "PARTY_MEMBERS_CHANGED" or event == "UNIT_NAME_UPDATE") and self:IsVisible() then
    SecureGroupHeader_Update(self)
  end
end

function SecureGroupHeader_OnAttributeChanged(self)
  if self:IsVisible() then
    SecureGroupHeader_Update(self)
  end
end

function SecureGroupPetHeader_OnLoad(self)
  SecureGroupHeader_OnLoad(self)
  self:RegisterEvent("UNIT_PET")
end

function SecureGroupPetHeader_OnEvent(self, event)
  if (event == "PARTY_MEMBERS_CHANGED" or event == "UNIT_NAME_UPDATE" or event == "UNIT_PET")
      and self:IsVisible() then
    SecureGroupPetHeader_Update(self)
  end
end

function SecureGroupPetHeader_OnAttributeChanged(self)
  if self:IsVisible() then
    SecureGroupPetHeader_Update(self)
  end
end

-- The handlers the header templates give their frame (OnLoad: its own).
P.group_header_handlers = {
  group = { OnLoad = SecureGroupHeader_OnLoad, OnEvent = SecureGroupHeader_OnEvent,
    OnShow = SecureGroupHeader_Update, OnAttributeChanged = SecureGroupHeader_OnAttributeChanged },
  pet = { OnLoad = SecureGroupPetHeader_OnLoad, OnEvent = SecureGroupPetHeader_OnEvent,
    OnShow = SecureGroupPetHeader_Update,
    OnAttributeChanged = SecureGroupPetHeader_OnAttributeChanged },
}
