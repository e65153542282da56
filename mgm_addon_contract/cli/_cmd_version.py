"""``mgm-contract version``."""

from __future__ import annotations

import typer

from mgm_addon_contract import __version__
from mgm_addon_contract.cli import app


@app.command("version")
def version() -> None:
    """Print the library version."""
    typer.echo(__version__)
