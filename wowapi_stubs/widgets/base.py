"""Widget basics: argument conversion, ``ScriptObject`` (identity) and ``Region`` (parent,
visibility, size, anchors and the layout they give).

Every method named like a WoW method (``SetPoint``...) takes raw Lua arguments (strings as
bytes; Python callers may pass ``str``) and is exposed to Lua on the widget types that have
it in the API data (``wowapi_stubs/data/api_335a.json``); everything else is private.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar

from wowapi_stubs.errors import WowApiError

if TYPE_CHECKING:
    from wowapi_stubs.host import Host

# -- argument conversion ----------------------------------------------------------------------


# Types for isinstance (a tuple: ``int | float`` would build a new union object at every call).
NUMBER_TYPES = (int, float)
TEXT_TYPES = (bytes, str)
_SHOWN_TYPES = (bytes, str, int, float)

MAX_TEXT_BYTES = 1024 * 1024
"""The longest text an API function or widget keeps in Python (texts from Lua live outside
the Lua state's memory cap once converted)."""


def lua_text(value: Any, *, what: str = "value") -> str:
    """A Lua string or number argument as Python text (WoW coerces numbers)."""
    kind = value.__class__
    if kind is bytes:
        if len(value) > MAX_TEXT_BYTES:
            raise WowApiError(f"bad argument: {what} is {len(value):,} bytes; the client keeps "
                              f"at most {MAX_TEXT_BYTES:,} bytes of one text")
        return value.decode("utf-8", "surrogateescape")
    if kind is str:
        return value
    if isinstance(value, bool) or value is None:
        raise WowApiError(f"bad argument: {what} must be a string")
    if isinstance(value, NUMBER_TYPES):
        return _number_text(value)
    raise WowApiError(f"bad argument: {what} must be a string")


def shown_text(value: Any) -> str | None:
    """A ``SetText`` argument: strings and numbers are shown; anything else (nil, a table,
    a function) clears the text, as the client reads it with ``lua_tostring``."""
    if isinstance(value, _SHOWN_TYPES) and not isinstance(value, bool):
        return lua_text(value, what="text")
    return None


def opt_text(value: Any, *, what: str = "value") -> str | None:
    """:func:`lua_text`, with ``nil`` passed through as ``None``."""
    return None if value is None else lua_text(value, what=what)


def _number_text(value: int | float) -> str:
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value) if isinstance(value, float) else str(value)


def lua_number(value: Any, *, what: str = "value") -> float:
    """A Lua number argument (numeric strings coerce, as in Lua 5.1)."""
    kind = value.__class__
    if kind is float or kind is int:
        return value
    if isinstance(value, bool):
        raise WowApiError(f"bad argument: {what} must be a number")
    if isinstance(value, NUMBER_TYPES):
        return value
    if isinstance(value, TEXT_TYPES):
        try:
            text = value.decode() if isinstance(value, bytes) else value
            return float(int(text.strip(), 16)) if text.strip().lower().startswith("0x") \
                else float(text.strip())
        except (ValueError, UnicodeDecodeError):
            pass
    raise WowApiError(f"bad argument: {what} must be a number")


INT_INDEFINITE = -2**31
"""What the client's C code reads as an integer from NaN, an infinity or a number out of the
32-bit range (the x87 conversion's "integer indefinite"): a number, never an error."""


def as_int(number: float) -> int:
    """A Lua number read as a C ``int`` (``luaL_checkint``): truncated; NaN, infinities and
    numbers out of the 32-bit range read as :data:`INT_INDEFINITE`."""
    if number.__class__ is int:
        return number if -2**31 <= number < 2**31 else INT_INDEFINITE
    if number != number or not -2.0**31 <= number < 2.0**31:
        return INT_INDEFINITE
    return int(number)


def lua_int(value: Any, *, what: str = "value") -> int:
    """:func:`lua_number` read as a C ``int`` (see :func:`as_int`)."""
    return as_int(lua_number(value, what=what))


def usage_number(value: Any, usage_text: str) -> float:
    """A number argument; anything else fails with ``Usage: <usage_text>``."""
    if value is None:
        raise usage(usage_text)
    try:
        return lua_number(value)
    except WowApiError:
        raise usage(usage_text) from None


