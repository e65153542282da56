"""Animation groups and their animations, played on the simulated clock.

A group plays its animations by ``order``: all animations of one order run together, the
next order starts when the longest of them (start delay + duration + end delay) is over.
The client ticks playing groups whose region is visible once per rendered frame, running
``OnPlay``, ``OnUpdate``, ``OnLoop``, ``OnFinished`` (and ``OnStop``/``OnPause`` when asked).
The region itself is not changed (nothing is drawn).
"""

from __future__ import annotations

import math
from typing import Any, ClassVar

from wowapi_stubs.errors import WowApiError
from wowapi_stubs.widgets.base import (
    TEXT_TYPES,
    ScriptObject,
    flag_result,
    lua_int,
    lua_text,
    number_pair,
    opt_int,
    opt_number,
    opt_text,
    usage,
    values_pair,
)
from wowapi_stubs.widgets.frame import Scripted

GROUP_SCRIPTS = frozenset({"OnFinished", "OnLoad", "OnLoop", "OnPause", "OnPlay", "OnStop",
                           "OnUpdate"})
ANIMATION_SCRIPTS = frozenset({"OnFinished", "OnLoad", "OnPause", "OnPlay", "OnStop",
                               "OnUpdate"})
LOOPING = ("NONE", "REPEAT", "BOUNCE")
SMOOTHING = ("NONE", "IN", "OUT", "IN_OUT")
MAX_ORDER = 100


