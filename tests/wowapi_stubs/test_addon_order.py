"""Several addons: the client's list and load order, dependencies, load-on-demand, the
addon-management API, BOM, chunk names and folder names."""

from __future__ import annotations

from pathlib import Path

import pytest

from wowapi_stubs import AddonLoadError, HeadlessClient

TRACE = 'LOADS = LOADS or {}; table.insert(LOADS, (...))\n'
EVENTS = """
EVENTS = EVENTS or {}
local f = CreateFrame("Frame")
for _, e in ipairs({"ADDON_LOADED", "VARIABLES_LOADED", "PLAYER_LOGIN",
                    "PLAYER_ENTERING_WORLD"}) do f:RegisterEvent(e) end
f:SetScript("OnEvent", function(self, event, name)
  table.insert(EVENTS, event .. (name and (":" .. name) or "") .. ":" .. tostring(IsLoggedIn()))
end)
"""


def _addon(make_addon, name: str, extra: str = "", code: str = TRACE) -> Path:
    return make_addon(name, {"main.lua": code}, toc_extra=extra)


def test_dependencies_first_then_alphabetical_ignoring_case(make_addon, tmp_path) -> None:
    _addon(make_addon, "zeta")
    _addon(make_addon, "Alpha", "## Dependencies: Libby")
    _addon(make_addon, "beta", "## OptionalDeps: Zeta, NotInstalled")
    _addon(make_addon, "Libby")
    with HeadlessClient() as client:
        reports = client.load_addons([tmp_path / "AddOns"])
        assert client.global_value("LOADS") == ["Libby", "Alpha", "zeta", "beta"]
        assert [r.addon for r in reports] == ["Libby", "Alpha", "zeta", "beta"]
        assert all(r.ok for r in reports)
        names = client.eval_lua("local t = {} for i = 1, GetNumAddOns() do "
                                "t[i] = (GetAddOnInfo(i)) end return t")
        assert names == ["Alpha", "beta", "Libby", "zeta"]


def test_login_sequence_across_addons(make_addon, tmp_path) -> None:
    _addon(make_addon, "One", "## SavedVariables: ONE_DB", EVENTS + TRACE)
    _addon(make_addon, "Two", "## SavedVariablesPerCharacter: TWO_DB", TRACE)
    with HeadlessClient() as client:
        client.load_addons([tmp_path / "AddOns"], {"ONE_DB": {"x": 1}, "TWO_DB": 2})
        assert client.global_value("EVENTS") == [
            "ADDON_LOADED:One:nil", "ADDON_LOADED:Two:nil", "VARIABLES_LOADED:nil",
            "PLAYER_LOGIN:1", "PLAYER_ENTERING_WORLD:1"]
        assert client.global_value("ONE_DB") == {"x": 1}
        assert client.eval_lua("return IsLoggedIn()") == 1


def test_missing_or_disabled_required_dependency_is_not_loaded_with_a_reason(
        make_addon, tmp_path) -> None:
    _addon(make_addon, "Needy", "## RequiredDeps: Ghost")
    _addon(make_addon, "Chain", "## Dependencies: Needy")
    _addon(make_addon, "Off", "## DefaultState: disabled")
    _addon(make_addon, "NeedsOff", "## Dep1: Off")
    with HeadlessClient() as client:
        reports = {r.addon: r for r in client.load_addons([tmp_path / "AddOns"])}
        assert client.global_value("LOADS") is None
        info = client.eval_lua("return {GetAddOnInfo('Needy')}")
    assert "DEP_MISSING" in reports["Needy"].not_loaded
    assert "Ghost" in reports["Needy"].not_loaded
    assert "DEP_MISSING" in reports["Chain"].not_loaded
    assert "DEP_DISABLED" in reports["NeedsOff"].not_loaded
    assert not reports["Needy"].ok and not reports["Chain"].ok
    assert reports["Off"].ok and not reports["Off"].loaded
    assert info == {1: "Needy", 2: "Needy", 4: 1, 6: "DEP_MISSING", 7: "INSECURE"}
    kinds = [f.kind for f in client.findings]
    assert kinds.count("addon-not-loaded") == 3


def test_load_on_demand_is_loaded_by_loadaddon_with_its_addon_loaded(
        make_addon, tmp_path) -> None:
    _addon(make_addon, "Core", "", EVENTS + TRACE)
    _addon(make_addon, "Core_Options", "## LoadOnDemand: 1\n## RequiredDeps: Core\n"
           "## SavedVariables: OPT_DB", TRACE + "OPT_AT_LOAD = OPT_DB")
    _addon(make_addon, "Later", "## LoadOnDemand: 1\n## LoadWith: Core_Options", TRACE)
    with HeadlessClient() as client:
        reports = client.load_addons([tmp_path / "AddOns"], {"OPT_DB": {"a": 1}})
        assert [r.loaded for r in reports] == [True, False, False]
        assert all(r.ok for r in reports)
        assert client.eval_lua("return IsAddOnLoadOnDemand('core_options'),"
                               " IsAddOnLoaded('Core_Options')") == (1, None)
        assert client.eval_lua("return LoadAddOn('Core_Options')") == 1
        assert client.global_value("LOADS") == ["Core", "Core_Options", "Later"]
        assert client.global_value("OPT_AT_LOAD") is None  # variables come after the files
        assert client.global_value("OPT_DB") == {"a": 1}
        assert client.global_value("EVENTS")[-2:] == ["ADDON_LOADED:Core_Options:1",
                                                      "ADDON_LOADED:Later:1"]
        assert client.eval_lua("return IsAddOnLoaded(2)") == 1
        assert client.eval_lua("return LoadAddOn('Nope')") == (None, "MISSING")


