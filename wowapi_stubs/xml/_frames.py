"""Frames and regions from their elements: templates (``inherits``), names, ``OnLoad``.

A frame is made by the factory ``CreateFrame`` uses; then every inherited template is
applied in order (each after its own templates), then the element itself, so the element
overrides what it inherits. ``OnLoad`` runs once the frame and all its children exist
(children first), as in the client.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from wowapi_stubs.errors import WowApiError
from wowapi_stubs.ui import is_known_template
from wowapi_stubs.ui.fonts import standard_fonts
from wowapi_stubs.xml import _elements
from wowapi_stubs.xml._attributes import apply_attributes
from wowapi_stubs.xml._context import XmlContext, resolve_name
from wowapi_stubs.xml._parse import Node
from wowapi_stubs.xml._schema import REGION_TYPES
from wowapi_stubs.xml._values import is_true, names, number

if TYPE_CHECKING:
    from wowapi_stubs.widgets import Region

# A template applied from the clean-room UI (not XML): its name.
Step = Node | str


MAX_TEMPLATE_STEPS = 10_000
"""Templates one element may expand to, inherited ones included (a lattice of templates each
inheriting the next twice would otherwise expand to 2^n)."""


def template_chain(ctx: XmlContext, node: Node, within: tuple[str, ...] = ()) -> list[Step]:
    """What to apply for ``node``: its templates (each after its own) and then itself.
    Unknown templates are reported and skipped; a template inheriting itself (or one of
    ``within``, the names ``node`` is expanded for) is an error. Walked with an explicit
    stack: chains of any depth, expansions bounded."""
    steps: list[Step] = []
    path: list[str] = list(within)  # the templates being expanded, outermost first
    pending: list[tuple[Node, Iterator[str]]] = [(node, iter(names(node.attrs.get("inherits")
                                                                   or "")))]
    while pending:
        current, inherited = pending[-1]
        name = next(inherited, None)
        if name is None:
            steps.append(current)
            pending.pop()
            if current is not node:
                path.pop()
            if len(steps) > MAX_TEMPLATE_STEPS:
                ctx.error(node, f"inherits templates that expand to more than "
                          f"{MAX_TEMPLATE_STEPS:,} steps; the templates are skipped")
                return [node]
            continue
        template = ctx.registry.find(name)
        if template is None:
            if is_known_template(ctx.client, name):
                steps.append(name)
            else:
                ctx.client.add_finding(
                    "unknown-template", f"{current.where}: inherits {name!r}, which no loaded "
                    "XML defines as a virtual template (the client logs \"Couldn't find "
                    "inherited node\" and goes on without it)", location=current.where,
                    addon=ctx.addon, template=name)
        elif name.lower() in (entry.lower() for entry in path):
            ctx.error(current, f"template cycle: {' -> '.join([*path, name])}")
        else:
            path.append(name)
            pending.append((template, iter(names(template.attrs.get("inherits") or ""))))
    return steps


def build_frame(ctx: XmlContext, node: Node, parent: Region | None,
                kind: str | None = None) -> Region | None:
    """A frame of ``node``'s type (or ``kind``) under ``parent``, fully loaded."""
    from wowapi_stubs.ui import create_frame

    explicit_parent = node.get("parent")
    if explicit_parent:
        found = ctx.widget_named(resolve_name(explicit_parent, parent) or "")
        if found is None:
            ctx.warn(node, f'parent="{explicit_parent}": no frame of that name')
        else:
            parent = found
    name = resolve_name(node.get("name"), parent)
    steps = template_chain(ctx, node)
    if kind is None and node.tag == "WorldFrame":
        # The client has one world frame: FrameXML's element makes it (a Frame here).
        if ctx.client.lookup_named("WorldFrame") is not None:
            ctx.error(node, "<WorldFrame>: the client has one world frame, made already")
            return None
        kind = "Frame"
    kind = kind or node.tag
    try:
        widget = create_frame(ctx.client, kind.encode(),
                              name.encode("utf-8", "surrogateescape") if name else None,
                              parent.lua if parent is not None else None)
    except WowApiError as exc:
        ctx.error(node, f"<{node.tag}>: {exc.message}")
        return None
    load(ctx, widget, steps)
    return widget


