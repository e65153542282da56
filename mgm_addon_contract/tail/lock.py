"""One consumer per checkpoint: an exclusive lock held for the consumer's lifetime.

Two consumers on one registry would both route every tag and overwrite each other's
progress: the second one finds the payouts already ``Sent`` (no longer pending), defers
their tags and finally reports them ``unresolved``, and each save replaces the other's.
The lock lives in a file beside the checkpoint (the checkpoint itself is replaced on
every save, so it cannot carry one). The operating system drops it when the process dies,
also on ``kill -9``, so a restart after a crash is never refused.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import BinaryIO

from mgm_addon_contract.tail.registry import RegistryError


class CheckpointLocked(RegistryError):
    """Another consumer holds the checkpoint (names the file)."""


def lock_path(checkpoint: Path) -> Path:
    return checkpoint.with_name(f".{checkpoint.name}.lock")


class CheckpointLock:
    """An exclusive, non-blocking lock on ``checkpoint``'s lock file."""

    def __init__(self, checkpoint: Path) -> None:
        self.path = lock_path(checkpoint)
        handle: BinaryIO = open(self.path, "a+b")  # noqa: SIM115 - held until release()
        try:
            _lock(handle)
        except OSError:
            handle.close()
            raise CheckpointLocked(
                f"{checkpoint}: another tail consumer is using this checkpoint (lock "
                f"{self.path.name} is held); stop it first, or give this one its own "
                "--checkpoint") from None
        self._handle: BinaryIO | None = handle

    @property
    def held(self) -> bool:
        return self._handle is not None

    def release(self) -> None:
        """Give the lock up (what the system does when the process dies)."""
        if self._handle is not None:
            self._handle.close()
            self._handle = None


def _lock(handle: BinaryIO) -> None:
    if os.name == "nt":  # pragma: no cover - Windows
        import msvcrt

        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        return
    import fcntl

    fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
