-- Bootstrap of the headless WoW 3.3.5a Lua environment.
--
-- Runs once per client with the full Lua 5.1 library, keeps what the host needs (debug hooks,
-- os.clock) in upvalues, then builds the global environment an addon sees in the 3.3.5a
-- client. Returns a private table of host functions; addon code can reach none of them.
--
-- Two global tables. HOST_G is the Lua state's own global table: lupa reads it (it looks up
-- `debug` before every call from Python, outside any protected call), so addon code never
-- runs in it and can never reach it; it is emptied at the end of this file. G is the
-- addon-visible global table (`_G`, `getfenv(0)` inside addon code): every chunk the client
-- compiles or loads runs with G as its environment, and API functions, widgets by name and
-- the client's own Lua globals are installed there (see P.setglobal / P.rawglobal).
local host = ...

local HOST_G = _G
local G = {}
local type, select, error, tostring, pairs, next = type, select, error, tostring, pairs, next
local tonumber = tonumber
local rawget, rawset, setmetatable, getmetatable = rawget, rawset, setmetatable, getmetatable
local xpcall, pcall, unpack, newproxy = xpcall, pcall, unpack, newproxy
local loadstring, load = loadstring, load
local getfenv, setfenv = getfenv, setfenv
local dump = string.dump
local strsub, strfind, strformat = string.sub, string.find, string.format
local concat, tinsert, tremove, maxn, sort = table.concat, table.insert, table.remove, table.maxn, table.sort
local huge = math.huge
local sethook, gethook, getinfo, traceback = debug.sethook, debug.gethook, debug.getinfo, debug.traceback
local rawmeta = debug.getmetatable
local clock = os.clock
local co_create, co_wrap, co_resume, co_running = coroutine.create, coroutine.wrap, coroutine.resume, coroutine.running
local collectgarbage = collectgarbage
local gcinfo = gcinfo  -- the state's memory in KiB (floor): the cheap check before host calls

-- What the 3.3.5a client does not offer (everything else of the Lua 5.1 base library is
-- copied into G). print is the client's own (lualib_extra.lua, made when first read).
local ABSENT = { io = true, os = true, require = true, package = true, loadfile = true,
  dofile = true, debug = true, module = true, python = true, _G = true, print = true }
for name, value in pairs(HOST_G) do
  if not ABSENT[name] then
    G[name] = value
  end
end
G._G = G

-- The global table of each thread as addon code sees it (set with setfenv(0, t)); G unless
-- changed. See "Environments" below.
local MAIN = {}
local thread_globals = setmetatable({}, { __mode = "k" })

local function current_globals()
  return thread_globals[co_running() or MAIN] or G
end

-- A new coroutine starts with its creator's global table, as lua_newthread does.
local function inherit_globals(thread)
  local globals = thread_globals[co_running() or MAIN]
  if globals then
    thread_globals[thread] = globals
  end
end


local api_call, method_call, report_error = host.api_call, host.method_call, host.report_error

-- The host passes name lists as strings of single-space separated names (cheaper than
-- building tables); they are read with plain finds (pattern matching costs ~10x more).

local P = {}
local ERR = {}
P.ERR = ERR

---------------------------------------------------------------------------------------------
-- CPU limit: a count hook stops an entry into Lua that runs past its CPU deadline.
---------------------------------------------------------------------------------------------
local HOOK_COUNT = 10000
local cpu_limit = host.cpu_limit
-- The current entry's CPU deadline; false while an entry runs whose deadline is not set yet.
-- The first hook of an entry sets it (at most HOOK_COUNT instructions after the entry
-- began), so entering Lua costs no clock read.
local deadline = huge
local depth = 0
local overrun = false

local caller_position  -- defined below: the addon file:line an error should name
local rare, load_rare  -- defined below: the rarely used parts, loaded on first use

local function gethook_count()
  local _, _, count = gethook()
  return count
end

local KILLED = "script ran too long (over %.2f s of CPU)"
local interrupted  -- the host's reason to stop the running entry (see P.interrupt)

local function kill_text()
  return interrupted or strformat(KILLED, cpu_limit)
end

-- In an isolation worker locating a crash, the hook also sees every line (HOOK_MASK "l")
-- and hands each addon line to the host, so the last one names where the VM died.
local trace_line = host.trace_line
local HOOK_MASK = trace_line and "l" or ""

-- Python's cycle collector runs inside host calls, at moments no addon chooses, and its CPU
-- time is the process's: the time its collections took since the entry began is added to
-- the entry's deadline (asked only when the deadline looks passed).
local gc_time_since = host.gc_time_since
local gc_extension = 0  -- what was added so far to the running entry's deadline

