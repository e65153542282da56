"""Scenario files in TOML: read with tomllib, written by hand (flat tables only)."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

from mgm_addon_contract.scenarios.steps import Step, StepError


def load_scenario(path: Path) -> tuple[str, str, list[Step]]:
    """(name, description, steps) of a scenario file; errors name the file and step."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise StepError(f"{path}: {exc}") from exc
    steps = []
    for index, raw in enumerate(data.get("step", []), start=1):
        raw = dict(raw)
        action = raw.pop("action", None)
        step = Step(str(action), raw)
        try:
            step.validate()
        except StepError as exc:
            raise StepError(f"{path}: step {index}: {exc}") from exc
        steps.append(step)
    return str(data.get("name", path.stem)), str(data.get("description", "")), steps


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    return json.dumps(str(value), ensure_ascii=False)  # a TOML basic string


def dump_scenario(name: str, description: str, steps: list[Step]) -> str:
    """TOML text for a scenario."""
    lines = [f"name = {_value(name)}", f"description = {_value(description)}", ""]
    for step in steps:
        lines.append("[[step]]")
        lines.append(f"action = {_value(step.action)}")
        lines += [f"{key} = {_value(value)}" for key, value in step.args.items()]
        lines.append("")
    return "\n".join(lines)
