"""Loading an addon folder by its .toc: order, varargs, case-insensitive paths, errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from wowapi_stubs import AddonLoadError, HeadlessClient, parse_toc


def test_files_run_in_toc_order_with_name_and_shared_private_table(make_addon) -> None:
    folder = make_addon("Order", {
        "a.lua": 'local n, p = ...; p.seen = {n}; ORDER = "a"',
        "Sub/b.lua": 'local n, p = ...; table.insert(p.seen, "b"); ORDER = ORDER .. "b";'
                     ' SEEN = table.concat(p.seen, ",")',
    }, order=["a.lua", "Sub\\b.lua"])
    with HeadlessClient() as client:
        report = client.load_addon(folder)
        assert report.ok, report.errors
        assert client.global_value("ORDER") == "ab"
        assert client.global_value("SEEN") == "Order,b"
        assert [f.written for f in report.files] == ["a.lua", "Sub\\b.lua"]


def test_file_lookup_ignores_case_like_windows(make_addon) -> None:
    folder = make_addon("Case", {"Core.lua": "CASE_OK = true"}, order=["CORE.LUA"])
    with HeadlessClient() as client:
        assert client.load_addon(folder).ok
        assert client.global_value("CASE_OK") is True


def test_metadata_and_interface_warning(make_addon) -> None:
    folder = make_addon("Old", {"x.lua": ""}, interface="20400", toc_extra="## Notes: hi")
    with HeadlessClient() as client:
        report = client.load_addon(folder)
    assert report.metadata["Notes"] == "hi"
    assert report.ok
    assert any("20400" in w and "30300" in w for w in report.warnings)
    assert [f.kind for f in report.findings] == ["interface-version"]


def test_missing_files_folders_and_other_types_are_named_and_loading_goes_on(
        make_addon) -> None:
    folder = make_addon("Gaps", {"Sub/x.lua": "", "notes.txt": "", "ok.lua": "AFTER = 1"},
                        order=["missing.lua", "Sub", "notes.txt", "ok.lua"])
    with HeadlessClient() as client:
        report = client.load_addon(folder)
        assert client.global_value("AFTER") == 1
    assert not report.ok
    messages = [f.error or "" for f in report.files]
    assert "missing.lua" in messages[0] and "Gaps.toc:4" in messages[0]
    assert "'Sub' listed here is a folder" in messages[1] and "Gaps.toc:5" in messages[1]
    assert "only .lua and .xml" in messages[2]
    assert report.files[3].ok


def test_syntax_error_names_file_and_line_and_other_files_still_load(make_addon) -> None:
    folder = make_addon("Syntax", {"bad.lua": "local x = 1\nlocal y = x // 2\n",
                                   "good.lua": "GOOD = true"})
    with HeadlessClient() as client:
        report = client.load_addon(folder)
        assert client.global_value("GOOD") is True
    assert report.files[0].error.startswith("Interface\\AddOns\\Syntax\\bad.lua:2:")
    assert report.errors[0].location == "Interface\\AddOns\\Syntax\\bad.lua:2"


def test_runtime_error_while_loading_stops_that_file_only(make_addon) -> None:
    folder = make_addon("Boom", {"a.lua": "A1 = 1\nerror('kaput')\nA2 = 2", "b.lua": "B = 1"})
    with HeadlessClient() as client:
        report = client.load_addon(folder)
        assert client.global_value("A1") == 1
        assert client.global_value("A2") is None
        assert client.global_value("B") == 1
    assert report.errors[0].message == "Interface\\AddOns\\Boom\\a.lua:2: kaput"


def test_events_at_login_in_order_with_saved_variables_restored_first(make_addon) -> None:
    code = """
    EVENTS = {}
    local f = CreateFrame("Frame")
    for _, e in ipairs({"ADDON_LOADED", "VARIABLES_LOADED", "PLAYER_LOGIN",
                        "PLAYER_ENTERING_WORLD"}) do f:RegisterEvent(e) end
    f:SetScript("OnEvent", function(self, event, arg1)
      table.insert(EVENTS, event .. ":" .. tostring(arg1) .. ":" .. tostring(DB and DB.n))
      if event == "PLAYER_LOGIN" then DB.n = DB.n + 1 end
    end)
    """
    folder = make_addon("Saved", {"s.lua": code}, toc_extra="## SavedVariables: DB")
    with HeadlessClient() as client:
        client.load_addon(folder, saved_variables={"DB": {"n": 41}})
        assert client.global_value("EVENTS") == [
            "ADDON_LOADED:Saved:41", "VARIABLES_LOADED:nil:41", "PLAYER_LOGIN:nil:41",
            "PLAYER_ENTERING_WORLD:nil:42"]
        assert client.logout() == {"DB": {"n": 42}}


def test_saved_variables_of_any_depth_with_shared_tables_and_cycles_survive_a_session(
        make_addon) -> None:
    code = """
    local deep = {}
    Deep = deep
    for i = 1, 5000 do deep.next = {} deep = deep.next end
    local shared = {"s"}
    Graph = {a = shared, b = shared, list = {1, 2, 3}, [true] = "yes"}
    Graph.self = Graph
    Graph[{}] = "a table as a key"
    """
    folder = make_addon("Deep", {"d.lua": code}, toc_extra="## SavedVariables: Deep, Graph")
    with HeadlessClient() as client:
        client.load_addon(folder)
        saved = client.logout()
        graph = saved["Graph"]
        assert graph["a"] is graph["b"] == ["s"] and graph["self"] is graph
        assert graph["list"] == [1, 2, 3] and graph[True] == "yes" and len(graph) == 5
        assert [f.kind for f in client.findings] == ["saved-variable-table-keys"]
        depth, table = 0, saved["Deep"]
        while table:
            depth, table = depth + 1, table["next"]
        assert depth == 5000
    with HeadlessClient() as client:  # the next session gets them back, cycles and all
        client.load_addon(folder.parent / "Deep", saved_variables={"Graph": graph,
                                                                   "Deep": saved["Deep"]})
        assert client.eval_lua("""
          local d, n = Deep, 0
          while d.next do d, n = d.next, n + 1 end
          return n, Graph.self == Graph, Graph.a == Graph.b, Graph.list[3]
        """) == (5000, True, True, 3)
        assert not client.errors


def test_apis_touched_are_listed(make_addon) -> None:
    folder = make_addon("Apis", {"x.lua": 'local f = CreateFrame("Frame"); f:Hide();'
                                         ' strtrim(" a "); GetTime(); f:SetPoint("CENTER");'
                                         ' f:SetWidth(10); f:SetWidth(20)'})
    with HeadlessClient() as client:
        report = client.load_addon(folder)
    assert {"CreateFrame", "GetTime", "strtrim", ":Hide"} <= set(report.apis_touched)
    # Methods the client implements in Lua count too; the standard UI's own calls do not.
    assert report.apis_touched[":SetPoint"] == 1 and report.apis_touched[":SetWidth"] == 2
    assert ":SetText" not in report.apis_touched


def test_bad_folder_is_a_clear_python_error(tmp_path: Path) -> None:
    with pytest.raises(AddonLoadError, match="no such addon folder"):
        parse_toc(tmp_path / "Nope")
    (tmp_path / "Empty").mkdir()
    with pytest.raises(AddonLoadError, match=r"no Empty\.toc"):
        parse_toc(tmp_path / "Empty")


def test_reloading_sees_edits_to_the_toc_and_files_that_appear(make_addon) -> None:
    folder = make_addon("Edit", {"a.lua": "A = 1"}, order=["a.lua", "b.lua"])
    toc = folder / "Edit.toc"
    first = parse_toc(folder)
    assert [e.path is not None for e in first.entries] == [True, False]
    (folder / "b.lua").write_text("B = 2")  # appears right after the first parse
    assert [e.path is not None for e in parse_toc(folder).entries] == [True, True]
    toc.write_text(toc.read_text().replace("a.lua", "c.lua"))  # same size, new content
    assert [e.written for e in parse_toc(folder).entries] == ["c.lua", "b.lua"]
    assert parse_toc(folder) is parse_toc(folder)  # unchanged: parsed once


def test_reloading_compiles_an_edited_file_again(make_addon) -> None:
    folder = make_addon("Recompile", {"a.lua": "VALUE = 1"}, order=["a.lua"])
    with HeadlessClient() as client:
        client.load_addon(folder)
        assert client.global_value("VALUE") == 1
    (folder / "a.lua").write_text("VALUE = 2")
    with HeadlessClient() as client:
        client.load_addon(folder)
        assert client.global_value("VALUE") == 2
    (folder / "a.lua").write_text("VALUE = = 3")
    with HeadlessClient() as client:
        report = client.load_addon(folder)
        assert not report.ok and "a.lua:1:" in report.errors[0].message


@pytest.mark.parametrize("reuse", [True, False])
def test_reused_compiled_file_keeps_chunk_name_and_lines(make_addon, reuse: bool) -> None:
    from wowapi_stubs import ClientSettings

    folder = make_addon("Lines", {"a.lua": "local x = 1\n\nerror('boom')"}, order=["a.lua"])
    errors = []
    for _ in range(2):  # the second client loads what the first one compiled
        with HeadlessClient(ClientSettings(reuse_compiled_files=reuse)) as client:
            errors.append(client.load_addon(folder).errors[0])
    expected = ("Interface\\AddOns\\Lines\\a.lua:3: boom", 3)
    assert [(e.message, e.line) for e in errors] == [expected] * 2