local function past(now, limit)
  if now <= limit then
    return false
  elseif gc_time_since and limit ~= -huge then
    -- Protected: at the memory cap the call into the host can fail, and a hook that fails
    -- before it marks the overrun would leave the runaway code running (its error, "not
    -- enough memory", is one an addon's pcall swallows). Failing, no time is added.
    local ok, extra = pcall(gc_time_since, limit - gc_extension - cpu_limit)
    if ok and extra > gc_extension then
      limit = limit - gc_extension + extra
      gc_extension, deadline = extra, limit
      return now > limit
    end
  end
  return true
end

local function cpu_hook(event, line)
  if event == "line" then
    local info = getinfo(2, "S")
    if strsub(info.source, 1, 10) ~= "=headless-" then
      trace_line(info.short_src, line)
    end
    return
  end
  local now, limit = clock(), deadline
  if not limit then
    deadline, gc_extension = now + cpu_limit, 0
  elseif now > limit then
    if getfenv(2) == HOST_G then
      -- The client's own entry code (it ends the entry itself): nothing here may fail, and
      -- at the memory cap every call that allocates can (getinfo's table, a call into the
      -- host); the addon code it returns to is stopped at its next instruction.
      return
    end
    -- From now on every thread that runs checks every instruction, so a pcall loop cannot
    -- hide the runaway code (the hook is per thread: set it again in whichever runs). Set
    -- before anything that may fail: at the memory cap a call can raise "not enough
    -- memory" here, an error an addon's pcall swallows.
    local was_overrun = overrun
    overrun = true
    sethook(cpu_hook, HOOK_MASK, 1)
    if not past(now, limit) then  -- the time the host's collector took was added
      overrun = was_overrun
      if not was_overrun then
        sethook(cpu_hook, HOOK_MASK, HOOK_COUNT)
      end
      return
    end
    local info = getinfo(2, "S")
    if info then
      if strsub(info.source, 1, 10) == "=headless-" then
        error(caller_position() .. kill_text(), 0)  -- blame the addon's call
      end
      error(kill_text(), 2)
    end
  elseif overrun == false and gethook_count() == 1 then
    sethook(cpu_hook, HOOK_MASK, HOOK_COUNT)  -- a thread left checking every instruction
  end
end

local function arm_thread(thread)
  if thread then
    sethook(thread, cpu_hook, HOOK_MASK, HOOK_COUNT)
  else
    sethook(cpu_hook, HOOK_MASK, HOOK_COUNT)
  end
end
arm_thread()

-- The host's CPU watchdog (wowapi_stubs/_cpu_watchdog.py) makes the hook of the running
-- threads fire at their next instruction, every few hundredths of a second, so a loop of
-- slow C calls meets its deadline too. A coroutine is a thread of its own: the first resume
-- of each in an entry tells the watchdog of it (it keeps the coroutine alive and pokes it
-- until the outermost entry ends). P.watch_threads installs this; without the watchdog,
-- resume stays C's.
local watch_thread, watch_reset
local watched = nil  -- the coroutines the watchdog was told of in this entry
local thread_addresses = setmetatable({}, { __mode = "k" })
local function tell_watchdog(thread)
  local told = watched
  if not told then
    told = {}
    watched = told
  end
  local address = thread_addresses[thread]
  if not address then
    address = tonumber(strsub(tostring(thread), 9))  -- "thread: 0x..."
    thread_addresses[thread] = address
  end
  watch_thread(address, thread)
  told[thread] = true
end
local function resume(thread, ...)
  if watch_thread then
    if type(thread) ~= "thread" then
      error("bad argument #1 to 'resume' (coroutine expected)", 2)
    end
    if not (watched and watched[thread]) then
      -- Protected: resume also runs error handlers and finalizers, where a failure (at the
      -- memory cap) must not replace the error; untold, the count hook alone applies.
      pcall(tell_watchdog, thread)
    end
  end
  return co_resume(thread, ...)
end
local coroutine_library = coroutine  -- G.coroutine (the host's global table is emptied)
function P.watch_threads(enter, reset)
  watch_thread, watch_reset = enter, reset
  coroutine_library.resume = resume
end

coroutine.create = function(f)
  local thread = co_create(f)
  inherit_globals(thread)
  arm_thread(thread)
  return thread
end
coroutine.wrap = function(f)
  local thread = co_create(f)
  inherit_globals(thread)
  arm_thread(thread)
  return function(...)
    local results = { resume(thread, ...) }
    if not results[1] then
      error(results[2], 2)
    end
    return unpack(results, 2, maxn(results))
  end
end

-- LoadAddOn called by a script: the addon it loads is timed as at login, each of its files
-- under a CPU deadline of its own, and the time spent loading is not the calling script's
-- (the 3.3.5a client loads a large load-on-demand addon from any script). Returns what
-- P.end_addon_load needs: the calling entry's remaining time (false: not armed yet).
function P.begin_addon_load()
  local saved = deadline
  if saved and saved ~= huge then
    return saved - clock()
  end
  return saved
end

function P.addon_file_deadline()
  if depth > 0 then
    deadline = clock() + cpu_limit
  end
end

function P.end_addon_load(remaining)
  if depth > 0 and not overrun then
    if remaining and remaining ~= huge then
      deadline = clock() + remaining
    else
      deadline = remaining
    end
  end
end

function P.set_cpu_limit(seconds)
  cpu_limit = seconds
end

---------------------------------------------------------------------------------------------
-- Errors: every entry from the host runs under xpcall; errors are reported to the host with
-- a traceback, then passed to the addon-visible error handler (geterrorhandler()).
---------------------------------------------------------------------------------------------
local user_handler
local reported
local context = "?"

-- After the CPU hook raised an error, Lua runs error handlers with hooks off until the error
-- reaches its pcall; a handler that loops would then never stop. So once an entry has run
-- past its deadline, addon error handlers run in a coroutine (hooks on, same deadline), and
-- the handler of an addon's xpcall is not called at all (see G.xpcall).
local function call_handler(handler, msg)
  if overrun then
    local ok, thread = pcall(co_create, handler)
    if ok then
      arm_thread(thread)
      resume(thread, msg)
    end
  else
    pcall(handler, msg)
  end
end

-- What the host records of an error value: strings and numbers as they are, anything else
-- by its type (no __tostring runs: it could fail or loop with hooks off).
local function error_text(msg)
  local kind = type(msg)
  if kind == "string" or kind == "number" then
    return msg
  end
  return "(error object is a " .. kind .. " value)"
end

-- What the host gets of an error: its text, or a userdata as it is (a failure of the host's
-- own bridge arrives as one; the host words it).
local function reported_error(msg)
  return type(msg) == "userdata" and msg or error_text(msg)
end

local function error_handler(msg)
  local ok_tb, tb = pcall(traceback, "", 2)
  report_error(reported_error(msg), ok_tb and tb or "", context)
  -- Only once the host has it: calls nested as deep as the C stack allows fail again here
  -- ("error in error handling"), and leaving the entry then reports the error instead.
  reported = true
  local handler = user_handler
  if handler then
    call_handler(handler, msg)
  end
  return msg
end

G.xpcall = function(f, handler)
  if type(handler) ~= "function" then
    return xpcall(f, handler)
  end
  return xpcall(f, function(msg)
    if overrun then
      return msg
    end
    return (handler(msg))
  end)
end

local function default_error_handler(msg)
  -- The client's own handler records the message (addons call geterrorhandler()(msg)).
  if not reported then
    local ok_tb, tb = pcall(traceback, "", 2)
    report_error(error_text(msg), ok_tb and tb or "", "geterrorhandler()")
  end
  return msg
end

G.geterrorhandler = function()
  return user_handler or default_error_handler
end
G.seterrorhandler = function(handler)
  if type(handler) ~= "function" then
    error("Usage: seterrorhandler(errfunc)", 2)
  end
  user_handler = handler
end

---------------------------------------------------------------------------------------------
-- __gc finalizers (userdata made by newproxy(true)). The collector runs finalizers with
-- hooks off, anywhere an allocation happens (also while Python pushes values, outside any
-- protected call), so an addon finalizer never runs there: addon code sees a stand-in for a
-- userdata's metatable (G.getmetatable) whose __gc is kept aside; the collector calls the
-- client's own finalizer, which queues the addon's. Queued finalizers run in coroutines
-- (hooks on) before the next entry from the host, under one shared CPU deadline, or at the
-- end of the addon's own collectgarbage() call, under that entry's deadline.
---------------------------------------------------------------------------------------------
local GC_FN = {}
local MAX_PENDING_GC = 4096
local pending_gc, pending_n, dropped_gc = {}, 0, 0
local closing = false

local function queue_finalizer(meta, u)
  local fn = rawget(meta, GC_FN)
  if closing or fn == nil then
    return
  end
  if pending_n >= 2 * MAX_PENDING_GC then
    dropped_gc = dropped_gc + 1
    return
  end
  pending_gc[pending_n + 1], pending_gc[pending_n + 2] = fn, u
  pending_n = pending_n + 2
end

local function run_finalizers(own_deadline)
  local list, n, dropped = pending_gc, pending_n, dropped_gc
  pending_gc, pending_n, dropped_gc = {}, 0, 0
  local saved_context = context
  context = "__gc finalizer"
  if own_deadline then
    depth = depth + 1
    deadline, overrun, interrupted, gc_extension = clock() + cpu_limit, false, nil, 0
  end
  if dropped > 0 then
    report_error(strformat("%d __gc finalizers not run (over %d waiting)", dropped,
      MAX_PENDING_GC), "", context)
  end
  for i = 1, n, 2 do
    local ok, thread = pcall(co_create, list[i])
    if ok then
      arm_thread(thread)
      local done, err = resume(thread, list[i + 1])
      if not done then
        report_error(error_text(err), "", context)
      end
    else
      report_error("attempt to call a " .. type(list[i]) .. " value (__gc)", "", context)
    end
  end
  context = saved_context
  if own_deadline then
    depth = depth - 1
    deadline, interrupted = huge, nil
    if overrun then
      overrun = false
      arm_thread()
    end
  end
end

G.getmetatable = function(value)
  if type(value) == "userdata" then
    local meta = rawmeta(value)
    if meta == nil then
      return nil
    end
    local shown = rawget(meta, "__metatable")
    if shown ~= nil then
      return shown
    end
    return (rare or load_rare()).metatable_proxy(meta)
  end
  return getmetatable(value)
end

local function after_collect(...)
  if depth > 0 and pending_n + dropped_gc > 0 then
    run_finalizers(false)
  end
  return ...
end

G.collectgarbage = function(...)
  return after_collect(collectgarbage(...))
end

-- The client is closing: no addon finalizer runs any more.
function P.close()
  closing = true
  pending_gc, pending_n = {}, 0
end

-- safecall(label, f, ...): run f(...) as one entry into Lua; returns ok and f's results.
-- The call goes through a shared trampoline (no closure per call); nested entries save and
-- restore what the trampoline reads.
local call_f, call_args, call_n
local function trampoline()
  if call_n == 0 then
    return call_f()
  end
  return call_f(unpack(call_args, 1, call_n))
end

-- Leaving an entry: restore what the trampoline reads, end the CPU deadline of an outer
-- entry, report an error the handler did not see.
local function leave(label, outer, saved_context, saved_f, saved_args, saved_n, ok, msg)
  call_f, call_args, call_n = saved_f, saved_args, saved_n
  depth = depth - 1
  context = saved_context
  if outer then
    deadline = huge
    if overrun then
      overrun = false
      arm_thread()
    end
    if watched then  -- the coroutines resumed in this entry are no longer the watchdog's
      watched = nil
      pcall(watch_reset)
    end
  end
  if not ok then
    if msg == "not enough memory" then
      -- Lua 5.1 has no emergency collection: free what the failed code left behind now,
      -- before the host touches the state again. Protected: at the cap the collector itself
      -- allocates (it shrinks the string table at the end of a cycle), and a failure here,
      -- outside the entry's xpcall, would end the host's call with no error recorded.
      pcall(collectgarbage, "collect")
    end
    if not reported then
      if msg == "error in error handling" then
        -- The handler itself failed: at the C stack's limit (calls between Lua and the
        -- host nested about a hundred deep, a script that reruns itself through the API).
        msg = "error in error handling (the handler could not run: calls nested too deeply,"
          .. " or no memory left)"
      end
      report_error(reported_error(msg), "", label)
    end
  end
end

local function after_call(label, outer, saved_context, saved_f, saved_args, saved_n, ok, ...)
  leave(label, outer, saved_context, saved_f, saved_args, saved_n, ok, (...))
  if not ok then
    return false, (...)
  end
  return ok, ...
end

-- Entering: save what the trampoline reads (nested entries restore it in leave), start the
-- CPU deadline of an outer entry. Returns what leave needs.
local function begin(label, f, args, n)
  if depth == 0 and pending_n + dropped_gc > 0 then
    pcall(run_finalizers, true)
  end
  local saved_f, saved_args, saved_n = call_f, call_args, call_n
  call_f, call_args, call_n = f, args, n
  local outer = depth == 0
  local saved_context = context
  context = label
  if outer then
    deadline = false
    overrun = false
    interrupted = nil
  end
  depth = depth + 1
  reported = false
  return outer, saved_context, saved_f, saved_args, saved_n
end

-- Arguments in a table (f, args, n): the entry used for events, which share one table.
local function enter(label, f, args, n)
  local outer, saved_context, saved_f, saved_args, saved_n = begin(label, f, args, n)
  local ok, msg = xpcall(trampoline, error_handler)
  leave(label, outer, saved_context, saved_f, saved_args, saved_n, ok, msg)
  return ok
end

function P.safecall(label, f, ...)
  local n = select("#", ...)
  local outer, saved_context, saved_f, saved_args, saved_n =
    begin(label, f, n > 0 and { ... } or nil, n)
  return after_call(label, outer, saved_context, saved_f, saved_args, saved_n,
    xpcall(trampoline, error_handler))
end

-- Where each execution the client starts begins on the stack (issecure looks no further).
P.entry_points = { [enter] = true, [P.safecall] = true }

-- Script handlers see the 3.3.5a globals `this` (the frame), `event` (OnEvent) and
-- arg1..arg9 (the handler's arguments after self), set around every handler call and
-- restored after it, nested handlers included. Setting eleven globals per call would be
-- slow (and would make Lua rehash the big global table again and again), so the running
-- handler's frame, event and argument list are kept here and the global table's __index
-- and __newindex (below) serve the names from them. Addon code may assign them: during a
-- handler the value holds until the outermost handler returns; outside handlers it holds
-- until changed.
local KEEP = {}  -- "leave `event` as it is" (handlers other than OnEvent)
local EMPTY = {}
local NIL = {}   -- an assigned nil
local HANDLER_NAMES = { this = 0, event = 0 }
for i = 1, 9 do
  HANDLER_NAMES["arg" .. i] = i
end
local h_this, h_event, h_args, h_first, h_n = nil, nil, EMPTY, 1, 0
local hdepth = 0
local h_writes = nil    -- names assigned during the running handlers
local outside = {}      -- names assigned outside handlers

local function handler_value(key)
  local source = hdepth > 0 and h_writes or outside
  local value = source and source[key]
  if value ~= nil then
    if value == NIL then
      return nil
    end
    return value
  end
  if hdepth == 0 then
    return nil
  elseif key == "this" then
    return h_this
  elseif key == "event" then
    return h_event
  end
  local i = HANDLER_NAMES[key]
  if i <= h_n then
    return h_args[h_first + i - 1]
  end
  return nil
end

local function handler_assign(key, value)
  if value == nil then
    value = NIL
  end
  if hdepth > 0 then
    local writes = h_writes
    if not writes then
      writes = {}
      h_writes = writes
    end
    writes[key] = value
  else
    outside[key] = value
  end
end

local function restore_then(s_this, s_event, s_args, s_first, s_n, ...)
  hdepth = hdepth - 1
  h_this, h_event, h_args, h_first, h_n = s_this, s_event, s_args, s_first, s_n
  if hdepth == 0 then
    h_writes = nil
  end
  return ...
end

-- call_handler(frame, event, args, first, n, run, ...): run(...) (an entry into Lua) with
-- the handler globals of frame, event (or KEEP) and args[first .. first + n - 1].
local function call_handler(frame, event, args, first, n, run, ...)
  local s_this, s_event, s_args, s_first, s_n = h_this, h_event, h_args, h_first, h_n
  h_this, h_args, h_first, h_n = frame, args, first, n
  if event ~= KEEP then
    h_event = event
  end
  hdepth = hdepth + 1
  return restore_then(s_this, s_event, s_args, s_first, s_n, run(...))
end

-- The host caught an outermost entry that Lua ended outside its own protection (out of
-- memory in the collector as a call returned): no entry runs, whatever the unwinding left.
function P.recover_entries()
  if overrun then
    arm_thread()  -- back to the usual hook count (a killed entry checks every instruction)
  end
  depth, context, reported = 0, "?", false
  call_f, call_args, call_n = nil, nil, 0
  deadline, overrun, interrupted = huge, false, nil
  h_this, h_event, h_args, h_first, h_n = nil, nil, EMPTY, 1, 0
  hdepth, h_writes = 0, nil
end

-- run_script(label, f, frame, ...): a non-event script handler as one entry into Lua.
function P.run_script(label, f, frame, ...)
  local n = select("#", ...)
  return call_handler(frame, KEEP, n > 0 and { ... } or EMPTY, 1, n, P.safecall, label, f,
    frame, ...)
end

-- Event dispatch: frames registered per event and their OnEvent scripts live here too, so
-- one entry from the host delivers an event to every frame (each under its own safecall).
-- Each event's frames sit in registration order in a list with holes (false) where frames
-- unregistered, and each frame's slot is kept: registering and unregistering one of 100,000
-- frames costs what it costs for one of ten; the list is compacted once half of it is holes.
local event_frames = {}  -- event -> { [i] = frame or false, n = slots used, holes = k }
local event_slots = {}   -- event -> { [frame] = i }: the frames registered for it
local newest_first = false  -- the client's event_order setting is "reverse"
local on_event = setmetatable({}, { __mode = "k" })
local frame_labels = setmetatable({}, { __mode = "k" })
local MIN_COMPACTED_HOLES = 16

-- owner[key], made an empty table on first use.
local function subtable(owner, key)
  local found = owner[key]
  if not found then
    found = {}
    owner[key] = found
  end
  return found
end

local function compact(list, slots)
  local kept = 0
  for i = 1, list.n do
    local frame = list[i]
    if frame then
      kept = kept + 1
      list[kept] = frame
      slots[frame] = kept
    end
  end
  for i = kept + 1, list.n do
    list[i] = nil
  end
  list.n, list.holes = kept, 0
end

function P.register_event(frame, event, label, front)
  local list, slots = event_frames[event], event_slots[event]
  if not list then
    list, slots = { n = 0, holes = 0 }, {}
    event_frames[event], event_slots[event] = list, slots
  elseif slots[frame] then
    return
  end
  frame_labels[frame] = label
  newest_first = front and true or false
  local n = list.n + 1
  list[n], list.n = frame, n
  slots[frame] = n
end

function P.unregister_event(frame, event)
  local list, slots = event_frames[event], event_slots[event]
  local slot = slots and slots[frame]
  if slot then
    list[slot], slots[frame] = false, nil
    local holes = list.holes + 1
    list.holes = holes
    if holes >= MIN_COMPACTED_HOLES and holes * 2 >= list.n then
      compact(list, slots)
    end
  end
end

function P.set_on_event(frame, fn)
  on_event[frame] = fn
end

local event_labels = setmetatable({}, { __mode = "k" })

local function event_label(frame, event)
  local labels = subtable(event_labels, frame)
  local label = labels[event]
  if not label then
    label = frame_labels[frame] .. ":OnEvent(" .. event .. ")"
    labels[event] = label
  end
  return label
end

-- One table holds the handler arguments (frame, event, ...) for every frame; only the frame
-- changes between calls. The frames registered when the event arrives hear it, in
-- registration order (newest first with the "reverse" setting); a frame that a handler
-- unregisters before its turn does not.
function P.dispatch(event, ...)
  local list = event_frames[event]
  if not list then
    return 0
  end
  local n = list.n
  local args, count = { false, event, ... }, select("#", ...) + 2
  if n == 1 then
    local frame = list[1]
    local fn = frame and on_event[frame]
    if fn then
      args[1] = frame
      call_handler(frame, event, args, 3, count - 2, enter, event_label(frame, event), fn, args,
        count)
    end
    return 1
  end
  local slots, snapshot = event_slots[event], {}
  if newest_first then
    for i = 1, n do
      snapshot[i] = list[n + 1 - i]
    end
  else
    for i = 1, n do
      snapshot[i] = list[i]
    end
  end
  for i = 1, n do
    local frame = snapshot[i]
    local fn = frame and on_event[frame]
    if fn and slots[frame] then  -- still registered when its turn comes
      args[1] = frame
      call_handler(frame, event, args, 3, count - 2, enter, event_label(frame, event), fn, args,
        count)
    end
  end
  return n
end

-- The client's own chunks are named "=headless-<file>".
local function is_client_source(source)
  return strsub(source, 1, 10) == "=headless-"
end
P.is_client_source = is_client_source

-- Where an API error should point: the first Lua frame outside the client's own chunks and
-- C code (so a method implemented in Lua blames its caller's file:line, as the client does).
caller_position = function()
  for level = 2, 40 do
    local info = getinfo(level, "Sl")
    if not info then
      break
    end
    if info.what ~= "C" and not is_client_source(info.source) and info.currentline
        and info.currentline > 0 then
      return info.short_src .. ":" .. info.currentline .. ": "
    end
  end
  return ""
end
P.caller_position = caller_position

---------------------------------------------------------------------------------------------
-- Host-implemented API functions and widget methods.
---------------------------------------------------------------------------------------------
-- The count hook sees Lua instructions only: a loop of host calls that each take long runs
-- few of them. So every HOST_CALL_CHECK host calls the deadline is checked too.
local HOST_CALL_CHECK = 32
local host_calls = 0

local function check_after_host_calls()
  host_calls = 0
  local limit = deadline
  if not limit then
    deadline, gc_extension = clock() + cpu_limit, 0
  elseif past(clock(), limit) then
    overrun = true
    sethook(cpu_hook, HOOK_MASK, 1)
    error(caller_position() .. kill_text(), 0)
  end
end

-- The host's results as they came: no value at all stays no value (GetQuestTimers() with no
-- timer running returns nothing, and FrameXML counts the values).
local function finish(...)
  host_calls = host_calls + 1
  if host_calls >= HOST_CALL_CHECK then
    check_after_host_calls()
  end
  local first = ...
  if first == ERR then
    error(caller_position() .. tostring((select(2, ...))), 0)
  end
  return ...
end

-- For the client's Lua code that calls long-running C functions in a loop (the pattern
-- guard's scans): the same check, now.
P.check_deadline = check_after_host_calls

-- The host stops the running entry (an interrupt reached a host call): every check from now
-- on fails with `message` until the outermost entry has returned.
function P.interrupt(message)
  interrupted = message
  deadline = -huge
  host_calls = HOST_CALL_CHECK
end

-- Calls into Python need the host's reserve free (see LuaRuntime.has_room): what Python
-- pushes back into Lua is allocated outside Lua's error protection.
local room_limit_kib = host.room_limit_kib
if room_limit_kib < 0 then
  room_limit_kib = huge
end
local function ensure_room()
  if collectgarbage("count") > room_limit_kib then
    collectgarbage("collect")
    if collectgarbage("count") > room_limit_kib then
      error(caller_position() .. "not enough memory", 0)
    end
  end
end

local function install_api(idx, name)
  local function api(...)
    if gcinfo() > room_limit_kib then
      ensure_room()
    end
    return finish(api_call(idx, ...))
  end
  local dot = strfind(name, ".", 1, true)
  if dot then
    -- Library members such as bit.band live in a global table.
    local lib_name, member = strsub(name, 1, dot - 1), strsub(name, dot + 1)
    local lib = rawget(G, lib_name)
    if lib == nil then
      lib = {}
      rawset(G, lib_name, lib)
    end
    lib[member] = api
  else
    rawset(G, name, api)
  end
end
-- API functions are made on first read (see the __index of G below): a client pays only for
-- the functions its code uses. The host numbers them in " Name=1 Other=2 "; library members
-- such as bit.band are installed at once (their tables must exist).
local api_numbers = " " .. host.api_names .. " "
local byte = string.byte
local SPACE, EQUALS = byte(" "), byte("=")
local made_api = {}
-- Where " name=" starts its number in api_numbers, found without making a string.
local function api_number_at(name)
  local position, length = 1, #name
  if length == 0 then  -- _G[""]: no API name is empty (and "" would match everywhere)
    return nil
  end
  while true do
    local first, last = strfind(api_numbers, name, position, true)
    if not first then
      return nil
    end
    if byte(api_numbers, first - 1) == SPACE and byte(api_numbers, last + 1) == EQUALS then
      return last + 2
    end
    position = first + length
  end
end
local function lazy_api(name)
  if made_api[name] then
    return nil
  end
  local at = api_number_at(name)
  if not at then
    return nil
  end
  -- Marked made only once installed: running out of memory half-way leaves it to be
  -- made on the next read.
  install_api(tonumber(strsub(api_numbers, at, strfind(api_numbers, " ", at, true) - 1)), name)
  made_api[name] = true
  return rawget(G, name)
end
-- Code that looks at the global table as a whole sees every API function, as in the client:
-- pairs/next over _G first make those not read yet; rawget(_G, name) makes the one it names.
-- Each is made once: a function an addon set to nil stays nil.
local function out_of_memory_api()
  error(caller_position() .. "not enough memory", 0)
end
local api_complete = false
local gmatch = string.gmatch
local function whole_table(t)
  if t == G and not api_complete then
    -- (Complete once every one is made: a listing the memory cap cut short is tried again.)
    (rare or load_rare()).install_every_api()
    api_complete = true
  end
end
-- Argument errors name the function and the caller's line, as Lua's own would.
local function expect_table(value, fname)
  if type(value) ~= "table" then
    error(strformat("bad argument #1 to '%s' (table expected, got %s)", fname, type(value)), 3)
  end
end
G.pairs = function(t)
  expect_table(t, "pairs")
  whole_table(t)
  return next, t, nil
end
G.next = function(t, key)
  expect_table(t, "next")
  whole_table(t)
  return next(t, key)
end
-- The global table with every API function made (for the host's listings of it).
function P.complete_globals()
  whole_table(G)
  return G
end
-- The client's C functions written in Lua are made on first read too (the host runs the
-- chunk defining one): rawget(_G, name) makes those it names as well.
local lazy_c_names = " " .. host.lazy_c_names .. " "
-- The host may push a chunk's bytecode or a new object: its reserve must be free first.
local host_resolve_global = host.resolve_global
local function host_resolve(key)
  if gcinfo() > room_limit_kib then
    ensure_room()
  end
  return host_resolve_global(key)
end
local function lazy_c_function(key)
  if strfind(lazy_c_names, " " .. key .. " ", 1, true) then
    local found = host_resolve(key)
    if found ~= nil and found ~= true then
      rawset(G, key, found)
      return found
    end
  end
  return nil
end
G.rawget = function(t, key)
  local value = rawget(t, key)
  if value == nil and t == G and type(key) == "string" and not strfind(key, " ", 1, true) then
    if not api_complete then
      value = lazy_api(key)
    end
    if value == nil then
      value = lazy_c_function(key)
    end
  end
  return value
end
-- (The host lists the library members apart: "bit.band=12 bit.bor=13 ...".)
for name, idx in gmatch(host.api_library_members, "([^ =]+)=(%d+)") do
  install_api(tonumber(idx), name)
end

-- Widget ids by widget table and by the userdata at its index 0: as in the 3.3.5a client, a
-- table holding a widget's [0] is that widget to every method and API (FrameXML's
-- RestrictedFrames.lua calls methods on such surrogate tables).
local ids = setmetatable({}, { __mode = "k" })

local function surrogate_id(value)
  local proxy = type(value) == "table" and rawget(value, 0)
  return proxy and ids[proxy]
end
-- Host-implemented widget methods, one closure per method name (its number in the host's
-- method list), made on first use.
local method_closures = {}
local function method_closure(name, idx)
  local method = method_closures[name]
  if method then
    return method
  end
  method = function(self, ...)
    local id = ids[self] or surrogate_id(self)
    if id == nil then
      error(caller_position() .. strformat("bad argument #1 to '%s' (widget expected, got %s)", name, type(self)), 0)
    end
    if gcinfo() > room_limit_kib then
      ensure_room()
    end
    return finish(method_call(idx, id, ...))
  end
  method_closures[name] = method
  return method
end

local function not_implemented(label)
  return function()
    local position = caller_position()
    local at = position ~= "" and (" (at " .. strsub(position, 1, -3) .. ")") or ""
    error(position .. "WoW API " .. label .. " is not implemented by the headless client" .. at, 0)
  end
end

-- Method tables fill lazily on first use: building ~1,000 entries per client up front would
-- cost more than loading a typical addon. The host answers for a kind and a name (its
-- inheritance as in the API data): the method's number when implemented, 0 when known but
-- not implemented, nil when the kind has no such method. A name that is no method (a field
-- the addon reads before setting it) is remembered per kind, up to MAX_NON_METHODS names,
-- so such reads do not ask the host again.
local widget_method = host.widget_method
local MAX_NON_METHODS = 1024

local function method_table(kind)
  local cache, non_methods, count = {}, {}, 0
  return setmetatable(cache, {
    __index = function(_, key)
      if type(key) ~= "string" or non_methods[key] then
        return nil
      end
      if gcinfo() > room_limit_kib then
        ensure_room()
      end
      local idx = widget_method(kind, key)
      local fn
      if idx == nil then
        if count < MAX_NON_METHODS then
          count = count + 1
          non_methods[key] = true
        end
        return nil
      elseif idx == 0 then
        fn = not_implemented(kind .. ":" .. key)
      else
        fn = method_closure(key, idx)
      end
      rawset(cache, key, fn)
      return fn
    end,
  })
end

local widget_meta = setmetatable({}, {
  __index = function(metas, kind)
    local meta = { __index = method_table(kind) }
    rawset(metas, kind, meta)
    return meta
  end,
})

-- A named widget whose name a global plain table already holds takes that table as its own
-- (its fields stay; [0] and the metatable become the widget's), as the client does; another
-- widget's table or any other value of that name is replaced by a new table.
function P.new_widget(kind, id, name)
  local proxy = newproxy(false)
  local existing = name and rawget(G, name)
  if type(existing) == "table" and rawget(existing, 0) == nil and not ids[existing]
      and pcall(setmetatable, existing, widget_meta[kind]) then
    rawset(existing, 0, proxy)
    ids[existing], ids[proxy] = id, id
    return existing
  end
  local widget = setmetatable({ [0] = proxy }, widget_meta[kind])
  ids[widget], ids[proxy] = id, id
  if name then
    rawset(G, name, widget)
  end
  return widget
end

-- For the XML loader: true when `widget[name]` is the client's own method (the one a call
-- from Lua would reach: no override on the widget, its metatable or its kind's method
-- table), so the host may call it without the round trip; otherwise what the lookup gave
-- (an addon's function, a "not implemented" stub, or nil).
function P.own_method(widget, name)
  local fn = widget[name]
  if fn ~= nil and fn == method_closures[name] then
    return true
  end
  return fn
end

function P.widget_id(value)
  if type(value) == "table" then
    return ids[value] or surrogate_id(value)
  end
  return nil
end

-- A global read while unset asks the host once: a built-in UI object made on first use
-- comes back as its value (and is a global from then on); a known 3.3.5a function the
-- client does not implement gives a function that fails with a clear message instead of
-- "attempt to call a nil value"; anything else stays nil (most reads never miss).
-- Answers are cached, misses only for the first MISS_CACHE_SIZE names: code reading many
-- distinct nil globals must not grow the cache without bound.
local resolve_global = host_resolve
local missing_cache, cached_misses, MISS_CACHE_SIZE = {}, 0, 4096
-- The global table's metatable is the client's own (handler globals, missing-API stubs).
-- A metatable an addon sets on _G is kept aside and consulted by it: its __index for names
-- the client does not serve, its __newindex for new globals; getmetatable(_G) returns it.
local addon_gmeta = nil

setmetatable(G, {
  __index = function(t, key)
    if HANDLER_NAMES[key] then  -- this, event, argN of the running script handler
      return handler_value(key)
    end
    local stub = missing_cache[key]
    if stub == nil then
      if type(key) ~= "string" or strfind(key, " ", 1, true) then
        return nil
      end
      -- An API function not read yet is a global of the client's: served before anything
      -- an addon put on _G's metatable.
      local made, api = pcall(lazy_api, key)
      if not made then
        -- Making it ran out of memory (the state is at its cap): the read gives a function
        -- that fails as the API call itself would; the next read tries again.
        return out_of_memory_api
      elseif api then
        return api
      end
    end
    local meta = addon_gmeta
    local index = meta and rawget(meta, "__index")
    if index ~= nil then
      if type(index) == "function" then
        return index(t, key)
      end
      return index[key]
    end
    if stub == nil then
      local found = resolve_global(key)
      if found ~= nil and found ~= true then
        rawset(G, key, found)
        return found
      end
      stub = found and not_implemented(key) or false
      if stub or cached_misses < MISS_CACHE_SIZE then
        cached_misses = cached_misses + (stub and 0 or 1)
        missing_cache[key] = stub
      end
    end
    return stub or nil
  end,
  __newindex = function(t, key, value)
    if HANDLER_NAMES[key] then
      handler_assign(key, value)
      return
    end
    local meta = addon_gmeta
    local newindex = meta and rawget(meta, "__newindex")
    if newindex == nil then
      rawset(t, key, value)
    elseif type(newindex) == "function" then
      newindex(t, key, value)
    else
      newindex[key] = value
    end
  end,
})

---------------------------------------------------------------------------------------------
-- Rarely used parts (bootstrap_rare.lua: userdata metatables as addon code sees them, the
-- listing of every API function, the comparator of large sorts, host functions such as
-- P.stack_sources), loaded on first use: a client that needs none of them does not pay for
-- them. A host function it defines is read through P's metatable, which loads the file on
-- the first read of a field P lacks. The file reads no global (addon code may have changed
-- them by then): it gets what it uses here.
---------------------------------------------------------------------------------------------
load_rare = function()
  local chunk = P.load_trusted(P.trusted_bytecode("bootstrap_rare.lua"))
  if not chunk then  -- the state's memory cap: the call fails, the next one tries again
    error(caller_position() .. "not enough memory", 0)
  end
  rare = chunk(P, { type = type, next = next, pcall = pcall, error = error, rawget = rawget,
    rawset = rawset, setmetatable = setmetatable, getinfo = getinfo, loadstring = loadstring,
    strfind = strfind, tonumber = tonumber, gmatch = gmatch, G = G,
    is_client_source = is_client_source, caller_position = caller_position, GC_FN = GC_FN,
    queue_finalizer = queue_finalizer, made_api = made_api, install_api = install_api,
    api_numbers = api_numbers, missing_cache = missing_cache, resolve_global = resolve_global,
    not_implemented = not_implemented, widget_method = widget_method,
    method_closure = method_closure })
  setmetatable(P, nil)
  return rare
end
setmetatable(P, { __index = function(_, key)
  load_rare()
  return rawget(P, key)
end })

G.setmetatable = function(t, meta)
  if t ~= G then
    return setmetatable(t, meta)
  end
  if meta ~= nil and type(meta) ~= "table" then
    error("bad argument #2 to 'setmetatable' (nil or table expected)", 2)
  end
  if addon_gmeta ~= nil and rawget(addon_gmeta, "__metatable") ~= nil then
    error("cannot change a protected metatable", 2)
  end
  addon_gmeta = meta
  return t
end

local addon_getmetatable = G.getmetatable
G.getmetatable = function(value)
  if value == G then
    local shown = addon_gmeta and rawget(addon_gmeta, "__metatable")
    if shown ~= nil then
      return shown
    end
    return addon_gmeta
  end
  return addon_getmetatable(value)
end

---------------------------------------------------------------------------------------------
-- Environments. Lua 5.1 gives a new chunk and `getfenv(0)` the running thread's global
-- table, which is HOST_G here; the addon-visible functions below give G instead, and
-- `setfenv(0, t)` changes what they give for the calling thread (as it changes the thread's
-- global table in the client) without touching HOST_G. The environment of the client's own
-- functions and of C functions cannot be changed (the client's API functions are C
-- functions there).
---------------------------------------------------------------------------------------------
local function is_client_function(fn)
  local info = getinfo(fn, "S")
  return info.what == "C" or is_client_source(info.source)
end

G.getfenv = function(target)
  if target == nil then
    target = 1
  end
  if target == 0 then
    return current_globals()
  end
  local env
  if type(target) == "number" then
    if target < 0 then
      error("bad argument #1 to 'getfenv' (level must be non-negative)", 2)
    end
    local info = getinfo(target + 1, "S")
    if not info then
      error("bad argument #1 to 'getfenv' (invalid level)", 2)
    elseif info.what == "tail" then
      -- The client tail-calls each entry's function (from xpcall; the real client calls
      -- them from C): that level is the client's, whose functions have the globals.
      local below = getinfo(target + 2, "S")
      if below and below.what == "C" then
        below = getinfo(target + 3, "S")
      end
      if below and is_client_source(below.source) then
        return current_globals()
      end
      error("no function environment for tail call at level " .. target, 2)
    end
    env = getfenv(target + 1)
  else
    env = getfenv(target)
  end
  if env == HOST_G then
    return current_globals()
  end
  return env
end

G.setfenv = function(target, env)
  if type(env) ~= "table" then
    error("bad argument #2 to 'setfenv' (table expected, got " .. type(env) .. ")", 2)
  end
  if target == 0 then
    thread_globals[co_running() or MAIN] = env
    return
  end
  local fn = target
  if type(target) == "number" then
    if target < 0 then
      error("bad argument #1 to 'setfenv' (level must be non-negative)", 2)
    end
    local info = getinfo(target + 1, "f")
    if not info then
      error("bad argument #1 to 'setfenv' (invalid level)", 2)
    end
    fn = info.func
  elseif type(target) ~= "function" then
    error("bad argument #1 to 'setfenv' (number expected, got " .. type(target) .. ")", 2)
  end
  if fn == nil or is_client_function(fn) then
    error("'setfenv' cannot change environment of given object", 2)
  end
  return setfenv(fn, env)
end

-- Every function the client compiles or loads runs in G (or the thread's global table set
-- with setfenv(0, t)).
P.raw_setfenv = setfenv

local function in_globals(fn, err)
  if fn then
    return setfenv(fn, current_globals())
  end
  return nil, err
end

---------------------------------------------------------------------------------------------
-- Compiling code: source text only (the client refuses precompiled chunks).
---------------------------------------------------------------------------------------------
local function is_binary(code)
  return type(code) == "string" and strsub(code, 1, 1) == "\27"
end

function P.compile(code, chunkname)
  if is_binary(code) then
    return nil, chunkname .. ": binary chunks are not loadable"
  end
  return in_globals(loadstring(code, chunkname))
end

-- Compiling runs in C without hooks: source larger than an addon file may be is refused.
local max_source = host.max_source_bytes
P.max_source_bytes = max_source

local LONG_COMPILE = 64 * 1024
G.loadstring = function(code, chunkname)
  if is_binary(code) then
    return nil, "binary chunks are not loadable"
  end
  if type(code) == "string" and #code > max_source then
    return nil, strformat("chunk of %d bytes is larger than the client loads (%d)", #code,
      max_source)
  end
  if type(code) == "string" and #code > LONG_COMPILE then
    -- Compiling runs in C, where the count hook sees nothing: a loop compiling large chunks
    -- runs few instructions, so the CPU deadline is checked after each such compile.
    local fn, err = loadstring(code, chunkname)
    if depth > 0 then
      check_after_host_calls()
    end
    return in_globals(fn, err)
  end
  return in_globals(loadstring(code, chunkname))
end

G.load = function(reader, chunkname)
  if type(reader) ~= "function" then
    error("bad argument #1 to 'load' (function expected)", 2)
  end
  local parts = {}
  while true do
    local piece = reader()
    if piece == nil or piece == "" then
      break
    end
    parts[#parts + 1] = piece
  end
  return G.loadstring(concat(parts), chunkname or "=(load)")
end

---------------------------------------------------------------------------------------------
-- Lua-side WoW API (library aliases, hooksecurefunc, debugstack...): see lualib.lua.
---------------------------------------------------------------------------------------------
local lua_api_counts = {}
P.lua_api_counts = lua_api_counts
function P.reset_counts()
  for name in pairs(lua_api_counts) do
    lua_api_counts[name] = nil
  end
end
function P.touch(name)
  lua_api_counts[name] = (lua_api_counts[name] or 0) + 1
end
P.getinfo = getinfo
P.getlocal = debug.getlocal

-- Fields given to a frame as FrameXML's code gives them at load (key, value, key, value...),
-- each unless the frame holds that field already.
function P.set_new_fields(into, ...)
  for i = 1, select("#", ...), 2 do
    local key, value = select(i, ...)
    if rawget(into, key) == nil then
      rawset(into, key, value)
    end
  end
end

-- The collector's pause (the host sets a long one while the client's own start-up runs).
function P.set_gc_pause(percent)
  collectgarbage("setpause", percent)
end

-- Read a global without triggering the missing-API stubs.
-- HookScript: the existing script, then the hook, with the same arguments.
function P.chain(first, second)
  return function(...)
    first(...)
    return second(...)
  end
end

-- Trusted client code (FrameXML, the Lua library) and chunks this state compiled before may
-- be loaded as bytecode; addon code may not. They run in G too.
function P.load_trusted(code, chunkname)
  return in_globals(loadstring(code, chunkname))
end
-- A client Lua file by name, compiled (for the files loaded on first use). The host pushes
-- it into the state: the host's reserve must be free first (see ensure_room).
local host_bytecode = host.trusted_bytecode
function P.trusted_bytecode(name)
  if gcinfo() > room_limit_kib then
    ensure_room()
  end
  return host_bytecode(name)
end

-- The host's compiled-file cache: the bytecode of a chunk this state compiled from source.
function P.dump(fn)
  return dump(fn)
end

-- A global read past any metamethod (API functions not read yet are made now).
function P.rawglobal(name)
  local value = rawget(G, name)
  if value == nil and type(name) == "string" and not strfind(name, " ", 1, true) then
    return lazy_api(name)
  end
  return value
end
function P.setglobal(name, value)
  rawset(G, name, value)
end

-- table.sort without a comparator runs in C without hooks; a large table is sorted with a
-- Lua comparator instead (same algorithm, same order, and the CPU deadline applies).
local SORT_IN_C = 20000
-- (Its comparator is made by the first large sort: bootstrap_rare.lua.)
-- Errors read as C's: run protected (called from pcall, C names no place), then "bad
-- argument" and "invalid order function" are raised at the caller's file:line as luaL_error
-- would; a comparison error stays without a place, a comparator's own error unchanged.
-- A library C function's error as it reads when addon code calls the function itself:
-- called through pcall, C named no function ("bad argument #1 to '?'") and no place;
-- raised at `level` (the addon's call) with `name`. Returns when err is no argument error.
local function argument_failed(name, err, level)
  local _, named = strfind(err, "^bad argument #%d+ to '")
  if named then
    local _, unnamed = strfind(err, "^%?'", named + 1)
    error(strsub(err, 1, named) .. name .. "'" .. strsub(err, (unnamed or named) + 1),
      level + 1)
  end
end
local function sort_failed(err)
  if type(err) ~= "string" then
    error(err, 0)
  end
  argument_failed("sort", err, 3)
  if err == "invalid order function for sorting" then
    error(err, 3)
  end
  local _, last = strfind(err, "^headless%-sort:%d+: ")
  error(last and strsub(err, last + 1) or err, 0)
end
table.sort = function(list, comp)
  if comp == nil and type(list) == "table" and #list > SORT_IN_C then
    comp = (rare or load_rare()).less_than()
  end
  local ok, err = pcall(sort, list, comp)
  if not ok then
    sort_failed(err)
  end
end

-- The tables reachable from `root` for the host, each once (shared tables and cycles kept):
-- a list whose entry i is table number i (root is 1) as a flat list of key, key-is-a-table,
-- value, value-is-a-table, ...; a table key or value stands as its number.
function P.table_graph(root)
  local numbers, tables, graph, count = { [root] = 1 }, { root }, {}, 1
  local function number_of(t)
    local number = numbers[t]
    if not number then
      count = count + 1
      number, numbers[t], tables[count] = count, count, t
    end
    return number
  end
  local i = 1
  while i <= count do
    local flat, n = {}, 0
    for key, value in next, tables[i] do
      local key_table, value_table = type(key) == "table", type(value) == "table"
      flat[n + 1], flat[n + 2] = key_table and number_of(key) or key, key_table
      flat[n + 3], flat[n + 4] = value_table and number_of(value) or value, value_table
      n = n + 4
    end
    graph[i] = flat
    i = i + 1
  end
  return graph
end
-- (Here, not in bootstrap_rare.lua: the host walks saved variables at logout, when addon data
-- may fill the state to its cap and loading a file would fail.)

-- C functions whose work grows with the table they get run unseen by the count hook: a loop
-- of a few instructions around table.concat of a long list would run minutes past the
-- deadline. After a call that made or scanned much, the deadline is checked (the clock is
-- read only then: small calls cost one comparison). Each runs its C function under pcall,
-- so its errors read as the C function's own (see argument_failed).
local LARGE_C_WORK = 64 * 1024
local function check_large(size)
  if size >= LARGE_C_WORK and depth > 0 then
    check_after_host_calls()
  end
end
local function large_failed(name, err)
  argument_failed(name, err, 3)
  error(err, 3)  -- luaL_error's own: at the caller's line
end
table.concat = function(...)
  local list = ...
  local ok, result = pcall(concat, ...)
  if not ok then
    large_failed("concat", result)
  end
  check_large(#result + #list)
  return result
end
-- maxn scans the whole table, however long its sequence: the deadline is always checked.
table.maxn = function(...)
  local ok, result = pcall(maxn, ...)
  if not ok then
    large_failed("maxn", result)
  end
  check_large(LARGE_C_WORK)
  return result
end

-- The addon-visible global table, for the client's own Lua files (lualib.lua...).
P.globals = G

---------------------------------------------------------------------------------------------
-- Sandbox: string.dump is absent in the client; HOST_G keeps nothing (lupa finds no `debug`
-- there, and nothing an addon could have changed).
---------------------------------------------------------------------------------------------
string.dump = nil
for name in next, HOST_G do
  HOST_G[name] = nil
end

return P
