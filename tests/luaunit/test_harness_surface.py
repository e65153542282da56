"""The surface a LuaUnit suite gets inside the client: require from the suite's own folders,
dofile/loadfile and read-only io.open confined to the root, arg, captured output,
os.exit/getenv/clock/time/date, and nothing more of Lua's io/os; Lua 5.1 as the client runs
it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mgm_addon_contract.luaunit import SuiteOptions, run_suite
from tests.shared_data import require_shared

SURFACE_TESTS = r"""
lu = require("luaunit")
local helper = require("helpers.util")  -- from the suite's own folder, via package.path

TestSurface = {}

function TestSurface:test_require_caches_modules()
  lu.assertIs(require("helpers.util"), helper)
  lu.assertEquals(helper.double(21), 42)
  lu.assertIs(require("string"), string)
end

function TestSurface:test_missing_module_lists_where_it_looked()
  local ok, err = pcall(require, "nowhere")
  lu.assertFalse(ok)
  lu.assertStrContains(err, "module 'nowhere' not found")
  lu.assertStrContains(err, "no file")
end

function TestSurface:test_files_outside_the_root_cannot_be_read()
  local fn, err = loadfile("../secret.lua")
  lu.assertNil(fn)
  lu.assertStrContains(err, "outside the root folder")
  lu.assertFalse(pcall(dofile, "/etc/passwd"))
end

