"""Pattern functions: guarded against C-stack overflow and runaway backtracking, equal to
Lua 5.1's own results otherwise, and ASCII-only under any host locale."""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from wowapi_stubs import HeadlessClient

COMPARE = b"""
local P = ...
return function(fname, s, p, extra)
  local raw, guarded = P.raw_patterns, string[fname]
  local function pack(ok, ...) return { ok = ok, n = select("#", ...), ... } end
  local a, b
  if fname == "gmatch" then
    local function collect(f)
      local out = {}
      for x, y in f(s, p) do
        out[#out + 1] = tostring(x) .. "|" .. tostring(y)
        if #out > 50 then break end
      end
      return table.concat(out, ",")
    end
    a, b = pack(pcall(collect, raw.gmatch)), pack(pcall(collect, guarded))
  else
    a, b = pack(pcall(raw[fname], s, p, extra)), pack(pcall(guarded, s, p, extra))
  end
  if not b.ok and raw.find(tostring(b[1]), "too complex", 1, true) then return "refused" end
  if a.ok ~= b.ok then return "ok: " .. tostring(a[1]) .. " / " .. tostring(b[1]) end
  if not a.ok then
    return a[1] == b[1] and "same" or ("message: " .. tostring(a[1]) .. " / " .. tostring(b[1]))
  end
  if a.n ~= b.n then return "count: " .. a.n .. " / " .. b.n end
  for i = 1, a.n do
    if a[i] ~= b[i] then return "value " .. i .. ": " .. tostring(a[i]) end
  end
  return "same"
end
"""


def _random_pattern(rng: random.Random) -> str:
    atoms = ["a", "b", ".", "%a", "%d", "[ab]", "[^a]", "%s", ",", "x", "[a-c]", "%W", "[%d_]",
             "[]]", "%)"]
    quantifiers = ["", "", "*", "+", "-", "?"]
    parts = ["^"] if rng.random() < 0.2 else []
    for _ in range(rng.randint(1, 5)):
        roll = rng.random()
        if roll < 0.15:
            parts.append("(" + rng.choice(atoms) + rng.choice(quantifiers) + ")")
        elif roll < 0.2:
            parts.append("()")
        elif roll < 0.25:
            parts.append("%b()")
        elif roll < 0.28:
            parts.append("%f[%a]")
        elif roll < 0.31:
            parts.append("%1")
        else:
            parts.append(rng.choice(atoms) + rng.choice(quantifiers))
    return "".join(parts) + ("$" if rng.random() < 0.2 else "")


@pytest.mark.parametrize("budget", [1000, 1])
def test_guarded_functions_return_what_lua_returns_on_every_path(budget: int) -> None:
    # A tiny step budget sends most calls down the scanning path (one anchored C call per
    # start position); a budget of one step, to the matcher written in Lua. Their results
    # must equal Lua's own, case by case.
    with HeadlessClient() as client:
        client.runtime.fn.set_pattern_budget(budget)
        fn, error = client.runtime.compile(COMPARE, "=compare")
        compare = fn(client.runtime.P)
        rng = random.Random(14)
        verdicts: dict[str, int] = {}
        for _ in range(1500):
            fname = rng.choice(["find", "match", "gmatch", "gsub"])
            subject = "".join(rng.choice("aab ,1x()") for _ in range(rng.randint(0, 30)))
            extra = (rng.choice([None, 1, 3, -2, 0, 40]) if fname in ("find", "match")
                     else rng.choice([b"<%0>", b"%1", b"-", b"%%"]) if fname == "gsub"
                     else None)
            verdict = compare(fname.encode(), subject.encode(),
                              _random_pattern(rng).encode(), extra).decode()
            verdicts[verdict if verdict in ("same", "refused") else "differs"] = \
                verdicts.get(verdict, 0) + 1
            assert verdict in ("same", "refused"), (fname, subject, verdict)
        scans, in_lua = client.runtime.fn.pattern_scans()
        assert (in_lua if budget == 1 else scans - in_lua) > 300
        assert verdicts["same"] > 900


