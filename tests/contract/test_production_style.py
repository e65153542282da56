"""An addon written apart from the reference one (fixtures/addons/production-style/: eleven
files, a UI XML panel, its own SavedVariables and wording) keeps every MUST clause: ``check``
passes it, finds its Prepare Mail control by what it does, and SC-001 completes with it. An
addon whose Prepare Mail control cannot be found is not failed for it: what depends on the
control is reported not exercised, with why."""

from __future__ import annotations

import shutil
from pathlib import Path

from mgm_addon_contract._resources import fixtures_dir, reference_addon_dir
from mgm_addon_contract.contract.check import run_check
from mgm_addon_contract.contract.monitor import NO_PREPARE_CAUSE
from mgm_addon_contract.e2e import run_e2e
from mgm_addon_contract.scenarios.library import P1, P2, notify, whisper
from mgm_addon_contract.scenarios.prepare import PREPARE_TEXT
from mgm_addon_contract.scenarios.runner import prepare_control, run_scenario

PRODUCTION = fixtures_dir() / "addons" / "production-style" / "MimironsGoldOMatic"


def test_check_passes_the_production_style_addon() -> None:
    report = run_check(PRODUCTION, budget=15, regressions=None)
    assert report.load.ok and len(report.load.files) == 11
    assert not report.must_failures and not report.expectation_failures, [
        (o.clause.id, o.failure and o.failure.message) for o in report.must_failures]
    assert not report.lua_errors and not report.blocked_calls
    assert report.prepare is not None and report.prepare.args == {
        "name": "GoldOMaticMailPanelFill"} and report.prepare.label == "Fill next payout"
    passed = {c for c, o in report.outcomes.items() if o.status == "passed"}
    assert {"MAIL-CONFIRM-ON-SUCCESS", "MAIL-COMPLETION-WHISPER", "MAIL-FAILURE-REQUEUES",
            "RECEIVEGOLD-NAME-LETTERS", "ACCEPT-NAME-MATCH", "WHO-ONLINE-EXACT"} <= passed


def test_sc001_end_to_end_with_the_production_style_addon(tmp_path: Path) -> None:
    result = run_e2e(PRODUCTION, "happy", workdir=tmp_path)
    assert result.verdict and result.broken_step is None, [(s.name, s.detail, s.causes)
                                                           for s in result.steps if not s.ok]


def _relabelled(tmp_path: Path, label: str, *, inert: bool = False) -> Path:
    """The reference addon with its Prepare Mail button relabelled (``inert``: and doing
    nothing when clicked)."""
    copy = tmp_path / "MimironsGoldOMatic"
    shutil.copytree(reference_addon_dir(), copy)
    main = copy / "MimironsGoldOMatic.lua"
    source = main.read_text(encoding="utf-8")
    assert f'SetText("{PREPARE_TEXT}")' in source
    source = source.replace(f'SetText("{PREPARE_TEXT}")', f'SetText("{label}")')
    if inert:
        source = source.replace('prepareButton:SetScript("OnClick", prepareMail)',
                                'prepareButton:SetScript("OnClick", function() end)')
    main.write_text(source, encoding="utf-8")
    return copy


def test_a_relabelled_prepare_button_is_found_by_probing() -> None:
    addon = fixtures_dir() / "addons" / "conforming" / "prepare-labelled-otherwise"
    control = prepare_control(addon / "MimironsGoldOMatic")  # check passes it: precision suite
    assert control is not None and control.args == {"name": "MGMPrepareMailButton"}
    assert control.label == "Mail next winner" and "probing" in control.found


def test_without_a_prepare_control_mail_clauses_are_not_exercised_not_failed(
        tmp_path: Path) -> None:
    addon = _relabelled(tmp_path, "Mail the winner", inert=True)
    assert prepare_control(addon) is None
    report = run_check(addon, budget=5, machines=("mail",), regressions=None)
    assert not report.must_failures and not report.expectation_failures
    outcome = report.outcomes["MAIL-CONFIRM-ON-SUCCESS"]
    assert outcome.status == "not exercised" and NO_PREPARE_CAUSE in outcome.reason


def test_a_lua_error_at_login_is_no_lua_errors_and_the_addon_is_still_checked(
        tmp_path: Path) -> None:
    copy = tmp_path / "MimironsGoldOMatic"
    shutil.copytree(reference_addon_dir(), copy)
    with (copy / "MimironsGoldOMatic.lua").open("a", encoding="utf-8") as main:
        main.write('\nlocal late = CreateFrame("Frame")\nlate:RegisterEvent("ADDON_LOADED")\n'
                   'late:SetScript("OnEvent", function() error("boom at login") end)\n')
    report = run_check(copy, budget=3, machines=("who",), regressions=None)
    assert report.load.running and not report.load.ok
    failed = {c: o for c, o in report.outcomes.items() if o.status == "failed"}
    assert list(failed) == ["NO-LUA-ERRORS"]
    assert "boom at login" in failed["NO-LUA-ERRORS"].failure.message
    assert failed["NO-LUA-ERRORS"].reproducer == []  # loading is the reproducer
    assert report.outcomes["LOADS-IN-LUA51"].status == "passed"
    assert report.outcomes["WHO-ONLINE-EXACT"].status == "passed"


def test_a_missing_case_fold_of_one_letter_is_blamed_on_name_matching(tmp_path: Path) -> None:
    """Evidence is per letter: matching 'Вася' to 'вася' says nothing about 'Ё'."""
    copy = tmp_path / "MimironsGoldOMatic"
    shutil.copytree(PRODUCTION, copy)
    util = copy / "Util.lua"
    source = util.read_text(encoding="utf-8")
    fold_yo = 'cyrillicLower["\\208\\129"] = "\\209\\145"\n'
    assert fold_yo in source
    util.write_text(source.replace(fold_yo, ""), encoding="utf-8")
    p1, p2, p3 = P1, P2, "0b1e2f3a-4c5d-4e6f-8a9b-c0d1e2f3a4b5"
    result = run_scenario(copy, [notify(p1, "вася"), whisper("Вася", "!twgold"),
                                 notify(p2, "ёлка"), notify(p3, "Norinn"),
                                 whisper("Ёлка", "!twgold")])
    assert [(f.clause, f.step) for f in result.failures] == [("ACCEPT-NAME-MATCH", 5)]
