"""The simulated clock: wall time, ``GetTime()`` uptime, and callbacks scheduled on it."""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Callable
from datetime import datetime, timedelta


class SimulatedClock:
    """Time that moves only when the client is told to advance it."""

    def __init__(self, start: datetime, uptime: float) -> None:
        self._start = start
        self._uptime_at_start = uptime
        self.elapsed = 0.0
        self._queue: list[tuple[float, int, Callable[[], None]]] = []
        self._sequence = itertools.count()

    @property
    def uptime(self) -> float:
        """``GetTime()``: seconds since the simulated PC started."""
        return self._uptime_at_start + self.elapsed

    @property
    def now(self) -> datetime:
        """Simulated wall-clock time (aware)."""
        return self._start + timedelta(seconds=self.elapsed)

    def epoch(self) -> int:
        """``time()``: whole seconds since the Unix epoch."""
        return int(self.now.timestamp())

    def call_later(self, delay: float, callback: Callable[[], None]) -> None:
        """Run ``callback`` once ``delay`` simulated seconds have passed."""
        heapq.heappush(
            self._queue, (self.elapsed + max(0.0, delay), next(self._sequence), callback)
        )

    def next_due(self) -> float | None:
        return self._queue[0][0] if self._queue else None

    def pop_due(self) -> Callable[[], None] | None:
        """The next callback due at or before the current time, if any."""
        if self._queue and self._queue[0][0] <= self.elapsed + 1e-9:
            return heapq.heappop(self._queue)[2]
        return None

    def defer_due(self, delay: float) -> int:
        """Move every callback due now ``delay`` seconds later (their order kept); how many."""
        due = []
        while self._queue and self._queue[0][0] <= self.elapsed + 1e-9:
            due.append(heapq.heappop(self._queue))
        for _, sequence, callback in due:
            heapq.heappush(self._queue, (self.elapsed + delay, sequence, callback))
        return len(due)

    def move_to(self, elapsed: float) -> None:
        self.elapsed = max(self.elapsed, elapsed)

    @property
    def pending(self) -> int:
        return len(self._queue)
