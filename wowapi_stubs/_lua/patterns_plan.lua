-- The pattern guard's planner (see patterns.lua): measuring a pattern, bounding the worst
-- case of one call, and the scans over start positions. Loaded the first time a guarded
-- function needs it. It reads no global: addon code may have replaced any of them by then,
-- so the library functions come from patterns.lua, captured when the client started.
local P, lib, fail, BUDGET = ...
local find, match, gmatch, gsub = lib.find, lib.match, lib.gmatch, lib.gsub
local lower, byte, sub, char = lib.lower, lib.byte, lib.sub, lib.char
local type, select, error, tostring, unpack = lib.type, lib.select, lib.error, lib.tostring,
  lib.unpack
local concat = lib.concat

local CHECK_EVERY = 1000000 -- scans check the CPU deadline after this much worst-case work
local FAST_N_LIMIT = BUDGET < 10000000 and 0 or 1048576
local MAX_DEPTH = 200 -- recursion levels of the C matcher (the limit Lua 5.2 adopted)
local CACHE_SIZE = 256
local ascii = P.host_locale_is_8_bit

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

return {
  measured = measured, plan = plan, start_index = start_index, scan_find = scan_find,
  scan_gmatch = scan_gmatch, scan_gsub = scan_gsub,
  scans = function()
    return scans, in_lua
  end,
  -- A smaller budget sends more calls down the scanning path (measurements made under
  -- another budget are forgotten).
  set_budget = function(steps)
    BUDGET = steps
    FAST_N_LIMIT = steps < 10000000 and 0 or 1048576
    caches, cached = { {}, {} }, { 0, 0 }
  end,
}
