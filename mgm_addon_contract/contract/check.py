"""``check``: the load report, then the scenarios (shipped and saved regressions), then the
state machines; summed up per clause as passed, failed (with the shortest reproducer) or not
exercised (with why), with every Lua error and blocked protected call seen on the way, and
what a second pass with a blocking cause relaxed found behind it."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mgm_addon_contract._resources import fixtures_dir
from mgm_addon_contract.contract.clauses import CLAUSES, Clause
from mgm_addon_contract.contract.monitor import Failure
from mgm_addon_contract.scenarios.prepare import PrepareControl
from mgm_addon_contract.scenarios.runner import (
    ScenarioResult,
    new_client,
    prepare_control,
    run_scenario,
    scenario_settings,
)
from mgm_addon_contract.scenarios.steps import Step
from mgm_addon_contract.scenarios.toml_io import Scenario, load_directory
from wowapi_stubs import ClientSettings, LoadReport
from wowapi_stubs.isolation import Crash

if TYPE_CHECKING:
    from hypothesis.database import ExampleDatabase

    from mgm_addon_contract.fuzz.runner import StoredReplay

DEFAULT_BUDGET = 100
"""Examples per state machine and round."""
MAX_ROUNDS = 3
"""Without ``--seconds``: rounds per machine (a new round only after a finding)."""


@dataclass(frozen=True)
class SeenFailure:
    """One failure of a clause, where it was seen and the steps that reproduce it (none:
    loading the addon is the reproducer)."""

    source: str
    failure: Failure
    reproducer: tuple[Step, ...]


@dataclass
class ClauseOutcome:
    """A clause's verdict: ``failed`` when any run saw it fail, ``passed`` when it was
    exercised and never failed, else ``not exercised`` with ``reason``. ``failure`` and
    ``reproducer`` are those of the shortest reproducer among ``failures``."""

    clause: Clause
    status: str = "not exercised"  # "passed", "failed", "not exercised"
    failure: Failure | None = None
    reproducer: list[Step] = field(default_factory=list)
    found_by: str = ""
    reason: str = ""
    failures: list[SeenFailure] = field(default_factory=list)
    exercised: bool = False
    masked_by: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class BehindFinding:
    """What a second pass, run with one blocking ``cause`` relaxed, found for a clause the
    first pass could not examine (``status`` failed or passed)."""

    clause: str
    cause: str
    relaxed: str
    status: str
    failure: Failure | None = None
    reproducer: tuple[Step, ...] = ()
    found_by: str = ""


RELAXATIONS: dict[str, tuple[str, dict[str, object]]] = {
    "WHO-NO-PROTECTED-CALL": ("protected calls allowed", {"allow_protected_calls": True}),
}
"""Blocking cause -> (label, client settings of the second pass that relaxes it)."""


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
    behind: list[BehindFinding] = field(default_factory=list)
    relaxed: str = ""  # set on a second pass: what it relaxed
    stored: list[StoredReplay] = field(default_factory=list)  # --replay-db, in order
    interrupted: bool = False  # Ctrl+C stopped the run: the report holds what was done
    prepare: PrepareControl | None = None  # the addon's Prepare Mail control (None: none)

    crashes: list[str] = field(default_factory=list)
    """Runs that ended their isolation worker (crash, hang, limit): what and where."""

    @property
    def must_failures(self) -> list[ClauseOutcome]:
        return [o for o in self.outcomes.values()
                if o.status == "failed" and o.clause.level == "MUST"]

    @property
    def ok(self) -> bool:
        return not self.must_failures and not self.expectation_failures and not self.crashes

    def failed_clauses(self) -> frozenset[str]:
        return frozenset(c for c, o in self.outcomes.items() if o.failures)


Runner = Callable[..., Any]
"""Runs one part of a check: ``runner(job, *args, **kwargs)`` returns ``job``'s result, or a
:class:`~wowapi_stubs.isolation.Crash` when the isolation worker running it ended."""

def _here(job: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    return job(*args, **kwargs)


def _opened(database: Any) -> Any:
    """A database object from a spec (a folder or a redis:// URL), objects as they are."""
    if isinstance(database, str | Path):
        from mgm_addon_contract.fuzz.database import open_database

        return open_database(database)
    return database


def load_job(addon: Path, settings: ClientSettings | None) -> LoadReport:
    """Job: the addon's load report (its client closed)."""
    client, load = new_client(addon, settings)
    client.close()
    return load


def machine_job(name: str, addon: Path, database: Any, **options: Any) -> Any:
    """Job: one round of state machine ``name`` (``database``: a spec or an object)."""
    from mgm_addon_contract.fuzz import run_machine

    return run_machine(name, addon, database=_opened(database), **options)


def stored_job(name: str, addon: Path, database: Any) -> Any:
    """Job: every failure ``database`` holds for machine ``name``, re-run."""
    from mgm_addon_contract.fuzz import replay_stored

    return replay_stored(name, addon, _opened(database))


def _crashed(report: CheckReport, result: Any, part: str) -> bool:
    """A part whose worker ended: recorded as a crash of that part (the rest goes on)."""
    if not isinstance(result, Crash):
        return False
    where = result.location or result.entry or "?"
    text = f"{part}: {where}: {result.describe()}"
    report.crashes.append(text)
    report.lua_errors.setdefault(text, part)
    return True


def shipped_scenarios() -> list[Scenario]:
    """SC-001 segments and the per-clause scenarios in ``fixtures/scenarios``."""
    return load_directory(fixtures_dir() / "scenarios")


def run_check(addon: Path, *, budget: int = DEFAULT_BUDGET, seconds: float | None = None,
              seed: int = 0, profile: str = "ci", database: Path | ExampleDatabase | None = None,
              regressions: Path | None = None, machines: tuple[str, ...] | None = None,
              scenarios: list[Scenario] | None = None,
              replay_db: Path | str | ExampleDatabase | None = None, relax: str | None = None,
              second_pass: bool = True, runner: Runner | None = None) -> CheckReport:
    """Run every check on ``addon``; ``regressions`` is where shrunk counterexamples are
    saved and replayed from; ``seconds`` keeps fuzzing with new seeds until it runs out;
    ``replay_db``: every failure stored there (by campaigns, other runs) is re-run first.
    Databases are objects, folders or redis:// URLs.

    ``runner`` runs each part (the load, each scenario, each fuzzing round, the stored
    failures) apart, e.g. in an isolation worker: a part that ends its worker is reported
    as a crash of that part, with where it happened, and the others are reported as usual.

    When a blocking defect (a blocked protected call) kept clauses from being examined, a
    second pass with that cause relaxed (``relax``, a key of :data:`RELAXATIONS`) reports
    what is behind it in ``behind``."""
    run = runner or _here
    started = time.monotonic()
    settings = scenario_settings(**RELAXATIONS[relax][1]) if relax else None
    load = run(load_job, addon, settings)
    crash = load if isinstance(load, Crash) else None
    if crash is not None:
        from mgm_addon_contract.isolated import crash_report

        load = crash_report(addon, crash)
    report = CheckReport(addon, load, {c.id: ClauseOutcome(c) for c in CLAUSES},
                         relaxed=RELAXATIONS[relax][0] if relax else "")
    if crash is not None:
        _crashed(report, crash, "loading")
    if load.running:
        prepare = run(prepare_control, addon, settings)
        report.prepare = None if _crashed(report, prepare, "finding Prepare Mail") else prepare
    named = list(scenarios if scenarios is not None else shipped_scenarios())
    if regressions is not None:
        named += load_directory(regressions)
    try:
        for scenario in named:
            label = f"scenario {scenario.path.name if scenario.path else scenario.name}"
            result = run(run_scenario, addon, scenario.steps, scenario.name, settings,
                         report.failed_clauses())
            if not _crashed(report, result, label):
                record(report, result, label)
            report.scenarios_run += 1
            if not load.running:
                break
        if load.running and replay_db is not None:
            _replay_stored(report, addon, replay_db, machines, run)
        if load.running:
            _fuzz(report, addon, budget=budget, seconds=seconds, seed=seed, profile=profile,
                  database=database, regressions=regressions, machines=machines,
                  started=started, settings=settings, run=run)
        finalize(report)
        if second_pass and relax is None:
            for cause in _blocking_causes(report):
                _look_behind(report, cause, run_check(
                    addon, budget=budget, seconds=seconds, seed=seed, profile=profile,
                    machines=machines, scenarios=scenarios, relax=cause, second_pass=False,
                    runner=runner))
    except KeyboardInterrupt:
        report.interrupted = True
        finalize(report)
    report.seconds = time.monotonic() - started
    return report


def _replay_stored(report: CheckReport, addon: Path, database: Any,
                   machines: tuple[str, ...] | None, run: Runner) -> None:
    """Each stored failure as a regression: still failing ones count against their clause."""
    from mgm_addon_contract.fuzz import MACHINES

    for name in machines or MACHINES:
        replays = run(stored_job, name, addon, database)
        if _crashed(report, replays, f"stored {name} failures"):
            continue
        for stored in replays:
            report.stored.append(stored)
            report.fuzz_errors += [f"stored {name} failure #{stored.number}: {e}"
                                   for e in stored.errors]
            if stored.finding is not None:
                label = f"stored {name} failure #{stored.number}"
                result = run(run_scenario, addon, stored.finding.steps,
                             f"stored {name} failure", None, report.failed_clauses())
                if not _crashed(report, result, label):
                    record(report, result, label)


def _blocking_causes(report: CheckReport) -> list[str]:
    masked = {cause for o in report.outcomes.values() for cause in o.masked_by}
    return [cause for cause in RELAXATIONS
            if report.outcomes[cause].status == "failed" or cause in masked]


def _look_behind(report: CheckReport, cause: str, relaxed: CheckReport) -> None:
    """Clauses the first pass could not judge (or did not fail) that the relaxed pass
    failed, and masked clauses it passed."""
    for clause, outcome in relaxed.outcomes.items():
        first = report.outcomes[clause]
        if clause == cause or first.status == "failed":
            continue
        if outcome.status == "failed":
            report.behind.append(BehindFinding(
                clause, cause, relaxed.relaxed, "failed", outcome.failure,
                tuple(outcome.reproducer), outcome.found_by))
        elif outcome.status == "passed" and cause in first.masked_by:
            report.behind.append(BehindFinding(clause, cause, relaxed.relaxed, "passed"))


def _fuzz(report: CheckReport, addon: Path, *, budget: int, seconds: float | None, seed: int,
          profile: str, database: Any, regressions: Path | None,
          machines: tuple[str, ...] | None, started: float,
          settings: ClientSettings | None = None, run: Runner = _here) -> None:
    from mgm_addon_contract.fuzz import MACHINES, save_finding

    names = list(machines or MACHINES)
    rounds = {name: 0 for name in names}
    active = list(names)
    while active:
        for name in list(active):
            if seconds is not None and time.monotonic() - started > seconds:
                return
            fuzzed = run(machine_job, name, addon, database, budget=budget,
                         seed_value=seed + rounds[name], profile=profile,
                         skip=report.failed_clauses(), settings=settings)
            rounds[name] += 1
            if _crashed(report, fuzzed, f"{name} state machine"):
                active.remove(name)
                continue
            report.fuzz_examples += fuzzed.examples
            report.fuzz_errors += [f"{name}: {e}" for e in fuzzed.errors]
            finding = fuzzed.finding
            if finding is not None:
                result = run(run_scenario, addon, finding.steps, f"fuzz {name}", settings,
                             report.failed_clauses())
                if not _crashed(report, result, f"{name} state machine finding"):
                    record(report, result, f"{name} state machine")
                saved = save_finding(finding, regressions) if regressions is not None else None
                if saved is not None and saved not in report.saved:
                    report.saved.append(saved)
            elif seconds is None or fuzzed.errors:
                active.remove(name)
            if seconds is None and rounds[name] >= MAX_ROUNDS and name in active:
                active.remove(name)


def record(report: CheckReport, result: ScenarioResult, source: str) -> None:
    """Add one run's failures, exercised clauses, masked clauses, Lua errors and blocked
    calls to ``report`` (statuses are decided by :func:`finalize`)."""
    for message in result.lua_errors:
        report.lua_errors.setdefault(message, source)
    for call in result.blocked_calls:
        report.blocked_calls.setdefault(call, source)
    for clause in result.exercised:
        if clause in report.outcomes:
            report.outcomes[clause].exercised = True
    for masked in result.masked:
        if masked.clause in report.outcomes:
            report.outcomes[masked.clause].masked_by.add(masked.cause)
    # A failed expectation without a clause id always counts (the scenario is wrong or the
    # addon is).
    report.expectation_failures += [(source, f) for f in result.failures
                                    if f.clause not in report.outcomes]
    failures = [f for f in result.failures if f.clause in report.outcomes]
    for failure in failures:
        steps = tuple(result.steps[: failure.step]) if failure.step else ()
        report.outcomes[failure.clause].failures.append(SeenFailure(source, failure, steps))


def finalize(report: CheckReport) -> None:
    """Decide every clause's status from what was recorded: failed if any run saw it fail
    (first failure of a run or a later one), passed if exercised and never failed, else not
    exercised with the reason."""
    for outcome in report.outcomes.values():
        if outcome.failures:
            shortest = min(outcome.failures, key=lambda seen: len(seen.reproducer))
            outcome.status, outcome.failure = "failed", shortest.failure
            outcome.reproducer, outcome.found_by = list(shortest.reproducer), shortest.source
            outcome.reason = ""
        elif outcome.exercised:
            outcome.status, outcome.reason = "passed", ""
        else:
            outcome.status = "not exercised"
            outcome.reason = _why_not(report, outcome)


def _why_not(report: CheckReport, outcome: ClauseOutcome) -> str:
    if not report.load.running:
        return "behind LOADS-IN-LUA51: the addon did not load"
    if outcome.masked_by:
        return "behind " + ", ".join(sorted(outcome.masked_by))
    if report.scenarios_run == 0 and report.fuzz_examples == 0:
        return "nothing was run"
    return "no scenario or fuzzed run reached it"
