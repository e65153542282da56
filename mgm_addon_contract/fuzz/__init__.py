"""Fuzzing the addon with Hypothesis state machines (mail gating, acceptance, /who, gift);
the contract clauses are the invariants and failures shrink to a saved scenario."""

from mgm_addon_contract.fuzz.machines import (
    MACHINES,
    AcceptanceMachine,
    AddonMachine,
    GiftMachine,
    MailGatingMachine,
    WhoMachine,
)
from mgm_addon_contract.fuzz.runner import (
    FuzzFinding,
    FuzzRun,
    StoredReplay,
    bind_machine,
    fuzz_settings,
    machine_key,
    replay_stored,
    run_machine,
    save_finding,
    stored_failures,
)

__all__ = [
    "MACHINES",
    "AcceptanceMachine",
    "AddonMachine",
    "FuzzFinding",
    "FuzzRun",
    "GiftMachine",
    "MailGatingMachine",
    "StoredReplay",
    "WhoMachine",
    "bind_machine",
    "fuzz_settings",
    "machine_key",
    "replay_stored",
    "run_machine",
    "save_finding",
    "stored_failures",
]
