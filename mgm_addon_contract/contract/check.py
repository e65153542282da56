"""``check``: the load report, then the scenarios (shipped and saved regressions), then the
state machines; summed up per clause as passed, failed (with the shortest reproducer) or not
exercised, with every Lua error and blocked protected call seen on the way."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from mgm_addon_contract._resources import fixtures_dir
from mgm_addon_contract.contract.clauses import CLAUSES, Clause
from mgm_addon_contract.contract.monitor import Failure
from mgm_addon_contract.scenarios.runner import ScenarioResult, new_client, run_scenario
from mgm_addon_contract.scenarios.steps import Step
from mgm_addon_contract.scenarios.toml_io import Scenario, load_directory
from wowapi_stubs import LoadReport

if TYPE_CHECKING:
    from hypothesis.database import ExampleDatabase

    from mgm_addon_contract.fuzz.runner import StoredReplay

DEFAULT_BUDGET = 100
"""Examples per state machine and round."""
MAX_ROUNDS = 3
"""Without ``--seconds``: rounds per machine (a new round only after a finding)."""


@dataclass
class ClauseOutcome:
    clause: Clause
    status: str = "not exercised"  # "passed", "failed", "not exercised"
    failure: Failure | None = None
    reproducer: list[Step] = field(default_factory=list)
    found_by: str = ""


@dataclass
class CheckReport:
    addon: Path
    load: LoadReport
    outcomes: dict[str, ClauseOutcome]
    scenarios_run: int = 0
    fuzz_examples: int = 0
    saved: list[Path] = field(default_factory=list)
    seconds: float = 0.0
    lua_errors: dict[str, str] = field(default_factory=dict)  # message -> where seen first
    blocked_calls: dict[str, str] = field(default_factory=dict)
    expectation_failures: list[tuple[str, Failure]] = field(default_factory=list)
    fuzz_errors: list[str] = field(default_factory=list)
    later_failures: list[tuple[str, Failure]] = field(default_factory=list)
    stored: list[StoredReplay] = field(default_factory=list)  # --replay-db, in order
    interrupted: bool = False  # Ctrl+C stopped the run: the report holds what was done

    @property
    def must_failures(self) -> list[ClauseOutcome]:
        return [o for o in self.outcomes.values()
                if o.status == "failed" and o.clause.level == "MUST"]

    @property
    def ok(self) -> bool:
        return not self.must_failures and not self.expectation_failures


def shipped_scenarios() -> list[Scenario]:
    """SC-001 segments and the per-clause scenarios in ``fixtures/scenarios``."""
    return load_directory(fixtures_dir() / "scenarios")


def run_check(addon: Path, *, budget: int = DEFAULT_BUDGET, seconds: float | None = None,
              seed: int = 0, profile: str = "ci", database: Path | ExampleDatabase | None = None,
              regressions: Path | None = None, machines: tuple[str, ...] | None = None,
              scenarios: list[Scenario] | None = None,
              replay_db: ExampleDatabase | None = None) -> CheckReport:
    """Run every check on ``addon``; ``regressions`` is where shrunk counterexamples are
    saved and replayed from; ``seconds`` keeps fuzzing with new seeds until it runs out;
    ``replay_db``: every failure stored there (by campaigns, other runs) is re-run first."""
    started = time.monotonic()
    client, load = new_client(addon)
    client.close()
    report = CheckReport(addon, load, {c.id: ClauseOutcome(c) for c in CLAUSES})
    named = list(scenarios if scenarios is not None else shipped_scenarios())
    if regressions is not None:
        named += load_directory(regressions)
    try:
        for scenario in named:
            label = f"scenario {scenario.path.name if scenario.path else scenario.name}"
            _record(report, run_scenario(addon, scenario.steps, scenario.name), label)
            report.scenarios_run += 1
            if not load.ok:
                break
        if load.ok and replay_db is not None:
            _replay_stored(report, addon, replay_db, machines)
        if load.ok:
            _fuzz(report, addon, budget=budget, seconds=seconds, seed=seed, profile=profile,
                  database=database, regressions=regressions, machines=machines,
                  started=started)
    except KeyboardInterrupt:
        report.interrupted = True
    report.seconds = time.monotonic() - started
    return report


def _replay_stored(report: CheckReport, addon: Path, database: ExampleDatabase,
                   machines: tuple[str, ...] | None) -> None:
    """Each stored failure as a regression: still failing ones count against their clause."""
    from mgm_addon_contract.fuzz import MACHINES, replay_stored

    for name in machines or MACHINES:
        for stored in replay_stored(name, addon, database):
            report.stored.append(stored)
            report.fuzz_errors += [f"stored {name} failure #{stored.number}: {e}"
                                   for e in stored.errors]
            if stored.finding is not None:
                result = run_scenario(addon, stored.finding.steps, f"stored {name} failure")
                _record(report, result, f"stored {name} failure #{stored.number}")


def _fuzz(report: CheckReport, addon: Path, *, budget: int, seconds: float | None, seed: int,
          profile: str, database: Path | ExampleDatabase | None, regressions: Path | None,
          machines: tuple[str, ...] | None, started: float) -> None:
    from mgm_addon_contract.fuzz import MACHINES, run_machine, save_finding

    names = list(machines or MACHINES)
    rounds = {name: 0 for name in names}
    active = list(names)
    while active:
        for name in list(active):
            if seconds is not None and time.monotonic() - started > seconds:
                return
            failed = frozenset(o.clause.id for o in report.outcomes.values()
                               if o.status == "failed")
            run = run_machine(name, addon, budget=budget, seed_value=seed + rounds[name],
                              profile=profile, database=database, skip=failed)
            rounds[name] += 1
            report.fuzz_examples += run.examples
            report.fuzz_errors += [f"{name}: {e}" for e in run.errors]
            finding = run.finding
            if finding is not None:
                result = run_scenario(addon, finding.steps, f"fuzz {name}")
                _record(report, result, f"{name} state machine")
                if regressions is not None:
                    report.saved.append(save_finding(finding, regressions))
            elif seconds is None or run.errors:
                active.remove(name)
            if seconds is None and rounds[name] >= MAX_ROUNDS and name in active:
                active.remove(name)


def _record(report: CheckReport, result: ScenarioResult, source: str) -> None:
    for message in result.lua_errors:
        report.lua_errors.setdefault(message, source)
    for call in result.blocked_calls:
        report.blocked_calls.setdefault(call, source)
    for clause in result.exercised:
        outcome = report.outcomes.get(clause)
        if outcome and outcome.status == "not exercised":
            outcome.status = "passed"
    # Only the first clause failure of a run decides a clause: later ones in the same run may
    # be consequences of it; they are listed, and fuzzing keeps looking for other defects.
    # A failed expectation without a clause id always counts (the scenario is wrong or the
    # addon is).
    report.expectation_failures += [(source, f) for f in result.failures
                                    if f.clause not in report.outcomes]
    failures = [f for f in result.failures if f.clause in report.outcomes]
    report.later_failures += [(source, f) for f in failures[1:]]
    for failure in failures[:1]:
        outcome = report.outcomes[failure.clause]
        steps = result.steps[: failure.step] if failure.step else result.steps
        if outcome.status != "failed" or len(steps) < len(outcome.reproducer):
            outcome.status, outcome.failure = "failed", failure
            outcome.reproducer, outcome.found_by = steps, source

