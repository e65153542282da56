"""Every chat-log fixture replays to its expected EBS effects under every flush policy."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from mgm_addon_contract._resources import chatlogs_dir
from mgm_addon_contract.cli import app
from mgm_addon_contract.ebs import EbsState, MockEbs
from mgm_addon_contract.replay import compare, load_fixture, replay

FIXTURES = sorted(p for p in chatlogs_dir().iterdir() if p.is_dir())
KEY = "replay-key-7f3a9c"
runner = CliRunner()


def run_fixture(folder: Path, flush: str | None, tmp_path: Path):  # noqa: ANN201
    log, seed, expect, options = load_fixture(folder)
    if flush:
        options.flush = flush
    ebs = MockEbs(api_key=KEY, state=EbsState.from_json(seed))
    client = httpx.Client(transport=ebs.transport(), base_url="http://ebs",
                          headers={"X-MGM-ApiKey": KEY})
    result = replay(log, client, options=options, ebs=ebs, workdir=tmp_path)
    return result, compare(result, expect)


def test_at_least_nine_fixtures_in_the_client_format() -> None:
    assert len(FIXTURES) >= 9
    for folder in FIXTURES:
        raw = (folder / "WoWChatLog.txt").read_bytes()
        assert raw.endswith(b"\r\n") and b"  " in raw.split(b"\r\n", 1)[0]


@pytest.mark.parametrize("flush", [None, "line", "random", "block:64"])
@pytest.mark.parametrize("folder", FIXTURES, ids=lambda p: p.name)
def test_fixture_replays_to_expected_effects(folder: Path, flush: str | None,
                                             tmp_path: Path) -> None:
    result, problems = run_fixture(folder, flush, tmp_path)
    assert problems == []


def test_a_wrong_expectation_is_reported(tmp_path: Path) -> None:
    folder = chatlogs_dir() / "sc001-happy-path"
    log, seed, expect, options = load_fixture(folder)
    expect["payouts"] = {k: "Failed" for k in expect["payouts"]}
    ebs = MockEbs(api_key=KEY, state=EbsState.from_json(seed))
    client = httpx.Client(transport=ebs.transport(), base_url="http://ebs",
                          headers={"X-MGM-ApiKey": KEY})
    problems = compare(replay(log, client, options=options, ebs=ebs, workdir=tmp_path), expect)
    assert problems and "expected Failed, got Sent" in problems[0]


def test_replay_command_and_the_key_never_leaks(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("MGM_API_KEY", KEY)
    ok = runner.invoke(app, ["replay", str(chatlogs_dir() / "sc001-happy-path")])
    assert ok.exit_code == 0, ok.output
    assert "effects as expected" in ok.output
    as_json = runner.invoke(app, ["replay", str(chatlogs_dir() / "gift-flow"), "--format",
                                  "json"])
    assert as_json.exit_code == 0
    junit = runner.invoke(app, ["replay", str(chatlogs_dir() / "who-offline"), "--format",
                                "junit"])
    wrong = tmp_path / "expect.json"
    wrong.write_text(json.dumps({"pool": []}))
    bad = runner.invoke(app, ["replay", str(chatlogs_dir() / "who-offline"), "--expect",
                              str(wrong)])
    assert bad.exit_code == 1 and "pool: expected [], got ['Norinn']" in bad.output
    missing = runner.invoke(app, ["replay", str(tmp_path / "nope.txt")])
    assert missing.exit_code == 2 and "Traceback" not in missing.output
    for output in (ok.output, as_json.output, junit.output, bad.output):
        assert KEY not in output
