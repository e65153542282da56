"""Scenario files in TOML: read with tomllib, written by hand-rolled emitter (flat tables).

```toml
name = "sc001-mail"
description = "..."
clauses = ["MAIL-CONFIRM-ON-SUCCESS"]   # what the scenario is about (documentation, coverage)

[[step]]
action = "open_mailbox"
```
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mgm_addon_contract.scenarios.steps import Step, StepError


@dataclass
class Scenario:
    """A named list of steps, with the clauses it is written for."""

    name: str
    steps: list[Step]
    description: str = ""
    clauses: list[str] = field(default_factory=list)
    path: Path | None = None


def _step_lines(text: str) -> list[int]:
    return [n for n, line in enumerate(text.splitlines(), 1) if line.strip() == "[[step]]"]


def load_scenario(path: Path) -> Scenario:
    """Read a scenario file; errors name the file, the line of the step and the rule broken."""
    from mgm_addon_contract.contract.clauses import BY_ID

    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise StepError(f"{path}: {exc}") from exc
    lines = _step_lines(text)
    raw_steps = data.get("step", [])
    if not isinstance(raw_steps, list):
        raise StepError(f"{path}: 'step' must be an array of tables ([[step]])")
    steps = []
    for index, raw in enumerate(raw_steps, start=1):
        where = f"{path}:{lines[index - 1]}" if index <= len(lines) else str(path)
        raw = dict(raw)
        action = raw.pop("action", None)
        if not isinstance(action, str):
            raise StepError(f"{where}: step {index}: every step needs action = \"...\"")
        step = Step(action, raw)
        try:
            step.validate()
        except StepError as exc:
            raise StepError(f"{where}: step {index}: {exc}") from exc
        steps.append(step)
    clauses = data.get("clauses", [])
    unknown = [c for c in clauses if c not in BY_ID]
    if not isinstance(clauses, list) or unknown:
        raise StepError(f"{path}: clauses: unknown clause id(s) {unknown} "
                        f"(see docs/contract.md)")
    return Scenario(str(data.get("name", path.stem)), steps, str(data.get("description", "")),
                    [str(c) for c in clauses], path)


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    return json.dumps(str(value), ensure_ascii=False)  # a valid TOML basic string


def dump_scenario(scenario: Scenario) -> str:
    """TOML text for a scenario (``load_scenario`` reads it back unchanged)."""
    lines = [f"name = {_value(scenario.name)}", f"description = {_value(scenario.description)}"]
    if scenario.clauses:
        lines.append(f"clauses = {_value(scenario.clauses)}")
    lines.append("")
    for step in scenario.steps:
        lines.append("[[step]]")
        lines.append(f"action = {_value(step.action)}")
        lines += [f"{key} = {_value(value)}" for key, value in step.args.items()]
        lines.append("")
    return "\n".join(lines)


def load_directory(directory: Path) -> list[Scenario]:
    """Every ``*.toml`` scenario in ``directory`` (sorted by file name; none if missing)."""
    if not directory.is_dir():
        return []
    return [load_scenario(path) for path in sorted(directory.glob("*.toml"))]
