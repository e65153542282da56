"""Generate ``wowapi_stubs/data/api_335a.json``: the 3.3.5a API surface as data.

Names come from the reference data (``wow-335a``: whoa's name lists in ``api/`` and
Blizzard's FrameXML in ``ui/``, read from a path, never copied) plus
``tools/api335a_supplement.txt``; the implemented flags come from the code (what a fresh
headless client registers). Only names and flags are written.

Run from the repository root:

    python tools/gen_api_data.py --wow-dir ../shared/wow-335a   # names and flags
    python tools/gen_api_data.py                                 # flags only (after adding an API)
    python tools/gen_api_data.py --check [--wow-dir DIR]         # exit 1 if the file is stale

``--wow-dir`` defaults to ``$MGM_WOW335A_DIR``; without either, the names already in the data
file are kept and only the flags are recomputed.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tools"))

from _framexml_geometry import framexml_layout  # noqa: E402
from _framexml_tables import framexml_data  # noqa: E402

from wowapi_stubs._bytecode import ChunkNames, scan_names  # noqa: E402
from wowapi_stubs.coverage import implemented_surface  # noqa: E402
from wowapi_stubs.surface import SECTIONS, ApiSurface  # noqa: E402
from wowapi_stubs.xml._schema import handler_params  # noqa: E402

OUTPUT = REPO / "wowapi_stubs" / "data" / "api_335a.json"
SUPPLEMENT = REPO / "tools" / "api335a_supplement.txt"
_HEADING = re.compile(r"^\[(functions|widget (\w+)(?: : ([\w, ]+))?)\]$")
# FrameXML globals that are XML objects: top-level elements of these kinds with a name.
_FONT_TAGS = {"Font", "FontFamily"}


def _names(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text().splitlines()
            if line.strip() and not line.startswith("#")]


def _provenance(path: Path) -> str:
    return path.read_text().splitlines()[0].lstrip("# ").strip()


def _supplement() -> tuple[list[str], dict[str, tuple[list[str], list[str]]]]:
    """Functions and widget types (``type -> (parents, own methods)``) of the supplement."""
    functions: list[str] = []
    widgets: dict[str, tuple[list[str], list[str]]] = {}
    target: list[str] | None = None
    for number, raw in enumerate(SUPPLEMENT.read_text().splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        heading = _HEADING.match(line)
        if heading:
            if heading[1] == "functions":
                target = functions
            else:
                parents = [p.strip() for p in (heading[3] or "").split(",") if p.strip()]
                widgets[heading[2]] = (parents, [])
                target = widgets[heading[2]][1]
        elif target is None or not line.isidentifier():
            raise SystemExit(f"{SUPPLEMENT}:{number}: expected a heading or a name: {line!r}")
        else:
            target.append(line)
    return functions, widgets


def _compile_all(folder: Path) -> ChunkNames:
    """Names used by every Lua file under ``folder`` (compiled with Lua 5.1)."""
    import lupa.lua51 as lua51

    runtime = lua51.LuaRuntime(encoding=None, register_eval=False)
    dump = runtime.execute(b"return function(code, name) local f = loadstring(code, name)"
                           b" return f and string.dump(f) end")
    names = ChunkNames()
    sources = [(path, path.read_bytes().removeprefix(b"\xef\xbb\xbf"))
               for path in sorted(folder.rglob("*.lua"))]
    for path in sorted(folder.rglob("*.xml")):  # inline <Script> code runs at load too
        sources += [(path, element.text.encode()) for element in ET.parse(path).iter()
                    if _tag(element) == "Script" and (element.text or "").strip()]
        sources += _handler_bodies(path)
    for path, code in sources:
        bytecode = dump(code, b"@" + path.name.encode())
        if bytecode is None:
            raise SystemExit(f"{path}: does not compile with Lua 5.1")
        names.update(scan_names(bytecode))
    return names


def _handler_bodies(path: Path) -> list[tuple[Path, bytes]]:
    """The bodies of the script handlers an XML file declares (``<Scripts><OnClick>...``),
    each as the function the client compiles (its 3.3.5a parameters): the C functions
    FrameXML calls only from handlers (``DoTradeSkill``, ``ClosePetition``) are known too."""
    out = []
    for scripts in ET.parse(path).iter():
        if _tag(scripts) != "Scripts":
            continue
        for handler in scripts:
            body = handler.text or ""
            if isinstance(handler.tag, str) and body.strip():
                params = handler_params(_tag(handler))
                out.append((path, f"return function({params})\n{body}\nend".encode()))
    return out


# Element tags of the UI schema that make a widget (regions and frames).
_WIDGET_TAGS = {"Frame", "Button", "CheckButton", "EditBox", "Slider", "StatusBar",
                "ScrollFrame", "Cooldown", "ColorSelect", "GameTooltip", "MessageFrame",
                "ScrollingMessageFrame", "SimpleHTML", "Model", "PlayerModel", "DressUpModel",
                "TabardModel", "Minimap", "MovieFrame", "QuestPOIFrame", "Texture", "FontString",
                "WorldFrame"}


# Elements that make a texture or font string of their frame in a slot (the type written
# in the data is the slot: the built-in UI puts the region there).
_SLOTS = {"NormalTexture", "PushedTexture", "DisabledTexture", "HighlightTexture",
          "CheckedTexture", "DisabledCheckedTexture", "ThumbTexture", "BarTexture",
          "ColorWheelTexture", "ColorWheelThumbTexture", "ColorValueTexture",
          "ColorValueThumbTexture", "ButtonText"}
_ROOT = "$P"  # a template's own widget, in its children's names


def _tag(element: ET.Element) -> str:
    return element.tag.rsplit("}", 1)[-1]


class _Structure:
    """FrameXML's widget tree: templates by name, and each widget a named frame or a
    template makes, as ``[name, type or slot, parent, hidden, parentKey, font, scope]``
    (scope: the name ``$parent`` means for the widget's children)."""

    def __init__(self, roots: list[ET.Element]) -> None:
        self.templates: dict[str, ET.Element] = {}
        self.fonts: set[str] = set()
        for root in roots:
            for element in root.iter():
                name = element.get("name") or ""
                if _tag(element) in _FONT_TAGS and name:
                    self.fonts.add(name)
                elif element.get("virtual", "").lower() == "true" and name:
                    self.templates.setdefault(name.lower(), element)

    def chain(self, element: ET.Element, seen: tuple[str, ...] = ()) -> list[ET.Element]:
        """The templates ``element`` inherits (each after its own), then itself."""
        steps: list[ET.Element] = []
        for name in (element.get("inherits") or "").split(","):
            key = name.strip().lower()
            template = self.templates.get(key)
            if template is not None and key not in seen:
                steps += self.chain(template, (*seen, key))
        return [*steps, element]

    def font_of(self, steps: list[ET.Element], kind: str) -> str:
        """A font string's font object, or a button's normal font."""
        for step in reversed(steps):
            if kind in ("FontString", "ButtonText"):
                for name in (step.get("inherits") or "").split(","):
                    if name.strip() in self.fonts:
                        return name.strip()
            else:
                style = next((c.get("style") for c in step if _tag(c) == "NormalFont"), None)
                if style in self.fonts:
                    return style
        return ""

    @staticmethod
    def children(element: ET.Element) -> list[tuple[ET.Element, str]]:
        """Child widgets of a frame element, with the type (or slot) each makes."""
        out = []
        for child in element:
            tag = _tag(child)
            if tag in ("Frames", "ScrollChild"):
                out += [(c, _tag(c)) for c in child if _tag(c) in _WIDGET_TAGS]
            elif tag == "Layers":
                out += [(c, _tag(c)) for layer in child for c in layer
                        if _tag(c) in ("Texture", "FontString")]
            elif tag in _SLOTS:
                out.append((child, tag))
        return out

    def build(self, element: ET.Element, kind: str, parent: str, out: list[list[object]],
              depth: int = 0) -> None:
        """Append ``element``'s widget and its descendants to ``out`` (parents first; a
        parent is written by name, or as ``#i``, the i-th entry, when unnamed)."""
        steps = self.chain(element)
        scope = str(out[int(parent[1:])][6]) if parent.startswith("#") else parent
        raw = element.get("name") or ""
        name = raw.replace("$parent", scope).replace("$Parent", scope)
        hidden = next((s.get("hidden") for s in reversed(steps) if s.get("hidden")), "")
        key = next((s.get("parentKey") for s in reversed(steps) if s.get("parentKey")), "") \
            or _parent_field_of(steps)
        font = self.font_of(steps, kind)
        index = len(out)
        out.append([name, kind, element.get("parent") or parent,
                    int(hidden.lower() == "true"), key, font, name or scope])
        if depth >= 12:
            return
        for step in steps:
            for child, child_kind in self.children(step):
                self.build(child, child_kind, name or f"#{index}", out, depth + 1)


# An OnLoad that stores the widget in a field of its parent (OptionsListButtonTemplate's
# toggle: ``self:GetParent().toggle = self``) gives it what a parentKey gives.
_PARENT_FIELD = re.compile(r"\b(?:self|this):GetParent\(\)\.([A-Za-z_]\w*)\s*=\s*(?:self|this)\b")


def _parent_field_of(steps: list[ET.Element]) -> str:
    """The parent field an OnLoad of ``steps`` (the element's own first) stores it in."""
    for step in reversed(steps):
        for scripts in (c for c in step if _tag(c) == "Scripts"):
            for handler in scripts:
                found = _PARENT_FIELD.search(handler.text or "") \
                    if _tag(handler) == "OnLoad" else None
                if found:
                    return found.group(1)
    return ""


def _xml_structure(folder: Path) -> tuple[set[str], list[list[object]],
                                         dict[str, list[list[object]]]]:
    """The font objects of FrameXML's XML, every widget its named frames make (template
    children and ``$parent`` names included), and the widgets each virtual template adds
    to a frame inheriting it."""
    roots = [ET.parse(path).getroot() for path in sorted(folder.rglob("*.xml"))]
    tree = _Structure(roots)
    frames: list[list[object]] = []
    for root in roots:
        for element in root:
            tag = _tag(element)
            if tag in _WIDGET_TAGS and tag != "WorldFrame" and \
                    element.get("virtual", "").lower() != "true":
                tree.build(element, tag, "", frames)
    templates: dict[str, list[list[object]]] = {}
    for element in tree.templates.values():
        if _tag(element) not in _WIDGET_TAGS:
            continue
        steps = tree.chain(element)
        parts: list[list[object]] = [[_ROOT, _tag(element), "", 0, "",
                                      tree.font_of(steps, _tag(element)), _ROOT]]
        for step in steps:
            for child, child_kind in tree.children(step):
                tree.build(child, child_kind, "#0", parts, 1)
        templates[element.get("name") or ""] = parts
    # A named frame's unnamed slot regions (``<NormalTexture file=.../>``, its own or its
    # templates') and its unnamed children a parent key names (``WorldMapLevelDropDown``'s
    # ``header``): written with the frame, ``Kind`` for a slot, ``Kind=key=font=hidden`` for
    # a keyed child.
    slots: dict[str, list[str]] = {}
    for name, kind, parent, hidden, key, font, *_ in frames:
        if name or not isinstance(parent, str) or not parent or parent.startswith("#"):
            continue
        part = f"{kind}={key}={font}={hidden}" if key else str(kind)
        if (key or kind in _SLOTS) and part not in slots.get(parent, []):
            slots.setdefault(parent, []).append(part)
    return tree.fonts, [[*f, ",".join(slots.get(str(f[0]), []))] for f in frames if f[0]], \
        templates


def _xml_handler_functions(folder: Path) -> set[str]:
    """Global functions FrameXML's XML binds as script handlers (``function=``)."""
    return {element.get("function") or "" for path in folder.rglob("*.xml")
            for element in ET.parse(path).getroot().iter() if element.get("function")}


# A top-level assignment of FrameXML's Lua: ``NAME = expression;`` at the start of a line.
_ASSIGNMENT = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.+?)\s*;?\s*(?:--.*)?$")
# Expressions kept: literals and arithmetic on other constants (no calls, tables, texts).
_EXPRESSION = re.compile(r"^[A-Za-z0-9_.+\-*/%() \t]+$|^\"[^\"\s]*\"$")
# Files of texts shown to the player (not facts to copy): their strings are left out.
_TEXT_FILES = {"GlobalStrings.lua"}


