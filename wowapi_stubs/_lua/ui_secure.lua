-- The built-in UI's secure handlers: the restricted environment in which the SecureHandler
-- templates run an addon's snippets (code strings kept in attributes such as "_onstate-page",
-- or passed to Execute and WrapScript), written for the headless client. Loaded the first
-- time an addon reads one of the globals it defines.
--
-- A snippet runs as a function of its header (the frame whose methods or attributes hold it):
--   * its globals are the header's own table: what one snippet assigns the header's other
--     snippets read (its children's "_childupdate" snippets included); reads fall back to the
--     few functions restricted code may call (string, math and table helpers, macro
--     conditionals, unit and action queries), nothing else of _G;
--   * frames reach it as handles, tables whose methods (Show, SetAttribute, GetFrameRef...) act
--     on the frame; `control` is the header's control handle (RunFor, RunAttribute,
--     ChildUpdate, CallMethod); `owner` is the header's handle;
--   * values it reads from attributes and methods are strings, numbers, booleans and handles:
--     other tables and functions read as nil; `newtable(...)` makes a table.
-- A snippet's code counts as the client's for issecure: its execution is secure when what
-- started it is (a state driver, a click) and tainted when an addon called it directly.
-- Errors raise at the caller, named after the snippet ("Header:_onstate-page:3: ...").
local P = ...
local G = _G
local type, select, error, pairs, tostring, strsub, strformat =
  type, select, error, pairs, tostring, string.sub, string.format
local setfenv, compile = P.raw_setfenv, P.compile

---------------------------------------------------------------------------------------------
-- What restricted code may call (read from the client's globals when first used).
---------------------------------------------------------------------------------------------
local ALLOWED = {}
for name in string.gmatch([[
  type select tostring tonumber pairs ipairs next unpack error assert
  strsub strlen strlower strupper strfind strmatch strrep strbyte strchar strtrim strsplit
  strjoin strconcat format gsub gmatch tinsert tremove wipe sort
  abs ceil floor max min mod sqrt exp log log10 random
  SecureCmdOptionParse GetBindingKey GetActionInfo HasAction IsHelpfulSpell IsHarmfulSpell
  IsHelpfulItem IsHarmfulItem IsModifiedClick IsModifierKeyDown IsShiftKeyDown IsControlKeyDown
  IsAltKeyDown GetMouseButtonClicked GetTime UnitExists UnitIsDead UnitIsGhost UnitCanAttack
  UnitCanAssist UnitIsPlayer UnitPlayerOrPetInParty UnitPlayerOrPetInRaid UnitHasVehicleUI
  GetNumPartyMembers GetNumRaidMembers GetRealNumPartyMembers GetRealNumRaidMembers
  GetActionBarPage GetBonusBarOffset GetShapeshiftForm GetShapeshiftFormInfo IsStealthed
  IsMounted IsFlying IsSwimming IsIndoors IsOutdoors IsFlyableArea PlayerCanAttack
  PlayerCanAssist GetMultiCastTotemSpells GetModifiedClick GetCursorInfo
]], "%S+") do
  ALLOWED[name] = true
end

local LIBRARIES = {
  string = { "byte", "char", "find", "format", "gmatch", "gsub", "len", "lower", "match", "rep",
    "reverse", "sub", "upper" },
  math = { "abs", "ceil", "cos", "deg", "exp", "floor", "fmod", "huge", "log", "log10", "max",
    "min", "modf", "pi", "pow", "rad", "random", "sin", "sqrt", "tan" },
  table = { "concat", "insert", "remove", "sort", "wipe", "maxn" },
}

local restricted_globals = {}
local made_here = setmetatable({}, { __mode = "k" }) -- tables restricted code made
local function newtable(...)
  local made = { ... }
  made_here[made] = true
  return made
end

local RESTRICTED_META = {
  __index = function(_, key)
    local value = restricted_globals[key]
    if value ~= nil then
      return value
    end
    if ALLOWED[key] then
      value = P.client_global(key)
      if value == nil then -- a function the client writes in Lua, made when first read
        value = G[key]
      end
    elseif LIBRARIES[key] then
      local library, copy = P.client_global(key), {}
      for _, member in pairs(LIBRARIES[key]) do
        copy[member] = library and library[member]
      end
      value = copy
    elseif key == "newtable" then
      value = newtable
    end
    restricted_globals[key] = value
    return value
  end,
}

---------------------------------------------------------------------------------------------
-- Frame handles.
---------------------------------------------------------------------------------------------
local frame_of = setmetatable({}, { __mode = "k" })  -- handle -> frame
local handle_of = setmetatable({}, { __mode = "k" }) -- frame -> handle
local HANDLE_METHODS = {}
local HANDLE_META = { __index = HANDLE_METHODS, __metatable = false }

local function handle(frame)
  local found = handle_of[frame]
  if not found then
    found = setmetatable({}, HANDLE_META)
    handle_of[frame], frame_of[found] = found, frame
  end
  return found
end

P.frame_handle = handle -- the group headers' "frameref-child<n>" attributes

local function is_widget(value)
  return type(value) == "table" and P.widget_id(value) ~= nil
end

-- A value as restricted code may hold it: frames become handles; other tables and functions
-- are nil (tables restricted code made with newtable stay as they are).
local function restricted(value)
  local kind = type(value)
  if kind == "table" then
    if frame_of[value] or made_here[value] then
      return value
    end
    return is_widget(value) and handle(value) or nil
  elseif kind == "function" or kind == "userdata" or kind == "thread" then
    return nil
  end
  return value
end

local function restricted_all(n, first, ...)
  if n == 0 then
    return
  end
  return restricted(first), restricted_all(n - 1, ...)
end

local function restricted_results(...)
  return restricted_all(select("#", ...), ...)
end

local function as_frame(value)
  return type(value) == "table" and frame_of[value] or value
end

local function frames_all(n, first, ...)
  if n == 0 then
    return
  end
  return as_frame(first), frames_all(n - 1, ...)
end

-- What handle `value` stands for in `owners`, or an error at the snippet's line.
local function owner_or_error(owners, value, kind, name)
  local owner = owners[value]
  if owner == nil then
    error(strformat("Invalid %s handle for '%s'", kind, name), 4)
  end
  return owner
end

local function frame_or_error(self, name)
  return owner_or_error(frame_of, self, "frame", name)
end

-- The client's own method (what an addon's override of it on a frame table cannot replace).
local client_methods = {}
local function client_method(name)
  local method = client_methods[name]
  if method == nil then
    method = P.client_method("Button", name)
    client_methods[name] = method
  end
  return method
