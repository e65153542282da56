-- Widget methods with no effect outside the widget itself (size, anchors, colours, textures,
-- fonts, mouse flags). They run in Lua without a call into the host, which keeps loading an
-- addon cheap; everything with effects (Show/Hide, text, scripts, events, clicks) stays in
-- the host.
local P = ...
local type, tonumber, error, select, setmetatable = type, tonumber, error, select, setmetatable
local props = setmetatable({}, { __mode = "k" })

local function state(widget)
  local p = props[widget]
  if not p then
    p = {}
    props[widget] = p
  end
  return p
end

local function number(value, usage)
  local n = tonumber(value)
  if n == nil then
    error(P.caller_position() .. usage, 0)
  end
  return n
end

local function setter(field, usage)
  return function(self, value)
    state(self)[field] = number(value, usage)
  end
end

local function getter(field, default)
  return function(self)
    local value = state(self)[field]
    if value == nil then
      return default
    end
    return value
  end
end

local function flag(field)
  return function(self, value)
    state(self)[field] = value and true or nil
  end
end

local function ignore() end

local M = {}
M.SetWidth = setter("width", "Usage: Region:SetWidth(width)")
M.SetHeight = setter("height", "Usage: Region:SetHeight(height)")
M.GetWidth = getter("width", 0)
M.GetHeight = getter("height", 0)
function M.SetSize(self, w, h)
  local p = state(self)
  p.width = number(w, "Usage: Region:SetSize(width, height)")
  p.height = number(h, "Usage: Region:SetSize(width, height)")
end
function M.GetSize(self)
  return M.GetWidth(self), M.GetHeight(self)
end
function M.SetPoint(self, point, ...)
  if type(point) ~= "string" then
    error(P.caller_position() .. "Usage: Region:SetPoint(point [, relativeTo [, relativePoint]] [, x, y])", 0)
  end
  local p = state(self)
  local points = p.points or {}
  points[#points + 1] = { point, ... }
  p.points = points
end
function M.ClearAllPoints(self)
  state(self).points = nil
end
function M.SetAllPoints(self, relative)
  state(self).points = { { "TOPLEFT", relative }, { "BOTTOMRIGHT", relative } }
end
function M.GetNumPoints(self)
  local points = state(self).points
  return points and #points or 0
end
function M.GetPoint(self, index)
  local points = state(self).points
  local point = points and points[index or 1]
  if point then
    return unpack(point)
  end
end
function M.SetAlpha(self, alpha)
  local a = number(alpha, "Usage: Region:SetAlpha(alpha)")
  state(self).alpha = a < 0 and 0 or (a > 1 and 1 or a)
end
M.GetAlpha = getter("alpha", 1)
function M.SetFrameStrata(self, strata)
  state(self).strata = strata
end
M.GetFrameStrata = getter("strata", "MEDIUM")
M.SetFrameLevel = setter("level", "Usage: Frame:SetFrameLevel(level)")
M.GetFrameLevel = getter("level", 1)
M.SetID = setter("id", "Usage: Frame:SetID(id)")
M.GetID = getter("id", 0)
M.SetScale = setter("scale", "Usage: Frame:SetScale(scale)")
M.GetScale = getter("scale", 1)
M.SetMovable = flag("movable")
M.IsMovable = getter("movable", nil)
M.EnableMouse = flag("mouse")
M.IsMouseEnabled = getter("mouse", nil)
function M.StartMoving(self)
  if not state(self).movable then
    error(P.caller_position() .. "Frame is not movable", 0)
  end
end
function M.SetBackdrop(self, backdrop)
  state(self).backdrop = backdrop
end
for _, name in pairs({ "EnableMouseWheel", "EnableKeyboard", "RegisterForDrag",
  "StopMovingOrSizing", "SetClampedToScreen", "SetUserPlaced", "SetToplevel",
  "SetBackdropColor", "SetBackdropBorderColor", "SetHitRectInsets", "SetNormalTexture",
  "SetPushedTexture", "SetHighlightTexture", "SetDisabledTexture", "SetNormalFontObject",
  "SetHighlightFontObject", "SetDisabledFontObject", "SetButtonState", "LockHighlight",
  "UnlockHighlight", "RegisterForClicks", "SetJustifyH", "SetJustifyV", "SetFontObject",
  "SetTextColor", "SetShadowColor", "SetShadowOffset", "SetNonSpaceWrap", "SetTexCoord",
  "SetVertexColor", "SetBlendMode", "SetAutoFocus", "HighlightText", "SetCursorPosition",
  "SetTextInsets", "SetMaxLines", "SetFading" }) do
  M[name] = ignore
end
function M.SetFont()
  return 1
end
function M.SetDesaturated()
  return 1
end

P.lua_methods = M
