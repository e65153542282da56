"""Proof of power: the reference addon keeps every MUST clause; each broken variant is caught
by the clause its DEFECT.md names, and by no other clause first; every MUST clause has a
variant that it alone catches."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mgm_addon_contract._resources import broken_addons_dir, reference_addon_dir
from mgm_addon_contract.contract import CLAUSES
from mgm_addon_contract.contract.check import run_check, shipped_scenarios
from mgm_addon_contract.fuzz import run_machine
from mgm_addon_contract.scenarios.runner import run_scenario

SHIPPED = shipped_scenarios()
VARIANTS = sorted(p for p in broken_addons_dir().iterdir() if p.is_dir())
MUST = {c.id for c in CLAUSES if c.level == "MUST"}


def caught_by(variant: Path) -> str:
    found = re.search(r"Caught by: `([^`]+)`", (variant / "DEFECT.md").read_text("utf-8"))
    assert found, f"{variant}/DEFECT.md names no clause"
    return found[1]


def first_failures(addon: Path) -> set[str]:
    """The clause that breaks first in each shipped scenario (later failures in the same run
    may be consequences of the first)."""
    clauses = set()
    for scenario in SHIPPED:
        failures = run_scenario(addon, scenario.steps, scenario.name).failures
        if failures:
            clauses.add(failures[0].clause)
    return clauses


def test_reference_addon_keeps_every_must_clause() -> None:
    report = run_check(reference_addon_dir(), budget=20, regressions=None)
    assert report.ok and not report.lua_errors and not report.blocked_calls
    assert {o.clause.id for o in report.outcomes.values() if o.status == "passed"} >= MUST


@pytest.mark.parametrize("variant", VARIANTS, ids=lambda p: p.name)
def test_each_variant_is_caught_by_its_clause_alone(variant: Path) -> None:
    expected = caught_by(variant)
    assert expected in MUST
    assert first_failures(variant / "MimironsGoldOMatic") == {expected}


def test_every_must_clause_has_a_variant_it_alone_catches() -> None:
    alone = {caught_by(v) for v in VARIANTS}  # each asserted "alone" above
    assert MUST - alone == set()


# The fuzzers find defects without the shipped scenarios: one variant per machine (the full
# table for every variant is in docs/contract.md, produced by benchmarks/bench_fuzz.py).
@pytest.mark.parametrize(("name", "machine"), [
    ("no-confirm-tag", "mail"), ("failure-drops-row", "mail"),
    ("latest-payout-only", "acceptance"), ("who-substring-match", "who"),
    ("items-count-always-one", "gift"),
])
def test_fuzzing_alone_catches_variants_with_their_clause(name: str, machine: str) -> None:
    variant = broken_addons_dir() / name
    run = run_machine(machine, variant / "MimironsGoldOMatic", budget=300)
    assert run.finding is not None, f"{machine} machine missed {name}"
    assert run.finding.clauses == [caught_by(variant)]
