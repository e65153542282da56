"""pytest plugin (entry point ``pytest11``): fixtures for contract tests in any project.

Fixtures: ``wow_client`` (a fresh headless 3.3.5a client), ``mgm_addon`` (the bundled
reference addon loaded and logged in; set ``MGM_ADDON_DIR`` to test another addon folder,
such as the production one), ``chatlog_path`` (the client's ``WoWChatLog.txt``),
``mgm_contract`` (a contract monitor on the addon under test; see docs/contract.md).
Option ``--lua-tests DIR``: an addon's LuaUnit suite, each test a pytest item (docs/luaunit.md).
Option ``--mgm-isolate``: the addon under test is first loaded once in an isolation worker
(:mod:`wowapi_stubs.isolation`); if that crashes or hangs the Lua VM, the tests that load it
fail with the report instead of the test run dying. ``mgm_worker``: that worker (session
scope), to run any importable job function isolated: ``mgm_worker.run(fn, *args)``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from wowapi_stubs import ClientSettings, HeadlessClient, WhoEntry


def addon_under_test() -> Path:
    """The addon folder the fixtures load: ``$MGM_ADDON_DIR`` or the reference addon."""
    from mgm_addon_contract._resources import reference_addon_dir

    return Path(os.environ.get("MGM_ADDON_DIR") or reference_addon_dir())


@pytest.fixture
def wow_client(tmp_path: Path) -> Iterator[HeadlessClient]:
    """A fresh headless client whose WoW folder lives in ``tmp_path``."""
    client = HeadlessClient(ClientSettings(wow_dir=tmp_path / "World of Warcraft"))
    yield client
    client.close()


@pytest.fixture(scope="session")
def mgm_worker() -> Iterator[Any]:
    """An isolation worker (``wowapi_stubs.isolation.Worker``) for this test session."""
    from mgm_addon_contract.isolated import default_limits
    from wowapi_stubs.isolation import Worker

    with Worker(default_limits()) as worker:
        yield worker


@pytest.fixture(scope="session")
def _mgm_isolated_probe(request: pytest.FixtureRequest) -> str | None:
    """With ``--mgm-isolate``: why loading the addon under test ends a worker (None: it
    does not)."""
    if not request.config.getoption("--mgm-isolate", default=False):
        return None
    from mgm_addon_contract.isolated import load_reports
    from wowapi_stubs.isolation import Crash

    worker = request.getfixturevalue("mgm_worker")
    result = worker.run(load_reports, [addon_under_test()])
    return result.describe() if isinstance(result, Crash) else None


@pytest.fixture
def mgm_addon(wow_client: HeadlessClient, _mgm_isolated_probe: str | None) -> HeadlessClient:
    """The client with the addon under test loaded; fails the test if loading failed."""
    if _mgm_isolated_probe is not None:
        pytest.fail(f"loading {addon_under_test()} ends an isolation worker: "
                    f"{_mgm_isolated_probe}")
    wow_client.set_world_roster([WhoEntry("Norinn", 80, "Human", "Mage", "", "Dalaran")])
    report = wow_client.load_addon(addon_under_test())
    if not report.ok:
        problems = [e.message for e in report.errors] or [f.error for f in report.files]
        pytest.fail(f"{report.addon} did not load cleanly: {problems}")
    return wow_client


@pytest.fixture
def chatlog_path(wow_client: HeadlessClient) -> Path:
    """``Logs/WoWChatLog.txt`` of ``wow_client`` (written in the client's real format)."""
    return wow_client.chatlog_path


@pytest.fixture
def mgm_contract() -> Iterator[Any]:
    """A contract monitor (``mgm_addon_contract.contract.monitor.ContractMonitor``) watching a
    fresh client with the addon under test loaded. Drive it with
    ``mgm_contract.perform(Step(...), ...)``; the test fails at teardown if any contract
    clause was broken."""
    from mgm_addon_contract.contract.monitor import ContractMonitor
    from mgm_addon_contract.scenarios.runner import new_client

    client, report = new_client(addon_under_test())
    if not report.ok:
        client.close()
        pytest.fail(f"{report.addon} did not load cleanly: {[f.error for f in report.files]}")
    monitor = ContractMonitor(client)
    yield monitor
    monitor.finish()
    monitor.drain()  # output the last steps deferred is judged too
    client.close()
    if monitor.failures:
        pytest.fail("contract clauses broken:\n" + "\n".join(
            f"  step {f.step}: {f.clause}: {f.message}" for f in monitor.failures))


def pytest_addoption(parser: pytest.Parser) -> None:
    """``--lua-tests DIR`` and its companions (see docs/luaunit.md)."""
    from mgm_addon_contract.luaunit.pytest_items import add_options

    add_options(parser)
    parser.getgroup("mgm-contract").addoption(
        "--mgm-isolate", action="store_true", default=False,
        help="Load the addon under test once in an isolation worker first; a crash or hang "
        "of the Lua VM there fails the tests that load it instead of the run.")


def pytest_collection_modifyitems(session: pytest.Session, config: pytest.Config,
                                  items: list[pytest.Item]) -> None:
    """With ``--lua-tests DIR``: one item per LuaUnit test of that suite."""
    if config.getoption("--lua-tests", default=None):
        from mgm_addon_contract.luaunit.pytest_items import collect_suite

        items.extend(collect_suite(session))


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int,
                            config: pytest.Config) -> None:
    """What dropping a LuaUnit suite's mock revealed (never hidden)."""
    if not config.getoption("--lua-drop-mock", default=None):
        return
    from mgm_addon_contract.luaunit.pytest_items import mock_summary

    lines = mock_summary(terminalreporter._session.items if hasattr(
        terminalreporter, "_session") else [])
    if lines:
        terminalreporter.section("LuaUnit mock dropped")
        for line in lines:
            terminalreporter.write_line(line)
