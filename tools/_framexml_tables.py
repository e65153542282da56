"""FrameXML's global data tables, as data (used by ``tools/gen_api_data.py``).

Each Lua file of ``FrameXML/`` (the order of ``FrameXML.toc``, XML files' ``<Script
file=>`` included) runs once in a sandbox where every global the sandbox lacks reads as a
placeholder (calling, indexing or computing with one gives another). What the files leave
in their global tables is kept when it is data: numbers, booleans, token-like strings (no
whitespace: paths, tokens; player-facing texts are never kept, and ``GlobalStrings.lua``
does not run), nested tables, a global read as is (``button1 = ACCEPT``, kept as a
reference to that global), a FrameXML global function (kept as a reference to it by name)
and other functions (kept as a marker only: the built-in UI makes a function that says it is
not modelled). The ``OnLoad`` handlers of FrameXML's named frames (their own or their
templates') then run with a placeholder of the frame that records the fields they set
(``SpellBookFrame.bookType``, ``ContainerFrame1.bags``) and the frames they make with
``CreateFrame`` and a name (``TargetFrameToT``); a FrameXML function failing on a
placeholder returns one, so that the rest of the handler runs; a frame's ``GetWidth`` and
``GetHeight`` return the size FrameXML gives it (``OptionsList_OnLoad`` counts its buttons
from its height), when known. Placeholders computed from unknown values are dropped. Names
and values only; no code is kept.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from wowapi_stubs.toc import resolve_case_insensitive

FUNCTION = "\x00f"
"""Marker of a function FrameXML's table holds."""
REFERENCE = "\x00g:"
"""Prefix of a reference to the global named after it."""

_SKIP_FILES = {"GlobalStrings.lua"}  # player-facing texts
_MAX_ENTRIES = 4000  # per table, nested entries counted

