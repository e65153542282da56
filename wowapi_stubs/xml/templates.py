"""Templates named from Lua: ``CreateFrame(type, name, parent, "TemplateA, TemplateB")``
(and ``CreateFontString``/``CreateTexture``) apply XML virtual templates like ``inherits``:
in order, each after its own templates, then ``OnLoad``. Names no XML defines fall back to
the clean-room UI's templates, or are reported as unknown."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wowapi_stubs import ui
from wowapi_stubs.ui.fonts import standard_fonts
from wowapi_stubs.xml._context import XmlContext
from wowapi_stubs.xml._parse import Node
from wowapi_stubs.xml._values import names

if TYPE_CHECKING:
    from wowapi_stubs.client import HeadlessClient
    from wowapi_stubs.widgets import Region


def apply_named_templates(client: HeadlessClient, widget: Region, templates: str) -> None:
    """Apply the comma-separated ``templates`` to a widget just created from Lua."""
    registry = client.xml_templates
    wanted = names(templates)
    if registry is None or not any(registry.find(n) for n in wanted):
        _builtin_only(client, widget, wanted)  # the common case: no XML involved, kept cheap
        return
    from wowapi_stubs.xml._frames import load, template_chain

    addon = client.current_report.addon if client.current_report is not None else None
    ctx = XmlContext(client, addon=addon)
    position = client.runtime.caller_position().rstrip(": ") or "(Lua)"
    # A stand-in element carrying the names: its own attributes and children are none.
    holder = Node(widget.KIND, {"inherits": templates}, 0, position)
    load(ctx, widget, template_chain(ctx, holder))


def _builtin_only(client: HeadlessClient, widget: Region, wanted: list[str]) -> None:
    """Templates no XML defines: FrameXML fonts (the font object, when there is one) and
    the clean-room UI's templates (unknown names are reported there)."""
    for name in wanted:
        if name in standard_fonts():
            font = client.lookup_named(name)
            if font is not None and hasattr(widget, "SetFontObject"):
                widget.SetFontObject(font.lua)
        else:
            ui.apply_templates(client, widget, name)
