"""The precision suite, fast slice: ``check`` (small budget) passes every SPEC-conforming
variant of the reference addon: no false MUST failure. The full measurement (default budget,
5 seeds) is ``benchmarks/bench_precision.py``; its figures are in docs/contract.md."""

from __future__ import annotations

from pathlib import Path

import pytest

from mgm_addon_contract._resources import fixtures_dir
from mgm_addon_contract.contract.check import run_check

CONFORMING = sorted(p for p in (fixtures_dir() / "addons" / "conforming").iterdir()
                    if p.is_dir())


def test_at_least_twelve_documented_conforming_variants() -> None:
    readme = (fixtures_dir() / "addons" / "conforming" / "README.md").read_text("utf-8")
    assert len(CONFORMING) >= 12
    for variant in CONFORMING:
        assert f"`{variant.name}`" in readme
        assert "Allowed by: " in (variant / "VARIANT.md").read_text("utf-8")


@pytest.mark.parametrize("variant", CONFORMING, ids=lambda p: p.name)
def test_check_passes_a_spec_conforming_variant(variant: Path) -> None:
    report = run_check(variant / "MimironsGoldOMatic", budget=12, regressions=None)
    wrong = {o.clause.id: o.failure.message for o in report.must_failures if o.failure}
    assert not wrong and not report.expectation_failures, wrong
    assert not report.lua_errors and not report.blocked_calls
