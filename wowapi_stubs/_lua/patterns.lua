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
-- Refusals are Lua errors at the caller's file:line.
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
local type, select, error, tostring, unpack, ipairs = type, select, error, tostring, unpack, ipairs
local xpcall, setmetatable = xpcall, setmetatable
local concat = table.concat
local getinfo = P.getinfo

local BUDGET = 10000000 -- worst-case matcher steps one call in C may take (tens of ms)
local CHECK_EVERY = 1000000 -- scans check the CPU deadline after this much worst-case work
local FAST_N_LIMIT = 1048576
local MAX_DEPTH = 200 -- recursion levels of the C matcher (the limit Lua 5.2 adopted)
local CACHE_SIZE = 256

local function fail(fname, message)
  error(P.caller_position() .. fname .. ": " .. message, 0)
end

---------------------------------------------------------------------------------------------
-- ASCII classes.
---------------------------------------------------------------------------------------------
local function ascii_member(letter, c)
  if letter == "a" then
    return (c >= 65 and c <= 90) or (c >= 97 and c <= 122)
  elseif letter == "l" then
    return c >= 97 and c <= 122
  elseif letter == "u" then
    return c >= 65 and c <= 90
  elseif letter == "d" then
    return c >= 48 and c <= 57
  elseif letter == "w" then
    return ascii_member("a", c) or ascii_member("d", c)
  elseif letter == "x" then
    return ascii_member("d", c) or (c >= 65 and c <= 70) or (c >= 97 and c <= 102)
  elseif letter == "s" then
    return c == 32 or (c >= 9 and c <= 13)
  elseif letter == "p" then
    return (c >= 33 and c <= 47) or (c >= 58 and c <= 64) or (c >= 91 and c <= 96)
      or (c >= 123 and c <= 126)
  elseif letter == "c" then
    return c < 32 or c == 127
  end
end

