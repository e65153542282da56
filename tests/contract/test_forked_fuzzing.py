"""Fuzzed runs under FrameXML run on copies of one loaded client (``fuzz.forked``): the
same verdicts as fresh clients, a broken addon still caught on its clause, and the runs
really were copies. Needs an extracted Interface folder (``MGM_FRAMEXML_DIR``)."""

from __future__ import annotations

import os

import pytest
from hypothesis import Phase

from mgm_addon_contract._resources import broken_addons_dir, reference_addon_dir
from mgm_addon_contract.fuzz import run_machine
from mgm_addon_contract.scenarios import runner
from tests.shared_data import require_shared
from wowapi_stubs.settings import FRAMEXML_VARIABLE

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")


@pytest.fixture(autouse=True)
def framexml(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(FRAMEXML_VARIABLE, str(require_shared("MGM_FRAMEXML_DIR")))
    runner.close_templates()  # none left by other tests of this process
    yield
    runner.close_templates()


@pytest.mark.timeout(600)
def test_fuzzed_framexml_runs_are_copies_and_catch_a_broken_addon() -> None:
    addon = broken_addons_dir() / "failure-drops-row" / "MimironsGoldOMatic"
    found = run_machine("mail", addon, budget=30, phases=(Phase.generate,))  # no shrinking
    assert found.finding is not None
    assert {f.clause for f in found.finding.failures} == {"MAIL-FAILURE-REQUEUES"}
    assert len(runner._TEMPLATES) == 1  # one loaded client, copied for every run
    clean = run_machine("mail", reference_addon_dir(), budget=10)
    assert clean.finding is None and clean.errors == [] and clean.examples >= 10
