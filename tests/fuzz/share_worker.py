"""One side of the shared-database tests (run as its own process).

Usage: ``python share_worker.py MACHINE ADDON OTHER_MACHINE OTHER_ADDON``. Fuzzes MACHINE on
ADDON into the campaign database the environment names, prints ``stored <clauses>``, waits for
a line on stdin (the other side has stored its failure too), then replays what the database
holds for OTHER_MACHINE against OTHER_ADDON and prints ``seen <clauses>``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from mgm_addon_contract.fuzz import replay_stored, run_machine
from mgm_addon_contract.fuzz.database import campaign_database


def main(machine: str, addon: str, other_machine: str, other_addon: str) -> None:
    database = campaign_database()
    run = run_machine(machine, Path(addon), budget=300, seed_value=None, profile="dev",
                      database=database)
    print("stored", json.dumps(run.finding.clauses if run.finding else run.errors), flush=True)
    sys.stdin.readline()
    seen = replay_stored(other_machine, Path(other_addon), database)
    clauses = sorted({c for s in seen if s.finding for c in s.finding.clauses})
    print("seen", json.dumps(clauses), flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:5])