end

local BUTTON_ONLY = { Enable = true, Disable = true, IsEnabled = true, Click = true }
local function own_method(frame, name)
  local method = client_method(name)
  if method == nil or BUTTON_ONLY[name] and not client_method("IsObjectType")(frame, "Button") then
    error(strformat("attempt to call method '%s' (a nil value)", name), 3)
  end
  return method
end

for name in string.gmatch([[
  GetName GetID GetObjectType IsObjectType IsProtected IsShown IsVisible GetWidth GetHeight
  GetRect GetCenter GetLeft GetRight GetTop GetBottom GetNumPoints GetPoint GetScale
  GetEffectiveScale GetAlpha GetFrameLevel GetFrameStrata GetParent GetAttribute
  Show Hide SetAttribute SetWidth SetHeight SetPoint ClearAllPoints SetAllPoints SetFrameLevel
  SetFrameStrata SetScale SetAlpha Raise Lower SetID Enable Disable IsEnabled SetParent
  GetChildren
]], "%S+") do
  HANDLE_METHODS[name] = function(self, ...)
    local frame = frame_or_error(self, name)
    local method = own_method(frame, name)
    return restricted_results(method(frame, frames_all(select("#", ...), ...)))
  end
end

local function get_attribute(frame, name)
  return own_method(frame, "GetAttribute")(frame, name)
end

local function set_attribute(frame, name, value)
  return own_method(frame, "SetAttribute")(frame, name, value)
end

function HANDLE_METHODS:GetFrameRef(id)
  local frame = frame_or_error(self, "GetFrameRef")
  return restricted(get_attribute(frame, "frameref-" .. tostring(id)))
end

-- Bindings a handle sets are override bindings its frame owns.
local function override(api, frame, ...)
  return P.client_global(api)(frame, ...)
end

local function binding_target(target)
  if type(target) == "table" and frame_of[target] then
    return own_method(frame_of[target], "GetName")(frame_of[target])
  end
  return target
end

function HANDLE_METHODS:SetBindingClick(priority, key, target, button)
  local frame = frame_or_error(self, "SetBindingClick")
  return override("SetOverrideBindingClick", frame, priority, key, binding_target(target), button)
end

for method, api in pairs({ SetBinding = "SetOverrideBinding",
  SetBindingSpell = "SetOverrideBindingSpell", SetBindingItem = "SetOverrideBindingItem",
  SetBindingMacro = "SetOverrideBindingMacro" }) do
  HANDLE_METHODS[method] = function(self, priority, key, value)
    return override(api, frame_or_error(self, method), priority, key, value)
  end
