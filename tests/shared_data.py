"""Where the reference and test data beside the repository live (``../shared``).

The data (3.3.5a name lists, Blizzard's FrameXML, a corpus of real addons, LuaUnit) is never
copied into the repository: tests find it through an environment variable, falling back to
``<repo>/../shared``, and skip with a one-line reason when it is absent.

| variable             | default                          |
| -------------------- | -------------------------------- |
| ``MGM_WOW335A_DIR``  | ``../shared/wow-335a``           |
| ``MGM_FRAMEXML_DIR`` | ``../shared/wow-335a/ui``        |
| ``MGM_LUAUNIT``      | ``../shared/lua/luaunit.lua``    |
| ``MGM_REFERENCE_DIR``| ``../shared/reference``          |
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"

_DEFAULTS = {
    "MGM_WOW335A_DIR": SHARED / "wow-335a",
    "MGM_FRAMEXML_DIR": SHARED / "wow-335a" / "ui",
    "MGM_LUAUNIT": SHARED / "lua" / "luaunit.lua",
    "MGM_REFERENCE_DIR": SHARED / "reference",
}


# Where MGM_FRAMEXML_DIR is kept while the suite runs (inherited by pytest-xdist workers).
_SET_ASIDE = "MGM_TESTS_FRAMEXML_DIR"


def set_aside_framexml() -> None:
    """Clients of the suite use the built-in UI unless a test asks for FrameXML:
    ``MGM_FRAMEXML_DIR`` (which makes every client load it) moves to a variable only
    :func:`require_shared` reads."""
    value = os.environ.pop("MGM_FRAMEXML_DIR", None)
    if value:
        os.environ[_SET_ASIDE] = value


def shared_path(variable: str) -> Path | None:
    """The path named by ``variable`` (or its default beside the repository), if it exists."""
    value = os.environ.get(variable) or (os.environ.get(_SET_ASIDE)
                                         if variable == "MGM_FRAMEXML_DIR" else None)
    path = Path(value) if value else _DEFAULTS[variable]
    return path if path.exists() else None


def require_shared(variable: str) -> Path:
    """:func:`shared_path`, or skip the calling test with the reason."""
    path = shared_path(variable)
    if path is None:
        pytest.skip(f"reference data absent: set {variable} (default {_DEFAULTS[variable]})")
    return path
