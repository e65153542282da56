"""Sizes and anchors of FrameXML's named frames, as data (used by ``tools/gen_api_data.py``).

A headless client loads Blizzard's FrameXML from the reference ``ui/`` folder (the project's
own XML loader: ``<Size>``, ``<Anchors>``, templates, ``setAllPoints``, then the OnLoad
handlers), and for each frame the built-in UI makes as a stand-in this keeps its size and
its anchors to the screen or to other named frames (an anchor to an unnamed region is left
out), and its own scale. Numbers and names only.

Encoding: ``Name:width:height:scale:POINT,Relative,RELPOINT,x,y;...`` entries separated by
spaces (an empty scale is 1);
an empty relative is the frame's parent, ``-`` the screen; an empty relative point is the
point itself, an empty offset 0.
"""

from __future__ import annotations

import tempfile
from pathlib import Path


def _number(value: float) -> str:
    return format(float(value), ".6g")


def framexml_geometry(ui_dir: Path, names: set[str]) -> str:
    """The encoded geometry of each of ``names`` that FrameXML gives a size or an anchor."""
    from wowapi_stubs import ClientSettings, HeadlessClient

    with tempfile.TemporaryDirectory(prefix="geometry-wow-") as wow_dir:
        client = HeadlessClient(ClientSettings(wow_dir=Path(wow_dir), framexml_dir=ui_dir))
        entries = []
        for name in sorted(names):
            widget = client.named.get(name)
            if widget is None or not hasattr(widget, "rect"):
                continue
            anchors = []
            for anchor in widget._anchors or ():
                relative = (client.widgets.get(anchor.relative_id)
                            if anchor.relative_id is not None else None)
                if anchor.relative_id is not None and (relative is None or not relative.name):
                    continue
                written = ("-" if relative is None else
                           "" if relative is widget.parent else relative.name)
                anchors.append(",".join((
                    anchor.point, written,
                    "" if anchor.relative_point == anchor.point else anchor.relative_point,
                    _number(anchor.x) if anchor.x else "", _number(anchor.y) if anchor.y else ""
                )).rstrip(","))
            scale = getattr(widget, "scale", 1.0)
            if widget.width or widget.height or anchors or scale != 1.0:
                entries.append(f"{name}:{_number(widget.width)}:{_number(widget.height)}:"
                               f"{_number(scale) if scale != 1.0 else ''}:" + ";".join(anchors))
        client.close()
    return " ".join(entries)