def opt_number(value: Any, default: float, *, what: str = "value") -> float:
    """:func:`lua_number`, with ``nil`` meaning ``default``."""
    return default if value is None else lua_number(value, what=what)


def opt_int(value: Any, default: int, *, what: str = "value") -> int:
    """:func:`lua_int`, with ``nil`` meaning ``default``."""
    return default if value is None else lua_int(value, what=what)


def usage_int(value: Any, usage_text: str) -> int:
    """:func:`usage_number` read as a C ``int`` (see :func:`as_int`)."""
    return as_int(usage_number(value, usage_text))


def lua_flag(value: Any) -> bool:
    """A Lua truth value (``nil`` and ``false`` are false; ``0`` is true, as in Lua)."""
    return value is not None and value is not False


def flag_result(value: bool) -> int | None:
    """How the client returns a flag: ``1`` or ``nil``."""
    return 1 if value else None


def usage(message: str) -> WowApiError:
    return WowApiError(f"Usage: {message}")


def resolve_name(raw: str | None, parent: Any) -> str | None:
    """``$parent``/``$Parent`` replaced by the name of the nearest named ancestor."""
    if not raw:
        return None
    if "$" not in raw:
        return raw
    owner = parent
    while owner is not None and not owner.name:
        owner = owner.parent
    parent_name = owner.name if owner is not None and owner.name else ""
    lowered = raw.lower()
    out, start = [], 0
    while (found := lowered.find("$parent", start)) >= 0:
        out += [raw[start:found], parent_name]
        start = found + len("$parent")
    out.append(raw[start:])
    return "".join(out) or None


# -- generated accessors ------------------------------------------------------------------------
# Widget state that only its own getter reads is stored through these, which keeps the widget
# classes to the behaviour that matters. Defaults live on the class (no per-widget cost).


def flag_pair(attr: str) -> tuple[Callable[..., None], Callable[..., int | None]]:
    """``SetX(flag)`` / ``IsX()`` for a boolean kept in ``attr``."""

    def setter(self: Any, value: Any = None, *_: Any) -> None:
        setattr(self, attr, lua_flag(value))

    def getter(self: Any) -> int | None:
        return 1 if getattr(self, attr) else None

    return setter, getter


def number_pair(attr: str, usage_text: str, *, minimum: float | None = None,
                maximum: float | None = None) -> tuple[Callable[..., None], Callable[..., Any]]:
    """``SetX(n)`` / ``GetX()`` for a number kept in ``attr`` (clamped when bounds are given)."""

    def setter(self: Any, value: Any = None, *_: Any) -> None:
        number = usage_number(value, usage_text)
        if minimum is not None and number < minimum:
            number = minimum
        if maximum is not None and number > maximum:
            number = maximum
        setattr(self, attr, number)

    def getter(self: Any) -> Any:
        return getattr(self, attr)

    return setter, getter


def text_pair(attr: str) -> tuple[Callable[..., None], Callable[..., Any]]:
    """``SetX(text)`` / ``GetX()`` for a string (or ``nil``) kept in ``attr``."""

    def setter(self: Any, value: Any = None, *_: Any) -> None:
        setattr(self, attr, opt_text(value))

    def getter(self: Any) -> Any:
        return getattr(self, attr)

    return setter, getter


def values_pair(attr: str, count: int,
                default: float = 0.0) -> tuple[Callable[..., None], Callable[..., Any]]:
    """``SetX(a, b, ...)`` / ``GetX()`` for ``count`` numbers (colours, insets, offsets);
    missing trailing values take ``default``."""

    def setter(self: Any, *values: Any) -> None:
        numbers = [opt_number(v, default, what=attr) for v in values[:count]]
        setattr(self, attr, (*numbers, *([default] * (count - len(numbers)))))

    def getter(self: Any) -> tuple[float, ...]:
        return getattr(self, attr)

    return setter, getter


def color_pair(attr: str, *, nil_is_zero: bool = False
               ) -> tuple[Callable[..., None], Callable[..., Any]]:
    """``SetXColor(r, g, b [, a])`` / ``GetXColor()`` (alpha defaults to 1). With
    ``nil_is_zero`` a missing component reads as 0, as the client's ``SetVertexColor`` does
    (FrameXML's ``ChannelFrame_Desaturate`` passes nils)."""

    def setter(self: Any, r: Any = None, g: Any = None, b: Any = None, a: Any = None,
               *_: Any) -> None:
        if nil_is_zero:
            r, g, b = (0 if v is None else v for v in (r, g, b))
        if r is None or g is None or b is None:
            raise usage(f"{self.KIND}:Set...Color(r, g, b [, a])")
        setattr(self, attr, (_unit(r), _unit(g), _unit(b), alpha_unit(a)))

    def getter(self: Any) -> tuple[float, ...]:
        return getattr(self, attr)

    return setter, getter


