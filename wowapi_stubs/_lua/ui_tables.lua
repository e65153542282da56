-- FrameXML's data tables and the fields its code sets on its frames, for the built-in UI
-- (wowapi_stubs/ui/tables.py builds the table from the API data; this turns its markers into
-- values): a global FrameXML's table reads as is
-- ("\0g:NAME") becomes that global's value in this client (nil when the built-in UI has
-- none), a function ("\0f") becomes one that fails saying FrameXML's function is not
-- modelled, at the caller's file:line.
local G = _G
local FUNCTION, REFERENCE = "\0f", "\0g:"
local error, pairs, type, strsub, rawget, rawset = error, pairs, type, string.sub, rawget, rawset
local setmetatable = setmetatable

local function not_modelled(path)
  return function()
    error("FrameXML's " .. path .. " is not modelled by the built-in UI", 2)
  end
end

local function convert(tbl, path)
  for key, value in pairs(tbl) do
    local here = type(key) == "number" and (path .. "[" .. key .. "]") or (path .. "." .. key)
    if type(value) == "table" then
      convert(value, here)
    elseif value == FUNCTION then
      tbl[key] = not_modelled(here)
    elseif type(value) == "string" and strsub(value, 1, 3) == REFERENCE then
      tbl[key] = G[strsub(value, 4)]
    end
  end
  return tbl
end

-- lazy(tbl, build): a key tbl lacks is asked of build(key) once (FrameXML's entries of a
-- large table, made when first read); what it gives is kept in tbl.
local function lazy(tbl, build)
  local asked = {}
  return setmetatable(tbl, { __index = function(t, key)
    if asked[key] or type(key) ~= "string" then
      return nil
    end
    asked[key] = true
    local value = build(key)
    if value ~= nil then
      rawset(t, key, value)
    end
    return value
  end })
end

-- convert(tbl, path [, into]): tbl converted; with `into` (a frame), its fields are also set
-- there, except the ones the frame already holds.
return function(tbl, path, into, build)
  if build then
    return lazy(tbl, build)
  end
  convert(tbl, path)
  if into then
    for key, value in pairs(tbl) do
      if rawget(into, key) == nil then
        rawset(into, key, value)
      end
    end
  end
  return tbl
end
