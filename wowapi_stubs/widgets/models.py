"""3D and map frames: ``Model`` and its player, dress-up and tabard variants, ``Minimap``,
``MovieFrame`` and ``QuestPOIFrame``. Nothing is rendered; what is set is kept and read
back."""

from __future__ import annotations

from typing import Any, ClassVar

from wowapi_stubs.widgets.base import (
    color_pair,
    flag_pair,
    ignore,
    lua_int,
    lua_text,
    number_pair,
    opt_int,
    opt_number,
    opt_text,
    text_pair,
    usage,
    values_pair,
)
from wowapi_stubs.widgets.frame import FRAME_SCRIPTS, Frame

EVENTS = ("MINIMAP_UPDATE_ZOOM", "MINIMAP_PING")
# The minimap has six zoom levels (0-5) outdoors.
MINIMAP_ZOOM_LEVELS = 6


class Model(Frame):
    """A 3D model frame: model file, position, facing, scale, camera, light and fog."""

    KIND: ClassVar[str] = "Model"
    SCRIPTS: ClassVar[frozenset[str]] = FRAME_SCRIPTS | {"OnAnimFinished", "OnUpdateModel"}
    model: str | None = None
    position = (0.0, 0.0, 0.0)
    facing = 0.0
    model_scale = 1.0
    fog_color = (1.0, 1.0, 1.0, 1.0)
    fog_near = 0.0
    fog_far = 1.0
    light: tuple[Any, ...] = (1, 0, 0, 1, 0, 1.0, 0.7, 0.7, 0.7, 1.0, 0.8, 0.8, 0.64)
    sequence = 0
    sequence_time = 0.0
    camera = 0
    glow = 0.0

    SetModel, GetModel = text_pair("model")
    SetPosition, GetPosition = values_pair("position", 3)
    SetFacing, GetFacing = number_pair("facing", "Model:SetFacing(radians)")
    SetModelScale, GetModelScale = number_pair("model_scale", "Model:SetModelScale(scale)")
    SetFogColor, GetFogColor = color_pair("fog_color")
    SetFogNear, GetFogNear = number_pair("fog_near", "Model:SetFogNear(distance)")
    SetFogFar, GetFogFar = number_pair("fog_far", "Model:SetFogFar(distance)")
    SetGlow, _get_glow = number_pair("glow", "Model:SetGlow(glow)")

    def ClearModel(self) -> None:
        self.model = None

    def ClearFog(self) -> None:
        self.fog_near, self.fog_far = 0.0, 1.0

    def SetLight(self, *values: Any) -> None:
        self.light = tuple(values)

    def GetLight(self) -> tuple[Any, ...]:
        return self.light

    def SetCamera(self, index: Any = None) -> None:
        self.camera = opt_int(index, 0, what="camera")

    def SetSequence(self, sequence: Any = None) -> None:
        self.sequence = opt_int(sequence, 0, what="sequence")

    def SetSequenceTime(self, sequence: Any = None, time: Any = None) -> None:
        self.sequence = opt_int(sequence, 0, what="sequence")
        self.sequence_time = float(opt_number(time, 0, what="time"))

    def AdvanceTime(self) -> None:
        pass

    ReplaceIconTexture = ignore


class PlayerModel(Model):
    """A model showing a unit or a creature."""

    KIND: ClassVar[str] = "PlayerModel"
    unit: str | None = None
    creature: int | None = None
    rotation = 0.0

    def SetUnit(self, unit: Any = None) -> None:
        if unit is None:
            raise usage('PlayerModel:SetUnit("unit")')
        token = lua_text(unit)
        found = self._client.world.unit(token)
        self.unit = token if found is not None else None
        self.model = found.model_path() if found is not None else None

    def RefreshUnit(self) -> None:
        if self.unit is not None:
            self.SetUnit(self.unit)

    def SetCreature(self, creature_id: Any = None) -> None:
        self.creature = lua_int(creature_id, what="creature id")

    def SetRotation(self, radians: Any = None, *_: Any) -> None:
        self.rotation = float(opt_number(radians, 0.0, what="radians"))
        self.facing = self.rotation


class DressUpModel(PlayerModel):
    """The dressing-room model: items tried on are listed in ``worn``."""

    KIND: ClassVar[str] = "DressUpModel"

    def __init__(self, client: Any, name: str | None, parent: Any) -> None:
        super().__init__(client, name, parent)
        self.worn: list[str] = []

    def Dress(self) -> None:
        self.worn = []

    def Undress(self) -> None:
        self.worn = []

    def TryOn(self, item: Any = None) -> None:
        if item is None:
            raise usage("DressUpModel:TryOn(item)")
        self.worn.append(lua_text(item))


