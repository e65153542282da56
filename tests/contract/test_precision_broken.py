"""The precision suite and proof of power, one ``check`` per broken variant (small budget):
it fails exactly the clause the variant's DEFECT.md names (no consequence counted as another
failure, SHOULD clauses and scenario expectations included), and the shipped scenarios alone
already catch it. The full measurement (default budget, 5 seeds) is
``benchmarks/bench_precision.py``; its figures are in docs/contract.md."""

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
    failed = {c: o.failure.message for c, o in report.outcomes.items() if o.failure}
    assert list(failed) == [expected], failed
    assert not report.expectation_failures
    sources = {seen.source for seen in report.outcomes[expected].failures}
    assert any(source.startswith("scenario ") for source in sources), sources
