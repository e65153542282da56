"""The client itself: CVars, modifier keys, the cursor, the screen, the
game clock, network and frame-rate figures.

Modifier keys and the cursor are world state a test sets (``client.world.modifiers``,
``client.world.cursor``); by default no key is down and the cursor holds nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wowapi_stubs._host_data import CVAR_OVERHEAD
from wowapi_stubs.api.hands import Hands, HeldItem
from wowapi_stubs.errors import WowApiError
from wowapi_stubs.widgets.base import SCREEN_HEIGHT, flag_result, lua_text

if TYPE_CHECKING:
    from wowapi_stubs.host import Host

EVENTS = ("CVAR_UPDATE",)
RESOLUTIONS = ("800x600", "1024x768", "1280x720", "1280x1024", "1366x768", "1600x900",
               "1680x1050", "1920x1080", "1920x1200")


def install(client: Host) -> dict[str, Callable[..., Any]]:
    world = client.world
    cvars = world.cvars

    def down(*keys: str) -> Callable[..., int | None]:
        return lambda *args: flag_result(any(k in world.modifiers for k in keys))

    def GetCVar(name: Any = None) -> str | None:
        if name is None:
            raise WowApiError('Usage: GetCVar("cvar")')
        return cvars.get(lua_text(name))

    def GetCVarBool(name: Any = None) -> int | None:
        if name is None:
            raise WowApiError('Usage: GetCVarBool("cvar")')
        value = cvars.get(lua_text(name))
        return flag_result(value is not None and value not in ("0", ""))

    def GetCVarDefault(name: Any = None) -> str | None:
        if name is None:
            raise WowApiError('Usage: GetCVarDefault("cvar")')
        key = cvars._key(lua_text(name))
        return cvars.defaults.get(key) if key else None

    def cvar_bound(usage: str) -> Callable[..., None]:
        """``GetCVarMin``/``GetCVarMax``: the client bounds no CVar the world model holds
        (the option panels fall back to their own ranges)."""

        def api(name: Any = None) -> None:
            if name is None:
                raise WowApiError(f'Usage: {usage}("cvar")')

        return api

    def SetCVar(name: Any = None, value: Any = None, event: Any = None) -> None:
        if name is None:
            raise WowApiError('Usage: SetCVar("cvar", value [, "event"])')
        text = "" if value is None else lua_text(value)
        if isinstance(value, bool):
            text = "1" if value else "0"
        if cvars.set(lua_text(name), text) and event is not None:
            client.fire_internal("CVAR_UPDATE", lua_text(event), text)

    def RegisterCVar(name: Any = None, default: Any = None) -> None:
        if name is None:
            raise WowApiError('Usage: RegisterCVar("cvar" [, "default"])')
        text = lua_text(name)
        if not cvars.knows(text):
            client.host_data.charge(text, "registered CVars", CVAR_OVERHEAD)
            cvars.register(text, "" if default is None else lua_text(default))

    def GetCursorInfo() -> tuple[Any, ...]:
        return tuple(world.cursor or ())

    def ClearCursor() -> None:
        if isinstance(world.cursor, HeldItem):
            Hands(client).release()  # the item goes back to its slot, unlocked
        world.cursor = None

    def GetMouseFocus() -> Any:
        return client.lookup_named("WorldFrame").lua

    def screen_size() -> tuple[float, float]:
        width, height = client.settings.screen_resolution
        return SCREEN_HEIGHT * width / height, SCREEN_HEIGHT

    def GetScreenResolutions() -> tuple[str, ...]:
        own = "x".join(str(v) for v in client.settings.screen_resolution)
        return RESOLUTIONS if own in RESOLUTIONS else (*RESOLUTIONS, own)

    def GetCurrentResolution() -> int:
        own = "x".join(str(v) for v in client.settings.screen_resolution)
        return list(GetScreenResolutions()).index(own) + 1

    def GetGameTime() -> tuple[int, int]:
        moment = client.now.astimezone(client.settings.local_zone())
        return moment.hour, moment.minute  # the realm's clock: server time in the same zone

    return {
        "GetCVar": GetCVar,
        "GetCVarBool": GetCVarBool,
        "GetCVarDefault": GetCVarDefault,
        # anisotropic, pixel and vertex shaders, trilinear, triple buffering, max
        # anisotropy, hardware cursor: what a graphics card of the time supports
        "GetVideoCaps": lambda: (1, 1, 1, 1, 1, 16, 1),
        "IsPlayerResolutionAvailable": lambda: 1,
        "InCinematic": lambda: None,  # no cinematic plays
        "GetCVarMin": cvar_bound("GetCVarMin"),
        "GetCVarMax": cvar_bound("GetCVarMax"),
        "SetCVar": SetCVar,
        "RegisterCVar": RegisterCVar,
        "IsShiftKeyDown": down("SHIFT", "LSHIFT", "RSHIFT"),
        "IsControlKeyDown": down("CTRL", "LCTRL", "RCTRL"),
        "IsAltKeyDown": down("ALT", "LALT", "RALT"),
        "IsLeftShiftKeyDown": down("LSHIFT"),
        "IsRightShiftKeyDown": down("RSHIFT"),
        "IsLeftControlKeyDown": down("LCTRL"),
        "IsRightControlKeyDown": down("RCTRL"),
        "IsLeftAltKeyDown": down("LALT"),
        "IsRightAltKeyDown": down("RALT"),
        "IsModifierKeyDown": down("SHIFT", "CTRL", "ALT", "LSHIFT", "RSHIFT", "LCTRL",
                                  "RCTRL", "LALT", "RALT"),
        "IsMouseButtonDown": lambda *args: None,
        "GetCursorInfo": GetCursorInfo,
        "GetCursorPosition": lambda: world.cursor_position,
        "CursorHasItem": lambda: flag_result(bool(world.cursor) and world.cursor[0] == "item"),
        "CursorHasSpell": lambda: flag_result(bool(world.cursor)
                                              and world.cursor[0] == "spell"),
        "CursorHasMoney": lambda: flag_result(bool(world.cursor)
                                              and world.cursor[0] == "money"),
        "GetCursorMoney": lambda: world.cursor[1] if world.cursor and world.cursor[0] ==
        "money" else 0,
        "ClearCursor": ClearCursor,
        "DropCursorMoney": lambda *args: ClearCursor() if world.cursor and world.cursor[0] ==
        "money" else None,
        "ResetCursor": lambda: None,
        "SetCursor": lambda *args: 1,
        "GetMouseFocus": GetMouseFocus,
        "GetScreenWidth": lambda: screen_size()[0],
        "GetScreenHeight": lambda: screen_size()[1],
        "GetScreenResolutions": GetScreenResolutions,
        "GetCurrentResolution": GetCurrentResolution,
        "GetGameTime": GetGameTime,
        "GetNetStats": lambda: (0.0, 0.0, 45),
        "IsMacClient": lambda: None,
        "IsWindowsClient": lambda: 1,
        "IsLinuxClient": lambda: None,
        "GetExpansionLevel": lambda: 2,
        "GetAccountExpansionLevel": lambda: 2,
    }
