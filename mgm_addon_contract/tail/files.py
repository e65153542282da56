"""One chat-log file as the consumer reads it: identity, fingerprint, position, partial line.

A file is known by its identity (device and inode; Python fills both from the file id on
Windows) plus a SHA-256 of its first bytes. Every check reads from disk with ``os.pread`` on
an unbuffered descriptor, so a truncation or a rewrite is seen as soon as it happens (a
buffered handle would answer from stale bytes). The descriptor stays open: a renamed or
deleted file can still be read to its end.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from mgm_addon_contract.grammar import LogScanner, ParsedLine
from mgm_addon_contract.tail.registry import FileMark

FINGERPRINT_BYTES = 1024
MARK_BYTES = 64  # bytes just before the read position, compared to notice a rewrite
READ_BYTES = 1 << 20
_HAS_PREAD = hasattr(os, "pread")


def rotated_budget() -> int:
    """How many rotated files may stay open at once: a quarter of the process's descriptor
    limit, between 8 and 64 (64 where the limit cannot be read, as on Windows, whose C
    runtime allows 512 by default)."""
    try:
        import resource
    except ImportError:
        return 64
    try:
        soft = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
    except (OSError, ValueError):
        return 64
    if soft == resource.RLIM_INFINITY or soft <= 0:
        return 64
    return max(8, min(64, soft // 4))


def identity_of(stat: os.stat_result) -> tuple[int, int]:
    """(device, inode) of a stat result."""
    return (stat.st_dev, stat.st_ino)


def fingerprint(head: bytes) -> str:
    return hashlib.sha256(head).hexdigest()


class TrackedFile:
    """An open chat-log file and where reading it stands."""

    def __init__(self, path: Path, descriptor: int, *, offset: int = 0, line: int = 0,
                 max_line_bytes: int) -> None:
        self.path = path
        self.fd = descriptor
        self.identity = identity_of(os.fstat(descriptor))
        self.max_line_bytes = max_line_bytes
        self.committed = (offset, line)
        self.last_growth = 0.0
        self.glued = b""  # a line's start kept across a truncation (offsets below 0)
        self._position(offset, line)
        self._set_head(self._pread(min(max(offset, 0), FINGERPRINT_BYTES), 0))

    def _set_head(self, head: bytes) -> None:
        """The fingerprint covers exactly the first bytes this reader has read (up to
        1 KiB), so a saved position never vouches for bytes it did not see."""
        self._head = head
        self.fingerprint_bytes, self.fingerprint = len(head), fingerprint(head)

    @classmethod
    def open(cls, path: Path, *, offset: int = 0, line: int = 0,
             max_line_bytes: int) -> TrackedFile | None:
        """Open ``path`` for reading (None when it does not exist or cannot be opened)."""
        flags = os.O_RDONLY | getattr(os, "O_BINARY", 0)
        try:
            descriptor = os.open(path, flags)
        except OSError:
            return None
        return cls(path, descriptor, offset=offset, line=line, max_line_bytes=max_line_bytes)

    def _position(self, offset: int, line: int) -> None:
        self.read_pos = max(offset, 0)
        self.scanner = LogScanner(str(self.path), start_offset=max(offset, 0),
                                  start_line=line, max_line_bytes=self.max_line_bytes)
        if offset < 0:  # the glued start of the first line comes before the file's bytes
            self.scanner.feed(self.glued[len(self.glued) + offset:])
            self.scanner.continue_at_start(line)
        self.mark = self._pread(MARK_BYTES, offset - MARK_BYTES) if offset >= MARK_BYTES \
            else self._pread(max(offset, 0), 0)

    def _pread(self, size: int, offset: int) -> bytes:
        if size <= 0:
            return b""
        if _HAS_PREAD:
            return os.pread(self.fd, size, offset)
        os.lseek(self.fd, offset, os.SEEK_SET)  # Windows: no pread; the fd is unbuffered too
        return os.read(self.fd, size)

    # -- state -------------------------------------------------------------------------
    def size(self) -> int:
        return os.fstat(self.fd).st_size

    def gone(self) -> bool:
        """Deleted (no name left); its bytes stay readable through the descriptor."""
        return os.fstat(self.fd).st_nlink == 0

    def matches(self, mark: FileMark) -> bool:
        """Whether ``mark`` (from the registry) describes this file as it is now: same
        identity, long enough, and the same first bytes as far as the mark read them."""
        if mark.identity != self.identity or self.size() < mark.offset:
            return False
        if not mark.fingerprint:  # an older registry without fingerprints
            return True
        if mark.fingerprint_bytes < min(mark.offset, FINGERPRINT_BYTES):
            return False  # the mark does not cover what it read: no proof, start over
        return fingerprint(self._pread(mark.fingerprint_bytes, 0)) == mark.fingerprint

    def change(self) -> str | None:
        """"truncated" or "rewritten" when the bytes read so far are no longer there."""
        size = self.size()
        if size < self.read_pos:
            return "truncated"
        head = self._pread(self.fingerprint_bytes, 0)
        if fingerprint(head) != self.fingerprint:
            return "rewritten"
        if self.mark and self._pread(len(self.mark), self.read_pos - len(self.mark)) != self.mark:
            return "rewritten"
        return None

    def head(self, size: int) -> bytes:
        return self._pread(size, 0)

    def restart(self, *, keep_partial: bool = False) -> None:
        """Read again from the start (after a truncation or a rewrite); with
        ``keep_partial`` the carried line continues with the file's first bytes."""
        if keep_partial and self.scanner.carried_bytes:
            self.glued = self.scanner.carried
            self.scanner.continue_at_start()
            self.read_pos, self.mark = 0, b""
            self.committed = (-self.scanner.carried_bytes, 0)
        else:
            self.glued = b""
            self._position(0, 0)
            self.committed = (0, 0)
        self._set_head(b"")

    def rewind(self, offset: int, line: int) -> None:
        """Continue reading at the start of a line that must be handled again."""
        self._position(offset, line)

    # -- reading -----------------------------------------------------------------------
    def read(self, size: int = READ_BYTES) -> bytes:
        """The next bytes (at most ``size``) from the read position, straight from disk;
        nothing when the file was truncated or rewritten under the read (the next
        :meth:`change` check says which)."""
        chunk = self._pread(size, self.read_pos)
        if chunk and fingerprint(self._pread(self.fingerprint_bytes, 0)) != self.fingerprint:
            return b""
        if chunk:
            if self.read_pos == len(self._head) < FINGERPRINT_BYTES:
                self._set_head(self._head + chunk[:FINGERPRINT_BYTES - len(self._head)])
            self.read_pos += len(chunk)
            self.mark = (self.mark + chunk)[-MARK_BYTES:]
        return chunk

    def feed(self, chunk: bytes) -> list[ParsedLine]:
        return self.scanner.feed(chunk, plain_lines=False)

    @property
    def carried_bytes(self) -> int:
        return self.scanner.carried_bytes

    def to_mark(self) -> FileMark:
        offset, line = self.committed
        prefix = self.glued[len(self.glued) + offset:].decode("latin-1") if offset < 0 else ""
        return FileMark(self.identity[0], self.identity[1], self.fingerprint,
                        self.fingerprint_bytes, offset, line, str(self.path), prefix)

    def resume(self, mark: FileMark) -> None:
        """Continue at ``mark``'s committed position (with its glued prefix, if any);
        :meth:`matches` has checked the first bytes."""
        self.glued = mark.prefix.encode("latin-1")
        self._position(mark.offset, mark.line)
        self.committed = (mark.offset, mark.line)
        self._set_head(self._pread(min(max(mark.offset, 0), FINGERPRINT_BYTES), 0))

    def close(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1
