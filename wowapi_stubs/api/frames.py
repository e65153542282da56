"""Frame look-ups the client offers besides the global table: ``GetClickFrame`` (the
frame a ``CLICK name:button`` binding names), every frame in creation order
(``EnumerateFrames``, ``GetNumFrames``), the frames an event reaches, the edit box with
keyboard focus and the mouse button of the click being handled.

Only frames (not textures, font strings, fonts or animations) are enumerated; a frame of the
built-in UI that nothing has read yet is not made by enumerating.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wowapi_stubs.errors import WowApiError
from wowapi_stubs.widgets import Frame
from wowapi_stubs.widgets.base import lua_text

if TYPE_CHECKING:
    from wowapi_stubs.host import Host


def install(client: Host) -> dict[str, Callable[..., Any]]:
    # Ids of the frames among the widgets, in creation order; rebuilt when widgets were made
    # (ids only grow, a reload's too: the newest id tells whether the list is current).
    frame_ids: dict[str, Any] = {"newest": None, "ids": []}

    def frames_in_order() -> list[int]:
        newest = next(reversed(client.widgets), None)
        if frame_ids["newest"] != newest:
            frame_ids["ids"] = sorted(key for key, widget in client.widgets.items()
                                      if isinstance(widget, Frame))
            frame_ids["newest"] = newest
        return frame_ids["ids"]

    def GetClickFrame(name: Any = None) -> Any:
        if name is None:
            raise WowApiError('Usage: GetClickFrame("name")')
        widget = client.lookup_named(lua_text(name))
        return None if widget is None else widget.lua

    def EnumerateFrames(current: Any = None) -> Any:
        """The first frame, or the one made after ``current``; nil after the last."""
        ids = frames_in_order()
        if current is None:
            position = 0
        else:
            widget = client._widget_from_lua(current)
            if widget is None:
                raise WowApiError("Usage: EnumerateFrames([frame])")
            position = bisect_right(ids, widget.id)
        return client.widgets[ids[position]].lua if position < len(ids) else None

    def GetFramesRegisteredForEvent(event: Any = None) -> tuple[Any, ...]:
        if event is None:
            raise WowApiError('Usage: GetFramesRegisteredForEvent("event")')
        return tuple(frame.lua for frame in client.frames_for_event(lua_text(event)))

    def GetCurrentKeyBoardFocus() -> Any:
        focused = client.widgets.get(client.focus_id) if client.focus_id is not None else None
        return None if focused is None else focused.lua

    return {
        "GetClickFrame": GetClickFrame,
        "EnumerateFrames": EnumerateFrames,
        "GetNumFrames": lambda: len(frames_in_order()),
        "GetFramesRegisteredForEvent": GetFramesRegisteredForEvent,
        "GetCurrentKeyBoardFocus": GetCurrentKeyBoardFocus,
        "GetMouseButtonClicked": lambda: client.mouse_button,
    }
