"""Headless client benchmarks (issue figures recorded in docs/benchmarks.md).

(a) a fresh client with the reference addon loaded and logged in, vs a bare ``lupa.lua51``
    runtime executing the same Lua files to their end (same ``...`` arguments; no WoW API:
    every global the files read unset is one Lua stand-in that any call, field read or
    assignment accepts, so the files run every top-level statement the client runs, without
    the API's work). Also printed: the bare runtime without the stand-in, where the main file
    stops with an error at its first API call (line 52 of the reference addon);
(c) a fresh client (full API table, built-in UI, no addon), against the 5 ms goal;
(b) ``CHAT_MSG_WHISPER`` dispatch through the client (``fire``) and a full incoming whisper
    (``whisper_from``: transcript, chat log, event), vs a raw lupa call of the same handler.

Run: ``python benchmarks/bench_client.py [ADDON_DIR]``. Prints ratios; goal (a) <= 3x,
(b) >= 25% of the raw rate, (c) < 5 ms. Every client uses the built-in UI, whatever
``MGM_FRAMEXML_DIR`` says (a FrameXML client is measured by ``bench_framexml.py``).
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import lupa.lua51 as lua51

from mgm_addon_contract._resources import reference_addon_dir
from wowapi_stubs import ClientSettings, HeadlessClient, WhoEntry, parse_toc


def per_call(fn: Callable[[], object], *, seconds: float = 0.25, rounds: int = 5) -> float:
    """Best mean seconds per call over ``rounds`` windows (the least disturbed window)."""
    fn()
    best = float("inf")
    for _ in range(rounds):
        calls, start = 0, time.perf_counter()
        while (elapsed := time.perf_counter() - start) < seconds:
            for _ in range(10):
                fn()
            calls += 10
        best = min(best, elapsed / calls)
    return best


def paired(a: Callable[[], object], b: Callable[[], object]) -> tuple[float, float]:
    """Measure ``a`` and ``b`` alternately so machine load hits both alike."""
    best_a, best_b = float("inf"), float("inf")
    for _ in range(4):
        best_a = min(best_a, per_call(a, rounds=2))
        best_b = min(best_b, per_call(b, rounds=2))
    return best_a, best_b


# What a bare runtime gives a global nobody set: one table that every call, field read and
# assignment accepts (one Lua metamethod each), so a file runs to its end without a WoW API.
_STAND_IN = (b"local any = setmetatable({}, { __call = function(self) return self end,"
             b" __index = function(self) return self end, __newindex = function() end })"
             b" setmetatable(_G, { __index = function() return any end })")


def bare_load(files: list[tuple[str, bytes]], addon: str, *, stand_in: bool = True) -> None:
    runtime = lua51.LuaRuntime(encoding=None, register_eval=False)
    runtime.execute(b"print = function() end")
    if stand_in:
        runtime.execute(_STAND_IN)
    run = runtime.execute(b"return function(code, name, addon, private)"
                          b" local f = assert(loadstring(code, name));"
                          b" return pcall(f, addon, private) end")
    private = runtime.table()
    for name, code in files:
        run(code, name, addon, private)


def runs_to_end(files: list[tuple[str, bytes]], addon: str) -> bool:
    """Whether every file runs without an error in the bare runtime with the stand-in."""
    runtime = lua51.LuaRuntime(encoding=None, register_eval=False)
    runtime.execute(b"print = function() end")
    runtime.execute(_STAND_IN)
    run = runtime.execute(b"return function(code, name, addon, private)"
                          b" local f = assert(loadstring(code, name));"
                          b" return (pcall(f, addon, private)) end")
    private = runtime.table()
    return all(run(code, name, addon, private) for name, code in files)


def main() -> None:
    addon_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else reference_addon_dir()
    toc = parse_toc(addon_dir)
    files = [(f"@{toc.addon_name}\\{e.written}".encode(), e.path.read_bytes())
             for e in toc.entries if e.path is not None]
    wow_dir = Path(tempfile.mkdtemp(prefix="bench-wow-"))
    settings = ClientSettings(wow_dir=wow_dir, chatlog_flush="logout", framexml_dir=None)

    def client_load() -> HeadlessClient:
        client = HeadlessClient(settings)
        client.load_addon(addon_dir)
        return client

    loaded, bare = paired(client_load, lambda: bare_load(files, toc.addon_name))
    whole = "to their end" if runs_to_end(files, toc.addon_name) else "(stopped by an error)"
    print(f"(a) client + addon load: {loaded * 1e3:8.3f} ms | bare lupa running the same files"
          f" {whole}: {bare * 1e3:8.3f} ms | ratio {loaded / bare:5.2f}x (goal <= 3x)")
    loaded, stopped = paired(client_load,
                             lambda: bare_load(files, toc.addon_name, stand_in=False))
    print(f"    bare lupa without the stand-in (stops at the first API call): {stopped * 1e3:8.3f}"
          f" ms | ratio {loaded / stopped:5.2f}x")
    # The same without reusing compiled files: every client parses the addon's source, as
    # the first client of a process does.
    cold_settings = ClientSettings(wow_dir=wow_dir, chatlog_flush="logout",
                                   reuse_compiled_files=False, framexml_dir=None)

    def cold_load() -> None:
        HeadlessClient(cold_settings).load_addon(addon_dir)

    cold, bare = paired(cold_load, lambda: bare_load(files, toc.addon_name))
    print(f"    compiling every time: {cold * 1e3:7.3f} ms | bare: {bare * 1e3:8.3f} ms |"
          f" ratio {cold / bare:5.2f}x")

    fresh = per_call(lambda: HeadlessClient(settings), rounds=8)
    print(f"(c) fresh client (full API table, built-in UI): {fresh * 1e3:7.3f} ms (goal < 5 ms)")

    client = client_load()
    client.set_world_roster([WhoEntry("Norinn")])
    frames = [f for f in client._event_frames.get("CHAT_MSG_WHISPER", [])
              if "OnEvent" in f.scripts]
    if not frames:
        print("(b) the addon registers no CHAT_MSG_WHISPER handler; nothing to measure")
        return
    frame = frames[0]
    handler = frame.scripts["OnEvent"]
    args = (b"!twgold", b"Norinn", b"Common", b"", b"Streamer", b"", 0, 0, b"", 0, 1, b"0x0")
    raw, fired = paired(
        lambda: handler(frame.lua, b"CHAT_MSG_WHISPER", *args),
        lambda: client.fire("CHAT_MSG_WHISPER", "!twgold", "Norinn", "Common", "", "Streamer",
                            "", 0, 0, "", 0, 1, "0x0"))
    whisper = per_call(lambda: client.whisper_from("Norinn", "!twgold"))
    print(f"(b) raw lupa handler call: {1 / raw:10.0f}/s | client.fire: {1 / fired:10.0f}/s"
          f" ({raw / fired:6.1%} of raw, goal >= 25%) | client.whisper_from: {1 / whisper:8.0f}/s"
          f" ({raw / whisper:6.1%} of raw)")
    client.close()


if __name__ == "__main__":
    main()
