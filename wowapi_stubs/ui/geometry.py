"""FrameXML's sizes and anchors on the built-in UI's stand-ins: a stand-in of a FrameXML frame
is placed where FrameXML places that frame at load (``Minimap:GetCenter()``, the size of
``InterfaceOptionsFrameCategories``), from the API data's geometry section (see
``tools/_framexml_geometry.py``). Frames it is anchored to are made first."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wowapi_stubs._caching import cache_known
from wowapi_stubs.surface import load_surface
from wowapi_stubs.widgets.base import Anchor

if TYPE_CHECKING:
    from wowapi_stubs.client import HeadlessClient

# An anchor of the data: point, relative ("": the frame's parent, "-": the screen, else a
# frame's name), relative point, x, y.
_Anchor = tuple[str, str, str, float, float]


@cache_known(lambda: load_surface().framexml_geometry)
def geometry(name: str) -> tuple[float, float, float, tuple[_Anchor, ...]] | None:
    """Width, height, scale and anchors FrameXML gives frame ``name`` at load, or ``None``."""
    text = load_surface().framexml_geometry.get(name)
    if text is None:
        return None
    width, height, scale, written = text.split(":", 3)
    anchors = []
    for part in filter(None, written.split(";")):
        point, relative, relative_point, x, y = (part.split(",") + ["", "", "", ""])[:5]
        anchors.append((point, relative, relative_point or point, float(x or 0),
                        float(y or 0)))
    return float(width), float(height), float(scale or 1), tuple(anchors)


def place(client: HeadlessClient, widget: Any, made: Callable[[str], Any]) -> None:
    """Give stand-in ``widget`` FrameXML's size, scale and anchors (``made(name)``: the frame of
    that name, made now if needed; an anchor to a frame that cannot be made is left out)."""
    found = geometry(widget.name) if widget.name else None
    if found is None:
        return
    width, height, scale, anchors = found
    widget.width, widget.height = width, height
    if scale != 1.0 and hasattr(widget, "SetScale"):
        widget.scale = scale
    placed = []
    for point, relative, relative_point, x, y in anchors:
        if relative == "-":
            target = None
        else:
            target = widget.parent if relative == "" else made(relative)
            if target is None or target is widget:
                continue
        placed.append(Anchor(point, None if target is None else target.id, relative_point,
                             x, y))
    if placed and not widget._anchors:
        widget._anchors = placed
