"""A LuaUnit suite run once in one client, or each test in a fresh client (``isolate``)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from mgm_addon_contract.luaunit.harness import SuiteHarness
from mgm_addon_contract.luaunit.model import LuaTestResult, SuiteOptions, SuiteRun


def run_suite(entries: list[Path], options: SuiteOptions, *, isolate: bool = False) -> SuiteRun:
    """Run ``entries`` (an entry script such as ``run_tests.lua``, or test files) in the
    headless client. With ``isolate`` the suite is run once to list its tests, then each test
    again alone in a fresh client (the entry's set-up, the addon loaded, that test only)."""
    first = SuiteHarness(options).run(entries)
    if not isolate:
        return first
    tests: list[LuaTestResult] = []
    errors = list(first.errors)
    for listed in first.tests:
        alone = SuiteHarness(replace(options, only_test=listed.name)).run(entries)
        mine = [t for t in alone.tests if t.name == listed.name]
        tests.append(mine[0] if mine else LuaTestResult(
            listed.name, "error", "the test did not run when run alone in a fresh client"))
        errors += [e for e in alone.errors if e not in errors]
    isolated = SuiteRun(tests, first.output, None, errors, first.mock, first.skipped_dofiles,
                        first.truncated, isolated=True)
    isolated.exit_code = 0 if isolated.ok else 1
    return isolated
