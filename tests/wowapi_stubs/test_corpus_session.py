"""The standard session and the corpus benchmark on a few small real packages (skipped
when the corpus is absent)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from tests.shared_data import require_shared
from wowapi_stubs.smoke import STEPS, missing_name, run_session

SMALL = ["BlizzMove", "CombatLogFix", "AutoRepair", "IdTip"]


def _bench_module():
    path = Path(__file__).parents[2] / "benchmarks" / "bench_corpus.py"
    spec = importlib.util.spec_from_file_location("bench_corpus", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("bench_corpus", module)  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_missing_names_are_read_from_client_errors() -> None:
    assert missing_name("x.lua:3: WoW API UnitClass is not implemented by the headless "
                        "client (at x.lua:3)") == "UnitClass"
    assert missing_name("x.lua:3: attempt to call global 'Foo' (a nil value)") == "Foo"
    assert missing_name("x.lua:3: attempt to index global 'Bar' (a nil value)") == "Bar"
    assert missing_name("x.lua:3: attempt to call method 'Baz' (a nil value)") == ":Baz"
    assert missing_name("CreateFrame: Unknown frame type 'Q'") == "CreateFrame(Q)"
    assert missing_name("x.lua:1: kaput") is None
    assert [name for name, _ in STEPS][-1] == "logout"


def test_small_corpus_packages_run_the_standard_session() -> None:
    corpus = require_shared("MGM_WOW335A_DIR") / "corpus"
    bench = _bench_module()
    results = bench.run_corpus(corpus, SMALL)
    assert sorted(r.name for r in results) == sorted(SMALL)
    by_name = {r.name: r for r in results}
    # BlizzMove's handler reads the `event` global: it reaches its PLAYER_ENTERING_WORLD
    # branch, which needs Blizzard's InterfaceOptionsFrame (a FrameXML frame).
    blizzmove = by_name["BlizzMove"]
    assert blizzmove.clean or "InterfaceOptionsFrame" in blizzmove.missing, blizzmove.errors
    for result in results:
        assert result.reports and all(rep.loaded for rep in result.reports)
    text = bench.render(results)
    assert "packages: no Lua error" in text and "top missing names" in text
    assert bench.to_json(results)["total"] == len(SMALL)


def test_the_benchmark_tells_a_packages_own_faults_from_the_clients_gaps() -> None:
    """A missing .toc file and the listed faults are the package's own (the real client
    shows them too); anything else, even in the same package, is not."""
    bench = _bench_module()
    missing = ("Pkg\\Pkg.toc:3: 'libs\\Lib.lua' listed here does not exist in the addon "
               "folder")
    assert "missing from the package" in bench.package_fault("Pkg", missing)
    assert "Cataclysm" in bench.package_fault(
        "InterruptBar", "Interface\\AddOns\\InterruptBar\\InterruptBar.lua:13: table index "
        "is nil")
    assert bench.package_fault("InterruptBar", "x.lua:1: attempt to call global 'Foo'") is None
    assert bench.package_fault("Other", "InterruptBar.lua:13: table index is nil") is None


def test_session_on_an_addon_written_here(make_addon) -> None:
    folder = make_addon("Watcher", {"w.lua": """
        local f = CreateFrame("Frame")
        SEEN = {}
        for _, e in ipairs({"PLAYER_TARGET_CHANGED", "BAG_UPDATE", "MAIL_SHOW",
                            "CHAT_MSG_WHISPER", "PLAYER_LOGOUT"}) do f:RegisterEvent(e) end
        f:SetScript("OnEvent", function(_, event) SEEN[event] = true end)
        f:SetScript("OnUpdate", function() UPDATES = (UPDATES or 0) + 1 end)
        """})
    result = run_session("Watcher", [folder])
    assert result.clean and result.reports[0].addon == "Watcher"