end

function HANDLE_METHODS:ClearBinding(key)
  return override("SetOverrideBinding", frame_or_error(self, "ClearBinding"), false, key, nil)
end

function HANDLE_METHODS:ClearBindings()
  return override("ClearOverrideBindings", frame_or_error(self, "ClearBindings"))
end

---------------------------------------------------------------------------------------------
-- Snippets: compiled once per header (their globals are the header's).
---------------------------------------------------------------------------------------------
local envs = setmetatable({}, { __mode = "k" })      -- header -> its snippets' globals
local compiled = setmetatable({}, { __mode = "k" })  -- globals -> params and body -> function
local MAX_COMPILED = 512  -- per header: past this, snippets compile at each run
local control_of

local function env_of(header)
  local env = envs[header]
  if env == nil then
    env = setmetatable({}, RESTRICTED_META)
    env.owner, env.control = handle(header), control_of(header)
    envs[header], compiled[env] = env, { count = 0, functions = {} }
  end
  return env
end

local function label(frame, what)
  local name = own_method(frame, "GetName")(frame)
  return (name or ("<unnamed " .. own_method(frame, "GetObjectType")(frame) .. ">")) .. ":" .. what
end

-- `name` names the snippet in its errors ("Header:_onstate-page").
local function snippet(header, name, params, body)
  if type(body) ~= "string" then
    error(strformat("%s: the snippet must be a string (got %s)", name, type(body)), 0)
  end
  if #body > P.max_source_bytes then -- compiling runs in C, past the CPU deadline's reach
    error(strformat("%s: the snippet is %d bytes, more than the client compiles (%d)", name,
      #body, P.max_source_bytes), 0)
  end
  local env = env_of(header)
  local cache, key = compiled[env], params .. "\n" .. body
  local fn = cache.functions[key]
  if fn == nil then
    local factory, message = compile("return function(" .. params .. ") " .. body .. "\nend",
      "=" .. name)
    if not factory then
      error(message, 0)
    end
    setfenv(factory, env)
    fn = factory()
    P.mark_blizzard(fn)
    if cache.count < MAX_COMPILED then
      cache.count, cache.functions[key] = cache.count + 1, fn
    end
  end
  return fn
end

-- Run `body` for `header` with `params` bound to the arguments as restricted values.
local function run(header, name, params, body, ...)
  return snippet(header, name, params, body)(restricted_all(select("#", ...), ...))
end

-- The same, for arguments restricted code passed (its own tables stay as they are).
local function run_passed(header, name, params, body, ...)
  return snippet(header, name, params, body)(...)
end

local function check_frame(value, usage)
  if not is_widget(value) then
    error("Usage: " .. usage, 3)
  end
  return value
end

---------------------------------------------------------------------------------------------
-- The control handle of a header.
---------------------------------------------------------------------------------------------
local header_of = setmetatable({}, { __mode = "k" })  -- control -> header
local controls = setmetatable({}, { __mode = "k" })   -- header -> control
local CONTROL_METHODS = {}
local CONTROL_META = { __index = CONTROL_METHODS, __metatable = false }

control_of = function(header)
  local found = controls[header]
  if found == nil then
    found = setmetatable({}, CONTROL_META)
    controls[header], header_of[found] = found, header
  end
  return found
end

local function header_or_error(control, name)
  return owner_or_error(header_of, control, "control", name)
end

function CONTROL_METHODS:RunFor(target, body, ...)
  local header = header_or_error(self, "RunFor")
  if frame_of[target] == nil then
    error("Invalid frame handle for 'RunFor'", 2)
  end
  return run_passed(header, label(header, "RunFor"), "self, ...", body, target, ...)
end

function CONTROL_METHODS:Run(body, ...)
  local header = header_or_error(self, "Run")
  return run_passed(header, label(header, "Run"), "self, ...", body, handle(header), ...)
end

function CONTROL_METHODS:RunAttribute(name, ...)
  local header = header_or_error(self, "RunAttribute")
  return run_passed(header, label(header, tostring(name)), "self, ...",
    get_attribute(header, name), handle(header), ...)
end

-- Each child's "_childupdate-<id>" snippet (or its "_childupdate"), with the header's globals.
function CONTROL_METHODS:ChildUpdate(id, message)
  local header = header_or_error(self, "ChildUpdate")
  local children = { own_method(header, "GetChildren")(header) }
  for i = 1, #children do
    local child = children[i]
    local what = id ~= nil and "_childupdate-" .. tostring(id) or "_childupdate"
    local body = id ~= nil and get_attribute(child, what) or nil
    if body == nil then
      what, body = "_childupdate", get_attribute(child, "_childupdate")
    end
    if type(body) == "string" then
      run_passed(header, label(child, what), "self, scriptid, message", body, handle(child), id,
        message)
    end
  end
end

-- An addon method of the header, called as securecall calls (its errors are reported).
function CONTROL_METHODS:CallMethod(name, ...)
  local header = header_or_error(self, "CallMethod")
  local method = header[name]
  if type(method) ~= "function" then
    error(strformat("Invalid method '%s'", tostring(name)), 2)
  end
  P.client_global("securecall")(method, header, ...)
end

---------------------------------------------------------------------------------------------
-- SecureHandler functions and the templates' script handlers.
---------------------------------------------------------------------------------------------
function SecureHandlerExecute(header, body)
  check_frame(header, "SecureHandlerExecute(frame, body)")
  run(header, label(header, "Execute"), "self, ...", body, header)
end

function SecureHandlerSetFrameRef(header, id, frame)
  check_frame(header, "SecureHandlerSetFrameRef(frame, label, refFrame)")
  set_attribute(header, "frameref-" .. tostring(id),
    check_frame(frame, "SecureHandlerSetFrameRef(frame, label, refFrame)") and handle(frame))
end

function SecureHandler_StateOnAttributeChanged(self, name, value)
  if type(name) == "string" and strsub(name, 1, 6) == "state-" then
    local id = strsub(name, 7)
    local body = get_attribute(self, "_onstate-" .. id)
    if body ~= nil then
      run(self, label(self, "_onstate-" .. id), "self, stateid, newstate", body, self, id, value)
    end
  end
end

function SecureHandler_AttributeOnAttributeChanged(self, name, value)
  if type(name) == "string" and strsub(name, 1, 1) ~= "_" then
    local body = get_attribute(self, "_onattributechanged")
    if body ~= nil then
      run(self, label(self, "_onattributechanged"), "self, name, value", body, self, name,
        value)
    end
  end
end

function SecureHandler_OnClick(self, what, button, down)
  local body = get_attribute(self, what)
  if body ~= nil then
    run(self, label(self, what), "self, button, down", body, self, button, down)
  end
end

function SecureHandler_OnSimpleEvent(self, what)
  local body = get_attribute(self, what)
  if body ~= nil then
    run(self, label(self, what), "self", body, self)
  end
end

function SecureHandler_OnMouseUpDown(self, what, button)
  local body = get_attribute(self, what)
  if body ~= nil then
    run(self, label(self, what), "self, button", body, self, button)
  end
end

function SecureHandler_OnMouseWheel(self, what, offset)
  local body = get_attribute(self, what)
  if body ~= nil then
    run(self, label(self, what), "self, offset", body, self, offset)
  end
end

-- A drag snippet answers what to put on the cursor ("action", slot; "spell", id...), false to
-- do nothing, or "message" and a message.
local PICKUPS = { action = "PickupAction", spell = "PickupSpell", macro = "PickupMacro",
  item = "PickupItem", petaction = "PickupPetAction", companion = "PickupCompanion",
  equipmentset = "PickupEquipmentSetByName" }

local function pick_up(kind, ...)
  if kind == "clear" then
    P.client_global("ClearCursor")()
  elseif PICKUPS[kind] then
    P.client_global(PICKUPS[kind])(...)
  end
end

local function drag_results(kind, target, ...)
  if kind == false then
    return false
  elseif kind == "message" then
    return true, target
  end
  pick_up(kind, target, ...)
  return true
end

function SecureHandler_OnDragEvent(self, what, button)
  local body = get_attribute(self, what)
  if body ~= nil then
    drag_results(run(self, label(self, what), "self, button, kind, value, ...", body, self, button,
      P.client_global("GetCursorInfo")()))
  end
end

-- The handlers each SecureHandler template gives its frame (by script).
P.secure_template_handlers = {
  state = { OnAttributeChanged = SecureHandler_StateOnAttributeChanged },
  attribute = { OnAttributeChanged = SecureHandler_AttributeOnAttributeChanged },
  click = { OnClick = function(self, button, down)
    SecureHandler_OnClick(self, "_onclick", button, down)
  end },
  doubleclick = { OnDoubleClick = function(self, button)
    SecureHandler_OnClick(self, "_ondoubleclick", button)
  end },
  drag = {
    OnDragStart = function(self, button) SecureHandler_OnDragEvent(self, "_ondragstart", button) end,
    OnReceiveDrag = function(self, button)
      SecureHandler_OnDragEvent(self, "_onreceivedrag", button)
    end,
  },
  mouseupdown = {
    OnMouseDown = function(self, button) SecureHandler_OnMouseUpDown(self, "_onmousedown", button) end,
    OnMouseUp = function(self, button) SecureHandler_OnMouseUpDown(self, "_onmouseup", button) end,
  },
  mousewheel = { OnMouseWheel = function(self, offset)
    SecureHandler_OnMouseWheel(self, "_onmousewheel", offset)
  end },
  enterleave = {
    OnEnter = function(self) SecureHandler_OnSimpleEvent(self, "_onenter") end,
    OnLeave = function(self) SecureHandler_OnSimpleEvent(self, "_onleave") end,
  },
  showhide = {
    OnShow = function(self) SecureHandler_OnSimpleEvent(self, "_onshow") end,
    OnHide = function(self) SecureHandler_OnSimpleEvent(self, "_onhide") end,
  },
}

---------------------------------------------------------------------------------------------
-- Wrapped scripts: the header's snippet runs before the frame's own handler (and may stop it
-- or change the mouse button), its second snippet after it when the first gave a message.
---------------------------------------------------------------------------------------------
local WRAP_PARAMS = {
  OnClick = "button, down", OnDoubleClick = "button", OnMouseDown = "button",
  OnMouseUp = "button", OnMouseWheel = "offset", OnAttributeChanged = "name, value",
  OnDragStart = "button, kind, value, ...", OnReceiveDrag = "button, kind, value, ...",
}
local wraps = setmetatable({}, { __mode = "k" })  -- frame -> script -> list of wraps

local function wrapper_for(frame, script, header, pre, post, original)
  local params = WRAP_PARAMS[script]
  local pre_params = params and "self, " .. params or "self, ..."
  local post_params = params and "self, message, " .. params or "self, message, ..."
  local what = label(frame, script) .. " wrapped by "
    .. (own_method(header, "GetName")(header) or "<unnamed>")
  if script == "OnClick" then
    return function(self, button, down)
      local newbutton, message = run(header, what, pre_params, pre, self, button, down)
      if newbutton == false then
        return
      end
      if type(newbutton) == "string" then
        button = newbutton
      end
      if original then
        original(self, button, down)
      end
      if post and message ~= nil then
        run(header, what .. " after", post_params, post, self, message, button, down)
      end
    end
  end
  local drag = script == "OnDragStart" or script == "OnReceiveDrag"
  return function(self, ...)
    local allow, message
    if drag then
      allow, message = drag_results(run(header, what, pre_params, pre, self, ...,
        P.client_global("GetCursorInfo")()))
    else
      allow, message = run(header, what, pre_params, pre, self, ...)
    end
    if allow == false then
      return
    end
    if original then
      original(self, ...)
    end
    if post and message ~= nil then
      run(header, what .. " after", post_params, post, self, message, ...)
    end
  end
end

local WRAP_USAGE = "SecureHandlerWrapScript(frame, script, header, preBody [, postBody])"
function SecureHandlerWrapScript(frame, script, header, pre, post)
  check_frame(frame, WRAP_USAGE)
  check_frame(header, WRAP_USAGE)
  if type(script) ~= "string" or type(pre) ~= "string" or (post ~= nil and type(post) ~= "string") then
    error("Usage: " .. WRAP_USAGE, 2)
  end
  if not own_method(frame, "HasScript")(frame, script) then
    error(strformat("%s doesn't have a \"%s\" script", own_method(frame, "GetObjectType")(frame),
      script), 2)
  end
  local original = own_method(frame, "GetScript")(frame, script)
  local wrapper = wrapper_for(frame, script, header, pre, post, original)
  own_method(frame, "SetScript")(frame, script, wrapper)
  local by_script = wraps[frame] or {}
  wraps[frame] = by_script
  local list = by_script[script] or {}
  by_script[script] = list
  list[#list + 1] = { header = header, pre = pre, post = post, original = original,
    wrapper = wrapper }
end

-- The last wrap of the script, undone while the frame's handler is still its wrapper;
-- returns its header and snippets.
function SecureHandlerUnwrapScript(frame, script)
  check_frame(frame, "SecureHandlerUnwrapScript(frame, script)")
  local list = wraps[frame] and wraps[frame][script]
  local last = list and list[#list]
  if not last or own_method(frame, "GetScript")(frame, script) ~= last.wrapper then
    return nil
  end
  list[#list] = nil
  own_method(frame, "SetScript")(frame, script, last.original)
  return last.header, last.pre, last.post
end
