"""Test-suite configuration: Hypothesis profile ``ci`` unless HYPOTHESIS_PROFILE says otherwise;
clients use the built-in UI unless a test asks for FrameXML."""

from mgm_addon_contract.hypothesis_profiles import load_profile
from tests.shared_data import set_aside_framexml

load_profile("ci")
set_aside_framexml()


def pytest_addoption(parser) -> None:  # noqa: ANN001 - pytest.Parser
    parser.addoption("--long", action="store_true",
                     help="nightly profile: many more fault-injection schedules")


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:  # noqa: ANN001
    """The fault harness's counts (written by whichever worker ran it)."""
    summary = config.cache.get("mgm/fault-harness", None) if config.cache else None
    if summary and any(r.nodeid.endswith("under_seeded_faults")
                       for r in terminalreporter.stats.get("passed", [])
                       + terminalreporter.stats.get("failed", [])):
        terminalreporter.section("tail fault injection")
        terminalreporter.write_line(summary)
