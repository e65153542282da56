"""The tail consumer's registry: what is durably done (SPEC §10; modelled on Filebeat's).

It holds, for each file being read, its identity (device and inode; the file id on Windows),
a fingerprint of its first bytes and the committed offset (just past the last line whose
outcome is final), together with the handled dedupe keys, the deferred tags, known winner
names and the rotated files accounted for.

Persistence is a checkpoint plus a journal. The checkpoint is one JSON document replaced
atomically (temporary file, fsync, rename, fsync of the folder); each save after it appends
one record of what changed (new keys, changed offsets and deferred tags) to the journal
``.<name>.journal`` beside it and fsyncs it: a few hundred bytes per tag instead of the
whole document. Once the journal outgrows the checkpoint (or on a clean stop) the state is
compacted into a new checkpoint of a new generation and a new journal is started; a journal
of another generation is left over from a compaction cut short and is ignored. Offset and
keys of one save are in one record, so a kill at any moment keeps both or neither: a restart
re-sends at most the requests whose outcome was not yet recorded, and the EBS's idempotency
absorbs them. A torn last record (a crash mid-write) is ignored; any other damage is an error
naming the line and field.
"""

from __future__ import annotations

import json
import secrets
import time
from collections import OrderedDict
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from mgm_addon_contract.tail import journal
from mgm_addon_contract.tail import registry_schema as schema

