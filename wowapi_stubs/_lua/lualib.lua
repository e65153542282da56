-- WoW 3.3.5a global aliases and the API functions the client implements in Lua itself that
-- must exist at start (string.format as the client's, the string and table helpers the
-- libraries hold, hooksecurefunc, securecall). The rest (debugstack, print, trigonometry...)
-- is lualib_extra.lua, run the first time one of its globals is read.
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

-- issecure(): 1 while the running execution is Blizzard's alone. The client starts each
-- execution (a script handler, a file, an event) with the taint of the code it runs, and an
-- addon function taints the execution it runs in. Here: every Lua function on the stack,
-- from the caller back to the client's entry that began this execution, is Blizzard's: from
-- a file of FrameXML or of a Blizzard_ addon of its Interface folder; an XML handler of
-- theirs (its chunk is named like any addon's, "Name:OnLoad") as the XML loader marks it;
-- or code that Blizzard's code compiled (the restricted environment's snippets: a function
-- is as secure as the execution that made it). The client's own functions (the built-in
-- UI, API functions written in Lua) take their caller's taint. Not traced: a value an addon
-- wrote, and a function that returned by a tail call (`return f()`) further down the stack,
-- which leaves no frame (FrameXML tail-calls between its secure functions); `return
-- issecure()` itself is nil.
local getinfo = P.getinfo
local blizzard_functions = setmetatable({}, { __mode = "k" })
local blizzard_chunks, blizzard_chunk_count, MAX_BLIZZARD_CHUNKS = {}, 0, 4096
function P.mark_blizzard(fn)
  blizzard_functions[fn] = true
end
-- The client's own UI, when it runs Blizzard's (see P.set_blizzard_ui): FrameXML and the
-- Blizzard_ addons of its Interface folder (an addon of the user's named Blizzard_X is not).
local framexml_runs, blizzard_addons = false, {}
function P.set_blizzard_ui(addon_names)
  framexml_runs = true
  for name in string.gmatch(addon_names, "%S+") do
    blizzard_addons[name] = true
  end
end
local function blizzard_file(source)
  if not framexml_runs then
    return false
  end
  if strsub(source, 1, 20) == "@Interface\\FrameXML\\" then
    return true
  end
  local addon = string.match(source, "^@Interface\\AddOns\\([^\\]+)\\")
  return addon ~= nil and blizzard_addons[string.lower(addon)] == true
end
local function blizzard_source(source)
  return blizzard_file(source) or blizzard_chunks[source]
end
-- Whether the stack from `level` up to the start of the execution (the client's entry that
-- began it) runs Blizzard's code only; the client's own functions on the way (API functions
-- written in Lua, wrappers) take the taint of their caller.
local entry_points, is_client_source = P.entry_points, P.is_client_source
local function secure_from(level)
  while true do
    local info = getinfo(level, "Sf")
    if not info or entry_points[info.func] then
      return true
    end
    if info.what ~= "C" and info.what ~= "tail" and not is_client_source(info.source)
        and not blizzard_source(info.source) and not blizzard_functions[info.func] then
      return false
    end
    level = level + 1
  end
end
-- For the host: whether the execution that called into it is secure (a protected frame's
-- attribute may change in combat then).
function P.secure_execution()
  return secure_from(2)
end
G.issecure = function()
  touch("issecure")
  if getinfo(2, "S").what == "tail" then
    return nil  -- `return issecure()`: its caller left no frame (FrameXML never does this)
  end
  return secure_from(3) and 1 or nil
end
local loadstring_unmarked = G.loadstring
G.loadstring = function(code, chunkname)
  local secure = secure_from(3)
  if not secure and type(chunkname) == "string" and blizzard_file(chunkname) then
    -- Named like one of Blizzard's files by insecure code: "=" shows the same name in
    -- messages, and the chunk is not taken for Blizzard's.
    chunkname = "=" .. strsub(chunkname, 2)
  end
  local fn, message = loadstring_unmarked(code, chunkname)
  if fn and blizzard_chunk_count < MAX_BLIZZARD_CHUNKS and secure then
    local source = chunkname or code
    if not blizzard_chunks[source] then
      blizzard_chunks[source], blizzard_chunk_count = true, blizzard_chunk_count + 1
    end
    blizzard_functions[fn] = true
  end
  return fn, message
end
G.issecurevariable = function()
  touch("issecurevariable")
  return nil, "*** headless addon code ***"
end
G.forceinsecure = function()
  touch("forceinsecure")
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
