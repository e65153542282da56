"""Developer functions of the client's function tables: file access (``AppendToFile``,
``ReadFile``, ``DeleteFile``), the ``debug*`` helpers, the performance, collision and
portal display toggles, debug map objects and the taxi benchmark.

They serve Blizzard's internal builds; an addon gets nothing from them on a player's client,
and the headless client never lets addon code reach the host's files. Each call does
nothing, returns nil and records a ``dev-function-refused`` finding naming the function and
the calling line, so a test sees the attempt.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from wowapi_stubs.host import Host

DEV_FUNCTIONS = (
    "AppendToFile", "ReadFile", "DeleteFile", "debugbreak", "debugdump", "debughook",
    "debugload", "debugprint", "debugtimestamp", "GetDebugStats", "FrameXML_Debug",
    "TeleportToDebugObject", "GetMapDebugObjectInfo", "GetDebugZoneMap", "ToggleCollision",
    "ToggleCollisionDisplay", "TogglePerformanceDisplay", "TogglePerformancePause",
    "TogglePerformanceValues", "ResetPerformanceValues", "TogglePlayerBounds", "TogglePortals",
    "ToggleTris", "GetTaxiBenchmarkMode", "SetTaxiBenchmarkMode",
)


def install(client: Host) -> dict[str, Callable[..., Any]]:
    def refused(name: str) -> Callable[..., None]:
        def api(*_: Any) -> None:
            location, addon = client._culprit()
            client.add_finding("dev-function-refused",
                               f"{name}() is a developer function the 3.3.5a client offers no "
                               "addon; the headless client ignores the call",
                               location=location, addon=addon, function=name)

        api.__name__ = name
        return api

    return {name: refused(name) for name in DEV_FUNCTIONS}
