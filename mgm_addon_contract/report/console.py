"""A rich console whose output never carries a registered secret."""

from __future__ import annotations

import sys

from rich.console import Console

from mgm_addon_contract.secrets import RedactingWriter


def make_console(*, stderr: bool = False, width: int | None = None) -> Console:
    """Console writing to stdout (or stderr) through :class:`RedactingWriter`."""
    stream = sys.stderr if stderr else sys.stdout
    return Console(file=RedactingWriter(stream), width=width, highlight=False, soft_wrap=True)
