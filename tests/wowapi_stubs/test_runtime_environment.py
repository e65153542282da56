"""The 3.3.5a Lua environment: Lua 5.1 only, WoW aliases present, host doors closed."""

from __future__ import annotations

import pytest

from wowapi_stubs import HeadlessClient


def test_lua_is_5_1(client: HeadlessClient) -> None:
    assert client.eval_lua("return _VERSION") == "Lua 5.1"
    assert client.eval_lua("return type(setfenv), type(unpack), type(loadstring)") == (
        "function", "function", "function")


@pytest.mark.parametrize("name", ["io", "os", "require", "package", "loadfile", "dofile",
                                  "debug", "python", "module"])
def test_host_doors_are_closed(client: HeadlessClient, name: str) -> None:
    assert client.eval_lua(f"return type({name})") == "nil"


def test_string_dump_and_binary_chunks_are_refused(client: HeadlessClient) -> None:
    assert client.eval_lua("return string.dump") is None
    refused = client.eval_lua(r'return loadstring("\27Lua")')
    assert refused == (None, "binary chunks are not loadable")


@pytest.mark.parametrize("name", ["strlen", "strsub", "strfind", "strmatch", "gmatch", "gsub",
                                  "strrep", "strbyte", "strchar", "strlower", "strupper",
                                  "format", "strsplit", "strjoin", "strtrim", "strrev",
                                  "tinsert", "tremove", "sort", "wipe", "floor", "ceil", "abs",
                                  "max", "min", "sqrt", "random", "mod", "date", "time",
                                  "difftime", "GetTime", "debugstack", "geterrorhandler",
                                  "seterrorhandler", "securecall", "issecure",
                                  "hooksecurefunc"])
def test_wow_aliases_exist(client: HeadlessClient, name: str) -> None:
    assert client.eval_lua(f"return type({name})") == "function"


def test_bit_library_and_table_wipe(client: HeadlessClient) -> None:
    assert client.eval_lua("return bit.band(12, 10), bit.bor(12, 10), bit.lshift(1, 4)") == (
        8, 14, 16)
    assert client.eval_lua("return table.wipe == wipe") is True


def test_strsplit_strtrim_strjoin_behave_like_the_client(client: HeadlessClient) -> None:
    assert client.eval_lua('return strsplit(":", "a:b::c")') == ("a", "b", "", "c")
    assert client.eval_lua('return strsplit(":", "a:b:c", 2)') == ("a", "b:c")
    assert client.eval_lua('return strtrim("  \\t x y \\n")') == "x y"
    assert client.eval_lua('return strtrim("xxhixx", "x")') == "hi"
    assert client.eval_lua('return strjoin("-", "a", "b", "c")') == "a-b-c"


def test_lower_changes_ascii_only(client: HeadlessClient) -> None:
    assert client.eval_lua('return string.lower("AbC Норинн")') == "abc Норинн"


def test_lua_53_syntax_fails_with_position(client: HeadlessClient) -> None:
    assert client.eval_lua("return 7 // 2") is None
    assert "(eval):1:" in client.errors[-1].message


def test_python_objects_are_unreachable_from_lua(client: HeadlessClient) -> None:
    # API functions are Lua closures; widget tables hold an opaque userdata.
    assert client.eval_lua("return type(SendMail), type(UIParent[0])") == ("function", "userdata")
    assert client.eval_lua("return getmetatable(UIParent[0])") is None
    client.eval_lua("return UIParent[0].__class__")
    assert client.errors, "indexing the widget userdata must fail"


SORT_FAILURES = [
    "local t = {} for i = 1, 1000 do t[i] = i end table.sort(t, function() return true end)",
    "table.sort(nil)",
    "table.sort({1, 2}, 5)",
    "table.sort({{}, {}})",
    "local t = {} for i = 1, 30000 do t[i] = {} end table.sort(t)",  # the Lua comparator path
    "table.sort({3, 2, 1}, function() error('mine') end)",
]


@pytest.mark.parametrize("code", SORT_FAILURES)
def test_table_sort_fails_with_lua_5_1_words_and_place(client: HeadlessClient, code: str) -> None:
    import lupa.lua51 as lua51

    plain = lua51.LuaRuntime(encoding=None)
    first_error = plain.eval(
        "function(code) return select(2, pcall(loadstring(code, '=(eval)'))) end")
    expected = first_error(code.encode()).decode()
    assert client.eval_lua(f"return select(2, pcall(function()\n{code}\nend))") == (
        expected.replace("(eval):1:", "(eval):2:"))
