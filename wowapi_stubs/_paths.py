"""Files an addon names, found the way the client finds them and confined the way untrusted
code needs.

An addon names files in its ``.toc`` and in XML (``<Include file=...>``, ``<Script
file=...>``): ``\\`` or ``/`` separated, relative to the addon folder, case-insensitive as on
Windows (an exact match wins over one differing in case). Every such path stays inside the
addon folder: ``..`` may not climb out of it and a symbolic link may not lead out of it; the
target must be a regular file (not a folder, FIFO or device) of at most ``max_bytes``
(``ClientSettings.max_file_bytes``, 16 MiB by default). A violation raises
:class:`AddonPathError`, whose text says what is wrong with the path as written; callers put
the ``.toc`` or XML position in front. Nothing outside the addon folder is listed or read.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from wowapi_stubs.errors import AddonLoadError

MIB = 1024 * 1024
DEFAULT_MAX_FILE_BYTES = 16 * MIB
_SEPARATORS = re.compile(r"[\\/]")
FOLDER = "is a folder, not a file"
"""The :attr:`AddonPathError.reason` for a path naming a folder."""


class AddonPathError(AddonLoadError):
    """A path an addon wrote cannot be loaded; ``reason`` says why (``str()``: the path as
    written, then the reason)."""

    def __init__(self, written: str, reason: str) -> None:
        super().__init__(f"{written!r} {reason}")
        self.written = written
        self.reason = reason


class FolderIndex:
    """Directory listings read once: name -> (is a regular file, is a symbolic link), and
    names by lower case."""

    def __init__(self) -> None:
        self._listings: dict[str, tuple[dict[str, tuple[bool, bool]], dict[str, str]]] = {}

    def names(self) -> dict[str, frozenset[str]]:
        """The names in every folder listed so far."""
        return {folder: frozenset(kinds) for folder, (kinds, _) in self._listings.items()}

    def listing(self, folder: str) -> tuple[dict[str, tuple[bool, bool]], dict[str, str]]:
        found = self._listings.get(folder)
        if found is None:
            kinds: dict[str, tuple[bool, bool]] = {}
            lower: dict[str, str] = {}
            try:
                with os.scandir(folder) as entries:
                    for entry in entries:
                        kinds[entry.name] = (_is_file(entry), entry.is_symlink())
                        lower.setdefault(entry.name.lower(), entry.name)
            except OSError:
                pass
            found = self._listings[folder] = (kinds, lower)
        return found


def _is_file(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_file()
    except OSError:
        return False


def locate(folder: Path, written: str, index: FolderIndex | None = None) -> Path:
    """The regular file ``written`` names inside ``folder`` (see the module docstring)."""
    index = index or FolderIndex()
    root = os.path.realpath(folder)
    parts: list[str] = []
    is_file = False
    for part in _SEPARATORS.split(written):
        if part in ("", "."):
            continue
        if part == "..":
            if not parts:
                raise AddonPathError(written, "leads outside the addon folder")
            parts.pop()
            is_file = False
            continue
        kinds, lower = index.listing(os.path.join(folder, *parts))
        name = part if part in kinds else lower.get(part.lower())
        if name is None:
            raise AddonPathError(written, "does not exist in the addon folder")
        parts.append(name)
        is_file, is_link = kinds[name]
        if is_link and not _inside(root, os.path.realpath(os.path.join(folder, *parts))):
            raise AddonPathError(written, "leads outside the addon folder (through a "
                                          f"symbolic link: {'/'.join(parts)})")
    path = Path(folder, *parts)
    if not is_file:
        try:
            mode = os.stat(path).st_mode
        except OSError:
            raise AddonPathError(written, "does not exist in the addon folder") from None
        if stat.S_ISDIR(mode):
            raise AddonPathError(written, FOLDER)
        raise AddonPathError(written, "is not a regular file")
    return path


def read_file(path: Path, written: str, max_bytes: int = DEFAULT_MAX_FILE_BYTES) -> bytes:
    """The bytes of a file :func:`locate` found: a regular file of at most ``max_bytes``
    (checked on the open file; a FIFO swapped in meanwhile never blocks)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise AddonPathError(written, f"cannot be read ({exc.strerror})") from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise AddonPathError(written, "is not a regular file")
        if info.st_size > max_bytes:
            raise _too_large(written, info.st_size, max_bytes)
        try:
            data = handle.read(max_bytes + 1)
        except OSError as exc:
            raise AddonPathError(written, f"cannot be read ({exc.strerror})") from None
    if len(data) > max_bytes:
        raise _too_large(written, len(data), max_bytes)
    return data


def read_addon_file(folder: Path, written: str, max_bytes: int = DEFAULT_MAX_FILE_BYTES,
                    index: FolderIndex | None = None) -> tuple[Path, bytes]:
    """:func:`locate` then :func:`read_file`: where ``written`` is and its bytes."""
    path = locate(folder, written, index)
    return path, read_file(path, written, max_bytes)


def confine_toc(toc_path: Path) -> None:
    """A ``.toc`` must be a regular file inside its own folder (a symbolic link to a file
    elsewhere would let its lines echo a host file into error messages)."""
    real = os.path.realpath(toc_path)
    if not _inside(os.path.realpath(toc_path.parent), real):
        raise AddonPathError(toc_path.name, "leads outside the addon folder (through a "
                                            "symbolic link)")


def _inside(root: str, real: str) -> bool:
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def _too_large(written: str, size: int, max_bytes: int) -> AddonPathError:
    return AddonPathError(written, f"is {size:,} bytes; a file may have at most "
                                   f"{max_bytes:,} bytes (setting max_file_bytes)")
