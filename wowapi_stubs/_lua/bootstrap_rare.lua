-- The bootstrap's rarely used parts, loaded the first time one of them is needed (most
-- clients never need them): userdata metatables as addon code sees them, the listing of
-- every API function (pairs over _G), the comparator of large sorts, and host functions the
-- client calls on uncommon paths (saved variables at logout, the culprit of a blocked
-- action, the XML loader's function= handlers, secure templates).
--
-- Called by bootstrap.lua's load_rare with its private table P and B, the bootstrap's own
-- values this file needs. It runs after addon code may have changed the global table and
-- the libraries in it, so it reads no global: everything comes from B.
local P, B = ...
local type, next, pcall, error = B.type, B.next, B.pcall, B.error
local rawget, rawset, setmetatable = B.rawget, B.rawset, B.setmetatable
local getinfo, loadstring = B.getinfo, B.loadstring
local is_client_source, caller_position = B.is_client_source, B.caller_position

local rare = {}

---------------------------------------------------------------------------------------------
-- What addon code sees as the metatable `meta` of a userdata (see "__gc finalizers" in
-- bootstrap.lua): reads and writes go to `meta` except __gc, kept under GC_FN while `meta`
-- holds the client's finalizer, which queues the addon's.
---------------------------------------------------------------------------------------------
local GC_FN, queue_finalizer = B.GC_FN, B.queue_finalizer
local proxies = setmetatable({}, { __mode = "kv" })

function rare.metatable_proxy(meta)
  local proxy = proxies[meta]
  if proxy then
    return proxy
  end
  proxy = setmetatable({}, {
    __index = function(_, key)
      if key == "__gc" then
        return rawget(meta, GC_FN)
      end
      return rawget(meta, key)
    end,
    __newindex = function(_, key, value)
      if key == "__gc" then
        rawset(meta, GC_FN, value)
        rawset(meta, "__gc", value ~= nil and function(u)
          pcall(queue_finalizer, meta, u)
        end or nil)
      else
        rawset(meta, key, value)
      end
    end,
    __metatable = false,
  })
  proxies[meta] = proxy
  return proxy
end

---------------------------------------------------------------------------------------------
-- Every API function not made yet, for code that looks at the global table as a whole.
---------------------------------------------------------------------------------------------
function rare.install_every_api()
  local G, made_api, install_api = B.G, B.made_api, B.install_api
  local strfind, tonumber = B.strfind, B.tonumber
  for name, idx in B.gmatch(B.api_numbers, "([^ =]+)=(%d+)") do
    if not made_api[name] and rawget(G, name) == nil and not strfind(name, ".", 1, true) then
      made_api[name] = true
      install_api(tonumber(idx), name)
    end
  end
end

---------------------------------------------------------------------------------------------
-- The comparator of a large table.sort without one (see table.sort in bootstrap.lua),
-- compiled as its own chunk: the CPU hook spares only the bootstrap's code, and the
-- comparator must be stoppable.
---------------------------------------------------------------------------------------------
local less_than

function rare.less_than()
  if not less_than then
    local chunk = loadstring("return function(a, b) return a < b end", "=headless-sort")
    if not chunk then  -- the state's memory cap
      error(caller_position() .. "not enough memory", 0)
    end
    less_than = chunk()
  end
  return less_than
end

---------------------------------------------------------------------------------------------
-- Host functions.
---------------------------------------------------------------------------------------------
-- Sources of the Lua frames on the stack (innermost first), for blaming an addon.
function P.stack_sources()
  local out = {}
  for level = 2, 60 do
    local info = getinfo(level, "Sl")
    if not info then
      break
    end
    if info.what ~= "C" and not is_client_source(info.source) then
      out[#out + 1] = info.source
      out[#out + 1] = info.currentline or -1
    end
  end
  return out
end

-- A global as the client's own XML loader binds it (function= handlers): its value, an API
-- function, or the stub of a known function the client does not implement; nil otherwise.
-- No metamethod an addon set runs.
local missing_cache, resolve_global, not_implemented =
  B.missing_cache, B.resolve_global, B.not_implemented

function P.client_global(name)
  local value = P.rawglobal(name)
  if value == nil and type(name) == "string" and resolve_global(name) == true then
    value = missing_cache[name] or not_implemented(name)
    missing_cache[name] = value
  end
  return value
end

-- The client's own method `name` as widgets of `kind` have it (a kind inherits its parents'
-- methods), whatever a widget's table or metatable put in front of it; nil when the kind has
-- no such method.
local widget_method, method_closure = B.widget_method, B.method_closure

function P.client_method(kind, name)
  local idx = widget_method(kind, name)
  if idx == nil then
    return nil
  elseif idx == 0 then
    return not_implemented(kind .. ":" .. name)
  end
  return method_closure(name, idx)
end

return rare
