"""The live status line on stderr: the file read (its name; the full path is printed at
start) and its offset, tags handled, deferred and rejected, problems, EBS reachability,
the next retry and a warning when rotated files had to be closed early.

On a terminal one line is redrawn in place (at most a few times a second); otherwise a line
is printed when something that matters changes (reachability, a problem) and at most every
``every`` seconds while counts move, so logs stay readable.
"""

from __future__ import annotations

import time
from pathlib import PurePath
from typing import TextIO

from mgm_addon_contract.safe_text import printable
from mgm_addon_contract.secrets import redact
from mgm_addon_contract.tail.consumer import Status

REDRAW_EVERY = 0.25


def describe(status: Status) -> str:
    """One line for ``status``."""
    where = (f"{printable(PurePath(status.file).name, 60)} @ {status.offset:,}" if status.file
             else "waiting for the log to appear")
    counts = (f"handled {status.handled}, deferred {status.deferred}, rejected "
              f"{status.rejected}, problems {status.problems}")
    if status.reachable is None:
        ebs = "EBS: not contacted yet"
    elif status.reachable and status.problem is None:
        ebs = "EBS: ok"
    else:
        state = "unreachable" if not status.reachable else "failing"
        ebs = f"EBS: {state} ({printable(status.problem or '', 80)})"
    if status.retry_in is not None:
        ebs += f", retry in {status.retry_in:.1f} s"
    warning = f" | warning: {printable(status.warning, 120)}" if status.warning else ""
    return redact(f"{where} | {counts} | {ebs}{warning}")


class StatusLine:
    """Writes :func:`describe` lines to ``stream``."""

    def __init__(self, stream: TextIO, *, live: bool | None = None, every: float = 10.0,
                 clock=time.monotonic) -> None:  # noqa: ANN001
        self.stream = stream
        self.live = stream.isatty() if live is None else live
        self.every = every
        self.clock = clock
        self._last = ""
        self._key: tuple = ()
        self._shown_at = float("-inf")

    def update(self, status: Status) -> None:
        line = describe(status)
        now = self.clock()
        key = (status.file is None, status.reachable, status.problem is None,
               status.retry_in is None, status.warning)
        if self.live:
            if line != self._last and now - self._shown_at >= REDRAW_EVERY or key != self._key:
                self._write("\r" + line + "\x1b[K")
                self._last, self._key, self._shown_at = line, key, now
            return
        changed = line != self._last
        if key != self._key or (changed and now - self._shown_at >= self.every):
            self._write(line + "\n")
            self._last, self._key, self._shown_at = line, key, now

    def message(self, text: str) -> None:
        """A line that stays (an event worth reading later)."""
        prefix = "\r\x1b[K" if self.live and self._last else ""
        self._write(prefix + redact(text) + "\n")
        self._last, self._shown_at = "", float("-inf")

    def close(self) -> None:
        if self.live and self._last:
            self._write("\n")

    def _write(self, text: str) -> None:
        try:
            self.stream.write(text)
            self.stream.flush()
        except (OSError, ValueError):
            pass