-- The set body (without brackets) listing the bytes of an ASCII class or its complement.
local SPECIAL_IN_SET = { [37] = true, [45] = true, [93] = true, [94] = true } -- % - ] ^
local function set_body(letter, negate)
  local parts = {}
  if ascii_member(letter, 0) ~= negate then
    parts[1] = "%z"
  end
  local c = 1
  while c <= 255 do
    if (ascii_member(letter, c) or false) ~= negate and not SPECIAL_IN_SET[c] then
      local last = c
      while last < 255 and (ascii_member(letter, last + 1) or false) ~= negate
          and not SPECIAL_IN_SET[last + 1] do
        last = last + 1
      end
      parts[#parts + 1] = last > c and (char(c) .. "-" .. char(last)) or char(c)
      c = last + 1
    else
      if SPECIAL_IN_SET[c] and (ascii_member(letter, c) or false) ~= negate then
        parts[#parts + 1] = "%" .. char(c)
      end
      c = c + 1
    end
  end
  return concat(parts)
end

local LOCALE_CLASSES = { a = true, l = true, u = true, w = true, x = true, s = true, p = true,
  c = true }
local set_bodies = {}
local function class_set(letter)
  local body = set_bodies[letter]
  if not body then
    local base = lower(letter)
    body = set_body(base, base ~= letter)
    set_bodies[letter] = body
  end
  return body
end

---------------------------------------------------------------------------------------------
-- Measuring a pattern: its items as the C matcher sees them.
---------------------------------------------------------------------------------------------
-- Index just past the single-character class starting at i (nil: malformed).
local function class_end(p, i, len)
  local c = byte(p, i)
  if c == 37 then
    return i + 1 <= len and i + 2 or nil
  elseif c == 91 then
    local j = i + 1
    if byte(p, j) == 94 then
      j = j + 1
    end
    repeat
      if j > len then
        return nil
      end
      local d = byte(p, j)
      j = j + 1
      if d == 37 and j <= len then
        j = j + 1
      end
    until byte(p, j) == 93
    return j + 1
  end
  return i + 1
end

-- A class as C sees it after the ASCII rewrite (`ascii`: rewrite locale classes).
local function rewrite_class(text, ascii)
  if not ascii then
    return text
  end
  if byte(text, 1) == 37 then
    local letter = sub(text, 2, 2)
    if LOCALE_CLASSES[lower(letter)] then
      if letter == lower(letter) then
        return "[" .. class_set(letter) .. "]"
      end
      return "[^" .. class_set(lower(letter)) .. "]"
    end
    return text
  end
  if byte(text, 1) ~= 91 then
    return text
  end
  -- A set: splice the ASCII bytes of each class it names.
  return (gsub(text, "%%(.)", function(letter)
    if LOCALE_CLASSES[lower(letter)] then
      return class_set(letter)
    end
  end))
end

-- One pattern, measured: anchored, length, quantifiers (class, what must follow), depth,
-- and the text handed to C. `literal_caret`: gmatch reads a leading ^ as a character.
local function measure(p, literal_caret, ascii)
  local len = #p
  local m = { quants = {}, q = 0, depth = 0, plen = len, scans = false, captures = 0 }
  local out = {}
  local i = 1
  if not literal_caret and byte(p, 1) == 94 then
    m.anchored = true
    out[1] = "^"
    i = 2
  end
  local last_quant
  while i <= len and m.depth <= MAX_DEPTH do -- (deeper: refused, the rest needs no reading)
    local c = byte(p, i)
    if c == 40 then -- (
      if byte(p, i + 1) == 41 then
        out[#out + 1] = "()"
        i = i + 2
      else
        out[#out + 1] = "("
        i = i + 1
      end
      m.depth = m.depth + 1
    elseif c == 41 then -- )
      out[#out + 1] = ")"
      m.depth = m.depth + 1
      i = i + 1
    elseif c == 36 and i == len then -- $ at the end
      out[#out + 1] = "$"
      i = i + 1
    elseif c == 37 and (byte(p, i + 1) == 98) then -- %bxy
      if i + 3 > len then
        m.malformed = true
        break
      end
      out[#out + 1] = sub(p, i, i + 3)
      m.scans = true
      last_quant = nil
      i = i + 4
    elseif c == 37 and (byte(p, i + 1) == 102) then -- %f[set]
      local ep = byte(p, i + 2) == 91 and class_end(p, i + 2, len)
      if not ep then
        m.malformed = true
        break
      end
      out[#out + 1] = "%f" .. rewrite_class(sub(p, i + 2, ep - 1), ascii)
      i = ep
    elseif c == 37 and byte(p, i + 1) and byte(p, i + 1) >= 48 and byte(p, i + 1) <= 57 then
      out[#out + 1] = sub(p, i, i + 1) -- back reference
      m.scans = true
      last_quant = nil
      i = i + 2
    else
      local ep = class_end(p, i, len)
      if not ep then
        m.malformed = true
        break
      end
      local text = sub(p, i, ep - 1)
      local counted = text
      if #text == 1 and not find(text, "^%w") then
        counted = "%" .. text
      end
      out[#out + 1] = rewrite_class(text, ascii)
      local quantifier = byte(p, ep)
      local optional = quantifier == 63 or quantifier == 42 or quantifier == 45
      if last_quant and not last_quant.next then
        -- the item right after a quantifier, when it must match one character
        last_quant.next = not optional and rewrite_class(counted, ascii) or false
      end
      last_quant = nil
      if quantifier == 63 then -- ?
        m.q = m.q + 1
        m.depth = m.depth + 1
        out[#out + 1] = "?"
        ep = ep + 1
      elseif quantifier == 42 or quantifier == 43 or quantifier == 45 then -- * + -
        local entry = { class = text ~= "." and rewrite_class(counted, ascii) or nil }
        m.quants[#m.quants + 1] = entry
        last_quant = entry
        m.depth = m.depth + 2
        out[#out + 1] = char(quantifier)
        ep = ep + 1
      end
      i = ep
    end
  end
  m.k = #m.quants
  if m.malformed then
    m.c_pattern = p -- C raises its own "malformed pattern" error
  else
    m.c_pattern = concat(out)
  end
  m.body = m.anchored and sub(m.c_pattern, 2) or m.c_pattern
  -- Subjects up to this length are always within BUDGET (the common case: one check).
  local n = 1
  while n < FAST_N_LIMIT
      and (n + 1) * (m.k + 1) * (n + m.plen) * (n + 1) ^ m.k * 2 ^ m.q <= BUDGET do
    n = n * 2
  end
  m.fast_n = m.depth > MAX_DEPTH and -1 or n / 2
  return m
end

-- Whether C could raise an error for pattern p on some subject ("malformed pattern",
-- "invalid capture index", "invalid pattern capture", "unfinished capture", "too many
-- captures"...); when it could not, calls need no protection. Also its capture count.
local MAX_CAPTURES = 32
local function may_fail(p, literal_caret)
  local len = #p
  if find(p, "\0", 1, true) then
    return true, 0 -- Lua 5.1's matcher ends a pattern at a zero byte
  end
  local i = (not literal_caret and byte(p, 1) == 94) and 2 or 1
  local closed, open, level = {}, {}, 0
  while i <= len do
    local c = byte(p, i)
    if c == 40 then -- ( or ()
      level = level + 1
      if level > MAX_CAPTURES then
        return true, level
      end
      if byte(p, i + 1) == 41 then
        closed[level] = true
        i = i + 2
      else
        open[#open + 1] = level
        i = i + 1
      end
    elseif c == 41 then -- )
      if #open == 0 then
        return true, level
      end
      closed[open[#open]] = true
      open[#open] = nil
      i = i + 1
    elseif c == 37 then -- %
      local d = byte(p, i + 1)
      if not d then
        return true, level
      elseif d == 98 then -- %bxy
        if i + 3 > len then
          return true, level
        end
        i = i + 4
      elseif d == 102 then -- %f[set]
        local ep = byte(p, i + 2) == 91 and class_end(p, i + 2, len)
        if not ep then
          return true, level
        end
        i = ep
      elseif d >= 48 and d <= 57 then -- back reference
        if not closed[d - 48] then
          return true, level
        end
        i = i + 2
      else
        i = i + 2
        local q = byte(p, i)
        if q == 42 or q == 43 or q == 45 or q == 63 then
          i = i + 1
        end
      end
    else
      local ep = class_end(p, i, len)
      if not ep then
        return true, level
      end
      local q = byte(p, ep)
      if q == 42 or q == 43 or q == 45 or q == 63 then
        ep = ep + 1
      end
      i = ep
    end
  end
  return #open > 0, level
end

local ascii = P.host_locale_is_8_bit
local caches = { {}, {} }
local cached = { 0, 0 }

local function measured(p, literal_caret)
  local which = literal_caret and 2 or 1
  local cache = caches[which]
  local m = cache[p]
  if not m then
    if cached[which] >= CACHE_SIZE then
      cache = {}
      caches[which] = cache
      cached[which] = 0
    end
    m = measure(p, literal_caret, ascii)
    if m.depth <= MAX_DEPTH then
      m.may_fail, m.captures = may_fail(p, literal_caret)
    end
    cache[p] = m
    cached[which] = cached[which] + 1
  end
  return m
end

---------------------------------------------------------------------------------------------
-- The worst case of one call: steps per start position, given how often each quantified
-- class (and what must follow it) occurs in the subject.
---------------------------------------------------------------------------------------------
local function occurrences(s, class, n, counts)
  if not class then
    return n
  end
  local found = counts[class]
  if not found then
    found = select(2, gsub(s, class, ""))
    counts[class] = found
  end
  return found
end

-- The longest run of `class` in s (the most stops a quantifier over it can make): exact
-- while the runs are few, else the number of occurrences.
local MAX_RUNS = 4096
local function longest_run(s, class, n, counts)
  if not class then
    return n
  end
  local key = "+" .. class
  local found = counts[key]
  if found then
    return found
  end
  found = occurrences(s, class, n, counts)
  if found > 64 then
    local longest, runs = 0, 0
    for run in gmatch(s, class .. "+") do
      runs = runs + 1
      if #run > longest then
        longest = #run
      end
      if runs > MAX_RUNS then
        longest = found
        break
      end
    end
    found = longest
  end
  counts[key] = found
  return found
end

local function steps_per_start(m, s, n)
  local rest = m.plen + (m.scans and n or 0)
  if m.k == 0 then
    return rest * 2 ^ m.q
  end
  -- Quantifier i is entered once per way the ones before it can stop (`entries`); each
  -- entry makes at most (longest run of its class + 1) stops, and only stops where what
  -- must follow matches lead on. After the last one, the rest of the pattern is tried at
  -- each stop.
  local counts, entries, total = {}, 1, 0
  for i = 1, m.k do
    local quant = m.quants[i]
    local stops = longest_run(s, quant.class, n, counts) + 1
    if i == m.k then
      total = total + entries * stops * rest
    else
      total = total + entries * stops
      local branches = stops
      if quant.next then
        local following = occurrences(s, quant.next, n, counts) + 1
        if following < branches then
          branches = following
        end
      end
      entries = entries * branches
    end
  end
  return total * 2 ^ m.q
end

-- "c": one call in C; "scan": one anchored call per start position; or an error.
local function plan(fname, m, s, anchored)
  if m.depth > MAX_DEPTH then
    fail(fname, "pattern too complex (more than " .. MAX_DEPTH .. " nested quantifiers "
      .. "and captures)")
  end
  local n = #s
  if n <= m.fast_n or m.malformed then
    return "c"
  end
  local per = steps_per_start(m, s, n)
  local starts = anchored and 1 or n + 1
  if per * starts <= BUDGET then
    return "c"
  end
  if per <= BUDGET then
    return "scan", per
  end
  if not m.may_fail then
    return "lua", per
  end
  fail(fname, "pattern too complex for this subject (it could backtrack more than "
    .. BUDGET .. " steps on " .. n .. " characters)")
end

---------------------------------------------------------------------------------------------
-- Scans over start positions (the C matcher anchored at each).
---------------------------------------------------------------------------------------------
local function start_index(init, n)
  init = init or 1
  if init < 0 then
    init = n + init + 1
  end
  if init < 1 then
    init = 1
  elseif init > n + 1 then
    init = n + 1
  end
  return init
end

local scans, in_lua = 0, 0 -- calls that took the scanning path, of which in Lua (for tests)
function P.pattern_scans()
  return scans, in_lua
end

-- Each anchored call may take `per` steps in C: check the CPU deadline every CHECK_EVERY.
local function pacer(per)
  local every = CHECK_EVERY / per
  local calls = 0
  return function()
    calls = calls + 1
    if calls >= every then
      calls = 0
      P.check_deadline()
    end
  end
end

-- The matcher anchored at a start position, as `find(s, "^" .. body, i)` returns: C's (how
-- "scan") or the Lua one (how "lua", loaded on first use).
local lua_matcher
local function finder_for(m, how)
  if how == "lua" then
    in_lua = in_lua + 1
    if not lua_matcher then
      lua_matcher = P.load_trusted(P.trusted_bytecode("matcher.lua"))(byte, sub, error)
    end
    local find_at, body = lua_matcher.find_at, m.body
    return function(s, i)
      return find_at(s, body, i)
    end
  end
  local anchored = "^" .. m.body
  return function(s, i)
    return find(s, anchored, i)
  end
end

-- What string.match returns for a match found at first..last with these captures.
local function match_values(s, first, last, ...)
  if select("#", ...) > 0 then
    return ...
  end
  return sub(s, first, last)
end

local function scan_find(s, m, init, whole, per, how)
  scans = scans + 1
  local finder = finder_for(m, how)
  local pace = pacer(per)
  for i = init, m.anchored and init or #s + 1 do
    pace()
    if finder(s, i) then
      if whole then
        return finder(s, i)
      end
      return match_values(s, finder(s, i))
    end
  end
  return nil
end

local function scan_gmatch(s, m, per, how)
  scans = scans + 1
  local finder = finder_for(m, how)
  local position, n = 1, #s
  local pace = pacer(per)
  return function()
    for i = position, n + 1 do
      pace()
      local first, last = finder(s, i)
      if first then
        position = last >= first and last + 1 or first + 1
        return match_values(s, finder(s, i))
      end
    end
    position = n + 2
    return nil
  end
end

local function expand_string(repl, whole, caps, ncaps)
  return (gsub(repl, "%%(.)", function(d)
    if d == "0" then
      return whole
    end
    local index = byte(d) - 48
    if index >= 1 and index <= 9 then
      if ncaps == 0 and index == 1 then
        return whole
      end
      if index > ncaps then
        error(P.caller_position() .. "invalid capture index", 0)
      end
      return tostring(caps[index])
    end
    return d
  end))
end

local function scan_gsub(s, m, repl, max_n, per, how)
  scans = scans + 1
  local finder = finder_for(m, how)
  local pace = pacer(per)
  local kind = type(repl)
  local out, count, src, n = {}, 0, 1, #s
  max_n = max_n or n + 1
  while count < max_n do
    pace()
    local results = { finder(s, src) }
    local stop
    if results[1] then
      count = count + 1
      stop = results[2] + 1
      local whole = sub(s, src, results[2])
      local ncaps = #results - 2
      local caps = { unpack(results, 3) }
      local value
      if kind == "string" or kind == "number" then
        value = expand_string(tostring(repl), whole, caps, ncaps)
      elseif kind == "table" then
        value = repl[ncaps > 0 and caps[1] or whole]
      else
        if ncaps > 0 then
          value = repl(unpack(caps, 1, ncaps))
        else
          value = repl(whole)
        end
      end
      if not value then
        value = whole
      elseif type(value) ~= "string" and type(value) ~= "number" then
        error(P.caller_position() .. "invalid replacement value (a " .. type(value) .. ")", 0)
      end
      out[#out + 1] = value
    end
    if stop and stop > src then
      src = stop
    elseif src <= n then
      out[#out + 1] = sub(s, src, src)
      src = src + 1
    else
      break
    end
    if m.anchored then
      break
    end
  end
  out[#out + 1] = sub(s, src)
  return concat(out), count
end

---------------------------------------------------------------------------------------------
-- Errors as Lua 5.1 reports them: calls that could fail run protected; an error raised by the
-- C function itself is raised again as if the caller had called C directly.
---------------------------------------------------------------------------------------------
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

-- The call of a guarded function as C would see it: the name the caller used (a tail call
-- leaves none: then the library name) and the calling frame.
local function call_site(library_name)
  local callee = getinfo(2, "n")
  local site = { name = callee and callee.name or library_name,
    method = callee and callee.namewhat == "method", caller = getinfo(3, "Sl") }
  return site
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
  text = gsub(text, "^headless%-patterns:%d+: ", "", 1)
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

-- Its arguments: `return passed(f(...))` keeps the caller's frame (a tail call would drop
-- it, and with it the name tracebacks show for it).
local function passed(...)
  return ...
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
    return passed(protected(call_site("find"), find, ...))
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
      return passed(protected(call_site("find"), find, s, m.c_pattern, init))
    end
    local how, per = plan("string.find", m, s, m.anchored)
    return passed(protected(call_site("find"), scan_find, s, m,
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
    return passed(protected(call_site("match"), match, ...))
  end
  local m = measured(p, false)
  if m.may_fail then
    if #s <= m.fast_n or plan("string.match", m, s, m.anchored) == "c" then
      return passed(protected(call_site("match"), match, s, m.c_pattern, init))
    end
    local how, per = plan("string.match", m, s, m.anchored)
    return passed(protected(call_site("match"), scan_find, s, m,
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

-- A gmatch iterator over a pattern C could fail on: its errors as C's (the iterator is
-- called by the addon's for loop).
local function protected_iterator(iterator)
  return function()
    return protected(nil, iterator)
  end
end

local function guarded_gmatch(...)
  local s, p = ...
  if type(s) ~= "string" or type(p) ~= "string" then
    return passed(protected(call_site("gmatch"), gmatch, ...))
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
  return m.may_fail and protected_iterator(iterator) or iterator
end

local function guarded_gsub(...)
  local s, p, repl, max_n = ...
  local kind = type(repl)
  if type(s) ~= "string" or type(p) ~= "string" or (max_n ~= nil and type(max_n) ~= "number")
      or (kind ~= "string" and kind ~= "number" and kind ~= "table" and kind ~= "function") then
    return passed(protected(call_site("gsub"), gsub, ...))
  end
  local m = measured(p, false)
  local how, per = "c", nil
  if #s > m.fast_n then
    how, per = plan("string.gsub", m, s, m.anchored)
  end
  local refs = kind == "string" and (highest_refs[repl] or highest_reference(repl)) or 0
  if m.may_fail or (refs > 1 and refs > m.captures) then
    if how == "c" then
      return passed(protected(call_site("gsub"), gsub, s, m.c_pattern, repl, max_n))
    end
    return passed(protected(call_site("gsub"), scan_gsub, s, m, repl, max_n, per, how))
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
      s = protected(call_site("lower"), lower, ...)
    end
    return (gsub(s, "[A-Z]", to_lower))
  end
  string.upper = function(...)
    local s = ...
    if type(s) ~= "string" then
      s = protected(call_site("upper"), upper, ...)
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
  FAST_N_LIMIT = steps < 10000000 and 0 or 1048576
  caches, cached = { {}, {} }, { 0, 0 }
end
