"""Frame look-ups the client offers besides the global table: ``GetClickFrame`` (the
frame a ``CLICK name:button`` binding names)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wowapi_stubs.errors import WowApiError
from wowapi_stubs.widgets.base import lua_text

if TYPE_CHECKING:
    from wowapi_stubs.host import Host


def install(client: Host) -> dict[str, Callable[..., Any]]:
    def GetClickFrame(name: Any = None) -> Any:
        if name is None:
            raise WowApiError('Usage: GetClickFrame("name")')
        widget = client.lookup_named(lua_text(name))
        return None if widget is None else widget.lua

    return {"GetClickFrame": GetClickFrame}