# Format specifiers of a text (string.format's: flags, width, precision, conversion).
_FORMAT = re.compile(r"%(?:\d+\$)?[-+#0]*\d*(?:\.\d+)?[cdeEfgGiouxXqs]")
_TEXT = re.compile(r'^([A-Za-z_][A-Za-z0-9_]*)\s*=\s*"((?:[^"\\]|\\.)*)"\s*;?\s*$')


def _text_formats(path: Path) -> dict[str, str]:
    """The format specifiers of each text ``GlobalStrings.lua`` defines, in order and
    comma-separated (``AUCTION_REMOVED_MAIL_SUBJECT`` -> ``%s``); the words are not kept."""
    out: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8-sig", errors="replace").splitlines():
        match = _TEXT.match(line.strip())
        if match:
            out[match[1]] = ",".join(_FORMAT.findall(match[2].replace("%%", "")))
    return out


def _constant_values(folder: Path, names: set[str]) -> dict[str, object]:
    """The values FrameXML's Lua gives global ``names`` at load: numbers, booleans and
    token-like strings (paths, ``EMOTE1_TOKEN``...; no player-facing text), from top-level
    assignments of literals or of arithmetic on other such constants. A name assigned two
    different values is left out."""
    import lupa.lua51 as lua51

    runtime = lua51.LuaRuntime(encoding=None, register_eval=False)
    evaluate = runtime.execute(b"""
      local known = ...
      return function(expression)
        local f = loadstring("return " .. expression)
        if not f then return nil end
        setfenv(f, setmetatable({}, {__index = function(_, k)
          local v = known[k]
          if v == nil then error("unknown") end
          return v
        end}))
        local ok, value = pcall(f)
        local kind = type(value)
        if ok and (kind == "number" or kind == "boolean" or kind == "string")
            and value == value and value ~= 1/0 and value ~= -1/0 then
          return value
        end
      end""", known := runtime.table())
    pending: list[tuple[str, str, bool]] = []
    for path in sorted(folder.rglob("*.lua")):
        texts = path.name in _TEXT_FILES
        for line in path.read_text(encoding="utf-8-sig", errors="replace").splitlines():
            match = _ASSIGNMENT.match(line)
            if match and match[1] in names and _EXPRESSION.match(match[2]):
                pending.append((match[1], match[2], texts))
    values: dict[str, object] = {}
    conflicting: set[str] = set()
    for _ in range(4):  # constants defined from constants of later files
        for name, expression, texts in pending:
            value = evaluate(expression.encode())
            if value is None or (texts and isinstance(value, bytes)):
                continue
            value = value.decode() if isinstance(value, bytes) else value
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            if values.get(name, value) != value:
                conflicting.add(name)
            values[name] = value
            known[name.encode()] = value
    return {name: values[name] for name in sorted(values) if name not in conflicting}