# Calls Lua 5.1 refuses, each made as `string.f(...)`, `s:f(...)` and through a local alias.
FAILING_CALLS = [
    ("find", "nil, 'a'"), ("find", "'x'"), ("find", ""), ("find", "{}, 'a'"), ("find", "'a', {}"),
    ("find", "'a', 'a', 'z'"), ("find", "'x', '('"), ("find", "'x', '%'"), ("find", "'x', '[a'"),
    ("find", "'x', '%1'"), ("find", "'x', 'x%f'"), ("find", "'x', '(x))'"), ("find", "'x', 'x(()'"),
    ("find", "'x', 'x' .. string.rep('()', 33)"), ("match", ""), ("match", "'x', '%b'"),
    ("match", "'xy', 'x(y'"), ("gmatch", "nil, 'a'"), ("gmatch", "'x', {}"), ("gsub", "'x'"),
    ("gsub", "'x', 'a'"), ("gsub", "'x', 'x', true"), ("gsub", "'x', 'x', '%2'"),
    ("gsub", "'x', '(x)', '%2'"), ("gsub", "'x', '(x)', {x = true}"),
    ("gsub", "'x', 'x', function() return {} end"), ("gsub", "'x', 'x', 'y', 'n'"),
    ("gsub", "'ab', '[b', 'c'"), ("lower", ""), ("upper", "{}"), ("rep", ""),
]
LONG = "string.rep('ab', 300)"  # long enough for the scanning path under a small budget


def _forms(fname: str, args: str) -> list[str]:
    """Statements making the call, each ending in `local r = <call>`."""
    forms = [f"local r = string.{fname}({args})", f"local f = string.{fname}\n local r = f({args})"]
    if args and not args.startswith(("nil", "{}")):
        first, _, rest = args.partition(", ")
        forms.append(f"local s = {first}\n local r = s:{fname}({rest})")
        forms.append(f"local s = {LONG} .. {first}\n local r = s:{fname}({rest})")
    return forms


def _error_of(run: object, code: str) -> str:
    return run(f"local ok, e = pcall(function()\n {code}\n end) return e")


def test_errors_read_as_lua_5_1_words_them_at_the_callers_line() -> None:
    import lupa.lua51 as lua51
    plain = lua51.LuaRuntime(encoding=None)
    plain_run = plain.eval("function(code) return loadstring(code, '=(eval)')() end")
    with HeadlessClient() as client:
        client.runtime.fn.set_pattern_budget(1000)
        for fname, args in FAILING_CALLS:
            for code in _forms(fname, args):
                expected = _error_of(lambda c: plain_run(c.encode()), code)
                assert expected, code  # each case fails in plain Lua 5.1
                got = _error_of(client.eval_lua, code)
                assert got == expected.decode(), code


def test_a_tail_called_guard_names_the_function_and_the_nearest_addon_line() -> None:
    # Lua 5.1 keeps the caller's frame when it tail-calls a C function; the guard is a Lua
    # function, so that frame is gone: the library name and the nearest addon line remain.
    with HeadlessClient() as client:
        got = client.eval_lua("local ok, e = pcall(function()\n return ('x'):find() end)\n"
                              "return e")
        assert got == "(eval):1: bad argument #2 to 'find' (string expected, got no value)"


REALISTIC = {
    "lines": ('local t = {} for i = 1, 20000 do t[i] = "line " .. i end '
              'local s = table.concat(t, "\\n") .. "\\n" local n = 0 '
              'for l in s:gmatch("(.-)\\n") do n = n + 1 end '
              'local _, k = s:gsub("(.-)\\n", "%1;") return n + k', 40000),
    "trim": ('local s = "   " .. string.rep("word ", 2000) .. "  " '
             'return #s:match("^%s*(.-)%s*$")', 9999),
    "fields": ('local s = string.rep("x", 120) .. ":" .. string.rep("y", 120) .. ":zz" '
               'local a, b, c = s:match("^(.-):(.-):(.-)$") return #a + #b + #c', 242),
    "digits": ('return #string.rep("7", 100000):match("(%d+)")', 100000),
    "serialized": ('local s = string.rep("^Skey^N12^T", 5000) local n = 0 '
                   'for k, v in s:gmatch("%^(.)([^%^]*)") do n = n + 1 end return n', 15000),
}


@pytest.mark.parametrize("name", sorted(REALISTIC))
def test_large_ordinary_inputs_are_not_refused(name: str) -> None:
    code, expected = REALISTIC[name]
    with HeadlessClient() as client:
        assert client.eval_lua(code) == expected, [e.message for e in client.errors]


