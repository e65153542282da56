"""Proof of power: the reference addon keeps every MUST clause; every MUST clause has a
variant that it alone catches (that each variant is caught by its clause alone, by the
shipped scenarios, is asserted per variant in ``test_precision_broken.py``); fuzzing alone
finds a defect on the machines whose representative is not in ``tests/fuzz``."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mgm_addon_contract._resources import broken_addons_dir, reference_addon_dir
from mgm_addon_contract.contract import CLAUSES
from mgm_addon_contract.contract.check import run_check
from mgm_addon_contract.fuzz import run_machine

VARIANTS = sorted(p for p in broken_addons_dir().iterdir() if p.is_dir())
MUST = {c.id for c in CLAUSES if c.level == "MUST"}


def caught_by(variant: Path) -> str:
    found = re.search(r"Caught by: `([^`]+)`", (variant / "DEFECT.md").read_text("utf-8"))
    assert found, f"{variant}/DEFECT.md names no clause"
    return found[1]


def test_reference_addon_keeps_every_must_clause() -> None:
    report = run_check(reference_addon_dir(), budget=20, regressions=None)
    assert report.ok and not report.lua_errors and not report.blocked_calls
    assert {o.clause.id for o in report.outcomes.values() if o.status == "passed"} >= MUST


def test_every_must_clause_has_a_variant_it_alone_catches() -> None:
    alone = {caught_by(v) for v in VARIANTS}  # each asserted "alone" in test_precision_broken
    assert alone <= MUST
    assert MUST - alone == set()


# The fuzzers find defects without the shipped scenarios: one variant per machine (mail and
# acceptance: tests/fuzz/test_machines.py; every variant on its machine:
# `python benchmarks/bench_fuzz.py --variants`, table in docs/contract.md).
@pytest.mark.parametrize(("name", "machine"), [
    ("who-substring-match", "who"), ("items-count-always-one", "gift"),
])
def test_fuzzing_alone_catches_variants_with_their_clause(name: str, machine: str) -> None:
    variant = broken_addons_dir() / name
    run = run_machine(machine, variant / "MimironsGoldOMatic", budget=300, steps=10)
    assert run.finding is not None, f"{machine} machine missed {name}"
    assert run.finding.clauses == [caught_by(variant)]
