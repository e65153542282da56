"""The standard font objects (``GameFontNormal``, ``NumberFontNormal``...).

Names come from the API data (the fonts Blizzard's FrameXML defines); each font's file,
height, outline, colour, justification and shadow follow from the words in its name, the
way FrameXML names them (``Small``, ``Large``, ``Highlight``, ``Outline``, ``Left``...).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from wowapi_stubs._caching import cache_known
from wowapi_stubs.surface import load_surface

FRIZ = "Fonts\\FRIZQT__.TTF"
ARIAL = "Fonts\\ARIALN.TTF"
MORPHEUS = "Fonts\\MORPHEUS.TTF"
SKURRI = "Fonts\\SKURRI.TTF"

_SIZES = (("WTF", 64.0), ("Huge4", 32.0), ("Huge3", 25.0), ("Huge2", 24.0), ("Huge", 20.0),
          ("Large", 16.0), ("Med3", 14.0), ("Medium", 14.0), ("Med2", 13.0), ("Med", 12.0),
          ("ExtraSmall", 10.0), ("Tiny", 9.0), ("Small", 10.0))
_COLORS = (("Highlight", (1.0, 1.0, 1.0)), ("White", (1.0, 1.0, 1.0)),
           ("Disable", (0.5, 0.5, 0.5)), ("DarkGray", (0.35, 0.35, 0.35)),
           ("Gray", (0.5, 0.5, 0.5)), ("Grey", (0.5, 0.5, 0.5)), ("Green", (0.1, 1.0, 0.1)),
           ("Red", (1.0, 0.1, 0.1)), ("Yellow", (1.0, 1.0, 0.0)), ("Orange", (1.0, 0.5, 0.25)),
           ("Black", (0.0, 0.0, 0.0)), ("Normal", (1.0, 0.82, 0.0)))


@dataclass(frozen=True)
class FontSpec:
    """What a standard font object holds."""

    path: str
    size: float
    flags: str
    color: tuple[float, float, float]
    justify_h: str | None
    justify_v: str | None
    shadow: bool


def _words(name: str) -> set[str]:
    return set(re.findall(r"[A-Z][a-z]*\d*|\d+", name))


@cache_known(lambda: standard_fonts())
def font_spec(name: str) -> FontSpec:
    """The values of the standard font ``name`` (any name: unknown words give defaults)."""
    words = _words(name)
    if name.startswith(("Number", "Chat", "CombatLog", "TextStatusBar")):
        path = ARIAL
    elif name.startswith(("Quest", "Mail", "ItemText", "Invoice")):
        path = MORPHEUS
    elif name.startswith(("ZoneText", "SubZoneText", "PVPInfo", "CombatText")):
        path = SKURRI
    else:
        path = FRIZ
    size = next((value for word, value in _SIZES if word in name), 12.0)
    if name.startswith(("Chat", "NumberFontNormal")) and size == 12.0:
        size = 14.0
    flags = ",".join(flag for flag, present in (
        ("THICKOUTLINE", "OutlineThick" in name), ("OUTLINE", "Outline" in words
                                                     and "OutlineThick" not in name),
        ("MONOCHROME", "Mono" in words)) if present)
    color = next((rgb for word, rgb in _COLORS if word in name),
                 (1.0, 0.82, 0.0) if name.startswith("GameFont") else (1.0, 1.0, 1.0))
    justify_h = "LEFT" if "Left" in words else "RIGHT" if "Right" in words else (
        "CENTER" if "Center" in words else None)
    justify_v = "TOP" if "Top" in words else "BOTTOM" if "Bottom" in words else None
    shadow = "Shadow" in words or name.startswith(("GameFont", "NumberFont", "SystemFont"))
    return FontSpec(path, size, flags, color, justify_h, justify_v, shadow)


@functools.cache
def standard_fonts() -> frozenset[str]:
    """The names of the standard font objects."""
    return frozenset(load_surface().framexml_fonts)
