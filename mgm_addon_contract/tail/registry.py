"""The tail consumer's registry: what is durably done (SPEC §10; modelled on Filebeat's).

One JSON document, replaced atomically (temporary file, fsync, rename, fsync of the folder)
after every final tag outcome. It holds, for each file being read, its identity (device and
inode; the file id on Windows), a fingerprint of its first bytes and the committed offset
(just past the last line whose outcome is final), together with the handled dedupe keys,
the deferred tags and known winner names. Offset and keys are written in one document, so a
kill at any moment keeps both or neither: a restart re-sends at most the requests whose
outcome was not yet recorded, and the EBS's idempotency absorbs them.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from collections import OrderedDict
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from mgm_addon_contract.tail import registry_schema as schema

VERSION = 2
Key = tuple[str, str]


class RegistryError(ValueError):
    """The registry file cannot be used (not JSON, wrong shape); names the file."""


@dataclass
class FileMark:
    """A file being read: identity, head fingerprint and the committed position."""

    dev: int
    ino: int
    fingerprint: str  # SHA-256 (hex) of the first ``fingerprint_bytes`` bytes
    fingerprint_bytes: int
    offset: int  # committed: every line before it has a final, recorded outcome
    line: int  # lines before ``offset``
    path: str  # where the file was last seen
    prefix: str = ""  # offset < 0: the carried start of a line cut off by a truncation

    @property
    def identity(self) -> tuple[int, int]:
        return (self.dev, self.ino)


@dataclass
class DeferredTag:
    """A tag whose payout (or gift) the EBS does not know yet (404): retried with back-off
    until it has ``waited`` the TTL, then reported as unresolved."""

    key: Key
    text: str  # the whole chat-log line, parsed again on each retry
    line: int
    offset: int
    source: str
    first_seen: float  # wall-clock seconds (for the record only: clocks jump)
    next_at: float  # on the consumer's monotonic clock (a new run retries at once)
    attempts: int = 1
    reason: str = ""
    waited: float = 0.0  # seconds deferred while a consumer ran, counted monotonically


class BoundedKeys:
    """Handled dedupe keys, oldest evicted first once ``limit`` is reached (never cleared
    at once)."""

    def __init__(self, limit: int = 20_000, keys: list[list[str]] | None = None) -> None:
        self.limit = limit
        self._keys: OrderedDict[Key, None] = OrderedDict(
            ((str(k[0]), str(k[1])), None) for k in (keys or []))

    def __contains__(self, key: object) -> bool:
        return key in self._keys

    def add(self, key: Key) -> None:
        self._keys[key] = None
        self._keys.move_to_end(key)
        while len(self._keys) > self.limit:
            self._keys.popitem(last=False)

    def __len__(self) -> int:
        return len(self._keys)

    def to_json(self) -> list[list[str]]:
        return [list(k) for k in self._keys]


@dataclass
class Registry:
    """The durable state of one consumer; ``path`` None keeps it in memory only."""

    path: Path | None = None
    files: list[FileMark] = field(default_factory=list)
    done: BoundedKeys = field(default_factory=BoundedKeys)
    deferred: dict[Key, DeferredTag] = field(default_factory=dict)
    names: OrderedDict[str, str] = field(default_factory=OrderedDict)
    names_limit: int = 2_000
    saves: int = 0
    saved_at: float = 0.0  # wall clock of the last save (files changed after it are new)
    retired: OrderedDict[tuple[int, int], int] = field(default_factory=OrderedDict)
    retired_limit: int = 256
    # rotated siblings accounted for at this size (None: never looked; see tail.siblings)
    known: OrderedDict[tuple[int, int], int] | None = None
    known_limit: int = 1024

    # -- reading -------------------------------------------------------------------------
    @classmethod
    def load(cls, path: Path | None, *, dedupe_limit: int = 20_000) -> Registry:
        """The registry in ``path`` (a fresh one when the file does not exist or is empty:
        saves replace the file atomically, so an empty one never held a checkpoint)."""
        registry = cls(path, done=BoundedKeys(dedupe_limit))
        if path is None or not path.exists() or path.stat().st_size == 0:
            return registry
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(data, dict):
                raise TypeError("not a JSON object")
            registry._read(data, dedupe_limit)
        except (ValueError, TypeError, KeyError) as exc:
            raise RegistryError(f"{path}: not a usable tail checkpoint ({exc}); move it away "
                                "to start over (the EBS's idempotency keeps effects single)") \
                from None
        return registry

    def _read(self, data: dict[str, Any], dedupe_limit: int) -> None:
        """Every field checked (:mod:`registry_schema`): a wrong one is a ValueError."""
        version = data.get("version", 1)
        if version == 1:  # the first format: one file, identity and offset
            dev, ino = schema.integers(data.get("identity") or [0, 0], "identity", 2)
            offset = schema.count(data.get("offset", 0), "offset")
            if offset:
                line = schema.count(data.get("line", 0), "line")
                self.files = [FileMark(dev, ino, "", 0, offset, line, "")]
            self.done = BoundedKeys(dedupe_limit, self._keys(data, "handled"))
            self._names(data)
            return
        if version != VERSION:
            raise ValueError(f"version {version!r} is not supported (this library writes "
                             f"{VERSION})")
        self.files = [FileMark(**schema.fields(mark, schema.MARK, f"files[{i}]"))
                      for i, mark in enumerate(schema.array(data.get("files", []), "files"))]
        self.saved_at = schema.number(data.get("saved_at", 0.0), "saved_at")
        for i, entry in enumerate(schema.array(data.get("retired", []), "retired")):
            dev, ino, size = schema.integers(entry, f"retired[{i}]", 3)
            self.retired[(dev, ino)] = size
        if "known" in data:
            self.known = OrderedDict()
            for i, entry in enumerate(schema.array(data["known"], "known")):
                dev, ino, size = schema.integers(entry, f"known[{i}]", 3)
                self.known[(dev, ino)] = size
        self.done = BoundedKeys(dedupe_limit, self._keys(data, "done"))
        for i, item in enumerate(schema.array(data.get("deferred", []), "deferred")):
            tag = DeferredTag(**schema.fields(item, schema.DEFERRED, f"deferred[{i}]"))
            self.deferred[tag.key] = tag
        self._names(data)

    @staticmethod
    def _keys(data: dict[str, Any], name: str) -> list[list[str]]:
        return [list(schema.texts(k, f"{name}[{i}]"))
                for i, k in enumerate(schema.array(data.get(name, []), name))]

    def _names(self, data: dict[str, Any]) -> None:
        names = schema.mapping(data.get("names", {}), "names")
        self.names.update((k, schema.text(v, f"names[{k!r}]")) for k, v in names.items())

    # -- writing -------------------------------------------------------------------------
    def remember_name(self, payout_id: str, name: str) -> None:
        self.names[payout_id] = name
        self.names.move_to_end(payout_id)
        while len(self.names) > self.names_limit:
            self.names.popitem(last=False)

    def retire(self, identity: tuple[int, int], size: int) -> None:
        """A rotated file read to its end (at ``size``): not to be read again."""
        self.retired[identity] = size
        self.retired.move_to_end(identity)
        while len(self.retired) > self.retired_limit:
            self.retired.popitem(last=False)

    def set_known(self, accounted: dict[tuple[int, int], int]) -> None:
        """The rotated siblings accounted for now (replaces the snapshot; bounded)."""
        items = list(accounted.items())[-self.known_limit:]
        self.known = OrderedDict(items)

    def to_json(self) -> dict[str, Any]:
        return {
            "version": VERSION,
            "files": [asdict(mark) for mark in self.files],
            "done": self.done.to_json(),
            "deferred": [{**asdict(item), "key": list(item.key)}
                         for item in self.deferred.values()],
            "names": dict(self.names),
            "saved_at": self.saved_at,
            "retired": [[dev, ino, size] for (dev, ino), size in self.retired.items()],
            **({} if self.known is None else
               {"known": [[dev, ino, size] for (dev, ino), size in self.known.items()]}),
        }

    def save(self) -> None:
        """Replace the file atomically and durably (no-op without a path); on an
        ``OSError`` the previous file is left as it was and no temporary file stays."""
        if self.path is None:
            return
        self.saved_at = time.time()
        data = json.dumps(self.to_json(), ensure_ascii=False, separators=(",", ":"))
        temporary = self.path.with_name(f".{self.path.name}.tmp")
        try:
            descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            try:
                view = memoryview(data.encode("utf-8"))
                while view:
                    view = view[os.write(descriptor, view):]
                os.fsync(descriptor)
            finally:
                os.close(descriptor)
            os.replace(temporary, self.path)
        except OSError:  # disk full, read-only, quota: the old checkpoint stays whole
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
        _fsync_folder(self.path.parent)
        self.saves += 1


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; Windows has no folder handles to sync)."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        with contextlib.suppress(OSError):
            os.fsync(descriptor)
    finally:
        os.close(descriptor)
