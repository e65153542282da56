"""``mgm-contract tail LOG --ebs URL``: the reference tail consumer for a real client's log."""

from __future__ import annotations

import signal
import sys
import threading
from pathlib import Path
from typing import Annotated

import typer

from mgm_addon_contract.cli import app
from mgm_addon_contract.cli._errors import (
    UserError,
    env_secret,
    http_url,
    input_file,
    output_file,
)


@app.command("tail")
def tail(
    log: Annotated[Path, typer.Argument(help="WoWChatLog.txt to follow.")],
    ebs: Annotated[str, typer.Option(help="EBS base URL (http:// or https://).")],
    follow: Annotated[bool, typer.Option("--follow/--once", help="Keep following (default) "
                                         "or handle what is there and exit.")] = True,
    checkpoint: Annotated[Path | None, typer.Option(help="Registry file: where reading "
                                                    "stands and what is done (resume after "
                                                    "a crash without loss or repeats).")]
    = None,
    events: Annotated[Path | None, typer.Option(help="JSON-lines event log.")] = None,
    interval: Annotated[float, typer.Option(min=0.01, help="Polling interval in seconds "
                                            "(file events wake it sooner).")] = 0.04,
    file_events: Annotated[bool, typer.Option("--file-events/--no-file-events",
                                              help="Wake on file events (polling always "
                                                   "runs too).")] = True,
    api_key_env: Annotated[str, typer.Option(help="Variable holding X-MGM-ApiKey.")]
    = "MGM_API_KEY",
    timeout: Annotated[float, typer.Option(min=0.01, help="Seconds an EBS request may "
                                           "take.")] = 10.0,
    retry_base: Annotated[float, typer.Option(min=0.001, help="First back-off (seconds) "
                                              "after a 5xx, 429 or network error.")] = 0.5,
    retry_max: Annotated[float, typer.Option(min=0.001, help="Longest back-off (seconds); "
                                             "retries never stop.")] = 30.0,
    deferred_retry: Annotated[float, typer.Option(min=0.001, help="First retry (seconds) "
                                                  "of a tag whose payout is unknown "
                                                  "(404).")] = 5.0,
    deferred_retry_max: Annotated[float, typer.Option(min=0.001, help="Longest wait "
                                                      "(seconds) between retries of such a "
                                                      "tag.")] = 600.0,
    deferred_ttl: Annotated[float, typer.Option(min=0, help="Seconds (of running time) an "
                                                "unknown payout is retried before it is "
                                                "reported as unresolved.")] = 86_400.0,
    max_wait: Annotated[float, typer.Option(min=0, help="With --once: seconds to keep "
                                            "retrying a failing EBS before giving up.")]
    = 60.0,
    max_line_bytes: Annotated[int | None, typer.Option(min=256, help="Longest line read "
                                                       "whole (default 256 KiB).")] = None,
    rotated_idle: Annotated[float, typer.Option(min=0, help="Seconds a renamed (rotated) "
                                                "log stays watched for late lines once "
                                                "the new log has bytes.")]
    = 60.0,
) -> None:
    """Turn [MGM_*] tags into EBS calls (SPEC §10): no tag lost, no effect doubled.

    Exit 0 when every tag is handled; 1 (with --once) when tags remain unhandled; 2 on a
    user error or when the EBS refuses the key; 130 on Ctrl+C (and SIGTERM with --once)."""
    import httpx

    from mgm_addon_contract.grammar.scanner import DEFAULT_MAX_LINE
    from mgm_addon_contract.report.console import make_console
    from mgm_addon_contract.secrets import RedactingWriter, register_secret
    from mgm_addon_contract.tail import (
        ConsumerStopped,
        EventLog,
        RegistryError,
        RetryPolicy,
        Router,
        TailConsumer,
    )
    from mgm_addon_contract.tail.status_line import StatusLine

    base_url = http_url(ebs)
    if log.is_dir():
        raise UserError(f"{log}: is a directory, not a chat log (give the WoWChatLog.txt path)")
    if not log.parent.is_dir():
        raise UserError(f"{log}: folder {log.parent} does not exist")
    if not follow:
        input_file(log, "chat log")
    output_file(checkpoint, "--checkpoint")
    output_file(events, "--events")
    key = env_secret(api_key_env)
    register_secret(key)
    client = httpx.Client(base_url=base_url, headers={"X-MGM-ApiKey": key}, timeout=timeout)
    policy = RetryPolicy(base_delay=retry_base, max_delay=max(retry_max, retry_base),
                         deferred_delay=deferred_retry,
                         deferred_max_delay=max(deferred_retry_max, deferred_retry),
                         ttl=deferred_ttl)
    try:
        consumer = TailConsumer(log, Router(client, EventLog(events)), checkpoint=checkpoint,
                                policy=policy, max_line_bytes=max_line_bytes or DEFAULT_MAX_LINE,
                                rotated_idle=rotated_idle)
    except RegistryError as exc:
        raise UserError(str(exc)) from None
    console = make_console()
    status = StatusLine(RedactingWriter(sys.stderr))

    def show(outcomes) -> None:  # noqa: ANN001 - list[Outcome]
        for o in outcomes:
            answer = o.status if o.status is not None else "-"
            console.print(f"line {o.line}: {o.tag} {o.correlation_id or ''} -> {answer} "
                          f"{o.result}", markup=False, highlight=False)

    stop = _Stop(follow)
    stop.install()
    try:
        _start(consumer, status, base_url)
        if follow:
            _follow(consumer, status, interval, file_events, show, stop)
        else:
            _once(consumer, status, max_wait, show, stop)
    except ConsumerStopped as exc:
        raise UserError(str(exc)) from None
    finally:
        stop.restore()
        status.close()
        consumer.close()
    _fail_on_write_problems(consumer, events)


