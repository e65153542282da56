"""SC-001 end to end: the happy path, each failure scenario's broken step, the golden HTTP
transcript (parity), and the trace."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mgm_addon_contract._resources import fixtures_dir, reference_addon_dir
from mgm_addon_contract.cli import app
from mgm_addon_contract.e2e import SCENARIOS, run_e2e
from mgm_addon_contract.ebs.transcript import diff_transcripts, load_transcript

runner = CliRunner()


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_each_scenario_behaves_as_designed(name: str, tmp_path: Path) -> None:
    result = run_e2e(reference_addon_dir(), name, workdir=tmp_path)
    try:
        assert result.broken_step == SCENARIOS[name].expected_break, result.steps
        assert result.verdict
    finally:
        result.world.close()


def test_happy_path_effects(tmp_path: Path) -> None:
    result = run_e2e(reference_addon_dir(), "happy", workdir=tmp_path)
    world = result.world
    try:
        payout = next(iter(world.ebs.state.payouts.values()))
        assert payout.status == "Sent" and payout.acceptedAt is not None
        assert world.ebs.state.pool == {} and len(world.ebs.state.announcements) == 1
        assert world.client.mail.received_by("Norinn") == 10_000_000
        assert not world.client.errors and world.load.ok
    finally:
        world.close()


def test_transcript_matches_the_golden_one(tmp_path: Path) -> None:
    result = run_e2e(reference_addon_dir(), "happy", workdir=tmp_path)
    golden = load_transcript(fixtures_dir() / "transcripts" / "sc001-happy.jsonl")
    try:
        assert diff_transcripts(golden, result.world.transcript()) == []
        assert all(entry["headers"].get("x-mgm-apikey") == "***" for entry in golden)
    finally:
        result.world.close()


def test_duplicate_sync_and_restart_make_no_extra_effects(tmp_path: Path) -> None:
    for name in ("duplicate-sync-inject", "desktop-restart-mid-flow"):
        result = run_e2e(reference_addon_dir(), name, workdir=tmp_path / name)
        calls = [(e["method"], e["path"]) for e in result.world.transcript()
                 if e["method"] != "GET"]
        assert sum(1 for _, p in calls if p.endswith("confirm-acceptance")) == 1
        assert [e["body"] for e in result.world.transcript()
                if e["method"] == "PATCH" and e["status"] == 200] == [
            {"status": "InProgress"}, {"status": "Sent"}]
        result.world.close()


def test_cli_trace_is_ordered_and_carries_correlation_ids(tmp_path: Path) -> None:
    trace = tmp_path / "trace.jsonl"
    result = runner.invoke(app, ["e2e", "--trace", str(trace)])
    assert result.exit_code == 0, result.output
    assert "Verdict: PASS" in result.output
    events = [json.loads(line) for line in trace.read_text().splitlines()]
    assert [e["t"] for e in events] == sorted(e["t"] for e in events)
    components = {e["component"] for e in events}
    assert {"desktop", "client", "ebs", "winner", "streamer"} <= components
    payout_ids = {e["correlation_id"] for e in events if e["component"] == "desktop"}
    assert len(payout_ids - {None}) == 2  # the spin cycle id, then the payout id


def test_cli_reports_failure_scenarios_and_unknown_names() -> None:
    offline = runner.invoke(app, ["e2e", "--scenario", "offline-at-who"])
    assert offline.exit_code == 0 and "broke at who-creates-pending" in offline.output
    unknown = runner.invoke(app, ["e2e", "--scenario", "nope"])
    assert unknown.exit_code == 2 and "--scenario must be one of" in unknown.output


def test_a_broken_step_says_why_and_the_header_names_addon_and_scenario() -> None:
    from mgm_addon_contract._resources import broken_addons_dir

    addon = broken_addons_dir() / "who-via-runmacrotext" / "MimironsGoldOMatic"
    result = runner.invoke(app, ["e2e", "--addon", str(addon), "--scenario", "happy"])
    assert result.exit_code == 1
    out = result.output.replace("\n", " ")
    assert f"addon: {addon}" in result.output
    assert "SC-001: every step succeeds: timeline" in out
    assert "BROKEN who-creates-pending" in out
    assert "blocked protected call: RunMacroText()" in out and "MimironsGoldOMatic.lua:" in out
    assert "no tag printed by the addon yet" in out
    data = json.loads(runner.invoke(app, ["e2e", "--addon", str(addon), "--format",
                                          "json"]).output)
    assert data[0]["addon"] == str(addon) and data[0]["title"] == SCENARIOS["happy"].description
    assert any("RunMacroText" in c for c in data[0]["steps"][0]["causes"])
