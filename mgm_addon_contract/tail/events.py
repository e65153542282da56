"""The consumer's JSON-lines event log: one object per tag, request, retry and problem, with
source file, line number, byte offset and correlation id; secrets redacted.

The file gets every event; memory keeps counts per kind and the first ``keep`` events only,
so a consumer that runs for hours stays flat in memory.
"""

from __future__ import annotations

import contextlib
import json
import time
from collections import Counter
from pathlib import Path
from typing import IO, Any

from mgm_addon_contract.grammar import ParsedLine, Tag
from mgm_addon_contract.secrets import redact


class EventLog:
    """Append events to a file (or keep them in memory only when no path is given)."""

    def __init__(self, path: Path | None = None, *, keep: int = 10_000) -> None:
        self.path = path
        self.keep = keep
        self.events: list[dict[str, Any]] = []
        self.counts: Counter[str] = Counter()
        self._handle: IO[str] | None = path.open("a", encoding="utf-8") if path else None
        self.lost = 0  # events the file could not take (disk full): counted, not raised
        self.error: str | None = None

    def write(self, kind: str, parsed: ParsedLine | None = None, tag: Tag | None = None,
              **fields: Any) -> dict[str, Any]:
        event: dict[str, Any] = {"event": kind, "t": round(time.time(), 3)}
        if parsed is not None:
            event.update(source=parsed.source, line=parsed.line, byte_offset=parsed.byte_offset)
        if tag is not None:
            event.update(tag=tag.kind.value, correlation_id=(tag.correlation_id or "").lower()
                         or None)
        event.update({k: v for k, v in fields.items() if v is not None})
        self.counts[kind] += 1
        if len(self.events) < self.keep:
            self.events.append(event)
        if self._handle is not None:
            try:
                self._handle.write(redact(json.dumps(event, ensure_ascii=False)) + "\n")
                self._handle.flush()
            except OSError as exc:
                self._failed(exc)
        return event

    def _failed(self, exc: OSError) -> None:
        """A full or read-only disk must not stop the consumer: the event is counted as
        lost (the command reports it) and the file is reopened on the next event."""
        self.lost += 1
        self.error = exc.strerror or str(exc)
        handle, self._handle = self._handle, None
        if handle is not None:
            with contextlib.suppress(OSError):
                handle.close()
        with contextlib.suppress(OSError):
            self._handle = self.path.open("a", encoding="utf-8") if self.path else None
            if self._handle is not None and self._handle.tell() and not _ends_a_line(
                    self.path):
                self._handle.write("\n")  # the failed write may have left half a line

    def close(self) -> None:
        if self._handle is not None:
            with contextlib.suppress(OSError):
                self._handle.close()
            self._handle = None


def _ends_a_line(path: Path | None) -> bool:
    with path.open("rb") as handle:  # type: ignore[union-attr]
        handle.seek(-1, 2)
        return handle.read(1) == b"\n"
