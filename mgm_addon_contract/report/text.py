"""Plain-text helpers shared by the renderers."""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def printable(text: str) -> str:
    """Control characters shown as ``\\xNN`` (terminals, XML and CI logs cannot carry them)."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
