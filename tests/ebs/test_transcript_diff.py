"""``mgm-contract transcript diff``: aligned comparison of two transcripts."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from mgm_addon_contract._resources import chatlogs_dir
from mgm_addon_contract.cli import app
from mgm_addon_contract.ebs.transcript import diff_transcripts

runner = CliRunner()
PATCH = {"method": "PATCH", "path": "/api/payouts/1/status", "body": {"status": "Sent"},
         "status": 200}
POLL = {"method": "GET", "path": "/api/payouts/pending", "body": None, "status": 200}
ACCEPT = {"method": "POST", "path": "/api/payouts/1/confirm-acceptance",
          "body": {"characterName": "Norinn", "online": True, "x": None}, "status": 200}


def write(path: Path, entries: list[dict]) -> Path:
    path.write_text("".join(json.dumps(e) + "\n" for e in entries))
    return path


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
    last = max(i for i, e in enumerate(entries) if e["method"] != "GET")
    entries[last]["status"] = 409
    write(b, entries)
    differ = runner.invoke(app, ["transcript", "diff", str(a), str(b)])
    assert differ.exit_code == 1 and "status 200 != 409" in differ.output
    b.write_text("not json\n")
    broken = runner.invoke(app, ["transcript", "diff", str(a), str(b)])
    assert broken.exit_code == 2 and "b.jsonl:1" in broken.output


def test_one_extra_request_is_one_difference_not_a_shift() -> None:
    """Regression: comparison by position turned one extra poll into 8 differences."""
    left = [ACCEPT, POLL, PATCH, ACCEPT, PATCH]
    right = [ACCEPT, POLL, POLL, PATCH, {**ACCEPT, "path": "/api/payouts/2/confirm"}, ACCEPT,
             PATCH]
    assert diff_transcripts(left, left) == []
    default = diff_transcripts(left, right)
    assert len(default) == 1 and default[0].startswith("B#5 only in B: POST /api/payouts/2/")
    everything = diff_transcripts(left, right, ignore=())
    assert [d.split(" ", 1)[0] for d in everything] == ["B#3", "B#5"]


def test_values_are_printed_as_json(tmp_path: Path) -> None:
    """Regression: differences printed Python's True and None."""
    changed = {**ACCEPT, "body": {"characterName": "Norinn", "online": False, "x": 1}}
    (line,) = diff_transcripts([ACCEPT], [changed])
    assert '"online": true' in line and '"x": null' in line and "True" not in line
    a, b = write(tmp_path / "a.jsonl", [ACCEPT, POLL]), write(tmp_path / "b.jsonl", [changed])
    shown = runner.invoke(app, ["transcript", "diff", str(a), str(b), "--ignore", "none"])
    assert shown.exit_code == 1 and "only in A: GET /api/payouts/pending null" in shown.output
    custom = runner.invoke(app, ["transcript", "diff", str(a), str(b), "--ignore",
                                 "POST /api/payouts/*", "--ignore", "GET *"])
    assert custom.exit_code == 0 and "identical" in custom.output
    bad = runner.invoke(app, ["transcript", "diff", str(a), str(b), "--ignore", "GET"])
    assert bad.exit_code == 2 and bad.output.startswith("error: --ignore")
