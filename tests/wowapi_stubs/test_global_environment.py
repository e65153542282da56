"""Addon code runs in the addon-visible global table, never in the Lua state's own one.

lupa reads the state's global table outside any protected call (it looks up ``debug``
before every call from Python), so nothing an addon does to ``_G``, ``debug`` or their
metatables may reach it; inside addon code ``_G`` still behaves as the client's globals.
"""

from __future__ import annotations

import pytest

from wowapi_stubs import HeadlessClient


def test_g_is_the_addon_globals_everywhere(client: HeadlessClient) -> None:
    assert client.eval_lua("return _G == getfenv(0), _G == getfenv(1), _G == getfenv(), "
                           "_G._G == _G") == (True, True, True, True)
    assert client.eval_lua('return _G["CreateFrame"] == CreateFrame, type(_G.UIParent), '
                           "type(_G.strsplit), type(_G.SendMailFrame_SendMail)") == (
        True, "table", "function", "function")
    # C functions and the client's own Lua functions report G as their environment.
    assert client.eval_lua("return getfenv(print) == _G, getfenv(string.find) == _G, "
                           "getfenv(CreateFrame) == _G, getfenv(strsplit) == _G") == (
        True, True, True, True)


def test_the_level_above_an_entry_is_the_client_with_its_globals(client: HeadlessClient) -> None:
    # Handlers, /run lines and files are called by the client (from C in the real one), so
    # getfenv(2) in them names the globals; Lua's own tail-call error stays for addon code.
    client.type_line("/run RUN_ENV = getfenv(2) == _G")
    client.eval_lua("""
      local f = CreateFrame("Frame")
      f:SetScript("OnEvent", function() EVENT_ENV = getfenv(2) == _G end)
      f:RegisterEvent("PLAYER_TARGET_CHANGED")""")
    client.fire("PLAYER_TARGET_CHANGED")
    assert (client.global_value("RUN_ENV"), client.global_value("EVENT_ENV")) == (True, True)
    assert client.eval_lua("""
      local function h() local env = getfenv(2) return env end
      local function g() return h() end
      return select(2, pcall(g))""") == "(eval):2: no function environment for tail call at level 2"
    assert not client.errors


def test_globals_set_from_python_and_from_lua_are_the_same_table(client: HeadlessClient) -> None:
    client.runtime.setglobal("FromPython", 7)
    client.eval_lua("FromLua = FromPython + 1")
    assert client.global_value("FromLua") == 8
    assert client.eval_lua('return rawget(_G, "FromPython")') == 7
    client.eval_lua('CreateFrame("Frame", "NamedFrame")')
    assert client.eval_lua("return _G.NamedFrame:GetName()") == "NamedFrame"


def test_nothing_of_the_host_is_listed_in_g(client: HeadlessClient) -> None:
    names = client.eval_lua("local t = {} for k in pairs(_G) do t[#t + 1] = k end return t")
    assert "debug" not in names and "python" not in names and "io" not in names
    assert "P" not in names and "host" not in names
    assert {"CreateFrame", "SendMail", "UIParent", "strsplit", "string", "_G"} <= set(names)


def test_setfenv_on_addon_functions_works_as_in_lua_5_1(client: HeadlessClient) -> None:
    assert client.eval_lua("""
        local function f() return Answer end
        setfenv(f, { Answer = 42 })
        local function g()
          setfenv(1, setmetatable({ Local = 1 }, { __index = _G }))
          return Local, type(CreateFrame)
        end
        local a, b = g()
        return f(), a, b, getfenv(f).Answer
    """) == (42, 1, "function", 42)


def test_client_and_c_functions_keep_their_environment(client: HeadlessClient) -> None:
    for target in ("CreateFrame", "strsplit", "print", "string.find"):
        client.errors.clear()
        assert client.eval_lua(f"setfenv({target}, {{}})") is None
        assert "cannot change environment" in client.errors[-1].message
    assert client.eval_lua('return type(CreateFrame("Frame"))') == "table"


