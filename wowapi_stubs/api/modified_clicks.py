"""Modified clicks: which modifier keys turn a click into an action (``SELFCAST`` with ALT,
``CHATLINK`` with SHIFT...). Each action has the client's default until
``SetModifiedClick`` changes it for the session; ``IsModifiedClick`` compares with the
modifier keys the world holds down (``client.world.modifiers``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wowapi_stubs.errors import WowApiError
from wowapi_stubs.widgets.base import flag_result, lua_int, lua_text

if TYPE_CHECKING:
    from wowapi_stubs.host import Host

# The client's default modified-click bindings (action -> modifier), by action name.
MODIFIED_CLICKS = {
    "AUTOLOOTTOGGLE": "SHIFT", "CHATLINK": "SHIFT", "COMPAREITEMS": "SHIFT",
    "DRESSUP": "CTRL", "FOCUSCAST": "NONE", "OPENALLBAGS": "SHIFT", "PICKUPACTION": "SHIFT",
    "QUESTWATCHTOGGLE": "SHIFT", "SELFCAST": "ALT", "SHOWITEMFLYOUT": "SHIFT",
    "SOCKETITEM": "SHIFT", "SPLITSTACK": "SHIFT", "STICKYCAMERA": "CTRL",
    "TOKENWATCHTOGGLE": "SHIFT",
}


def install(client: Host) -> dict[str, Callable[..., Any]]:
    world = client.world
    clicks = dict(MODIFIED_CLICKS)

    def IsModifiedClick(action: Any = None) -> int | None:
        wanted = clicks.get(lua_text(action).upper() if action else "", "NONE")
        if wanted == "NONE":
            return None
        return flag_result(all(down(key) for key in wanted.split("-")))

    def down(key: str) -> bool:
        """A modifier is down when either of its keys is (``SHIFT``: left or right)."""
        return any(k in world.modifiers for k in (key, f"L{key}", f"R{key}"))

    def GetModifiedClick(action: Any = None) -> str | None:
        if action is None:
            raise WowApiError('Usage: GetModifiedClick("action")')
        return clicks.get(lua_text(action).upper())

    def SetModifiedClick(action: Any = None, binding: Any = None) -> None:
        if action is None or binding is None:
            raise WowApiError('Usage: SetModifiedClick("action", "binding")')
        name = lua_text(action).upper()
        if name in clicks:
            clicks[name] = lua_text(binding).upper()

    def GetModifiedClickAction(index: Any = None) -> str | None:
        if index is None:
            raise WowApiError("Usage: GetModifiedClickAction(index)")
        number = lua_int(index, what="index")
        actions = list(clicks)
        return actions[number - 1] if 1 <= number <= len(actions) else None

    return {
        "IsModifiedClick": IsModifiedClick,
        "GetModifiedClick": GetModifiedClick,
        "SetModifiedClick": SetModifiedClick,
        "GetModifiedClickAction": GetModifiedClickAction,
        "GetNumModifiedClickActions": lambda: len(clicks),
    }
