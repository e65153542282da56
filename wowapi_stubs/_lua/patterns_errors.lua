-- Errors of the guarded pattern functions as Lua 5.1 reports them (see patterns.lua): a call
-- C could fail runs protected, and an error raised by the C function itself is raised again
-- as if the caller had called C directly, with the name the caller used. Loaded by
-- patterns.lua on the first call that could fail (most clients make none), with its private
-- table P and LIB, the library functions as they were at start (addon code may have changed
-- the global ones since): this file reads no global.
local P, LIB = ...
local find, match, gmatch, gsub, lower, upper = LIB.find, LIB.match, LIB.gmatch, LIB.gsub,
  LIB.lower, LIB.upper
local sub, select, error, tostring, unpack = LIB.sub, LIB.select, LIB.error, LIB.tostring,
  LIB.unpack
local xpcall, getinfo = LIB.xpcall, LIB.getinfo

local RAW = { [find] = true, [match] = true, [gmatch] = true, [gsub] = true, [lower] = true,
  [upper] = true }
local C_ERROR = {}
local c_message

-- xpcall handler: the error was raised by one of the C functions (not by addon code they
-- called back, such as a gsub replacement function). The handler may be called through the
-- client's xpcall (one bootstrap frame between).
local function tag_c_error(e)
  for level = 2, 3 do
    local info = getinfo(level, "fS")
    if not info then
      break
    elseif RAW[info.func] then
      c_message = e
      return C_ERROR
    elseif info.source ~= "=headless-bootstrap" then
      break
    end
  end
  return e
end

-- Where Lua 5.1 puts an error raised in a C function: the calling Lua function's file:line
-- (none when the caller is C, e.g. pcall(string.find)). After a tail call that frame is
-- gone: the nearest addon frame is named instead.
local function position_of(caller)
  if not caller or caller.what == "tail" then
    return P.caller_position()
  end
  if caller.what == "C" or not caller.currentline or caller.currentline <= 0 then
    return ""
  end
  if sub(caller.source, 1, 10) == "=headless-" then
    return P.caller_position()
  end
  return caller.short_src .. ":" .. caller.currentline .. ": "
end

-- C's message with the name the caller used (argument numbers shifted for s:name(...)).
local function raise_c_error(site)
  local text = tostring(c_message)
  c_message = nil
  text = gsub(text, "^headless%-patterns[%w_]*:%d+: ", "", 1)
  local narg, rest = match(text, "^bad argument #(%d+) to '[^']*' (.*)$")
  if narg and site then
    narg = narg + 0
    if site.method then
      narg = narg - 1
    end
    if narg == 0 then
      text = "calling '" .. site.name .. "' on bad self " .. rest
    else
      text = "bad argument #" .. narg .. " to '" .. site.name .. "' " .. rest
    end
  end
  error(position_of(site and site.caller) .. text, 0)
end

local function packed(...)
  return { n = select("#", ...), ... }
end

-- f(...) protected; C's own errors raised again as the caller would see them.
local function protected(site, f, ...)
  local args = packed(...)
  local results = packed(xpcall(function()
    return f(unpack(args, 1, args.n))
  end, tag_c_error))
  if results[1] then
    return unpack(results, 2, results.n)
  end
  if results[2] == C_ERROR then
    raise_c_error(site)
  end
  error(results[2], 0)
end

-- A gmatch iterator over a pattern C could fail on: its errors as C's (the iterator is
-- called by the addon's for loop).
local function protected_iterator(iterator)
  return function()
    return protected(nil, iterator)
  end
end

return { protected = protected, protected_iterator = protected_iterator }
