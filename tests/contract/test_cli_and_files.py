"""Scenario files and the ``check`` / ``scenario`` commands."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from mgm_addon_contract._resources import broken_addons_dir, reference_addon_dir
from mgm_addon_contract.cli import app
from mgm_addon_contract.scenarios.library import SCENARIOS
from mgm_addon_contract.scenarios.steps import Step
from mgm_addon_contract.scenarios.toml_io import dump_scenario, load_scenario

runner = CliRunner()


def test_scenario_files_round_trip(tmp_path: Path) -> None:
    steps = SCENARIOS["gift"] + [Step("set_roster", {"names": ["Norinn", "Вася"]})]
    path = tmp_path / "s.toml"
    path.write_text(dump_scenario("gift", "a \"quoted\" description", steps), encoding="utf-8")
    assert load_scenario(path) == ("gift", 'a "quoted" description', steps)


def test_bad_scenario_file_names_file_and_step(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text('[[step]]\naction = "open_mailbox"\n[[step]]\naction = "dance"\n')
    result = runner.invoke(app, ["scenario", str(path)])
    assert result.exit_code == 2
    assert "bad.toml: step 2: unknown action 'dance'" in result.output
    assert "Traceback" not in result.output


def test_check_command_json_and_exit_codes(tmp_path: Path) -> None:
    ok = runner.invoke(app, ["check", str(reference_addon_dir()), "--budget", "10",
                             "--save-dir", str(tmp_path), "--format", "json"])
    assert ok.exit_code == 0, ok.output
    data = json.loads(ok.output)
    assert {c["status"] for c in data["clauses"]} == {"passed"}
    broken = broken_addons_dir() / "wrong-whisper-text" / "MimironsGoldOMatic"
    bad = runner.invoke(app, ["check", str(broken), "--budget", "10", "--save-dir",
                              str(tmp_path), "--format", "junit"])
    assert bad.exit_code == 1
    assert "WHISPER-WINNER-TEXT" in bad.output and "<failure" in bad.output
    missing = runner.invoke(app, ["check", str(tmp_path / "nope")])
    assert missing.exit_code == 2 and "no such addon folder" in missing.output
