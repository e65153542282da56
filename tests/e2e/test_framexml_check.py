"""``check`` under Blizzard's FrameXML (build 12340): it passes the reference addon, fails
each broken variant on exactly its clause and passes each SPEC-conforming variant, as under
the built-in UI. Every client of these tests runs FrameXML (``MGM_FRAMEXML_DIR``); skipped
with the reason when no extracted Interface folder is available.

A FrameXML client costs about a second of CPU; a ``check`` makes it once per addon and runs
each scenario and fuzzed run on a forked copy (about 10 s per variant). The reference addon
is fuzzed with one run per machine (the default budget with ``--long``), the variants too,
a daily slice of them per run (see ``framexml_variants.py``)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mgm_addon_contract._resources import broken_addons_dir, fixtures_dir, reference_addon_dir
from mgm_addon_contract.contract.check import DEFAULT_BUDGET, CheckReport, run_check
from tests.e2e.framexml_variants import skip_unless_this_run
from tests.shared_data import require_shared
from wowapi_stubs.settings import FRAMEXML_VARIABLE

REFERENCE_BUDGET = 1
VARIANT_BUDGET = 1
BROKEN = sorted(p for p in broken_addons_dir().iterdir() if p.is_dir())
CONFORMING = sorted(p for p in (fixtures_dir() / "addons" / "conforming").iterdir()
                    if p.is_dir())


@pytest.fixture(autouse=True)
def framexml(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every client made by the test runs FrameXML."""
    folder = require_shared("MGM_FRAMEXML_DIR")
    monkeypatch.setenv(FRAMEXML_VARIABLE, str(folder))
    return folder


def _holds(report: CheckReport) -> None:
    wrong = {o.clause.id: o.failure.message for o in report.must_failures if o.failure}
    assert not wrong and not report.expectation_failures, wrong
    assert not report.lua_errors and not report.blocked_calls


@pytest.mark.timeout(1800)
def test_check_passes_the_reference_addon(request: pytest.FixtureRequest) -> None:
    budget = DEFAULT_BUDGET if request.config.getoption("--long") else REFERENCE_BUDGET
    report = run_check(reference_addon_dir(), budget=budget, regressions=None)
    _holds(report)
    assert report.load.ok
    assert {o.status for o in report.outcomes.values()} == {"passed"}


@pytest.mark.timeout(1200)
@pytest.mark.parametrize("variant", CONFORMING, ids=lambda p: p.name)
def test_check_passes_a_spec_conforming_variant(variant: Path,
                                                request: pytest.FixtureRequest) -> None:
    skip_unless_this_run(variant, CONFORMING, request.config)
    _holds(run_check(variant / "MimironsGoldOMatic", budget=VARIANT_BUDGET, regressions=None))


@pytest.mark.timeout(1200)
@pytest.mark.parametrize("variant", BROKEN, ids=lambda p: p.name)
def test_check_fails_a_broken_variant_on_exactly_its_clause(
        variant: Path, request: pytest.FixtureRequest) -> None:
    skip_unless_this_run(variant, BROKEN, request.config)
    expected = re.search(r"Caught by: `([^`]+)`", (variant / "DEFECT.md").read_text("utf-8"))[1]
    report = run_check(variant / "MimironsGoldOMatic", budget=VARIANT_BUDGET, regressions=None)
    failed = {c: o.failure.message for c, o in report.outcomes.items() if o.failure}
    assert list(failed) == [expected], failed
