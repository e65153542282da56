-- WoW 3.3.5a global aliases and the API functions the client implements in Lua itself
-- (string helpers, hooksecurefunc, securecall, debugstack, print).
local P = ...
local G = _G
local touch = P.touch
local type, select, error, tostring, tonumber, pairs, unpack, pcall =
  type, select, error, tostring, tonumber, pairs, unpack, pcall
local strfind, strsub, strgsub, strformat = string.find, string.sub, string.gsub, string.format
local concat = table.concat

-- string.format as the client's: "%2$s" takes the 2nd argument (localized strings reorder
-- their arguments). Errors name the caller's line, as the C function's would.
local rawformat = string.format
local function format_args(fmt, ...)
  local args, picked, count, following = { ... }, {}, 0, 1
  local rewritten = strgsub(fmt, "%%(%d*%$?)([-+ #0]*%d*%.?%d*[%a%%])", function(position, spec)
    if position == "" and spec == "%" then
      return nil  -- "%%" stays as it is
    end
    local index
    if position ~= "" and strsub(position, -1) == "$" then
      index = tonumber(strsub(position, 1, -2))
      if not index then
        return nil  -- "%$": the library reports the invalid option
      end
    else
      spec, index, following = position .. spec, following, following + 1
    end
    count = count + 1
    picked[count] = args[index]
    return "%" .. spec
  end)
  return rewritten, unpack(picked, 1, count)
end
local function client_format(fmt, ...)
  local ok, text
  if type(fmt) == "string" and strfind(fmt, "$", 1, true) then
    ok, text = pcall(rawformat, format_args(fmt, ...))
  else
    ok, text = pcall(rawformat, fmt, ...)
  end
  if ok then
    return text
  end
  error((strgsub(tostring(text), "to '%?'", "to 'format'")), 2)
end
string.format = client_format

-- Library aliases the 3.3.5a client defines as globals.
local aliases = {
  strlen = string.len, strsub = string.sub, strfind = string.find, strmatch = string.match,
  gmatch = string.gmatch, gsub = string.gsub, strrep = string.rep, strbyte = string.byte,
  strchar = string.char, strlower = string.lower, strupper = string.upper,
  format = string.format, strrev = string.reverse,
  tinsert = table.insert, tremove = table.remove, sort = table.sort, getn = table.getn,
  foreach = table.foreach, foreachi = table.foreachi,
  floor = math.floor, ceil = math.ceil, abs = math.abs, max = math.max, min = math.min,
  sqrt = math.sqrt, random = math.random, mod = math.fmod, exp = math.exp, log = math.log,
  log10 = math.log10, frexp = math.frexp, ldexp = math.ldexp,
}
for name, fn in pairs(aliases) do
  G[name] = fn
end
string.gfind = string.gmatch

-- The client's trigonometry globals work in degrees (math.* keeps radians).
local msin, mcos, mtan, masin, macos, matan, matan2 = math.sin, math.cos, math.tan, math.asin,
  math.acos, math.atan, math.atan2
local rad, deg = math.rad, math.deg
G.sin = function(x) return msin(rad(x)) end
G.cos = function(x) return mcos(rad(x)) end
G.tan = function(x) return mtan(rad(x)) end
G.asin = function(x) return deg(masin(x)) end
G.acos = function(x) return deg(macos(x)) end
G.atan = function(x) return deg(matan(x)) end
G.atan2 = function(y, x) return deg(matan2(y, x)) end
G.deg, G.rad = deg, rad
G.PI = math.pi

-- getglobal/setglobal: the addon-visible global table by name.
G.getglobal = function(name)
  touch("getglobal")
  return G[name]
end
G.setglobal = function(name, value)
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
G.scrub = function(...)
  return scrub_from(1, select("#", ...), ...)
end
-- strlenutf8(s): the number of UTF-8 characters (continuation bytes are not counted).
G.strlenutf8 = function(s)
  local _, continuation = string.gsub(s, "[\128-\191]", "")
  return #s - continuation
end
-- debuginfo(): the client's internal debugging hook; it does nothing in a release build.
G.debuginfo = function() end

local WHITESPACE = " \t\r\n"

local function pattern_class(chars)
  return "[" .. strgsub(chars, "[%]%^%-%%]", "%%%0") .. "]"
end

