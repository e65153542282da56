"""``check``: load report, scenarios (built-in and saved regressions), then fuzzing, summed up
per clause as passed, failed (with the shortest reproducer) or not exercised."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from mgm_addon_contract._resources import fixtures_dir
from mgm_addon_contract.contract.clauses import CLAUSES, Clause
from mgm_addon_contract.contract.monitor import Failure
from mgm_addon_contract.scenarios.library import SCENARIOS
from mgm_addon_contract.scenarios.runner import ScenarioResult, new_client, run_scenario
from mgm_addon_contract.scenarios.steps import Step
from mgm_addon_contract.scenarios.toml_io import dump_scenario, load_scenario
from wowapi_stubs import LoadReport


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

    @property
    def must_failures(self) -> list[ClauseOutcome]:
        return [o for o in self.outcomes.values()
                if o.status == "failed" and o.clause.level == "MUST"]


def regression_scenarios(directories: list[Path]) -> dict[str, list[Step]]:
    """Saved scenario files (``*.toml``) from the given folders."""
    found: dict[str, list[Step]] = {}
    for directory in directories:
        for path in sorted(directory.glob("*.toml")) if directory.is_dir() else []:
            name, _, steps = load_scenario(path)
            found[f"{path.parent.name}/{name}"] = steps
    return found


def run_check(addon: Path, *, budget: int = 100, seconds: float | None = None, seed: int = 0,
              save_dir: Path | None = None) -> CheckReport:
    """Run every check on ``addon``."""
    from mgm_addon_contract.fuzz import fuzz

    started = time.monotonic()
    client, load = new_client(addon)
    client.close()
    outcomes = {c.id: ClauseOutcome(c) for c in CLAUSES}
    report = CheckReport(addon, load, outcomes)
    directories = [fixtures_dir() / "scenarios"] + ([save_dir] if save_dir else [])
    named = regression_scenarios(directories) or dict(SCENARIOS)
    for name, steps in named.items():
        _record(report, run_scenario(addon, steps, name), f"scenario {name}")
        report.scenarios_run += 1
    failed = frozenset(o.clause.id for o in outcomes.values() if o.status == "failed")
    rounds = 0
    while load.ok and rounds < 4:
        if seconds is not None and time.monotonic() - started > seconds:
            break
        finding = fuzz(addon, budget=budget, seed=seed + rounds, skip=failed)
        report.fuzz_examples += budget
        rounds += 1
        if finding is None:
            break
        _record(report, finding.result, "fuzzing")
        if save_dir is not None:
            report.saved.append(_save(save_dir, finding.result))
        failed = frozenset(o.clause.id for o in outcomes.values() if o.status == "failed")
    report.seconds = time.monotonic() - started
    return report


def _record(report: CheckReport, result: ScenarioResult, source: str) -> None:
    for clause in result.exercised:
        outcome = report.outcomes.get(clause)
        if outcome and outcome.status == "not exercised":
            outcome.status = "passed"
    for failure in result.failures:
        outcome = report.outcomes[failure.clause]
        steps = result.steps[: failure.step] if failure.step else result.steps
        if outcome.status != "failed" or len(steps) < len(outcome.reproducer):
            outcome.status, outcome.failure = "failed", failure
            outcome.reproducer, outcome.found_by = steps, source


def _save(directory: Path, result: ScenarioResult) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    clause = result.failures[0].clause if result.failures else "none"
    path = directory / f"{clause.lower()}-{len(list(directory.glob('*.toml'))) + 1}.toml"
    path.write_text(dump_scenario(path.stem, f"shrunk counterexample for {clause}",
                                  result.steps), encoding="utf-8")
    return path
