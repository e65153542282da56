"""Ctrl+C while the command line starts: one line and exit code 130, never a traceback.

``mgm-contract`` spends its first tenths of a second importing modules, before any command
can catch ``KeyboardInterrupt``. :func:`install` replaces Python's default SIGINT handler
for that time with one that writes ``interrupted`` to stderr and ends the process at once
(nothing has been opened or written yet, so there is nothing to clean up); :func:`release`
puts Python's default back once the command group can turn an interrupt into its exit code
(commands that must clean up, like ``tail`` and ``replay``, rely on that). It imports only
small stdlib modules, so it is in place a few milliseconds after the interpreter starts.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading

INTERRUPTED_EXIT = 130
_LINE = b"interrupted\n"


def _quit(_signum: int, _frame: object) -> None:
    with contextlib.suppress(OSError):  # stderr closed: the exit code tells
        os.write(2, _LINE)
    os._exit(INTERRUPTED_EXIT)


def install() -> object | None:
    """Quiet SIGINT from now on (main thread only); the handler it replaced, or None when
    nothing was changed (another handler than Python's default is left alone)."""
    if threading.current_thread() is not threading.main_thread():
        return None
    previous = signal.getsignal(signal.SIGINT)
    if previous is not signal.default_int_handler:
        return None
    signal.signal(signal.SIGINT, _quit)
    return previous


def release(previous: object | None = signal.default_int_handler) -> None:
    """Put ``previous`` back if the quiet handler is still the one installed."""
    if previous is None or threading.current_thread() is not threading.main_thread():
        return
    if signal.getsignal(signal.SIGINT) is _quit:
        signal.signal(signal.SIGINT, previous)  # type: ignore[arg-type]
