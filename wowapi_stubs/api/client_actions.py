"""Small client actions and questions: ``RandomRoll`` (the server's roll comes back as a
system message), ``Screenshot`` (``SCREENSHOT_SUCCEEDED`` a moment later), ``DoEmote``,
``ReloadUI`` and ``ConsoleExec`` (``name value`` sets a console variable; ``reloadui``
reloads the UI after the calling entry returns: :mod:`wowapi_stubs._reload`), ``GetText``
(a global string, the ``_FEMALE`` form for a female), the mirror timers' progress (no timer
runs) and what the build supports (a release build whose textures can be desaturated).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wowapi_stubs.api._windows import answer
from wowapi_stubs.errors import WowApiError
from wowapi_stubs.widgets.base import lua_int, lua_text

if TYPE_CHECKING:
    from wowapi_stubs.host import Host

EVENTS = ("SCREENSHOT_SUCCEEDED", "CHAT_MSG_SYSTEM")
FEMALE = 3


def install(client: Host) -> dict[str, Callable[..., Any]]:
    dice = random.Random()

    def roll_bound(value: Any, default: int) -> int:
        if value is None or value == b"":
            return default
        try:
            return lua_int(value, what="value")
        except WowApiError:
            raise WowApiError('Usage: RandomRoll(min, max)') from None

    def RandomRoll(low: Any = None, high: Any = None) -> None:
        lowest, highest = roll_bound(low, 1), roll_bound(high, 100)
        if lowest < 0 or highest < lowest:
            return
        rolled = dice.randint(lowest, highest)
        client.system_message(f"{client.world.player.name} rolls {rolled} "
                              f"({lowest}-{highest})")

    def Screenshot() -> None:
        answer(client, "SCREENSHOT_SUCCEEDED")

    def DoEmote(emote: Any = None, target: Any = None, *_: Any) -> None:
        if emote is None:
            raise WowApiError('Usage: DoEmote("emote" [, "target"])')
        lua_text(emote)

    def ConsoleExec(command: Any = None) -> None:
        if command is None:
            raise WowApiError('Usage: ConsoleExec("command")')
        name, _, value = lua_text(command).strip().partition(" ")
        if name.lower() == "reloadui":
            client.request_reload_ui()
        elif value.strip():
            client.world.cvars.set(name, value.strip())

    def ReloadUI() -> None:
        client.request_reload_ui()

    def GetText(token: Any = None, gender: Any = None, ordinal: Any = None) -> str | None:
        if token is None:
            raise WowApiError('Usage: GetText("token" [, gender [, ordinal]])')
        name = lua_text(token)
        names = [name]
        if gender is not None and lua_int(gender, what="gender") == FEMALE:
            names.insert(0, f"{name}_FEMALE")
        for candidate in names:
            value = client.runtime.rawglobal(candidate)
            if isinstance(value, bytes):
                return value.decode("utf-8", "surrogateescape")
        return None

    def GetMirrorTimerProgress(timer: Any = None) -> int:
        if timer is None:
            raise WowApiError('Usage: GetMirrorTimerProgress("timer")')
        return 0  # no breath, fatigue or feign-death timer runs

    return {
        "RandomRoll": RandomRoll,
        "Screenshot": Screenshot,
        "DoEmote": DoEmote,
        "ConsoleExec": ConsoleExec,
        "ReloadUI": ReloadUI,
        "GetText": GetText,
        "GetMirrorTimerProgress": GetMirrorTimerProgress,
        "IsDebugBuild": lambda: None,
        "IsDesaturateSupported": lambda: 1,
    }
