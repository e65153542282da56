"""Reading the value types of the UI schema: booleans, numbers, dimensions, insets, colors."""

from __future__ import annotations

from wowapi_stubs.xml._context import XmlContext
from wowapi_stubs.xml._parse import Node


def is_true(value: str | None) -> bool:
    return value is not None and value.strip().lower() == "true"


def number(ctx: XmlContext, node: Node, attr: str, default: float | None = None
           ) -> float | None:
    """A numeric attribute (None or ``default`` when absent; a located error when not a
    number)."""
    raw = node.attrs.get(attr)
    if raw is None:
        return default
    try:
        value = float(raw)  # surrounding blanks allowed
    except ValueError:
        ctx.error(node, f'<{node.tag} {attr}="{raw}">: not a number')
        return default
    return int(value) if value.is_integer() else value


def dimension(ctx: XmlContext, node: Node) -> tuple[float | None, float | None]:
    """``x``/``y`` of a Dimension: attributes or an ``AbsDimension``/``RelDimension`` child
    (relative dimensions are fractions of the 1024x768 UI)."""
    child = node.child("AbsDimension")
    if child is not None:
        return number(ctx, child, "x"), number(ctx, child, "y")
    child = node.child("RelDimension")
    if child is not None:
        x, y = number(ctx, child, "x"), number(ctx, child, "y")
        return (None if x is None else x * 1024), (None if y is None else y * 768)
    return number(ctx, node, "x"), number(ctx, node, "y")


def inset(ctx: XmlContext, node: Node) -> tuple[float, float, float, float]:
    """left, right, top, bottom of an Inset (attributes or an ``AbsInset`` child)."""
    source = node.child("AbsInset") or node.child("RelInset") or node
    return tuple(number(ctx, source, side, 0) or 0  # type: ignore[return-value]
                 for side in ("left", "right", "top", "bottom"))


def value(ctx: XmlContext, node: Node) -> float | None:
    """A Value: ``val`` attribute or an ``AbsValue`` child."""
    child = node.child("AbsValue") or node.child("RelValue")
    return number(ctx, child if child is not None else node, "val")


def color(ctx: XmlContext, node: Node) -> tuple[float, float, float, float]:
    """r, g, b, a of a ColorType (a defaults to 1)."""
    return (number(ctx, node, "r", 0) or 0, number(ctx, node, "g", 0) or 0,
            number(ctx, node, "b", 0) or 0, number(ctx, node, "a", 1))  # type: ignore[return-value]


def names(value: str | None) -> list[str]:
    """A comma-separated list of names (``inherits``), blanks dropped."""
    return [n.strip() for n in (value or "").split(",") if n.strip()]
