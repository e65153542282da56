"""The registry's append-only journal: one checksummed JSON record per line, fsync'd.

A line is ``<crc32 hex> <json>\\n``; the first line names the generation of the checkpoint it
extends (``{"journal": 1, "generation": ...}``), so a journal left over from before the last
compaction (or beside another checkpoint) is recognised and ignored. Reading tolerates a
torn end (bytes after the last line break, NUL padding left by a crash mid-write): those
records were never acknowledged, and the next append first cuts them off. Anything else
that is wrong (a checksum, a record out of sequence, a field) is damage: a
:class:`JournalDamage` naming the line.
"""

from __future__ import annotations

import contextlib
import json
import os
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FORMAT = 1


class JournalDamage(ValueError):
    """A journal line that is not a torn end but cannot be used (names the line)."""


@dataclass
class JournalContents:
    generation: str | None  # None: no usable header (empty file)
    records: list[dict[str, Any]] = field(default_factory=list)
    good_end: int = 0  # byte offset just past the last whole, valid line
    torn: int = 0  # bytes after it (a torn end), cut off by the next append


def encode(record: dict[str, Any]) -> bytes:
    text = json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return b"%08x %s\n" % (zlib.crc32(text), text)


def _decode(raw: bytes, number: int) -> dict[str, Any]:
    crc, _, text = raw.partition(b" ")
    if len(crc) != 8 or not text:
        raise JournalDamage(f"line {number}: not a journal record")
    try:
        wanted = int(crc, 16)
    except ValueError:
        raise JournalDamage(f"line {number}: not a journal record") from None
    if zlib.crc32(text) != wanted:
        raise JournalDamage(f"line {number}: checksum mismatch (damaged)")
    try:
        record = json.loads(text.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise JournalDamage(f"line {number}: not JSON ({exc})") from None
    if not isinstance(record, dict):
        raise JournalDamage(f"line {number}: not a JSON object")
    return record


def read(path: Path) -> JournalContents | None:
    """The journal at ``path`` (None when there is none)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    end = data.rfind(b"\n") + 1
    body = data[:end]
    lines = body.split(b"\n")[:-1] if body else []
    while lines and not lines[-1].strip(b"\0"):  # NUL padding from a crash mid-write
        lines.pop()
    good_end = sum(len(line) + 1 for line in lines)
    contents = JournalContents(None, good_end=good_end, torn=len(data) - good_end)
    for number, raw in enumerate(lines, start=1):
        record = _decode(raw, number)
        if number == 1:
            if record.get("journal") != FORMAT or not isinstance(record.get("generation"),
                                                                  str):
                raise JournalDamage("line 1: not a journal header of format "
                                    f"{FORMAT} with a generation")
            contents.generation = record["generation"]
            continue
        if record.get("seq") != number - 1:
            raise JournalDamage(f"line {number}: seq {record.get('seq')!r} out of sequence "
                                f"(expected {number - 1})")
        contents.records.append(record)
    return contents


class JournalWriter:
    """Appends records to a journal, each written whole and fsync'd before it counts."""

    def __init__(self, path: Path, descriptor: int, size: int, seq: int) -> None:
        self.path, self.fd, self.size, self.seq = path, descriptor, size, seq

    @classmethod
    def reopen(cls, path: Path, good_end: int, seq: int) -> JournalWriter:
        """Continue an existing journal after its last good line (a torn end is cut)."""
        descriptor = os.open(path, os.O_WRONLY | getattr(os, "O_BINARY", 0))
        try:
            os.ftruncate(descriptor, good_end)
            os.fsync(descriptor)
        except OSError:
            os.close(descriptor)
            raise
        return cls(path, descriptor, good_end, seq)

    @classmethod
    def create(cls, path: Path, generation: str) -> JournalWriter:
        """A new journal for ``generation``, put in place atomically (temporary file,
        fsync, rename, fsync of the folder)."""
        header = encode({"journal": FORMAT, "generation": generation})
        replace_atomically(path, header, path.with_name(path.name + ".tmp"))
        fsync_folder(path.parent)
        descriptor = os.open(path, os.O_WRONLY | getattr(os, "O_BINARY", 0))
        return cls(path, descriptor, len(header), 0)

    def append(self, record: dict[str, Any]) -> None:
        """Write ``record`` as the next line and fsync it; on an ``OSError`` the journal
        is cut back to where it was (or the error says it could not be: then
        :attr:`broken` is set and the caller compacts)."""
        line = encode({"seq": self.seq + 1, **record})
        try:
            view = memoryview(line)
            position = self.size
            while view:
                written = _write_at(self.fd, view, position)
                view, position = view[written:], position + written
            os.fsync(self.fd)
        except OSError:
            try:
                os.ftruncate(self.fd, self.size)
            except OSError:
                self.close()
            raise
        self.size += len(line)
        self.seq += 1

    @property
    def broken(self) -> bool:
        return self.fd < 0

    def close(self) -> None:
        if self.fd >= 0:
            with contextlib.suppress(OSError):
                os.close(self.fd)
            self.fd = -1


def _write_at(descriptor: int, data: memoryview, position: int) -> int:
    os.lseek(descriptor, position, os.SEEK_SET)  # one writer: the lock beside the registry
    return os.write(descriptor, data)


def write_durably(path: Path, data: bytes) -> None:
    """Create or replace ``path`` with ``data`` and fsync it (not the folder)."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC
                         | getattr(os, "O_BINARY", 0), 0o600)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(descriptor, view):]
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def replace_atomically(path: Path, data: bytes, temporary: Path) -> None:
    """Replace ``path`` with ``data`` through ``temporary`` (written and fsync'd, then
    renamed; :func:`fsync_folder` makes the rename durable); on an ``OSError`` the old file
    stays whole and no temporary file is left."""
    try:
        write_durably(temporary, data)
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def fsync_folder(folder: Path) -> None:
    """Make a rename durable (POSIX; Windows has no folder handles to sync)."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        with contextlib.suppress(OSError):
            os.fsync(descriptor)
    finally:
        os.close(descriptor)