def _entry(fields: list[object]) -> str:
    """``name:type:parent:hidden:parentKey:font[:slots]``; a parent whose name begins the
    widget's is written ``^N`` (its first N characters), an unnamed one ``#i`` (the list's
    i-th); slots: the unnamed slot regions of a named frame (``NormalTexture,...``)."""
    name, kind, parent, hidden, key, font = (str(v) for v in fields[:6])
    if parent and not parent.startswith("#") and name.startswith(parent) and name != parent:
        parent = f"^{len(parent)}"
    slots = str(fields[7]) if len(fields) > 7 and fields[7] else ""
    return f"{name}:{kind}:{parent}:{hidden}:{key}:{font}" + (f":{slots}" if slots else "")


def names_from_reference(wow_dir: Path) -> dict[str, object]:
    """Every name of the surface, without flags (``implemented`` fills them in)."""
    api, ui = wow_dir / "api", wow_dir / "ui"
    lua = _compile_all(ui)
    defined = set(_names(api / "framexml-defines.txt"))
    uses_undefined = set(_names(api / "framexml-uses-undefined.txt"))
    whoa = _names(api / "functions.txt")
    extra_functions, extra_widgets = _supplement()
    # C functions FrameXML calls that whoa lacks: called, defined nowhere in ui/, CamelCase
    # (Lua's library and its WoW aliases are lower case).
    # XML handlers bound by name (<OnClick function="SignPetition"/>) call them too.
    calls = lua.calls | _xml_handler_functions(ui)
    # Handler-like names (``X_OnClick``) are FrameXML functions it calls but never defines.
    framexml_calls = {n for n in calls & uses_undefined if n[:1].isupper() and "_On" not in n}
    functions = sorted(set(whoa) | framexml_calls | set(extra_functions))
    framexml_functions = sorted((lua.functions & defined) - set(functions))
    fonts, frames, templates = _xml_structure(ui)
    widget_names = {str(f[0]) for f in frames}
    values = (lua.writes - lua.functions) | fonts
    framexml_globals = sorted((values & defined) - set(functions) - set(framexml_functions)
                              - widget_names)
    events = sorted(set(_names(api / "events.txt")) | set(_names(api / "events-framexml.txt")))
    constants = _constant_values(ui / "FrameXML", set(framexml_globals))
    texts = _text_formats(ui / "FrameXML" / "GlobalStrings.lua")
    layout = framexml_layout(ui)
    found = framexml_data(ui / "FrameXML", set(framexml_globals),
                          set(functions) | uses_undefined | set(texts), widget_names & defined,
                          layout.sizes)
    return {
        "about": {
            "generator": "tools/gen_api_data.py",
            "functions": _provenance(api / "functions.txt"),
            "events": _provenance(api / "events.txt"),
            "widgets": _provenance(api / "widgets" / "INHERITANCE.txt"),
            "framexml": _provenance(api / "framexml-defines.txt"),
            "supplement": "tools/api335a_supplement.txt",
        },
        "functions": functions,
        "framexml_functions": framexml_functions,
        "framexml_globals": framexml_globals,
        "framexml_fonts": sorted(fonts & set(framexml_globals)),
        "framexml_values": constants,
        "framexml_texts": " ".join(f"{name}:{formats}" if formats else name
                                   for name, formats in sorted(texts.items())),
        # One compact JSON text (read on first use of a table).
        "framexml_tables": _compact(found.tables),
        "framexml_frame_fields": _compact(found.frame_fields),
        "framexml_created_frames": _compact(found.created_frames),
        "framexml_frames": " ".join(_entry(f) for f in frames if f[0] in defined),
        "framexml_geometry": layout.encode(
            {str(f[0]) for f in frames if f[0] in defined} | set(found.created_frames)),
        "framexml_templates": {name: " ".join(_entry(f) for f in parts)
                               for name, parts in sorted(templates.items())},
        "events": events,
        "widgets": _widget_types(api / "widgets", extra_widgets),
    }


