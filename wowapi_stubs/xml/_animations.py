"""``<Animations>``: animation groups and their animations, made with the frame's
``CreateAnimationGroup`` and the group's ``CreateAnimation``, set up by their methods."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wowapi_stubs.xml._context import XmlContext, resolve_name
from wowapi_stubs.xml._parse import Node
from wowapi_stubs.xml._schema import ANIMATION_TYPES
from wowapi_stubs.xml._scripts import apply_scripts
from wowapi_stubs.xml._values import dimension, number

if TYPE_CHECKING:
    from wowapi_stubs.widgets import Region

NUMBERS = {
    "duration": "SetDuration", "startDelay": "SetStartDelay", "endDelay": "SetEndDelay",
    "maxFramerate": "SetMaxFramerate", "order": "SetOrder", "change": "SetChange",
    "degrees": "SetDegrees", "radians": "SetRadians",
}
TEXTS = {"looping": "SetLooping", "smoothing": "SetSmoothing", "curve": "SetCurve"}
PAIRS = {("offsetX", "offsetY"): "SetOffset", ("scaleX", "scaleY"): "SetScale",
         ("initialOffsetX", "initialOffsetY"): "SetInitialOffset"}


def build_group(ctx: XmlContext, frame: Region, node: Node) -> None:
    """An ``<AnimationGroup>`` of ``frame`` with its animations."""
    steps = _chain(ctx, node)
    name = resolve_name(node.get("name"), frame)
    created = ctx.call(frame, "CreateAnimationGroup", node, name)
    group = ctx.client._widget_from_lua(created) if created is not None else None
    if group is None:
        return
    for step in steps:
        _apply(ctx, group, step)
        for child in step.children:
            if child.tag in ANIMATION_TYPES:
                _build_animation(ctx, group, child)
            elif child.tag != "Scripts":
                ctx.warn(child, f"<{child.tag}> in <AnimationGroup> is ignored")
    _parent_key(ctx, frame, group, steps)


def _build_animation(ctx: XmlContext, group: Region, node: Node) -> None:
    steps = _chain(ctx, node)
    kind = node.tag if node.tag != "Animation" else "Animation"
    name = resolve_name(node.get("name"), group)
    created = ctx.call(group, "CreateAnimation", node, kind, name)
    animation = ctx.client._widget_from_lua(created) if created is not None else None
    if animation is None:
        return
    for step in steps:
        _apply(ctx, animation, step)
        origin = step.child("Origin")
        if origin is not None:
            offset = origin.child("Offset")
            x, y = dimension(ctx, offset) if offset is not None else (0, 0)
            ctx.call(animation, "SetOrigin", origin, origin.get("point") or "CENTER",
                     x or 0, y or 0)
    _parent_key(ctx, group, animation, steps)


def _chain(ctx: XmlContext, node: Node) -> list[Node]:
    from wowapi_stubs.xml._frames import template_chain

    return [s for s in template_chain(ctx, node) if isinstance(s, Node)]


def _apply(ctx: XmlContext, widget: Region, node: Node) -> None:
    for attr, method in NUMBERS.items():
        amount = number(ctx, node, attr)
        if amount is not None:
            ctx.call(widget, method, node, amount)
    for attr, method in TEXTS.items():
        if node.get(attr):
            ctx.call(widget, method, node, node.get(attr))
    for (first, second), method in PAIRS.items():
        if node.get(first) is not None or node.get(second) is not None:
            ctx.call(widget, method, node, number(ctx, node, first, 0),
                     number(ctx, node, second, 0))
    scripts = node.child("Scripts")
    if scripts is not None:
        apply_scripts(ctx, widget, scripts)


def _parent_key(ctx: XmlContext, owner: Region, widget: Region, steps: list[Node]) -> None:
    key = next((n.get("parentKey") for n in reversed(steps) if n.get("parentKey")), None)
    if key:
        owner.lua[key.encode("utf-8", "surrogateescape")] = widget.lua
