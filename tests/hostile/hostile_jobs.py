"""The hostile-addon corpus: one small addon per class of attack on the headless client,
and the job that loads one in an isolation worker and reports what happened.

Each entry: files of the addon (``.toc`` order), what the report must contain, and what it
must never contain (host secrets). Folders are written by :func:`write_addon`.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from wowapi_stubs import ClientSettings, HeadlessClient

CPU_LIMIT = 0.2
SECRET = "HOST-SECRET-5d21"
NESTED = 'local f = CreateFrame("Frame") f:Hide() f:SetScript("OnShow", function() end) '


@dataclass(frozen=True)
class Hostile:
    files: dict[str, str]
    expect: str | tuple[str, ...]  # text some error or finding must contain (one of them)
    links: dict[str, str] = field(default_factory=dict)  # name in the addon -> "outside/..."
    sparse: dict[str, int] = field(default_factory=dict)  # name -> size of a sparse file


CORPUS: dict[str, Hostile] = {
    "debug-trap": Hostile({"a.lua": 'debug = setmetatable({}, {__index = function() '
                           'error("trap") end})\n' + NESTED +
                           'for i = 1, 3000 do f:Show() f:Hide() end error("survived")'},
                          "survived"),
    "g-index-loops-on-debug": Hostile({"a.lua": 'setmetatable(_G, {__index = function(_, k) '
                                       'while true do end end})\n' + NESTED +
                                       'for i = 1, 300 do f:Show() f:Hide() end '
                                       'error("survived")'}, "survived"),
    "thread-globals-trap": Hostile({"a.lua": 'setfenv(0, setmetatable({}, {__index = '
                                    'function() error("trap") end}))\n' + NESTED +
                                    'for i = 1, 300 do f:Show() f:Hide() end '
                                    'error("survived")'}, "survived"),
    "pattern-recursion": Hostile({"a.lua": 'local r = string.find(string.rep("a", 4e5), '
                                  'string.rep("a?", 4e5)) return r'},
                                 "pattern too complex (more than 200"),
    "pattern-backtracking": Hostile({"a.lua": 'local r = string.find(string.rep("a", 3e4), '
                                     '"(.-)(.-)(.-)b") return r'},
                                    "script ran too long"),
    "gc-finalizer-loop": Hostile({"a.lua": 'local u = newproxy(true) getmetatable(u).__gc = '
                                  'function() while true do end end u = nil '
                                  'collectgarbage() collectgarbage()\n'
                                  'HOG = {} for i = 1, 100 do local v = newproxy(true) '
                                  'getmetatable(v).__gc = function() while true do end end '
                                  'HOG[i] = v end'}, "script ran too long"),
    "xpcall-handler-loop": Hostile({"a.lua": 'while true do xpcall(function() error("a") end, '
                                    'function() while true do end end) end'},
                                   "script ran too long"),
    "error-handler-loop": Hostile({"a.lua": 'seterrorhandler(function() while true do end '
                                   'end) while true do end'}, "script ran too long"),
    "coroutine-then-pcall-loop": Hostile({"a.lua": 'local co = coroutine.create(function() '
                                          'while true do end end) coroutine.resume(co) '
                                          'while true do pcall(function() for i = 1, 1e9 do '
                                          'end end) end'}, "script ran too long"),
    "host-call-loop": Hostile({"a.lua": 'for i = 1, 1e9 do GetTime() end'},
                              "script ran too long"),
    "sort-in-c": Hostile({"a.lua": 'T = {} for i = 1, 2e5 do T[i] = (i * 7919) % 1000003 end',
                          "b.lua": 'for i = 1, 50 do table.sort(T) table.sort(T, function(a, b)'
                          ' return a > b end) end'}, "script ran too long"),
    "huge-chunk": Hostile({"a.lua": 'local f, e = loadstring(string.rep(" ", 17 * 1024 * 1024))'
                           ' error(e)'}, "larger than the client loads"),
    "error-object-tostring-loops": Hostile({"a.lua": 'error(setmetatable({}, {__tostring = '
                                            'function() while true do end end}))'},
                                           "error object is a table value"),
    "python-object-in-error": Hostile({"a.lua": 'seterrorhandler(function(e) KIND = type(e) '
                                       'end) local ok, e = pcall(CreateFrame, {}) '
                                       'error("kind " .. type(e))'}, "kind string"),
    "deep-recursion": Hostile({"a.lua": 'local function f(n) return 1 + f(n + 1) end f(1)'},
                              "a.lua:1: stack overflow"),
    "script-reruns-itself-through-the-api": Hostile(
        {"a.lua": 'local f = CreateFrame("Frame") f:Hide() f:SetScript("OnShow", '
                  'function(self) self:Hide() self:Show() end) f:Show()'},
        "stack overflow (calls nested too deeply between Lua and the client)"),
    "hook-reruns-its-target": Hostile(
        {"a.lua": 'hooksecurefunc("CreateFrame", function() CreateFrame("Frame") end) '
                  'CreateFrame("Frame")'},
        "Hostile\\a.lua:1: stack overflow"),  # the client's own wrapper is not named
    "server-reply-answered-by-asking-again": Hostile(
        {"a.lua": 'local f = CreateFrame("Frame") f:RegisterEvent("CHAT_MSG_SYSTEM") '
                  'f:SetScript("OnEvent", function() SendChatMessage("x", "WHISPER", nil, '
                  '"Nobody") end) SendChatMessage("x", "WHISPER", nil, "Nobody")'},
        "the rest run with the next frame"),
    "text-changed-sets-its-own-text": Hostile(
        {"a.lua": 'local e = CreateFrame("EditBox") e:SetScript("OnTextChanged", '
                  'function(self) self:SetText(self:GetText() .. "x") end) e:SetText("a")'},
        "the rest run with the next frame"),
    "chat-filter-sends-what-it-filters": Hostile(
        {"a.lua": 'ChatFrame_AddMessageEventFilter("CHAT_MSG_SYSTEM", function() '
                  'SendChatMessage("x", "WHISPER", nil, "Nobody") end) '
                  'SendChatMessage("x", "WHISPER", nil, "Nobody")'},
        "stack overflow (calls nested too deeply between Lua and the client)"),
    "gsub-replacement-recursion": Hostile({"a.lua": 'local function f(s) return (s:gsub(".", '
                                          'f)) end f(string.rep("a", 100))'},
                                          "C stack overflow"),
    "string-metatable-loop": Hostile({"a.lua": 'getmetatable("").__index = function() while '
                                      'true do end end local n = ("a"):len()'},
                                     "script ran too long"),
    "yield-across-pcall-loop": Hostile({"a.lua": 'local co = coroutine.create(function() for i'
                                        ' = 1, 1e9 do pcall(coroutine.yield) end end) '
                                        'while true do coroutine.resume(co) end'},
                                       "script ran too long"),
    # Which limit comes first depends on the machine: both contain it.
    "doubling-concatenation": Hostile({"a.lua": 'local s = "x" for i = 1, 40 do s = s .. s end'},
                                      ("not enough memory", "script ran too long")),
    "host-libraries-and-bytecode": Hostile({"a.lua": 'local f, e = loadstring("\\27Lua\\81\\0")'
                                            ' error(tostring(os) .. tostring(io) .. '
                                            'tostring(debug) .. tostring(require) .. " " .. e)'},
                                           "nilnilnilnil binary chunks are not loadable"),
    "error-object-tostring-errors": Hostile({"a.lua": 'error(setmetatable({}, {__tostring = '
                                             'function() error("inner") end}))'},
                                            "error object is a table value"),
    "symlink-to-host-file": Hostile({"ok.lua": "OK = true"}, "leads outside the addon folder",
                                    links={"secret.lua": "outside/secret.lua"}),
    "symlinked-root": Hostile({"ok.lua": "OK = true"}, "leads outside the addon folder",
                              links={"root": "outside"}),
    "huge-sparse-file": Hostile({"ok.lua": "OK = true"}, "a file may have at most",
                                sparse={"huge.lua": 8 * 1024**3}),
}
ORDER = {"symlink-to-host-file": ["ok.lua", "secret.lua"],
         "symlinked-root": ["root/secret.lua", "ok.lua"],
         "huge-sparse-file": ["huge.lua", "ok.lua"]}


def write_addon(base: Path, name: str) -> Path:
    """Write the corpus entry ``name`` as ``base/AddOns/Hostile`` (host secrets beside it)."""
    hostile = CORPUS[name]
    outside = base / "outside"
    outside.mkdir(parents=True, exist_ok=True)
    (outside / "secret.lua").write_text(f'print("{SECRET}")\n', encoding="utf-8")
    folder = base / "AddOns" / "Hostile"
    folder.mkdir(parents=True)
    for file, code in hostile.files.items():
        (folder / file).write_text(code, encoding="utf-8")
    for link, target in hostile.links.items():
        (folder / link).symlink_to(base / target)
    for file, size in hostile.sparse.items():
        with open(folder / file, "wb") as handle:
            handle.truncate(size)
    listing = "\n".join(ORDER.get(name, list(hostile.files)))
    (folder / "Hostile.toc").write_text(f"## Interface: 30300\n{listing}\n", encoding="utf-8")
    return folder


def load_hostile(folder: Path) -> dict[str, object]:
    """Job: load the addon, deliver a few events, close; time the longest step in CPU.
    (Plain data: a worker's result is read with an allowlist of types.)"""
    longest = 0.0
    with HeadlessClient(ClientSettings(cpu_limit_seconds=CPU_LIMIT)) as client:
        for action in (lambda: client.load_addon(folder), lambda: client.fire("PLAYER_LOGIN"),
                       lambda: client.eval_lua("return 1"), lambda: client.advance(1.0)):
            started = time.process_time()
            action()
            longest = max(longest, time.process_time() - started)
        messages = [e.message for e in client.errors] + [f.message for f in client.findings]
        log = client.chatlog_path.read_text("utf-8") if client.chatlog_path.exists() else ""
        chat = client.chat_texts()
    return {"messages": messages, "chat": chat, "log": log, "longest_entry": longest,
            "environment": sorted(os.environ)}


# -- jobs that break the worker itself (the watchdog and crash reports are tested with them)
def segfault_in_entry(label: bytes) -> None:
    """A C-level crash while a Lua entry runs (what a VM bug would do)."""
    import ctypes

    from wowapi_stubs import runtime

    runtime.ENTRY_WATCH.enter(label)
    ctypes.string_at(0)


def spin_in_entry(label: bytes) -> None:
    """A C-level hang while a Lua entry runs: no hook can stop it, the watchdog must."""
    from wowapi_stubs import runtime

    runtime.ENTRY_WATCH.enter(label)
    while True:
        pass


def many_short_entries(seconds: float) -> int:
    """Enter and leave Lua entries as fast as possible for ``seconds`` of CPU (a FrameXML
    client runs thousands a second); how many."""
    from wowapi_stubs import runtime

    watch, count = runtime.ENTRY_WATCH, 0
    end = time.process_time() + seconds
    while time.process_time() < end:
        for _ in range(100):
            watch.enter(b"Frame:OnUpdate")
            watch.leave()
        count += 100
    return count


def allocate(gib: int) -> int:
    return len(bytearray(gib * 1024**3))


def unsafe_result() -> object:
    return os.system  # a function: the parent's allowlist refuses it


def add(a: int, b: int) -> int:
    return a + b


FLOODS = {
    "chat-flood": 'local s = string.rep("x", 1000) for i = 1, 20000 do print(s .. i) end',
    "sound-flood": 'local s = string.rep("s", 100000) for i = 1, 3000 do PlaySoundFile(s .. i) '
                   'end',
    "frame-flood": 'for i = 1, 3000 do CreateFrame("Frame") end',
    "huge-text": 'local f = CreateFrame("Frame"):CreateFontString() '
                 'f:SetText(string.rep("t", 3 * 1024 * 1024))',
}


def flood(code: str) -> dict[str, object]:
    """Job: run ``code`` under small log bounds; what the client kept and dropped."""
    settings = ClientSettings(log_max_items=5000, log_max_bytes=4 * 1024 * 1024,
                              max_widgets=2000)
    with HeadlessClient(settings) as client:
        client.eval_lua(code)
        kept = sum(len(getattr(client, name)) for name in ("chat", "sounds", "errors"))
        return {"dropped": client.dropped(), "kept": kept, "widgets": len(client.widgets),
                "messages": [e.message for e in client.errors]
                + [f.message for f in client.findings]}


CRASHING_SCENARIO = "gift"


def scenario_crashing_one(addon: Path, steps: object, name: str, *args: object) -> object:
    """Job standing for ``run_scenario``: the scenario named ``CRASHING_SCENARIO`` crashes
    the worker (as a Lua VM bug would) while an entry runs; the others run as usual."""
    from mgm_addon_contract.scenarios.runner import run_scenario

    if name == CRASHING_SCENARIO:
        segfault_in_entry(b"Frame:OnEvent(CHAT_MSG_WHISPER)")
    return run_scenario(addon, steps, name, *args)


def load_crashing_at_line_3(folder: Path) -> list[object]:
    """Job: load ``folder`` in a client where ``PlaySound("crash")`` takes the process down
    in C (as a VM bug would): an addon calling it on line 3 of ``a.lua`` ends the worker."""
    import ctypes

    from wowapi_stubs.api import misc

    text = misc.lua_text

    def crashing(value: object, *args: object, **kwargs: object) -> str:
        if value == b"crash":
            ctypes.string_at(0)
        return text(value, *args, **kwargs)

    misc.lua_text = crashing
    with HeadlessClient() as client:
        return client.load_addon(folder).errors