def test_disabled_addon_refuses_loadaddon_until_enabled(make_addon, tmp_path) -> None:
    _addon(make_addon, "Lazy", "## LoadOnDemand: 1")
    with HeadlessClient() as client:
        client.load_addons([tmp_path / "AddOns"])
        assert client.eval_lua("DisableAddOn('Lazy') return LoadAddOn('Lazy')") == (
            None, "DISABLED")
        assert client.eval_lua("EnableAddOn(1) return LoadAddOn('Lazy')") == 1
        assert client.global_value("LOADS") == ["Lazy"]


def test_metadata_dependencies_and_build_info(make_addon) -> None:
    folder = _addon(make_addon, "Meta", "## Author: Someone\n## X-Website: example\n"
                    "## RequiredDeps: A, B\n## Title-deDE: Titel\n## Notes: hi")
    (folder.parent / "A").mkdir()
    with HeadlessClient() as client:
        client.load_addon(folder)
        assert client.eval_lua("return GetAddOnMetadata('Meta', 'Author'),"
                               " GetAddOnMetadata('Meta', 'x-website'),"
                               " GetAddOnMetadata('Meta', 'Interface')") == ("Someone",
                                                                             "example", None)
        assert client.eval_lua("return GetAddOnDependencies('Meta')") == ("A", "B")
        assert client.eval_lua("return GetBuildInfo()") == ("3.3.5", "12340",
                                                            "Jun 24 2010", 30300)
        assert client.eval_lua("return (select(2, GetAddOnInfo(1)))") == "Meta"
        client.eval_lua("GetAddOnInfo(5)")
        assert "AddOn index must be in the range of 1 to 1" in client.errors[-1].message


def test_bom_is_skipped_and_chunks_carry_the_client_path(make_addon) -> None:
    folder = make_addon("Bommed", {"a.lua": "\ufeffBOM_OK = true\nerror('here')"})
    with HeadlessClient() as client:
        report = client.load_addon(folder)
        assert client.global_value("BOM_OK") is True
    assert report.errors[0].message == "Interface\\AddOns\\Bommed\\a.lua:2: here"
    assert report.errors[0].location == "Interface\\AddOns\\Bommed\\a.lua:2"


def test_debugstack_names_addon_files(make_addon) -> None:
    folder = make_addon("Stack", {"s.lua": "local function f()\n  STACK = debugstack()\nend\nf()"})
    with HeadlessClient() as client:
        client.load_addon(folder)
        stack = client.global_value("STACK")
    assert stack == ("Interface\\AddOns\\Stack\\s.lua:2: in function `f'\n"
                     "Interface\\AddOns\\Stack\\s.lua:4: in main chunk\n")


def test_folder_named_unlike_its_toc_loads_under_the_toc_name_with_a_warning(
        tmp_path) -> None:
    folder = tmp_path / "MyAddon-master"
    folder.mkdir()
    (folder / "MyAddon.toc").write_text("## Interface: 30300\nx.lua\n")
    (folder / "x.lua").write_text("NAME = ...")
    with HeadlessClient() as client:
        report = client.load_addon(folder)
        assert client.global_value("NAME") == "MyAddon"
    assert report.addon == "MyAddon" and report.ok
    assert any("MyAddon-master" in w and "renamed" not in w and "folder named MyAddon" in w
               for w in report.warnings)
    assert [f.kind for f in report.findings] == ["addon-folder-name"]


def test_folder_without_addons_is_a_clear_error(tmp_path) -> None:
    (tmp_path / "Empty" / "NoToc").mkdir(parents=True)
    with HeadlessClient() as client, pytest.raises(AddonLoadError, match="neither an addon"):
        client.load_addons([tmp_path / "Empty"])


def test_errors_during_login_go_to_the_addon_that_raised_them(make_addon, tmp_path) -> None:
    raiser = ('local f = CreateFrame("Frame") f:RegisterEvent("PLAYER_LOGIN")\n'
              'f:SetScript("OnEvent", function() error("at login") end)')
    _addon(make_addon, "Good")
    _addon(make_addon, "Bad", "", raiser)
    with HeadlessClient() as client:
        reports = {r.addon: r for r in client.load_addons([tmp_path / "AddOns"])}
    assert reports["Good"].ok
    assert [e.message for e in reports["Bad"].errors] == [
        "Interface\\AddOns\\Bad\\main.lua:2: at login"]


def test_a_dependency_chain_longer_than_pythons_recursion_limit_loads_in_order(
        make_addon, tmp_path) -> None:
    count = 1200
    for i in range(count):
        extra = f"## Dependencies: Link{i + 1:04d}" if i + 1 < count else ""
        make_addon(f"Link{i:04d}", {"l.lua": f"ORDER = (ORDER or '') .. ' {i}'"},
                   toc_extra=extra)
    with HeadlessClient() as client:
        reports = client.load_addons([tmp_path / "AddOns"])
        assert len(reports) == count and all(r.ok for r in reports)
        order = client.global_value("ORDER").split()
        assert order == [str(i) for i in reversed(range(count))]
