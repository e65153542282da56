"""A ``<Ui>`` file: its ``Script``, ``Include``, ``Font``, frame and animation elements, in
document order, as the client loads it from a ``.toc``.

Paths in ``file=`` are relative to the XML file's folder (``\\`` or ``/``, any case) or
client paths (``Interface\\AddOns\\<Addon>\\...``), found and confined to that addon's
folder by :mod:`wowapi_stubs._paths` (no escape, regular files, size cap).
A file that is not well-formed XML loads nothing (the client skips it); a missing
included file, an unknown frame type or a template cycle skips that element only.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from wowapi_stubs._paths import _SEPARATORS, AddonPathError, locate, read_file
from wowapi_stubs.xml import _frames
from wowapi_stubs.xml._context import XmlContext
from wowapi_stubs.xml._fonts import build_font
from wowapi_stubs.xml._parse import Node, XmlSyntaxError, parse_bytes, parse_shared
from wowapi_stubs.xml._schema import ANIMATION_TYPES, FRAME_TYPES, LAYOUT_TYPES
from wowapi_stubs.xml._values import is_true

if TYPE_CHECKING:
    from wowapi_stubs.toc import TocFile

ADDONS_PREFIX = "interface\\addons\\"
MAX_INCLUDE_DEPTH = 64


def client_path(toc: TocFile, path: Path) -> str:
    """``Interface\\AddOns\\<Addon>\\<path in the addon folder>`` (``\\`` separated;
    ``Interface\\FrameXML\\...`` for FrameXML's files)."""
    if path.is_relative_to(toc.folder):
        return "\\".join((toc.client_folder, *path.relative_to(toc.folder).parts))
    if path.is_relative_to(toc.folder.parent):
        outer = toc.client_folder.rsplit("\\", 1)[0]
        return "\\".join((outer, *path.relative_to(toc.folder.parent).parts))
    return str(path)


def load_file(ctx: XmlContext, toc: TocFile, path: Path, at: Node | None = None) -> bool:
    """Load one XML file (and what it includes); False when it could not be read or
    parsed (the error is recorded, located at ``at`` for an included file)."""
    display = client_path(toc, path)
    resolved = path.resolve()
    if resolved in ctx.include_stack:
        chain = " -> ".join(client_path(toc, p) for p in [*ctx.include_stack, resolved])
        if at is not None:
            ctx.error(at, f"include cycle: {chain}")
        return False
    if len(ctx.include_stack) >= MAX_INCLUDE_DEPTH:
        if at is not None:
            ctx.error(at, f"includes nested deeper than {MAX_INCLUDE_DEPTH}")
        return False
    try:
        data = read_file(path, display, ctx.client.settings.max_file_bytes)
        parse = parse_shared if ctx.client.settings.reuse_compiled_files else parse_bytes
        root = parse(data, display)
    except XmlSyntaxError as exc:
        _file_error(ctx, f"{display}:{exc.line}: malformed XML: {exc.message} (the client "
                    "skips the whole file)", at)
        return False
    except AddonPathError as exc:
        _file_error(ctx, f"{display}: {exc.reason}", at)
        return False
    if root.tag != "Ui":
        ctx.warn(root, f"root element is <{root.tag}>, not <Ui>")
    ctx.include_stack.append(resolved)
    try:
        for child in root.children:
            _top_level(ctx, toc, path.parent, child)
    finally:
        ctx.include_stack.pop()
    return True


def _file_error(ctx: XmlContext, message: str, at: Node | None) -> None:
    ctx.errors.append(message)
    ctx.client.add_finding("xml-error", message, location=message.split(": ", 1)[0],
                           addon=ctx.addon)


def _top_level(ctx: XmlContext, toc: TocFile, folder: Path, node: Node) -> None:
    tag = node.tag
    if tag == "Script":
        _script(ctx, toc, folder, node)
    elif tag == "Include":
        target = _resolve(ctx, toc, folder, node)
        if target is not None:
            load_file(ctx, toc, target, node)
    elif tag == "Font":
        build_font(ctx, node)
    elif tag in LAYOUT_TYPES or tag in ANIMATION_TYPES or tag == "AnimationGroup":
        if is_true(node.get("virtual")):
            _frames.register_template(ctx, node)
        elif tag in FRAME_TYPES:
            _frames.build_frame(ctx, node, None)
        else:
            ctx.error(node, f"<{tag}> at the top level must be virtual (it needs a parent)")
    else:
        ctx.warn(node, f"unknown element <{tag}> in <Ui> is ignored")


def _resolve(ctx: XmlContext, toc: TocFile, folder: Path, node: Node) -> Path | None:
    """The file a ``file=`` attribute names, inside the addon folder it belongs to."""
    written = node.get("file")
    if not written:
        ctx.error(node, f"<{node.tag}> without file=")
        return None
    addon_folder = toc.folder
    relative = "\\".join((*folder.relative_to(toc.folder).parts, written))
    if written.replace("/", "\\").lower().startswith(ADDONS_PREFIX):
        name, _, relative = written[len(ADDONS_PREFIX):].replace("/", "\\").partition("\\")
        entry = ctx.client.addons.find(name)
        if entry is None:
            ctx.error(node, f'<{node.tag} file="{written}">: no addon named {name} is '
                      "installed")
            return None
        addon_folder = entry.toc.folder
    else:
        sibling = _sibling_addon(ctx, relative)
        if sibling is not None:
            addon_folder, relative = sibling
    try:
        return locate(addon_folder, relative)
    except AddonPathError as exc:
        ctx.error(node, f'<{node.tag} file="{written}">: {exc.reason}')
        return None


def _sibling_addon(ctx: XmlContext, relative: str) -> tuple[Path, str] | None:
    """``..\\Other\\file.lua`` climbing from the addon folder into the AddOns folder names a
    file of the installed addon ``Other`` (the client reads any file under
    ``Interface\\AddOns``): that addon's folder and the path inside it (still confined to
    it). ``None`` when the path does not climb out, or names no installed addon."""
    parts = [part for part in _SEPARATORS.split(relative) if part not in ("", ".")]
    depth = 0
    for index, part in enumerate(parts):
        depth += -1 if part == ".." else 1
        if depth < 0:
            rest = parts[index + 1:]
            entry = ctx.client.addons.find(rest[0]) if rest and rest[0] != ".." else None
            return (entry.toc.folder, "\\".join(rest[1:])) if entry is not None else None
    return None


def _script(ctx: XmlContext, toc: TocFile, folder: Path, node: Node) -> None:
    from wowapi_stubs._loader import run_lua_file

    if node.get("file"):
        target = _resolve(ctx, toc, folder, node)
        if target is None:
            return
        if target.suffix.lower() != ".lua":
            ctx.error(node, f'<Script file="{node.get("file")}">: not a .lua file')
            return
        relative = "\\".join(target.relative_to(toc.folder).parts) \
            if target.is_relative_to(toc.folder) else client_path(toc, target)
        run_lua_file(ctx.client, toc, target, relative, ctx.private)
        return
    code = node.text
    if not code.strip():
        return
    # Inline code keeps the XML's line numbers: its first line is where the text starts.
    padded = "\n" * max(node.text_line - 1, 0) + code
    _run_inline(ctx, toc, node, padded)


def _run_inline(ctx: XmlContext, toc: TocFile, node: Node, code: str) -> None:
    runtime = ctx.client.runtime
    compile = runtime.compile_file if ctx.client.settings.reuse_compiled_files \
        else runtime.compile
    fn, error = compile(code.encode("utf-8", "surrogateescape"), "@" + node.file)
    if fn is None:
        ctx.client._record_error(error or f"{node.where}: cannot compile", "", "loading XML")
        return
    runtime.safecall(f"loading {node.where}", fn, toc.addon_name, ctx.private)


def load_xml_file(client: Any, toc: TocFile, path: Path, private: Any) -> tuple[bool, str | None]:
    """Load an XML file listed in a ``.toc``: ``(ok, first error)``."""
    ctx = XmlContext(client, addon=toc.addon_name, folder=toc.folder, private=private)
    before = len(client.errors)
    loaded = load_file(ctx, toc, path)
    lua_errors = client.errors[before:]
    first = ctx.errors[0] if ctx.errors else (lua_errors[0].message if lua_errors else None)
    return loaded and not ctx.errors and not lua_errors, first