def _widget_types(folder: Path,
                  extra: dict[str, tuple[list[str], list[str]]]) -> dict[str, dict[str, object]]:
    """Each type's parents and own methods (its list minus what its parents have)."""
    parents: dict[str, list[str]] = {}
    for line in _names(folder / "INHERITANCE.txt"):
        kind, _, rest = line.partition(":")
        parents[kind.strip()] = [p.strip() for p in rest.split(",") if p.strip()]
    creatable = set(_names(folder / "CREATEFRAME.txt"))
    full = {kind: set(_names(folder / f"{kind}.txt")) for kind in parents}
    for kind, (kind_parents, own) in extra.items():
        parents[kind] = kind_parents
        full[kind] = set(own) | full.get(kind, set())

    def inherited(kind: str) -> set[str]:
        out: set[str] = set()
        for parent in parents[kind]:
            out |= full[parent] | inherited(parent)
        return out

    # A supplement type's methods are its own plus its parents' (whoa lists only inherited).
    for kind in extra:
        full[kind] |= inherited(kind)
    types: dict[str, dict[str, object]] = {}
    for kind in sorted(parents):
        if kind in ("ModelFFX", "WorldFrame"):  # glue screen only / the unique world frame
            continue
        own = sorted(full[kind] - inherited(kind))
        types[kind] = {"inherits": parents[kind], "creatable": kind in creatable, "methods": own}
    return types


