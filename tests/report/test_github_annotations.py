"""``--format github``: workflow commands with GitHub's escaping, one annotation per problem."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mgm_addon_contract._resources import broken_addons_dir, chatlogs_dir
from mgm_addon_contract.cli import app
from mgm_addon_contract.report.ci_findings import CiFinding, check_findings
from mgm_addon_contract.report.github import (
    annotation,
    escape_data,
    escape_property,
    render_annotations,
)
from mgm_addon_contract.report.locations import SourcePosition
from mgm_addon_contract.secrets import forget_secrets, register_secret

runner = CliRunner()
COMMAND = re.compile(r"^::(error|warning|notice)(?: ([^:]*))?::(.*)$")
UUID = "2d2b7b2a-1111-2222-3333-444444444444"
BAD_LOG = (
    "4/6 18:40:11.000  hello\r\n"
    f"4/6 18:40:12.345  [MGM_CONFIRM:{UUID[:-1]}]\r\n"
    f"4/6 18:40:13.000  [Bob] whispers: [MGM_ACCEPT:{UUID}]\r\n"
    '4/6 18:40:14.000  [MGM_WHO]{"schemaVersion":2,"spinCycleId":"x","characterName":"Norinn",'
    '"online":true,"capturedAt":"2024-01-01T00:00:00Z"}\r\n'
    "4/6 18:40:15.000  [MGM_NOPE]\r\n"
)


def parse(output: str) -> list[tuple[str, dict[str, str], str]]:
    """Each workflow command as (level, properties, message), unescaped."""
    out = []
    for line in output.splitlines():
        match = COMMAND.match(line)
        assert match, line
        props = dict(p.split("=", 1) for p in (match[2] or "").split(",") if p)
        props = {k: unescape(v) for k, v in props.items()}
        out.append((match[1], props, unescape(match[3])))
    return out


def unescape(text: str) -> str:
    for code, char in (("%2C", ","), ("%3A", ":"), ("%0A", "\n"), ("%0D", "\r"), ("%25", "%")):
        text = text.replace(code, char)
    return text


def test_escaping_follows_githubs_rules() -> None:
    assert escape_data("100% done\r\nnext: a,b") == "100%25 done%0D%0Anext: a,b"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    finding = CiFinding("R", "error", "line one\nline %2", SourcePosition(Path("x,y:z.log"), 3, 7),
                        "T: a, b")
    line = annotation(finding)
    assert line == ("::error file=x%2Cy%3Az.log,line=3,col=7,title=T%3A a%2C b::"
                    "line one%0Aline %252")
    assert parse(line) == [("error", {"file": "x,y:z.log", "line": "3", "col": "7",
                                      "title": "T: a, b"}, "line one\nline %2")]
    assert annotation(CiFinding("", "note", "plain")) == "::notice::plain"


def test_validate_annotates_each_problem_line(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)
    (tmp_path / "logs").mkdir()
    (tmp_path / "logs" / "WoWChatLog.txt").write_bytes(BAD_LOG.encode())
    result = runner.invoke(app, ["validate", "logs/WoWChatLog.txt", "--format", "github"])
    assert result.exit_code == 1
    commands = parse(result.output)
    *problems, summary = commands
    assert summary[0] == "notice" and "5 lines" in summary[2] and "5 problem(s)" in summary[2]
    assert {p[1]["file"] for p in problems} == {"logs/WoWChatLog.txt"}
    by_line = {(int(p[1]["line"]), p[1]["title"].split(" ")[0]): p for p in problems}
    assert set(by_line) == {(2, "TAG-SYNTAX"), (3, "TAG-SPOOFED"), (4, "WHO-SCHEMA-VERSION"),
                            (4, "WHO-SPIN-ID"), (5, "TAG-UNKNOWN")}
    assert by_line[(3, "TAG-SPOOFED")][0] == "warning"
    assert by_line[(2, "TAG-SYNTAX")][0] == "error"
    assert by_line[(2, "TAG-SYNTAX")][1]["title"] == "TAG-SYNTAX (SPEC §8, §9, §12)"
    assert "expected a UUID" in by_line[(2, "TAG-SYNTAX")][2]
    as_json = json.loads(runner.invoke(app, ["validate", "logs/WoWChatLog.txt", "--format",
                                             "json"]).output)[0]
    assert sorted((int(p[1]["line"]), int(p[1]["col"])) for p in problems) == sorted(
        [(v["line"], v["column"]) for v in as_json["violations"]]
        + [(s["line"], s["column"]) for s in as_json["spoofed"]])


def test_validate_github_respects_limit_and_workspace(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    log = tmp_path / "repo" / "WoWChatLog.txt"
    log.parent.mkdir()
    log.write_text("".join(f"4/6 18:40:{i:02}.000  [MGM_X{i}]\n" for i in range(30)))
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path / "repo"))
    result = runner.invoke(app, ["validate", str(log), "--format", "github", "--limit", "4"])
    commands = parse(result.output)
    assert [c[0] for c in commands] == ["error"] * 4 + ["notice", "notice"]
    assert all(c[1]["file"] == "WoWChatLog.txt" for c in commands[:5])
    assert "26 more problem(s)" in commands[4][2]


def test_annotations_never_carry_a_secret(tmp_path: Path) -> None:
    secret = "sk-live-annotation-1234"
    register_secret(secret)
    try:
        log = tmp_path / "WoWChatLog.txt"
        log.write_text(f"4/6 18:40:12.345  [MGM_CONFIRM:{secret}]\n")
        result = runner.invoke(app, ["validate", str(log), "--format", "github"])
        assert result.exit_code == 1 and "TAG-SYNTAX" in result.output
        assert secret not in result.output and "***" in result.output
    finally:
        forget_secrets()


def test_check_annotates_the_lua_line_of_a_blocked_protected_call(tmp_path: Path) -> None:
    addon = broken_addons_dir() / "who-via-runmacrotext" / "MimironsGoldOMatic"
    source = (addon / "MimironsGoldOMatic.lua").read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(source, 1) if "RunMacroText(" in text)
    result = runner.invoke(app, ["check", str(addon), "--budget", "3", "--machine", "who",
                                 "--regressions", str(tmp_path), "--format", "github"])
    assert result.exit_code == 1
    commands = parse(result.output)
    errors = [c for c in commands if c[0] == "error"]
    assert [c[1]["title"] for c in errors] == [
        "WHO-NO-PROTECTED-CALL (SPEC §8; client facts: protected functions)"]
    props, message = errors[0][1], errors[0][2]
    assert props["file"].endswith("who-via-runmacrotext/MimironsGoldOMatic/MimironsGoldOMatic.lua")
    assert props["line"] == str(line)
    assert "RunMacroText" in message and "shortest reproducer:\n1. type_line" in message
    assert commands[-1][0] == "notice" and "FAIL" in commands[-1][2]


def test_replay_annotates_spoofed_and_invalid_lines() -> None:
    fixture = chatlogs_dir() / "malformed-and-spoofed"
    result = runner.invoke(app, ["replay", str(fixture), "--format", "github"])
    assert result.exit_code == 0
    commands = parse(result.output)
    warnings = [c for c in commands if c[0] == "warning"]
    assert warnings and all(c[1]["file"].endswith("malformed-and-spoofed/WoWChatLog.txt")
                            for c in warnings)
    titles = {c[1]["title"].split(" ")[0] for c in warnings}
    assert {"TAG-SPOOFED", "TAG-SYNTAX"} <= titles
    assert all(int(c[1]["line"]) >= 1 for c in warnings)


def test_spec_check_annotates_the_spec_line(tmp_path: Path) -> None:
    spec = tmp_path / "SPEC.md"
    spec.write_text("# SPEC\n\nThe addon prints:\n\n"
                    f"`[MGM_ACCEPT:{UUID}]` and `[MGM_CONFIRM:{UUID}]` and `[MGM_WHO]`,\n"
                    "`[MGM_ITEMS]`, `[MGM_GIFT_ACCEPT]`, `[MGM_UPDATE_CHECK]`.\n\n"
                    "Broken example: `[MGM_CONFIRM:zz]`\n", encoding="utf-8")
    result = runner.invoke(app, ["spec-check", str(spec), "--format", "github"])
    assert result.exit_code == 1, result.output
    commands = parse(result.output)
    errors = [c for c in commands if c[0] == "error"]
    assert [(c[1]["line"], c[1]["title"]) for c in errors] == [("8", "invalid tag example")]
    assert "[MGM_CONFIRM:zz]" in errors[0][2]


def test_check_annotations_of_behind_findings_and_clauses_not_exercised(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.report.test_sarif import _report_with_every_kind_of_verdict

    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)
    findings = check_findings(_report_with_every_kind_of_verdict())
    commands = parse(render_annotations(findings, "FAIL"))
    by_title = {c[1]["title"]: c for c in commands if "title" in c[1]}
    found = by_title["WHO-ONLINE-EXACT behind WHO-NO-PROTECTED-CALL (second pass, protected "
                     "calls allowed)"]
    assert found[0] == "warning" and "online=false" in found[2]
    assert by_title["WHO-ONE-LINE behind WHO-NO-PROTECTED-CALL (second pass, protected calls "
                    "allowed)"][0] == "notice"
    idle = by_title["GIFT-ITEMS-LIST: not exercised"]
    assert idle[0] == "notice" and idle[2] == "not exercised: no scenario or fuzzed run reached it"
    errors = [c for c in commands if c[0] == "error"]
    assert [(c[1]["title"].split()[0], c[1]["line"]) for c in errors] == [
        ("NO-LUA-ERRORS", "7"), ("NO-LUA-ERRORS", "9")]
