"""Write the built-in scenarios (mgm_addon_contract.scenarios.library) to fixtures/scenarios/
as TOML files, the form ``check`` and ``scenario`` read. Run from the repository root."""

from __future__ import annotations

from pathlib import Path

from mgm_addon_contract.scenarios.library import DESCRIPTIONS, SCENARIOS
from mgm_addon_contract.scenarios.toml_io import dump_scenario

TARGET = Path(__file__).resolve().parent.parent / "fixtures" / "scenarios"


def main() -> None:
    TARGET.mkdir(parents=True, exist_ok=True)
    for name, steps in SCENARIOS.items():
        text = dump_scenario(name, DESCRIPTIONS.get(name, ""), steps)
        (TARGET / f"{name}.toml").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
