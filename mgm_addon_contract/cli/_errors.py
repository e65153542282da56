"""User errors on the command line: one ``error: ...`` line on stderr and exit code 2.

Commands raise :class:`UserError` (or call the validators below, which raise it) for any
mistake the user can fix: missing or unreadable paths, directories where files are wanted,
output paths that cannot be written, bad ports, URLs and values. :class:`ContractGroup`, the
root command group, turns these and the parser's own usage errors into a single terminal-safe
line (long text elided, control bytes escaped, secrets masked), and an interrupt (Ctrl+C)
into exit code 130 after the command has written its partial report.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import typer
from typer.core import TyperGroup

from mgm_addon_contract import _quiet_interrupt
from mgm_addon_contract.safe_text import printable
from mgm_addon_contract.secrets import redact

USAGE_EXIT = 2
INTERRUPTED_EXIT = 130
MESSAGE_LIMIT = 400


class UserError(typer.TyperException):
    """A mistake in the command's input: reported as ``error: <message>``, exit code 2."""

    exit_code = USAGE_EXIT


def error_line(message: str) -> str:
    """The one line shown for a user error (secrets masked, controls escaped, elided)."""
    return "error: " + printable(redact(message), MESSAGE_LIMIT)


def _show(message: str) -> None:
    with contextlib.suppress(OSError, ValueError):  # stderr closed: the exit code tells
        print(error_line(message), file=sys.stderr, flush=True)


def _os_error_message(exc: OSError) -> str:
    where = exc.filename if exc.filename is not None else ""
    reason = exc.strerror or str(exc)
    return f"{where}: {reason}" if where else reason


class ContractGroup(TyperGroup):
    """The root command group: user errors become one ``error:`` line and exit 2."""

    def invoke(self, ctx: typer.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            _show_interrupted()
            raise typer.Exit(INTERRUPTED_EXIT) from None
        except OSError as exc:
            if exc.errno == errno.EPIPE:
                raise typer.Exit(1) from None
            if exc.filename is None:
                raise
            raise UserError(_os_error_message(exc)) from None

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True,
             **extra: Any) -> Any:
        try:
            _quiet_interrupt.release()  # from here an interrupt is KeyboardInterrupt again
            result = super().main(args=args, prog_name=prog_name, complete_var=complete_var,
                                  standalone_mode=False, **extra)
        except typer.TyperException as exc:
            if not standalone_mode:
                raise
            if type(exc).__name__ == "NoArgsIsHelpError":
                exc.show()  # no arguments: the help text
            else:
                _show(exc.format_message())
            sys.exit(USAGE_EXIT)
        except (typer.Abort, KeyboardInterrupt):
            if not standalone_mode:
                raise
            _show_interrupted()
            sys.exit(INTERRUPTED_EXIT)
        if not standalone_mode:
            return result
        sys.exit(result if isinstance(result, int) else 0)


class Interruption:
    """Whether Ctrl+C stopped the work inside :func:`interruptible`."""

    def __init__(self) -> None:
        self.happened = False

    def reraise(self) -> None:
        """Once the partial report is written: stop with exit code 130."""
        if self.happened:
            raise KeyboardInterrupt


@contextlib.contextmanager
def interruptible() -> Iterator[Interruption]:
    """Catch Ctrl+C in the block so that the command can report what it has done so far,
    then call ``.reraise()`` (exit code 130)."""
    state = Interruption()
    try:
        yield state
    except KeyboardInterrupt:
        state.happened = True


def _show_interrupted() -> None:
    with contextlib.suppress(OSError, ValueError):
        print("interrupted", file=sys.stderr, flush=True)


# -- validators: each returns its (normalised) value or raises UserError ---------------------
def input_file(path: Path, what: str = "file") -> Path:
    """An existing, readable regular file (``what`` names it in messages)."""
    if not path.exists():
        raise UserError(f"{path}: no such file ({what} not found)")
    if path.is_dir():
        raise UserError(f"{path}: is a directory, not a {what}")
    try:
        with path.open("rb"):
            pass
    except OSError as exc:
        raise UserError(f"{path}: cannot read the {what} ({exc.strerror})") from None
    return path


def input_dir(path: Path, what: str = "folder") -> Path:
    """An existing, readable directory."""
    if not path.exists():
        raise UserError(f"{path}: no such folder ({what} not found)")
    if not path.is_dir():
        raise UserError(f"{path}: not a folder ({what} expected)")
    if not os.access(path, os.R_OK | os.X_OK):
        raise UserError(f"{path}: permission denied (cannot read the {what})")
    return path


def json_file(path: Path, what: str) -> Any:
    """The JSON document in ``path``; a broken one names the file, line and column."""
    input_file(path, what)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise UserError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise UserError(f"{path}:{exc.lineno}:{exc.colno}: not valid JSON ({exc.msg})") \
            from None


def output_file(path: Path | None, option: str) -> Path | None:
    """A path a command may create or overwrite, checked before any work is done: an
    existing file is opened for appending (its content untouched); for a new one a
    uniquely named scratch file is made and removed in its folder. The path itself never
    appears during the check (another process may be waiting for it to exist, and a kill
    between a create and a remove would leave an empty file behind)."""
    if path is None:
        return None
    if path.is_dir():
        raise UserError(f"{option} {path}: is a directory, not a file")
    parent = path.parent
    if not parent.is_dir():
        raise UserError(f"{option} {path}: folder {parent} does not exist")
    try:
        if path.exists():
            with path.open("ab"):
                pass
        else:
            with tempfile.TemporaryFile(dir=parent):
                pass
    except OSError as exc:
        raise UserError(f"{option} {path}: cannot be written ({exc.strerror})") from None
    return path


def output_dir(path: Path, option: str) -> Path:
    """A folder a command may create files in; when it does not exist yet, its nearest
    existing parent must be a writable folder (nothing is created here)."""
    existing = path
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        raise UserError(f"{option} {path}: {existing} is not a folder")
    try:
        with tempfile.TemporaryFile(dir=existing):
            pass
    except OSError as exc:
        raise UserError(f"{option} {path}: cannot write in {existing} ({exc.strerror})") \
            from None
    return path


def port(value: int, option: str = "--port") -> int:
    """A TCP port, 0 (any free port) to 65535."""
    if not 0 <= value <= 65535:
        raise UserError(f"{option} {value}: a port is 0-65535")
    return value


def http_url(value: str, option: str = "--ebs") -> str:
    """An ``http://`` or ``https://`` URL with a host (and a valid port when given)."""
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError as exc:
        raise UserError(f"{option} {value!r}: not a valid URL ({exc})") from None
    if parts.scheme not in ("http", "https"):
        raise UserError(f"{option} {value!r}: the URL must start with http:// or https://")
    if not parts.hostname:
        raise UserError(f"{option} {value!r}: the URL has no host")
    return value.rstrip("/")


def choice(value: str, options: Iterable[str], option: str) -> str:
    """``value`` when it is one of ``options``."""
    allowed = tuple(options)
    if value not in allowed:
        raise UserError(f"{option} must be one of {', '.join(allowed)}, not {value!r}")
    return value


def env_secret(variable: str) -> str:
    """The value of the environment variable that holds a secret (never shown)."""
    value = os.environ.get(variable)
    if not value:
        raise UserError(f"${variable} is not set (it must hold the API key)")
    return value
