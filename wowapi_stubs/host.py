"""The small interface API modules and widgets use to reach the client.

:class:`~wowapi_stubs.client.HeadlessClient` implements it; API modules (``wowapi_stubs.api``)
and widgets (``wowapi_stubs.widgets``) depend on this protocol only, so nothing they define
imports the client back.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from datetime import datetime

    from wowapi_stubs._host_data import HostData
    from wowapi_stubs.api.chatconfig import ChatSettings
    from wowapi_stubs.api.mail import MailService
    from wowapi_stubs.clock import SimulatedClock
    from wowapi_stubs.errors import Finding
    from wowapi_stubs.runtime import LuaRuntime
    from wowapi_stubs.settings import ClientSettings
    from wowapi_stubs.world import World


class Host(Protocol):
    """What the client offers its API modules and widgets."""

    settings: ClientSettings
    clock: SimulatedClock
    runtime: LuaRuntime
    world: World
    mail: MailService
    widgets: dict[int, Any]
    named: dict[str, Any]
    widget_ids: Iterator[int]
    in_combat: bool
    logged_in: bool
    money: int
    focus_id: int | None
    mouse_button: str | None
    addon_messages: list[tuple[str, str, str, str | None]]
    lazy_names: dict[str, Any]
    templates: dict[str, Any]
    chat_settings: ChatSettings
    host_data: HostData

    @property
    def now(self) -> datetime: ...

    # -- widgets ------------------------------------------------------------------------------
    def _create_region(self, cls: type, name: Any, parent: Any,
                       template: str | None = None) -> Any: ...

    def _widget_from_lua(self, value: Any) -> Any: ...

    def _new_lua_table(self, widget: Any) -> Any: ...

    def lookup_named(self, name: str) -> Any: ...

    def apply_templates(self, widget: Any, templates: str) -> None: ...

    def animation_playing(self, group: Any, playing: bool) -> None: ...

    def _register_event(self, frame: Any, event: str) -> None: ...

    def _unregister_event(self, frame: Any, event: str) -> None: ...

    def frames_for_event(self, event: str) -> list[Any]: ...

    def _scripts_changed(self, frame: Any) -> None: ...

    def _run_script(self, frame: Any, handler: str, *args: Any) -> tuple[bool, tuple[Any, ...]]:
        ...

    def _click(self, button: Any, mouse_button: str) -> bool: ...

    def _add_message(self, frame: Any, text: str, *, kind: str) -> None: ...

    # -- events, chat, findings ---------------------------------------------------------------
    def fire_internal(self, event: str, *args: Any) -> None: ...

    def show_line(self, text: str, *, kind: str) -> None: ...

    def show_chat_event(self, event: str, args: tuple[Any, ...], line: str, kind: str
                        ) -> bool: ...

    def system_message(self, text: str) -> None: ...

    def ui_error(self, text: str) -> None: ...

    def add_finding(self, kind: str, message: str, **details: Any) -> Finding: ...

    def combat_blocked(self, function: str) -> bool: ...

    def protected_call(self, function: str) -> bool: ...

    def _culprit(self) -> tuple[str | None, str | None]: ...

    def execute_chat_line(self, text: str) -> None: ...

    def request_reload_ui(self) -> None: ...
