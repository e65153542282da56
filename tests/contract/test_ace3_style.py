"""An MGM addon built the Ace3 way (fixtures/addons/ace3-style/: AceAddon modules, AceEvent
handlers by method name, AceTimer for the /who time-out, AceDB saved variables with a schema
migration, AceLocale strings, AceConsole's slash command, a Prepare Mail button labelled by
its locale), assembled with the real 3.3.5a Ace3 libraries of the corpus: ``check`` passes
it and SC-001 completes with it; printing its tags through AceConsole's ``Print`` (the
addon's coloured name first) is found, under TAG-FORMAT only."""

from __future__ import annotations

import sys
from pathlib import Path

from mgm_addon_contract.contract.check import run_check
from mgm_addon_contract.e2e import run_e2e
from tests.shared_data import REPO, require_shared

sys.path.insert(0, str(REPO / "tools"))
from assemble_ace3_addon import assemble  # noqa: E402


def ace3_addon(tmp_path: Path) -> Path:
    return assemble(tmp_path, require_shared("MGM_WOW335A_DIR"))


def test_check_passes_the_ace3_style_addon(tmp_path: Path) -> None:
    addon = ace3_addon(tmp_path)
    report = run_check(addon, budget=12, regressions=None)
    assert report.load.ok and not report.lua_errors and not report.blocked_calls
    assert not report.must_failures and not report.expectation_failures, [
        (o.clause.id, o.failure and o.failure.message) for o in report.must_failures]
    assert report.prepare is not None and report.prepare.label == "Fill winner mail"
    passed = {c for c, o in report.outcomes.items() if o.status == "passed"}
    assert {"MAIL-CONFIRM-ON-SUCCESS", "MAIL-COMPLETION-WHISPER", "ACCEPT-NAME-MATCH",
            "WHO-ONLINE-EXACT", "GIFT-ITEMS-LIST", "UPDATE-CHECK"} <= passed


def test_sc001_end_to_end_with_the_ace3_style_addon(tmp_path: Path) -> None:
    addon = ace3_addon(tmp_path / "addon")
    result = run_e2e(addon, "happy", workdir=tmp_path / "run")
    assert result.verdict and result.broken_step is None, [(s.name, s.detail, s.causes)
                                                           for s in result.steps if not s.ok]


def test_tags_printed_with_aceconsole_print_fail_tag_format_only(tmp_path: Path) -> None:
    addon = ace3_addon(tmp_path)
    core = addon / "Core.lua"
    text = core.read_text(encoding="utf-8")
    emit = "function ns.Emit(line)\n  DEFAULT_CHAT_FRAME:AddMessage(line)\nend"
    assert emit in text
    core.write_text(text.replace(emit, "function ns.Emit(line)\n  ns.MGM:Print(line)\nend"),
                    encoding="utf-8")
    report = run_check(addon, budget=12, regressions=None)
    assert sorted(o.clause.id for o in report.must_failures) == ["TAG-FORMAT"]
    assert "the tag comes after" in report.outcomes["TAG-FORMAT"].failure.message