def _unit(value: Any, default: float = 0.0) -> float:
    number = opt_number(value, default, what="color")
    return 0.0 if number < 0 else 1.0 if number > 1 else float(number)


def alpha_unit(value: Any) -> float:
    """An optional alpha after r, g, b: a value that is not a number (the colour code
    ``GetItemQualityColor`` returns fourth, passed on by
    ``SetTextColor(GetItemQualityColor(q))``) is left out: the client reads it only when it
    is one."""
    try:
        return _unit(value, 1.0)
    except WowApiError:
        return 1.0


def ignore(self: Any, *_: Any) -> None:
    """A method with no state the headless client models (``PingLocation``...)."""


# -- points -------------------------------------------------------------------------------------
POINTS = ("TOPLEFT", "TOP", "TOPRIGHT", "LEFT", "CENTER", "RIGHT", "BOTTOMLEFT", "BOTTOM",
          "BOTTOMRIGHT")
# (x, y) of each point within a rect, as fractions from the bottom-left corner.
_POINT_FRACTIONS = {
    "TOPLEFT": (0.0, 1.0), "TOP": (0.5, 1.0), "TOPRIGHT": (1.0, 1.0),
    "LEFT": (0.0, 0.5), "CENTER": (0.5, 0.5), "RIGHT": (1.0, 0.5),
    "BOTTOMLEFT": (0.0, 0.0), "BOTTOM": (0.5, 0.0), "BOTTOMRIGHT": (1.0, 0.0),
}
SET_POINT_USAGE = "Region:SetPoint(point [, relativeTo [, relativePoint]] [, x, y])"
# The screen in UI units: the 3.3.5a UI is 768 units high; 1920x1080 gives 1365.33 wide.
SCREEN_HEIGHT = 768.0


class Anchor:
    """One ``SetPoint``: this region's ``point`` sits at ``relative``'s ``relative_point``
    plus ``(x, y)`` (``relative`` ``None``: the screen)."""

    __slots__ = ("point", "relative_id", "relative_point", "x", "y")

    def __init__(self, point: str, relative_id: int | None, relative_point: str, x: float,
                 y: float) -> None:
        self.point, self.relative_id, self.relative_point = point, relative_id, relative_point
        self.x, self.y = x, y


_POINT_BYTES = {name.encode(): name for name in POINTS}  # as addon code usually writes them


def _point_name(value: Any) -> str:
    name = _POINT_BYTES.get(value) if value.__class__ is bytes else None
    if name is not None:
        return name
    if not isinstance(value, TEXT_TYPES):
        raise usage(SET_POINT_USAGE)
    name = lua_text(value).upper()
    if name not in _POINT_FRACTIONS:
        raise WowApiError(f'{SET_POINT_USAGE.split("(")[0]}(): Unknown region point "{name}"')
    return name


# -- the object hierarchy -----------------------------------------------------------------------
class _OwnLuaTable:
    """``widget.lua``: the widget's own Lua table, made the first time it is read. A named
    widget's is made at once (its name is a global); an unnamed one (a template's texture,
    a button's font string) may never reach Lua code, and then costs the Lua state nothing."""

    def __get__(self, widget: Any, owner: type | None = None) -> Any:
        if widget is None:
            return self
        table = widget._client._new_lua_table(widget)
        widget.__dict__["lua"] = table  # read from the instance from now on
        return table