class _Stop:
    """Ctrl+C (SIGINT) and SIGTERM set a flag that the loops check between polls.

    A handler that raised KeyboardInterrupt could fire inside a garbage-collector callback
    (anything imported may register one), where the exception is printed and swallowed:
    Ctrl+C would be lost and the consumer would keep running."""

    def __init__(self, follow: bool) -> None:
        self.follow = follow
        self.event = threading.Event()
        self.signal: int | None = None
        self._previous: dict[int, object] = {}

    def install(self) -> None:
        for signum in (signal.SIGINT, signal.SIGTERM):
            self._previous[signum] = signal.signal(signum, self._handle)

    def _handle(self, signum: int, _frame: object) -> None:
        self.signal = signum
        self.event.set()

    def restore(self) -> None:
        for signum, previous in self._previous.items():
            signal.signal(signum, previous)  # type: ignore[arg-type]
        self._previous.clear()

    def reraise(self) -> None:
        """Ctrl+C (and SIGTERM with --once) ends the command as an interrupt: exit 130,
        after the summary; SIGTERM stops follow mode normally."""
        if self.signal == signal.SIGINT or (self.signal is not None and not self.follow):
            raise KeyboardInterrupt


def _fail_on_write_problems(consumer, events: Path | None) -> None:  # noqa: ANN001
    """A checkpoint or event log that could not be written (disk full, read-only) is a
    failure of the run (exit 1), even though the tags were handled."""
    from mgm_addon_contract.cli._errors import error_line

    problems = []
    if consumer.save_problem:
        problems.append(f"{consumer.save_problem}; the next run repeats the requests made "
                        "since the last write (the EBS's idempotency keeps their effects "
                        "single)")
    if consumer.events.lost:
        problems.append(f"{events}: {consumer.events.lost} event(s) could not be written "
                        f"({consumer.events.error})")
    for problem in problems:
        print(error_line(problem), file=sys.stderr, flush=True)
    if problems:
        raise typer.Exit(1)


def _start(consumer, status, base_url: str) -> None:  # noqa: ANN001
    """Probe the EBS so that an unreachable one or a refused key shows at once."""
    consumer.probe()
    if consumer.router.reachable is False:
        status.message(f"EBS {base_url} unreachable ({consumer.router.problem}); "
                       "retrying with back-off")


def _follow(consumer, status, interval: float, file_events: bool, show,  # noqa: ANN001
            stop: _Stop) -> None:
    from mgm_addon_contract.tail.follow import Follower

    status.message(f"following {consumer.log} (Ctrl+C to stop)")
    try:
        Follower(consumer, interval=interval, use_events=file_events, on_outcomes=show,
                 on_status=status.update).run(stop.event)
    except KeyboardInterrupt:
        _summary(consumer, status)
        raise
    _summary(consumer, status)
    stop.reraise()


def _once(consumer, status, max_wait: float, show, stop: _Stop) -> None:  # noqa: ANN001
    done = consumer.drain(timeout=max_wait, stop=stop.event.is_set)
    show(list(consumer.outcomes))
    if stop.event.is_set():
        _summary(consumer, status)
        stop.reraise()
    unhandled = consumer.unhandled
    tracked = consumer.current
    partial = tracked.scanner.carried_text() if tracked and tracked.carried_bytes else ""
    if "[MGM" in partial:
        unhandled += 1
        status.message("the last line has no line break yet and holds tag text: left for "
                       "the next run")
    _summary(consumer, status)
    if not done:
        status.message(f"gave up after the --max-wait: {consumer.router.problem}")
    if unhandled:
        status.message(f"{unhandled} tag(s) remain unhandled (deferred: payout unknown to "
                       "the EBS, or the EBS failing); they are retried on the next run")
        raise typer.Exit(1)


def _summary(consumer, status) -> None:  # noqa: ANN001
    counts = consumer.counts
    status.message(
        f"tags: {counts['ok']} done, {counts['rejected']} rejected, "
        f"{len(consumer.registry.deferred)} deferred, {counts['duplicate']} duplicate, "
        f"{counts['unresolved']} unresolved, {counts['spoofed']} spoofed (ignored), "
        f"{counts['problems']} problem(s)")
    if consumer.closed_early:
        names = ", ".join(consumer.closed_early[-10:])
        status.message(f"warning: {counts['rotated-closed']} rotated file(s) closed early, "
                       f"read to their end first (more than {consumer.max_rotated} open): "
                       f"{names}; lines written to them later are read by the next run")
