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
    fuzz_settings,
    run_machine,
    save_finding,
)

__all__ = [
    "MACHINES",
    "AcceptanceMachine",
    "AddonMachine",
    "FuzzFinding",
    "FuzzRun",
    "GiftMachine",
    "MailGatingMachine",
    "WhoMachine",
    "fuzz_settings",
    "run_machine",
    "save_finding",
]