class ScriptObject:
    """Anything addon code can hold: a name, a parent, a Lua table of its own."""

    KIND: ClassVar[str] = "ScriptObject"
    parent: Any = None
    shown = True
    lua: Any = _OwnLuaTable()

    def __init__(self, client: Host, name: str | None, parent: Any) -> None:
        self._client = client
        self.name = name
        self.parent = parent
        self.id = next(client.widget_ids)
        # Children by id (the client holds every widget): no parent <-> child reference cycle.
        self._child_ids: list[int] = []
        if name:
            self.__dict__["lua"] = client._new_lua_table(self)
        if parent is not None:  # last: a child that failed to be made is not the parent's
            parent._child_ids.append(self.id)

    @property
    def children(self) -> list[Any]:
        """Child objects in creation order."""
        widgets = self._client.widgets
        return [widgets[i] for i in self._child_ids]

    @property
    def text(self) -> str | None:
        return None

    def is_visible(self) -> bool:
        """Shown and every ancestor shown (WoW ``IsVisible``)."""
        region: Any = self
        while region is not None:
            if not region.shown:
                return False
            region = region.parent
        return True

    def is_shown(self) -> bool:
        return self.shown

    def _visibility_changed(self, visible: bool) -> None:
        """This object became visible or hidden through its own flag or an ancestor's: it
        and each shown descendant hear it, parents before children (an explicit walk: a
        hierarchy may be deeper than Python's recursion limit)."""
        pending: list[tuple[Any, bool]] = [(self, False)]
        while pending:
            widget, subtree_done = pending.pop()
            if subtree_done:
                widget._subtree_visibility_changed(visible)
                continue
            if widget is not self and not widget.shown:
                continue
            widget._own_visibility_changed(visible)
            pending.append((widget, True))
            pending.extend((child, False) for child in reversed(widget._visibility_children()))

    def _own_visibility_changed(self, visible: bool) -> None:
        """Hook: this object's own reaction (frames run OnShow/OnHide)."""

    def _subtree_visibility_changed(self, visible: bool) -> None:
        """Hook: after every shown descendant heard it (edit boxes move the focus)."""

    def _visibility_children(self) -> list[Any]:
        """The objects a visibility change reaches next (a frame's children)."""
        return []

    def __repr__(self) -> str:
        return f"<{self.KIND} {self.name or '(anonymous)'}>"

    def GetName(self) -> str | None:
        return self.name

    def GetParent(self) -> Any:
        return self.parent

    def GetObjectType(self) -> str:
        return self.KIND

    def IsObjectType(self, kind: Any = None) -> int | None:
        if kind is None:
            raise usage(f'{self.KIND}:IsObjectType("type")')
        return 1 if lua_text(kind).lower() in _object_types(self.KIND) else None


def _is_frame(widget: Any) -> bool:
    from wowapi_stubs.widgets.frame import Frame

    return isinstance(widget, Frame)


@functools.cache
def _object_types(kind: str) -> frozenset[str]:
    """Every type ``IsObjectType`` accepts for ``kind`` (its ancestors in the API data)."""
    from wowapi_stubs.surface import load_surface

    surface = load_surface()
    if kind not in surface.widgets:
        return frozenset({kind.lower()})
    return frozenset(name.lower() for name in surface.ancestors(kind))