function TestSurface:test_files_under_the_root_can_be_read_not_written()
  local file = assert(io.open("tests/data/lines.txt"))
  lu.assertEquals(file:read("*l"), "first line")
  lu.assertEquals(file:read("*n"), 42)
  lu.assertEquals(file:read("*a"), " and the rest\nlast")
  lu.assertNil(file:read("*l"))
  lu.assertTrue(file:close())
  local seen = {}
  for line in io.lines("tests/data/lines.txt") do seen[#seen + 1] = line end
  lu.assertEquals(seen, { "first line", "42 and the rest", "last" })
  local none, why = io.open("../secret.txt")
  lu.assertNil(none)
  lu.assertStrContains(why, "outside the root folder")
  local written, refused = io.open("tests/data/out.xml", "w")
  lu.assertNil(written)
  lu.assertStrContains(refused, "cannot be written")
end

function TestSurface:test_no_more_io_and_os_than_luaunit_needs()
  lu.assertNil(io.open("x.txt", "w"))
  lu.assertNil(io.read)
  lu.assertNil(io.popen)
  lu.assertNil(os.execute)
  lu.assertNil(os.remove)
  lu.assertNil(os.getenv("HOME"))
  lu.assertEquals(os.getenv("SUITE_MODE"), "client")
  lu.assertEquals(type(os.clock()), "number")
  lu.assertEquals(os.date("!%Y-%m-%d", os.time({year = 2026, month = 4, day = 4, hour = 12})),
    "2026-04-04")
end

function TestSurface:test_arg_and_captured_output()
  lu.assertStrContains(arg[0], "test_surface.lua")
  lu.assertEquals(arg[1], "--verbose")
  print("printed", 1, nil)
  io.stdout:write("written ", 2, "\n")
end

function TestSurface:test_lua_51_as_the_client_runs_it()
  lu.assertEquals(_VERSION, "Lua 5.1")
  lu.assertNil(table.unpack)
  lu.assertNil(rawget(_G, "goto"))
  lu.assertNotNil(loadstring)
end
"""


@pytest.fixture
def suite(tmp_path: Path) -> Path:
    luaunit = require_shared("MGM_LUAUNIT")
    root = tmp_path / "repo"
    (root / "tests" / "helpers").mkdir(parents=True)
    (root / "tests" / "lib").mkdir()
    shutil.copy(luaunit, root / "tests" / "lib" / "luaunit.lua")  # vendored, as teams do
    (root / "tests" / "data").mkdir()
    (root / "tests" / "data" / "lines.txt").write_text("first line\n42 and the rest\nlast")
    (tmp_path / "secret.txt").write_text("host secret")
    (root / "tests" / "helpers" / "util.lua").write_text(
        "return { double = function(n) return n * 2 end }\n")
    (root / "tests" / "test_surface.lua").write_text(
        'package.path = "tests/?.lua;tests/lib/?.lua;" .. package.path\n' + SURFACE_TESTS)
    (tmp_path / "secret.lua").write_text("return 'secret'\n")
    return root


def test_the_suite_gets_what_luaunit_needs_and_no_more(suite: Path) -> None:
    run = run_suite([suite / "tests" / "test_surface.lua"],
                    SuiteOptions(root=suite, args=("--verbose",), env={"SUITE_MODE": "client"}))
    failures = {t.name: t.message for t in run.tests if t.status != "passed"}
    assert not failures and not run.errors, (failures, run.errors)
    assert len(run.tests) == 7 and run.ok
    output = {t.name: t.output for t in run.tests}["TestSurface.test_arg_and_captured_output"]
    assert "printed\t1\tnil\nwritten 2\n" in output


def test_os_exit_ends_the_suite_with_its_code(suite: Path) -> None:
    entry = suite / "tests" / "run.lua"
    entry.write_text('package.path = "tests/lib/?.lua"\nlocal lu = require("luaunit")\n'
                     "TestOne = {}\nfunction TestOne:test_fails() lu.assertEquals(1, 2) end\n"
                     "os.exit(lu.LuaUnit.run())\nerror('never reached')\n")
    run = run_suite([entry], SuiteOptions(root=suite))
    assert run.exit_code == 1 and not run.errors
    assert [(t.name, t.status, t.line) for t in run.tests] == [("TestOne.test_fails", "failed", 4)]


def test_load_errors_and_errors_outside_tests_name_the_file_and_line(suite: Path) -> None:
    entry = suite / "tests" / "broken.lua"
    entry.write_text('package.path = "tests/lib/?.lua"\nlocal lu = require("luaunit")\n'
                     "local x = 7 // 2\n")  # Lua 5.3 floor division: no Lua 5.1 chunk
    run = run_suite([entry], SuiteOptions(root=suite))
    assert not run.ok and not run.tests
    assert len(run.errors) == 1 and "tests/broken.lua:3:" in run.errors[0]


CLIENT_TESTS = r"""
package.path = "tests/lib/?.lua;" .. package.path
lu = require("luaunit")
local ADDON = os.getenv("MGM_ADDON_DIR") .. "/"
assert(loadfile(ADDON .. "MimironsGoldOMatic.Core.lua"))("MimironsGoldOMatic", {})
assert(loadfile(ADDON .. "MimironsGoldOMatic.lua"))("MimironsGoldOMatic", {})
local SPIN = "550e8400-e29b-41d4-a716-446655440000"

-- The /who test written for the client: the client answers /who itself, after its latency.
TestWhoInClient = {}
function TestWhoInClient:test_online_player_is_reported()
  Headless.set_who_results({ "Norinn" })
  MGM_RunWhoForSpin(SPIN, "Norinn")
  Headless.advance(1)
  local lines = Headless.chat_lines()
  lu.assertStrContains(lines[#lines], '"online":true')
end

function TestWhoInClient:test_reply_whisper_is_accepted()
  NotifyWinnerWhisper("2d2b7b2a-1111-2222-3333-444444444444", "Norinn")
  lu.assertEquals(Headless.whispers()[1].target, "Norinn")
  Headless.whisper_from("Norinn", " !twgold ")
  local lines = Headless.chat_lines()
  lu.assertEquals(lines[#lines], "[MGM_ACCEPT:2d2b7b2a-1111-2222-3333-444444444444]")
end
"""


@pytest.mark.parametrize(("variant", "who_ok"), [(None, True), ("who-via-runmacrotext", False)])
def test_headless_drives_the_client_for_tests_without_a_mock(
        suite: Path, variant: str | None, who_ok: bool) -> None:
    from mgm_addon_contract._resources import broken_addons_dir, reference_addon_dir

    addon = (broken_addons_dir() / variant / "MimironsGoldOMatic" if variant
             else reference_addon_dir())
    entry = suite / "tests" / "test_client.lua"
    entry.write_text(CLIENT_TESTS)
    run = run_suite([entry], SuiteOptions(root=suite, lua_path=(addon,),
                                          env={"MGM_ADDON_DIR": str(addon)}))
    tests = {t.name: t for t in run.tests}
    assert tests["TestWhoInClient.test_reply_whisper_is_accepted"].ok
    who = tests["TestWhoInClient.test_online_player_is_reported"]
    assert who.ok is who_ok
    if not who_ok:  # the /who never went out: no line, and the client says why
        assert who.status in ("failed", "error") and who.line == 16
        assert "RunMacroText() is protected" in who.findings[0]


def test_a_runaway_test_is_stopped_and_named(suite: Path) -> None:
    entry = suite / "tests" / "test_loop.lua"
    entry.write_text('package.path = "tests/lib/?.lua"\nlu = require("luaunit")\n'
                     "TestLoop = {}\n"
                     "function TestLoop:test_a_spins_forever() while true do end end\n"
                     "function TestLoop:test_b_fine() lu.assertTrue(true) end\n")
    options = SuiteOptions(root=suite, cpu_limit=0.3)
    together = run_suite([entry], options)
    assert [(t.name, t.status) for t in together.tests] == [
        ("TestLoop.test_a_spins_forever", "error")]
    assert "script ran too long" in together.tests[0].message and not together.errors
    alone = run_suite([entry], options, isolate=True)
    assert [(t.name, t.status) for t in alone.tests] == [
        ("TestLoop.test_a_spins_forever", "error"), ("TestLoop.test_b_fine", "passed")]
    assert alone.listed == ["TestLoop.test_a_spins_forever", "TestLoop.test_b_fine"]