_SANDBOX = rb"""
local FUNCTION, REFERENCE, MAX_ENTRIES, known, frame_names, sizes = ...
local placeholders = setmetatable({}, { __mode = "k" })  -- placeholder -> global name or false
local meta = {}
local function derived()
  local p = setmetatable({}, meta)
  placeholders[p] = false
  return p
end
meta.__index = function() return derived() end
meta.__newindex = function() end
meta.__call = function() return derived() end
for _, op in ipairs({"__add", "__sub", "__mul", "__div", "__mod", "__pow", "__unm",
                     "__concat", "__len"}) do
  meta[op] = function() return derived() end
end
local lib = { string = string, table = table, math = math, pairs = pairs, ipairs = ipairs,
  type = type, tonumber = tonumber, tostring = tostring, select = select, unpack = unpack,
  next = next, rawget = rawget, rawset = rawset, setmetatable = setmetatable,
  getmetatable = getmetatable, pcall = pcall, error = error, assert = assert,
  format = string.format, strsub = string.sub, strlen = string.len, strupper = string.upper,
  strlower = string.lower, strfind = string.find, gsub = string.gsub, strrep = string.rep,
  tinsert = table.insert, tremove = table.remove, sort = table.sort, floor = math.floor,
  ceil = math.ceil, abs = math.abs, min = math.min, max = math.max, mod = math.fmod }
local function has_placeholder(...)
  for i = 1, select("#", ...) do
    if placeholders[(select(i, ...))] ~= nil then return true end
  end
end
local function tolerant(fn)
  return function(...)
    if has_placeholder(...) then return derived() end
    local results = { pcall(fn, ...) }
    if not results[1] then return derived() end
    return unpack(results, 2, table.maxn(results))
  end
end
for key, value in pairs(lib) do
  if type(value) == "function" and key ~= "pairs" and key ~= "ipairs" and key ~= "next"
      and key ~= "type" and key ~= "pcall" and key ~= "setmetatable" and key ~= "rawset" then
    lib[key] = tolerant(value)
  elseif type(value) == "table" then
    local copy = {}
    for name, fn in pairs(value) do copy[name] = tolerant(fn) end
    lib[key] = copy
  end
end
-- Inserting a placeholder into a real table keeps it there (a list of made buttons).
local function insert(t, ...)
  if type(t) ~= "table" or placeholders[t] ~= nil or not pcall(table.insert, t, ...) then
    return derived()
  end
end
lib.tinsert, lib.table.insert = insert, insert
-- FrameXML's named frames: placeholders that record the fields code sets on them and
-- answer GetName; CreateFrame with a name makes one and records the call.
local frames, fields, created = {}, {}, {}
local frame_meta = {}
local function frame(name)
  local p = frames[name]
  if not p then
    p = setmetatable({}, frame_meta)
    placeholders[p], frames[name], fields[p] = name, p, {}
  end
  return p
end
frame_meta.__index = function(p, key)
  if key == "GetName" then
    return function() return placeholders[p] end
  end
  local size = sizes[placeholders[p]]
  if size and (key == "GetWidth" or key == "GetHeight" or key == "GetSize") then
    return function()
      if key == "GetWidth" then return size[1] elseif key == "GetHeight" then return size[2] end
      return size[1], size[2]
    end
  end
  local value = fields[p][key]
  if value ~= nil then return value end
  return derived()
end
frame_meta.__newindex = function(p, key, value)
  if type(key) == "string" then fields[p][key] = value end
end
frame_meta.__call = meta.__call
for _, op in ipairs({"__add", "__sub", "__mul", "__div", "__mod", "__pow", "__unm",
                     "__concat", "__len"}) do
  frame_meta[op] = meta[op]
end
lib.CreateFrame = function(kind, name, parent, template)
  if type(name) ~= "string" or type(kind) ~= "string" then return derived() end
  if not frames[name] and not frame_names[name] then
    created[name] = { kind = kind, parent = placeholders[parent] or "",
                      template = type(template) == "string" and template or "" }
  end
  return frame(name)
end

local env = {}
setmetatable(env, { __index = function(_, key)
  local value = lib[key]
  if value ~= nil then return value end
  if frame_names[key] or created[key] then return frame(key) end
  if not known[key] then return nil end  -- a global the client does not have
  local p = setmetatable({}, meta)
  placeholders[p] = key
  return p
end })
env._G = env

-- A file stops after STEPS instructions (a loop on a placeholder would never end).
local STEPS = 20000000
local function run(code, name)
  local chunk = loadstring(code, name)
  if not chunk then return end
  setfenv(chunk, env)
  local co = coroutine.create(chunk)
  debug.sethook(co, function() error("too long") end, "", STEPS)
  local ok, message = coroutine.resume(co)
  return not ok and message or nil
end

-- FrameXML's global functions by value: a table or field holding one refers to it by name.
local function_names = {}
local function name_functions()
  for key, value in pairs(env) do
    if type(value) == "function" and type(key) == "string" then
      function_names[value] = key
    end
  end
end

local function is_token(s)
  return not string.find(s, "[ \t\r\n\f\v]") and #s < 200
end

local function encode(value, seen, budget)
  local kind = type(value)
  if kind == "number" then
    if value ~= value or value == 1/0 or value == -1/0 then return nil end
    return value
  elseif kind == "boolean" then
    return value
  elseif kind == "string" then
    return is_token(value) and value or nil
  elseif kind == "function" then
    local global = function_names[value]
    return global and (REFERENCE .. global) or FUNCTION
  elseif kind ~= "table" then
    return nil
  end
  local ref = placeholders[value]
  if ref ~= nil then
    return ref and (REFERENCE .. ref) or nil
  end
  if seen[value] or getmetatable(value) then return nil end
  seen[value] = true
  local out = {}
  for k, v in pairs(value) do
    budget.left = budget.left - 1
    if budget.left < 0 then return nil end
    local key_kind = type(k)
    if (key_kind == "string" and is_token(k)) or key_kind == "number" then
      local encoded = encode(v, seen, budget)
      if encoded ~= nil then
        out[k] = encoded
      end
    end
  end
  seen[value] = nil
  return out
end

local function tables()
  name_functions()
  local out = {}
  for name, value in pairs(env) do
    if type(name) == "string" and type(value) == "table" and not placeholders[value]
        and name ~= "_G" then
      local encoded = encode(value, {}, { left = MAX_ENTRIES })
      if encoded ~= nil and next(encoded) ~= nil then
        out[name] = encoded
      end
    end
  end
  return out
end
-- Before the handlers run: a FrameXML function that fails (on a placeholder it cannot
-- compare, say) returns a placeholder, so that the rest of the handler still runs.
local guarded = false
local function guard_functions()
  guarded = true
  for key, value in pairs(env) do
    if type(value) == "function" then
      function_names[value] = key
      local wrapper = function(...)
        local results = { pcall(value, ...) }
        if not results[1] then return derived() end
        return unpack(results, 2, table.maxn(results))
      end
      function_names[wrapper] = key
      rawset(env, key, wrapper)
    end
  end
end

-- An XML OnLoad handler of a named frame, run with that frame.
local function on_load(code, name, frame_name)
  if not guarded then guard_functions() end
  local chunk = loadstring(code, name)
  if not chunk then return end
  setfenv(chunk, env)
  local co = coroutine.create(function() chunk()(frame(frame_name)) end)
  debug.sethook(co, function() error("too long") end, "", STEPS)
  coroutine.resume(co)
end

local function frame_data()
  local out = {}
  for name, p in pairs(frames) do
    local encoded = encode(fields[p], {}, { left = MAX_ENTRIES })
    if encoded ~= nil and next(encoded) ~= nil then
      out[name] = encoded
    end
  end
  return out, created
end
return run, tables, on_load, frame_data
"""