class AnimationGroup(Scripted, ScriptObject):
    """Plays its animations in order; loops (``REPEAT``/``BOUNCE``) or finishes."""

    KIND: ClassVar[str] = "AnimationGroup"
    SCRIPTS: ClassVar[frozenset[str]] = GROUP_SCRIPTS
    looping = "NONE"
    loop_state = "NONE"
    initial_offset = (0.0, 0.0)
    playing = paused = done = pending_finish = False
    elapsed = 0.0  # time into the current loop (counting backwards while bouncing back)

    def __init__(self, client: Any, name: str | None, parent: Any) -> None:
        super().__init__(client, name, parent)
        self.scripts: dict[str, Any] = {}
        self._animation_ids: list[int] = []

    @property
    def animations(self) -> list[Animation]:
        widgets = self._client.widgets
        return [widgets[i] for i in self._animation_ids if i in widgets]

    def _visibility_changed(self, visible: bool) -> None:
        pass

    def duration(self) -> float:
        return sum(self._segments().values())

    def _segments(self) -> dict[int, float]:
        """Length of each order's segment."""
        lengths: dict[int, float] = {}
        for animation in self.animations:
            lengths[animation.order] = max(lengths.get(animation.order, 0.0),
                                           animation.total())
        return dict(sorted(lengths.items()))

    # -- playing ------------------------------------------------------------------------------
    def Play(self) -> None:
        if self.playing and not self.paused:
            return
        if not self.paused:
            self.elapsed = 0.0
            self.loop_state = "FORWARD" if self.looping != "NONE" else "NONE"
            for animation in self.animations:
                animation.reset()
        self.playing, self.paused, self.done, self.pending_finish = True, False, False, False
        self._client.animation_playing(self, True)
        self.run_script("OnPlay")
        self._advance(0.0)

    def Pause(self) -> None:
        if self.playing and not self.paused:
            self.paused = True
            self._client.animation_playing(self, False)
            for animation in self.animations:
                if animation.state == "playing":
                    animation.run_script("OnPause")
            self.run_script("OnPause")

    def Stop(self) -> None:
        if not self.playing:
            return
        self.playing = self.paused = self.pending_finish = False
        self._client.animation_playing(self, False)
        for animation in self.animations:
            if animation.state == "playing":
                animation.run_script("OnStop", True)
            animation.reset()
        self.elapsed = 0.0
        self.run_script("OnStop", True)

    def Finish(self) -> None:
        if self.playing:
            self.pending_finish = True

    def tick(self, seconds: float) -> None:
        """One rendered frame of ``seconds`` (called by the client while playing)."""
        if self.playing and not self.paused:
            self._advance(seconds)

    def _advance(self, seconds: float) -> None:
        total = self.duration()
        backwards = self.loop_state == "REVERSE"
        self.elapsed = self.elapsed - seconds if backwards else self.elapsed + seconds
        self._update_animations(seconds)
        if self.playing:
            self.run_script("OnUpdate", seconds)
        ended = self.elapsed <= 0.0 if backwards else self.elapsed >= total
        if not ended or not self.playing:
            return
        if self.looping == "NONE" or self.pending_finish:
            self._finish()
        elif self.looping == "REPEAT":
            self.elapsed = max(0.0, self.elapsed - total)
            for animation in self.animations:
                animation.reset()
            self.run_script("OnLoop", "FORWARD")
        else:
            self.loop_state = "FORWARD" if backwards else "REVERSE"
            self.elapsed = max(0.0, -self.elapsed) if backwards else max(
                0.0, 2 * total - self.elapsed)
            for animation in self.animations:
                animation.reset()
            self.run_script("OnLoop", self.loop_state)

    def _update_animations(self, seconds: float) -> None:
        start = 0.0
        position = self.elapsed
        segments = self._segments()
        for order, length in segments.items():
            for animation in self.animations:
                if animation.order == order:
                    animation.at(position - start, seconds)
            start += length

    def _finish(self) -> None:
        self.playing = self.paused = self.pending_finish = False
        self.done = True
        self._client.animation_playing(self, False)
        for animation in self.animations:
            if animation.state != "done":
                animation.finish()
        self.run_script("OnFinished", False)

    # -- WoW methods --------------------------------------------------------------------------
    def IsPlaying(self) -> int | None:
        return flag_result(self.playing and not self.paused)

    def IsPaused(self) -> int | None:
        return flag_result(self.paused)

    def IsDone(self) -> int | None:
        return flag_result(self.done)

    def IsPendingFinish(self) -> int | None:
        return flag_result(self.pending_finish)

    def GetProgress(self) -> float:
        total = self.duration()
        return min(1.0, max(0.0, self.elapsed / total)) if total else 0.0

    def GetDuration(self) -> float:
        return self.duration()

    def SetLooping(self, looping: Any = None) -> None:
        name = lua_text(looping).upper() if looping is not None else ""
        if name not in LOOPING:
            raise usage('AnimationGroup:SetLooping("NONE" or "REPEAT" or "BOUNCE")')
        self.looping = name

    def GetLooping(self) -> str:
        return self.looping

    def GetLoopState(self) -> str:
        return self.loop_state

    SetInitialOffset, GetInitialOffset = values_pair("initial_offset", 2)

    def GetMaxOrder(self) -> int:
        return max((a.order for a in self.animations), default=0)

    def GetAnimations(self) -> tuple[Any, ...]:
        return tuple(self.animations)

    def CreateAnimation(self, kind: Any = None, name: Any = None, template: Any = None) -> Any:
        wanted = lua_text(kind).lower() if kind is not None else "animation"
        cls = ANIMATION_TYPES.get(wanted)
        if cls is None:
            raise WowApiError(f"AnimationGroup:CreateAnimation(): Unknown animation type "
                              f"'{lua_text(kind)}'")
        animation = self._client._create_region(cls, name, self, opt_text(template))
        self._animation_ids.append(animation.id)
        return animation


