"""Where a finding is, for CI formats: paths relative to the checkout and Lua source positions.

CI systems show findings on the files of the repository under review, so paths are made
relative to ``$GITHUB_WORKSPACE`` (or the current directory); a Lua position such as
``MimironsGoldOMatic\\Core.lua:12`` (the client's chunk names, client facts: addon paths) is
mapped back to the file in the addon folder.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

_LUA_POSITION = re.compile(r"(?P<file>[^\s:()'\"\[\]]+\.(?:lua|xml|toc)):(?P<line>\d+)")


@dataclass(frozen=True)
class SourcePosition:
    """A file and a 1-based line (and column, when known)."""

    path: Path
    line: int | None = None
    column: int | None = None


def workspace_root() -> Path:
    """The checkout CI paths are relative to: ``$GITHUB_WORKSPACE`` or the current directory."""
    return Path(os.environ.get("GITHUB_WORKSPACE") or os.getcwd()).resolve()


def relative_uri(path: Path, root: Path | None = None) -> str | None:
    """``path`` as a POSIX path relative to ``root``; None when it lies outside."""
    root = root or workspace_root()
    try:
        return PurePosixPath(Path(path).resolve().relative_to(root)).as_posix()
    except ValueError:
        return None


def display_path(path: Path) -> str:
    """``path`` relative to the checkout when it lies inside, else absolute (POSIX form)."""
    return relative_uri(path) or Path(path).resolve().as_posix()


def lua_position(text: str, addon_dir: Path) -> SourcePosition | None:
    """The first Lua chunk position (``Interface\\AddOns\\Addon\\file.lua:12``, or Lua's
    shortened ``...dOns\\Addon\\file.lua:12``) named in ``text``, mapped to a file under
    ``addon_dir`` (or a sibling addon folder); None when none is named or found."""
    for match in _LUA_POSITION.finditer(text):
        written = match["file"]
        shortened = written.startswith("...")
        parts = [p for p in re.split(r"[\\/]", written.lstrip(".")) if p not in ("", ".")]
        lowered = [p.lower() for p in parts]
        if "addons" in lowered:  # the client's Interface\AddOns\<Addon>\... prefix
            parts = parts[lowered.index("addons") + 1:]
            shortened = False
        if ".." in parts or not parts:
            continue
        found = _suffix_match(addon_dir, parts) if shortened else _exact(addon_dir, parts)
        if found is not None:
            return SourcePosition(found, int(match["line"]))
    return None


def _exact(addon_dir: Path, parts: list[str]) -> Path | None:
    candidates = [addon_dir.parent.joinpath(*parts), addon_dir.joinpath(*parts)]
    if parts[0] == addon_dir.name and len(parts) > 1:
        candidates.insert(0, addon_dir.joinpath(*parts[1:]))
    return next((c for c in candidates if c.is_file()), None)


def _suffix_match(addon_dir: Path, parts: list[str]) -> Path | None:
    """A file under ``addon_dir`` whose path ends with what Lua kept of a long chunk name."""
    tail = "/".join(parts).lower()
    for path in sorted(addon_dir.rglob("*"))[:10_000]:
        if path.is_file() and path.as_posix().lower().endswith(tail):
            return path
    return None
