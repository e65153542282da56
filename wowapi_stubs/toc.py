"""``.toc`` files: metadata and the ordered list of files an addon loads.

A ``.toc`` holds ``## Key: Value`` header lines, ``#`` comments and one file path per line
(``\\`` or ``/`` separators, relative to the addon folder). Windows folders are
case-insensitive, so file lookup is too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from wowapi_stubs.errors import AddonLoadError


@dataclass(frozen=True)
class TocEntry:
    """One file line of the ``.toc``: as written, where it resolved to (or None)."""

    line: int
    written: str
    path: Path | None


@dataclass(frozen=True)
class TocFile:
    """A parsed ``.toc``: addon name (the folder name), metadata and files in order."""

    addon_name: str
    folder: Path
    toc_path: Path
    metadata: dict[str, str] = field(default_factory=dict)
    entries: tuple[TocEntry, ...] = ()

    @property
    def interface(self) -> int | None:
        value = self.metadata.get("Interface", "").strip()
        return int(value) if value.isdigit() else None

    def saved_variables(self) -> list[str]:
        """Names from ``SavedVariables`` and ``SavedVariablesPerCharacter``."""
        names: list[str] = []
        for key in ("SavedVariables", "SavedVariablesPerCharacter"):
            names += [n.strip() for n in self.metadata.get(key, "").split(",") if n.strip()]
        return names


def find_toc(folder_or_toc: Path) -> Path:
    """The ``.toc`` to load: the given file, or ``<Folder>/<Folder>.toc`` (any case)."""
    path = Path(folder_or_toc)
    if path.is_file():
        if path.suffix.lower() != ".toc":
            raise AddonLoadError(f"{path}: not a .toc file")
        return path
    if not path.is_dir():
        raise AddonLoadError(f"{path}: no such addon folder or .toc file")
    wanted = f"{path.name}.toc".lower()
    tocs = sorted(p for p in path.iterdir() if p.suffix.lower() == ".toc")
    for toc in tocs:
        if toc.name.lower() == wanted:
            return toc
    if len(tocs) == 1:
        return tocs[0]
    raise AddonLoadError(
        f"{path}: no {path.name}.toc in the addon folder"
        + (f" (found {', '.join(t.name for t in tocs)})" if tocs else "")
    )


def resolve_case_insensitive(folder: Path, written: str) -> Path | None:
    """Find ``written`` (``\\`` or ``/`` separated) under ``folder`` ignoring case."""
    current = folder
    for part in [p for p in written.replace("\\", "/").split("/") if p and p != "."]:
        exact = current / part
        if exact.exists():
            current = exact
            continue
        if not current.is_dir():
            return None
        matches = [c for c in current.iterdir() if c.name.lower() == part.lower()]
        if not matches:
            return None
        current = matches[0]
    return current if current.is_file() else None


def parse_toc(folder_or_toc: Path) -> TocFile:
    """Parse the addon's ``.toc`` (UTF-8, BOM tolerated)."""
    toc_path = find_toc(Path(folder_or_toc))
    folder = toc_path.parent
    try:
        text = toc_path.read_bytes().decode("utf-8-sig", "replace")
    except OSError as exc:
        raise AddonLoadError(f"{toc_path}: cannot read ({exc.strerror})") from exc
    metadata: dict[str, str] = {}
    entries: list[TocEntry] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("##"):
            key, sep, value = line[2:].partition(":")
            if sep:
                metadata.setdefault(key.strip(), value.strip())
            continue
        if line.startswith("#"):
            continue
        entries.append(TocEntry(number, line, resolve_case_insensitive(folder, line)))
    return TocFile(folder.name, folder, toc_path, metadata, tuple(entries))