class Animation(Scripted, ScriptObject):
    """One step of a group: a delay, a duration, an end delay, smoothing."""

    KIND: ClassVar[str] = "Animation"
    SCRIPTS: ClassVar[frozenset[str]] = ANIMATION_SCRIPTS
    duration = 0.0
    start_delay = 0.0
    end_delay = 0.0
    order = 1
    smoothing = "NONE"
    max_framerate = 0.0
    state = "stopped"  # stopped, delaying, playing, done
    position = 0.0  # seconds since this animation's start (delay included)

    def __init__(self, client: Any, name: str | None, parent: Any) -> None:
        super().__init__(client, name, parent)
        self.scripts: dict[str, Any] = {}

    def _visibility_changed(self, visible: bool) -> None:
        pass

    def total(self) -> float:
        return self.start_delay + self.duration + self.end_delay

    def reset(self) -> None:
        self.state, self.position = "stopped", 0.0

    def finish(self) -> None:
        self.position = self.total()
        self.state = "done"
        self.run_script("OnFinished", False)

    def at(self, position: float, seconds: float) -> None:
        """Move to ``position`` seconds into this animation, firing what happens on the way."""
        self.position = position
        if position < 0:
            return
        if position < self.start_delay:
            if self.state == "stopped":
                self.state = "delaying"
            return
        if self.state in ("stopped", "delaying"):
            self.state = "playing"
            self.run_script("OnPlay")
        if self.state == "playing":
            self.run_script("OnUpdate", seconds)
            if position >= self.start_delay + self.duration:
                self.state = "done"
                self.run_script("OnFinished", False)

    def group(self) -> AnimationGroup | None:
        return self.parent if isinstance(self.parent, AnimationGroup) else None

    # -- WoW methods --------------------------------------------------------------------------
    SetDuration, GetDuration = number_pair("duration", "Animation:SetDuration(seconds)",
                                           minimum=0.0)
    SetStartDelay, GetStartDelay = number_pair("start_delay", "Animation:SetStartDelay(seconds)",
                                               minimum=0.0)
    SetEndDelay, GetEndDelay = number_pair("end_delay", "Animation:SetEndDelay(seconds)",
                                           minimum=0.0)
    SetMaxFramerate, GetMaxFramerate = number_pair("max_framerate",
                                                   "Animation:SetMaxFramerate(framerate)",
                                                   minimum=0.0)

    def SetOrder(self, order: Any = None) -> None:
        if order is None:
            raise usage("Animation:SetOrder(order)")
        value = lua_int(order, what="order")
        if not 0 <= value <= MAX_ORDER:
            raise WowApiError(f"Animation:SetOrder(): order must be between 0 and {MAX_ORDER}")
        self.order = value

    def GetOrder(self) -> int:
        return self.order

    def SetSmoothing(self, smoothing: Any = None) -> None:
        name = lua_text(smoothing).upper() if smoothing is not None else ""
        if name not in SMOOTHING:
            raise usage('Animation:SetSmoothing("NONE" or "IN" or "OUT" or "IN_OUT")')
        self.smoothing = name

    def GetSmoothing(self) -> str:
        return self.smoothing

    def GetElapsed(self) -> float:
        return max(0.0, min(self.position - self.start_delay, self.duration))

    def GetProgress(self) -> float:
        if self.state == "done":
            return 1.0
        if self.duration <= 0:
            return 0.0
        return max(0.0, min(1.0, (self.position - self.start_delay) / self.duration))

    def GetSmoothProgress(self) -> float:
        progress = self.GetProgress()
        if self.smoothing == "IN":
            return progress * progress
        if self.smoothing == "OUT":
            return 1 - (1 - progress) * (1 - progress)
        if self.smoothing == "IN_OUT":
            return (1 - math.cos(math.pi * progress)) / 2
        return progress

    def GetProgressWithDelay(self) -> float:
        total = self.start_delay + self.duration
        return max(0.0, min(1.0, self.position / total)) if total > 0 else 0.0

    def IsDelaying(self) -> int | None:
        return flag_result(self.state == "delaying")

    def IsDone(self) -> int | None:
        return flag_result(self.state == "done")

    def IsPlaying(self) -> int | None:
        group = self.group()
        return flag_result(self.state == "playing" and group is not None and not group.paused)

    def IsPaused(self) -> int | None:
        group = self.group()
        return flag_result(group is not None and group.paused and self.state == "playing")

    def IsStopped(self) -> int | None:
        return flag_result(self.state == "stopped")

    def Play(self) -> None:
        """Plays the group the animation belongs to (an animation runs in its group)."""
        group = self.group()
        if group is not None:
            group.Play()

    def Pause(self) -> None:
        group = self.group()
        if group is not None:
            group.Pause()

    def Stop(self) -> None:
        """Stops this animation (its group plays on without it until it starts again)."""
        if self.state == "stopped":
            return
        if self.state == "playing":
            self.run_script("OnStop", True)
        self.reset()

    def GetRegionParent(self) -> Any:
        group = self.group()
        return group.parent if group is not None else None

    def SetParent(self, group: Any = None) -> None:
        target = (self._client.lookup_named(lua_text(group)) if isinstance(group, TEXT_TYPES)
                  else self._client._widget_from_lua(group))
        if not isinstance(target, AnimationGroup):
            raise usage("Animation:SetParent(animationGroup)")
        old = self.group()
        if old is not None and self.id in old._animation_ids:
            old._animation_ids.remove(self.id)
            old._child_ids.remove(self.id)
        self.parent = target
        target._animation_ids.append(self.id)
        target._child_ids.append(self.id)


