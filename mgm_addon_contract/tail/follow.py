"""Follow mode: the consumer running next to the game for hours.

It wakes on file events for the log (watchdog; only writes, creations, moves and deletions
of that file, never the accesses its own reads cause) and polls every ``interval`` seconds
as well, for systems where file events are late or missing (a file held open by its writer
on Windows, network drives). An idle poll costs a few system calls. While the EBS is
unreachable it probes with back-off, so the failure shows at once and its end too.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mgm_addon_contract.tail.consumer import Status, TailConsumer
from mgm_addon_contract.tail.router import Outcome

WAKING_EVENTS = frozenset({"modified", "created", "moved", "deleted", "closed"})


class Follower:
    """Polls ``consumer`` until ``stop`` is set; reports through the callbacks."""

    def __init__(self, consumer: TailConsumer, *, interval: float = 0.04,
                 use_events: bool = True,
                 on_outcomes: Callable[[list[Outcome]], None] | None = None,
                 on_status: Callable[[Status], None] | None = None) -> None:
        self.consumer = consumer
        self.interval = interval
        self.use_events = use_events
        self.on_outcomes = on_outcomes
        self.on_status = on_status
        self.events_active = False
        self._next_probe = 0.0
        self._probe_failures = 0

    def run(self, stop: threading.Event) -> None:
        wake = threading.Event()
        observer = _start_observer(self.consumer.log, wake) if self.use_events else None
        self.events_active = observer is not None
        try:
            while not stop.is_set():
                self._probe_if_due()
                outcomes = self.consumer.poll_once()
                if outcomes and self.on_outcomes is not None:
                    self.on_outcomes(outcomes)
                if self.on_status is not None:
                    self.on_status(self.consumer.status())
                if self.consumer.more_to_read:
                    continue
                wake.wait(self._wait())
                wake.clear()
        finally:
            if observer is not None:
                observer.stop()
                observer.join(timeout=2)

    def _wait(self) -> float:
        retry = self.consumer.retry_in()
        return self.interval if retry is None else min(max(retry, 0.0), 1.0)

    def _probe_if_due(self) -> None:
        """While the EBS is unreachable and no line is being retried, probe it with
        back-off so that the status line tells when it is back."""
        consumer = self.consumer
        if consumer.router.reachable is not False or consumer.blocked:
            self._probe_failures = 0
            return
        now = time.monotonic()
        if now < self._next_probe:
            return
        consumer.probe()
        if consumer.router.reachable is False:
            self._probe_failures += 1
            self._next_probe = now + consumer.policy.delay(self._probe_failures, consumer.rng)


def _start_observer(log: Path, wake: threading.Event) -> Any:
    """A watchdog observer on the log's folder waking ``wake`` (None: polling only)."""
    try:
        from watchdog.events import FileSystemEvent, FileSystemEventHandler
        from watchdog.observers import Observer
    except ImportError:  # pragma: no cover - watchdog is a dependency
        return None
    name = log.name

    class Wake(FileSystemEventHandler):
        def on_any_event(self, event: FileSystemEvent) -> None:
            if event.event_type not in WAKING_EVENTS:
                return
            paths = (event.src_path, getattr(event, "dest_path", "") or "")
            if any(Path(str(p)).name == name for p in paths if p):
                wake.set()

    observer = Observer()
    try:
        observer.schedule(Wake(), str(log.parent), recursive=False)
        observer.start()
    except (OSError, RuntimeError):
        return None
    return observer