def names_from_data(path: Path) -> dict[str, object]:
    """The names the data file already holds (flags dropped)."""
    data = json.loads(path.read_text())
    out: dict[str, object] = {"about": data["about"], "framexml_fonts": data["framexml_fonts"],
                              "framexml_values": data["framexml_values"],
                              "framexml_tables": data["framexml_tables"],
                              "framexml_texts": data["framexml_texts"],
                              "framexml_frame_fields": data["framexml_frame_fields"],
                              "framexml_created_frames": data["framexml_created_frames"],
                              "framexml_frames": data["framexml_frames"],
                              "framexml_geometry": data.get("framexml_geometry", ""),
                              "framexml_templates": data["framexml_templates"]}
    for section in SECTIONS:
        flagged = data[section]
        out[section] = sorted(_name_list(flagged["implemented"]) + _name_list(flagged["missing"]))
    out["widgets"] = {kind: {"inherits": spec["inherits"], "creatable": spec["creatable"],
                             "methods": sorted(spec["implemented"] + spec["missing"])}
                      for kind, spec in data["widgets"].items()}
    return out


def _name_list(value: list[str] | str) -> list[str]:
    return value.split() if isinstance(value, str) else list(value)


def with_flags(names: dict[str, object]) -> dict[str, object]:
    """The data file's content: every name sorted into implemented or missing, per the
    code."""
    unflagged = _split(names, lambda section, name: False)
    if not OUTPUT.exists():  # first run: the client reads the names from the data file
        OUTPUT.parent.mkdir(parents=True, exist_ok=True)
        OUTPUT.write_text(render(unflagged))
    done = implemented_surface(ApiSurface(unflagged))
    return _split(names, lambda section, name: name in done[section])


