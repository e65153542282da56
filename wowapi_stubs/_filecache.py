"""Addon files and folder listings read once per process while they stay unchanged.

Test suites load the same addon into many fresh clients; each load would open and read the
same ``.toc`` and files and list the same folders. Here a file's bytes (and a folder's names)
are kept, keyed by what ``stat`` says of it (device, inode, size, modification and change
times), and given again while ``stat`` says the same. The bytes returned for an unchanged file
are the same object every time, so caches keyed by file contents (compiled chunks) hash them
once.

File times can be coarser than a test's edits (a file rewritten within the same clock tick
keeps its times), so an entry is kept only for a file whose change time is at least
:data:`SETTLED_SECONDS` old when it is read: any later change then moves the change time
(which no program can set back). Files changed more recently are read every time.
"""

from __future__ import annotations

import os
import stat
import time
from collections import OrderedDict
from pathlib import Path

from wowapi_stubs._paths import read_file

SETTLED_SECONDS = 2.0
"""How old a file's (or folder's) last change must be for its contents to be kept."""
MAX_FILES = 1024
MAX_BYTES = 64 * 1024 * 1024
MAX_FOLDERS = 1024

_Stamp = tuple[int, int, int, int, int]
_FILES: OrderedDict[str, tuple[_Stamp, bytes]] = OrderedDict()
_FOLDERS: OrderedDict[str, tuple[_Stamp, frozenset[str]]] = OrderedDict()
_held_bytes = 0


def _stamp(info: os.stat_result) -> _Stamp:
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


def _settled(info: os.stat_result) -> bool:
    return time.time_ns() - info.st_ctime_ns >= SETTLED_SECONDS * 1e9


def read(path: Path | str, written: str, max_bytes: int) -> bytes:
    """:func:`wowapi_stubs._paths.read_file` (same checks, same errors), from memory while
    the file is unchanged."""
    global _held_bytes
    key = os.fspath(path)
    try:
        info = os.stat(key)
    except OSError:
        return read_file(Path(path), written, max_bytes)  # raises the located error
    found = _FILES.get(key)
    if (found is not None and found[0] == _stamp(info) and stat.S_ISREG(info.st_mode)
            and info.st_size <= max_bytes):
        _FILES.move_to_end(key)
        return found[1]
    data = read_file(Path(path), written, max_bytes)
    if found is not None:
        _held_bytes -= len(_FILES.pop(key)[1])
    # Kept under the stamp taken before reading: a change in between makes it differ.
    if stat.S_ISREG(info.st_mode) and len(data) == info.st_size and _settled(info):
        _FILES[key] = (_stamp(info), data)
        _held_bytes += len(data)
        while len(_FILES) > MAX_FILES or _held_bytes > MAX_BYTES:
            _held_bytes -= len(_FILES.popitem(last=False)[1][1])
    return data


def names(folder: Path | str) -> frozenset[str]:
    """The names in ``folder`` (``os.listdir``; ``OSError`` when it cannot be listed), from
    memory while the folder is unchanged (adding, removing or renaming an entry changes it)."""
    key = os.fspath(folder)
    info = os.stat(key)
    found = _FOLDERS.get(key)
    if found is not None and found[0] == _stamp(info):
        _FOLDERS.move_to_end(key)
        return found[1]
    listed = frozenset(os.listdir(key))
    _FOLDERS.pop(key, None)
    if stat.S_ISDIR(info.st_mode) and _settled(info):
        _FOLDERS[key] = (_stamp(info), listed)
        if len(_FOLDERS) > MAX_FOLDERS:
            _FOLDERS.popitem(last=False)
    return listed