VERSION = 3  # 3: generation (the journal's base) and the siblings snapshot ``known``
Key = tuple[str, str]
JOURNAL_MIN = 64 << 10  # bytes: the journal is compacted once larger than this and the base


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
        while len(self._keys) > limit:
            self._keys.popitem(last=False)
        self.added: list[Key] = []  # since the last save (the journal's next record)

    def __contains__(self, key: object) -> bool:
        return key in self._keys

    def add(self, key: Key) -> None:
        self.added.append(key)
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
    saves: int = 0  # durable saves (journal records and compactions)
    compactions: int = 0
    saved_at: float = 0.0  # wall clock of the last compaction (read from version 2 only)
    retired: OrderedDict[tuple[int, int], int] = field(default_factory=OrderedDict)
    retired_limit: int = 256
    # rotated siblings accounted for at this size (None: never looked; see tail.siblings)
    known: OrderedDict[tuple[int, int], int] | None = None
    known_limit: int = 1024
    generation: str = ""  # of the checkpoint on disk; the journal names it
    notes: list[str] = field(default_factory=list)  # said while loading (for the events)

    def __post_init__(self) -> None:
        self._journal: journal.JournalWriter | None = None
        self._resume: tuple[int, int] | None = None  # (good end, seq) of a loaded journal
        self._base_bytes = 0
        self._names_added: list[tuple[str, str]] = []
        self._retired_added: list[tuple[int, int, int]] = []
        self._known_changed = False
        self._saved_files: list[dict[str, Any]] = []
        self._saved_deferred: dict[Key, dict[str, Any]] = {}

    @property
    def journal_path(self) -> Path | None:
        return None if self.path is None else self.path.with_name(f".{self.path.name}.journal")

    # -- reading -------------------------------------------------------------------------
    @classmethod
    def load(cls, path: Path | None, *, dedupe_limit: int = 20_000) -> Registry:
        """The registry in ``path`` and its journal (a fresh one when the file does not
        exist or is empty: it is replaced atomically, so an empty one never held a
        checkpoint). Nothing on disk is changed."""
        registry = cls(path, done=BoundedKeys(dedupe_limit))
        if path is None or not path.exists() or path.stat().st_size == 0:
            registry._load_journal(None)
            return registry
        try:
            raw = path.read_bytes()
            data = json.loads(raw.decode("utf-8"))
            if not isinstance(data, dict):
                raise TypeError("not a JSON object")
            registry._read(data, dedupe_limit)
        except (ValueError, TypeError, KeyError) as exc:
            raise RegistryError(f"{path}: not a usable tail checkpoint ({exc}); move it away "
                                "to start over (the EBS's idempotency keeps effects single)") \
                from None
        registry._base_bytes = len(raw)
        registry._load_journal(registry.generation or None)
        registry._mark_saved()
        return registry

    def _load_journal(self, generation: str | None) -> None:
        """Apply the journal of ``generation`` (None: there is no checkpoint)."""
        where = self.journal_path
        if where is None:
            return
        try:
            contents = journal.read(where)
        except journal.JournalDamage as exc:
            raise RegistryError(f"{where}: {exc}; the tail checkpoint's journal is damaged "
                                f"(move it and {self.path} away to start over; the EBS's "
                                "idempotency keeps effects single)") from None
        except OSError as exc:
            raise RegistryError(f"{where}: cannot read the tail checkpoint's journal "
                                f"({exc.strerror or exc})") from None
        if contents is None or contents.generation is None:
            return
        if generation is None or contents.generation != generation:
            self.notes.append(f"{where}: left over from another checkpoint generation "
                              "(a compaction cut short); ignored: the checkpoint holds it")
            return
        for number, record in enumerate(contents.records, start=2):
            try:
                self._apply(schema.journal_record(record, "record"))
            except ValueError as exc:
                raise RegistryError(f"{where}: line {number}: {exc}; the tail checkpoint's "
                                    f"journal is damaged (move it and {self.path} away to "
                                    "start over)") from None
        if contents.torn:
            self.notes.append(f"{where}: a torn last record ({contents.torn} bytes, a crash "
                              "mid-write) was ignored; its requests are repeated")
        self._resume = (contents.good_end, len(contents.records))

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
        if version not in (2, VERSION):
            raise ValueError(f"version {version!r} is not supported (this library writes "
                             f"{VERSION})")
        self.files = [FileMark(**mark) for mark in schema.marks(data.get("files", []),
                                                                "files")]
        self.saved_at = schema.number(data.get("saved_at", 0.0), "saved_at")
        self.generation = schema.text(data.get("generation", ""), "generation")
        for dev, ino, size in schema.triples(data.get("retired", []), "retired"):
            self.retired[(dev, ino)] = size
        if "known" in data:
            self.known = OrderedDict(((dev, ino), size) for dev, ino, size
                                     in schema.triples(data["known"], "known"))
        self.done = BoundedKeys(dedupe_limit, self._keys(data, "done"))
        for item in schema.deferred_tags(data.get("deferred", []), "deferred"):
            tag = DeferredTag(**item)
            self.deferred[tag.key] = tag
        self._names(data)

    @staticmethod
    def _keys(data: dict[str, Any], name: str) -> list[list[str]]:
        return [list(k) for k in schema.pairs(data.get(name, []), name)]

    def _names(self, data: dict[str, Any]) -> None:
        names = schema.mapping(data.get("names", {}), "names")
        self.names.update((k, schema.text(v, f"names[{k!r}]")) for k, v in names.items())

    def _apply(self, record: dict[str, Any]) -> None:
        """Replay one checked journal record (see :meth:`_delta`)."""
        if "files" in record:
            self.files = [FileMark(**mark) for mark in record["files"]]
        for mark in record.get("marks", []):
            changed = FileMark(**mark)
            self.files = [changed if m.identity == changed.identity else m for m in self.files]
        for key in record.get("done", []):
            self.done.add((key[0], key[1]))
        for key in record.get("settled", []):
            self.deferred.pop((key[0], key[1]), None)
        for item in record.get("deferred", []):
            tag = DeferredTag(**item)
            self.deferred[tag.key] = tag
        for payout, name in record.get("names", []):
            self.remember_name(payout, name)
        for dev, ino, size in record.get("retired", []):
            self.retire((dev, ino), size)
        if "known" in record:
            self.set_known({(dev, ino): size for dev, ino, size in record["known"]})

    # -- changing ------------------------------------------------------------------------
    def remember_name(self, payout_id: str, name: str) -> None:
        if self.names.get(payout_id) != name:
            self._names_added.append((payout_id, name))
        self.names[payout_id] = name
        self.names.move_to_end(payout_id)
        while len(self.names) > self.names_limit:
            self.names.popitem(last=False)

    def retire(self, identity: tuple[int, int], size: int) -> None:
        """A rotated file read to its end (at ``size``): not to be read again."""
        self._retired_added.append((identity[0], identity[1], size))
        self.retired[identity] = size
        self.retired.move_to_end(identity)
        while len(self.retired) > self.retired_limit:
            self.retired.popitem(last=False)

    def set_known(self, accounted: dict[tuple[int, int], int]) -> None:
        """The rotated siblings accounted for now (replaces the snapshot; bounded)."""
        items = OrderedDict(list(accounted.items())[-self.known_limit:])
        if items != self.known:
            self._known_changed = True
        self.known = items

    def to_json(self) -> dict[str, Any]:
        return {
            "version": VERSION,
            "generation": self.generation,
            "files": [asdict(mark) for mark in self.files],
            "done": self.done.to_json(),
            "deferred": [_deferred_json(item) for item in self.deferred.values()],
            "names": dict(self.names),
            "saved_at": self.saved_at,
            "retired": [[dev, ino, size] for (dev, ino), size in self.retired.items()],
            **({} if self.known is None else
               {"known": [[dev, ino, size] for (dev, ino), size in self.known.items()]}),
        }

    # -- writing -------------------------------------------------------------------------
    def save(self) -> None:
        """Make the state durable (no-op without a path): one fsync'd journal record, or a
        compaction when the journal has grown past the checkpoint or cannot be used. On an
        ``OSError`` what is on disk still loads as the last successful save (no temporary
        file stays, a half record is cut off) and the changes wait for the next save."""
        if self.path is None:
            self._mark_saved()
            return
        writer = self._writer()
        if writer is None or writer.size > max(JOURNAL_MIN, self._base_bytes) \
                or len(self.done.added) > self.done.limit:
            self.compact()
            return
        writer.append(self._delta())
        self._mark_saved()
        self.saves += 1

    def compact(self) -> None:
        """Write the whole state as a new checkpoint generation and start a new journal
        (the previous full-rewrite save; also the benchmark's baseline)."""
        if self.path is None:
            return
        if self._journal is not None:
            self._journal.close()
            self._journal = None
        self._resume = None
        self.saved_at = time.time()
        previous, self.generation = self.generation, secrets.token_hex(8)
        data = json.dumps(self.to_json(), ensure_ascii=False,
                          separators=(",", ":")).encode("utf-8")
        try:
            journal.replace_atomically(self.path, data,
                                       self.path.with_name(f".{self.path.name}.tmp"))
        except OSError:  # disk full, read-only, quota: the old checkpoint stays whole
            self.generation = previous
            raise
        journal.fsync_folder(self.path.parent)
        self._base_bytes = len(data)
        self._mark_saved()
        self.saves += 1
        self.compactions += 1
        assert self.journal_path is not None
        # a failure from here on leaves the old journal of another generation: ignored
        self._journal = journal.JournalWriter.create(self.journal_path, self.generation)

    def close(self) -> None:
        """Compact what the journal holds (a clean stop leaves one checkpoint file) and
        close the journal; an ``OSError`` leaves checkpoint and journal usable."""
        try:
            if self._journal is not None and self._journal.seq or self._resume is not None \
                    and self._resume[1]:
                self.compact()
        finally:
            self.close_journal()

    def close_journal(self) -> None:
        if self._journal is not None:
            self._journal.close()
            self._journal = None

    def _writer(self) -> journal.JournalWriter | None:
        """The journal to append to (a loaded one is continued after its last good
        record); None when a compaction must come first."""
        if self._journal is not None and not self._journal.broken:
            return self._journal
        self._journal = None
        if self._resume is None or self.journal_path is None:
            return None
        good_end, seq = self._resume
        self._resume = None
        self._journal = journal.JournalWriter.reopen(self.journal_path, good_end, seq)
        return self._journal

    def _delta(self) -> dict[str, Any]:
        """What changed since the last save, as one journal record."""
        record: dict[str, Any] = {}
        files = [asdict(mark) for mark in self.files]
        if [(m["dev"], m["ino"]) for m in files] != [(m["dev"], m["ino"])
                                                     for m in self._saved_files]:
            record["files"] = files
        else:
            changed = [m for m, old in zip(files, self._saved_files, strict=True) if m != old]
            if changed:
                record["marks"] = changed
        if self.done.added:
            record["done"] = [list(k) for k in self.done.added]
        current = {key: _deferred_json(item) for key, item in self.deferred.items()}
        settled = [list(k) for k in self._saved_deferred if k not in current]
        if settled:
            record["settled"] = settled
        upserts = [v for k, v in current.items() if self._saved_deferred.get(k) != v]
        if upserts:
            record["deferred"] = upserts
        if self._names_added:
            record["names"] = [list(pair) for pair in self._names_added]
        if self._retired_added:
            record["retired"] = [list(t) for t in self._retired_added]
        if self._known_changed and self.known is not None:
            record["known"] = [[dev, ino, size] for (dev, ino), size in self.known.items()]
        return record

    def _mark_saved(self) -> None:
        """What is on disk now equals the state in memory."""
        self.done.added = []
        self._names_added, self._retired_added, self._known_changed = [], [], False
        self._saved_files = [asdict(mark) for mark in self.files]
        self._saved_deferred = {key: _deferred_json(item)
                                for key, item in self.deferred.items()}


def _deferred_json(item: DeferredTag) -> dict[str, Any]:
    return {**asdict(item), "key": list(item.key)}
