"""``mgm-contract api-coverage``: the surface counts, and what addon folders use that the
headless client lacks (Lua files and XML scripts)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from mgm_addon_contract.cli import app
from wowapi_stubs.surface import load_surface

runner = CliRunner()
# Two 3.3.5a functions the client does not implement (yet): whichever the data file lists.
_GAP1, _GAP2 = sorted(n for n, done in load_surface().functions.items() if not done)[:2]


def _addon(tmp_path: Path) -> Path:
    folder = tmp_path / "Probe"
    folder.mkdir()
    (folder / "Probe.toc").write_text("## Interface: 30300\nmain.lua\nui.xml\n")
    (folder / "main.lua").write_text(
        "ProbeDB = ProbeDB or {}\nlocal f = CreateFrame('Frame', 'ProbeFrame')\n"
        f"f:RegisterEvent('TRADE_SHOW')\nlocal n = {_GAP1}(1)\n"
        "f:CreateFontString(nil, 'ARTWORK'):GetFieldSize()\n"
        "print(ProbeHelper, UnitName('player'))\n")
    (folder / "ui.xml").write_text(
        '<Ui xmlns="http://www.blizzard.com/wow/ui/"><Frame name="ProbeHelper">'
        f"<Scripts><OnLoad>{_GAP2}(); SomeLibrary:New()</OnLoad></Scripts>"
        "</Frame></Ui>")
    return folder


def test_counts_and_an_addons_missing_names(tmp_path: Path) -> None:
    result = runner.invoke(app, ["api-coverage", "--format", "json", str(_addon(tmp_path))])
    assert result.exit_code == 1, result.output
    data = json.loads(result.output)
    assert data["surface"]["frame_types"] == {"implemented": 20, "known": 20}
    assert data["surface"]["functions"]["known"] > 800
    probe = data["addons"][0]
    assert probe["files"] == 2 and probe["unreadable"] == []
    assert set(probe["missing_functions"]) == {_GAP1, _GAP2}
    assert probe["missing_methods"] == {"GetFieldSize": 1}
    assert probe["events_never_fired"] == {"TRADE_SHOW": 1}
    assert probe["unknown_globals"] == {"SomeLibrary": 1}  # ProbeDB/ProbeHelper are its own


def test_text_report_and_a_folder_of_addons(tmp_path: Path) -> None:
    _addon(tmp_path)
    broken = tmp_path / "Broken"
    broken.mkdir()
    (broken / "Broken.toc").write_text("## Interface: 30300\nmain.lua\n")
    (broken / "main.lua").write_text("local x = 1 // 2\n")
    result = runner.invoke(app, ["api-coverage", str(tmp_path)])
    assert result.exit_code == 1
    assert "CreateFrame types" in result.output and "20 / 20" in result.output
    assert "missing functions (2)" in result.output
    assert "unreadable: main.lua:" in result.output


def test_without_addons_prints_the_counts_only() -> None:
    result = runner.invoke(app, ["api-coverage"])
    assert result.exit_code == 0 and "widget methods" in result.output


def test_folders_without_a_toc_are_no_addons(tmp_path: Path) -> None:
    """As the loader: a folder of addon folders skips a folder without a .toc, and a path
    holding no addon at all is refused (not reported as "nothing missing")."""
    _addon(tmp_path)
    (tmp_path / "Screenshots").mkdir()
    (tmp_path / "Screenshots" / "note.lua").write_text("CallSomethingMissing()\n")
    result = runner.invoke(app, ["api-coverage", str(tmp_path)])
    assert "Screenshots" not in result.output and "Probe" in result.output
    empty = tmp_path / "Screenshots"
    result = runner.invoke(app, ["api-coverage", str(empty)])
    assert result.exit_code == 2
    assert "neither an addon folder (no .toc) nor a folder of addon folders" in result.output


def test_a_missing_folder_is_a_user_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["api-coverage", str(tmp_path / "nope")])
    assert result.exit_code == 2 and "no such addon folder" in result.output
