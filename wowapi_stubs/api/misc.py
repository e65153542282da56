"""``CreateFrame``, ``CreateFont`` and small client functions: sounds, ``GetFramerate``."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wowapi_stubs.errors import WowApiError
from wowapi_stubs.ui import create_frame
from wowapi_stubs.widgets import Font
from wowapi_stubs.widgets.base import lua_text

if TYPE_CHECKING:
    from wowapi_stubs.client import HeadlessClient


def install(client: HeadlessClient) -> dict[str, Callable[..., Any]]:
    def PlaySound(sound: Any = None, *rest: Any) -> None:
        client.sounds.append(lua_text(sound) if sound is not None else "")

    def PlaySoundFile(path: Any = None, *rest: Any) -> None:
        client.sounds.append(lua_text(path) if path is not None else "")

    def GetFramerate() -> float:
        return 1.0 / client.settings.frame_interval

    def CreateFrame(*args: Any) -> Any:
        return create_frame(client, *args)

    def CreateFont(name: Any = None) -> Any:
        """A new font object; a named one is a global (``<Font>`` elements make theirs
        this way)."""
        if name is None:
            raise WowApiError('Usage: CreateFont("name")')
        return client._create_region(Font, lua_text(name, what="name"), None)

    def RunScript(code: Any = None) -> None:
        """Run ``code`` as ``/run`` does (FrameXML's ``/script`` handler calls this)."""
        from wowapi_stubs import _chatinput

        if code is None:
            raise WowApiError('Usage: RunScript("script")')
        _chatinput.run_code(client, lua_text(code, what="script"))

    return {"CreateFrame": CreateFrame, "CreateFont": CreateFont, "PlaySound": PlaySound,
            "PlaySoundFile": PlaySoundFile, "GetFramerate": GetFramerate,
            "RunScript": RunScript}
