-- Pattern functions guarded, and ASCII-only whatever the host's locale.
--
-- Lua 5.1's matcher (string.find/match/gmatch/gsub) runs in C, where the CPU hook never
-- fires: it recurses once per quantifier and capture (400,000 `a?` overflow the C stack) and
-- backtracks without limit (`(.-)(.-)b` on a long string runs for minutes). Before a call
-- reaches C, the pattern is measured (once per pattern) and the worst case for this subject
-- is bounded:
--   * more than MAX_DEPTH nested quantifiers and captures: refused;
--   * a bounded worst case of at most BUDGET matcher steps: one call in C;
--   * else, when each start position alone is within BUDGET: the scan over start positions
--     runs here, one anchored call in C per position, so the CPU deadline applies;
--   * else the match runs in Lua 5.1's matcher written in Lua (matcher.lua: same trials, same
--     results), where the CPU deadline and the memory cap apply at every step: a match that
--     ends early costs what it costs in the client, a runaway one meets the deadline;
--   * (a pattern C could fail on that is this complex is refused: "pattern too complex for
--     this subject").
-- Refusals are Lua errors at the caller's file:line. This file holds the guarded functions
-- and their errors; the measuring and scanning (patterns_plan.lua) load on first use.
--
-- Errors read as Lua 5.1's own: a call C could fail (arguments of the wrong type, a pattern
-- that is malformed, a replacement naming a capture the pattern lacks) runs protected, and
-- C's message is raised again at the caller's file:line with the name the caller used
-- ("bad argument #1 to 'find' (string expected, got nil)", argument numbers shifted for
-- s:find(...)). Calls that cannot fail (the common case) go straight to C.
--
-- The 3.3.5a client's string functions are ASCII-only. The C library's are not under an
-- 8-bit host locale (Python sets LC_CTYPE from the environment): then lower/upper map
-- through ASCII tables and pattern classes (%a %l %u %w %x %s %p %c and their complements)
-- are rewritten as explicit ASCII sets before they reach C.
local P = ...
local G = _G
local find, match, gmatch, gsub = string.find, string.match, string.gmatch, string.gsub
local lower, upper, byte, sub, char = string.lower, string.upper, string.byte, string.sub, string.char
local type, select, error, tostring, unpack = type, select, error, tostring, unpack
local xpcall, setmetatable = xpcall, setmetatable
local concat = table.concat
local getinfo = P.getinfo

local BUDGET = 10000000 -- worst-case matcher steps one call in C may take (tens of ms)
local CACHE_SIZE = 256
local ascii = P.host_locale_is_8_bit

local function fail(fname, message)
  error(P.caller_position() .. fname .. ": " .. message, 0)
end
---------------------------------------------------------------------------------------------
-- The planner (patterns_plan.lua: measuring, bounding, scanning), loaded on first use: a
-- client whose code matches no pattern does not pay for it. Until then these locals are
-- stand-ins that load it (its functions are not level-sensitive; call_site runs here).
---------------------------------------------------------------------------------------------
local measured, plan, start_index, scan_find, scan_gmatch, scan_gsub
local planner -- the loaded planner's table
local LIB = { find = find, match = match, gmatch = gmatch, gsub = gsub, lower = lower,
  byte = byte, sub = sub, char = char, type = type, select = select, error = error,
  tostring = tostring, unpack = unpack, concat = concat, upper = upper, xpcall = xpcall,
  getinfo = getinfo }

local function load_planner()
  local chunk = P.load_trusted(P.trusted_bytecode("patterns_plan.lua"))
  if not chunk then -- the state's memory cap: the call fails, the next one tries again
    error(P.caller_position() .. "not enough memory", 0)
  end
  planner = chunk(P, LIB, fail, BUDGET)
  measured, plan, start_index = planner.measured, planner.plan, planner.start_index
  scan_find, scan_gmatch, scan_gsub = planner.scan_find, planner.scan_gmatch, planner.scan_gsub
end
measured = function(...)
  load_planner()
  return measured(...)
end
plan, start_index, scan_find, scan_gmatch, scan_gsub = measured, measured, measured, measured,
  measured -- (measured comes first in every path: these are never called before it)

function P.pattern_scans()
  if planner then
    return planner.scans()
  end
  return 0, 0
end

