"""Loading a FrameXML folder: where it is, how its files are named, the client's own addons.

These tests build a small Interface folder of their own (no Blizzard file involved); the
tests that run Blizzard's FrameXML itself are in test_framexml_ui.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from wowapi_stubs import AddonLoadError, ClientSettings, HeadlessClient
from wowapi_stubs.ui.framexml import locate_interface


def _interface(root: Path, toc_lines: str, files: dict[str, str],
               addons: dict[str, dict[str, str]] | None = None) -> Path:
    framexml = root / "Interface" / "FrameXML"
    framexml.mkdir(parents=True)
    (framexml / "FrameXML.toc").write_text("## Interface: 30300\n" + toc_lines)
    for name, text in files.items():
        (framexml / name).write_text(text)
    for addon, addon_files in (addons or {}).items():
        folder = root / "Interface" / "AddOns" / addon
        folder.mkdir(parents=True)
        for name, text in addon_files.items():
            (folder / name).write_text(text)
    return root / "Interface"


def test_a_folder_without_framexml_toc_is_refused_saying_what_is_expected(tmp_path: Path) -> None:
    with pytest.raises(AddonLoadError, match="not an extracted 3.3.5a Interface folder"):
        locate_interface(tmp_path)
    with pytest.raises(AddonLoadError, match="no such folder"):
        HeadlessClient(ClientSettings(framexml_dir=tmp_path / "missing"))


def test_the_framexml_folder_itself_and_any_case_are_accepted(tmp_path: Path) -> None:
    interface = _interface(tmp_path, "a.lua\n", {"a.lua": "A = 1"})
    (interface / "FrameXML").rename(interface / "framexml")
    found = locate_interface(interface / "framexml")
    assert found.root == interface
    assert found.framexml_toc.name == "FrameXML.toc"


def test_framexml_files_run_in_toc_order_named_as_the_client_names_them(tmp_path: Path) -> None:
    interface = _interface(tmp_path, "First.lua\nUI.xml\nBroken.lua\n", {
        "First.lua": "ORDER = { 'first' }",
        "UI.xml": '<Ui><Script file="Second.lua"/><Frame name="XmlFrame"/></Ui>',
        "Second.lua": "table.insert(ORDER, 'second')",
        "Broken.lua": "\nerror('boom')",
    })
    client = HeadlessClient(ClientSettings(framexml_dir=interface))
    assert client.global_value("ORDER") == ["first", "second"]
    assert client.find_frame("XmlFrame").GetObjectType() == "Frame"
    assert [e.message for e in client.errors] == ["Interface\\FrameXML\\Broken.lua:2: boom"]
    report = client.framexml_report
    assert report is not None
    assert [f.ok for f in report.files] == [True, True, False]
    # The built-in UI is not there: FrameXML defines the UI.
    assert client.eval_lua("return StaticPopup_Show == nil and ChatFrame1 == nil") is True


def test_blizzard_addons_load_on_demand_and_are_not_in_the_addon_list(tmp_path: Path) -> None:
    interface = _interface(tmp_path, "a.lua\n", {"a.lua": ""}, addons={
        "Blizzard_Test": {"Blizzard_Test.toc": "## Interface: 30300\n## LoadOnDemand: 1\n"
                                               "## Secure: 1\nT.lua\n",
                          "T.lua": "LOADED_AS = ..."},
    })
    client = HeadlessClient(ClientSettings(framexml_dir=interface))
    assert client.eval_lua("return GetNumAddOns()") == 0
    assert client.eval_lua("return IsAddOnLoaded('Blizzard_Test')") is None
    assert client.eval_lua("return LoadAddOn('Blizzard_Test')") == 1
    assert client.global_value("LOADED_AS") == "Blizzard_Test"
    assert client.eval_lua("return select(7, GetAddOnInfo('Blizzard_Test'))") == "SECURE"
    assert ("ADDON_LOADED", ("Blizzard_Test",)) in client.events_fired