@pytest.mark.parametrize(("call", "reason"), [
    ('local r = string.find(string.rep("a", 4e5), string.rep("a?", 4e5)) return r',
     "string.find: pattern too complex (more than 200 nested quantifiers and captures)"),
    ('local r = string.find(string.rep("a", 3e4), "(.-)(.-)b") return r',
     "script ran too long"),
    ('local r = strmatch(string.rep("a", 3e4), "(a*)(a*)(a*)b") return r',
     "script ran too long"),
    ('local r = string.find(string.rep("a", 3e4), "(.-)(.-)b%3") return r',
     "string.find: pattern too complex for this subject"),
])
def test_runaway_patterns_are_stopped_at_the_callers_line(call: str, reason: str) -> None:
    # Too deep for C's stack: refused. Backtracking without end: run by the matcher written
    # in Lua until the CPU deadline. (A pattern C could also fail on is refused instead.)
    with HeadlessClient() as client:
        started = time.process_time()
        client.eval_lua("local x = 1\n" + call)
        assert time.process_time() - started < 1.5
        assert client.errors[-1].message.startswith("(eval):2: ")
        assert reason in client.errors[-1].message


def test_a_complex_pattern_that_matches_early_is_not_refused() -> None:
    # Libraries of the 3.3.5a era find their addon's folder in debugstack() with a pattern
    # whose worst case is huge; the match itself ends within the first lines.
    with HeadlessClient() as client:
        got = client.eval_lua(r"""
          local stack = "Interface\\FrameXML\\UIParent.lua:1: in function <x>\n"
            .. string.rep("Interface\\AddOns\\Loot\\libs\\DB.lua:99: in function `Reg'\n", 40)
          local name = stack:gsub(".-\n.-\\AddOns\\(.-)\\.*", "%1")
          return name, stack:match("^.-\n.-\\AddOns\\(.-)\\"), #stack
        """)
        assert not client.errors, client.errors[-1].message
        assert got[:2] == ("Loot", "Loot") and got[2] > 2000
        assert client.runtime.fn.pattern_scans()[1] >= 1


def test_a_scan_over_start_positions_stops_at_the_cpu_deadline() -> None:
    with HeadlessClient() as client:
        started = time.process_time()
        client.eval_lua('local r = string.rep("7", 100000):match("(%d+)x") return r')
        assert time.process_time() - started < 1.5
        assert "script ran too long" in client.errors[-1].message


ASCII_PROBE = r'''
from wowapi_stubs import HeadlessClient
client = HeadlessClient()
print(client.eval_lua(r"""
  local high = "\192\193\224\255\168\184"
  return string.lower("AbC" .. high) == "abc" .. high, string.upper("aBc" .. high) == "ABC" .. high,
    strlower(high) == high, strupper(high) == high, high:find("%a"), high:find("[%a_]"),
    high:find("%l"), high:find("%u"), high:find("%w"), high:find("%p"), high:find("%s"),
    select(2, high:gsub("%A", "")), ("x y"):match("(%a+)%s(%a+)")
"""), client.errors)
'''


def test_strings_are_ascii_only_under_an_8_bit_host_locale(tmp_path: Path) -> None:
    if shutil.which("localedef") is None:
        pytest.skip("localedef is not installed: no 8-bit locale can be made")
    made = subprocess.run(["localedef", "-i", "ru_RU", "-f", "CP1251",
                           str(tmp_path / "ru_RU.CP1251")], capture_output=True, check=False)
    if not (tmp_path / "ru_RU.CP1251").exists():
        pytest.skip(f"cannot make a CP1251 locale: {made.stderr.decode()[-200:]}")
    env = {**os.environ, "LOCPATH": str(tmp_path), "LC_ALL": "ru_RU.CP1251"}
    check = subprocess.run([sys.executable, "-c", "import locale; print(locale.setlocale("
                            "locale.LC_CTYPE, ''))"], env=env, capture_output=True, text=True,
                           check=False)
    assert check.stdout.strip() == "ru_RU.CP1251", check.stderr
    done = subprocess.run([sys.executable, "-c", ASCII_PROBE], env=env, capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == ("(True, True, True, True, None, None, None, None, None, "
                                   "None, None, 6, 'x', 'y') []")


def test_tracebacks_show_the_guarded_functions_as_the_c_functions_they_stand_for() -> None:
    with HeadlessClient() as client:
        client.eval_lua('local s = "x"\nlocal r = strfind(s, "%")')
        client.eval_lua('local r = ("abc"):gsub("b", function()\n error("boom")\nend)')
        client.eval_lua('local r = ("abc"):gsub("b", {b = {}})')
        malformed, callback, value = (e.traceback.splitlines() for e in client.errors)
    assert malformed[1:3] == ["\t[C]: in function 'strfind'", "\t(eval):2: in main chunk"]
    assert callback[2:4] == ["\t[C]: in function 'gsub'", "\t(eval):1: in main chunk"]
    assert value[1:3] == ["\t[C]: in function 'gsub'", "\t(eval):1: in main chunk"]
    assert not any("headless-" in row for row in malformed + callback + value)
