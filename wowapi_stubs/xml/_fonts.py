"""``<Font>``: named font objects (made with ``CreateFont``), also usable as templates by
font strings and by other fonts (``inherits``)."""

from __future__ import annotations

from wowapi_stubs.runtime import lupa_errors, to_text
from wowapi_stubs.xml._context import XmlContext
from wowapi_stubs.xml._parse import Node


def build_font(ctx: XmlContext, node: Node) -> None:
    """Register the font as a template and make its font object (the client makes one for
    virtual fonts too: ``GameFontNormal`` is both)."""
    from wowapi_stubs.xml._elements import apply_font_settings
    from wowapi_stubs.xml._frames import template_chain

    name = node.get("name")
    if not name:
        ctx.error(node, "<Font> without name=")
        return
    ctx.registry.add(name, node)
    runtime = ctx.client.runtime
    create = runtime.rawglobal("CreateFont")
    if not runtime.is_function(create):
        key = "CreateFont"
        if key not in ctx.registry.reported:
            ctx.registry.reported.add(key)
            ctx.warn(node, "font objects are not implemented by the headless client "
                     "(no CreateFont); <Font> elements only serve as templates")
        return
    try:
        made = create(name.encode("utf-8", "surrogateescape"))
    except lupa_errors() as exc:
        ctx.error(node, f"CreateFont: {to_text(str(exc))}")
        return
    font = ctx.client._widget_from_lua(made)
    if font is None:
        return
    for step in template_chain(ctx, node, (name,)):
        if isinstance(step, Node):
            apply_font_settings(ctx, font, step)
