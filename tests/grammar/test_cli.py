"""``mgm-contract validate`` and ``spec-check`` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from mgm_addon_contract.cli import app

U = "2d2b7b2a-1111-2222-3333-444444444444"
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures_spec"
runner = CliRunner()


def write_log(tmp_path: Path, lines: list[str], tail: bytes = b"") -> Path:
    path = tmp_path / "WoWChatLog.txt"
    path.write_bytes(b"\xef\xbb\xbf" + "\r\n".join(lines).encode() + b"\r\n" + tail)
    return path


def test_validate_clean_log_exits_zero(tmp_path: Path) -> None:
    log = write_log(tmp_path, [f"4/6 18:40:12.345  [MGM_CONFIRM:{U}]", "4/6 18:40:13.000  hi"])
    result = runner.invoke(app, ["validate", str(log)])
    assert result.exit_code == 0, result.output
    assert "MGM_CONFIRM" in result.output


def test_validate_reports_violations_spoofs_and_bad_utf8(tmp_path: Path) -> None:
    log = write_log(tmp_path, [f"4/6 18:40:12.345  [MGM_ACCEPT:{U[:-1]}]",
                               f"4/6 18:40:13.000  [Eve] whispers: [MGM_CONFIRM:{U}]"],
                    tail=b"4/6 18:40:14.000  \xff\xfe\n")
    result = runner.invoke(app, ["validate", str(log), "--format", "json"])
    assert result.exit_code == 1
    (report,) = json.loads(result.output)
    assert [v["rule"] for v in report["violations"]] == ["TAG-SYNTAX", "LINE-UTF8"]
    assert report["violations"][0]["line"] == 1
    assert "byte offset" in report["violations"][1]["message"]
    assert report["spoofed"][0]["line"] == 2
    junit = runner.invoke(app, ["validate", str(log), "--format", "junit"])
    assert junit.exit_code == 1 and "TAG-SPOOFED" in junit.output


def test_validate_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["validate", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2 and "no such file" in result.output
    assert "Traceback" not in result.output


def test_spec_check_finds_drift_with_counterexamples_and_line_numbers() -> None:
    result = runner.invoke(app, ["spec-check", str(FIXTURES / "drifting.md"), "--format", "json"])
    assert result.exit_code == 1
    report = json.loads(result.output)
    verdicts = {(e["line"], e["verdict"]) for e in report["examples"]}
    assert (3, "valid") in verdicts and (7, "invalid") in verdicts and (10, "valid") in verdicts
    assert (13, "placeholder") in verdicts
    (regex,) = report["regexes"]
    assert regex["line"] == 5 and regex["verdict"] == "drift"
    assert regex["regex_only"] and regex["regex_only"].startswith("[MGM_ACCEPT:")
    assert report["only_in_spec"] == ["MGM_REFUND"]


def test_spec_check_aligned_spec_has_no_drift() -> None:
    result = runner.invoke(app, ["spec-check", str(FIXTURES / "aligned.md")])
    assert result.exit_code == 0, result.output
    assert "no drift" in result.output
