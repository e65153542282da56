"""``.toc`` files: metadata and the ordered list of files an addon loads.

A ``.toc`` holds ``## Key: Value`` header lines, ``#`` comments and one file path per line
(``\\`` or ``/`` separators, relative to the addon folder). Windows folders are
case-insensitive, so file lookup is too.
"""

from __future__ import annotations

import functools
import os
import stat
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

from wowapi_stubs import _filecache
from wowapi_stubs._paths import (
    DEFAULT_MAX_FILE_BYTES,
    FOLDER,
    AddonPathError,
    FolderIndex,
    confine_toc,
    locate,
)
from wowapi_stubs.errors import AddonLoadError


@dataclass(frozen=True)
class TocEntry:
    """One file line of the ``.toc``: as written, where it resolved to (or None), and
    whether the name is a folder (the client cannot load a folder listed as a file)."""

    line: int
    written: str
    path: Path | None
    is_directory: bool = False
    problem: str | None = None
    """Why ``path`` is None (``"does not exist in the addon folder"``...)."""


@dataclass(frozen=True)
class TocFile:
    """A parsed ``.toc``: addon name, metadata and files in order.

    The addon's name is its folder's name; a folder whose ``.toc`` is named otherwise loads
    under the ``.toc``'s name (:attr:`folder_mismatch`: the client would need the folder
    renamed). Directive names are matched ignoring case, as the client does.
    """

    addon_name: str
    folder: Path
    toc_path: Path
    metadata: dict[str, str] = field(default_factory=dict)
    entries: tuple[TocEntry, ...] = ()
    client_dir: str = ""
    """How the client names the folder in chunk names and messages (default
    ``Interface\\AddOns\\<Addon>``; FrameXML's is ``Interface\\FrameXML``)."""

    @property
    def client_folder(self) -> str:
        """``Interface\\AddOns\\<Addon>`` or the :attr:`client_dir` given."""
        return self.client_dir or "Interface\\AddOns\\" + self.addon_name

    @property
    def interface(self) -> int | None:
        value = self.directive("Interface").strip()
        return int(value) if value.isdigit() else None

    @property
    def folder_mismatch(self) -> bool:
        """The folder is not named like the ``.toc`` (the client would not find it)."""
        return self.folder.name.lower() != self.toc_path.stem.lower()

    @functools.cached_property
    def _by_lower_key(self) -> dict[str, str]:
        """The directives by lower-case name, the first of each name kept (as written
        first wins in :attr:`metadata`). Parsed ``.toc`` files are kept and shared by
        every client of the process, so this is built once per file."""
        found: dict[str, str] = {}
        for key, value in self.metadata.items():
            found.setdefault(key.lower(), value)
        return found

    def directive(self, key: str) -> str:
        """A ``## Key: value`` directive ignoring the key's case ("" when absent)."""
        value = self.metadata.get(key)
        if value is not None:
            return value
        return self._by_lower_key.get(key.lower(), "")

    @functools.cached_property
    def _name_lists(self) -> dict[tuple[str, ...], tuple[str, ...]]:
        return {}

    def _names(self, *keys: str) -> list[str]:
        """The comma-separated names of these directives, in order (split once per file)."""
        found = self._name_lists.get(keys)
        if found is None:
            names: list[str] = []
            for key in keys:
                names += [n.strip() for n in self.directive(key).split(",") if n.strip()]
            found = self._name_lists[keys] = tuple(names)
        return list(found)

    def saved_variables(self) -> list[str]:
        """Names from ``SavedVariables`` and ``SavedVariablesPerCharacter``."""
        return self._names("SavedVariables", "SavedVariablesPerCharacter")

    @property
    def required_deps(self) -> list[str]:
        """``RequiredDeps``, ``Dependencies`` and every other directive starting with ``Dep``
        (the client reads them all as required dependencies), in order, without repeats."""
        keys = [k for k in self.metadata if k.lower() == "requireddeps"
                or k.lower().startswith("dep")]
        return list(dict.fromkeys(self._names(*keys)))

    @property
    def optional_deps(self) -> list[str]:
        return self._names("OptionalDeps")

    @property
    def load_on_demand(self) -> bool:
        return self.directive("LoadOnDemand").strip() == "1"

    @property
    def default_enabled(self) -> bool:
        """``## DefaultState: disabled`` makes a new addon start disabled."""
        return self.directive("DefaultState").strip().lower() != "disabled"

    @property
    def load_with(self) -> list[str]:
        """``LoadWith``: a load-on-demand addon loaded when one of these addons loads."""
        return self._names("LoadWith")

    @property
    def load_managers(self) -> list[str]:
        """``LoadManagers``: the addon is load-on-demand when one of these is present."""
        return self._names("LoadManagers")