class Alpha(Animation):
    KIND: ClassVar[str] = "Alpha"
    change = 0.0
    SetChange, GetChange = number_pair("change", "Alpha:SetChange(change)")


class Translation(Animation):
    KIND: ClassVar[str] = "Translation"
    offset = (0.0, 0.0)
    SetOffset, GetOffset = values_pair("offset", 2)


class _Origin:
    origin = ("CENTER", 0.0, 0.0)

    def SetOrigin(self, point: Any = None, x: Any = None, y: Any = None) -> None:
        if point is None:
            raise usage('SetOrigin("point", x, y)')
        self.origin = (lua_text(point).upper(), opt_number(x, 0.0), opt_number(y, 0.0))

    def GetOrigin(self) -> tuple[Any, ...]:
        return self.origin


class Rotation(_Origin, Animation):
    KIND: ClassVar[str] = "Rotation"
    degrees = 0.0

    def SetDegrees(self, degrees: Any = None) -> None:
        self.degrees = float(opt_number(degrees, 0.0, what="degrees"))

    def GetDegrees(self) -> float:
        return self.degrees

    def SetRadians(self, radians: Any = None) -> None:
        self.degrees = math.degrees(float(opt_number(radians, 0.0, what="radians")))

    def GetRadians(self) -> float:
        return math.radians(self.degrees)


class Scale(_Origin, Animation):
    KIND: ClassVar[str] = "Scale"
    scale = (1.0, 1.0)
    SetScale, GetScale = values_pair("scale", 2, default=1.0)


class Path(Animation):
    """A path through control points."""

    KIND: ClassVar[str] = "Path"
    curve = "NONE"

    def __init__(self, client: Any, name: str | None, parent: Any) -> None:
        super().__init__(client, name, parent)
        self._point_ids: list[int] = []

    def CreateControlPoint(self, name: Any = None, template: Any = None, order: Any = None
                           ) -> Any:
        point = self._client._create_region(ControlPoint, name, self, opt_text(template))
        point.order = opt_int(order, len(self._point_ids) + 1)
        self._point_ids.append(point.id)
        return point

    def GetControlPoints(self) -> tuple[Any, ...]:
        widgets = self._client.widgets
        return tuple(widgets[i] for i in self._point_ids if i in widgets)

    def SetCurve(self, curve: Any = None) -> None:
        name = lua_text(curve).upper() if curve is not None else ""
        if name not in ("NONE", "SMOOTH"):
            raise usage('Path:SetCurve("NONE" or "SMOOTH")')
        self.curve = name

    def GetCurve(self) -> str:
        return self.curve

    def GetMaxOrder(self) -> int:
        return max((p.order for p in self.GetControlPoints()), default=0)


class ControlPoint(ScriptObject):
    """One point of a ``Path``."""

    KIND: ClassVar[str] = "ControlPoint"
    offset = (0.0, 0.0)
    order = 1
    SetOffset, GetOffset = values_pair("offset", 2)
    SetOrder, GetOrder = number_pair("order", "ControlPoint:SetOrder(order)", minimum=0)

    def _visibility_changed(self, visible: bool) -> None:
        pass

    def SetParent(self, path: Any = None) -> None:
        target = self._client._widget_from_lua(path)
        if not isinstance(target, Path):
            raise usage("ControlPoint:SetParent(path)")
        old = self.parent
        if isinstance(old, Path) and self.id in old._point_ids:
            old._point_ids.remove(self.id)
        self.parent = target
        target._point_ids.append(self.id)


ANIMATION_TYPES: dict[str, type[Animation]] = {
    cls.KIND.lower(): cls for cls in (Animation, Alpha, Translation, Rotation, Scale, Path)}
