"""Stand-ins for FrameXML's widgets, built from the widget tree in the API data: the right
type, parent, visibility, parent key, slot, font, size and anchors (see
:mod:`wowapi_stubs.ui.geometry`), and nothing of FrameXML's scripts.

Named FrameXML widgets are made one at a time when first read (their parents first);
``CreateFrame(..., "SomeTemplate")`` with a FrameXML template makes every widget the
template adds (``$parentText``, ``$parentScrollBar``...) at once, as the client does.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from wowapi_stubs import ui
from wowapi_stubs.surface import UiWidget, load_surface
from wowapi_stubs.ui.geometry import place
from wowapi_stubs.ui.tables import set_frame_fields
from wowapi_stubs.widgets import (
    WIDGET_CLASSES,
    Button,
    FontString,
    Frame,
    Texture,
    creatable_class,
)

if TYPE_CHECKING:
    from wowapi_stubs.client import HeadlessClient

# Region slots of the data: the method that puts the region in its frame's slot.
_SLOT_SETTERS = {
    "NormalTexture": "SetNormalTexture", "PushedTexture": "SetPushedTexture",
    "DisabledTexture": "SetDisabledTexture", "HighlightTexture": "SetHighlightTexture",
    "CheckedTexture": "SetCheckedTexture", "DisabledCheckedTexture":
    "SetDisabledCheckedTexture", "ThumbTexture": "SetThumbTexture",
    "BarTexture": "SetStatusBarTexture", "ColorWheelTexture": "SetColorWheelTexture",
    "ColorWheelThumbTexture": "SetColorWheelThumbTexture",
    "ColorValueTexture": "SetColorValueTexture",
    "ColorValueThumbTexture": "SetColorValueThumbTexture", "ButtonText": "SetFontString",
}
MAX_DEPTH = 24


def build(client: HeadlessClient, spec: UiWidget, name: str | None, parent: Any) -> Any:
    """One widget of ``spec``'s type under ``parent`` (``None``: UIParent)."""
    if parent is None:
        parent = client.named.get("UIParent")
    kind = spec.kind
    setter = _SLOT_SETTERS.get(kind)
    if setter is not None:
        cls: type = FontString if kind == "ButtonText" else Texture
    else:
        cls = WIDGET_CLASSES.get(kind, Frame)
    widget = client._create_region(cls, name, parent)
    if spec.font and isinstance(widget, FontString):
        widget.set_font_object_name(spec.font)
    elif spec.font and isinstance(widget, Button):
        font = client.lookup_named(spec.font)
        if font is not None:
            widget.SetNormalFontObject(font.lua)
    if spec.hidden:
        widget.shown = False
    if setter is not None and hasattr(parent, setter):
        getattr(parent, setter)(widget)  # the widget itself: its Lua table is made on use
    if spec.key and parent is not None:
        parent.lua[spec.key.encode()] = widget.lua
    for slot in spec.slots:  # its unnamed slot regions (a button's NormalTexture)
        build(client, _unnamed(slot), None, widget)
    return widget


def _unnamed(slot: str) -> UiWidget:
    """An unnamed child of a named FrameXML widget: a slot region (``NormalTexture``) or a
    child its parent key names (``FontString=header=GameFontNormalSmall=0``)."""
    kind, _, rest = slot.partition("=")
    if not rest:
        return UiWidget("", kind, "", False, "", "")
    key, font, hidden = (rest.split("=") + ["", ""])[:3]
    return UiWidget("", kind, "", hidden == "1", key, font)


