"""The tail consumer (SPEC §10): follows ``WoWChatLog.txt`` and turns tags into EBS calls.

No tag is lost and no effect is doubled, whatever happens between the client, the disk, the
consumer and the EBS:

- Lines are handled in order, one at a time. The committed offset (in the registry, written
  atomically and fsync'd with the handled keys) moves past a tag line only once its outcome
  is final (done, rejected, or deferred and recorded); a kill at any point re-sends at most
  the requests whose outcome was not recorded yet, and the EBS's idempotency absorbs them.
- Files are known by identity plus a fingerprint of their first bytes, read unbuffered:
  truncation, rewrite, rename and replacement are noticed; a renamed (rotated) file is read
  to its end before the new one, also after a restart. A carried partial line is dropped
  only when its file is gone (deleted, truncated or rewritten), and the drop is reported.
- EBS answers are classified (:mod:`mgm_addon_contract.tail.router`): transient failures
  are retried with back-off and jitter without limit, unknown payouts deferred until a TTL,
  a refused key stops the consumer.
"""

from __future__ import annotations

import contextlib
import os
import random
import time
from collections import Counter, deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from mgm_addon_contract.grammar import ParsedLine, parse_log_line
from mgm_addon_contract.grammar.scanner import DEFAULT_MAX_LINE, STAMP_BYTES, starts_a_line
from mgm_addon_contract.tail import siblings
from mgm_addon_contract.tail.files import TrackedFile, identity_of, rotated_budget
from mgm_addon_contract.tail.lock import CheckpointLock
from mgm_addon_contract.tail.registry import DeferredTag, FileMark, Key, Registry, RegistryError
from mgm_addon_contract.tail.router import (
    DEFERRED,
    FATAL,
    NOT_LISTED,
    OK,
    REJECTED,
    RETRY,
    Attempt,
    Outcome,
    Router,
    dedupe_key,
)

SAVE_EVERY = 1.0  # seconds: progress over plain lines is saved at most this often
POLL_BYTES = 8 << 20  # read at most this much per poll, so follow mode stays responsive
KEEP_OUTCOMES = 10_000


@dataclass
class RetryPolicy:
    """Back-off for transient failures (unlimited) and for deferred tags (until ``ttl``)."""

    base_delay: float = 0.5
    max_delay: float = 30.0
    deferred_delay: float = 5.0
    deferred_max_delay: float = 600.0
    ttl: float = 24 * 3600.0

    def delay(self, attempt: int, rng: random.Random) -> float:
        """Exponential back-off with jitter between half and all of the step."""
        return _jittered(self.base_delay, self.max_delay, attempt, rng)

    def deferred(self, attempt: int, rng: random.Random) -> float:
        return _jittered(self.deferred_delay, self.deferred_max_delay, attempt, rng)


def _jittered(base: float, cap: float, attempt: int, rng: random.Random) -> float:
    step = min(cap, base * 2 ** min(max(attempt - 1, 0), 30))
    return step * (0.5 + rng.random() / 2)


class ConsumerStopped(Exception):
    """The EBS refused the consumer (API key, URL): nothing after the line was marked done."""


class _Blocked(Exception):
    """A transient failure: the line is read again after the back-off."""


@dataclass
class Status:
    """What the consumer is doing, for the live status line."""

    file: str | None
    offset: int
    handled: int
    deferred: int
    rejected: int
    problems: int
    reachable: bool | None
    problem: str | None
    retry_in: float | None
    carried: int
    warning: str | None = None


