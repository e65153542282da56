"""Finding rotated chat logs nobody has read, without trusting clocks (SPEC §10: tolerate
rotation).

A rotated file is the log's name with a suffix in the log's folder. Whether it still needs
reading is decided by identity (device and inode) and size against what the registry holds:
the files being read, the ones read to their end (``retired``: identity and size) and the
snapshot of the siblings that were already there and accounted for (``known``). A sibling
in none of them at its current size appeared or changed since the consumer last looked, so
it is read from its start (the handled keys and the EBS's idempotency keep effects single).
Modification times are never used to decide whether a file is read, only to order new files
among themselves (oldest first); a clock stepped back or forward cannot hide a file.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

from mgm_addon_contract.tail.files import identity_of
from mgm_addon_contract.tail.registry import Registry

Identity = tuple[int, int]
MTIME_SLACK = 2.0  # seconds: the coarsest modification-time granularity (FAT), legacy only


@dataclass
class Sibling:
    path: Path
    identity: Identity
    size: int
    mtime: float


def is_sibling(log: Path, name: str) -> bool:
    """Whether ``name`` looks like a rotated copy of ``log`` (its name with a suffix)."""
    return name.lower().startswith(log.stem.lower()) and name != log.name \
        and not name.endswith((".json", ".jsonl", ".tmp", ".journal", ".lock"))


def siblings(log: Path) -> list[Sibling]:
    """The rotated copies of ``log`` in its folder (regular files only)."""
    found = []
    with contextlib.suppress(OSError):
        for entry in os.scandir(log.parent):
            if not is_sibling(log, entry.name):
                continue
            with contextlib.suppress(OSError):
                if not entry.is_file():
                    continue
                stat = entry.stat()
                found.append(Sibling(Path(entry.path), identity_of(stat), stat.st_size,
                                     stat.st_mtime))
    return found


def unread(log: Path, registry: Registry, tracked: set[Identity], *,
           legacy_since: float | None = None) -> list[Sibling]:
    """Siblings of ``log`` that need reading, oldest first, and the registry's snapshot
    updated with those that do not (accounted for at their current size).

    ``tracked``: identities being read or waiting to be (skipped, never put in the
    snapshot). A registry without a snapshot: with ``legacy_since`` (a registry written
    before snapshots) files changed since then are new, as that format recorded it;
    without it (a first start) every sibling there is taken as accounted for."""
    accounted: dict[Identity, int] = {}
    new: list[Sibling] = []
    for sibling in siblings(log):
        if sibling.identity in tracked:
            continue
        if _accounted(sibling, registry, legacy_since):
            accounted[sibling.identity] = sibling.size
        else:
            new.append(sibling)
    registry.set_known(accounted)
    return sorted(new, key=lambda s: (s.mtime, s.path.name))


def _accounted(sibling: Sibling, registry: Registry, legacy_since: float | None) -> bool:
    if registry.retired.get(sibling.identity) == sibling.size:
        return True
    if registry.known is not None:
        return registry.known.get(sibling.identity) == sibling.size
    return legacy_since is None or sibling.mtime < legacy_since - MTIME_SLACK