---------------------------------------------------------------------------------------------
-- Errors as Lua 5.1 reports them: calls that could fail run protected, and an error raised
-- by the C function itself is raised again as if the caller had called C directly. The
-- protection (patterns_errors.lua: protected, protected_iterator) loads on the first call
-- that could fail; the caller's frame is read here, by call_site.
---------------------------------------------------------------------------------------------
local errors -- the loaded file's table

local function load_errors()
  local chunk = P.load_trusted(P.trusted_bytecode("patterns_errors.lua"))
  if not chunk then -- the state's memory cap: the call fails, the next one tries again
    error(P.caller_position() .. "not enough memory", 0)
  end
  errors = chunk(P, LIB)
  return errors
end

-- The call of a guarded function as C would see it: the name the caller used (a tail call
-- leaves none: then the library name) and the calling frame.
local function call_site(library_name)
  local callee = getinfo(2, "n")
  local site = { name = callee and callee.name or library_name,
    method = callee and callee.namewhat == "method", caller = getinfo(3, "Sl") }
  return site
end

-- Its arguments: `return passed(f(...))` keeps the caller's frame (a tail call would drop
-- it, and with it the name tracebacks show for it).
local function passed(...)
  return ...
end

-- A gsub replacement (function or table) whose values C would refuse: refused here, at the
-- caller's file:line, as C words it. One shared function and table stand for the running
-- gsub's own (no allocation per call); the one in use is set again after each call back, in
-- case a nested gsub that failed left another there.
local active_function, active_table

local function refuse_value(value)
  error(P.caller_position() .. "invalid replacement value (a " .. type(value) .. ")", 0)
end

local function through_function(...)
  local fn = active_function
  local value = fn(...)
  active_function = fn
  if value and type(value) ~= "string" and type(value) ~= "number" then
    refuse_value(value)
  end
  return value
end

local through_table = setmetatable({}, { __index = function(_, key)
  local t = active_table
  local value = t[key]
  active_table = t
  if value and type(value) ~= "string" and type(value) ~= "number" then
    refuse_value(value)
  end
  return value
end })

-- The highest capture a replacement string names (%1..%9; 0: none), per string.
local highest_refs, highest_count = {}, 0
local function highest_reference(repl)
  local highest = highest_refs[repl]
  if highest then
    return highest
  end
  highest = 0
  if find(repl, "%", 1, true) then
    for d in gmatch(repl, "%%([1-9])") do
      if d + 0 > highest then
        highest = d + 0
      end
    end
  end
  if highest_count >= CACHE_SIZE then
    highest_refs, highest_count = {}, 0
  end
  highest_refs[repl] = highest
  highest_count = highest_count + 1
  return highest
end

