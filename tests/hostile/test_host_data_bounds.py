"""What the client keeps in Python under names addon code chooses is bounded: frame
attributes, event registrations and key bindings within ``host_data_max_bytes`` (past it,
"not enough memory" in the calling code and one ``host-data-full`` finding), the ``/who``
queries it remembers, and the process-wide caches behind global lookups (a loop over
``_G["Missing" .. i]`` used to grow the process for good)."""

from __future__ import annotations

import gc
import tracemalloc

import pytest

from wowapi_stubs import ClientSettings, HeadlessClient
from wowapi_stubs.api.who import MAX_QUERIES_KEPT

SMALL = 200_000  # bytes of host data: a few hundred entries

GROWERS = {
    "attributes": 'local f = CreateFrame("Frame") '
                  'for i = 1, 1e6 do f:SetAttribute("k" .. i, i) end',
    "events": 'local f = CreateFrame("Frame") for i = 1, 1e6 do f:RegisterEvent("EV_" .. i) end',
    "bindings": 'for i = 1, 1e6 do SetBinding("K" .. i, "JUMP") end',
    "override bindings": 'local f = CreateFrame("Frame") '
                         'for i = 1, 1e6 do SetOverrideBinding(f, false, "K" .. i, "JUMP") end',
    "binding clicks": 'for i = 1, 1e6 do SetBindingClick("K" .. i, "UIParent") end',
    "cvars": 'for i = 1, 1e6 do RegisterCVar("cv" .. i, "1") end',
    "state drivers": 'local f = CreateFrame("Frame", nil, UIParent, "SecureHandlerStateTemplate") '
                     'for i = 1, 1e6 do RegisterStateDriver(f, "s" .. i, "a") end',
}


@pytest.mark.parametrize("code", GROWERS.values(), ids=GROWERS.keys())
def test_addon_chosen_names_stop_at_the_host_data_cap(code: str) -> None:
    with HeadlessClient(ClientSettings(host_data_max_bytes=SMALL)) as client:
        client.eval_lua(code)
        assert client.errors[-1].message == "(eval):1: not enough memory"
        assert client.host_data.used <= SMALL
        full = [f for f in client.findings if f.kind == "host-data-full"]
        assert len(full) == 1 and "host_data_max_bytes" in full[0].message
        client.eval_lua(code)  # the finding is said once
        assert len([f for f in client.findings if f.kind == "host-data-full"]) == 1


def test_removed_entries_give_their_share_back() -> None:
    with HeadlessClient(ClientSettings(host_data_max_bytes=SMALL)) as client:
        for _ in range(50):  # each round adds and removes hundreds: never refused
            client.eval_lua("""
                local f = F or CreateFrame("Frame") F = f
                for i = 1, 300 do f:RegisterEvent("EV_" .. i) SetBinding("K" .. i, "JUMP")
                  SetOverrideBinding(f, false, "O" .. i, "JUMP") end
                for i = 1, 300 do f:UnregisterEvent("EV_" .. i) SetBinding("K" .. i) end
                ClearOverrideBindings(f)""")
        assert client.errors == []
        assert client.host_data.used == 0


def test_the_default_cap_leaves_real_ui_data_alone() -> None:
    with HeadlessClient() as client:
        client.eval_lua("""
            local f = CreateFrame("Frame")
            for i = 1, 2000 do
              f:SetAttribute("type" .. i, "macro") SetBinding("CTRL-" .. i, "JUMP")
            end
            f:RegisterAllEvents()""")
        assert client.errors == []


def test_who_remembers_its_latest_queries_only() -> None:
    with HeadlessClient() as client:
        client.eval_lua("for i = 1, 5000 do SendWho('n-' .. i) end")
        assert MAX_QUERIES_KEPT * 0.9 <= len(client.who.queries) <= MAX_QUERIES_KEPT
        assert client.who.queries[-1] == "n-5000"


def test_reading_missing_globals_does_not_grow_the_process() -> None:
    with HeadlessClient() as client:
        client.eval_lua('for i = 1, 2000 do local x = _G["Warmup" .. i] end')
        gc.collect()
        tracemalloc.start()
        try:
            before = tracemalloc.get_traced_memory()[0]
            client.eval_lua('for i = 1, 50000 do local x = _G["Missing" .. i] end')
            gc.collect()
            grown = tracemalloc.get_traced_memory()[0] - before
        finally:
            tracemalloc.stop()
        assert grown < 500_000, grown  # was about 4 MB: every name stayed in a cache