def test_setfenv_0_changes_what_new_chunks_and_getfenv_0_see(client: HeadlessClient) -> None:
    assert client.eval_lua("""
        local mine = setmetatable({ Mine = true }, { __index = _G })
        setfenv(0, mine)
        local chunk = loadstring("return Mine, getfenv(0) == getfenv(1)")
        local a, b = chunk()
        setfenv(0, _G)
        return a, b, getfenv(0) == _G
    """) == (True, True, True)
    # The client still works: lupa's own lookups never saw the addon's table.
    assert client.eval_lua("return 1 + 1") == 2


def test_coroutines_start_with_their_creators_globals(client: HeadlessClient) -> None:
    assert client.eval_lua("""
        local mine = setmetatable({}, { __index = _G })
        setfenv(0, mine)
        local co = coroutine.create(function() return getfenv(0) end)
        setfenv(0, _G)
        local _, seen = coroutine.resume(co)
        return seen == mine
    """) is True


@pytest.mark.parametrize("hostile", [
    'debug = setmetatable({}, {__index = function() error("x") end})',
    'debug = {traceback = function() while true do end end}',
    'setmetatable(_G, {__index = function(_, k) error("no " .. tostring(k)) end})',
    'setmetatable(_G, {__index = function(_, k) while true do end end})',
])
def test_what_an_addon_does_to_its_globals_never_reaches_the_host(
        client: HeadlessClient, make_addon, hostile: str) -> None:
    folder = make_addon("Hostile", {"a.lua": hostile + "\nHOSTILE_LOADED = true",
                                    "b.lua": 'F = CreateFrame("Frame") F:RegisterEvent("E")'
                                    ' F:SetScript("OnEvent", function(_, _, n)'
                                    ' rawset(_G, "COUNT", (rawget(_G, "COUNT") or 0) + n) end)'})
    client.load_addon(folder)
    # Python keeps calling into Lua: every call still works.
    for _ in range(300):
        client.fire("E", 1)
    assert client.runtime.rawglobal("COUNT") == 300
    assert client.runtime.rawglobal("HOSTILE_LOADED") is True


def test_a_thread_global_table_set_by_an_addon_never_reaches_the_host(
        client: HeadlessClient) -> None:
    client.eval_lua('setfenv(0, setmetatable({}, {__index = function() error("x") end}))')
    # New chunks now see the addon's table (as in the client) and fail in Lua; the host's
    # calls into Lua are unaffected.
    for _ in range(300):
        client.eval_lua("return Anything")
    assert len(client.errors) == 300 and client.errors[-1].message.endswith("x")
    client.runtime.setglobal("Still", 1)
    assert client.runtime.rawglobal("Still") == 1


def test_c_functions_made_on_first_read_are_there_for_every_way_of_reading(
        client: HeadlessClient) -> None:
    # debugstack, print, the trigonometry globals... (_lua/lualib_extra.lua) are made when
    # first read: a read, rawget(_G, name) and the host see them alike.
    assert "lualib_extra.lua" not in client.loaded_chunks
    assert client.eval_lua('return type(rawget(_G, "debuglocals")), sin(90), deg(math.pi)') == (
        "function", 1, 180)
    assert "lualib_extra.lua" in client.loaded_chunks
    assert client.eval_lua("return getfenv(debugstack) == _G, type(print), PI == math.pi") == (
        True, "function", True)
    client.eval_lua('print("shown", 2)')
    assert client.chat_texts()[-1] == "shown 2"


def test_a_c_function_chunk_made_late_keeps_what_addon_code_defined_first(
        client: HeadlessClient) -> None:
    # As if the chunk had run at start, before the addon: the addon's print stays its own.
    client.eval_lua("function print(...) PRINTED = select('#', ...) end")
    assert client.eval_lua("return type(debugstack(1, 1, 0))") == "string"
    client.eval_lua('print("a", "b")')
    assert client.global_value("PRINTED") == 2
    assert "a b" not in client.chat_texts()
    assert client.eval_lua('return rawget(_G, "strlenutf8")("Привет")') == 6
