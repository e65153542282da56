"""Running the state machines: settings from a profile, a seed, an example database, and the
shrunk counterexample turned into a readable script and a scenario file."""

from __future__ import annotations

import hashlib
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
from wowapi_stubs import ClientSettings

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
                skip: frozenset[str] = frozenset(), steps: int = DEFAULT_STEPS,
                settings: ClientSettings | None = None) -> FuzzRun:
    """Run one state machine against ``addon`` (on clients with ``settings``, default: the
    scenario defaults); a failure comes back shrunk."""
    base = MACHINES[machine] if isinstance(machine, str) else machine
    name = machine if isinstance(machine, str) else base.__name__
    recorder = Recorder()
    bound = type(base.__name__, (base,), {"addon": Path(addon), "recorder": recorder,
                                          "skip": frozenset(skip), "settings": settings})
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


def save_finding(finding: FuzzFinding, directory: Path) -> Path | None:
    """Write the counterexample as a scenario file that later ``check`` runs replay. Files
    are named by a hash of their content, so finding the same counterexample again writes
    nothing new; a finding without steps (the addon does not load) is not saved: loading
    is its whole reproducer."""
    if not finding.steps:
        return None
    text = dump_scenario(finding.scenario())
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
    path = directory / f"{finding.scenario().name}-{digest}.toml"
    if not path.exists():
        directory.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return path
