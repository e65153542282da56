"""``mgm-contract load PATH...``: one addon as before, several in the client's order."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from mgm_addon_contract._resources import reference_addon_dir
from mgm_addon_contract.cli import app

runner = CliRunner()


def _write(folder: Path, toc_extra: str, code: str) -> None:
    folder.mkdir(parents=True)
    (folder / f"{folder.name}.toc").write_text(f"## Interface: 30300\n{toc_extra}\nmain.lua\n")
    (folder / "main.lua").write_text(code)


def test_one_addon_keeps_its_single_report() -> None:
    result = runner.invoke(app, ["load", str(reference_addon_dir()), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["addon"] == "MimironsGoldOMatic" and data["ok"] and data["loaded"]


def test_a_folder_of_addons_loads_in_order_and_reports_each(tmp_path: Path) -> None:
    addons = tmp_path / "AddOns"
    _write(addons / "Zed", "", "ZED = true")
    _write(addons / "App", "## RequiredDeps: Zed", "assert(ZED)")
    _write(addons / "Orphan", "## RequiredDeps: Missing", "")
    result = runner.invoke(app, ["load", str(addons), "--format", "json"])
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert [a["addon"] for a in data["addons"]] == ["Zed", "App", "Orphan"]
    assert [a["loaded"] for a in data["addons"]] == [True, True, False]
    assert "DEP_MISSING" in data["addons"][2]["not_loaded"]
    text = runner.invoke(app, ["load", str(addons / "Zed"), str(addons / "App")])
    assert text.exit_code == 0, text.output
    assert "Addons (2, in the client's load order)" in text.output


def test_bad_path_is_a_usage_error_without_traceback(tmp_path: Path) -> None:
    result = runner.invoke(app, ["load", str(tmp_path / "nowhere")])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
