"""Region and widget basics: identity, parent, visibility, size, anchors, scripts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from wowapi_stubs.errors import WowApiError

if TYPE_CHECKING:
    from wowapi_stubs.client import HeadlessClient


def lua_text(value: Any, *, what: str = "value") -> str:
    """A Lua string or number argument as Python text (WoW coerces numbers)."""
    if isinstance(value, bytes):
        return value.decode("utf-8", "surrogateescape")
    if isinstance(value, bool) or value is None:
        raise WowApiError(f"bad argument: {what} must be a string")
    if isinstance(value, int | float):
        return _number_text(value)
    raise WowApiError(f"bad argument: {what} must be a string")


def _number_text(value: int | float) -> str:
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value) if isinstance(value, float) else str(value)


def lua_number(value: Any, *, what: str = "value") -> float:
    """A Lua number argument (numeric strings coerce, as in Lua 5.1)."""
    if isinstance(value, bool):
        raise WowApiError(f"bad argument: {what} must be a number")
    if isinstance(value, int | float):
        return value
    if isinstance(value, bytes):
        try:
            return float(value.decode().strip())
        except ValueError:
            pass
    raise WowApiError(f"bad argument: {what} must be a number")


class Region:
    """Anything drawn on screen: a name, a parent, a shown flag, size and anchors."""

    KIND: ClassVar[str] = "Region"
    OBJECT_TYPES: ClassVar[tuple[str, ...]] = ("Region",)

    def __init__(self, client: HeadlessClient, name: str | None, parent: Region | None) -> None:
        self._client = client
        self.name = name
        self.parent = parent
        self.shown = True
        self.id = next(client.widget_ids)
        # Children by id (the client holds every widget): no parent <-> child reference cycle.
        self._child_ids: list[int] = []
        if parent is not None:
            parent._child_ids.append(self.id)
        self.lua = client.runtime.new_widget(self.KIND, self.id, name)

    # -- Python-side helpers ------------------------------------------------------------------
    def is_visible(self) -> bool:
        """Shown and every ancestor shown (WoW ``IsVisible``)."""
        region: Region | None = self
        while region is not None:
            if not region.shown:
                return False
            region = region.parent
        return True

    @property
    def children(self) -> list[Region]:
        """Child regions in creation order."""
        widgets = self._client.widgets
        return [widgets[i] for i in self._child_ids]

    def is_shown(self) -> bool:
        return self.shown

    @property
    def text(self) -> str | None:
        return None

    def __repr__(self) -> str:
        return f"<{self.KIND} {self.name or '(anonymous)'}>"

    # -- WoW methods --------------------------------------------------------------------------
    def GetName(self) -> str | None:
        return self.name

    def GetParent(self) -> Region | None:
        return self.parent

    def GetObjectType(self) -> str:
        return self.KIND

    def IsObjectType(self, kind: Any) -> bool:
        return lua_text(kind) in self.OBJECT_TYPES

    def Show(self) -> None:
        if not self.shown:
            self.shown = True
            self._client._visibility_changed(self, shown=True)

    def Hide(self) -> None:
        if self.shown:
            self.shown = False
            self._client._visibility_changed(self, shown=False)

    def IsShown(self) -> bool | None:
        return True if self.shown else None

    def IsVisible(self) -> bool | None:
        return True if self.is_visible() else None

    def SetParent(self, parent: Any) -> None:
        new_parent = self._client._widget_from_lua(parent) if parent is not None else None
        if self.parent is not None and self.id in self.parent._child_ids:
            self.parent._child_ids.remove(self.id)
        self.parent = new_parent
        if new_parent is not None:
            new_parent._child_ids.append(self.id)


class Widget(Region):
    """A frame-like object: scripts and events (``ScriptObject`` in WoW)."""

    KIND: ClassVar[str] = "Frame"
    SCRIPTS: ClassVar[frozenset[str]] = frozenset(
        {"OnEvent", "OnUpdate", "OnShow", "OnHide", "OnLoad", "OnEnter", "OnLeave",
         "OnMouseDown", "OnMouseUp", "OnMouseWheel", "OnDragStart", "OnDragStop",
         "OnSizeChanged", "OnKeyDown", "OnKeyUp", "OnReceiveDrag"}
    )

    def __init__(self, client: HeadlessClient, name: str | None, parent: Region | None) -> None:
        super().__init__(client, name, parent)
        self.scripts: dict[str, Any] = {}
        self.events: set[str] = set()

    @property
    def label(self) -> bytes:
        """How errors in this frame's scripts name it (``Name`` or the frame type)."""
        return (self.name or self.KIND).encode("utf-8", "surrogateescape")

    def _check_script(self, handler: Any) -> str:
        name = lua_text(handler, what="script type")
        if name not in self.SCRIPTS:
            raise WowApiError(f'{self.KIND} doesn\'t have a "{name}" script')
        return name

    def SetScript(self, handler: Any, fn: Any = None) -> None:
        name = self._check_script(handler)
        if fn is None:
            self.scripts.pop(name, None)
        elif self._client.runtime.is_function(fn):
            self.scripts[name] = fn
        else:
            raise WowApiError(f"Usage: {self.KIND}:SetScript(\"{name}\", function)")
        self._client._scripts_changed(self)

    def GetScript(self, handler: Any) -> Any:
        return self.scripts.get(self._check_script(handler))

    def HasScript(self, handler: Any) -> bool | None:
        return True if lua_text(handler) in self.SCRIPTS else None

    def HookScript(self, handler: Any, fn: Any) -> None:
        name = self._check_script(handler)
        existing = self.scripts.get(name)
        if existing is None:
            self.SetScript(handler, fn)
            return
        self.scripts[name] = self._client.runtime.fn.chain(existing, fn)
        self._client._scripts_changed(self)

    def RegisterEvent(self, event: Any) -> None:
        name = lua_text(event, what="event")
        if name not in self.events:
            self.events.add(name)
            self._client._register_event(self, name)

    def UnregisterEvent(self, event: Any) -> None:
        name = lua_text(event, what="event")
        if name in self.events:
            self.events.discard(name)
            self._client._unregister_event(self, name)

    def UnregisterAllEvents(self) -> None:
        for name in list(self.events):
            self.UnregisterEvent(name.encode())

    def IsEventRegistered(self, event: Any) -> bool | None:
        return True if lua_text(event) in self.events else None

    def GetChildren(self) -> tuple[Any, ...]:
        return tuple(c for c in self.children if isinstance(c, Widget))
