-- The test-harness surface a LuaUnit suite needs, inside the headless 3.3.5a client (Lua 5.1).
--
-- Runs once per client before the suite. The host functions (installed by the harness like
-- the client's API functions: loadfile, io.write, os.exit, os.getenv, os.clock and the
-- private __luaunit_harness table) are captured here; the suite sees Lua's usual require,
-- package, dofile, loadfile, print, io.stdout and os, each confined by the host: files only
-- under the root folder (and the folders given for modules), output captured, no other os/io.
local H = __luaunit_harness
__luaunit_harness = nil

local G = _G
local type, select, error, tostring, next, rawget, rawset = type, select, error, tostring, next, rawget, rawset
local unpack, concat, ipairs = unpack, table.concat, ipairs
local host_loadfile, write = loadfile, io.write

-- Output: print and io.stdout/io.stderr write to the captured output.
function print(...)
  local parts = {}
  for i = 1, select("#", ...) do
    parts[i] = tostring((select(i, ...)))
  end
  write(concat(parts, "\t"), "\n")
end

local stream = {}
function stream:write(...)
  write(...)
  return self
end
function stream:flush()
  return self
end
function stream:setvbuf()
  return true
end
function stream:close()
  return nil, "the harness's output stream cannot be closed"
end
io.stdout, io.stderr = stream, stream
-- io.open/io.lines read files under the root folder (suites read their fixture data); a
-- file cannot be written (LuaUnit's own "-o junit -n FILE": the harness writes the report,
-- mgm-contract luaunit --format junit).
local read_file = H.read_file
local strfind, strsub, strmatch = string.find, string.sub, string.match
local tonumber, setmetatable = tonumber, setmetatable

local File = {}
File.__index = File

