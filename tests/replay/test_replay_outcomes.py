"""Replay reports what really happened: against a remote EBS, without expectations, when
the EBS is down; it cleans up after itself, also when interrupted."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mgm_addon_contract._resources import chatlogs_dir
from mgm_addon_contract.cli import app
from mgm_addon_contract.ebs import EbsState, MockEbs
from mgm_addon_contract.ebs.server import BackgroundServer
from mgm_addon_contract.replay.writer import pieces

runner = CliRunner()
KEY = "replay-outcome-key"
HAPPY = chatlogs_dir() / "sc001-happy-path"
U = "2d2b7b2a-1111-2222-3333-444444444444"


@pytest.fixture(autouse=True)
def own_temp_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    monkeypatch.setenv("MGM_API_KEY", KEY)
    return folder


def test_against_a_real_ebs_url_the_real_outcomes_are_compared(own_temp_dir: Path) -> None:
    """Regression: with --ebs URL, requests that succeeded were reported as never made."""
    seed = json.loads((HAPPY / "seed.json").read_text())
    with BackgroundServer(MockEbs(api_key=KEY, state=EbsState.from_json(seed))) as server:
        result = runner.invoke(app, ["replay", str(HAPPY), "--ebs", server.url])
    assert result.exit_code == 0, result.output
    assert "effects as expected" in result.output and "none was made" not in result.output
    assert list(own_temp_dir.glob("mgm-replay-*")) == []


def test_without_expectations_failed_requests_fail_the_replay(tmp_path: Path) -> None:
    """Regression: without expectations every replay said 'effects as expected', exit 0."""
    log = tmp_path / "WoWChatLog.txt"
    log.write_bytes(f"4/4 12:00:00.000  [MGM_CONFIRM:{U}]\r\n".encode())
    failed = runner.invoke(app, ["replay", str(log), "--retry-for", "0.5"])
    assert failed.exit_code == 1
    assert "404 (deferred)" in failed.output and "1 tag(s) left unhandled" in failed.output
    state = tmp_path / "state.json"
    state.write_text(json.dumps({"payouts": [{"id": U, "characterName": "Norinn",
                                              "status": "InProgress"}]}))
    ok = runner.invoke(app, ["replay", str(log), "--state", str(state)])
    assert ok.exit_code == 0 and "all 1 request(s) succeeded" in ok.output
    as_json = json.loads(runner.invoke(app, ["replay", str(log), "--format", "json"]).stdout)
    assert as_json["ok"] is False and as_json["failures"]


def test_an_unreachable_ebs_fails_the_replay_quickly(tmp_path: Path) -> None:
    log = tmp_path / "WoWChatLog.txt"
    log.write_bytes(f"4/4 12:00:00.000  [MGM_CONFIRM:{U}]\r\n".encode())
    down = runner.invoke(app, ["replay", str(log), "--ebs", "http://127.0.0.1:9",
                               "--retry-for", "0.3"])
    assert down.exit_code == 1 and "the EBS was unreachable" in down.output


def test_ctrl_c_reports_the_partial_replay_and_removes_the_temp_folder(
        own_temp_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mgm_addon_contract import replay as replay_module

    real, calls = replay_module.pieces, []

    def interrupted(*args, **kw):  # noqa: ANN002, ANN003, ANN202
        for piece in real(*args, **kw):
            calls.append(piece)
            if len(calls) == 5:
                assert list(own_temp_dir.glob("mgm-replay-*/WoWChatLog.txt"))  # in use
                raise KeyboardInterrupt
            yield piece

    monkeypatch.setattr(replay_module, "pieces", interrupted)
    result = runner.invoke(app, ["replay", str(HAPPY), "--format", "json"])
    assert result.exit_code == 130 and json.loads(result.stdout)["interrupted"] is True
    assert list(own_temp_dir.glob("mgm-replay-*")) == []


@pytest.mark.parametrize("policy", ["line", "block:7", "random"])
def test_pieces_stream_the_source_in_bounded_writes(tmp_path: Path, policy: str) -> None:
    log = tmp_path / "WoWChatLog.txt"
    data = (b"4/4 12:00:00.000  a\r\n" * 1000 + b"4/4 12:00:01.000  " + b"x" * 300_000
            + b"\r\n" + b"tail without a line break")
    log.write_bytes(data)
    written = list(pieces(log, policy, seed=3, max_piece=4096))
    assert b"".join(written) == data and max(len(p) for p in written) <= 4096
    if policy == "line":
        assert written[0] == b"4/4 12:00:00.000  a\r\n" and written[-1].startswith(b"tail")


def test_a_huge_line_replays_from_its_prefix(tmp_path: Path) -> None:
    log = tmp_path / "WoWChatLog.txt"
    with log.open("wb") as handle:
        handle.write(b"4/4 12:00:00.000  [MGM_WHO]{")
        for _ in range(40):
            handle.write(b"y" * (1 << 20))
        handle.write(f"\r\n4/4 12:00:01.000  [MGM_CONFIRM:{U}]\r\n".encode())
    state = tmp_path / "state.json"
    state.write_text(json.dumps({"payouts": [{"id": U, "characterName": "Norinn",
                                              "status": "InProgress"}]}))
    result = runner.invoke(app, ["replay", str(log), "--state", str(state), "--format",
                                 "json", "--max-line-bytes", "65536"])
    report = json.loads(result.stdout)
    assert [r["status"] for r in report["requests"]] == [200]
    assert report["outcomes"]["problems"] == 1  # LINE-TOO-LONG reported
    assert os.path.getsize(log) > 40 << 20