def stand_in(client: HeadlessClient, name: str, depth: int = 0) -> Any:
    """The FrameXML widget called ``name``, made now (``None`` when FrameXML has none),
    with the children its parent keys name (``frame.icon``) and its named slot regions
    (``$parentNormalTexture``: ``GetNormalTexture`` returns it), as FrameXML makes them
    with the frame."""
    spec = load_surface().framexml_frames.get(name)
    if depth > MAX_DEPTH:
        return None
    if spec is None:
        return _created(client, name, depth)
    parent = None
    if spec.parent:
        parent = client.named.get(spec.parent) or _made(client, spec.parent, depth + 1)
    widget = client.named.get(name)  # made with its parent, by a parent key
    if widget is None:
        widget = build(client, spec, name, parent)
        _as_at_load(client, widget, depth)
    for child in _keyed_children().get(name, ()):
        if child not in client.named:
            _made(client, child, depth + 1)
    return widget


def _as_at_load(client: HeadlessClient, widget: Any, depth: int) -> None:
    """Give a stand-in just made what FrameXML gives that frame at load: the fields its
    code sets, its size and its anchors (frames it is anchored to are made first)."""
    set_frame_fields(client, widget)
    place(client, widget, lambda other: _made(client, other, depth + 1))


def _created(client: HeadlessClient, name: str, depth: int) -> Any:
    """A frame FrameXML's Lua makes at load with ``CreateFrame`` (``TargetFrameToT``), or
    one its template adds (``TargetFrameToTDebuff1``), made now with its template."""
    created = load_surface().framexml_created_frames
    root = name if name in created else _created_children().get(name)
    if root is None:
        return None
    if root not in client.named:
        kind, parent_name, template = created[root]
        parent = (_made(client, parent_name, depth + 1) if parent_name else None) \
            or client.named.get("UIParent")
        cls = creatable_class(kind) or Frame
        widget = client._create_region(cls, root, parent, template or None)
        _as_at_load(client, widget, depth)
    return client.named.get(name)


@functools.cache
def _created_children() -> dict[str, str]:
    """Named widget a created frame's template adds -> that created frame."""
    surface = load_surface()
    out: dict[str, str] = {}
    for root, (_, _, template) in surface.framexml_created_frames.items():
        for part in (t.strip() for t in template.split(",")):
            for spec in (surface.framexml_template(part) or [])[1:] if part else []:
                if spec.name:
                    out.setdefault(spec.name.replace("$P", root), root)
    return out


@functools.cache
def _keyed_children() -> dict[str, list[str]]:
    """FrameXML widget name -> its named children that its methods or fields reach: those
    with a parent key, and the regions in one of its slots."""
    children: dict[str, list[str]] = {}
    for spec in load_surface().framexml_frames.values():
        if (spec.key or spec.kind in _SLOT_SETTERS) and spec.parent and spec.name:
            children.setdefault(spec.parent, []).append(spec.name)
    return children


def _made(client: HeadlessClient, name: str, depth: int) -> Any:
    return ui.materialize(client, name, depth)


def instantiate(client: HeadlessClient, widget: Any, template: str) -> bool:
    """Make the widgets FrameXML's template ``template`` adds to ``widget``; False when
    FrameXML has no such template."""
    specs = load_surface().framexml_template(template)
    if specs is None:
        return False
    root, *parts = specs
    own = widget.name or ""
    if root.hidden:
        widget.shown = False
    if root.font and isinstance(widget, Button):
        font = client.lookup_named(root.font)
        if font is not None:
            widget.SetNormalFontObject(font.lua)
    made = [widget]
    by_name = {root.name: widget}
    for spec in parts:
        if spec.parent.startswith("#"):
            parent = made[int(spec.parent[1:])]
        else:
            parent = by_name.get(spec.parent) or client.lookup_named(
                spec.parent.replace("$P", own)) or widget
        name = spec.name.replace("$P", own) if spec.name and (own or "$P" not in spec.name) \
            else None
        child = build(client, spec, name or None, parent)
        made.append(child)
        if spec.name:
            by_name[spec.name] = child
    return True


def has_template(name: str) -> bool:
    """Whether FrameXML defines a virtual template called ``name``."""
    return load_surface().framexml_template(name) is not None
