"""Locate data shipped with the library: grammars, the reference addon, chat-log fixtures.

In a source checkout (editable install) the data lives at the repository root; in a wheel it
is packaged under ``mgm_addon_contract/_data``. Both layouts are supported.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent
_PACKAGED = _PACKAGE_DIR / "_data"
_REPO_ROOT = _PACKAGE_DIR.parent


def _data_dir(name: str) -> Path:
    packaged = _PACKAGED / name
    if packaged.is_dir():
        return packaged
    return _REPO_ROOT / name


def grammars_dir() -> Path:
    """Folder holding the ``.lark`` grammars (the single source of truth for tag formats)."""
    return _data_dir("grammars")


def fixtures_dir() -> Path:
    """Folder holding the bundled fixtures (addons, chat logs, scenarios, transcripts)."""
    return _data_dir("fixtures")


def reference_addon_dir() -> Path:
    """The bundled clean-room MimironsGoldOMatic addon written from SPEC §8-§10, §12."""
    return fixtures_dir() / "addons" / "MimironsGoldOMatic"


def broken_addons_dir() -> Path:
    """Folder of deliberately broken addon variants, one documented defect each."""
    return fixtures_dir() / "addons" / "broken"


def chatlogs_dir() -> Path:
    """Folder of recorded ``WoWChatLog.txt`` fixtures with their expected EBS effects."""
    return fixtures_dir() / "chatlogs"
