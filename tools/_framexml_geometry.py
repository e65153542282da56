"""Sizes and anchors of FrameXML's named frames, as data (used by ``tools/gen_api_data.py``).

A headless client loads Blizzard's FrameXML from the reference ``ui/`` folder (the project's
own XML loader: ``<Size>``, ``<Anchors>``, templates, ``setAllPoints``, then the OnLoad
handlers). For each named frame this keeps its size, its scale and its anchors to the
screen or to other named frames (an anchor to an unnamed region is left out), and the size
its ``GetWidth``/``GetHeight`` return (for the sandbox of ``_framexml_tables.py``, whose
OnLoad handlers compute with them). Numbers and names only.

Encoding: ``Name:width:height:scale:POINT,Relative,RELPOINT,x,y;...`` entries separated by
spaces (an empty scale is 1); an empty relative is the frame's parent, ``-`` the screen; an
empty relative point is the point itself, an empty offset 0.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any


def _number(value: float) -> str:
    return format(float(value), ".6g")


@dataclass
class FrameXmlLayout:
    """Each named frame's encoded geometry (without its name) and the size it reports."""

    entries: dict[str, str]
    sizes: dict[str, tuple[float, float]]

    def encode(self, names: set[str]) -> str:
        """The data section for ``names``: those FrameXML gives a size or an anchor."""
        return " ".join(f"{name}:{self.entries[name]}" for name in sorted(names)
                        if name in self.entries)


def _entry(client: Any, widget: Any) -> str | None:
    anchors = []
    for anchor in widget._anchors or ():
        relative = (client.widgets.get(anchor.relative_id)
                    if anchor.relative_id is not None else None)
        if anchor.relative_id is not None and (relative is None or not relative.name):
            continue
        written = "-" if relative is None else "" if relative is widget.parent else relative.name
        anchors.append(",".join((
            anchor.point, written,
            "" if anchor.relative_point == anchor.point else anchor.relative_point,
            _number(anchor.x) if anchor.x else "", _number(anchor.y) if anchor.y else ""
        )).rstrip(","))
    scale = getattr(widget, "scale", 1.0)
    if not (widget.width or widget.height or anchors or scale != 1.0):
        return None
    return (f"{_number(widget.width)}:{_number(widget.height)}:"
            f"{_number(scale) if scale != 1.0 else ''}:" + ";".join(anchors))


def framexml_layout(ui_dir: Path) -> FrameXmlLayout:
    """Load FrameXML from ``ui_dir`` (an Interface folder) and read every named frame's
    layout."""
    from wowapi_stubs import ClientSettings, HeadlessClient

    entries: dict[str, str] = {}
    sizes: dict[str, tuple[float, float]] = {}
    with tempfile.TemporaryDirectory(prefix="geometry-wow-") as wow_dir:
        client = HeadlessClient(ClientSettings(wow_dir=Path(wow_dir), framexml_dir=ui_dir))
        for name, widget in sorted(client.named.items()):
            if not hasattr(widget, "rect"):
                continue
            entry = _entry(client, widget)
            if entry is not None:
                entries[name] = entry
            sizes[name] = (float(widget.GetWidth()), float(widget.GetHeight()))
        client.close()
    return FrameXmlLayout(entries, sizes)
