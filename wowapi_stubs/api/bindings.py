"""Key bindings: the player's (none are bound in a fresh client) and override bindings.

``SetOverrideBinding(owner, isPriority, "KEY", "COMMAND")`` and its ``Click``/``Spell``/
``Item``/``Macro`` forms bind a key for as long as the owner frame keeps it;
``ClearOverrideBindings(owner)`` drops the owner's. ``GetBindingAction("KEY", true)`` sees
overrides (a priority one first), as in the 3.3.5a client; without the flag only the
player's bindings count. Bar addons (Bartender4's pet and vehicle bars) set these at load.
In combat the client refuses them to insecure code: nothing changes and
``ADDON_ACTION_BLOCKED`` fires (``combat-call-blocked`` finding).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wowapi_stubs.errors import WowApiError
from wowapi_stubs.widgets.base import lua_text

if TYPE_CHECKING:
    from wowapi_stubs.host import Host

EVENTS = ("ADDON_ACTION_BLOCKED",)


def install(client: Host) -> dict[str, Callable[..., Any]]:
    overrides: dict[int, dict[str, tuple[bool, str]]] = {}  # owner id -> key -> binding

    def owner_id(owner: Any, usage: str) -> int:
        widget = client._widget_from_lua(owner) if owner is not None else None
        if widget is None:
            raise WowApiError(f"Usage: {usage}")
        return widget.id

    def setter(name: str, usage: str, command: Callable[[Any, Any], str]) -> Callable[..., None]:
        def bind(owner: Any = None, priority: Any = None, key: Any = None, *rest: Any) -> None:
            frame = owner_id(owner, usage)
            if key is None:
                raise WowApiError(f"Usage: {usage}")
            if client.combat_blocked(name):
                return
            text = lua_text(key).upper()
            value = rest[0] if rest else None
            owned = overrides.setdefault(frame, {})
            if value is None:
                owned.pop(text, None)  # nil command: the override is removed
            else:
                owned[text] = (bool(priority), command(value, rest[1] if len(rest) > 1 else None))

        bind.__name__ = name
        return bind

    def ClearOverrideBindings(owner: Any = None) -> None:
        frame = owner_id(owner, "ClearOverrideBindings(owner)")
        if not client.combat_blocked("ClearOverrideBindings"):
            overrides.pop(frame, None)

    def GetBindingAction(key: Any = None, check_override: Any = None) -> str:
        if key is None:
            raise WowApiError('Usage: GetBindingAction("KEY" [, checkOverride])')
        if check_override:
            text = lua_text(key).upper()
            found = [binding for owned in overrides.values()
                     if (binding := owned.get(text)) is not None]
            if found:
                return max(found, key=lambda b: b[0])[1]
        return ""

    def click(value: Any, button: Any) -> str:
        return f"CLICK {lua_text(value)}:{lua_text(button) if button is not None else 'LeftButton'}"

    return {
        "SetOverrideBinding": setter("SetOverrideBinding",
                                     'SetOverrideBinding(owner, isPriority, "KEY" [, "COMMAND"])',
                                     lambda value, _: lua_text(value)),
        "SetOverrideBindingClick": setter(
            "SetOverrideBindingClick",
            'SetOverrideBindingClick(owner, isPriority, "KEY", "buttonName" [, "mouseButton"])',
            click),
        "SetOverrideBindingSpell": setter(
            "SetOverrideBindingSpell", 'SetOverrideBindingSpell(owner, isPriority, "KEY", "spell")',
            lambda value, _: f"SPELL {lua_text(value)}"),
        "SetOverrideBindingItem": setter(
            "SetOverrideBindingItem", 'SetOverrideBindingItem(owner, isPriority, "KEY", "item")',
            lambda value, _: f"ITEM {lua_text(value)}"),
        "SetOverrideBindingMacro": setter(
            "SetOverrideBindingMacro", 'SetOverrideBindingMacro(owner, isPriority, "KEY", "macro")',
            lambda value, _: f"MACRO {lua_text(value)}"),
        "ClearOverrideBindings": ClearOverrideBindings,
        "GetBindingAction": GetBindingAction,
        # One value per key bound to the command: none are (no value at all, so that
        # ``select("#", GetBindingKey(command))`` is 0, as in the client).
        "GetBindingKey": lambda *args: (),
        "GetNumBindings": lambda: 0,
        "GetCurrentBindingSet": lambda: 1,
    }
