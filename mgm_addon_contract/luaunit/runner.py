"""A LuaUnit suite run once in one client, or each test in a fresh client (``isolate``)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from mgm_addon_contract.luaunit.harness import SuiteHarness
from mgm_addon_contract.luaunit.model import LuaTestResult, SuiteOptions, SuiteRun


def run_suite(entries: list[Path], options: SuiteOptions, *, isolate: bool = False) -> SuiteRun:
    """Run ``entries`` (an entry script such as ``run_tests.lua``, or test files) in the
    headless client. With ``isolate`` the suite first names its tests without running them,
    then each test runs alone in a fresh client (the entry's set-up, the addon loaded, that
    test only)."""
    if not isolate:
        return SuiteHarness(options).run(entries)
    listing = SuiteHarness(replace(options, list_only=True)).run(entries)
    tests: list[LuaTestResult] = []
    errors, outputs = list(listing.errors), []
    for name in listing.listed:
        alone = SuiteHarness(replace(options, only_test=name)).run(entries)
        mine = [t for t in alone.tests if t.name == name]
        tests.append(mine[0] if mine else LuaTestResult(
            name, "error", "the test did not run when run alone in a fresh client"))
        errors += [e for e in alone.errors if e not in errors]
        outputs.append(alone.output)
    isolated = SuiteRun(tests, "".join(outputs), None, errors, listing.mock,
                        listing.skipped_dofiles, listing.truncated, isolated=True,
                        listed=listing.listed)
    isolated.exit_code = 0 if isolated.ok else 1
    return isolated