local function read_one(self, format)
  local text, at = self.text, self.at
  if type(format) == "number" then
    if at > #text then
      return nil
    end
    self.at = at + format
    return strsub(text, at, at + format - 1)
  end
  format = strsub(tostring(format), 1, 2)
  if format == "*a" then
    self.at = #text + 1
    return strsub(text, at)
  elseif format == "*l" then
    if at > #text then
      return nil
    end
    local stop = strfind(text, "\n", at, true)
    self.at = (stop or #text) + 1
    return strsub(text, at, (stop or #text + 1) - 1)
  elseif format == "*n" then
    local number, rest = strmatch(text, "^%s*([-+]?[%d%.xXaAbBcCdDeEfF]+)()", at)
    if not number or not tonumber(number) then
      return nil
    end
    self.at = rest
    return tonumber(number)
  end
  error("bad argument #1 to 'read' (invalid format)", 3)
end

function File:read(...)
  if self.closed then
    error("attempt to use a closed file", 2)
  end
  local n = select("#", ...)
  if n == 0 then
    return read_one(self, "*l")
  end
  local out = {}
  for i = 1, n do
    out[i] = read_one(self, (select(i, ...)))
    if out[i] == nil then
      return unpack(out, 1, i)
    end
  end
  return unpack(out, 1, n)
end
function File:lines()
  return function()
    return self:read("*l")
  end
end
function File:seek(whence, offset)
  local base = whence == "cur" and self.at - 1 or whence == "end" and #self.text or 0
  self.at = base + (offset or 0) + 1
  return self.at - 1
end
function File:close()
  self.closed = true
  return true
end
function File:write()
  return nil, self.path .. ": opened for reading"
end
File.flush, File.setvbuf = File.close, File.close

function io.open(path, mode)
  if type(path) ~= "string" then
    error("bad argument #1 to 'open' (string expected, got " .. type(path) .. ")", 2)
  end
  mode = mode or "r"
  if not strfind(mode, "^r") or strfind(mode, "+", 1, true) then
    return nil, path .. ": files cannot be written inside the headless client (the harness "
      .. "writes the reports: mgm-contract luaunit --format junit)"
  end
  local text, err = read_file(path)
  if not text then
    return nil, err
  end
  return setmetatable({ text = text, at = 1, path = path }, File)
end
function io.lines(path)
  local file, err = io.open(path)
  if not file then
    error(err, 2)
  end
  return file:lines()
end

-- debug.traceback for LuaUnit's error handler, from the client's own debugstack (the client
-- has no debug library).
local debugstack = rawget(G, "debugstack")
debug = {}
function debug.traceback(message, level)
  if type(message) ~= "string" and message ~= nil then
    return message
  end
  local lines = {}
  for line in string.gmatch(debugstack((level or 1) + 1, 12, 10), "[^\n]+") do
    lines[#lines + 1] = "\t" .. line
  end
  local trace = "stack traceback:\n" .. concat(lines, "\n")
  H.traceback_seen(trace)  -- before LuaUnit strips it: where a failure really happened
  return (message and message .. "\n" or "") .. trace
end

os.date, os.time, os.difftime = rawget(G, "date"), rawget(G, "time"), rawget(G, "difftime")

-- Modules: package.path templates searched by the host, confined.
package = { loaded = {}, preload = {}, path = "?.lua;?/init.lua", cpath = "" }
for _, name in ipairs({ "string", "table", "math", "coroutine", "bit" }) do
  package.loaded[name] = rawget(G, name)
end
package.loaded._G = G

-- LuaUnit: report every test to the host, and run only the one test an isolated run asks for.
local hooked = {}
local function hook_luaunit(M)
  if type(M) ~= "table" or type(M.LuaUnit) ~= "table" or hooked[M] then
    return
  end
  hooked[M] = true
  local LU = M.LuaUnit
  local start, finish, init = LU.startTest, LU.endTest, LU.initFromArguments
  LU.startTest = function(self, name, ...)
    H.test_started(name)
    return start(self, name, ...)
  end
  -- endTest computes the duration; report after it (the node outlives the call).
  LU.endTest = function(self, ...)
    local node = self.result.currentNode
    local function after(...)
      H.test_ended(node.testName, node.status, node.msg, node.stackTrace, node.duration)
      return ...
    end
    return after(finish(self, ...))
  end
  -- Listing (to run each test alone later): name every selected test, run none.
  local exec = LU.execOneFunction
  LU.execOneFunction = function(self, className, methodName, ...)
    if H.listing() then
      H.listed(className and (className .. "." .. methodName) or methodName)
      return
    end
    return exec(self, className, methodName, ...)
  end
  LU.initFromArguments = function(self, ...)
    H.suite_started()
    local names = init(self, ...)
    local only = H.only_test()
    if only then
      return { only }
    end
    return names
  end
end

function require(name)
  if type(name) ~= "string" then
    error("bad argument #1 to 'require' (string expected, got " .. type(name) .. ")", 2)
  end
  local loaded = package.loaded[name]
  if loaded ~= nil then
    return loaded
  end
  local loader = package.preload[name]
  if loader == nil then
    local path, tried = H.find_module(name, tostring(package.path))
    if not path then
      error("module '" .. name .. "' not found:" .. tried, 2)
    end
    local err
    loader, err = host_loadfile(path)
    if not loader then
      error("error loading module '" .. name .. "' from file '" .. path .. "':\n\t" .. err, 2)
    end
  end
  local result = loader(name)
  if result ~= nil then
    package.loaded[name] = result
  elseif package.loaded[name] == nil then
    package.loaded[name] = true
  end
  hook_luaunit(package.loaded[name])
  return package.loaded[name]
end

-- A dropped mock runs, then every global (and every field of a global table) it set that the
-- client had is given back; the host records and classifies each name.
local function snapshot()
  local values, fields = {}, {}
  for name, value in next, G do
    values[name] = value
    if type(value) == "table" and value ~= G and value ~= package then
      local copy = {}
      for key, field in next, value do
        copy[key] = field
      end
      fields[name] = copy
    end
  end
  return values, fields
end

local function drop_mock(chunk)
  local before, fields = snapshot()
  local results = { n = 0 }
  local function keep(...)
    results = { n = select("#", ...), ... }
  end
  keep(chunk())
  for name, value in next, G do
    if before[name] ~= value then
      if H.mock_global(name, type(value), before[name] ~= nil, value) then
        rawset(G, name, before[name])
      end
    elseif fields[name] and type(name) == "string" then
      local old = fields[name]
      for key, field in next, value do
        if old[key] ~= field and type(key) == "string" then
          if H.mock_global(name .. "." .. key, type(field), old[key] ~= nil) then
            rawset(value, key, old[key])
          end
        end
      end
    end
  end
  for name, value in next, before do
    if rawget(G, name) == nil and type(name) == "string" then
      H.mock_global(name, "nil", true)
      rawset(G, name, value)
    end
  end
  return unpack(results, 1, results.n)
end

function dofile(path)
  if path == nil then
    error("dofile: standard input cannot be read inside the headless client", 2)
  end
  local kind = H.dofile_kind(tostring(path))
  if kind == "loaded" then
    return
  end
  local chunk, err = host_loadfile(path)
  if not chunk then
    error(err, 0)
  end
  if kind == "mock" then
    return drop_mock(chunk)
  end
  return chunk()
end

-- os.exit ends the suite: the host records the code, the error unwinds the entry.
local host_exit = os.exit
function os.exit(code)
  host_exit(code)
  error("os.exit(" .. tostring(code) .. ") ended the suite", 0)
end
