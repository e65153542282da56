"""Running the state machines: settings from a profile, a seed, an example database, and the
shrunk counterexample turned into a readable script and a scenario file."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import HealthCheck, Phase, seed, settings
from hypothesis.database import (
    DirectoryBasedExampleDatabase,
    ExampleDatabase,
    InMemoryExampleDatabase,
)
from hypothesis.internal.reflection import function_digest
from hypothesis.stateful import get_state_machine_test

from mgm_addon_contract.contract.monitor import Failure
from mgm_addon_contract.fuzz.machines import MACHINES, AddonMachine, ClauseBroken, Recorder
from mgm_addon_contract.hypothesis_profiles import register_profiles
from mgm_addon_contract.scenarios.steps import Step
from mgm_addon_contract.scenarios.toml_io import Scenario, dump_scenario
from wowapi_stubs import ClientSettings
from wowapi_stubs.template import SessionEnded

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


ALL_PHASES = (Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink)
REPLAY_PHASES = (Phase.reuse,)
"""Replaying stored failures: no new examples, no shrinking (they are stored shrunk)."""


def fuzz_settings(profile: str = "ci", *, budget: int | None = None, steps: int = DEFAULT_STEPS,
                  database: Path | ExampleDatabase | None = None,
                  phases: tuple[Phase, ...] = ALL_PHASES) -> settings:
    """Settings of ``profile`` (ci, dev, nightly), ``budget`` examples, an optional example
    database (a directory or a database object; ``None``: no database)."""
    register_profiles()
    base = settings.get_profile(profile)
    if isinstance(database, str | Path):
        database = DirectoryBasedExampleDatabase(str(database))
    return settings(
        base,
        max_examples=budget or base.max_examples,
        stateful_step_count=steps,
        database=database,
        derandomize=base.derandomize and database is None,
        deadline=None,
        print_blob=False,
        phases=list(phases),
        suppress_health_check=list(HealthCheck),
    )


def bind_machine(machine: str | type[AddonMachine], addon: Path, *,
                 recorder: Recorder | None = None, skip: frozenset[str] = frozenset(),
                 settings: ClientSettings | None = None) -> type[AddonMachine]:
    """``machine`` bound to ``addon``. Bound classes of one machine share one example-database
    key whatever the addon (:func:`machine_key`), so ``check``, campaigns and replays pool
    their findings."""
    base = MACHINES[machine] if isinstance(machine, str) else machine
    return type(base.__name__, (base,), {"addon": Path(addon), "recorder": recorder or Recorder(),
                                         "skip": frozenset(skip), "settings": settings})


def machine_key(machine: str | type[AddonMachine]) -> bytes:
    """The example-database key under which Hypothesis (and HypoFuzz) store the failures of
    ``machine`` (its test's function digest)."""
    bound = bind_machine(machine, Path("."))
    return function_digest(get_state_machine_test(bound).hypothesis.inner_test)


def run_machine(machine: str | type[AddonMachine], addon: Path, *, budget: int | None = None,
                seed_value: int | None = 0, profile: str = "ci",
                database: Path | ExampleDatabase | None = None,
                skip: frozenset[str] = frozenset(), steps: int = DEFAULT_STEPS,
                phases: tuple[Phase, ...] = ALL_PHASES,
                settings: ClientSettings | None = None) -> FuzzRun:
    """Run one state machine against ``addon`` (on clients with ``settings``, default: the
    scenario defaults); a failure comes back shrunk. With a ``database`` the run replays
    what it holds, saves what it finds and is not seeded."""
    base = MACHINES[machine] if isinstance(machine, str) else machine
    name = machine if isinstance(machine, str) else base.__name__
    recorder = Recorder()
    bound = bind_machine(base, addon, recorder=recorder, skip=skip, settings=settings)
    test = get_state_machine_test(bound, settings=fuzz_settings(
        profile, budget=budget, steps=steps, database=database, phases=phases))
    if seed_value is not None and database is None:
        test = seed(seed_value)(test)  # a seeded test never reads or writes a database
    try:
        test()
    except ClauseBroken:
        last = max((f.step for f in recorder.failures), default=0)
        steps = recorder.steps[:last] if last else recorder.steps  # drop steps after the break
        finding = FuzzFinding(name, steps, recorder.failures, recorder.runs)
        return FuzzRun(name, recorder.runs, finding)
    except Exception as exc:  # noqa: BLE001 - an addon-independent crash is reported, not raised
        return FuzzRun(name, recorder.runs, errors=[error_text(exc)])
    return FuzzRun(name, recorder.runs)


def error_text(exc: BaseException) -> str:
    """How a fuzz error reads: the client's process ending (a forked run's child killed or
    crashed) is named first, with its reason, whatever Hypothesis wrapped it in (it calls a
    run that failed once and not on replay "flaky"); anything else as it was raised."""
    ended = _session_end(exc, set())
    text = f"{type(exc).__name__}: {exc}"
    if ended is None:
        return text
    return f"the client's process ended: {ended} (reported by Hypothesis as {text})"


def _session_end(exc: BaseException, seen: set[int]) -> SessionEnded | None:
    """The :class:`SessionEnded` inside ``exc`` (a group's members, causes), if any."""
    if id(exc) in seen:
        return None
    seen.add(id(exc))
    if isinstance(exc, SessionEnded):
        return exc
    inner: list[BaseException] = list(getattr(exc, "exceptions", ()))
    inner += [e for e in (exc.__cause__, exc.__context__) if e is not None]
    for each in inner:
        found = _session_end(each, seen)
        if found is not None:
            return found
    return None


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


@dataclass
class StoredReplay:
    """One failure stored in an example database, re-run against an addon: ``finding`` is
    the failure it still produces (None: it no longer fails)."""

    machine: str
    number: int
    finding: FuzzFinding | None = None
    errors: list[str] = field(default_factory=list)

    @property
    def still_fails(self) -> bool:
        return self.finding is not None


def stored_failures(machine: str, database: ExampleDatabase) -> list[bytes]:
    """The failing examples ``database`` holds for ``machine`` (shortest first)."""
    return sorted(database.fetch(machine_key(machine)), key=lambda entry: (len(entry), entry))


def replay_stored(machine: str, addon: Path, database: ExampleDatabase) -> list[StoredReplay]:
    """Re-run every failure stored for ``machine`` against ``addon``, one at a time, without
    generating or shrinking; ``database`` is only read."""
    key = machine_key(machine)
    replays = []
    for number, entry in enumerate(stored_failures(machine, database), 1):
        scratch = InMemoryExampleDatabase()
        scratch.save(key, entry)
        run = run_machine(machine, addon, budget=1, seed_value=None, profile="dev",
                          database=scratch, phases=REPLAY_PHASES)
        replays.append(StoredReplay(machine, number, run.finding, run.errors))
    return replays
