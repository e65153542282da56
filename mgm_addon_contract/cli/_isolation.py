"""The options shared by the commands that run addon code (``load``, ``check``,
``scenario``, ``e2e``): workers by default, ``--trusted`` for in-process; ``--framexml`` for
Blizzard's own UI instead of the built-in one."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from mgm_addon_contract.cli._errors import UserError

if TYPE_CHECKING:  # the client is imported by the commands that run addon code only
    from mgm_addon_contract.isolated import Runner

TrustedOption = Annotated[bool, typer.Option(
    "--trusted", help="Run the addon in this process (faster start; only for code you "
    "trust: a crash or hang of the Lua VM then ends the command).")]
WorkerMemoryOption = Annotated[int | None, typer.Option(
    "--worker-memory", min=256, help="Address-space cap of the isolation worker, in MiB "
    "(default 3072).")]


FrameXmlOption = Annotated[Path | None, typer.Option(
    "--framexml", envvar="MGM_FRAMEXML_DIR", help="An extracted 3.3.5a Interface folder: "
    "the client runs Blizzard's FrameXML from it instead of the built-in UI (see "
    "docs/headless-client.md).")]


def use_framexml(folder: Path | None) -> None:
    """Every client of this command (and of its workers) runs FrameXML from ``folder``;
    a folder that is not an Interface folder is a user error (exit 2)."""
    if folder is None:
        return
    from wowapi_stubs import AddonLoadError
    from wowapi_stubs.settings import FRAMEXML_VARIABLE
    from wowapi_stubs.ui.framexml import locate_interface

    try:
        found = locate_interface(folder)
    except AddonLoadError as exc:
        raise UserError(f"--framexml: {exc}") from None
    os.environ[FRAMEXML_VARIABLE] = str(found.root.resolve())


def usable_addon(addon: Path) -> None:
    """Fail now (a user error, exit 2) when ``addon`` has no usable ``.toc``, before a
    worker starts."""
    from wowapi_stubs import AddonLoadError, parse_toc

    try:
        parse_toc(addon)
    except AddonLoadError as exc:
        raise UserError(str(exc)) from None


def runner_for(trusted: bool, worker_memory: int | None) -> Runner:
    """In-process when ``trusted``, else one isolation worker with the given memory cap."""
    from mgm_addon_contract.isolated import Runner, default_limits

    return Runner(isolate=not trusted, limits=default_limits(worker_memory))