class Region(ScriptObject):
    """Something placed on screen: anchors, size, visibility, animation groups."""

    KIND: ClassVar[str] = "Region"
    width = 0.0
    height = 0.0
    alpha = 1.0
    protected = False
    _anchors: list[Anchor] | None = None
    _animation_ids: list[int] | None = None

    # -- Python-side helpers ------------------------------------------------------------------
    def effective_scale(self) -> float:
        scale, region = 1.0, self
        while region is not None:
            scale *= getattr(region, "scale", 1.0)
            region = region.parent
        return scale

    def rect(self) -> tuple[float, float, float, float] | None:
        """``(left, bottom, width, height)`` on screen (UI units at scale 1), or ``None``
        while the anchors do not place it."""
        return _layout(self)

    def _on_size_changed(self) -> None:
        """Hook for frames (``OnSizeChanged``)."""

    def _relative(self, value: Any) -> Region | None:
        if isinstance(value, TEXT_TYPES):
            name = resolve_name(lua_text(value), self.parent) or ""  # "$parentX" as in XML
            found = self._client.lookup_named(name)
            if not isinstance(found, Region):
                raise WowApiError(f"{self.KIND}:SetPoint(): Couldn't find region named '{name}'")
            return found
        widget = self._client._widget_from_lua(value)
        if not isinstance(widget, Region):  # an animation group has no place on screen
            raise usage(SET_POINT_USAGE)
        return widget

    def _locked(self, method: str) -> bool:
        """Combat lockdown: a protected frame refuses ``method`` (its visibility, size,
        anchors, parent, scale) to insecure code; nothing changes, ``ADDON_ACTION_BLOCKED``
        fires and a ``combat-call-blocked`` finding names the addon. Secure code (a state
        driver's snippet, Blizzard's) goes on."""
        return self._client.in_combat and self._client.combat_blocked(
            f"{self.name or self.KIND}:{method}")

    # -- visibility ---------------------------------------------------------------------------
    def Show(self) -> None:
        if self.protected and self._locked("Show"):
            return
        if not self.shown:
            self._set_shown(True)

    def Hide(self) -> None:
        if self.protected and self._locked("Hide"):
            return
        if self.shown:
            self._set_shown(False)

    def _set_shown(self, shown: bool) -> None:
        visible_before = self.parent is None or self.parent.is_visible()
        self.shown = shown
        if visible_before:
            self._visibility_changed(shown)

    def IsShown(self) -> int | None:
        return 1 if self.shown else None

    def IsVisible(self) -> int | None:
        return 1 if self.is_visible() else None

    def SetParent(self, parent: Any = None) -> None:
        if self.protected and self._locked("SetParent"):
            return
        if isinstance(parent, TEXT_TYPES):
            new_parent = self._client.lookup_named(lua_text(parent))
        else:
            new_parent = self._client._widget_from_lua(parent) if parent is not None else None
        if new_parent is not None and not _is_frame(new_parent):
            raise usage(f"{self.KIND}:SetParent(frame)")  # a region's parent is a frame
        if new_parent is self.parent:
            return
        probe = new_parent
        while probe is not None:
            if probe is self:
                raise WowApiError(f"{self.KIND}:SetParent(): can't create a parent loop")
            probe = probe.parent
        was_visible = self.is_visible()
        if self.parent is not None and self.id in self.parent._child_ids:
            self.parent._child_ids.remove(self.id)
        self.parent = new_parent
        if new_parent is not None:
            new_parent._child_ids.append(self.id)
        self._parent_changed()
        if self.shown and was_visible != self.is_visible():
            self._visibility_changed(not was_visible)

    def _parent_changed(self) -> None:
        """Hook for frames (strata and level follow the new parent)."""

    # -- size ---------------------------------------------------------------------------------
    def SetWidth(self, width: Any = None) -> None:
        if self.protected and self._locked("SetWidth"):
            return
        self._resize(usage_number(width, "Region:SetWidth(width)"), self.height)

    def SetHeight(self, height: Any = None) -> None:
        if self.protected and self._locked("SetHeight"):
            return
        self._resize(self.width, usage_number(height, "Region:SetHeight(height)"))

    def SetSize(self, width: Any = None, height: Any = None) -> None:
        if self.protected and self._locked("SetSize"):
            return
        self._resize(usage_number(width, "Region:SetSize(width, height)"),
                     usage_number(height, "Region:SetSize(width, height)"))

    def _resize(self, width: float, height: float) -> None:
        width, height = max(0.0, float(width)), max(0.0, float(height))
        if (width, height) != (self.width, self.height):
            self.width, self.height = width, height
            self._on_size_changed()

    def GetWidth(self) -> float:
        if self.width or not self._anchors:
            return self.width
        placed = self.rect()
        return placed[2] / self.effective_scale() if placed else 0.0

    def GetHeight(self) -> float:
        if self.height or not self._anchors:
            return self.height
        placed = self.rect()
        return placed[3] / self.effective_scale() if placed else 0.0

    def GetSize(self) -> tuple[float, float]:
        return self.GetWidth(), self.GetHeight()

    # -- anchors ------------------------------------------------------------------------------
    def SetPoint(self, point: Any = None, *rest: Any) -> None:
        if self.protected and self._locked("SetPoint"):
            return
        name = _point_name(point)
        relative: Region | None = self.parent
        relative_point, x, y = name, 0.0, 0.0
        count = len(rest)
        if count:
            first = rest[0]
            kind = first.__class__
            if kind is int or kind is float or (kind is not bool
                                                and isinstance(first, NUMBER_TYPES)):
                x, y = lua_number(first), opt_number(rest[1] if count > 1 else None, 0.0)
            else:  # (point, relativeTo [, relativePoint] [, x, y])
                if first is not None:
                    relative = self._relative(first)
                at = 1
                if count > 1 and (rest[1] is None or isinstance(rest[1], TEXT_TYPES)):
                    if rest[1] is not None:
                        relative_point = _point_name(rest[1])
                    at = 2
                if count > at:
                    x = _offset(rest[at], "x")
                    y = _offset(rest[at + 1], "y") if count > at + 1 else 0.0
        if relative is self:
            raise WowApiError(f"{self.KIND}:SetPoint(): Cannot anchor to itself")
        if relative is not None and _depends_on(relative, self):
            raise WowApiError(f"{self.KIND}:SetPoint(): Cannot anchor to a region dependent "
                              "on it")
        self._anchor(Anchor(name, relative.id if relative is not None else None,
                            relative_point, float(x), float(y)))

    def _anchor(self, anchor: Anchor) -> None:
        anchors = self._anchors
        if anchors is None:
            self._anchors = [anchor]
            return
        for index, existing in enumerate(anchors):
            if existing.point == anchor.point:
                anchors[index] = anchor
                return
        anchors.append(anchor)

    def SetAllPoints(self, relative: Any = None, *_: Any) -> None:
        if self.protected and self._locked("SetAllPoints"):
            return
        target = self._relative(relative) if relative is not None else self.parent
        if target is self:
            raise WowApiError(f"{self.KIND}:SetAllPoints(): Cannot anchor to itself")
        target_id = target.id if target is not None else None
        self._anchors = [Anchor("TOPLEFT", target_id, "TOPLEFT", 0.0, 0.0),
                         Anchor("BOTTOMRIGHT", target_id, "BOTTOMRIGHT", 0.0, 0.0)]

    def ClearAllPoints(self) -> None:
        if self.protected and self._locked("ClearAllPoints"):
            return
        self._anchors = None

    def GetNumPoints(self) -> int:
        return len(self._anchors) if self._anchors else 0

    def GetPoint(self, index: Any = None) -> tuple[Any, ...]:
        number = opt_int(index, 1, what="index")
        anchors = self._anchors or []
        if not 1 <= number <= len(anchors):
            return ()
        anchor = anchors[number - 1]
        relative = (self._client.widgets.get(anchor.relative_id)
                    if anchor.relative_id is not None else None)
        return anchor.point, relative, anchor.relative_point, anchor.x, anchor.y

    def anchors(self) -> list[Anchor]:
        """The region's anchors, in the order they were set."""
        return list(self._anchors or [])

    # -- placement ----------------------------------------------------------------------------
    def _edge(self, index: int) -> float | None:
        placed = self.rect()
        if placed is None:
            return None
        left, bottom, width, height = placed
        value = (left, left + width, bottom + height, bottom)[index]
        return value / self.effective_scale()

    def GetLeft(self) -> float | None:
        return self._edge(0)

    def GetRight(self) -> float | None:
        return self._edge(1)

    def GetTop(self) -> float | None:
        return self._edge(2)

    def GetBottom(self) -> float | None:
        return self._edge(3)

    def GetCenter(self) -> tuple[Any, ...]:
        placed = self.rect()
        if placed is None:
            return ()
        scale = self.effective_scale()
        return ((placed[0] + placed[2] / 2) / scale, (placed[1] + placed[3] / 2) / scale)

    def GetRect(self) -> tuple[Any, ...]:
        placed = self.rect()
        if placed is None:
            return ()
        scale = self.effective_scale()
        return tuple(v / scale for v in placed)

    # -- protection, mouse --------------------------------------------------------------------
    def IsProtected(self) -> tuple[Any, ...]:
        return (1, 1) if getattr(self, "protected", False) else (None, None)

    def CanChangeProtectedState(self) -> int | None:
        return None if getattr(self, "protected", False) and self._client.in_combat else 1

    def IsMouseOver(self, *_: Any) -> None:
        return None  # the headless client has no mouse pointer over frames

    def IsDragging(self) -> None:
        return None

    # -- animations ---------------------------------------------------------------------------
    def CreateAnimationGroup(self, name: Any = None, template: Any = None) -> Any:
        from wowapi_stubs.widgets.animation import AnimationGroup

        group = self._client._create_region(AnimationGroup, name, self, opt_text(template))
        if self._animation_ids is None:
            self._animation_ids = []
        self._animation_ids.append(group.id)
        return group

    def animation_groups(self) -> list[Any]:
        widgets = self._client.widgets
        return [widgets[i] for i in self._animation_ids or ()]

    def GetAnimationGroups(self) -> tuple[Any, ...]:
        return tuple(self.animation_groups())

    def StopAnimating(self) -> None:
        for group in self.animation_groups():
            group.Stop()


