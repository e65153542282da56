"""The client's rarely used Lua parts (``bootstrap_rare.lua``, ``patterns_errors.lua``) load
on first use: a typical addon load and login never loads them, and the first use of each
part in a fresh client behaves as if it had been there from the start."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from mgm_addon_contract._resources import reference_addon_dir
from tests.wowapi_stubs.conftest import AddonFactory
from wowapi_stubs import HeadlessClient
from wowapi_stubs._bytecode import scan_names
from wowapi_stubs.runtime import trusted_bytecode

RARE_HOST_FUNCTIONS = (b"stack_sources", b"client_global", b"client_method")


def rare_loaded(client: HeadlessClient) -> bool:
    """Whether bootstrap_rare.lua has run (its host functions are fields of P), read raw."""
    keys = set(client.runtime.P.keys())
    return all(name in keys for name in RARE_HOST_FUNCTIONS)


@pytest.mark.parametrize("chunk", ["bootstrap_rare.lua", "patterns_errors.lua"])
def test_a_part_loaded_late_reads_no_global(chunk: str) -> None:
    """They run after addon code may have replaced globals (string.find, error, pairs...):
    everything they use comes from the client's own start-up."""
    names = scan_names(trusted_bytecode(chunk))
    assert names.reads == set() and names.writes == set()


def test_the_reference_addon_loads_and_logs_in_without_the_rare_parts(
        client: HeadlessClient) -> None:
    client.load_addon(reference_addon_dir())
    assert not client.errors
    assert not rare_loaded(client)


def test_a_host_function_read_first_loads_the_rare_part(client: HeadlessClient) -> None:
    """The host's first read of one of its functions (the Lua frames on the stack) loads it."""
    assert not rare_loaded(client)
    assert client.runtime.stack_sources() == []
    assert rare_loaded(client)


def test_saved_variables_are_read_without_the_rare_part(client: HeadlessClient) -> None:
    """The walk of a saved variable at logout is the start-up's own: at the memory cap the
    rare part could not be loaded for it."""
    client.eval_lua("T = { 1, 2, sub = {} } T.sub.back = T")
    value = client.global_value("T")
    assert not rare_loaded(client)
    assert value["sub"]["back"] is value and value[1] == 1  # type: ignore[index]


def test_a_finalizer_set_first_runs(client: HeadlessClient) -> None:
    client.eval_lua("""
      local u = newproxy(true)
      local meta = getmetatable(u)
      meta.__gc = function() RAN = (RAN or 0) + 1 end
      SAME = getmetatable(u).__gc == meta.__gc and getmetatable(u) == meta
      u = nil
      collectgarbage("collect")
    """)
    assert client.eval_lua("return RAN, SAME") == (1, True)
    assert not client.errors


def test_pairs_over_the_globals_first_lists_every_api_function(client: HeadlessClient) -> None:
    assert client.eval_lua("""
      local seen = {}
      for name in pairs(_G) do seen[name] = true end
      return seen.GetMoney, seen.SendMail, rawget(_G, "GetGuildInfo") ~= nil
    """) == (True, True, True)


def test_a_large_sort_first_makes_its_comparator(client: HeadlessClient) -> None:
    assert client.eval_lua("""
      local t = {} for i = 1, 25000 do t[i] = (i * 7919) % 25000 end
      table.sort(t)
      for i = 2, #t do if t[i - 1] > t[i] then return false end end
      return t[1], t[25000]
    """) == (0, 24999)


def test_a_failing_pattern_call_first_names_the_caller_s_line(
        client: HeadlessClient, make_addon: AddonFactory) -> None:
    folder = make_addon("Bad", {"bad.lua": 'local x = 1\nlocal s = string.find(nil, "a")\n'})
    client.load_addon(folder)
    assert [e.message for e in client.errors] == [
        "Interface\\AddOns\\Bad\\bad.lua:2: bad argument #1 to 'find' (string expected, got nil)"]


def test_a_gmatch_over_a_malformed_pattern_first_fails_as_c(client: HeadlessClient) -> None:
    assert client.eval_lua("""
      return pcall(function()
        for w in string.gmatch(string.rep("x", 500), "x(") do end
      end)
    """) == (False, "(eval):3: unfinished capture")


def test_a_blocked_call_first_names_the_addon_line(
        client: HeadlessClient, make_addon: AddonFactory) -> None:
    folder = make_addon("Lock", {"lock.lua": textwrap.dedent("""\
        local b = CreateFrame("Button", "LockedB", UIParent, "SecureActionButtonTemplate")
        SlashCmdList.LOCK = function() LockedB:Hide() end
        SLASH_LOCK1 = "/lock"
        """)})
    client.load_addon(folder)
    assert not rare_loaded(client)
    client.enter_combat()
    client.type_line("/lock")
    blocked = [f for f in client.findings if f.kind == "combat-call-blocked"]
    assert blocked and blocked[0].location is not None
    assert blocked[0].location.endswith("lock.lua:2") and blocked[0].addon == "Lock"


AT_THE_CAP = textwrap.dedent('''
    from wowapi_stubs import ClientSettings, HeadlessClient
    failed = 0
    for cap, fill in [(cap, fill) for cap in (800_000, 1_000_000) for fill in range(0, 700, 9)]:
        client = HeadlessClient(ClientSettings(memory_limit_bytes=cap))
        client.eval_lua("HOG = {} pcall(function() for i = 1, %d do HOG[i] = "
                        "string.rep('x', 1000) .. i end end) "
                        "R1 = select(2, pcall(function() for k in pairs(_G) do end end)) "
                        "R2 = select(2, pcall(string.find, nil, 'a'))" % fill)
        r1, r2 = client.global_value("R1"), client.global_value("R2")
        failed += "not enough memory" in (r1 or "") + (r2 or "")
        client.eval_lua("HOG = nil collectgarbage('collect')")
        if cap > 800_000:  # room for every API function once the hog is gone
            assert client.eval_lua(
                "local n = 0 for k in pairs(_G) do n = n + 1 end return n > 1000")
        assert "bad argument #1 to 'find'" in client.eval_lua(
            "return select(2, pcall(string.find, nil, 'a'))")
        client.close()
    print("failed cleanly" if failed else "the cap was never reached")
''')


def test_loading_a_rare_part_at_the_memory_cap_fails_the_call_and_is_tried_again() -> None:
    """At the cap, the first use fails as the call would ("not enough memory"); once memory
    is free, the next use loads it. Run in a subprocess: an abort must fail this test."""
    done = subprocess.run([sys.executable, "-c", AT_THE_CAP], capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "failed cleanly" in done.stdout