def find_toc(folder_or_toc: Path) -> Path:
    """The ``.toc`` to load: the given file, or ``<Folder>/<Folder>.toc`` (any case)."""
    path = Path(folder_or_toc)
    try:
        mode = os.stat(path).st_mode
    except OSError:
        raise AddonLoadError(f"{path}: no such addon folder or .toc file") from None
    if stat.S_ISREG(mode):
        if path.suffix.lower() != ".toc":
            raise AddonLoadError(f"{path}: not a .toc file")
        return path
    if not stat.S_ISDIR(mode):
        raise AddonLoadError(f"{path}: no such addon folder or .toc file")
    wanted = f"{path.name}.toc".lower()
    tocs = sorted(name for name in os.listdir(path) if name.lower().endswith(".toc"))
    for toc in tocs:
        if toc.lower() == wanted:
            return path / toc
    if len(tocs) == 1:
        return path / tocs[0]
    raise AddonLoadError(
        f"{path}: no {path.name}.toc in the addon folder"
        + (f" (found {', '.join(tocs)})" if tocs else "")
    )


def resolve_case_insensitive(folder: Path, written: str,
                             index: FolderIndex | None = None) -> Path | None:
    """The regular file ``written`` names inside ``folder`` (see :mod:`wowapi_stubs._paths`),
    or None."""
    try:
        return locate(folder, written, index)
    except AddonPathError:
        return None


def parse_toc(folder_or_toc: Path) -> TocFile:
    """Parse the addon's ``.toc`` (UTF-8, BOM tolerated).

    The result is kept while the ``.toc``'s bytes and the names in every folder its lookup
    listed stay the same (test suites load one addon into many fresh clients); file times
    are not trusted, their resolution can be coarser than a test's edits.
    """
    key = os.fspath(folder_or_toc)
    cached = kept_toc(key)
    if cached is not None:
        return cached
    toc, index, toc_bytes = _parse_toc(Path(folder_or_toc))
    listed = index.names()
    # What this parse read is its signature: the .toc's bytes and the folders' names.
    signature = (os.path.isdir(key), toc_bytes, *listed.values())
    _PARSED[key] = ((key, str(toc.toc_path), *listed), signature, toc)
    if len(_PARSED) > PARSED_CACHE_SIZE:
        _PARSED.popitem(last=False)
    return toc


PARSED_CACHE_SIZE = 256
_PARSED: OrderedDict[str, tuple[tuple[str, ...], tuple[object, ...], TocFile]] = OrderedDict()


def kept_toc(folder_or_toc: Path | str) -> TocFile | None:
    """The parse :func:`parse_toc` keeps for this path while what it read is unchanged, or
    None (never parsed, or changed since)."""
    key = os.fspath(folder_or_toc)
    cached = _PARSED.get(key)
    if cached is not None and _signature(cached[0]) == cached[1]:
        _PARSED.move_to_end(key)
        return cached[2]
    return None


def _signature(paths: tuple[str, ...]) -> tuple[object, ...] | None:
    """The given path's kind, the ``.toc``'s bytes, then the names in each listed folder
    (None when one cannot be read: then the cached parse is not used)."""
    given, toc_path, *folders = paths
    try:
        return (os.path.isdir(given), _filecache.read(toc_path, toc_path, DEFAULT_MAX_FILE_BYTES),
                *(_filecache.names(folder) for folder in folders))
    except (OSError, AddonLoadError):
        return None


def _parse_toc(folder_or_toc: Path) -> tuple[TocFile, FolderIndex, bytes]:
    toc_path = find_toc(Path(folder_or_toc))
    folder = toc_path.parent
    confine_toc(toc_path)
    try:
        toc_bytes = _filecache.read(toc_path, toc_path.name, DEFAULT_MAX_FILE_BYTES)
    except AddonPathError as exc:
        raise AddonLoadError(f"{toc_path}: {exc.reason}") from None
    text = toc_bytes.decode("utf-8-sig", "replace")
    metadata: dict[str, str] = {}
    entries: list[TocEntry] = []
    index = FolderIndex()
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
        try:
            entries.append(TocEntry(number, line, locate(folder, line, index)))
        except AddonPathError as exc:
            entries.append(TocEntry(number, line, None, exc.reason == FOLDER, exc.reason))
    name = folder.name if folder.name.lower() == toc_path.stem.lower() else toc_path.stem
    return TocFile(name, folder, toc_path, metadata, tuple(entries)), index, toc_bytes
