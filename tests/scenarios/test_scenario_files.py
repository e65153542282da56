"""Scenario files (TOML), their validation errors, the shipped set, expectations and the
``scenario`` command."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from mgm_addon_contract._resources import broken_addons_dir, fixtures_dir, reference_addon_dir
from mgm_addon_contract.cli import app
from mgm_addon_contract.contract import CLAUSES
from mgm_addon_contract.contract.check import shipped_scenarios
from mgm_addon_contract.scenarios.library import P1, notify, whisper
from mgm_addon_contract.scenarios.runner import run_scenario
from mgm_addon_contract.scenarios.steps import Step, StepError
from mgm_addon_contract.scenarios.toml_io import Scenario, dump_scenario, load_scenario

runner = CliRunner()
SHIPPED = shipped_scenarios()


def variant(name: str) -> Path:
    return broken_addons_dir() / name / "MimironsGoldOMatic"


def test_files_round_trip_with_quotes_unicode_and_lists(tmp_path: Path) -> None:
    steps = [whisper("Вася", ' say "hi"\t'), Step("set_roster", {"names": ["Norinn", "Вася"]}),
             Step("advance", {"seconds": 0.5}), Step("expect_tag", {"kind": "ACCEPT",
                                                                    "count": 0})]
    scenario = Scenario("x", steps, 'a "quoted" description', ["ACCEPT-ONCE-PER-PAYOUT"])
    path = tmp_path / "x.toml"
    path.write_text(dump_scenario(scenario), encoding="utf-8")
    loaded = load_scenario(path)
    assert (loaded.name, loaded.steps, loaded.description, loaded.clauses) == (
        "x", steps, 'a "quoted" description', ["ACCEPT-ONCE-PER-PAYOUT"])


@pytest.mark.parametrize(("body", "message"), [
    ('[[step]]\naction = "open_mailbox"\n\n[[step]]\naction = "dance"\n',
     "bad.toml:4: step 2: unknown action 'dance'"),
    ('[[step]]\naction = "advance"\n', "bad.toml:1: step 1: advance: missing seconds"),
    ('[[step]]\naction = "set_money"\ncopper = "lots"\n',
     "step 1: set_money: copper must be a int, not 'lots'"),
    ('[[step]]\naction = "click"\n', "click: give exactly one of text"),
    ('[[step]]\naction = "open_mailbox"\ncolour = 1\n', "unknown argument colour"),
    ('clauses = ["NOPE"]\n', "unknown clause id(s) ['NOPE']"),
    ('[[step]\n', "bad.toml: "),
])
def test_bad_files_name_file_line_and_rule(tmp_path: Path, body: str, message: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(StepError, match=None) as error:
        load_scenario(path)
    assert message in str(error.value)
    result = runner.invoke(app, ["scenario", str(path)])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert message.split(": ")[-1][:20] in result.output.replace("\n", "")


def test_sc001_segments_and_a_scenario_for_every_clause_are_shipped() -> None:
    names = {s.name for s in SHIPPED}
    assert {"sc001-who", "sc001-consent", "sc001-mail"} <= names
    covered = {clause for s in SHIPPED for clause in s.clauses}
    assert covered == {c.id for c in CLAUSES}


def test_reference_addon_passes_every_shipped_scenario_and_exercises_every_clause() -> None:
    exercised: set[str] = set()
    for scenario in SHIPPED:
        result = run_scenario(reference_addon_dir(), scenario.steps, scenario.name)
        assert result.ok, (scenario.name, result.failures)
        assert not result.lua_errors and not result.blocked_calls
        exercised |= result.exercised
        assert set(scenario.clauses) <= result.exercised, scenario.name
    assert exercised == {c.id for c in CLAUSES}


def test_failed_expectation_is_reported_under_its_clause() -> None:
    path = fixtures_dir() / "scenarios" / "sc001-consent.toml"
    result = run_scenario(variant("wrong-whisper-text"), load_scenario(path).steps)
    expectations = [f for f in result.failures if f.message.startswith("expect_whisper")]
    assert [f.clause for f in expectations] == ["WHISPER-WINNER-TEXT"]
    assert expectations[0].step == 2


def test_expectations_look_at_what_happened_since_the_previous_group() -> None:
    steps = [notify(P1, "Norinn"), whisper("Norinn", "!twgold"),
             Step("expect_tag", {"kind": "ACCEPT", "id": P1}),
             whisper("Norinn", "!twgold"),
             Step("expect_no_tag", {"kind": "MGM_ACCEPT"}),
             Step("expect_whisper", {"to": "Norinn"})]  # the winner text was before the window
    result = run_scenario(reference_addon_dir(), steps)
    assert [(f.step, f.clause) for f in result.failures] == [(6, "EXPECT")]


def test_unknown_tag_kind_in_an_expectation_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="unknown tag kind 'CONFIRMED'"):
        run_scenario(reference_addon_dir(), [Step("expect_tag", {"kind": "CONFIRMED"})])


def test_click_by_frame_name_is_prepare_mail_too() -> None:
    steps = [Step("type_line", {"text": f'/run ReceiveGold("{P1}:Norinn:10000000;")'}),
             Step("open_mailbox"), Step("click", {"name": "MGMPrepareMailButton"}),
             Step("click_send_mail"), Step("advance", {"seconds": 1}),
             Step("expect_tag", {"kind": "CONFIRM", "id": P1}),
             Step("expect_mail", {"recipient": "norinn", "copper": 10_000_000})]
    result = run_scenario(reference_addon_dir(), steps)
    assert result.ok, result.failures
    assert "MAIL-CONFIRM-ON-SUCCESS" in result.exercised


def test_scenario_command_passes_reference_and_marks_the_breaking_step() -> None:
    path = str(fixtures_dir() / "scenarios" / "manual-mail-to-winner.toml")
    ok = runner.invoke(app, ["scenario", path])
    assert ok.exit_code == 0, ok.output
    assert "no clause broken" in ok.output
    bad = runner.invoke(app, ["scenario", path, "--addon", str(variant("confirms-manual-mail"))])
    assert bad.exit_code == 1
    assert "MAIL-CONFIRM-ARMED-ONLY" in bad.output
