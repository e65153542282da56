"""Running a scenario on a fresh headless client with the contract monitor watching."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from mgm_addon_contract.contract.monitor import ContractMonitor, Failure
from mgm_addon_contract.scenarios.steps import Step
from wowapi_stubs import ClientSettings, HeadlessClient, LoadReport, WhoEntry

DEFAULT_ROSTER = ("Norinn", "Norinna", "Вася", "Bob")


@dataclass
class ScenarioResult:
    """Failures (by clause) and the clauses the scenario exercised."""

    name: str
    steps: list[Step]
    failures: list[Failure] = field(default_factory=list)
    exercised: set[str] = field(default_factory=set)
    load: LoadReport | None = None

    @property
    def ok(self) -> bool:
        return not self.failures


def new_client(addon: Path, settings: ClientSettings | None = None,
               ) -> tuple[HeadlessClient, LoadReport]:
    """A client with the default roster and ``addon`` loaded."""
    client = HeadlessClient(settings or ClientSettings(chatlog_flush="logout"))
    client.set_world_roster([WhoEntry(name) for name in DEFAULT_ROSTER])
    client.add_character("Offlinealt")
    return client, client.load_addon(addon)


def run_scenario(addon: Path, steps: list[Step], name: str = "scenario") -> ScenarioResult:
    """Run ``steps`` on a fresh client with ``addon`` and check every step."""
    client, report = new_client(addon)
    result = ScenarioResult(name, list(steps), load=report)
    try:
        if not report.ok:
            result.failures.append(Failure("LOADS-IN-LUA51", "; ".join(
                f.error or "" for f in report.files if not f.ok) or "load errors", 0))
            return result
        monitor = ContractMonitor(client)
        for index, step in enumerate(steps, start=1):
            monitor.run(index, step)
        monitor.finish()
        result.failures = monitor.failures
        result.exercised = monitor.exercised | {"LOADS-IN-LUA51"}
    finally:
        client.close()
    return result
