"""The ``check`` command: formats, exit codes, usage errors without tracebacks; clause ids."""

from __future__ import annotations

import json
import re
from pathlib import Path

from typer.testing import CliRunner

from mgm_addon_contract._resources import broken_addons_dir, reference_addon_dir
from mgm_addon_contract.cli import app
from mgm_addon_contract.contract import BY_ID, CLAUSES

runner = CliRunner()


def test_clause_ids_levels_and_spec_references() -> None:
    assert len(BY_ID) == len(CLAUSES)
    for clause in CLAUSES:
        assert re.fullmatch(r"[A-Z0-9]+(-[A-Z0-9]+)+", clause.id)
        assert clause.level in ("MUST", "SHOULD")
        assert clause.spec and clause.statement.endswith(".")


def test_docs_explain_every_clause_with_its_spec_reference() -> None:
    docs = (Path(__file__).parents[2] / "docs" / "contract.md").read_text(encoding="utf-8")
    for clause in CLAUSES:
        assert f"`{clause.id}`" in docs, clause.id
        section = docs.split(f"`{clause.id}`", 1)[1][:600]
        assert "SPEC" in section or "client facts" in section or "addon surface" in section


def test_check_json_on_the_reference_addon(tmp_path: Path) -> None:
    ok = runner.invoke(app, ["check", str(reference_addon_dir()), "--budget", "5",
                             "--regressions", str(tmp_path), "--format", "json"])
    assert ok.exit_code == 0, ok.output
    data = json.loads(ok.output)
    assert data["ok"] and data["load_ok"] and data["scenarios"] >= 19
    assert {c["status"] for c in data["clauses"]} == {"passed"}


def test_check_text_and_junit_on_a_broken_variant(tmp_path: Path) -> None:
    broken = broken_addons_dir() / "wrong-whisper-text" / "MimironsGoldOMatic"
    args = ["check", str(broken), "--budget", "5", "--regressions", str(tmp_path),
            "--machine", "acceptance"]
    junit = runner.invoke(app, [*args, "--format", "junit"])
    assert junit.exit_code == 1
    assert "WHISPER-WINNER-TEXT" in junit.output and "<failure" in junit.output
    text = runner.invoke(app, args)
    assert text.exit_code == 1
    assert "WHISPER-WINNER-TEXT shortest reproducer" in text.output
    assert "FAIL: MUST clauses broken" in text.output


def test_check_reports_load_failure_and_usage_errors(tmp_path: Path) -> None:
    lua53 = broken_addons_dir() / "lua53-floor-division" / "MimironsGoldOMatic"
    result = runner.invoke(app, ["check", str(lua53), "--regressions", str(tmp_path),
                                 "--format", "json"])
    assert result.exit_code == 1
    statuses = {c["id"]: c["status"] for c in json.loads(result.output)["clauses"]}
    assert statuses["LOADS-IN-LUA51"] == "failed"
    for args, message in [([str(tmp_path / "nope")], "no such addon folder"),
                          ([str(reference_addon_dir()), "--format", "xml"], "--format must be"),
                          ([str(reference_addon_dir()), "--profile", "x"], "--profile must be"),
                          ([str(reference_addon_dir()), "--machine", "x"], "--machine: unknown")]:
        bad = runner.invoke(app, ["check", *args])
        assert bad.exit_code == 2, (args, bad.output)
        assert message in bad.output and "Traceback" not in bad.output
