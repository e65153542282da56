"""A dropped client is freed at once with its Lua state (no reference cycles)."""

from __future__ import annotations

import gc
import weakref

import pytest

from mgm_addon_contract._resources import reference_addon_dir
from wowapi_stubs import HeadlessClient


def test_dropped_client_is_freed_without_the_cycle_collector() -> None:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        client = HeadlessClient()
        client.load_addon(reference_addon_dir())
        client.type_line('/run NotifyWinnerWhisper("2d2b7b2a-1111-2222-3333-444444444444",'
                         '"Norinn")')
        button = client.named["MGMPrepareMailButton"]
        runtime = weakref.ref(client.runtime)
        gone = weakref.ref(client)
        client.close()
        del client
        assert gone() is None and runtime() is None
        with pytest.raises(ReferenceError):
            button.click()
    finally:
        if was_enabled:
            gc.enable()