def _split(names: dict[str, object], is_done: Callable[[str, object], bool]
           ) -> dict[str, object]:
    data: dict[str, object] = {"about": names["about"]}
    for section in SECTIONS:
        data[section] = _flagged(names[section], lambda n, s=section: is_done(s, n))
    # The large, rarely changing section as two space-separated strings (loads fastest).
    data["framexml_globals"] = {key: " ".join(value)
                                for key, value in data["framexml_globals"].items()}
    data["framexml_fonts"] = names["framexml_fonts"]
    data["framexml_values"] = names["framexml_values"]
    data["framexml_tables"] = names["framexml_tables"]
    data["framexml_texts"] = names["framexml_texts"]
    data["framexml_frame_fields"] = names["framexml_frame_fields"]
    data["framexml_created_frames"] = names["framexml_created_frames"]
    data["framexml_frames"] = names["framexml_frames"]
    data["framexml_geometry"] = names["framexml_geometry"]
    data["framexml_templates"] = names["framexml_templates"]
    data["widgets"] = {
        kind: {"inherits": spec["inherits"], "creatable": spec["creatable"],
               **_flagged(spec["methods"], lambda m, k=kind: is_done("widgets", (k, m)))}
        for kind, spec in names["widgets"].items()
    }
    return data


def _flagged(names: object, is_done: Callable[[object], bool]) -> dict[str, list[str]]:
    ordered = sorted(names)  # type: ignore[call-overload]
    return {"implemented": [n for n in ordered if is_done(n)],
            "missing": [n for n in ordered if not is_done(n)]}


def _compact(value: object) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def render(data: dict[str, object]) -> str:
    return json.dumps(data, indent=1, sort_keys=False, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wow-dir", type=Path, default=os.environ.get("MGM_WOW335A_DIR"),
                        help="the wow-335a reference folder (api/ and ui/)")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--check", action="store_true",
                        help="do not write; exit 1 when the file differs from what it would be")
    args = parser.parse_args(argv)
    wow_dir = Path(args.wow_dir) if args.wow_dir else None
    if wow_dir is not None and not (wow_dir / "api" / "functions.txt").is_file():
        parser.error(f"{wow_dir}: not a wow-335a folder (api/functions.txt missing)")
    names = names_from_reference(wow_dir) if wow_dir else names_from_data(args.output)
    text = render(with_flags(names))
    if args.check:
        current = args.output.read_text() if args.output.exists() else ""
        if current != text:
            print(f"{args.output} is stale: run python tools/gen_api_data.py"
                  + (f" --wow-dir {wow_dir}" if wow_dir else ""), file=sys.stderr)
            return 1
        return 0
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
