"""Key bindings: the player's (none are bound in a fresh client) and override bindings.

The player's bindings: ``SetBinding("KEY", "COMMAND")`` and its ``Click``/``Spell``/``Item``/
``Macro`` forms bind a key (a nil command unbinds it); ``SaveBindings(set)`` keeps them as the
account (1) or character (2) set and makes that set current, ``LoadBindings(set)`` brings a
saved set back (0, the defaults, binds nothing); both fire ``UPDATE_BINDINGS``. Keys are
written with their modifiers in the client's order (``ALT-CTRL-SHIFT-X``). The client defines
no binding commands of its own here (no ``Bindings.xml``), so ``GetNumBindings()`` is 0 and
``GetBinding(index)`` answers nothing.

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

from wowapi_stubs.api._windows import answer
from wowapi_stubs.errors import WowApiError
from wowapi_stubs.widgets.base import lua_int, lua_text

if TYPE_CHECKING:
    from wowapi_stubs.host import Host

EVENTS = ("ADDON_ACTION_BLOCKED", "UPDATE_BINDINGS")
DEFAULT_BINDINGS, ACCOUNT_BINDINGS, CHARACTER_BINDINGS = 0, 1, 2
MODIFIERS = ("ALT", "CTRL", "SHIFT")


def binding_key(value: Any) -> str:
    """A key as the client writes it: upper case, modifiers first in ALT, CTRL, SHIFT order
    (``shift-ctrl-x`` -> ``CTRL-SHIFT-X``)."""
    parts = lua_text(value).upper().split("-")
    held = {part for part in parts[:-1] if part in MODIFIERS}
    rest = [part for part in parts[:-1] if part not in MODIFIERS] + parts[-1:]
    return "-".join([*(m for m in MODIFIERS if m in held), *rest])


def install(client: Host) -> dict[str, Callable[..., Any]]:
    overrides: dict[int, dict[str, tuple[bool, str]]] = {}  # owner id -> key -> binding
    bound: dict[str, str] = {}  # the player's bindings in use: key -> command
    saved: dict[int, dict[str, str]] = {ACCOUNT_BINDINGS: {}, CHARACTER_BINDINGS: {}}
    binding_set = {"current": ACCOUNT_BINDINGS}

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
            text = binding_key(key)
            value = rest[0] if rest else None
            owned = overrides.setdefault(frame, {})
            if value is None:
                if owned.pop(text, None) is not None:  # nil command: the override is removed
                    client.host_data.release(text)
            else:
                binding = (bool(priority), command(value, rest[1] if len(rest) > 1 else None))
                if text not in owned:
                    client.host_data.charge(text, "override bindings")
                owned[text] = binding

        bind.__name__ = name
        return bind

    def ClearOverrideBindings(owner: Any = None) -> None:
        frame = owner_id(owner, "ClearOverrideBindings(owner)")
        if not client.combat_blocked("ClearOverrideBindings"):
            for key in overrides.pop(frame, {}):
                client.host_data.release(key)

    def GetBindingAction(key: Any = None, check_override: Any = None) -> str:
        if key is None:
            raise WowApiError('Usage: GetBindingAction("KEY" [, checkOverride])')
        text = binding_key(key)
        if check_override:
            found = overridden(text)
            if found is not None:
                return found
        return bound.get(text, "")

    def overridden(key: str) -> str | None:
        """The command an override binds ``key`` to (a priority one first), if any."""
        found = [binding for owner, owned in overrides.items()
                 if (binding := owned.get(key)) is not None
                 and owner in client.widgets]  # an owner gone with a reloaded UI binds nothing
        return max(found, key=lambda b: b[0])[1] if found else None

    def GetBindingByKey(key: Any = None) -> str | None:
        """What pressing ``key`` runs: an override's command, else the player's; nil when
        the key is unbound."""
        if key is None:
            raise WowApiError('Usage: GetBindingByKey("KEY")')
        text = binding_key(key)
        return overridden(text) or bound.get(text)

    def GetBindingKey(command: Any = None, *_: Any) -> tuple[str, ...]:
        """One value per key of the player's bound to ``command``, in the order bound
        (nothing at all for an unbound command: ``select("#", ...)`` is 0)."""
        if command is None:
            raise WowApiError('Usage: GetBindingKey("COMMAND")')
        wanted = lua_text(command)
        return tuple(key for key, action in bound.items() if action == wanted)

    def player_setter(name: str, usage: str, command: Callable[[Any, Any], str]
                      ) -> Callable[..., int | None]:
        def bind(key: Any = None, value: Any = None, extra: Any = None, *_: Any
                 ) -> int | None:
            if key is None:
                raise WowApiError(f"Usage: {usage}")
            if client.combat_blocked(name):
                return None
            text = binding_key(key)
            if value is None or value == b"":
                if bound.pop(text, None) is not None:  # no command: the key is unbound
                    client.host_data.release(text)
            else:
                action = command(value, extra)
                if bound.pop(text, None) is None:
                    client.host_data.charge(text, "key bindings")
                bound[text] = action
            return 1

        bind.__name__ = name
        return bind

    def which_set(value: Any, usage: str) -> int:
        number = lua_int(value, what="which") if value is not None else -1
        if number not in (DEFAULT_BINDINGS, ACCOUNT_BINDINGS, CHARACTER_BINDINGS):
            raise WowApiError(f"Usage: {usage}")
        return number

    def bindings_updated() -> None:
        answer(client, "UPDATE_BINDINGS")

    def SaveBindings(which: Any = None) -> None:
        """Keep the bindings as set ``which``; no ``UPDATE_BINDINGS`` (action bar addons save
        from their handler of that event, which would otherwise never stop)."""
        number = which_set(which, "SaveBindings(which)")
        if number == DEFAULT_BINDINGS:
            return
        saved[number] = dict(bound)
        binding_set["current"] = number

    def LoadBindings(which: Any = None) -> None:
        number = which_set(which, "LoadBindings(which)")
        for key in bound:
            client.host_data.release(key)
        bound.clear()
        bound.update(saved.get(number, {}))
        for key in bound:  # made before, within the bound then
            client.host_data.add(key)
        if number != DEFAULT_BINDINGS:
            binding_set["current"] = number
        bindings_updated()

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
        "GetBindingKey": GetBindingKey,
        "GetBindingByKey": GetBindingByKey,
        "GetNumBindings": lambda: 0,
        "GetBinding": lambda *args: (),  # no binding command is defined
        "GetCurrentBindingSet": lambda: binding_set["current"],
        "SetBinding": player_setter("SetBinding", 'SetBinding("KEY" [, "COMMAND"])',
                                    lambda value, _: lua_text(value)),
        "SetBindingClick": player_setter(
            "SetBindingClick", 'SetBindingClick("KEY", "buttonName" [, "mouseButton"])', click),
        "SetBindingSpell": player_setter("SetBindingSpell", 'SetBindingSpell("KEY", "spell")',
                                         lambda value, _: f"SPELL {lua_text(value)}"),
        "SetBindingItem": player_setter("SetBindingItem", 'SetBindingItem("KEY", "item")',
                                        lambda value, _: f"ITEM {lua_text(value)}"),
        "SetBindingMacro": player_setter("SetBindingMacro", 'SetBindingMacro("KEY", "macro")',
                                         lambda value, _: f"MACRO {lua_text(value)}"),
        "SaveBindings": SaveBindings,
        "LoadBindings": LoadBindings,
    }
