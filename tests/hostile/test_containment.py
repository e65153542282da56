"""Hostile addon code written against the client's own source: each test is a way an
attacker who read it could crash, hang or grow the host, and asserts what the client does
instead (a recorded Lua error, as the 3.3.5a client would raise). Payloads that could abort
the process run in a subprocess, so an abort fails the test, not the run."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from wowapi_stubs import ClientSettings, HeadlessClient


def run_isolated(script: str, timeout: float = 120) -> str:
    """Run ``script`` (Python) in a fresh interpreter; its stdout (an abort or a hang past
    ``timeout`` seconds fails here)."""
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(script)],
                          capture_output=True, text=True, timeout=timeout, check=False)
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
        # Which comes first, the cap or the CPU limit, depends on the machine's speed:
        # either way the entry ends with its error recorded and nothing raised.
        assert any("not enough memory" in e.message or "script ran too long" in e.message
                   for e in client.errors), client.errors
        assert client.eval_lua("t = nil return 1 + 1") == 2


def test_a_backdrop_is_read_by_the_fields_the_client_reads_whatever_the_table_holds() -> None:
    # The host used to copy the whole table into Python: a table sharing its children
    # 30 levels deep (3 ** 30 paths) hung the process, a wide one grew it outside the cap.
    out = run_isolated('''
        from wowapi_stubs import ClientSettings, HeadlessClient
        with HeadlessClient(ClientSettings(cpu_limit_seconds=0.2)) as client:
            print(client.eval_lua(\'\'\'
                local t = { bgFile = "Bg", insets = { left = 3 } }
                for depth = 1, 30 do
                  local n = { bgFile = "Bg", edgeFile = "Edge", tile = true, insets = t.insets }
                  for i = 1, 3 do n[i] = t end
                  t = n
                end
                local f = CreateFrame("Frame")
                f:SetBackdrop(t)
                local b = f:GetBackdrop()
                return b.bgFile .. b.edgeFile .. tostring(b.tile) .. b.insets.left
                  .. tostring(b[1])\'\'\'))
    ''', timeout=30)
    assert out == "BgEdgetrue3nil"


def test_compiling_large_chunks_in_a_loop_is_stopped_at_the_cpu_deadline() -> None:
    # Compiling runs in C (no instruction for the count hook): a loop of a few instructions
    # around loadstring used to run minutes past the deadline.
    out = run_isolated('''
        import time
        from wowapi_stubs import ClientSettings, HeadlessClient
        with HeadlessClient(ClientSettings(cpu_limit_seconds=0.2)) as client:
            started = time.process_time()
            client.eval_lua(\'local s = "return " .. string.rep("1+", 5e5) .. "1" \'
                            \'for i = 1, 1e9 do loadstring(s) end\')
            print(time.process_time() - started < 1.2, client.errors[-1].message)
    ''', timeout=60)
    assert out == "True (eval):1: script ran too long (over 0.20 s of CPU)"


def test_loops_around_long_table_functions_are_stopped_at_the_cpu_deadline() -> None:
    # table.concat and table.maxn work in C on the whole table, unseen by the count hook: a
    # loop of a few instructions around them used to run seconds to minutes past the limit.
    out = run_isolated('''
        import time
        from wowapi_stubs import ClientSettings, HeadlessClient
        with HeadlessClient(ClientSettings(cpu_limit_seconds=0.2)) as client:
            client.eval_lua('T = {} for i = 1, 3e5 do T[i] = "abcdefghij" end')
            for call in ("table.concat(T)", "table.maxn(T)"):
                started = time.process_time()
                client.eval_lua(f"for i = 1, 1e9 do local x = {call} end")
                print(time.process_time() - started < 1.2, client.errors[-1].message)
    ''', timeout=90)
    assert out.splitlines() == ["True (eval):1: script ran too long (over 0.20 s of CPU)"] * 2


def test_the_checked_table_functions_fail_as_the_c_functions_do() -> None:
    with HeadlessClient(ClientSettings()) as client:
        assert client.eval_lua('''
            local _, a = pcall(function() local x = table.concat(nil) end)
            local _, b = pcall(function() local x = table.concat({ {} }) end)
            local _, c = pcall(function() local x = table.maxn() end)
            return a, b, c, table.concat({ 1, 2, 3 }, ",", 2), table.maxn({ 1, [10] = 3 })''') \
            == ("(eval):2: bad argument #1 to 'concat' (table expected, got nil)",
                "(eval):3: invalid value (table) at index 1 in table for 'concat'",
                "(eval):4: bad argument #1 to 'maxn' (table expected, got no value)", "2,3", 10)
