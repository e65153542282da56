"""Hostile addon code written against the client's own source: each test is a way an
attacker who read it could crash, hang or grow the host, and asserts what the client does
instead (a recorded Lua error, as the 3.3.5a client would raise). Payloads that could abort
the process run in a subprocess, so an abort fails the test, not the run."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from wowapi_stubs import ClientSettings, HeadlessClient


def run_isolated(script: str) -> str:
    """Run ``script`` (Python) in a fresh interpreter; its stdout (an abort fails here)."""
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(script)],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.strip()


def test_logout_with_saved_variables_filling_the_cap_saves_them_without_aborting() -> None:
    # Reading a saved variable at logout walks it from Python, outside Lua's protection:
    # at the cap that walk used to abort the process ("PANIC: not enough memory").
    out = run_isolated('''
        import pathlib, tempfile
        from wowapi_stubs import ClientSettings, HeadlessClient
        folder = pathlib.Path(tempfile.mkdtemp()) / "Hoard"
        folder.mkdir()
        (folder / "Hoard.toc").write_text(
            "## Interface: 30300\\n## SavedVariables: HoardDB\\na.lua\\n")
        (folder / "a.lua").write_text(
            'HoardDB = {} pcall(function() while true do '
            'HoardDB[#HoardDB + 1] = string.rep("k", 50) .. #HoardDB end end)')
        with HeadlessClient(ClientSettings(memory_limit_bytes=900_000)) as client:
            client.load_addon(folder)
            saved = client.logout()["HoardDB"]
            print(len(saved) > 1000, saved[0] == "k" * 50 + "0")
    ''')
    assert out == "True True"


def test_the_entry_itself_running_out_of_memory_is_a_recorded_error() -> None:
    # The kill of a runaway script at the cap: the entry's own bookkeeping (outside the
    # addon's error handler) cannot allocate; eval_lua used to raise LuaMemoryError.
    with HeadlessClient(ClientSettings(memory_limit_bytes=700_000,
                                       cpu_limit_seconds=0.2)) as client:
        result = client.eval_lua('''
            local t = {}
            local function f()
              t[#t + 1] = string.rep("y", 1000) .. #t
              error(setmetatable({}, { __tostring = function() return "" end }))
            end
            while true do pcall(f) end''')
        assert result is None
        assert any("not enough memory" in e.message for e in client.errors), client.errors
        assert client.eval_lua("t = nil return 1 + 1") == 2