local function strtrim(str, chars)
  touch("strtrim")
  if type(str) ~= "string" and type(str) ~= "number" then
    error("Usage: strtrim(str[, chars])", 2)
  end
  local class = pattern_class(chars or WHITESPACE)
  local trimmed = strgsub(strgsub(tostring(str), "^" .. class .. "+", ""), class .. "+$", "")
  return trimmed
end

local function strsplit(delimiter, subject, pieces)
  touch("strsplit")
  if type(delimiter) ~= "string" or (type(subject) ~= "string" and type(subject) ~= "number") then
    error("Usage: strsplit(delimiter, subject[, pieces])", 2)
  end
  subject = tostring(subject)
  local class = pattern_class(delimiter)
  local out, n, start = {}, 0, 1
  while not (pieces and n >= pieces - 1) do
    local first, last = strfind(subject, class, start)
    if not first then
      break
    end
    n = n + 1
    out[n] = strsub(subject, start, first - 1)
    start = last + 1
  end
  n = n + 1
  out[n] = strsub(subject, start)
  return unpack(out, 1, n)
end

local function strjoin(separator, ...)
  touch("strjoin")
  if type(separator) ~= "string" then
    error("Usage: strjoin(separator, ...)", 2)
  end
  return concat({ ... }, separator)
end

local function strconcat(...)
  touch("strconcat")
  return concat({ ... })
end

local function wipe(tbl)
  touch("wipe")
  if type(tbl) ~= "table" then
    error("Usage: wipe(table)", 2)
  end
  for key in pairs(tbl) do
    tbl[key] = nil
  end
  return tbl
end

local function tContains(tbl, value)
  touch("tContains")
  for _, v in pairs(tbl) do
    if v == value then
      return 1
    end
  end
  return nil
end

G.strtrim, G.strsplit, G.strjoin, G.strconcat = strtrim, strsplit, strjoin, strconcat
string.trim, string.split, string.join = strtrim, strsplit, strjoin
G.wipe, table.wipe, G.tContains = wipe, wipe, tContains

-- hooksecurefunc([table,] "name", hook): the original runs first, then the hook with the same
-- arguments; the caller gets the original's results.
local function after_hook(hook, args, n, ...)
  hook(unpack(args, 1, n))
  return ...
end

G.hooksecurefunc = function(tbl, name, hook)
  touch("hooksecurefunc")
  if type(tbl) == "string" then
    tbl, name, hook = G, tbl, name
  end
  if type(tbl) ~= "table" or type(name) ~= "string" or type(hook) ~= "function" then
    error('Usage: hooksecurefunc([table,] "functionName", hookfunc)', 2)
  end
  local original = tbl[name]
  if type(original) ~= "function" then
    error(strformat("hooksecurefunc(): %s is not a function", name), 2)
  end
  tbl[name] = function(...)
    local n = select("#", ...)
    return after_hook(hook, { ... }, n, original(...))
  end
end

local function securecall_results(ok, ...)
  if not ok then
    G.geterrorhandler()((...))
    return
  end
  return ...
end

G.securecall = function(fn, ...)
  touch("securecall")
  if type(fn) == "string" then
    fn = G[fn]
  end
  if type(fn) ~= "function" then
    error("Usage: securecall(function[, ...])", 2)
  end
  return securecall_results(pcall(fn, ...))
end

-- Addon code is never secure in the headless client (there is no Blizzard code to taint).
G.issecure = function()
  touch("issecure")
  return nil
end
G.issecurevariable = function()
  touch("issecurevariable")
  return nil, "*** headless addon code ***"
end
G.forceinsecure = function()
  touch("forceinsecure")
end

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

local function is_client(info)
  return strsub(info.source, 1, 10) == "=headless-"
end

-- debugstack([thread,] [start [, count1 [, count2]]]): lines from level `start` (1: the
-- caller), the first count1 and the last count2 of them, "..." between when cut.
G.debugstack = function(a, b, c, d)
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
G.debuglocals = function(level)
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

G.print = function(...)
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

G.SlashCmdList = {}

-- string.format for the host (FontString:SetFormattedText and the like).
P.format = client_format

-- The Lua type of each global named in a space-separated list, read past the missing-API
-- stubs (the coverage report's view of what a fresh client defines).
function P.global_types(names)
  local out = {}
  for name in string.gmatch(names, "%S+") do
    out[name] = type(P.rawglobal(name))
  end
  return out
end
