"""The precision suite, fast slice: ``check`` (small budget) fails each broken variant on
exactly the clause its DEFECT.md names (no consequence counted as another failure)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mgm_addon_contract._resources import broken_addons_dir
from mgm_addon_contract.contract.check import run_check

BROKEN = sorted(p for p in broken_addons_dir().iterdir() if p.is_dir())


@pytest.mark.parametrize("variant", BROKEN, ids=lambda p: p.name)
def test_check_fails_a_broken_variant_on_exactly_its_clause(variant: Path) -> None:
    expected = re.search(r"Caught by: `([^`]+)`", (variant / "DEFECT.md").read_text("utf-8"))[1]
    report = run_check(variant / "MimironsGoldOMatic", budget=12, regressions=None)
    failed = {o.clause.id: o.failure.message for o in report.must_failures if o.failure}
    assert list(failed) == [expected], failed
    assert not report.expectation_failures
