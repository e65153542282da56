"""The tail consumer (SPEC §10): follows ``WoWChatLog.txt`` and turns tags into EBS calls.

Correct under the ways the client and the disk misbehave: partial lines (also a UTF-8
sequence split between reads), CRLF/LF, BOM, block-wise flushing, truncation and replacement
of the file, restarts (checkpoint: no loss, no replay), duplicated tag lines (bounded
persisted dedup), EBS failures (retries) and ids the EBS does not know yet (deferred and
retried). Spoofed and invalid tags are reported and never routed.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from mgm_addon_contract.grammar import LogScanner, ParsedLine, parse_log_line
from mgm_addon_contract.tail.checkpoint import BoundedKeys, Checkpoint, fingerprint, identity
from mgm_addon_contract.tail.router import Outcome, RetryLater, Router, UnknownPayout

READ_SIZE = 1 << 16
DEFERRED_POLLS = 40
NAMES_KEPT = 2000
MARK_BYTES = 64  # an unknown payout id is retried on this many polls before giving up


class TailConsumer:
    """Reads new bytes of one log file on each :meth:`poll_once` and routes its tags."""

    def __init__(self, log: Path, router: Router, *, checkpoint: Path | None = None,
                 dedup_limit: int = 20_000,
                 on_outcome: Callable[[Outcome], None] | None = None) -> None:
        self.log = log
        self.on_outcome = on_outcome
        self.router = router
        self.events = router.events
        self.checkpoint_path = checkpoint
        state = Checkpoint.load(checkpoint)
        self.handled = BoundedKeys(dedup_limit, state.handled)
        self.deferred: list[dict] = list(state.deferred)
        router.names.update(state.names)
        self.outcomes: list[Outcome] = []
        self._handle: BinaryIO | None = None
        self._identity: list[int] = []
        self._mark = b""  # the last bytes consumed, to notice a rewritten file
        if state.still_valid_for(log):
            self._scanner = LogScanner(str(log), start_offset=state.offset, start_line=state.line)
            self.events.write("resume", offset=state.offset, line=state.line)
        else:
            if state.offset:
                self.events.write("checkpoint-mismatch", offset=state.offset,
                                  note="the log no longer starts with the checkpointed bytes; "
                                       "reading it from the start (dedup keeps effects single)")
            self._scanner = LogScanner(str(log))

    # -- reading -------------------------------------------------------------------------
    def poll_once(self) -> list[Outcome]:
        """Read what is new, route complete lines; returns this poll's outcomes."""
        before = len(self.outcomes)
        self._retry_deferred()
        if not self._open():
            return []
        try:
            self._drain(self._handle)
        except RetryLater as exc:
            self.events.write("ebs-unavailable", note=str(exc))
        self._save()
        return self.outcomes[before:]

    def _open(self) -> bool:
        if not self.log.exists():
            return False
        current = identity(self.log)
        if self._handle is not None and current != self._identity:
            # Replaced: finish the old file's unread tail first, then start the new one.
            self._drain(self._handle)
            self._flush_partial()
            self._handle.close()
            self._handle = None
            self.events.write("replaced", note="log file replaced; reading the new file from 0")
            self._scanner = LogScanner(str(self.log))
            self._mark = b""
        if self._handle is None:
            self._handle = self.log.open("rb")
            self._identity = current
        size = os.fstat(self._handle.fileno()).st_size
        position = self._scanner.consumed_offset + self._carried()
        if size < position:
            self.events.write("truncated", offset=position, size=size)
            self._scanner.rebase(0)
            self._mark = b""
        elif self._mark and self._read_mark() != self._mark:
            # Truncated and rewritten to the same length or longer: the bytes we read last
            # are no longer there, so this is new content from the start.
            self.events.write("rewritten", offset=position)
            self._scanner = LogScanner(str(self.log))
        return True

    def _read_mark(self) -> bytes:
        end = self._scanner.consumed_offset
        if end <= 0:
            return b""
        start = max(0, end - MARK_BYTES)
        self._handle.seek(start)
        return self._handle.read(end - start)

    def _carried(self) -> int:
        return self._scanner.carried_bytes

    def _drain(self, handle: BinaryIO) -> None:
        handle.seek(self._scanner.consumed_offset + self._carried())
        while chunk := handle.read(READ_SIZE):
            for parsed in self._scanner.feed(chunk, plain_lines=False):
                try:
                    self._handle_line(parsed)
                except RetryLater:
                    # Re-read this line on the next poll; nothing after it is lost either.
                    self._scanner = LogScanner(str(self.log), start_offset=parsed.byte_offset,
                                               start_line=parsed.line - 1)
                    self._mark = b""
                    raise
        self._mark = self._read_mark() if handle is self._handle else b""

    def _flush_partial(self) -> None:
        for parsed in self._scanner.finish():
            self._handle_line(parsed)

    # -- handling ------------------------------------------------------------------------
    def _handle_line(self, parsed: ParsedLine) -> None:
        for spoof in parsed.spoofed:
            self.events.write("spoofed-tag", parsed, text=spoof.text, column=spoof.column)
        for violation in parsed.violations:
            self.events.write("invalid-line", parsed, rule=violation.rule_id,
                              message=violation.message, column=violation.column)
        if parsed.tag is None or parsed.violations:
            return
        self._route(parsed)

    def _route(self, parsed: ParsedLine) -> None:
        key = parsed.tag.dedup_key
        if key in self.handled:
            self.events.write("duplicate", parsed, parsed.tag)
            self.outcomes.append(Outcome(parsed.line, key[0], parsed.tag.id, None, "duplicate"))
            return
        try:
            outcome = self.router.route(parsed)
        except UnknownPayout:
            self.events.write("deferred", parsed, parsed.tag,
                              note="payout not listed by GET /api/payouts/pending yet; retrying")
            self.deferred.append({"text": f"{parsed.timestamp}  {parsed.message}",
                                  "line": parsed.line, "offset": parsed.byte_offset,
                                  "polls": 0})
            return
        self.handled.add(key)
        self.outcomes.append(outcome)
        self.events.write("handled", parsed, parsed.tag, status=outcome.status,
                          result=outcome.result)
        self._save()
        if self.on_outcome is not None:
            self.on_outcome(outcome)

    def _retry_deferred(self) -> None:
        waiting, self.deferred = self.deferred, []
        if waiting:
            self.router.refresh_pending()
        for item in waiting:
            parsed = parse_log_line(item["text"], line=item["line"], source=str(self.log),
                                    byte_offset=item["offset"])
            try:
                outcome = self.router.route(parsed)
            except UnknownPayout:
                item["polls"] += 1
                if item["polls"] < DEFERRED_POLLS:
                    self.deferred.append(item)
                else:
                    self.events.write("unresolved", parsed, parsed.tag,
                                      note=f"payout still unknown after {DEFERRED_POLLS} polls")
                    self.outcomes.append(Outcome(parsed.line, parsed.tag.kind.value,
                                                 parsed.tag.id, None, "unresolved"))
                continue
            except RetryLater:
                self.deferred.append(item)
                continue
            self.handled.add(parsed.tag.dedup_key)
            self.outcomes.append(outcome)
            self.events.write("handled", parsed, parsed.tag, status=outcome.status,
                              result=outcome.result)

    def _save(self) -> None:
        if self.checkpoint_path is None or not self.log.exists():
            return
        offset = max(0, self._scanner.consumed_offset)
        try:
            mark = fingerprint(self.log, offset) if offset <= self.log.stat().st_size else ""
        except OSError:
            mark = ""
        names = dict(list(self.router.names.items())[-NAMES_KEPT:])
        Checkpoint(offset, self._scanner.line_number, self._identity, mark,
                   self.handled.to_json(), self.deferred, names).save(self.checkpoint_path)

    def finish(self) -> list[Outcome]:
        """Read to the end and treat a last line without a line break as complete."""
        before = len(self.outcomes)
        self.poll_once()
        self._flush_partial()
        self._save()
        return self.outcomes[before:]

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None
        self.events.close()

    # -- follow mode ---------------------------------------------------------------------
    def follow(self, stop: threading.Event, *, interval: float = 0.75,
               use_watchdog: bool = True,
               on_poll: Callable[[list[Outcome]], None] | None = None) -> None:
        """Poll on file-system events (watchdog) and at least every ``interval`` seconds."""
        wake = threading.Event()
        observer = _start_observer(self.log, wake) if use_watchdog else None
        try:
            while not stop.is_set():
                outcomes = self.poll_once()
                if on_poll:
                    on_poll(outcomes)
                wake.wait(interval)
                wake.clear()
        finally:
            if observer is not None:
                observer.stop()
                observer.join(timeout=2)


def _start_observer(log: Path, wake: threading.Event):  # noqa: ANN202
    try:
        from watchdog.events import FileSystemEventHandler
        from watchdog.observers import Observer
    except ImportError:  # pragma: no cover - watchdog is a dependency
        return None

    class Wake(FileSystemEventHandler):
        def on_any_event(self, event) -> None:  # noqa: ANN001
            if Path(str(event.src_path)).name == log.name:
                wake.set()

    observer = Observer()
    try:
        observer.schedule(Wake(), str(log.parent), recursive=False)
        observer.start()
    except OSError:
        return None  # polling fallback
    return observer
