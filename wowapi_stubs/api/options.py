"""What the video, sound and language option panels ask the client about the machine.

The simulated PC renders at 60 Hz with 24-bit colour and a 24-bit depth buffer (no
multisampling, or 2x/4x/8x), has one sound output device (the system default), no sound
input device and no voice chat devices, has the client's own locale installed, and no stereo video.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wowapi_stubs.widgets.base import lua_int

if TYPE_CHECKING:
    from wowapi_stubs.host import Host

# (colour bits, depth bits, multisample) triples, as GetMultisampleFormats lists them.
MULTISAMPLE_FORMATS = ((24, 24, 1), (24, 24, 2), (24, 24, 4), (24, 24, 8))
REFRESH_RATES = (60,)
SOUND_DEVICES = ("System Default",)


def install(client: Host) -> dict[str, Callable[..., Any]]:
    def GetMultisampleFormats() -> tuple[int, ...]:
        return tuple(value for triple in MULTISAMPLE_FORMATS for value in triple)

    def driver_name(index: Any = None) -> str | None:
        number = lua_int(index) if index is not None else -1
        return SOUND_DEVICES[number] if 0 <= number < len(SOUND_DEVICES) else None

    return {
        "GetMultisampleFormats": GetMultisampleFormats,
        "GetCurrentMultisampleFormat": lambda: 1,
        "GetRefreshRates": lambda: REFRESH_RATES,
        "IsStereoVideoAvailable": lambda: None,
        "GetExistingLocales": lambda: client.settings.locale,
        "Sound_GameSystem_GetNumOutputDrivers": lambda: len(SOUND_DEVICES),
        "Sound_GameSystem_GetOutputDriverNameByIndex": driver_name,
        "Sound_GameSystem_GetNumInputDrivers": lambda: 0,
        "Sound_GameSystem_GetInputDriverNameByIndex": lambda *args: None,
        "VoiceEnumerateCaptureDevices": lambda *args: None,
        "VoiceEnumerateOutputDevices": lambda *args: None,
        "Sound_ChatSystem_GetNumInputDrivers": lambda: 0,
        "Sound_ChatSystem_GetNumOutputDrivers": lambda: 0,
        "Sound_ChatSystem_GetInputDriverNameByIndex": lambda *args: None,
        "Sound_ChatSystem_GetOutputDriverNameByIndex": lambda *args: None,
    }
