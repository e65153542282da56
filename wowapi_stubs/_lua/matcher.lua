-- Lua 5.1's pattern matcher, written in Lua: the same items, the same order of trials, the
-- same captures as the C matcher (lstrlib.c's match, max_expand, min_expand, matchbalance,
-- classEnd, singlematch, matchbracketclass), with the client's ASCII-only classes.
--
-- The pattern guard uses it for patterns whose worst case is too large to hand to C (where
-- the CPU hook never fires): here every step is a Lua instruction, so the CPU deadline and the
-- memory cap apply, and a match that ends early (the common case: a debugstack() parsed by
-- a library's `.-\n.-\\AddOns\\(.-)\\` idiom) costs what it costs in the real client.
-- Loaded on first use only, given the library functions it uses (taken before any addon ran).
local byte, sub, error = ...

local L_ESC, CAP_UNFINISHED, CAP_POSITION, MAXCAPTURES = 37, -1, -2, 32

local function fail(message)
  error(message, 0)
end

local function match_class(c, cl)
  local lower = cl >= 65 and cl <= 90 and cl + 32 or cl
  local res
  if lower == 97 then -- a
    res = (c >= 65 and c <= 90) or (c >= 97 and c <= 122)
  elseif lower == 99 then -- c
    res = c < 32 or c == 127
  elseif lower == 100 then -- d
    res = c >= 48 and c <= 57
  elseif lower == 108 then -- l
    res = c >= 97 and c <= 122
  elseif lower == 112 then -- p
    res = (c >= 33 and c <= 47) or (c >= 58 and c <= 64) or (c >= 91 and c <= 96)
      or (c >= 123 and c <= 126)
  elseif lower == 115 then -- s
    res = c == 32 or (c >= 9 and c <= 13)
  elseif lower == 117 then -- u
    res = c >= 65 and c <= 90
  elseif lower == 119 then -- w
    res = (c >= 65 and c <= 90) or (c >= 97 and c <= 122) or (c >= 48 and c <= 57)
  elseif lower == 120 then -- x
    res = (c >= 48 and c <= 57) or (c >= 65 and c <= 70) or (c >= 97 and c <= 102)
  elseif lower == 122 then -- z
    res = c == 0
  else
    return cl == c
  end
  if cl >= 97 and cl <= 122 then
    return res
  end
  return not res
end

-- p[pi] is '[', p[ec] its closing ']'.
local function match_bracket_class(c, p, pi, ec)
  local sig = true
  if byte(p, pi + 1) == 94 then -- ^
    sig = false
    pi = pi + 1
  end
  pi = pi + 1
  while pi < ec do
    local d = byte(p, pi)
    if d == L_ESC then
      pi = pi + 1
      if match_class(c, byte(p, pi)) then
        return sig
      end
    elseif byte(p, pi + 1) == 45 and pi + 2 < ec then -- a-z
      if d <= c and c <= byte(p, pi + 2) then
        return sig
      end
      pi = pi + 2
    elseif d == c then
      return sig
    end
    pi = pi + 1
  end
  return not sig
end

-- Index just past the single-character class at pi.
local function class_end(p, pi, plen)
  local c = byte(p, pi)
  pi = pi + 1
  if c == L_ESC then
    if pi > plen then
      fail("malformed pattern (ends with '%')")
    end
    return pi + 1
  elseif c == 91 then -- [
    if byte(p, pi) == 94 then
      pi = pi + 1
    end
    repeat
      if pi > plen then
        fail("malformed pattern (missing ']')")
      end
      local d = byte(p, pi)
      pi = pi + 1
      if d == L_ESC and pi <= plen then
        pi = pi + 1
      end
    until byte(p, pi) == 93
    return pi + 1
  end
  return pi
end

local function single_match(c, p, pi, ep)
  local d = byte(p, pi)
  if d == 46 then -- .
    return true
  elseif d == L_ESC then
    return match_class(c, byte(p, pi + 1))
  elseif d == 91 then
    return match_bracket_class(c, p, pi, ep - 1)
  end
  return d == c
end

-- The match state: subject, its length, pattern, its length, capture starts and lengths.
local S, SLEN, P, PLEN, level
local cap_init, cap_len = {}, {}

local do_match

local function max_expand(si, pi, ep)
  local i = 0
  while si + i <= SLEN and single_match(byte(S, si + i), P, pi, ep) do
    i = i + 1
  end
  while i >= 0 do
    local res = do_match(si + i, ep + 1)
    if res then
      return res
    end
    i = i - 1
  end
  return nil
end

local function min_expand(si, pi, ep)
  while true do
    local res = do_match(si, ep + 1)
    if res then
      return res
    elseif si <= SLEN and single_match(byte(S, si), P, pi, ep) then
      si = si + 1
    else
      return nil
    end
  end
end

local function start_capture(si, pi, what)
  if level >= MAXCAPTURES then
    fail("too many captures")
  end
  level = level + 1
  cap_init[level], cap_len[level] = si, what
  local res = do_match(si, pi)
  if not res then
    level = level - 1
  end
  return res
end

local function end_capture(si, pi)
  local l = level
  while l >= 1 and cap_len[l] ~= CAP_UNFINISHED do
    l = l - 1
  end
  if l < 1 then
    fail("invalid pattern capture")
  end
  cap_len[l] = si - cap_init[l]
  local res = do_match(si, pi)
  if not res then
    cap_len[l] = CAP_UNFINISHED
  end
  return res
end

local function match_balance(si, pi)
  if pi + 1 > PLEN then
    fail("unbalanced pattern")
  end
  local b, e = byte(P, pi), byte(P, pi + 1)
  if byte(S, si) ~= b then
    return nil
  end
  local cont = 1
  si = si + 1
  while si <= SLEN do
    local c = byte(S, si)
    if c == e then
      cont = cont - 1
      if cont == 0 then
        return si + 1
      end
    elseif c == b then
      cont = cont + 1
    end
    si = si + 1
  end
  return nil
end

local function match_capture(si, d)
  local l = d - 48
  if l < 1 or l > level or cap_len[l] == CAP_UNFINISHED then
    fail("invalid capture index")
  end
  local len = cap_len[l]
  if len == CAP_POSITION then -- C compares the subject's rest with (size_t) -2 bytes
    return nil
  end
  if SLEN - si + 1 >= len and sub(S, cap_init[l], cap_init[l] + len - 1)
      == sub(S, si, si + len - 1) then
    return si + len
  end
  return nil
end

-- The index in S just past the match of P[pi..] at si, or nil.
function do_match(si, pi)
  while true do
    if pi > PLEN then
      return si
    end
    local c = byte(P, pi)
    if c == 40 then -- (
      if byte(P, pi + 1) == 41 then
        return start_capture(si, pi + 2, CAP_POSITION)
      end
      return start_capture(si, pi + 1, CAP_UNFINISHED)
    elseif c == 41 then -- )
      return end_capture(si, pi + 1)
    elseif c == 36 and pi == PLEN then -- $ at the end
      return si == SLEN + 1 and si or nil
    end
    local d = c == L_ESC and byte(P, pi + 1)
    if d == 98 then -- %b
      si = match_balance(si, pi + 2)
      if not si then
        return nil
      end
      pi = pi + 4
    elseif d == 102 then -- %f
      pi = pi + 2
      if byte(P, pi) ~= 91 then
        fail("missing '[' after '%f' in pattern")
      end
      local ep = class_end(P, pi, PLEN)
      local previous = si == 1 and 0 or byte(S, si - 1)
      if match_bracket_class(previous, P, pi, ep - 1)
          or not match_bracket_class(byte(S, si) or 0, P, pi, ep - 1) then
        return nil
      end
      pi = ep
    elseif d and d >= 48 and d <= 57 then -- %0-%9
      si = match_capture(si, d)
      if not si then
        return nil
      end
      pi = pi + 2
    else
      local ep = class_end(P, pi, PLEN)
      local m = si <= SLEN and single_match(byte(S, si), P, pi, ep)
      local q = byte(P, ep)
      if q == 63 then -- ?
        if m then
          local res = do_match(si + 1, ep + 1)
          if res then
            return res
          end
        end
        pi = ep + 1
      elseif q == 42 then -- *
        return max_expand(si, pi, ep)
      elseif q == 43 then -- +
        return m and max_expand(si + 1, pi, ep) or nil
      elseif q == 45 then -- -
        return min_expand(si, pi, ep)
      else
        if not m then
          return nil
        end
        si = si + 1
        pi = ep
      end
    end
  end
end

local function capture_value(l, si, e)
  if l > level then
    if l == 1 then
      return sub(S, si, e - 1)
    end
    fail("invalid capture index")
  end
  local len = cap_len[l]
  if len == CAP_UNFINISHED then
    fail("unfinished capture")
  elseif len == CAP_POSITION then
    return cap_init[l]
  end
  return sub(S, cap_init[l], cap_init[l] + len - 1)
end

local function captures(l, si, e)
  if l > level then
    return
  end
  return capture_value(l, si, e), captures(l + 1, si, e)
end

local M = {}

-- string.find(s, "^" .. p, i) for i in 1..#s+1: start, end and captures, or nil.
function M.find_at(s, p, i)
  S, SLEN, P, PLEN, level = s, #s, p, #p, 0
  local e = do_match(i, 1)
  if not e then
    return nil
  end
  if level == 0 then
    return i, e - 1
  end
  return i, e - 1, captures(1, i, e)
end

return M
