"""Every command: a user mistake gives one ``error: ...`` line and exit code 2, never a
traceback; untrusted text is shown elided and with control bytes escaped."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mgm_addon_contract._resources import chatlogs_dir, reference_addon_dir
from mgm_addon_contract.cli import app
from mgm_addon_contract.cli._errors import UserError, error_line, http_url, output_file
from mgm_addon_contract.safe_text import printable, window

runner = CliRunner()
ADDON = str(reference_addon_dir())
FIXTURE = str(chatlogs_dir() / "sc001-happy-path")
LOG = str(chatlogs_dir() / "sc001-happy-path" / "WoWChatLog.txt")
URL = "http://127.0.0.1:9"


@pytest.fixture
def files(tmp_path: Path) -> dict[str, str]:
    bad_json = tmp_path / "bad.json"
    bad_json.write_text("{nope")
    wrong_state = tmp_path / "state.json"
    wrong_state.write_text(json.dumps({"pool": [{"nickname": "x"}]}))
    return {"dir": str(tmp_path), "missing": str(tmp_path / "missing.txt"),
            "no_folder": str(tmp_path / "no" / "such" / "out.json"),
            "bad_json": str(bad_json), "wrong_state": str(wrong_state)}


CASES = [
    ("load {missing}", "no such"),
    ("load {dir}", ".toc"),
    ("load {ADDON} --format xml", "--format"),
    ("check {missing}", "no such"),
    ("check {ADDON} --format yaml", "--format"),
    ("check {ADDON} --regressions /proc/regressions", "--regressions"),
    ("check {ADDON} --budget 0", "--budget"),
    ("scenario {missing}", "no such file"),
    ("scenario {dir}", "is a directory"),
    ("e2e --scenario nope", "--scenario"),
    ("e2e --trace {no_folder}", "--trace"),
    ("e2e --transcript {dir}", "--transcript"),
    ("serve-ebs --port 99999", "--port"),
    ("serve-ebs --port -1", "--port"),
    ("serve-ebs --state {dir}", "is a directory"),
    ("serve-ebs --state {bad_json}", "bad.json"),
    ("serve-ebs --state {wrong_state}", "state.json"),
    ("tail {dir} --ebs {URL}", "is a directory"),
    ("tail {LOG} --ebs ftp://x", "http://"),
    ("tail {LOG} --ebs http://", "no host"),
    ("tail {LOG} --ebs http://x:99999", "--ebs"),
    ("tail {missing} --ebs {URL} --once", "no such file"),
    ("tail {no_folder} --ebs {URL}", "does not exist"),
    ("tail {LOG} --ebs {URL} --checkpoint {dir}", "--checkpoint"),
    ("tail {LOG} --ebs {URL} --events /proc/events.jsonl", "--events"),
    ("tail {LOG} --ebs {URL} --interval 0", "--interval"),
    ("validate {dir}", "is a directory"),
    ("validate {missing}", "no such file"),
    ("validate {LOG} --limit -1", "--limit"),
    ("validate {LOG} --format sarif2", "--format"),
    ("transcript diff {dir} {dir}", "is a directory"),
    ("transcript diff {missing} {missing}", "no such file"),
    ("replay {missing}", "no such file"),
    ("replay {FIXTURE} --ebs ftp://x", "http://"),
    ("replay {FIXTURE} --transcript {dir}", "--transcript"),
    ("replay {FIXTURE} --speed 0", "--speed"),
    ("replay {FIXTURE} --state {bad_json}", "bad.json"),
    ("replay {FIXTURE} --flush sideways", "--flush"),
    ("api-coverage {missing}", "no such addon folder"),
    ("api-coverage {LOG}", ".toc"),
    ("api-coverage {ADDON} --top -1", "--top"),
    ("api-coverage {ADDON} --format xml", "--format"),
    ("luaunit {missing}", "no such file"),
    ("luaunit {dir}", "is a directory"),
    ("luaunit {LOG} --format xml", "--format"),
    ("spec-check {dir}", "is a directory"),
    ("spec-check {missing}", "no such file"),
    ("nosuchcommand", "nosuchcommand"),
]


@pytest.mark.parametrize(("command", "needle"), CASES, ids=[c for c, _ in CASES])
def test_user_error_is_one_line_and_exit_2(command: str, needle: str, files: dict[str, str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MGM_API_KEY", "cli-hygiene-key")
    args = command.format(ADDON=ADDON, FIXTURE=FIXTURE, LOG=LOG, URL=URL, **files).split()
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert needle in lines[0]


def test_installed_command_reports_user_errors_the_same_way(tmp_path: Path) -> None:
    script = [sys.executable, "-c", "from mgm_addon_contract.cli import main; main()"]
    done = subprocess.run([*script, "validate", str(tmp_path)], capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 2 and done.stderr.startswith("error: ")
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr


def test_error_lines_are_elided_escaped_and_masked() -> None:
    from mgm_addon_contract.secrets import register_secret

    register_secret("sekrit-value-123")
    line = error_line("bad \x1b[31mred\x1b[0m sekrit-value-123 " + "x" * 5000)
    assert "\x1b" not in line and "\\x1b[31m" in line and "sekrit" not in line
    assert line.endswith("bytes)") and len(line) < 600 and "…(" in line


def test_output_paths_are_checked_without_creating_them(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """A process waiting for a checkpoint to appear must never see an empty one made by the
    check (a kill between its create and remove would leave it behind)."""
    target = tmp_path / "registry.json"
    opened: list[Path] = []
    real_open = Path.open
    monkeypatch.setattr(Path, "open", lambda self, *a, **k: opened.append(self)
                        or real_open(self, *a, **k))
    assert output_file(target, "--checkpoint") == target
    assert target not in opened and not target.exists() and not list(tmp_path.iterdir())
    target.write_text("kept")
    assert output_file(target, "--checkpoint") == target and target.read_text() == "kept"
    with pytest.raises(UserError, match="--checkpoint .*: folder .* does not exist"):
        output_file(tmp_path / "missing" / "registry.json", "--checkpoint")


def test_printable_and_window_bound_their_output() -> None:
    assert printable("a\tb\r\n\u202e") == "a\\tb\\r\\n\\u202e"
    huge = "é" * 1_000_000
    shown = printable(huge, 10)
    assert shown == "é" * 10 + "…(1,999,980 bytes)"
    text = "y" * 5000 + "^HERE" + "z" * 5000
    part, caret = window(text, 5001, 100)
    assert part.startswith("…(") and part.endswith("bytes)") and len(part) < 150
    assert part[caret - 1:caret + 4] == "^HERE"


def test_urls_are_checked() -> None:
    assert http_url("http://127.0.0.1:8765/") == "http://127.0.0.1:8765"
    for bad in ("ftp://x", "x", "http://", "http://h:0x", "https//x"):
        with pytest.raises(UserError):
            http_url(bad)


def test_validate_elides_megabyte_lines_and_escapes_control_bytes(tmp_path: Path) -> None:
    log = tmp_path / "WoWChatLog.txt"
    stamp = b"4/4 12:00:00.000  "
    log.write_bytes(stamp + b"[MGM_WHO]{" + b"\x1b[2J" + b"a" * 3_000_000 + b"\r\n"
                    + stamp + b"[MGM_CONFIRM:" + b"\x1b]0;x\x07" + b"b" * 200_000 + b"]\r\n")
    result = runner.invoke(app, ["validate", str(log)])
    assert result.exit_code == 1
    assert len(result.output) < 20_000, len(result.output)
    assert "\x1b[2J" not in result.output and "\\x1b[2J" in result.output
    assert "\x1b]0;" not in result.output and "\\x1b]0;x\\x07" in result.output
    assert "LINE-TOO-LONG line is 3,000,033 bytes" in result.output
    assert "bytes)" in result.output


def test_load_escapes_a_binary_toc(tmp_path: Path) -> None:
    folder = tmp_path / "Bin"
    folder.mkdir()
    (folder / "Bin.toc").write_bytes(b"## Title: \x1b]0;pwned\x07\r\n\x00\x01\x1b[31mX.lua\r\n")
    result = runner.invoke(app, ["load", str(folder)])
    assert "\x1b]0;" not in result.output and "\x1b[31m" not in result.output
    assert "\\x1b" in result.output


def test_ctrl_c_writes_the_partial_report(tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from mgm_addon_contract.grammar import validate as validate_module

    log = tmp_path / "WoWChatLog.txt"
    log.write_bytes(b"4/4 12:00:00.000  [MGM_CONFIRM:nope]\r\n" * 50_000)
    real_feed, calls = validate_module.LogScanner.feed, []

    def feed_then_interrupt(self, chunk, **kw):  # noqa: ANN001, ANN003, ANN202
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real_feed(self, chunk, **kw)

    monkeypatch.setattr(validate_module, "CHUNK", 1 << 16)
    monkeypatch.setattr(validate_module.LogScanner, "feed", feed_then_interrupt)
    result = runner.invoke(app, ["validate", str(log), "--format", "json"])
    assert result.exit_code == 130 and result.stderr.strip() == "interrupted"
    (report,) = json.loads(result.stdout)
    assert report["interrupted"] is True and 0 < report["bytes"] < log.stat().st_size
    assert report["rule_counts"]["TAG-SYNTAX"] > 0


def test_ctrl_c_in_check_and_e2e_reports_what_ran(monkeypatch: pytest.MonkeyPatch) -> None:
    from mgm_addon_contract import e2e
    from mgm_addon_contract.contract import check as check_module

    real_scenario, seen = check_module.run_scenario, []

    def scenario_then_interrupt(*args, **kw):  # noqa: ANN002, ANN003, ANN202
        seen.append(1)
        if len(seen) == 3:
            raise KeyboardInterrupt
        return real_scenario(*args, **kw)

    monkeypatch.setattr(check_module, "run_scenario", scenario_then_interrupt)
    # --trusted: the patched functions run in this process, not in an isolation worker.
    checked = runner.invoke(app, ["check", ADDON, "--format", "json", "--trusted"])
    assert checked.exit_code == 130
    assert json.loads(checked.stdout)["interrupted"] is True
    assert json.loads(checked.stdout)["scenarios"] == 2

    real_e2e, runs = e2e.run_e2e, []

    def e2e_then_interrupt(*args, **kw):  # noqa: ANN002, ANN003, ANN202
        runs.append(1)
        if len(runs) == 2:
            raise KeyboardInterrupt
        return real_e2e(*args, **kw)

    monkeypatch.setattr(e2e, "run_e2e", e2e_then_interrupt)
    ran = runner.invoke(app, ["e2e", "--scenario", "all", "--format", "json", "--trusted"])
    assert ran.exit_code == 130 and len(json.loads(ran.stdout)) == 1
