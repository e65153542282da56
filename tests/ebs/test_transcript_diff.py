"""``mgm-contract transcript diff``: request-by-request comparison of two transcripts."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from mgm_addon_contract._resources import chatlogs_dir
from mgm_addon_contract.cli import app

runner = CliRunner()


def test_replay_transcripts_of_the_same_log_are_identical_and_differences_show(
        tmp_path: Path) -> None:
    fixture = str(chatlogs_dir() / "sc001-happy-path")
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    assert runner.invoke(app, ["replay", fixture, "--transcript", str(a)]).exit_code == 0
    assert runner.invoke(app, ["replay", fixture, "--flush", "random", "--transcript",
                               str(b)]).exit_code == 0
    same = runner.invoke(app, ["transcript", "diff", str(a), str(b)])
    assert same.exit_code == 0 and "identical" in same.output
    entries = [json.loads(x) for x in b.read_text().splitlines()]
    assert entries[0]["headers"]["x-mgm-apikey"] == "***"
    entries[-1]["status"] = 409
    b.write_text("".join(json.dumps(e) + "\n" for e in entries[:-1] + [entries[-1]]))
    differ = runner.invoke(app, ["transcript", "diff", str(a), str(b)])
    assert differ.exit_code == 1 and "status: 200 != 409" in differ.output
    b.write_text("not json\n")
    broken = runner.invoke(app, ["transcript", "diff", str(a), str(b)])
    assert broken.exit_code == 2 and "b.jsonl:1" in broken.output
