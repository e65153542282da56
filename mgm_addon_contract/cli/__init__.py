"""The ``mgm-contract`` command line: thin commands over the library.

Every ``_cmd_*.py`` module in this package registers its commands on :data:`app`; the modules
keep their heavy imports inside the command functions so that start-up stays fast.
"""

from __future__ import annotations

from mgm_addon_contract import _quiet_interrupt

_previous_sigint = _quiet_interrupt.install()  # first: Ctrl+C while importing is one line

import importlib  # noqa: E402
import pkgutil  # noqa: E402

import typer  # noqa: E402

from mgm_addon_contract.cli._errors import ContractGroup  # noqa: E402

app = typer.Typer(
    cls=ContractGroup,
    name="mgm-contract",
    help="Verify the MimironsGoldOMatic addon contract headlessly (SPEC §3-§5, §8-§10, §12).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _root() -> None:
    """Verify the MimironsGoldOMatic addon contract headlessly."""


def _register_commands() -> None:
    for module in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if module.name.startswith("_cmd_"):
            importlib.import_module(f"{__name__}.{module.name}")


_register_commands()
_quiet_interrupt.release(_previous_sigint)  # imported as a library: Python's handler again


def main() -> None:
    """Console-script entry point. Ctrl+C before the command group can handle it (while
    the command is built) ends the process with one line and exit code 130."""
    _quiet_interrupt.install()
    app()