---------------------------------------------------------------------------------------------
-- The guarded functions.
---------------------------------------------------------------------------------------------
local function guarded_find(...)
  local s, p, init, plain = ...
  if type(s) ~= "string" or type(p) ~= "string" or (init ~= nil and type(init) ~= "number") then
    return passed((errors or load_errors()).protected(call_site("find"), find, ...))
  end
  if plain then
    if #s * #p > 64 * BUDGET then
      fail("string.find", "search too long (" .. #p .. " characters in " .. #s .. ")")
    end
    return find(s, p, init, plain)
  end
  local m = measured(p, false)
  if m.may_fail then
    if #s <= m.fast_n or plan("string.find", m, s, m.anchored) == "c" then
      return passed((errors or load_errors()).protected(call_site("find"), find, s,
        m.c_pattern, init))
    end
    local how, per = plan("string.find", m, s, m.anchored)
    return passed((errors or load_errors()).protected(call_site("find"), scan_find, s, m,
      start_index(init, #s), true, per, how))
  end
  if #s <= m.fast_n then
    return find(s, m.c_pattern, init)
  end
  local how, per = plan("string.find", m, s, m.anchored)
  if how == "c" then
    return find(s, m.c_pattern, init)
  end
  return scan_find(s, m, start_index(init, #s), true, per, how)
end

local function guarded_match(...)
  local s, p, init = ...
  if type(s) ~= "string" or type(p) ~= "string" or (init ~= nil and type(init) ~= "number") then
    return passed((errors or load_errors()).protected(call_site("match"), match, ...))
  end
  local m = measured(p, false)
  if m.may_fail then
    if #s <= m.fast_n or plan("string.match", m, s, m.anchored) == "c" then
      return passed((errors or load_errors()).protected(call_site("match"), match, s,
        m.c_pattern, init))
    end
    local how, per = plan("string.match", m, s, m.anchored)
    return passed((errors or load_errors()).protected(call_site("match"), scan_find, s, m,
      start_index(init, #s), false, per, how))
  end
  if #s <= m.fast_n then
    return match(s, m.c_pattern, init)
  end
  local how, per = plan("string.match", m, s, m.anchored)
  if how == "c" then
    return match(s, m.c_pattern, init)
  end
  return scan_find(s, m, start_index(init, #s), false, per, how)
end

local function guarded_gmatch(...)
  local s, p = ...
  if type(s) ~= "string" or type(p) ~= "string" then
    return passed((errors or load_errors()).protected(call_site("gmatch"), gmatch, ...))
  end
  local m = measured(p, true)
  if #s <= m.fast_n then
    return gmatch(s, m.c_pattern)
  end
  local how, per = plan("string.gmatch", m, s, false)
  if how == "c" then
    return gmatch(s, m.c_pattern)
  end
  local iterator = scan_gmatch(s, m, per, how)
  return m.may_fail and (errors or load_errors()).protected_iterator(iterator) or iterator
end

local function guarded_gsub(...)
  local s, p, repl, max_n = ...
  local kind = type(repl)
  if type(s) ~= "string" or type(p) ~= "string" or (max_n ~= nil and type(max_n) ~= "number")
      or (kind ~= "string" and kind ~= "number" and kind ~= "table" and kind ~= "function") then
    return passed((errors or load_errors()).protected(call_site("gsub"), gsub, ...))
  end
  local m = measured(p, false)
  local how, per = "c", nil
  if #s > m.fast_n then
    how, per = plan("string.gsub", m, s, m.anchored)
  end
  local refs = kind == "string" and (highest_refs[repl] or highest_reference(repl)) or 0
  if m.may_fail or (refs > 1 and refs > m.captures) then
    if how == "c" then
      return passed((errors or load_errors()).protected(call_site("gsub"), gsub, s,
        m.c_pattern, repl, max_n))
    end
    return passed((errors or load_errors()).protected(call_site("gsub"), scan_gsub, s, m,
      repl, max_n, per, how))
  end
  if kind == "string" or kind == "number" then
    if how == "c" then
      return gsub(s, m.c_pattern, repl, max_n)
    end
    return scan_gsub(s, m, repl, max_n, per, how)
  end
  local saved, result, count
  if kind == "function" then
    saved, active_function = active_function, repl
    repl = through_function
  elseif kind == "table" then
    saved, active_table = active_table, repl
    repl = through_table
  end
  if how == "c" then
    result, count = gsub(s, m.c_pattern, repl, max_n)
  else
    result, count = scan_gsub(s, m, repl, max_n, per, how)
  end
  if kind == "function" then
    active_function = saved
  elseif kind == "table" then
    active_table = saved
  end
  return result, count
end

string.find, string.match, string.gmatch, string.gsub =
  guarded_find, guarded_match, guarded_gmatch, guarded_gsub
string.gfind = guarded_gmatch

if ascii then
  local to_lower, to_upper = {}, {}
  for c = 65, 90 do
    to_lower[char(c)] = char(c + 32)
    to_upper[char(c + 32)] = char(c)
  end
  string.lower = function(...)
    local s = ...
    if type(s) ~= "string" then -- numbers as text; anything else: the C function's error
      s = (errors or load_errors()).protected(call_site("lower"), lower, ...)
    end
    return (gsub(s, "[A-Z]", to_lower))
  end
  string.upper = function(...)
    local s = ...
    if type(s) ~= "string" then
      s = (errors or load_errors()).protected(call_site("upper"), upper, ...)
    end
    return (gsub(s, "[a-z]", to_upper))
  end
end
P.ascii_rewrite = ascii
P.raw_patterns = { find = find, match = match, gmatch = gmatch, gsub = gsub }

-- For tests: a smaller budget sends more calls down the scanning path (measurements made
-- under another budget are forgotten).
function P.set_pattern_budget(steps)
  BUDGET = steps
  if planner then
    planner.set_budget(steps)
  end
end