def _toc_files(folder: Path) -> tuple[list[Path], list[tuple[Path, str, str]]]:
    """FrameXML's Lua files in load order (the ``.toc``'s Lua files and the ``<Script
    file=>`` of its XML files, includes followed), and the ``OnLoad`` handler bodies of
    its XML's named frames (``(file, frame name, body)``, children first, not templates)."""
    out: list[Path] = []
    handlers: list[tuple[Path, str, str]] = []

    def tag_of(element: ET.Element) -> str:
        return element.tag.rsplit("}", 1)[-1] if isinstance(element.tag, str) else ""

    templates: dict[str, ET.Element] = {}
    named: list[tuple[Path, str, ET.Element]] = []

    def frames(path: Path, element: ET.Element, parent: str = "") -> None:
        name = element.get("name") or ""
        if element.get("virtual", "").lower() == "true":
            templates[name.lower()] = element
            return
        if parent and name[:7].lower() == "$parent":  # "$parentCategories": its parent's name
            name = parent + name[7:]
        for child in element:
            frames(path, child, name or parent)
        if name and "$" not in name:
            named.append((path, name, element))

    def on_load(element: ET.Element, seen: frozenset[str] = frozenset()) -> str | None:
        """The element's OnLoad body (its own, else its templates', later ones first)."""
        for scripts in element:
            if tag_of(scripts) != "Scripts":
                continue
            for handler in scripts:
                if tag_of(handler) == "OnLoad":
                    if handler.get("function"):
                        return f"{handler.get('function')}(self, ...)"
                    if (handler.text or "").strip():
                        return handler.text or ""
        for template in reversed([t.strip().lower() for t in
                                  (element.get("inherits") or "").split(",") if t.strip()]):
            found = templates.get(template)
            if found is not None and template not in seen:
                body = on_load(found, seen | {template})
                if body is not None:
                    return body
        return None

    def visit(path: Path) -> None:
        if path.suffix.lower() == ".lua":
            if path not in out:
                out.append(path)
            return
        try:
            root = ET.parse(path).getroot()
        except (ET.ParseError, OSError):
            return
        for element in root.iter():
            tag = tag_of(element)
            target = element.get("file")
            if tag in ("Script", "Include") and target:
                found = resolve_case_insensitive(path.parent, target.strip())
                if found is not None:
                    visit(found)
        frames(path, root)

    toc = folder / "FrameXML.toc"
    for line in toc.read_text(encoding="utf-8-sig").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            found = resolve_case_insensitive(folder, line)
            if found is not None:
                visit(found)
    for path, name, element in named:
        body = on_load(element)
        if body is not None:
            handlers.append((path, name, body))
    return out, handlers


@dataclass
class FrameXmlData:
    """What FrameXML's Lua leaves at load: its global data tables, the fields its code
    (files and named frames' ``OnLoad`` handlers) sets on its named frames, and the named
    frames it makes with ``CreateFrame`` (name -> type, parent, template)."""

    tables: dict[str, object]
    frame_fields: dict[str, object]
    created_frames: dict[str, list[str]]


def framexml_data(frame_xml: Path, names: set[str], known: set[str],
                  frame_names: set[str],
                  sizes: dict[str, tuple[float, float]] | None = None) -> FrameXmlData:
    """FrameXML's data (see the module's docstring): ``names`` are its global values,
    ``frame_names`` its named frames; ``known`` are the globals the client defines outside
    these files (C functions, ``GlobalStrings.lua``'s texts): others read as nil; ``sizes``:
    what named frames' ``GetWidth``/``GetHeight`` return."""
    import lupa.lua51 as lua51

    runtime = lua51.LuaRuntime(encoding=None, register_eval=False)
    known_table = runtime.table_from({name.encode(): True for name in known})
    frames_table = runtime.table_from({name.encode(): True for name in frame_names})
    sizes_table = runtime.table_from({name.encode(): runtime.table_from(list(size))
                                      for name, size in (sizes or {}).items()})
    run, tables, on_load, frame_data = runtime.execute(
        _SANDBOX, FUNCTION.encode(), REFERENCE.encode(), _MAX_ENTRIES, known_table, frames_table,
        sizes_table)
    files, handlers = _toc_files(frame_xml)
    for path in files:
        if path.name not in _SKIP_FILES:
            run(path.read_bytes().removeprefix(b"\xef\xbb\xbf"), b"@" + path.name.encode())
    for path, frame, body in handlers:
        on_load(f"return function(self, ...)\n{body}\nend".encode(),
                f"@{path.name}".encode(), frame.encode())
    found = tables()
    fields, created = frame_data()
    return FrameXmlData(
        tables={name: _plain(found[name.encode()]) for name in sorted(names)
                if found[name.encode()] is not None},
        frame_fields={key.decode(): _plain(value) for key, value in sorted(fields.items())},
        created_frames={key.decode(): [value[b"kind"].decode(), value[b"parent"].decode(),
                                       value[b"template"].decode()]
                        for key, value in sorted(created.items())})


def _plain(value: object) -> object:
    """A Lua value of the sandbox as JSON-ready Python (keys: strings; numeric keys as
    ``"#n"`` so that JSON keeps them apart)."""
    if isinstance(value, bytes):
        return value.decode("utf-8", "surrogateescape")
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, (int, float, bool)):
        return value
    out: dict[str, object] = {}
    for key, item in value.items():  # type: ignore[attr-defined]
        text = f"#{int(key) if isinstance(key, float) and key.is_integer() else key}" \
            if isinstance(key, (int, float)) else key.decode("utf-8", "surrogateescape")
        out[text] = _plain(item)
    return dict(sorted(out.items()))
