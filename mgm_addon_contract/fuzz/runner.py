"""Running the state machines: settings from a profile, a seed, an example database, and the
shrunk counterexample turned into a readable script and a scenario file."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import HealthCheck, Phase, seed, settings
from hypothesis.database import DirectoryBasedExampleDatabase
from hypothesis.stateful import get_state_machine_test

from mgm_addon_contract.contract.monitor import Failure
from mgm_addon_contract.fuzz.machines import MACHINES, AddonMachine, ClauseBroken, Recorder
from mgm_addon_contract.hypothesis_profiles import register_profiles
from mgm_addon_contract.scenarios.steps import Step
from mgm_addon_contract.scenarios.toml_io import Scenario, dump_scenario

DEFAULT_STEPS = 20
"""Steps per fuzzed run (Hypothesis ``stateful_step_count``)."""


@dataclass
class FuzzFinding:
    """The shrunk failing run of one machine."""

    machine: str
    steps: list[Step]
    failures: list[Failure]
    examples: int = 0

    @property
    def clauses(self) -> list[str]:
        return sorted({f.clause for f in self.failures})

    def script(self) -> str:
        """The reproducer as numbered, readable steps, failures under the step they hit."""
        lines = []
        for index, step in enumerate(self.steps, 1):
            lines.append(f"{index:3}. {step.describe()}")
            lines += [f"     ^ {f.clause}: {f.message}" for f in self.failures if f.step == index]
        return "\n".join(lines)

    def scenario(self) -> Scenario:
        return Scenario(f"{self.machine}-{'-'.join(c.lower() for c in self.clauses)}",
                        self.steps, f"Shrunk counterexample found by the {self.machine} "
                        f"state machine: {'; '.join(f.message for f in self.failures)}",
                        self.clauses)


@dataclass
class FuzzRun:
    """What one machine run did: examples tried and the finding, if any."""

    machine: str
    examples: int
    finding: FuzzFinding | None = None
    errors: list[str] = field(default_factory=list)


def fuzz_settings(profile: str = "ci", *, budget: int | None = None, steps: int = DEFAULT_STEPS,
                  database: Path | None = None) -> settings:
    """Settings of ``profile`` (ci, dev, nightly), ``budget`` examples, an optional example
    database directory (``None``: no database)."""
    register_profiles()
    base = settings.get_profile(profile)
    return settings(
        base,
        max_examples=budget or base.max_examples,
        stateful_step_count=steps,
        database=DirectoryBasedExampleDatabase(str(database)) if database else None,
        deadline=None,
        print_blob=False,
        phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink],
        suppress_health_check=list(HealthCheck),
    )


def run_machine(machine: str | type[AddonMachine], addon: Path, *, budget: int | None = None,
                seed_value: int | None = 0, profile: str = "ci", database: Path | None = None,
                skip: frozenset[str] = frozenset(), steps: int = DEFAULT_STEPS) -> FuzzRun:
    """Run one state machine against ``addon``; a failure comes back shrunk."""
    base = MACHINES[machine] if isinstance(machine, str) else machine
    name = machine if isinstance(machine, str) else base.__name__
    recorder = Recorder()
    bound = type(base.__name__, (base,), {"addon": Path(addon), "recorder": recorder,
                                          "skip": frozenset(skip)})
    test = get_state_machine_test(bound, settings=fuzz_settings(
        profile, budget=budget, steps=steps, database=database))
    if seed_value is not None:
        test = seed(seed_value)(test)
    try:
        test()
    except ClauseBroken:
        last = max((f.step for f in recorder.failures), default=0)
        steps = recorder.steps[:last] if last else recorder.steps  # drop steps after the break
        finding = FuzzFinding(name, steps, recorder.failures, recorder.runs)
        return FuzzRun(name, recorder.runs, finding)
    except Exception as exc:  # noqa: BLE001 - an addon-independent crash is reported, not raised
        return FuzzRun(name, recorder.runs, errors=[f"{type(exc).__name__}: {exc}"])
    return FuzzRun(name, recorder.runs)


def save_finding(finding: FuzzFinding, directory: Path) -> Path:
    """Write the counterexample as a scenario file that later ``check`` runs replay."""
    directory.mkdir(parents=True, exist_ok=True)
    scenario = finding.scenario()
    stem, number = scenario.name, 1
    while (directory / f"{stem}-{number}.toml").exists():
        number += 1
    path = directory / f"{stem}-{number}.toml"
    path.write_text(dump_scenario(scenario), encoding="utf-8")
    return path