class TabardModel(PlayerModel):
    """The tabard designer's model (no guild tabard: emblems are unset)."""

    KIND: ClassVar[str] = "TabardModel"

    def CanSaveTabardNow(self) -> None:
        return None

    def InitializeTabardColors(self) -> None:
        pass

    CycleVariation = ignore
    Save = ignore

    def _nothing(self) -> None:
        return None

    GetLowerBackgroundFileName = GetUpperBackgroundFileName = _nothing
    GetLowerEmblemFileName = GetUpperEmblemFileName = _nothing
    GetLowerEmblemTexture = GetUpperEmblemTexture = ignore


class Minimap(Frame):
    """The minimap: zoom level, ping position and the textures it draws with."""

    KIND: ClassVar[str] = "Minimap"
    zoom = 0
    ping = (0.0, 0.0)
    player_texture_size = (0.0, 0.0)

    def SetZoom(self, level: Any = None) -> None:
        if level is None:
            raise usage("Minimap:SetZoom(level)")
        self.zoom = min(max(0, lua_int(level, what="level")), MINIMAP_ZOOM_LEVELS - 1)
        self._client.fire_internal("MINIMAP_UPDATE_ZOOM")

    def GetZoom(self) -> int:
        return self.zoom

    def GetZoomLevels(self) -> int:
        return MINIMAP_ZOOM_LEVELS

    def PingLocation(self, x: Any = None, y: Any = None) -> None:
        self.ping = (opt_number(x, 0.0), opt_number(y, 0.0))
        self._client.fire_internal("MINIMAP_PING", "player", *self.ping)

    def GetPingPosition(self) -> tuple[float, float]:
        return self.ping

    def SetPlayerTextureHeight(self, height: Any = None) -> None:
        self.player_texture_size = (self.player_texture_size[0], opt_number(height, 0.0))

    def SetPlayerTextureWidth(self, width: Any = None) -> None:
        self.player_texture_size = (opt_number(width, 0.0), self.player_texture_size[1])

    SetBlipTexture = SetClassBlipTexture = SetCorpsePOIArrowTexture = ignore
    SetIconTexture = SetMaskTexture = SetPOIArrowTexture = SetPlayerTexture = ignore
    SetStaticPOIArrowTexture = ignore


class MovieFrame(Frame):
    """Plays in-game movies; the headless client has none, so ``StartMovie`` fails."""

    KIND: ClassVar[str] = "MovieFrame"
    SCRIPTS: ClassVar[frozenset[str]] = FRAME_SCRIPTS | {
        "OnMovieFinished", "OnMovieHideSubtitle", "OnMovieShowSubtitle"}
    subtitles = False

    def StartMovie(self, movie_id: Any = None, *_: Any) -> None:
        return None

    def StopMovie(self) -> None:
        self.run_script("OnMovieFinished")

    EnableSubtitles, _subtitles = flag_pair("subtitles")


class QuestPOIFrame(Frame):
    """The world map's quest blobs; none are drawn."""

    KIND: ClassVar[str] = "QuestPOIFrame"
    fill_alpha = border_alpha = 1.0
    border_scalar = 1.0
    merge_threshold = 0.0
    spline_points = 0

    DrawQuestBlob = EnableMerging = EnableSmoothing = ignore
    SetBorderTexture = SetFillTexture = UpdateMouseOverTooltip = UpdateQuestPOI = ignore
    SetFillAlpha, _fill_alpha = number_pair("fill_alpha", "QuestPOIFrame:SetFillAlpha(alpha)")
    SetBorderAlpha, _border_alpha = number_pair("border_alpha",
                                                "QuestPOIFrame:SetBorderAlpha(alpha)")
    SetBorderScalar, _border_scalar = number_pair("border_scalar",
                                                  "QuestPOIFrame:SetBorderScalar(scalar)")
    SetMergeThreshold, _merge = number_pair("merge_threshold",
                                            "QuestPOIFrame:SetMergeThreshold(threshold)")
    SetNumSplinePoints, _splines = number_pair("spline_points",
                                               "QuestPOIFrame:SetNumSplinePoints(count)")

    def GetNumTooltips(self) -> int:
        return 0

    def GetTooltipIndex(self, index: Any = None) -> None:
        return None


__all__ = ["DressUpModel", "Minimap", "Model", "MovieFrame", "PlayerModel", "QuestPOIFrame",
           "TabardModel", "opt_text"]
