"""SC-001 end to end under Blizzard's FrameXML (build 12340): FrameXML's chat edit box, Send
Mail frame, money input and ``SEND_MONEY`` popup drive the reference addon; every scenario
breaks where it is designed to (or not at all), with no Lua error. Skipped with the reason
when no extracted Interface folder is available (``MGM_FRAMEXML_DIR``)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mgm_addon_contract._resources import reference_addon_dir
from mgm_addon_contract.cli import app
from mgm_addon_contract.e2e import SCENARIOS, run_e2e
from tests.shared_data import require_shared
from wowapi_stubs.isolation import Worker
from wowapi_stubs.settings import FRAMEXML_VARIABLE


@pytest.fixture
def framexml() -> Path:
    return require_shared("MGM_FRAMEXML_DIR")


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_each_scenario_behaves_as_designed(name: str, framexml: Path, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(FRAMEXML_VARIABLE, str(framexml))
    result = run_e2e(reference_addon_dir(), name, workdir=tmp_path)
    try:
        assert result.world.client.framexml is not None
        assert result.broken_step == SCENARIOS[name].expected_break, result.steps
        assert result.verdict
        assert [e.message for e in result.world.client.errors] == []
    finally:
        result.world.close()


def test_cli_e2e_runs_under_the_framexml_given(framexml: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """``mgm-contract e2e --framexml DIR``: its isolation worker loads FrameXML too."""
    monkeypatch.setenv(FRAMEXML_VARIABLE, "")  # the option alone; restored afterwards
    result = CliRunner().invoke(app, ["e2e", "--framexml", str(framexml), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert [(r["scenario"], r["verdict"]) for r in json.loads(result.output)] == [
        ("happy", True)]


def test_isolation_workers_run_the_framexml_of_the_parent(monkeypatch: pytest.MonkeyPatch
                                                         ) -> None:
    """``check``/``e2e --framexml`` run their clients in isolation workers, whose minimal
    environment keeps the Interface folder (and still no secret)."""
    monkeypatch.setenv(FRAMEXML_VARIABLE, "/games/wow/Interface")
    monkeypatch.setenv("MGM_TEST_SECRET", "hunter2")
    with Worker() as worker:
        assert worker.run(os.getenv, FRAMEXML_VARIABLE) == "/games/wow/Interface"
        assert worker.run(os.getenv, "MGM_TEST_SECRET") is None
