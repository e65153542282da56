"""``pytest --lua-tests DIR``: each LuaUnit test of a suite a pytest item, run in the client.

The suite runs once at collection (that lists its tests and, without ``--lua-isolate``,
gives each item its result); with ``--lua-isolate`` each item runs its test alone in a fresh
client. With ``--mgm-isolate`` (as for the plugin's other fixtures) the suite and each test
run in an isolation worker: a crash or hang of the Lua VM fails that test or the suite's
errors item, with where it happened, not the pytest run. A test fails when LuaUnit says so
or when the client revealed a problem while it ran
(a blocked protected call, a Lua error its error handler caught).
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from mgm_addon_contract.isolated import Runner, luaunit_runner, suite_run
from mgm_addon_contract.luaunit.model import LuaTestResult, SuiteOptions, SuiteRun

ENTRY_NAMES = ("run_tests.lua", "runtests.lua", "run_all.lua", "tests.lua", "test.lua")


def add_options(parser: pytest.Parser) -> None:
    group = parser.getgroup("mgm-luaunit", "LuaUnit suites in the headless 3.3.5a client")
    group.addoption("--lua-tests", metavar="DIR", help="Run this LuaUnit suite (its entry "
                    "run_tests.lua, or its test*.lua files; or an entry file) in the client.")
    group.addoption("--lua-addon", metavar="DIR", help="Addon folder the client loads first.")
    group.addoption("--lua-drop-mock", metavar="FILE", help="The suite's WoW mock to drop.")
    group.addoption("--lua-path", metavar="PATH", action="append", default=[],
                    help="Module folder or file outside the root (e.g. luaunit.lua).")
    group.addoption("--lua-root", metavar="DIR", help="Folder dofile/loadfile stay inside "
                    "(default: the current directory).")
    group.addoption("--lua-isolate", action="store_true", help="Each test in a fresh client.")


def entries_of(target: Path) -> list[Path]:
    """The entry script of a suite folder, else its ``test*.lua`` files; a file is itself."""
    if target.is_file():
        return [target]
    for name in ENTRY_NAMES:
        if (target / name).is_file():
            return [target / name]
    return sorted(target.glob("test*.lua"))


def options_from(config: pytest.Config) -> SuiteOptions:
    paths = [Path(p) for p in config.getoption("--lua-path")]
    luaunit = os.environ.get("MGM_LUAUNIT")
    if luaunit and Path(luaunit).is_file():
        paths.append(Path(luaunit))
    addon = config.getoption("--lua-addon")
    env = {k: v for k, v in os.environ.items() if k.startswith("LUAUNIT_")}
    if addon:
        env["MGM_ADDON_DIR"] = addon
    mock = config.getoption("--lua-drop-mock")
    return SuiteOptions(root=Path(config.getoption("--lua-root") or Path.cwd()),
                        addon=Path(addon) if addon else None,
                        drop_mock=Path(mock) if mock else None, lua_path=tuple(paths),
                        env=env)


class LuaTestFailure(Exception):
    """A LuaUnit test failed, or the client revealed a problem while it ran."""


class LuaSuite(pytest.File):
    """The suite: runs it once and yields one item per LuaUnit test."""

    run: SuiteRun
    entries: list[Path]
    options: SuiteOptions
    runner: Runner

    def suite(self, options: SuiteOptions) -> SuiteRun:
        """The suite run with ``options``, in a worker under ``--mgm-isolate``."""
        return suite_run(self.runner, self.entries, options)

    def collect(self) -> list[pytest.Item]:
        self.runner = luaunit_runner(self.options.cpu_limit,
                                     trusted=not self.config.getoption("--mgm-isolate"))
        self.config.add_cleanup(self.runner.close)
        if self.config.getoption("--lua-isolate"):  # name the tests; each runs alone later
            self.run = self.suite(replace(self.options, list_only=True))
            tests = [LuaTestResult(name, "listed") for name in self.run.listed]
        else:
            self.run = self.suite(self.options)
            tests = self.run.tests
        items: list[pytest.Item] = [LuaUnitItem.from_parent(self, name=t.name, listed=t)
                                    for t in tests]
        if self.run.errors or not tests:
            items.append(LuaSuiteErrors.from_parent(self, name="(outside the tests)"))
        return items


class LuaUnitItem(pytest.Item):
    """One LuaUnit test (``TestClass.test_name``)."""

    def __init__(self, *, listed: LuaTestResult, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.listed = listed

    def runtest(self) -> None:
        result = self.listed
        if self.config.getoption("--lua-isolate"):
            suite = self.parent
            assert isinstance(suite, LuaSuite)
            alone = suite.suite(replace(suite.options, only_test=self.name))
            result = next((t for t in alone.tests if t.name == self.name), LuaTestResult(
                self.name, "error", "; ".join(alone.errors)
                or "the test did not run alone in a fresh client"))
        if result.status == "skipped" and not result.findings:
            pytest.skip(result.message or "skipped by LuaUnit")
        if not result.ok:
            raise LuaTestFailure(_describe(result))

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException],
                     style: Any = None) -> str:
        if isinstance(excinfo.value, LuaTestFailure):
            return str(excinfo.value)
        return super().repr_failure(excinfo, style)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        listed = self.listed
        return Path(listed.file or self.path), (listed.line or 1) - 1, self.name


class LuaSuiteErrors(pytest.Item):
    """Lua errors outside any test (the entry, a dofile, loading the addon), or no test."""

    def runtest(self) -> None:
        suite = self.parent
        assert isinstance(suite, LuaSuite)
        problems = suite.run.errors or ["the suite ran no LuaUnit test"]
        raise LuaTestFailure("\n".join(problems))

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException],
                     style: Any = None) -> str:
        return str(excinfo.value)


def _describe(result: LuaTestResult) -> str:
    lines = []
    if result.status in ("failed", "error"):
        lines.append(f"{result.status} at {result.where}: {result.message}" if result.where
                     else f"{result.status}: {result.message}")
        if result.trace:
            lines.append(result.trace)
    for finding in result.findings:
        lines.append(f"revealed by the client: {finding}")
    return "\n".join(lines)


def collect_suite(session: pytest.Session) -> list[pytest.Item]:
    """The items of ``--lua-tests`` (none when the option is not given)."""
    target = session.config.getoption("--lua-tests")
    if not target:
        return []
    entries = entries_of(Path(target))
    if not entries:
        raise pytest.UsageError(f"--lua-tests {target}: no run_tests.lua and no test*.lua")
    suite = LuaSuite.from_parent(session, path=entries[0].resolve())
    suite.entries, suite.options = entries, options_from(session.config)
    return suite.collect()


def mock_summary(items: list[pytest.Item]) -> list[str]:
    """What dropping the mock revealed, for the terminal summary."""
    suites = {item.parent for item in items if isinstance(item.parent, LuaSuite)}
    lines = []
    for suite in suites:
        mock = suite.run.mock  # type: ignore[union-attr]
        if mock is None:
            continue
        lines.append(f"dropped mock {mock.path}: {len(set(mock.replaced))} name(s) now come "
                     "from the client")
        lines += [f"  {n}: not implemented by the client (the mock's is used)"
                  for n in mock.not_implemented]
        lines += [f"  {n} ({k}): the suite expected it from the mock; the client has none"
                  + (f" ({h})" if h else "") for n, k, h in mock.unknown]
    return lines