def _offset(value: Any, what: str) -> float:
    """A ``SetPoint`` offset (nil: 0)."""
    kind = value.__class__
    return value if kind is int or kind is float else opt_number(value, 0.0, what=what)


def _depends_on(region: Any, target: Any) -> bool:
    """Whether ``region``'s placement depends on ``target`` (anchor chains of any length,
    each region visited once: rows anchored to the row before by two points are a DAG)."""
    widgets = region._client.widgets
    seen: set[int] = set()
    pending = [region]
    while pending:
        for anchor in pending.pop()._anchors or ():
            relative_id = anchor.relative_id
            if relative_id is None or relative_id in seen:
                continue
            relative = widgets.get(relative_id)
            if relative is target:
                return True
            if relative is not None:
                seen.add(relative_id)
                pending.append(relative)
    return False


def screen_rect(client: Host) -> tuple[float, float, float, float]:
    """The screen in UI units at scale 1: ``(0, 0, width, height)``."""
    width, height = client.settings.screen_resolution
    return 0.0, 0.0, SCREEN_HEIGHT * width / height, SCREEN_HEIGHT


def _layout(region: Any) -> tuple[float, float, float, float] | None:
    """Resolve ``region``'s anchors to a screen rect (each axis separately: two anchors
    on an axis fix both edges; one anchor and a size fix the rest).

    Every region of the anchor graph is placed once, relatives first, by an explicit walk:
    a chain of any length resolves (rows anchored to the row before by two points would
    otherwise be placed 2^n times), and a cycle leaves the regions on it unplaced."""
    widgets = region._client.widgets
    placed: dict[int, tuple[float, float, float, float] | None] = {}
    on_path: set[int] = set()
    pending = [region]
    while pending:
        current = pending[-1]
        if current.id in placed:
            pending.pop()
            continue
        waiting = [relative for anchor in current._anchors or ()
                   if anchor.relative_id is not None
                   and (relative := widgets.get(anchor.relative_id)) is not None
                   and relative.id not in placed]
        if waiting and current.id not in on_path:
            on_path.add(current.id)
            pending.extend(waiting)
            continue
        pending.pop()
        on_path.discard(current.id)
        placed[current.id] = None if waiting else _place(current, placed)
    return placed[region.id]


