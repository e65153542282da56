"""Loops of slow C calls meet the CPU limit: the count hook sees Lua instructions only, so a
loop of a few instructions around a C call that takes tens of milliseconds used to reach its
next check after thousands of calls (minutes). The watchdog (wowapi_stubs._cpu_watchdog)
makes the hook of the running thread fire at its next instruction every few hundredths of a
second. Each payload runs in a subprocess: a hang past the timeout fails the test."""

from __future__ import annotations

import gc

import pytest

from tests.hostile.test_containment import run_isolated
from wowapi_stubs import ClientSettings, HeadlessClient, _cpu_watchdog

SLOW_LOOPS = {
    "upper": 'local s = ("a"):rep(3e7) while true do local u = s:upper() end',
    "comparison": 'local s = ("a"):rep(3e7) local t = s .. "b" while true do local u = s < t end',
    "concatenation": 'local s = ("a"):rep(3e7) while true do local u = s .. "x" end',
    "in a coroutine": 'local co = coroutine.create(function() local s = ("a"):rep(3e7) '
                      'while true do local u = s:upper() end end) '
                      'local ok, message = coroutine.resume(co) error(message, 0)',
    "in a wrapped coroutine": 'coroutine.wrap(function() local s = ("a"):rep(3e7) '
                              'while true do local u = s:upper() end end)()',
}


def test_the_watchdog_runs_on_this_lupa_build() -> None:
    # Otherwise every test below would pass only by the count hook's slow path.
    assert _cpu_watchdog.unavailable_reason() is None


@pytest.mark.parametrize("payload", SLOW_LOOPS.values(), ids=SLOW_LOOPS.keys())
def test_a_loop_of_slow_c_calls_is_stopped_near_its_cpu_limit(payload: str) -> None:
    out = run_isolated(f'''
        import time
        from wowapi_stubs import ClientSettings, HeadlessClient
        with HeadlessClient(ClientSettings(cpu_limit_seconds=0.3)) as client:
            started = time.process_time()
            client.eval_lua({payload!r})
            print(time.process_time() - started < 3, client.errors[-1].message)
    ''', timeout=60)
    took_little, message = out.split(" ", 1)
    assert took_little == "True"
    assert message.endswith("script ran too long (over 0.30 s of CPU)")


def test_resume_keeps_the_errors_of_the_library_function() -> None:
    with HeadlessClient() as client:
        client.eval_lua("coroutine.resume(nil)")
        assert client.errors[-1].message == \
            "(eval):1: bad argument #1 to 'resume' (coroutine expected)"
        assert client.eval_lua("""
            local co = coroutine.create(function(a)
              local b = coroutine.yield(a + 1)
              return b * 2
            end)
            local r = {}
            for _, v in ipairs({ { coroutine.resume(co, 1) }, { coroutine.resume(co, 5) },
                                 { coroutine.resume(co) } }) do
              r[#r + 1] = tostring(v[1]) .. ":" .. tostring(v[2])
            end
            return table.concat(r, " ")""") == \
            "true:2 true:10 false:cannot resume dead coroutine"


def test_a_client_leaves_the_watchdog_when_it_is_freed() -> None:
    client = HeadlessClient()
    client.eval_lua("local co = coroutine.wrap(function() coroutine.yield(1) end) co()")
    watch = _watch_of(client)
    client.close()
    del client
    gc.collect()
    assert all(w is not watch for w in _cpu_watchdog._WATCHES.values())


def _watch_of(client: HeadlessClient) -> _cpu_watchdog.Watch:
    main = _cpu_watchdog._state_of(client.runtime._lua)
    return next(w for w in _cpu_watchdog._WATCHES.values() if w.main == main)


def test_no_coroutine_stays_listed_after_its_entry_ends() -> None:
    with HeadlessClient(ClientSettings(cpu_limit_seconds=0.3)) as client:
        client.eval_lua("""
            local inner = coroutine.wrap(function() coroutine.yield(1) end)
            local outer = coroutine.create(function() inner() coroutine.yield(2) end)
            coroutine.resume(outer)
            coroutine.resume(outer)""")
        # A runaway coroutine killed by the hook: the entry ends, nothing is left over.
        client.eval_lua("coroutine.resume(coroutine.create(function() while true do end end))")
        assert _watch_of(client).threads == {}
