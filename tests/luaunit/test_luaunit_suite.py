"""A realistic mock-based LuaUnit suite for the reference addon (fixtures/luaunit/mgm-suite)
run in the headless client with its mock kept and dropped, isolated, in every format."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from typer.testing import CliRunner

from mgm_addon_contract._resources import broken_addons_dir, fixtures_dir
from mgm_addon_contract.cli import app
from mgm_addon_contract.luaunit import SuiteOptions, run_suite
from tests.shared_data import require_shared

runner = CliRunner()
REPO = Path(__file__).resolve().parents[2]
SUITE = fixtures_dir() / "luaunit" / "mgm-suite"
ENTRY = SUITE / "run_tests.lua"
MOCK = SUITE / "wow_api_mock.lua"
RUNMACROTEXT = broken_addons_dir() / "who-via-runmacrotext" / "MimironsGoldOMatic"
TRAP = "TestWho.test_online_player_is_reported"
UNIT_TESTS = {"TestCore.test_trim", "TestCore.test_short_name_drops_the_realm",
              "TestCore.test_names_equal_ignores_case_latin_and_cyrillic", "TestCore.test_is_uuid",
              "TestCore.test_parse_gold_segment", "TestCore.test_who_log_line",
              "TestCore.test_json_escape"}


@pytest.fixture(scope="module")
def luaunit() -> Path:
    return require_shared("MGM_LUAUNIT")


def options(luaunit: Path, **kwargs: object) -> SuiteOptions:
    return SuiteOptions(root=REPO, lua_path=(luaunit,), **kwargs)  # type: ignore[arg-type]


def by_name(run) -> dict:  # noqa: ANN001
    return {t.name: t for t in run.tests}


def test_the_suite_passes_with_its_mock_kept(luaunit: Path) -> None:
    run = run_suite([ENTRY], options(luaunit))
    assert run.ok and run.exit_code == 0 and not run.errors
    assert len(run.tests) == 13 and {t.status for t in run.tests} == {"passed"}
    assert "Ran 13 tests" in run.output and "OK" in run.output  # LuaUnit's own text output


def test_dropping_the_mock_reports_what_the_suite_expected_from_it(luaunit: Path) -> None:
    run = run_suite([ENTRY], options(luaunit, drop_mock=MOCK))
    tests = by_name(run)
    assert not run.ok and run.exit_code == 5  # LuaUnit's own count of failures and errors
    assert {n for n, t in tests.items() if t.status == "passed"} >= UNIT_TESTS
    failed = tests["TestConsent.test_winner_is_whispered"]
    assert failed.status == "failed" and failed.line == 31
    assert Path(failed.file) == SUITE / "test_integration.lua"
    assert "expected: 1, actual: 0" in failed.message
    errored = tests[TRAP]  # an assertion given nil: the position is the test's, not LuaUnit's
    assert errored.status == "error" and Path(errored.file).name == "test_integration.lua"
    mock = run.mock
    assert {"CreateFrame", "SendWho", "RunMacroText", "DEFAULT_CHAT_FRAME",
            "hooksecurefunc"} <= set(mock.replaced)
    missing = {name: hint for name, _, hint in mock.unknown}
    assert set(missing) == {"WoWMock", "C_Timer", "C_FriendList"}
    assert "C_FriendList.SendWho is SendWho" in missing["C_FriendList"]
    assert not any(t.findings for t in run.tests)  # the reference addon asks /who unprotected


def test_the_who_trap_green_under_the_mock_revealed_by_the_client(luaunit: Path) -> None:
    env = {"MGM_ADDON_DIR": str(RUNMACROTEXT)}
    kept = by_name(run_suite([ENTRY], options(luaunit, env=env)))[TRAP]
    assert kept.status == "passed" and kept.ok and not kept.findings
    dropped = by_name(run_suite([ENTRY], options(luaunit, env=env, drop_mock=MOCK)))[TRAP]
    source = (RUNMACROTEXT / "MimironsGoldOMatic.lua").read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(source, 1) if "RunMacroText(" in text)
    assert not dropped.ok
    assert [f.split(":")[0] for f in dropped.findings] == ["protected-call-blocked"]
    assert "RunMacroText() is protected" in dropped.findings[0]
    assert f"MimironsGoldOMatic.lua:{line}" in dropped.findings[0]


def test_addon_loaded_by_the_client_runs_once(luaunit: Path) -> None:
    run = run_suite([ENTRY], options(luaunit, addon=RUNMACROTEXT, drop_mock=MOCK,
                                     env={"MGM_ADDON_DIR": str(RUNMACROTEXT)}))
    assert sorted(Path(p).name for p in set(run.skipped_dofiles)) == [
        "MimironsGoldOMatic.Core.lua", "MimironsGoldOMatic.lua"]
    assert not run.errors  # no second load: no duplicate frame names, no Lua error
    assert by_name(run)[TRAP].findings


def test_isolate_runs_each_test_in_a_fresh_client(luaunit: Path, tmp_path: Path) -> None:
    suite = tmp_path / "suite"
    suite.mkdir()
    (suite / "test_leak.lua").write_text(
        "lu = require('luaunit')\n"
        "TestLeak = {}\n"
        "function TestLeak:test_a_sets_a_global() LEAKED = true end\n"
        "function TestLeak:test_b_sees_no_global() lu.assertNil(LEAKED) end\n")
    shared = SuiteOptions(root=tmp_path, lua_path=(luaunit,))
    together = by_name(run_suite([suite / "test_leak.lua"], shared))
    assert together["TestLeak.test_b_sees_no_global"].status == "failed"
    alone = run_suite([suite / "test_leak.lua"], shared, isolate=True)
    assert alone.isolated and alone.ok and alone.exit_code == 0
    assert [t.status for t in alone.tests] == ["passed", "passed"]


def test_cli_formats_and_exit_codes(luaunit: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    base = ["luaunit", str(ENTRY.relative_to(REPO)), "--lua-path", str(luaunit)]
    text = runner.invoke(app, base)
    assert text.exit_code == 0 and "OK: 13 test(s): 13 passed" in text.output
    dropped = runner.invoke(app, [*base, "--drop-mock", str(MOCK.relative_to(REPO)),
                                  "--env", f"MGM_ADDON_DIR={RUNMACROTEXT}", "--format", "json"])
    assert dropped.exit_code == 1
    data = json.loads(dropped.output)
    trap = next(t for t in data["tests"] if t["name"] == TRAP)
    assert trap["client_findings"] and trap["file"].endswith("test_integration.lua")
    assert {m["name"] for m in data["mock"]["missing_in_client"]} == {
        "WoWMock", "C_Timer", "C_FriendList"}
    junit = runner.invoke(app, [*base, "--drop-mock", str(MOCK), "--format", "junit"])
    root = ET.fromstring(junit.output)
    cases = {c.get("name"): c for c in root.iter("testcase")}
    failure = cases["TestConsent.test_winner_is_whispered"].find("failure")
    assert failure is not None and "test_integration.lua:31" in failure.get("message")
    assert cases["TestCore.test_trim"].find("failure") is None
    # LuaUnit's ERRORs (a Lua error in the test) are JUnit errors, not failures
    error = cases["TestQueue.test_receive_gold_queues_every_good_entry"].find("error")
    assert error is not None and error.get("message")
    assert cases["TestQueue.test_receive_gold_queues_every_good_entry"].find("failure") is None
    assert (root.get("failures"), root.get("errors")) == ("2", "3")


def test_cli_usage_errors(luaunit: Path, tmp_path: Path) -> None:
    missing = runner.invoke(app, ["luaunit", str(tmp_path / "nope.lua")])
    assert missing.exit_code == 2 and "nope.lua" in missing.output
    outside = runner.invoke(app, ["luaunit", str(ENTRY), "--root", str(tmp_path)])
    assert outside.exit_code == 2 and "outside the root folder" in outside.output


def test_pytest_items_per_luaunit_test(luaunit: Path, tmp_path: Path) -> None:
    command = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-o", "addopts=",
               "-q", "--lua-tests", str(SUITE), "--lua-path", str(luaunit), "--lua-root",
               str(REPO)]
    kept = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert kept.returncode == 0, kept.stdout[-3000:]
    assert "13 passed" in kept.stdout
    dropped = subprocess.run(
        [*command, "--lua-drop-mock", str(MOCK), "--lua-addon", str(RUNMACROTEXT)],
        cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert dropped.returncode == 1
    assert f"FAILED {ENTRY.name}" not in dropped.stdout  # items live under the entry file
    assert f"run_tests.lua::{TRAP}" in dropped.stdout
    assert "revealed by the client: protected-call-blocked: RunMacroText()" in dropped.stdout
    assert "LuaUnit mock dropped" in dropped.stdout and "WoWMock (table)" in dropped.stdout


ISOLATION_PROBE = '''
import wowapi_stubs.isolation as isolation

from crashjob import segfault

jobs = []
run = isolation.Worker.run


def counted(self, job, *args, **kwargs):
    options = args[1] if len(args) > 1 else None
    if not self.tracing:  # (a crashed job runs again in a tracing worker, to locate it)
        jobs.append(getattr(options, "only_test", None) or "suite")
    if getattr(options, "only_test", None) == "TestCore.test_trim":
        return run(self, segfault)  # a Lua VM crash while this test runs alone
    return run(self, job, *args, **kwargs)


isolation.Worker.run = counted


def pytest_terminal_summary(terminalreporter):
    terminalreporter.write_line(f"worker jobs: {len(jobs)}")
'''
CRASH_JOB = '''
def segfault():
    import ctypes

    ctypes.string_at(0)
'''


def test_pytest_items_honour_mgm_isolate(luaunit: Path, tmp_path: Path) -> None:
    # With --mgm-isolate the suite (and with --lua-isolate each test) runs in an isolation
    # worker: a crash fails that test only, and says so.
    (tmp_path / "conftest.py").write_text(ISOLATION_PROBE)
    (tmp_path / "crashjob.py").write_text(CRASH_JOB)
    command = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-o", "addopts=",
               "-q", "--lua-tests", str(SUITE), "--lua-path", str(luaunit), "--lua-root",
               str(REPO), "--mgm-isolate"]
    whole = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert whole.returncode == 0, whole.stdout[-3000:]
    assert "13 passed" in whole.stdout and "worker jobs: 1" in whole.stdout
    alone = subprocess.run([*command, "--lua-isolate"], cwd=tmp_path, capture_output=True,
                           text=True, timeout=300)
    assert "1 failed, 12 passed" in alone.stdout, alone.stdout[-3000:]
    assert "worker jobs: 14" in alone.stdout
    assert "the isolation worker ended: the Lua VM crashed (SIGSEGV)" in alone.stdout
    assert "run_tests.lua::TestCore.test_trim" in alone.stdout
