"""Script profiling: the CPU time scripts, frames, functions and events took, and the
debug stopwatch.

The client times scripts only when the ``scriptProfile`` CVar was on as the UI loaded; it is
off in a fresh client, so every figure is 0 (time in milliseconds, and 0 calls or events).
``debugprofilestop()`` gives the milliseconds of real time since ``debugprofilestart()``
(or since the client started): code that spreads work over frames by the time it took
measures real work, as in the client.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wowapi_stubs.errors import WowApiError

if TYPE_CHECKING:
    from wowapi_stubs.host import Host


def install(client: Host) -> dict[str, Callable[..., Any]]:
    stopwatch = {"started": time.perf_counter()}

    def debugprofilestart() -> None:
        stopwatch["started"] = time.perf_counter()

    def debugprofilestop() -> float:
        return (time.perf_counter() - stopwatch["started"]) * 1000.0

    def GetFrameCPUUsage(frame: Any = None, include_children: Any = None) -> tuple[float, int]:
        if frame is None or client._widget_from_lua(frame) is None:
            raise WowApiError("Usage: GetFrameCPUUsage(frame [, includeChildren])")
        return 0.0, 0  # milliseconds, function calls

    def GetFunctionCPUUsage(function: Any = None, include_subroutines: Any = None
                            ) -> tuple[float, int]:
        if function is None or not client.runtime.is_function(function):
            raise WowApiError("Usage: GetFunctionCPUUsage(function [, includeSubroutines])")
        return 0.0, 0  # milliseconds, calls

    def GetEventCPUUsage(event: Any = None) -> tuple[float, int]:
        return 0.0, 0  # milliseconds, events delivered

    return {
        "GetScriptCPUUsage": lambda: 0.0,
        "GetFrameCPUUsage": GetFrameCPUUsage,
        "GetFunctionCPUUsage": GetFunctionCPUUsage,
        "GetEventCPUUsage": GetEventCPUUsage,
        "ResetCPUUsage": lambda: None,
        "debugprofilestart": debugprofilestart,
        "debugprofilestop": debugprofilestop,
    }
