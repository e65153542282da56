"""Ctrl+C in the first tenths of a second of ``mgm-contract tail``: while modules import,
while the command is built and while the command imports its own modules, the user gets
one ``interrupted`` line and exit code 130, never a traceback.

The interrupt is made to land at an exact point: an import hook in the child process sends
SIGINT to itself when the named module starts importing (as a Ctrl+C at that moment
would). The children start with SIGINT at its default, as from a terminal: a test worker
may run with SIGINT ignored, which children inherit (and Python then leaves alone)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

CHILD = """
import os, signal, sys
TARGET = sys.argv.pop(1)
class Interrupt:
    def find_spec(self, name, path=None, target=None):
        if name == TARGET:
            sys.meta_path.remove(self)
            os.kill(os.getpid(), signal.SIGINT)
        return None
sys.meta_path.insert(0, Interrupt())
from mgm_addon_contract.cli import main
main()
"""


@pytest.mark.parametrize("module", [
    "typer",  # the command line's first heavy import
    "rich",
    "mgm_addon_contract.cli._cmd_tail",  # registering the commands
    "mgm_addon_contract.tail.consumer",  # imported by the tail command itself
])
def test_ctrl_c_while_the_tail_command_starts_is_one_line_and_exit_130(
        tmp_path: Path, module: str) -> None:
    log = tmp_path / "WoWChatLog.txt"
    log.write_bytes(b"")
    done = subprocess.run(
        [sys.executable, "-c", CHILD, module, "tail", str(log), "--ebs", "http://127.0.0.1:9",
         "--checkpoint", str(tmp_path / "registry.json")],
        capture_output=True, timeout=120, env={**os.environ, "MGM_API_KEY": "k-1234567"},
        preexec_fn=_terminal_sigint)
    stderr = done.stderr.decode(errors="replace")
    assert "Traceback" not in stderr, stderr
    assert done.returncode == 130, (done.returncode, stderr)
    assert stderr.strip().splitlines()[-1] == "interrupted", stderr
    assert not (tmp_path / "registry.json").exists()  # nothing was started


def test_importing_the_command_line_as_a_library_keeps_pythons_sigint_handler() -> None:
    done = subprocess.run(
        [sys.executable, "-c", "import signal, mgm_addon_contract.cli; "
         "print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)"],
        capture_output=True, timeout=120, preexec_fn=_terminal_sigint)
    assert done.stdout.decode().strip() == "True", done.stderr.decode()


def _terminal_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)
