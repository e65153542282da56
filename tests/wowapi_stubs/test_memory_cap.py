"""An addon that fills its memory cap never takes the process down.

Values Python pushes into Lua are allocated outside Lua's error protection; running out
there aborts the process ("PANIC: unprotected error"). The client checks room before every
entry (a state its addons filled to the cap may be pushed into by a small headroom beyond it,
so that the entry freeing memory still runs) and Lua keeps a reserve free before calling into
Python, so what happens instead is a recorded "not enough memory" error. The stress runs in
a subprocess: an abort must fail this test, not the test run.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from wowapi_stubs import ClientSettings, HeadlessClient

STRESS = textwrap.dedent('''
    import random
    from wowapi_stubs import ClientSettings, HeadlessClient
    from wowapi_stubs.runtime import HOST_HEADROOM
    refused = 0
    for seed in range(8):
        rng = random.Random(seed)
        cap = rng.choice([400_000, 600_000, 1_000_000, 2_000_000])
        client = HeadlessClient(ClientSettings(memory_limit_bytes=cap))
        client.eval_lua("""
          HOG = {}
          F = CreateFrame("Frame", "F1"); F:RegisterEvent("E")
          FS = F:CreateFontString(nil, "OVERLAY", "GameFontNormal")
          F:SetScript("OnEvent", function(self, e, a, n)
            pcall(function() for i = 1, n do HOG[#HOG + 1] = string.rep("x", 1000) .. i end end)
            pcall(function() FS:SetText(a) end)
            local ok, text = pcall(function() return FS:GetText() end)
            pcall(CreateFrame, "Button", "B" .. #HOG)
            GOT = ok and text and #text or -1
          end)
        """)
        for _ in range(40):
            roll = rng.random()
            if roll < 0.7:
                client.fire("E", "y" * rng.choice([0, 1000, 50_000, 300_000]),
                            rng.choice([0, 100, 1000]))
            elif roll < 0.8:
                client.eval_lua("HOG = {}")
            elif roll < 0.9:
                client.type_line("/run F1:GetName()")
            else:
                client.eval_lua("return string.rep('z', 100000)")
            client.global_value("GOT")  # a read from Python at the cap, too
            assert client.memory_used() <= cap + HOST_HEADROOM, (cap, client.memory_used())
        refused += sum("not enough memory" in e.message for e in client.errors)
    print("survived" if refused else "the cap was never reached")
''')


def test_filling_the_cap_records_errors_and_never_aborts() -> None:
    done = subprocess.run([sys.executable, "-c", STRESS], capture_output=True, text=True,
                          timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "survived"


# A state whose many small strings became garbage: the next full cycle ends by shrinking Lua's
# string table, and at the cap that allocation fails outside the entry's protection (as the
# entry's call returns). Then an event, a script and Python reads, and a loop the CPU limit
# must still stop (the entry bookkeeping the failure skipped is reset).
STRING_TABLE_SHRINK = textwrap.dedent('''
    from wowapi_stubs import ClientSettings, HeadlessClient
    client = HeadlessClient(ClientSettings(memory_limit_bytes=700_000, cpu_limit_seconds=0.2))
    client.eval_lua("HOG = {}")
    client.eval_lua("pcall(function() for i = 1, 1e9 do HOG[#HOG + 1] = string.rep('x', 50) .. i"
                    " end end) local n = #HOG for i = 1, 30 do HOG[n - i + 1] = nil end"
                    " collectgarbage()")
    client.eval_lua("HOG = {}")
    client.eval_lua("GetTime() local s = string.rep('a,', 1000000)")
    assert any("not enough memory" in e.message for e in client.errors), client.errors
    client.eval_lua("F = CreateFrame('Frame') F:RegisterEvent('E')"
                    " F:SetScript('OnEvent', function(_, _, n) GOT = n end)")
    for n in range(3):
        client.fire("E", n)
    assert client.global_value("GOT") == 2
    before = len(client.errors)
    client.eval_lua("while true do end")
    assert "script ran too long" in client.errors[before].message, client.errors[before:]
    print("survived")
''')


# A global the client makes on first read (print: a chunk of its own Lua) read in a state
# filled to the cap: the read fails with "not enough memory" at the addon's line, and once
# memory is free the next read makes it.
LAZY_GLOBAL_AT_THE_CAP = textwrap.dedent('''
    from wowapi_stubs import ClientSettings, HeadlessClient
    client = HeadlessClient(ClientSettings(memory_limit_bytes=1_000_000))
    client.eval_lua("HOG = {} pcall(function() for i = 1, 1e9 do"
                    " HOG[#HOG + 1] = string.rep('x', 1000) .. i end end) collectgarbage()")
    client.eval_lua("pcall(string.rep, 'x', 1e6) OK = pcall(print, 'p')")
    assert "not enough memory" in client.errors[-1].message, client.errors[-1]
    client.eval_lua("HOG = nil collectgarbage() print('made now')")
    assert client.chat[-1].text == "made now", client.chat[-1]
    print("survived")
''')


@pytest.mark.parametrize("script", [STRING_TABLE_SHRINK, LAZY_GLOBAL_AT_THE_CAP],
                         ids=["collector-as-a-call-returns", "lazy-global"])
def test_running_out_at_the_cap_outside_protected_code_is_the_entry_s_error(
        script: str) -> None:
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "survived"


def test_an_event_too_large_for_the_cap_is_refused_and_the_client_goes_on() -> None:
    with HeadlessClient(ClientSettings(memory_limit_bytes=2 * 1024 * 1024)) as client:
        client.eval_lua('local f = CreateFrame("Frame"); f:RegisterEvent("E")'
                        ' f:SetScript("OnEvent", function(_, _, text) GOT = #text end)')
        client.fire("E", "x" * 3_000_000)
        assert client.errors[-1].message.startswith("not enough memory: E not delivered")
        client.fire("E", "x" * 1000)
        assert client.global_value("GOT") == 1000


def test_calls_into_the_host_fail_in_lua_when_the_reserve_is_used_up() -> None:
    with HeadlessClient(ClientSettings(memory_limit_bytes=2 * 1024 * 1024)) as client:
        client.eval_lua("""
          HOG = {}
          pcall(function() for i = 1, 100000 do HOG[i] = string.rep("x", 1000) .. i end end)
          OK, ERR = pcall(CreateFrame, "Frame", "TooLate")
        """)
        assert client.global_value("OK") is False
        assert client.global_value("ERR").endswith("not enough memory")
        client.eval_lua("HOG = nil")
        assert client.eval_lua('return CreateFrame("Frame", "InTime") ~= nil') is True


@pytest.mark.parametrize("cap", [100_000, 150_000])
def test_cap_below_start_up_is_refused_before_lua_starts(cap: int) -> None:
    from wowapi_stubs import HeadlessClientError

    with pytest.raises(HeadlessClientError, match="too small for the client's own start-up"):
        HeadlessClient(ClientSettings(memory_limit_bytes=cap))


def test_the_host_running_out_of_memory_is_lua_s_not_enough_memory(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # Text a widget holds lives in Python, outside the Lua state's cap; when the host runs
    # out (an isolation worker at its address-space cap), the addon sees Lua's own error.
    from wowapi_stubs.widgets.regions import FontString

    def exhausted(self: FontString, value: object = None) -> None:
        raise MemoryError

    monkeypatch.setattr(FontString, "SetText", exhausted)
    with HeadlessClient() as client:
        got = client.eval_lua("""
          local fs = UIParent:CreateFontString(nil, "OVERLAY", "GameFontNormal")
          return select(2, pcall(fs.SetText, fs, "x"))""")
        assert got == "(eval):3: not enough memory"
        assert not client.runtime.internal_errors


def test_the_cycle_collector_s_time_is_not_the_addon_s(monkeypatch: pytest.MonkeyPatch) -> None:
    # A collection that happens to run inside a host call (0.7 s here) must not push the
    # running entry past its 0.5 s CPU deadline; the addon's own work still counts.
    import gc
    import time as clock

    from wowapi_stubs.widgets.regions import FontString

    slow = [False]

    def slow_collection(phase: str, info: dict[str, int]) -> None:
        if phase == "start" and slow[0]:
            until = clock.process_time() + 0.7
            while clock.process_time() < until:
                pass

    def set_text_collecting(self: FontString, value: object = None) -> None:
        slow[0] = True
        try:
            gc.collect()
        finally:
            slow[0] = False

    monkeypatch.setattr(FontString, "SetText", set_text_collecting)
    gc.callbacks.append(slow_collection)
    try:
        with HeadlessClient() as client:
            client.eval_lua("""
              local fs = UIParent:CreateFontString(nil, "OVERLAY", "GameFontNormal")
              local x = 0
              for i = 1, 1e5 do x = x + i end -- the entry's deadline is set by now
              fs:SetText("x")
              for i = 1, 1e5 do x = x + i end
              DONE = true""")
            assert client.global_value("DONE") is True, client.errors[-1].message
            client.eval_lua("while true do end")
            assert "script ran too long" in client.errors[-1].message
    finally:
        gc.callbacks.remove(slow_collection)


def test_a_collection_moves_an_isolation_worker_s_entry_start_by_its_time() -> None:
    # The worker watchdog measures an entry from the start the worker publishes.
    import gc
    import mmap
    import time as clock

    from wowapi_stubs._worker import _EntryStatus
    from wowapi_stubs.isolation import _STATUS_BYTES, read_entry

    def slow_collection(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            until = clock.process_time() + 0.05
            while clock.process_time() < until:
                pass

    status = _EntryStatus(mmap.mmap(-1, _STATUS_BYTES))
    gc.callbacks.append(slow_collection)
    try:
        status.enter(b"entry")
        before = read_entry(status._status)[1]
        gc.collect()
        assert read_entry(status._status)[1] - before >= 0.05
        status.leave()
    finally:
        gc.callbacks.remove(slow_collection)
        gc.callbacks.remove(status._collected)


@pytest.mark.parametrize("cap", [0, 256 * 1024 * 1024, 2 * 1024 * 1024])
def test_the_collector_runs_with_lua_s_default_pause_once_started(cap: int) -> None:
    # The long pause is the client's own start-up's only: addon code, and every client under
    # a small cap, sees Lua's default (setpause returns the pause it replaces).
    with HeadlessClient(ClientSettings(memory_limit_bytes=cap)) as client:
        assert client.eval_lua('return collectgarbage("setpause", 200)') == 200


def test_garbage_after_start_up_is_collected_below_a_megabyte() -> None:
    # The first cycle after start-up comes once, below 1 MiB of heap; later ones keep the
    # heap near twice the live data.
    with HeadlessClient() as client:
        peak = client.eval_lua("""
          local peak = 0
          for i = 1, 200000 do
            local garbage = { i, i }
            peak = math.max(peak, collectgarbage("count"))
          end
          return peak
        """)
        assert peak < 1024


def test_a_ctrl_c_landing_in_the_collector_s_timing_is_raised_again() -> None:
    # Python's collector drops what a callback raises; the timing callback hands a
    # KeyboardInterrupt back to the main thread instead. In a subprocess: a real Ctrl+C.
    script = textwrap.dedent('''
        import signal
        import time
        # A test runner may run with SIGINT ignored, which the child inherits; then Python
        # delivers no interrupt at all (interrupt_main does nothing), whatever the client does.
        signal.signal(signal.SIGINT, signal.default_int_handler)
        import wowapi_stubs._gc_time as timing
        real = time.process_time
        def interrupted():
            timing.time.process_time = real
            raise KeyboardInterrupt
        timing.time.process_time = interrupted
        import gc
        try:
            gc.collect()
            time.sleep(5)
            print("lost")
        except KeyboardInterrupt:
            print("raised again")
    ''')
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.stdout.strip() == "raised again", done.stderr[-2000:]


def test_a_saved_variable_the_host_cannot_read_is_a_finding_and_the_rest_are_saved(
        tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    from wowapi_stubs.errors import WowApiError

    addon = tmp_path / "Saver"
    addon.mkdir()
    (addon / "Saver.toc").write_text("## Interface: 30300\n## SavedVariables: BIG, SMALL\n"
                                     "Saver.lua\n")
    (addon / "Saver.lua").write_text('BIG = { "x" } SMALL = { n = 1 }')
    with HeadlessClient() as client:
        client.load_addon(addon)
        real = client.runtime.plain_value

        def plain_value(value, **options):
            if client.runtime.is_table(value) and value[1] == b"x":
                raise WowApiError("not enough memory to read the table")
            return real(value, **options)

        monkeypatch.setattr(client.runtime, "plain_value", plain_value)
        assert client.logout() == {"SMALL": {"n": 1}}
        unread = [f for f in client.findings if f.kind == "saved-variable-unread"]
        assert [f.message for f in unread] == [
            "BIG: not saved (not enough memory to read the table); the other saved variables "
            "are"]
