"""The tail consumer's checkpoint: where it stopped, in which file, and what it has done.

Saved atomically after every handled tag so that a restart resumes with no loss and no
replay: the offset just past the last complete line, the file identity (device, inode), a
fingerprint of the bytes before the offset, the bounded set of handled (tag, id) keys and
the tags waiting for a retry.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FINGERPRINT_BYTES = 4096


class BoundedKeys:
    """Handled keys, oldest evicted first once ``limit`` is reached (never cleared at once)."""

    def __init__(self, limit: int = 20_000, keys: list[list[str]] | None = None) -> None:
        self.limit = limit
        self._keys: OrderedDict[tuple[str, ...], None] = OrderedDict(
            (tuple(k), None) for k in (keys or []))

    def __contains__(self, key: tuple[str, ...]) -> bool:
        return key in self._keys

    def add(self, key: tuple[str, ...]) -> None:
        self._keys[key] = None
        self._keys.move_to_end(key)
        while len(self._keys) > self.limit:
            self._keys.popitem(last=False)

    def __len__(self) -> int:
        return len(self._keys)

    def to_json(self) -> list[list[str]]:
        return [list(k) for k in self._keys]


def fingerprint(path: Path, offset: int) -> str:
    """SHA-256 of the (up to 4 KiB) bytes just before ``offset``."""
    start = max(0, offset - FINGERPRINT_BYTES)
    with path.open("rb") as handle:
        handle.seek(start)
        return hashlib.sha256(handle.read(offset - start)).hexdigest()


def identity(path: Path) -> list[int]:
    stat = path.stat()
    return [stat.st_dev, stat.st_ino]


@dataclass
class Checkpoint:
    offset: int = 0
    line: int = 0
    identity: list[int] = field(default_factory=list)
    fingerprint: str = ""
    handled: list[list[str]] = field(default_factory=list)
    deferred: list[dict[str, Any]] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)  # payout id -> winner (for ACCEPT)

    @classmethod
    def load(cls, path: Path | None) -> Checkpoint:
        if path is None or not path.exists():
            return cls()
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except ValueError as exc:
            raise ValueError(f"{path}: checkpoint is not valid JSON ({exc})") from exc
        return cls(**{k: data[k] for k in cls.__dataclass_fields__ if k in data})

    def save(self, path: Path | None) -> None:
        if path is None:
            return
        temporary = path.with_suffix(path.suffix + ".tmp")
        temporary.write_text(json.dumps(self.__dict__, ensure_ascii=False), encoding="utf-8")
        os.replace(temporary, path)

    def still_valid_for(self, log: Path) -> bool:
        """Whether ``log`` still starts with what the checkpoint consumed (same bytes before
        the offset; a copied or re-created file with the same prefix is the same log)."""
        if not log.exists() or self.offset == 0:
            return False
        if log.stat().st_size < self.offset:
            return False
        return fingerprint(log, self.offset) == self.fingerprint