def build_region(ctx: XmlContext, node: Node, frame: Region, layer: str,
                 kind: str | None = None) -> Region | None:
    """A Texture or FontString of ``frame`` in draw layer ``layer``, fully loaded."""
    kind = kind or node.tag
    name = resolve_name(node.get("name"), frame)
    method = "CreateTexture" if kind == "Texture" else "CreateFontString"
    created = ctx.call(frame, method, node, name, layer)
    region = ctx.client._widget_from_lua(created) if created is not None else None
    if region is None:
        return None
    load(ctx, region, template_chain(ctx, node))
    return region


def load(ctx: XmlContext, widget: Region, steps: list[Step]) -> None:
    """Apply ``steps`` to a new widget, then ``parentKey`` and ``OnLoad``."""
    from wowapi_stubs import ui

    nodes = [s for s in steps if s.__class__ is Node]
    hidden = _last(nodes, "hidden")
    if hidden is not None and is_true(hidden.attrs["hidden"]):
        # before any script is set: no OnHide while loading
        ctx.call(widget, "Hide", nodes[-1])
    # The id is the frame's from its creation: children its templates make read it in their
    # OnLoad (self:GetParent():GetID()), as Blizzard's party and chat frames do.
    ident = _last(nodes, "id")
    if ident is not None and number(ctx, ident, "id") is not None:
        ctx.call(widget, "SetID", ident, number(ctx, ident, "id"))
    for step in steps:
        if step.__class__ is Node:
            apply_node(ctx, widget, step)
        elif step in standard_fonts():
            font = ctx.client.lookup_named(step)
            if font is not None:
                ctx.call(widget, "SetFontObject", nodes[-1], font.lua)
        else:
            ui.apply_templates(ctx.client, widget, step)
    keyed = _last(nodes, "parentKey")
    key = keyed.attrs["parentKey"] if keyed is not None else None
    if key and widget.parent is not None:
        widget.parent.lua[key.encode("utf-8", "surrogateescape")] = widget.lua
    if "OnLoad" in getattr(widget, "scripts", ()):
        ctx.client._run_script(widget, "OnLoad")


def _last(nodes: list[Node], attr: str) -> Node | None:
    """The last of ``nodes`` (the element after its templates) giving ``attr`` a value."""
    for node in reversed(nodes):
        if node.attrs.get(attr):
            return node
    return None


def apply_node(ctx: XmlContext, widget: Region, node: Node) -> None:
    """One element's attributes and children on ``widget``."""
    if node.tag == "Font" and widget.KIND != "Font":
        _elements.inherit_font(ctx, widget, node)
        return
    if node.attrs:
        apply_attributes(ctx, widget, node)
    if node.children:
        _elements.apply_elements(ctx, widget, node)
    if is_true(node.attrs.get("setAllPoints")):
        ctx.call(widget, "SetAllPoints", node, widget.parent)


def build_child(ctx: XmlContext, node: Node, parent: Region, layer: str = "ARTWORK"
                ) -> Region | None:
    """A child element of a frame: a region (in ``layer``) or a frame."""
    if is_true(node.get("virtual")):
        register_template(ctx, node)
        return None
    if node.tag in REGION_TYPES:
        return build_region(ctx, node, parent, layer)
    return build_frame(ctx, node, parent)


def register_template(ctx: XmlContext, node: Node) -> None:
    """A ``virtual="true"`` element: kept by name for ``inherits`` and ``CreateFrame``."""
    name = node.get("name")
    if not name:
        ctx.error(node, f"<{node.tag} virtual=\"true\"> without a name cannot be inherited")
        return
    node.mark_template()
    ctx.registry.add(name, node)
