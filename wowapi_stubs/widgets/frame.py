"""``Frame``: scripts, events, strata and level, scale, alpha, mouse and movement flags,
backdrop, attributes, and the regions and child frames it owns."""

from __future__ import annotations

import functools
from typing import Any, ClassVar

from wowapi_stubs._host_data import EVENT_OVERHEAD
from wowapi_stubs.errors import WowApiError
from wowapi_stubs.runtime import from_lua
from wowapi_stubs.widgets.base import (
    Region,
    color_pair,
    flag_pair,
    flag_result,
    ignore,
    lua_flag,
    lua_int,
    lua_number,
    lua_text,
    number_pair,
    usage,
    values_pair,
)
from wowapi_stubs.widgets.regions import (
    DRAW_LAYERS,
    FontString,
    LayeredRegion,
    Texture,
    TitleRegion,
)

STRATA = ("PARENT", "BACKGROUND", "LOW", "MEDIUM", "HIGH", "DIALOG", "FULLSCREEN",
          "FULLSCREEN_DIALOG", "TOOLTIP")
FRAME_SCRIPTS = frozenset({
    "OnAttributeChanged", "OnChar", "OnDragStart", "OnDragStop", "OnEnter", "OnEvent",
    "OnHide", "OnKeyDown", "OnKeyUp", "OnLeave", "OnLoad", "OnMouseDown", "OnMouseUp",
    "OnMouseWheel", "OnReceiveDrag", "OnShow", "OnSizeChanged", "OnUpdate"})


_BACKDROP_KEYS = ("bgFile", "edgeFile", "tile", "tileSize", "edgeSize")
_INSET_KEYS = ("left", "right", "top", "bottom")
_FIELD_TYPES = (bytes, int, float, bool)


def _backdrop_fields(table: Any, is_table: Any) -> dict[str, Any]:
    """What the 3.3.5a client reads of a backdrop table, and ``GetBackdrop`` gives back: its
    named fields (and ``insets``' four), each looked up as Lua would (``__index`` runs);
    nothing else of the table is read, so an addon's table of any size or shape costs the
    same."""
    backdrop: dict[str, Any] = {}
    for key in _BACKDROP_KEYS:
        value = table[key.encode()]
        if isinstance(value, _FIELD_TYPES):
            backdrop[key] = from_lua(value)
    insets = table[b"insets"]
    if is_table(insets):
        backdrop["insets"] = {key: value for key in _INSET_KEYS
                              if isinstance(value := insets[key.encode()], _FIELD_TYPES)}
    return backdrop


@functools.cache
def _script_names(scripts: frozenset[str]) -> dict[str, str]:
    """Handler names by lower case (the client takes them in any case)."""
    return {name.lower(): name for name in scripts}


class Scripted:
    """Script handlers (``SetScript``/``GetScript``/``HookScript``/``HasScript``)."""

    KIND: ClassVar[str]
    SCRIPTS: ClassVar[frozenset[str]] = frozenset()
    _client: Any
    scripts: dict[str, Any]

    def _check_script(self, handler: Any) -> str:
        if handler is None:
            raise usage(f'{self.KIND}:SetScript("type", function)')
        name = lua_text(handler, what="script type")
        if name in self.SCRIPTS:
            return name
        known = _script_names(self.SCRIPTS).get(name.lower())
        if known is None:
            raise WowApiError(f'{self.KIND} doesn\'t have a "{name}" script')
        return known

    def SetScript(self, handler: Any = None, fn: Any = None) -> None:
        name = self._check_script(handler)
        if fn is None:
            self.scripts.pop(name, None)
        elif self._client.runtime.is_function(fn):
            self.scripts[name] = fn
        else:
            raise usage(f'{self.KIND}:SetScript("{name}", function)')
        if name in ("OnEvent", "OnUpdate"):
            self._client._scripts_changed(self)

    def GetScript(self, handler: Any = None) -> Any:
        return self.scripts.get(self._check_script(handler))

    def HasScript(self, handler: Any = None) -> int | None:
        if handler is None:
            raise usage(f'{self.KIND}:HasScript("type")')
        return flag_result(lua_text(handler).lower() in _script_names(self.SCRIPTS))

    def HookScript(self, handler: Any = None, fn: Any = None) -> None:
        name = self._check_script(handler)
        if not self._client.runtime.is_function(fn):
            raise usage(f'{self.KIND}:HookScript("{name}", function)')
        existing = self.scripts.get(name)
        if existing is None:
            self.SetScript(handler, fn)
            return
        self.scripts[name] = self._client.runtime.fn.chain(existing, fn)
        if name in ("OnEvent", "OnUpdate"):
            self._client._scripts_changed(self)

    def run_script(self, handler: str, *args: Any) -> tuple[bool, tuple[Any, ...]]:
        """Run one of this object's scripts now (nothing when unset)."""
        return self._client._run_script(self, handler, *args)