def _place(region: Any, placed: dict[int, tuple[float, float, float, float] | None]
           ) -> tuple[float, float, float, float] | None:
    """``region``'s rect from its relatives' rects (``placed``, by id; the screen for an
    anchor without a relative), or ``None`` while one of them is unplaced."""
    anchors = region._anchors
    if not anchors:
        return None
    scale = region.effective_scale()
    widgets = region._client.widgets
    xs: dict[float, float] = {}
    ys: dict[float, float] = {}
    for anchor in anchors:
        relative = widgets.get(anchor.relative_id) if anchor.relative_id is not None else None
        target = screen_rect(region._client) if relative is None else placed.get(relative.id)
        if target is None:
            return None
        fx, fy = _POINT_FRACTIONS[anchor.relative_point]
        px = target[0] + fx * target[2] + anchor.x * scale
        py = target[1] + fy * target[3] + anchor.y * scale
        own_fx, own_fy = _POINT_FRACTIONS[anchor.point]
        xs[own_fx] = px
        ys[own_fy] = py
    horizontal = _axis(xs, region.width * scale)
    vertical = _axis(ys, region.height * scale)
    if horizontal is None or vertical is None:
        return None
    return horizontal[0], vertical[0], horizontal[1], vertical[1]


def _axis(known: dict[float, float], size: float) -> tuple[float, float] | None:
    """``(start, length)`` on one axis from the positions of known fractions."""
    if len(known) >= 2:
        (f1, p1), (f2, p2) = sorted(known.items())[0], sorted(known.items())[-1]
        length = (p2 - p1) / (f2 - f1)
        return p1 - f1 * length, max(0.0, length)
    (fraction, position), = known.items()
    return position - fraction * size, size
