-- The rest of the Lua-implemented API of the 3.3.5a client (see lualib.lua, which runs at
-- start): trigonometry in degrees, getglobal/setglobal, scrub, strlenutf8, debuginfo,
-- debugstack, debuglocals and print. Run the first time one of the globals it defines is read
-- (a client whose addons read none of them does not load it), with the host's private table.
local P = ...
local G = P.globals
local touch = P.touch
local type, select, tostring, tonumber = type, select, tostring, tonumber
local strsub, strformat = string.sub, string.format
local concat = table.concat

-- The client's trigonometry globals work in degrees (math.* keeps radians).
local msin, mcos, mtan, masin, macos, matan, matan2 = math.sin, math.cos, math.tan, math.asin,
  math.acos, math.atan, math.atan2
local rad_, deg_ = math.rad, math.deg
function sin(x) return msin(rad_(x)) end
function cos(x) return mcos(rad_(x)) end
function tan(x) return mtan(rad_(x)) end
function asin(x) return deg_(masin(x)) end
function acos(x) return deg_(macos(x)) end
function atan(x) return deg_(matan(x)) end
function atan2(y, x) return deg_(matan2(y, x)) end
deg, rad = deg_, rad_
PI = math.pi

-- getglobal/setglobal: the addon-visible global table by name.
function getglobal(name)
  touch("getglobal")
  return G[name]
end
function setglobal(name, value)
  touch("setglobal")
  G[name] = value
end

-- scrub, strlenutf8, debuginfo.
local SCRUBBED = { string = true, number = true, boolean = true }
local function scrub_from(i, n, ...)
  if i > n then
    return
  end
  local value = (select(i, ...))
  if not SCRUBBED[type(value)] then
    value = nil
  end
  return value, scrub_from(i + 1, n, ...)
end
-- scrub(...): the arguments with everything but strings, numbers and booleans made nil.
function scrub(...)
  return scrub_from(1, select("#", ...), ...)
end
-- strlenutf8(s): the number of UTF-8 characters (continuation bytes are not counted).
function strlenutf8(s)
  local _, continuation = string.gsub(s, "[\128-\191]", "")
  return #s - continuation
end
-- debuginfo(): the client's internal debugging hook; it does nothing in a release build.
function debuginfo() end

-- Stack lines as the client prints them: "Interface\AddOns\X\x.lua:12: in function `f'",
-- the client's own chunks left out (the client's C frames are invisible to addons too).
local getinfo = P.getinfo

local function stack_line(info)
  local where = info.short_src .. ":" .. (info.currentline > 0 and (info.currentline .. ":") or "")
  if info.what == "C" then
    where = "[C]:"
  elseif info.what == "tail" then
    return "(tail call): ?"
  end
  if info.name then
    return where .. " in function `" .. info.name .. "'"
  elseif info.what == "main" then
    return where .. " in main chunk"
  elseif info.what == "C" then
    return where .. " ?"
  end
  return where .. " in function <" .. info.short_src .. ":" .. info.linedefined .. ">"
end

local is_client_source = P.is_client_source
local function is_client(info)
  return is_client_source(info.source)
end

-- debugstack([thread,] [start [, count1 [, count2]]]): lines from level `start` (1: the
-- caller), the first count1 and the last count2 of them, "..." between when cut.
function debugstack(a, b, c, d)
  touch("debugstack")
  if type(a) == "thread" then
    a, b, c = b, c, d
  end
  local start, count1, count2 = a or 1, b or 12, c or 10
  local lines, plain = {}, {}
  local level, skipped = 2, 0
  while true do
    local info = getinfo(level, "Snl")
    if not info then
      break
    end
    if not is_client(info) then
      skipped = skipped + 1
      if skipped >= start then
        lines[#lines + 1] = stack_line(info)
        plain[#lines] = info.what == "C" or info.what == "tail"
      end
    end
    level = level + 1
  end
  -- The host's entry (C and tail-call frames at the bottom) is not the addon's stack.
  while plain[#lines] do
    lines[#lines] = nil
  end
  if #lines > count1 + count2 then
    local cut = {}
    for i = 1, count1 do
      cut[#cut + 1] = lines[i]
    end
    cut[#cut + 1] = "..."
    for i = #lines - count2 + 1, #lines do
      cut[#cut + 1] = lines[i]
    end
    lines = cut
  end
  return concat(lines, "\n") .. (#lines > 0 and "\n" or "")
end

-- debuglocals([level]): "name = value" for each local of the function at `level`
-- (1: the caller).
local getlocal = P.getlocal
function debuglocals(level)
  touch("debuglocals")
  level = (tonumber(level) or 1) + 1
  local out = {}
  if not getinfo(level, "S") then
    return nil
  end
  local i = 1
  while true do
    local name, value = getlocal(level, i)
    if not name then
      break
    end
    if strsub(name, 1, 1) ~= "(" then
      local shown = type(value) == "string" and strformat("%q", value) or tostring(value)
      out[#out + 1] = name .. " = " .. shown
    end
    i = i + 1
  end
  return concat(out, "\n") .. (#out > 0 and "\n" or "")
end

function print(...)
  touch("print")
  local n = select("#", ...)
  local parts = {}
  for i = 1, n do
    parts[i] = tostring((select(i, ...)))
  end
  local frame = G.DEFAULT_CHAT_FRAME
  if frame then
    frame:AddMessage(concat(parts, " "))
  end
end