class TailConsumer:
    """Reads one log file (and its rotated predecessors) on each :meth:`poll_once`."""

    def __init__(self, log: Path, router: Router, *, checkpoint: Path | None = None,
                 policy: RetryPolicy | None = None,
                 clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep, seed: int | None = None,
                 wall: Callable[[], float] = time.time,
                 dedupe_limit: int = 20_000, max_line_bytes: int = DEFAULT_MAX_LINE,
                 rotated_idle: float = 60.0, max_rotated: int | None = None,
                 on_outcome: Callable[[Outcome], None] | None = None) -> None:
        self.log = log
        self.router = router
        self.events = router.events
        self.policy = policy or RetryPolicy()
        self.clock, self.sleep, self.wall = clock, sleep, wall
        self.rng = random.Random(seed)
        self.max_line_bytes = max_line_bytes
        self.rotated_idle = rotated_idle
        # rotated files open at once (descriptor budget); beyond it the oldest is read to
        # its end, closed and reported (``rotated-closed``), and new ones wait their turn
        self.max_rotated = max(1, max_rotated if max_rotated is not None else rotated_budget())
        self.closed_early: list[str] = []  # the last rotated files closed for the budget
        self.on_outcome = on_outcome
        self.lock = CheckpointLock(checkpoint) if checkpoint is not None else None
        try:
            self.registry = Registry.load(checkpoint, dedupe_limit=dedupe_limit)
        except RegistryError:
            self._release()
            raise
        router.registry = self.registry
        for note in self.registry.notes:
            self.events.write("checkpoint-journal", file=str(checkpoint), note=note)
        started = clock()
        for item in self.registry.deferred.values():  # a new run retries them at once
            item.next_at = min(item.next_at, started)
        self.current: TrackedFile | None = None
        self.rotated: list[TrackedFile] = []
        self._queued: list[siblings.Sibling] = []  # rotated files waiting for a free slot
        self.outcomes: deque[Outcome] = deque(maxlen=KEEP_OUTCOMES)
        self.counts: Counter[str] = Counter()
        self._poll: list[Outcome] = []
        self._first_poll = True
        self._register_now = False
        self._failures = 0
        self._retry_at = 0.0
        self._retry_wait = 0.0
        self._aged_at: dict[Key, float] = {}  # when each deferred tag's age was last counted
        self._more = False
        self._dirty = False
        self._must_save = False
        self._last_save = clock()
        self.save_problem: str | None = None  # the checkpoint cannot be written (why)

    # -- public --------------------------------------------------------------------------
    @property
    def blocked(self) -> bool:
        """Waiting to retry a line after a transient failure."""
        return self._failures > 0

    @property
    def deferred(self) -> list[DeferredTag]:
        return list(self.registry.deferred.values())

    @property
    def unhandled(self) -> int:
        """Tags not final yet: deferred ones plus the line being retried."""
        return len(self.registry.deferred) + (1 if self.blocked else 0)

    @property
    def more_to_read(self) -> bool:
        return self._more

    def retry_in(self) -> float | None:
        if not self.blocked:
            return None
        return min(max(0.0, self._retry_at - self.clock()), self._retry_wait)

    def probe(self) -> None:
        """Ask the EBS for its pending payouts: shows at once whether it is reachable and
        takes the key (a refused key raises :class:`ConsumerStopped`), loads winner names."""
        self.router.new_poll()
        attempt = self.router.refresh_pending()
        if attempt is not None and attempt.outcome == FATAL:
            raise ConsumerStopped(f"the EBS refused {attempt.method} {attempt.path} "
                                  f"({_what(attempt)}); check --ebs and the API key")

    def poll_once(self) -> list[Outcome]:
        """Retry what is due, read what is new and route its tags; this poll's outcomes.

        Raises :class:`ConsumerStopped` when the EBS refuses the consumer."""
        self._poll = []
        now = self.clock()
        if self.blocked and 0 < self._retry_at - now <= self._retry_wait:
            return []
        self.router.new_poll()
        self._more = False
        try:
            self._track_files(now)  # first: a restart recovers the registry's files here
            self._retry_deferred(now)
            for tracked in list(self.rotated):
                self._drain(tracked, now)
            if self.current is not None and not self._queued:  # older files first
                self._drain(self.current, now)
            self._retire_rotated(now)
            if self._queued:
                self._more = True
        except _Blocked:
            self._failures += 1
            delay = self._backoff()
            self._retry_at, self._retry_wait = self.clock() + delay, delay
            self.events.write("retry", attempt=self._failures, in_s=round(delay, 3),
                              problem=self.router.problem)
            self._save()
        else:
            if self._failures:
                self.events.write("recovered", after_attempts=self._failures)
                for item in self.registry.deferred.values():  # the EBS is back: retry now
                    item.next_at = min(item.next_at, now)
            self._failures = 0
        self._save_if_due()
        return self._poll

    def drain(self, *, timeout: float | None = None,
              stop: Callable[[], bool] | None = None) -> bool:
        """Poll until what is readable is handled, sleeping out back-offs; False when
        ``timeout`` seconds pass first (a line is still being retried) or ``stop()`` turns
        true (checked between polls and every 0.1 s of a back-off)."""
        deadline = None if timeout is None else self.clock() + timeout
        while True:
            if stop is not None and stop():
                return False
            self.poll_once()
            if not self.blocked and not self._more:
                return True
            wait = self.retry_in() or 0.0
            if deadline is not None and self.clock() + wait > deadline:
                return False
            while wait > 0 and not (stop is not None and stop()):
                step = wait if stop is None else min(wait, 0.1)
                self.sleep(step)
                wait -= step

    def finish(self, *, last_line_complete: bool = True,
               timeout: float | None = None) -> bool:
        """Read to the end; with ``last_line_complete`` a last line without a line break is
        handled too (the writer is done, as at the end of a replay). False when a line is
        still being retried after ``timeout`` seconds."""
        deadline = None if timeout is None else self.clock() + timeout
        if not self.drain(timeout=timeout):
            return False
        if last_line_complete:
            for tracked in [*self.rotated, *([self.current] if self.current else [])]:
                for parsed in tracked.scanner.finish():
                    while not self._handle_line(tracked, parsed):
                        self._failures += 1
                        delay = self._backoff()
                        if deadline is not None and self.clock() + delay > deadline:
                            tracked.rewind(parsed.byte_offset, parsed.line - 1)
                            self._retry_at, self._retry_wait = self.clock() + delay, delay
                            self._save()
                            return False
                        self.sleep(delay)
                    self._failures = 0
                    tracked.committed = (tracked.scanner.consumed_offset,
                                         tracked.scanner.line_number)
                    if self._must_save:
                        self._save()
                tracked.committed = (tracked.scanner.consumed_offset,
                                     tracked.scanner.line_number)
        self._save()
        return True

    def status(self) -> Status:
        tracked = self.current or (self.rotated[-1] if self.rotated else None)
        return Status(str(tracked.path) if tracked else None,
                      tracked.read_pos if tracked else 0,
                      self.counts[OK] + self.counts["skipped"],
                      len(self.registry.deferred), self.counts[REJECTED],
                      self.counts["problems"], self.router.reachable,
                      self.router.problem or self.save_problem,
                      self.retry_in(), tracked.carried_bytes if tracked else 0,
                      self.warning())

    def warning(self) -> str | None:
        """What the status line and the summary must say besides the EBS's state."""
        if not self.closed_early:
            return None
        last = Path(self.closed_early[-1]).name
        return (f"{self.counts['rotated-closed']} rotated file(s) closed early (more than "
                f"{self.max_rotated} open; read to their end first), last {last}")

    def close(self) -> None:
        """Save what is not saved yet (see :attr:`save_problem`), close the files and give
        the checkpoint up."""
        try:
            if self._dirty:
                self._save()
            if self.save_problem is None:
                try:
                    self.registry.close()  # compacted: one checkpoint file after a clean stop
                except OSError as exc:
                    self.events.write("checkpoint-not-compacted", file=str(self.registry.path),
                                      error=exc.strerror or str(exc),
                                      note="the checkpoint and its journal hold every save")
        finally:
            self.registry.close_journal()
            for tracked in [*self.rotated, *([self.current] if self.current else [])]:
                tracked.close()
            self.rotated, self.current = [], None
            self.events.close()
            self._release()

    def _release(self) -> None:
        if self.lock is not None:
            self.lock.release()

    def _backoff(self) -> float:
        """The wait before the line is tried again: the policy's back-off, or longer when
        the EBS asked for it (``Retry-After`` on a 429 or 503; SPEC §5 overload)."""
        return max(self.policy.delay(self._failures, self.rng), self.router.retry_after or 0.0)

    # -- files ---------------------------------------------------------------------------
    def _track_files(self, now: float) -> None:
        try:
            stat = os.stat(self.log)
        except OSError:
            stat = None
        for tracked in [*self.rotated, *([self.current] if self.current else [])]:
            change = tracked.change()
            if change is not None:
                self._restart(tracked, change)
        current = self.current
        if current is not None and (stat is None or identity_of(stat) != current.identity):
            self.events.write("rotated", file=str(current.path), offset=current.read_pos,
                              note="the log was renamed, replaced or deleted; reading this "
                                   "file to its end before the new one")
            current.last_growth = now
            self.rotated.append(current)
            self.current = None
            self._dirty = True
            self._adopt_siblings(now, "rotated before the consumer saw it (several "
                                 "rotations between two polls); reading it first")
        if self.current is None and stat is not None:
            self.current = self._open_current(now)
            if self.current is not None and not self._first_poll:
                # the log may have been rotated again between the stat and the open
                self._adopt_siblings(now, "rotated before the consumer saw it (several "
                                     "rotations in a row); reading it first")
        if self._first_poll:  # before any save: the registry still names the old files
            self._first_poll = False
            self._recover_rotated(now)
        self._open_queued(now)  # rotated files still waiting for a slot or a descriptor
        if self._register_now:  # a new file is registered at once, so that a rotation
            self._register_now = False  # soon after is found again after a crash
            self._save()

    def _open_current(self, now: float) -> TrackedFile | None:
        tracked = TrackedFile.open(self.log, max_line_bytes=self.max_line_bytes)
        if tracked is None:
            return None
        tracked.last_growth = now
        mark = next((m for m in self.registry.files if m.identity == tracked.identity), None)
        if mark is not None and tracked.matches(mark):
            tracked.resume(mark)
            self.events.write("resume", file=str(self.log), offset=mark.offset, line=mark.line)
        elif mark is not None:
            self.events.write("checkpoint-mismatch", file=str(self.log), offset=mark.offset,
                              note="the file no longer holds the bytes read before; reading "
                                   "it from the start (handled keys keep effects single)")
        self._dirty = True
        self._register_now = mark is None
        return tracked

    def _recover_rotated(self, now: float) -> None:
        """After a restart: files read before that are no longer the log (rotated) are read
        to their end first (found by identity), then files rotated away while stopped
        (siblings the registry does not account for at their size); one that is gone is
        reported. A registry written before sibling snapshots falls back to its save time."""
        current = self.current.identity if self.current else None
        self._recover_marks(now, current)
        legacy = self.registry.saved_at if self.registry.known is None else None
        self._adopt_siblings(now, "rotated while the consumer was stopped; reading it first",
                             legacy_since=legacy or None)

    def _adopt_siblings(self, now: float, note: str, *,
                        legacy_since: float | None = None) -> None:
        """Rotated files nobody has read (:func:`siblings.unread`: by identity and size,
        never by clock), read from their start after the rotated files already known,
        oldest first; beyond the descriptor budget they wait for a free slot."""
        tracked = {t.identity for t in self.rotated} | {q.identity for q in self._queued}
        if self.current is not None:
            tracked.add(self.current.identity)
        before = None if self.registry.known is None else dict(self.registry.known)
        found = siblings.unread(self.log, self.registry, tracked, legacy_since=legacy_since)
        if before != self.registry.known:
            self._dirty = True
        for sibling in found:
            self._queued.append(sibling)
            self.events.write("rotated-found", file=str(sibling.path), offset=0, note=note)
        self._open_queued(now)

    def _open_queued(self, now: float) -> None:
        """Open waiting rotated files, oldest first, while the budget allows (each is read
        in the next poll at the latest)."""
        while self._queued and len(self.rotated) < self.max_rotated:
            sibling = self._queued.pop(0)
            tracked = TrackedFile.open(sibling.path, max_line_bytes=self.max_line_bytes)
            if tracked is not None and tracked.identity != sibling.identity:
                tracked.close()  # renamed again meanwhile: look it up by identity
                tracked = self._find_identity(sibling.identity)
            if tracked is None and _still_there(sibling):
                self._queued.insert(0, sibling)  # no descriptor left now: next poll
                self._more = True
                return
            if tracked is None:
                self.events.write("rotated-missing", file=str(sibling.path), offset=0,
                                  note="a rotated file found unread is gone or unreadable "
                                       "before it could be read")
                self.counts["problems"] += 1
                continue
            tracked.last_growth = now
            self.rotated.append(tracked)
            self._dirty = True
            self._more = True

    def _recover_marks(self, now: float, current: tuple[int, int] | None) -> None:
        for mark in self.registry.files:
            if mark.identity == current:
                continue
            tracked = self._find(mark)
            if tracked is None:
                self.events.write("rotated-missing", file=mark.path, offset=mark.offset,
                                  note="a file read before the restart is gone; lines written "
                                       "to it after that offset cannot be read")
                self.counts["problems"] += 1
                continue
            if tracked.matches(mark):
                tracked.resume(mark)
                note = "reading the rest of the rotated file first"
            else:
                note = ("the rotated file was truncated or rewritten while stopped; reading "
                        "it from the start first (handled keys keep effects single)")
            tracked.last_growth = now
            self.rotated.append(tracked)
            self.events.write("rotated-found", file=str(tracked.path), offset=mark.offset,
                              note=note)

    def _find(self, mark: FileMark) -> TrackedFile | None:
        """The file with ``mark``'s identity in the log's folder."""
        return self._find_identity(mark.identity)

    def _find_identity(self, identity: tuple[int, int]) -> TrackedFile | None:
        """The file with ``identity`` (device, inode) in the log's folder."""
        try:
            entries = list(os.scandir(self.log.parent))
        except OSError:
            return None
        for entry in entries:
            try:
                if entry.inode() != identity[1] or not entry.is_file():
                    continue
                tracked = TrackedFile.open(Path(entry.path), max_line_bytes=self.max_line_bytes)
            except OSError:
                continue
            if tracked is not None and tracked.identity == identity:
                return tracked
            if tracked is not None:
                tracked.close()
        return None

    def _restart(self, tracked: TrackedFile, change: str) -> None:
        """Truncated or rewritten: the bytes read are gone; read again from the start.

        A carried partial line continues with the new first bytes when they do not begin a
        chat-log line (its writer went on writing it); when they do, its file content is
        gone and the partial line is dropped and reported. Undecided (too few new bytes):
        wait for the next poll."""
        keep = False
        if tracked.carried_bytes:
            starts = starts_a_line(tracked.head(STAMP_BYTES))
            if starts is None:
                return
            keep = not starts
            if not keep:
                self._drop_partial(tracked, change)
        self.events.write(change, file=str(tracked.path), offset=tracked.read_pos,
                          size=tracked.size(),
                          note="the carried partial line continues at the new start"
                          if keep else None)
        tracked.restart(keep_partial=keep)
        self._dirty = True

    def _drop_partial(self, tracked: TrackedFile, reason: str) -> None:
        text = tracked.scanner.carried_text()
        self.events.write("partial-line-dropped", file=str(tracked.path),
                          offset=tracked.scanner.consumed_offset,
                          bytes=tracked.carried_bytes, text=text, reason=reason,
                          note="an incomplete last line whose file is gone; it never got its "
                               "line break")
        self.counts["problems"] += 1
        self.counts["dropped-partial"] += 1

    def _retire_rotated(self, now: float) -> None:
        """Close rotated files that are done: deleted, or idle for ``rotated_idle`` once
        the writer has moved on to a new log."""
        # A writer that still holds a renamed file goes on writing there: it is known to
        # have moved on only once the log's path holds a file with bytes in it.
        moved_on = self.current is not None and self.current.size() > 0
        for tracked in list(self.rotated):
            gone = tracked.gone()
            if tracked.carried_bytes and not gone:
                continue  # its writer may still finish the line
            if not gone and (not moved_on or now - tracked.last_growth < self.rotated_idle):
                continue
            if tracked.carried_bytes:
                self._drop_partial(tracked, "file deleted")
            self.events.write("rotated-done", file=str(tracked.path))
            self.registry.retire(tracked.identity, tracked.size())
            tracked.close()
            self.rotated.remove(tracked)
            self._dirty = True
        while self.rotated and (len(self.rotated) > self.max_rotated
                                or self._queued and len(self.rotated) >= self.max_rotated):
            self._close_early(now)
            self._open_queued(now)

    def _close_early(self, now: float) -> None:
        """The descriptor budget is spent: close one rotated file, never silently. The
        oldest without a carried partial line (else the oldest) is first read to its
        current end (a transient EBS failure keeps it open: the line is retried), then
        closed and reported (``rotated-closed``, the status line and the summary); a
        partial line it still carries is dropped and reported. If it grows after, the
        next look for rotated files (rotation, restart) reads it again: its retired size no
        longer matches."""
        tracked = next((t for t in self.rotated if not t.carried_bytes), self.rotated[0])
        more, self._more = self._more, False
        self._drain(tracked, now, limit=None)
        self._more = more
        reason = f"more than {self.max_rotated} rotated files open (descriptor budget)"
        if tracked.carried_bytes:
            self._drop_partial(tracked, reason)
        size, where = tracked.size(), str(self._name_of(tracked))
        self.events.write("rotated-closed", file=where, opened_as=str(tracked.path),
                          offset=tracked.read_pos, size=size, reason=reason,
                          note="read to its end and closed; lines written to it from now on "
                               "are read when rotated files are next looked for (the next "
                               "rotation or restart)")
        self.counts["problems"] += 1
        self.counts["rotated-closed"] += 1
        self.closed_early.append(where)
        del self.closed_early[:-100]  # the last ones are named; the count is complete
        self.registry.retire(tracked.identity, size)
        tracked.close()
        self.rotated.remove(tracked)
        self._dirty = True

    def _name_of(self, tracked: TrackedFile) -> Path:
        """Where ``tracked`` is now (a rotated file was renamed after it was opened)."""
        with contextlib.suppress(OSError):
            for entry in os.scandir(self.log.parent):
                with contextlib.suppress(OSError):
                    if entry.inode() == tracked.identity[1] and \
                            identity_of(entry.stat()) == tracked.identity:
                        return Path(entry.path)
        return tracked.path

    def _drain(self, tracked: TrackedFile, now: float, *,
               limit: int | None = POLL_BYTES) -> None:
        read = 0
        while chunk := tracked.read():
            tracked.last_growth = now
            read += len(chunk)
            lines = tracked.feed(chunk)
            for index, parsed in enumerate(lines):
                if not self._handle_line(tracked, parsed):
                    tracked.rewind(parsed.byte_offset, parsed.line - 1)
                    tracked.committed = (parsed.byte_offset, parsed.line - 1)
                    raise _Blocked
                if index + 1 < len(lines):  # the lines in between are plain
                    following = lines[index + 1]
                    tracked.committed = (following.byte_offset, following.line - 1)
                else:
                    tracked.committed = (tracked.scanner.consumed_offset,
                                         tracked.scanner.line_number)
                if self._must_save:  # the outcome and the offset past it, in one write
                    self._save()
            tracked.committed = (tracked.scanner.consumed_offset, tracked.scanner.line_number)
            self._dirty = True
            if limit is not None and read >= limit:
                self._more = True
                return

    # -- lines ---------------------------------------------------------------------------
    def _handle_line(self, tracked: TrackedFile, parsed: ParsedLine) -> bool:
        """Handle one returned line; False when it must be retried (transient failure)."""
        for spoof in parsed.spoofed:
            self.events.write("spoofed-tag", parsed, text=spoof.text[:200], column=spoof.column)
            self.counts["spoofed"] += 1
        for violation in parsed.violations:
            self.events.write("invalid-line", parsed, rule=violation.rule_id,
                              message=violation.message, column=violation.column)
            self.counts["problems"] += 1
        if parsed.tag is None or parsed.violations:
            return True
        key = dedupe_key(parsed.tag)
        if key in self.registry.done or key in self.registry.deferred:
            self.events.write("duplicate", parsed, parsed.tag,
                              note="deferred already" if key in self.registry.deferred else None)
            self._record(Outcome(parsed.line, key[0], key[1] or None, None, "duplicate",
                                 parsed.source), final=False)
            return True
        behind = self._deferred_before(key)
        attempt = self.router.route(parsed) if behind is None else self._route_behind(
            parsed, key, behind)
        if attempt.outcome == DEFERRED:
            now = self.clock()
            self.registry.deferred[key] = DeferredTag(
                key, _line_text(parsed), parsed.line, parsed.byte_offset, parsed.source,
                self.wall(), now + self.policy.deferred(1, self.rng), 1,
                attempt.error or "404 not_found")
            self._aged_at[key] = now
            self.events.write("deferred", parsed, parsed.tag, status=attempt.status,
                              note=attempt.error)
            self._record(Outcome(parsed.line, key[0], key[1] or None, attempt.status,
                                 "deferred", parsed.source), final=False)
            self._must_save = True
            return True
        return self._settle(parsed, key, attempt)

    def _deferred_before(self, key: Key) -> Key | None:
        """The deferred tag for the same payout or gift that ``key`` must not overtake
        (an acceptance is recorded before the payout is sent); None when there is none."""
        if key[0] == "MGM_WHO":
            return None
        for other in self.registry.deferred:
            if other == key:
                return None
            if other[1] == key[1] and other[0] != "MGM_WHO":
                return other
        return None

    def _may_probe(self, key: Key, blocker: Key) -> bool:
        """Whether ``key`` may ask the EBS about ``blocker``'s payout (see
        :meth:`_route_behind`)."""
        return key[0] == "MGM_CONFIRM" and blocker[0] == "MGM_ACCEPT" \
            and self.registry.deferred[blocker].reason == NOT_LISTED

    def _route_behind(self, parsed: ParsedLine, key: Key, blocker: Key) -> Attempt:
        """Route ``parsed``, which keeps its order behind the deferred ``blocker``.

        It waits (deferred too), except for an [MGM_CONFIRM] behind an [MGM_ACCEPT] that
        waits only because ``GET /api/payouts/pending`` does not list its payout: such a
        payout is unknown or already terminal (SPEC §3), and the CONFIRM asks the EBS
        which. The acceptance is tried first (its payout may be listed by now); then the
        CONFIRM: 404 keeps it deferred in order; 409 (terminal) settles both, the
        acceptance reported as not recordable (SPEC §10: a payout in a wrong state is
        logged and ignored); 200 hands the payout's name to the acceptance, retried at once.
        """
        waits = Attempt(key[0], "", "", None, DEFERRED,
                        f"keeps its order behind the deferred {blocker[0]}")
        if not self._may_probe(key, blocker):
            return waits
        item = self.registry.deferred[blocker]
        accept = parse_log_line(item.text, line=item.line, source=item.source,
                                byte_offset=item.offset)
        first = self.router.route(accept) if accept.tag is not None else waits
        if first.outcome != DEFERRED:
            if not self._settle(accept, blocker, first):
                return first  # a transient failure: this line is retried
            return self.router.route(parsed)
        attempt = self.router.route(parsed)
        if attempt.outcome == REJECTED:
            self._not_recordable(accept, blocker, attempt)
        elif attempt.outcome == OK:
            item.next_at = self.clock()
        return attempt

    def _not_recordable(self, accept: ParsedLine, key: Key, answer: Attempt) -> None:
        """The deferred acceptance ``key`` of a payout the EBS says is terminal: final,
        recorded and reported (rejected)."""
        self.registry.deferred.pop(key, None)
        self._aged_at.pop(key, None)
        self.registry.done.add(key)
        reason = (f"payout already terminal ({answer.method} {answer.path} answered "
                  f"{answer.status}); the acceptance cannot be recorded any more")
        self.events.write("handled", accept, accept.tag, status=None, result=REJECTED,
                          reason=reason)
        self._record(Outcome(accept.line, key[0], key[1] or None, None, REJECTED,
                             accept.source))
        self._must_save = True

    def _settle(self, parsed: ParsedLine, key: Key, attempt: Attempt) -> bool:
        """Apply a done / rejected / retry / fatal answer for ``parsed``."""
        if attempt.outcome == RETRY:
            return False
        if attempt.outcome == FATAL:
            self._save()
            raise ConsumerStopped(
                f"the EBS refused {attempt.method} {attempt.path} ({_what(attempt)}) for "
                f"{parsed.source}:{parsed.line}; stopping: nothing from that line on was "
                "marked done")
        if attempt.outcome not in (OK, REJECTED):  # no EBS call (update check)
            self.events.write("tag", parsed, parsed.tag, note="update check: no EBS call")
            self._record(Outcome(parsed.line, key[0], None, None, "skipped", parsed.source))
            return True
        self.registry.done.add(key)
        self.registry.deferred.pop(key, None)
        self._aged_at.pop(key, None)
        self.events.write("handled", parsed, parsed.tag, status=attempt.status,
                          result=attempt.outcome, reason=attempt.error)
        self._record(Outcome(parsed.line, key[0], key[1] or None, attempt.status,
                             attempt.outcome, parsed.source))
        self._must_save = True
        return True

    def _retry_deferred(self, now: float) -> None:
        waiting: set[str] = set()  # ids with an earlier tag still deferred: keep the order
        for key, item in list(self.registry.deferred.items()):
            if key not in self.registry.deferred:
                continue  # settled meanwhile by the tag behind it
            self._age(key, item, now)
            due = item.next_at <= now or item.next_at - now > self.policy.deferred_max_delay
            behind = self._deferred_before(key) if key[1] in waiting else None
            if not due or behind is not None and not self._may_probe(key, behind):
                waiting.add(key[1])
                continue
            parsed = parse_log_line(item.text, line=item.line, source=item.source,
                                    byte_offset=item.offset)
            if parsed.tag is None or behind is None and item.waited >= self.policy.ttl:
                del self.registry.deferred[key]
                self._aged_at.pop(key, None)
                self.registry.done.add(key)
                self.events.write("unresolved", parsed, parsed.tag, attempts=item.attempts,
                                  note=f"still unknown to the EBS after "
                                       f"{self.policy.ttl:,.0f} s; reported, not retried")
                self.counts["problems"] += 1
                self._record(Outcome(item.line, key[0], key[1] or None, None, "unresolved",
                                     item.source))
                self._save()
                continue
            attempt = self.router.route(parsed) if behind is None else self._route_behind(
                parsed, key, behind)
            if attempt.outcome == DEFERRED:
                item.attempts += 1
                item.next_at = now + self.policy.deferred(item.attempts, self.rng)
                self._dirty = True
                waiting.add(key[1])
                continue
            if not self._settle(parsed, key, attempt):
                raise _Blocked
            self._save()

    def _age(self, key: Key, item: DeferredTag, now: float) -> None:
        """Count the time ``item`` has been deferred while a consumer ran, one step at a
        time and at most the longest back-off per step: a clock jump, a suspended machine
        or the time the consumer was stopped never ages a tag towards the TTL."""
        step = now - self._aged_at.get(key, now)
        longest = max(self.policy.deferred_max_delay, self.policy.max_delay)
        item.waited += min(max(step, 0.0), longest)
        self._aged_at[key] = now

    def _record(self, outcome: Outcome, *, final: bool = True) -> None:
        self.outcomes.append(outcome)
        self._poll.append(outcome)
        self.counts[outcome.result] += 1
        if final and self.on_outcome is not None:
            self.on_outcome(outcome)

    # -- registry ------------------------------------------------------------------------
    def _save(self) -> None:
        if not self._first_poll:  # until recovered, the registry's files stay as loaded
            self.registry.files = [t.to_mark() for t in
                                   [*self.rotated, *([self.current] if self.current else [])]]
        self._last_save = self.clock()
        try:
            self.registry.save()
        except OSError as exc:
            self._save_failed(exc)
            return
        if self.save_problem is not None:
            self.events.write("checkpoint-written", file=str(self.registry.path),
                              note="the checkpoint can be written again")
            self.save_problem = None
        self._dirty = self._must_save = False

    def _save_failed(self, exc: OSError) -> None:
        """The checkpoint cannot be written (disk full, read-only folder): the old one
        stays whole and tags go on being handled; saving is tried again every second and
        after each tag. A kill before it succeeds repeats the requests since the last
        write, whose effects the EBS's idempotency keeps single (SPEC §5, §10)."""
        problem = f"cannot write the checkpoint {self.registry.path}: {exc.strerror or exc}"
        if problem != self.save_problem:
            self.events.write("checkpoint-unwritable", file=str(self.registry.path),
                              error=exc.strerror or str(exc),
                              note="tags go on being handled; a kill before the next "
                                   "successful write repeats their requests (the EBS's "
                                   "idempotency keeps effects single)")
            self.counts["problems"] += 1
        self.save_problem = problem
        self._dirty, self._must_save = True, False

    def _save_if_due(self) -> None:
        if self._dirty and not 0 <= self.clock() - self._last_save < SAVE_EVERY:
            self._save()


def _still_there(sibling: siblings.Sibling) -> bool:
    """The file is where it was found and readable (opening it failed for lack of a
    descriptor, not because it is gone)."""
    try:
        return identity_of(os.stat(sibling.path)) == sibling.identity \
            and os.access(sibling.path, os.R_OK)
    except OSError:
        return False


def _line_text(parsed: ParsedLine) -> str:
    return f"{parsed.timestamp}  {parsed.message}" if parsed.timestamp else parsed.message


def _what(attempt: Attempt) -> str:
    if attempt.status is None:
        return attempt.error or "no answer"
    return f"HTTP {attempt.status}" + (f" {attempt.error}" if attempt.error else "")