class Frame(Scripted, Region):
    """The plain ``Frame`` type and the base of every other frame type."""

    KIND: ClassVar[str] = "Frame"
    SCRIPTS: ClassVar[frozenset[str]] = FRAME_SCRIPTS
    scale = 1.0
    strata = "MEDIUM"
    level = 0
    frame_id = 0
    toplevel = False
    movable = resizable = user_placed = clamped = dont_save_position = False
    mouse = mouse_wheel = keyboard = joystick = False
    depth = 0.0
    ignore_depth = False
    protected = False
    drag_buttons: tuple[str, ...] = ()
    hit_insets = clamp_insets = (0.0, 0.0, 0.0, 0.0)
    min_resize = (0.0, 0.0)
    max_resize = (0.0, 0.0)
    backdrop: dict[str, Any] | None = None
    backdrop_color = backdrop_border_color = (1.0, 1.0, 1.0, 1.0)
    _title_region_id: int | None = None
    _attributes: dict[str, Any] | None = None
    _disabled_layers: frozenset[str] = frozenset()

    def __init__(self, client: Any, name: str | None, parent: Any) -> None:
        super().__init__(client, name, parent)
        self.scripts: dict[str, Any] = {}
        self.events: set[str] = set()
        self._parent_changed()

    @property
    def label(self) -> bytes:
        """How errors in this frame's scripts name it (``Name`` or the frame type)."""
        return (self.name or self.KIND).encode("utf-8", "surrogateescape")

    # -- visibility and size hooks -----------------------------------------------------------
    def _own_visibility_changed(self, visible: bool) -> None:
        self.run_script("OnShow" if visible else "OnHide")

    def _visibility_children(self) -> list[Any]:
        return self.children

    def _on_size_changed(self) -> None:
        if "OnSizeChanged" in self.scripts:
            self.run_script("OnSizeChanged", self.width, self.height)

    def _parent_changed(self) -> None:
        parent = self.parent
        if isinstance(parent, Frame):
            self.level = parent.level + 1
            if "strata" not in self.__dict__:
                self.strata = parent.strata

    # -- events -------------------------------------------------------------------------------
    def RegisterEvent(self, event: Any = None, *_: Any) -> None:
        if event is None:
            raise usage(f'{self.KIND}:RegisterEvent("event")')
        name = lua_text(event, what="event")
        if name not in self.events:
            self._client.host_data.charge(name, "event registrations", EVENT_OVERHEAD)
            self.events.add(name)
            self._client._register_event(self, name)

    def UnregisterEvent(self, event: Any = None, *_: Any) -> None:
        if event is None:
            raise usage(f'{self.KIND}:UnregisterEvent("event")')
        name = lua_text(event, what="event")
        if name in self.events:
            self.events.discard(name)
            self._client.host_data.release(name, EVENT_OVERHEAD)
            self._client._unregister_event(self, name)

    def UnregisterAllEvents(self) -> None:
        for name in sorted(self.events):
            self.UnregisterEvent(name)

    def RegisterAllEvents(self) -> None:
        from wowapi_stubs.surface import load_surface

        for name in load_surface().events:
            self.RegisterEvent(name)

    def IsEventRegistered(self, event: Any = None) -> int | None:
        if event is None:
            raise usage(f'{self.KIND}:IsEventRegistered("event")')
        return flag_result(lua_text(event) in self.events)

    # -- strata, level, scale, alpha ----------------------------------------------------------
    def SetFrameStrata(self, strata: Any = None) -> None:
        if strata is None:
            raise usage(f'{self.KIND}:SetFrameStrata("strata")')
        name = lua_text(strata).upper()
        if name == "PARENT":
            self.__dict__.pop("strata", None)
            self._parent_changed()
        elif name in STRATA:
            self.strata = name

    def GetFrameStrata(self) -> str:
        return self.strata

    def SetFrameLevel(self, level: Any = None) -> None:
        if level is None:
            raise usage(f"{self.KIND}:SetFrameLevel(level)")
        self.level = max(0, lua_int(level, what="level"))

    def GetFrameLevel(self) -> int:
        return self.level

    def Raise(self) -> None:
        siblings = [c for c in (self.parent.children if self.parent else ())
                    if isinstance(c, Frame) and c.strata == self.strata and c is not self]
        self.level = max([self.level, *(c.level + 1 for c in siblings)])

    def Lower(self) -> None:
        floor = self.parent.level + 1 if isinstance(self.parent, Frame) else 0
        self.level = floor

    SetToplevel, IsToplevel = flag_pair("toplevel")

    def SetScale(self, scale: Any = None) -> None:
        if self.protected and self._locked("SetScale"):
            return
        if scale is None:
            raise usage(f"{self.KIND}:SetScale(scale)")
        value = lua_number(scale, what="scale")
        if value <= 0:
            raise WowApiError(f"{self.KIND}:SetScale(): Scale must be > 0")
        self.scale = float(value)

    def GetScale(self) -> float:
        return self.scale

    def GetEffectiveScale(self) -> float:
        return self.effective_scale()

    def SetAlpha(self, alpha: Any = None) -> None:
        if alpha is None:
            raise usage(f"{self.KIND}:SetAlpha(alpha)")
        value = lua_number(alpha, what="alpha")
        self.alpha = 0.0 if value < 0 else 1.0 if value > 1 else float(value)

    def GetAlpha(self) -> float:
        return self.alpha

    def GetEffectiveAlpha(self) -> float:
        alpha, region = 1.0, self
        while region is not None:
            alpha *= region.alpha
            region = region.parent
        return alpha

    SetID, GetID = number_pair("frame_id", "Frame:SetID(id)")
    SetDepth, GetDepth = number_pair("depth", "Frame:SetDepth(depth)")

    def GetEffectiveDepth(self) -> float:
        return self.depth + (self.parent.GetEffectiveDepth()
                             if isinstance(self.parent, Frame) else 0.0)

    IgnoreDepth, IsIgnoringDepth = flag_pair("ignore_depth")

    # -- mouse, keyboard, movement ------------------------------------------------------------
    EnableMouse, IsMouseEnabled = flag_pair("mouse")
    EnableMouseWheel, IsMouseWheelEnabled = flag_pair("mouse_wheel")
    EnableKeyboard, IsKeyboardEnabled = flag_pair("keyboard")
    EnableJoystick, IsJoystickEnabled = flag_pair("joystick")
    SetMovable, IsMovable = flag_pair("movable")
    SetResizable, IsResizable = flag_pair("resizable")
    SetClampedToScreen, IsClampedToScreen = flag_pair("clamped")
    SetDontSavePosition, GetDontSavePosition = flag_pair("dont_save_position")
    SetHitRectInsets, GetHitRectInsets = values_pair("hit_insets", 4)
    SetClampRectInsets, GetClampRectInsets = values_pair("clamp_insets", 4)
    SetMinResize, GetMinResize = values_pair("min_resize", 2)
    SetMaxResize, GetMaxResize = values_pair("max_resize", 2)

    def SetUserPlaced(self, flag: Any = None) -> None:
        if lua_flag(flag) and not (self.movable or self.resizable):
            raise WowApiError(f"{self.KIND}:SetUserPlaced(): Frame {self.name or ''} is not "
                              "movable or resizable")
        self.user_placed = lua_flag(flag)

    def IsUserPlaced(self) -> int | None:
        return flag_result(self.user_placed)

    def RegisterForDrag(self, *buttons: Any) -> None:
        self.drag_buttons = tuple(lua_text(b) for b in buttons if b is not None)

    def StartMoving(self) -> None:
        if not self.movable:
            raise WowApiError("Frame is not movable")
        self.user_placed = True

    def StartSizing(self, *_: Any) -> None:
        if not self.resizable:
            raise WowApiError("Frame is not resizable")
        self.user_placed = True

    StopMovingOrSizing = ignore

    # -- backdrop -----------------------------------------------------------------------------
    def SetBackdrop(self, backdrop: Any = None) -> None:
        if backdrop is not None and not self._client.runtime.is_table(backdrop):
            raise usage(f"{self.KIND}:SetBackdrop(backdropTable)")
        self.backdrop = (_backdrop_fields(backdrop, self._client.runtime.is_table)
                         if backdrop is not None else None)

    def GetBackdrop(self) -> Any:
        return None if self.backdrop is None else self._client.runtime.table(self.backdrop)

    SetBackdropColor, GetBackdropColor = color_pair("backdrop_color")
    SetBackdropBorderColor, GetBackdropBorderColor = color_pair("backdrop_border_color")

    # -- attributes (secure templates read them) ----------------------------------------------
    def SetAttribute(self, name: Any = None, value: Any = None) -> None:
        if name is None:
            raise usage(f'{self.KIND}:SetAttribute("name", value)')
        if self.protected and self._client.in_combat \
                and not self._client.runtime.secure_execution():
            self._client.protected_call(f"{self.name or self.KIND}:SetAttribute")
            return
        key = lua_text(name).lower()
        if self._attributes is None:
            self._attributes = {}
        if key not in self._attributes:
            self._client.host_data.charge(key, "frame attributes")
        self._attributes[key] = value
        if "OnAttributeChanged" in self.scripts:
            self.run_script("OnAttributeChanged", key, value)

    def GetAttribute(self, name: Any = None, *more: Any) -> Any:
        """``GetAttribute(name)``, or ``GetAttribute(prefix, name, suffix)``: the first of
        prefix..name..suffix, ``*``..name..suffix, prefix..name..``*``, ``*``..name..``*``,
        name that is set (how secure templates read modified attributes)."""
        if name is None or (more and more[0] is None):
            raise usage(f'{self.KIND}:GetAttribute("name")')
        attributes = self._attributes or {}
        if not more:
            return attributes.get(lua_text(name).lower())
        prefix, key = lua_text(name).lower(), lua_text(more[0]).lower()
        suffix = lua_text(more[1]).lower() if len(more) > 1 and more[1] is not None else ""
        for candidate in (prefix + key + suffix, "*" + key + suffix, prefix + key + "*",
                          "*" + key + "*", key):
            if candidate in attributes:
                return attributes[candidate]
        return None

    def attribute(self, name: str) -> Any:
        """An attribute's raw value (Python side)."""
        return (self._attributes or {}).get(name.lower())

    def AllowAttributeChanges(self) -> None:
        pass

    def CanChangeAttribute(self) -> int | None:
        return None if self.protected and self._client.in_combat else 1

    # -- regions and children -----------------------------------------------------------------
    def CreateFontString(self, name: Any = None, layer: Any = None, inherits: Any = None) -> Any:
        return self._create_layered(FontString, name, layer, inherits)

    def CreateTexture(self, name: Any = None, layer: Any = None, inherits: Any = None) -> Any:
        return self._create_layered(Texture, name, layer, inherits)

    def _create_layered(self, cls: type, name: Any, layer: Any, inherits: Any) -> Any:
        region = self._client._create_region(cls, name, self)
        if layer is not None:
            self._set_created_layer(region, layer)
        if inherits is not None:
            region.inherit(lua_text(inherits, what="template"))
        return region

    def _set_created_layer(self, region: Any, layer: Any) -> None:
        """The layer argument of ``CreateTexture``/``CreateFontString``: the client keeps
        ARTWORK when the name is not a draw layer (``"DIALOG"`` is a frame strata), where
        ``SetDrawLayer`` would fail; the headless client says so in a finding."""
        name = lua_text(layer, what="layer").upper()
        if name in DRAW_LAYERS:
            region.SetDrawLayer(name)
            return
        self._client.add_finding(
            "invalid-draw-layer", f"{region.KIND} created with layer {name!r}, which is not "
            "a draw layer; the client draws it in ARTWORK", layer=name,
            location=self._client.runtime.caller_position().rstrip(": ") or None)

    def CreateTitleRegion(self) -> Any:
        if self._title_region_id is not None:
            raise WowApiError(f"{self.KIND}:CreateTitleRegion(): Frame already has a title "
                              "region")
        region = self._client._create_region(TitleRegion, None, self)
        self._title_region_id = region.id
        return region

    def GetTitleRegion(self) -> Any:
        found = self._title_region_id
        return None if found is None else self._client.widgets.get(found)

    def GetChildren(self) -> tuple[Any, ...]:
        return tuple(c for c in self.children if isinstance(c, Frame))

    def GetNumChildren(self) -> int:
        return len(self.GetChildren())

    def GetRegions(self) -> tuple[Any, ...]:
        return tuple(c for c in self.children if isinstance(c, LayeredRegion))

    def GetNumRegions(self) -> int:
        return len(self.GetRegions())

    def DisableDrawLayer(self, layer: Any = None) -> None:
        self._disabled_layers = self._disabled_layers | {lua_text(layer).upper()}

    def EnableDrawLayer(self, layer: Any = None) -> None:
        self._disabled_layers = self._disabled_layers - {lua_text(layer).upper()}

    def GetBoundsRect(self) -> tuple[Any, ...]:
        return self.GetRect()

