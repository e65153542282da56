"""The client's chat configuration: chat windows (name, size, colour, dock, the message
groups and channels each shows), chat type colours and indexes, languages, channels, voice.

The client keeps these (per character, on the server) and FrameXML's chat frames read them:
``ChatFrame_OnEvent`` registers a frame for the events of the groups
``GetChatWindowMessages(id)`` lists when ``UPDATE_CHAT_WINDOWS`` fires at login. The state
starts as the client's hard-coded defaults (``ResetChatWindows``): window 1 "General" with
the player, creature and system groups, window 2 "Combat Log" docked beside it, windows 3-10
unused. Voice chat is off (the channels joined are in :mod:`~wowapi_stubs.api.social`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from wowapi_stubs._bounded import EventRun
from wowapi_stubs.errors import WowApiError
from wowapi_stubs.widgets.base import (
    flag_result,
    lua_flag,
    lua_int,
    lua_text,
    opt_int,
    opt_number,
)

if TYPE_CHECKING:
    from wowapi_stubs.host import Host

NUM_CHAT_WINDOWS = 10
EVENTS = ("UPDATE_CHAT_COLOR", "UPDATE_CHAT_WINDOWS", "UPDATE_FLOATING_CHAT_WINDOWS",
          "UPDATE_CHAT_COLOR_NAME_BY_CLASS")

# The client's chat message types in the order of its table (the server's ChatMsg numbers);
# GetChatTypeIndex gives the position. Types the client adds locally follow.
CHAT_TYPES = (
    "SYSTEM", "SAY", "PARTY", "RAID", "GUILD", "OFFICER", "YELL", "WHISPER", "WHISPER_FOREIGN",
    "WHISPER_INFORM", "EMOTE", "TEXT_EMOTE", "MONSTER_SAY", "MONSTER_PARTY", "MONSTER_YELL",
    "MONSTER_WHISPER", "MONSTER_EMOTE", "CHANNEL", "CHANNEL_JOIN", "CHANNEL_LEAVE",
    "CHANNEL_LIST", "CHANNEL_NOTICE", "CHANNEL_NOTICE_USER", "AFK", "DND", "IGNORED", "SKILL",
    "LOOT", "MONEY", "OPENING", "TRADESKILLS", "PET_INFO", "COMBAT_MISC_INFO",
    "COMBAT_XP_GAIN", "COMBAT_HONOR_GAIN", "COMBAT_FACTION_CHANGE", "BG_SYSTEM_NEUTRAL",
    "BG_SYSTEM_ALLIANCE", "BG_SYSTEM_HORDE", "RAID_LEADER", "RAID_WARNING",
    "RAID_BOSS_EMOTE", "RAID_BOSS_WHISPER", "FILTERED", "BATTLEGROUND",
    "BATTLEGROUND_LEADER", "RESTRICTED", "BATTLENET", "ACHIEVEMENT", "GUILD_ACHIEVEMENT",
    "ARENA_POINTS", "PARTY_LEADER", "TARGETICONS", "BN_WHISPER", "BN_WHISPER_INFORM",
    "BN_CONVERSATION", "BN_CONVERSATION_NOTICE", "BN_CONVERSATION_LIST",
    "BN_INLINE_TOAST_ALERT", "BN_INLINE_TOAST_BROADCAST", "BN_INLINE_TOAST_BROADCAST_INFORM",
    "BN_INLINE_TOAST_CONVERSATION", "COMBAT_GUILD_XP_GAIN", "REPLY", "CHANNEL1", "CHANNEL2",
    "CHANNEL3", "CHANNEL4", "CHANNEL5", "CHANNEL6", "CHANNEL7", "CHANNEL8", "CHANNEL9",
    "CHANNEL10",
)

_PINK = (1.0, 0.502, 1.0)
_ORANGE = (1.0, 0.502, 0.251)
_RED = (1.0, 0.251, 0.251)
_CHANNEL = (1.0, 0.753, 0.753)
# Default colours of the chat types (UPDATE_CHAT_COLOR at login); others are white.
CHAT_COLORS: dict[str, tuple[float, float, float]] = {
    "SYSTEM": (1.0, 1.0, 0.0), "SAY": (1.0, 1.0, 1.0), "PARTY": (0.667, 0.667, 1.0),
    "PARTY_LEADER": (0.463, 0.784, 1.0), "RAID": (1.0, 0.498, 0.0),
    "RAID_LEADER": (1.0, 0.282, 0.035), "RAID_WARNING": (1.0, 0.282, 0.0),
    "GUILD": (0.251, 1.0, 0.251), "OFFICER": (0.251, 0.753, 0.251), "YELL": _RED,
    "WHISPER": _PINK, "WHISPER_INFORM": _PINK, "REPLY": _PINK, "AFK": _PINK, "DND": _PINK,
    "EMOTE": _ORANGE, "TEXT_EMOTE": _ORANGE, "MONSTER_EMOTE": _ORANGE,
    "MONSTER_SAY": (1.0, 1.0, 0.624), "MONSTER_PARTY": (0.667, 0.667, 1.0),
    "MONSTER_YELL": _RED, "MONSTER_WHISPER": (1.0, 0.710, 0.922),
    "RAID_BOSS_EMOTE": (1.0, 0.867, 0.0), "RAID_BOSS_WHISPER": (1.0, 0.867, 0.0),
    "CHANNEL": _CHANNEL, "CHANNEL_JOIN": (0.753, 0.502, 0.502),
    "CHANNEL_LEAVE": (0.753, 0.502, 0.502), "CHANNEL_LIST": (0.753, 0.502, 0.502),
    "CHANNEL_NOTICE": (0.753, 0.753, 0.753), "CHANNEL_NOTICE_USER": (0.753, 0.753, 0.753),
    "IGNORED": (1.0, 0.0, 0.0), "SKILL": (0.333, 0.333, 1.0), "LOOT": (0.0, 0.667, 0.0),
    "MONEY": (1.0, 1.0, 0.0), "OPENING": (0.502, 0.502, 1.0),
    "TRADESKILLS": (1.0, 1.0, 1.0), "PET_INFO": (0.502, 0.502, 1.0),
    "COMBAT_MISC_INFO": (0.502, 0.502, 1.0), "COMBAT_XP_GAIN": (0.435, 0.435, 1.0),
    "COMBAT_HONOR_GAIN": (0.878, 0.792, 0.039), "COMBAT_FACTION_CHANGE": (0.502, 0.502, 1.0),
    "BG_SYSTEM_NEUTRAL": (1.0, 0.471, 0.039), "BG_SYSTEM_ALLIANCE": (0.0, 0.682, 0.937),
    "BG_SYSTEM_HORDE": (1.0, 0.0, 0.0), "BATTLEGROUND": (1.0, 0.498, 0.0),
    "BATTLEGROUND_LEADER": (1.0, 0.859, 0.718), "ACHIEVEMENT": (1.0, 1.0, 0.0),
    "GUILD_ACHIEVEMENT": (0.251, 1.0, 0.251), "FILTERED": (1.0, 0.0, 0.0),
    "RESTRICTED": (1.0, 0.0, 0.0), "TARGETICONS": (1.0, 1.0, 0.0),
    "BN_WHISPER": (0.0, 1.0, 0.965), "BN_WHISPER_INFORM": (0.0, 1.0, 0.965),
    "BN_CONVERSATION": (0.0, 0.694, 0.941), "BN_CONVERSATION_NOTICE": (0.0, 0.694, 0.941),
    "BN_CONVERSATION_LIST": (0.0, 0.694, 0.941), "BN_INLINE_TOAST_ALERT": (0.510, 0.773, 1.0),
    "BN_INLINE_TOAST_BROADCAST": (0.510, 0.773, 1.0),
    "BN_INLINE_TOAST_BROADCAST_INFORM": (0.510, 0.773, 1.0),
    "BN_INLINE_TOAST_CONVERSATION": (0.510, 0.773, 1.0),
    **{f"CHANNEL{i}": _CHANNEL for i in range(1, 11)},
}

# The message groups of the default windows (ResetChatWindows).
GENERAL_GROUPS = (
    "SYSTEM", "SYSTEM_NOMENU", "SAY", "EMOTE", "YELL", "WHISPER", "PARTY", "PARTY_LEADER",
    "RAID", "RAID_LEADER", "RAID_WARNING", "BATTLEGROUND", "BATTLEGROUND_LEADER", "GUILD",
    "OFFICER", "MONSTER_SAY", "MONSTER_YELL", "MONSTER_EMOTE", "MONSTER_WHISPER",
    "MONSTER_BOSS_EMOTE", "MONSTER_BOSS_WHISPER", "ERRORS", "AFK", "DND", "IGNORED",
    "BG_HORDE", "BG_ALLIANCE", "BG_NEUTRAL", "COMBAT_FACTION_CHANGE", "SKILL", "LOOT",
    "MONEY", "CHANNEL", "ACHIEVEMENT", "GUILD_ACHIEVEMENT", "BN_WHISPER", "BN_CONVERSATION",
    "BN_INLINE_TOAST_ALERT",
)
COMBAT_LOG_GROUPS = ("OPENING", "TRADESKILLS", "PET_INFO", "COMBAT_MISC_INFO",
                     "COMBAT_XP_GAIN", "COMBAT_HONOR_GAIN", "COMBAT_FACTION_CHANGE")
DEFAULT_ALPHA = 0.25  # DEFAULT_CHATFRAME_ALPHA
LANGUAGES = {"Alliance": ("Common",), "Horde": ("Orcish",)}


@dataclass
class ChatWindow:
    """One chat window's settings, as ``GetChatWindowInfo`` returns them."""

    name: str = ""
    size: float = 14.0
    color: tuple[float, float, float] = (0.0, 0.0, 0.0)
    alpha: float = DEFAULT_ALPHA
    shown: bool = False
    locked: bool = False
    docked: int | None = None
    uninteractable: bool = False
    groups: list[str] = field(default_factory=list)
    channels: list[str] = field(default_factory=list)
    position: tuple[str, float, float] | None = None
    dimensions: tuple[float, float] | None = None


def default_windows() -> list[ChatWindow]:
    """The client's hard-coded chat windows (``ResetChatWindows``)."""
    windows = [ChatWindow() for _ in range(NUM_CHAT_WINDOWS)]
    windows[0] = ChatWindow("General", shown=True, locked=True, docked=1,
                            groups=list(GENERAL_GROUPS))
    windows[1] = ChatWindow("Combat Log", shown=True, docked=2, groups=list(COMBAT_LOG_GROUPS))
    return windows


@dataclass
class ChatSettings:
    """The character's chat configuration (see the module docstring)."""

    colors: dict[str, tuple[float, float, float]] = field(
        default_factory=lambda: dict(CHAT_COLORS))
    color_name_by_class: set[str] = field(default_factory=set)
    _windows: list[ChatWindow] | None = field(default=None, repr=False)

    @property
    def windows(self) -> list[ChatWindow]:
        """The ten chat windows (the defaults are made when first read)."""
        if self._windows is None:
            self._windows = default_windows()
        return self._windows

    @windows.setter
    def windows(self, windows: list[ChatWindow]) -> None:
        self._windows = windows

    def login_events(self) -> EventRun:
        """What the client sends once the character's settings arrive at login: every chat
        type's colour, then the windows (the same run for the same settings, made once)."""
        if not self.color_name_by_class and self.colors == CHAT_COLORS:
            return _default_login_events()
        return _login_events(tuple(self.colors.items()), frozenset(self.color_name_by_class))


@functools.cache
def _default_login_events() -> EventRun:
    """:func:`_login_events` of the default settings (no key to hash)."""
    return _login_events(tuple(CHAT_COLORS.items()), frozenset())


@functools.lru_cache(maxsize=16)
def _login_events(colors: tuple[tuple[str, tuple[float, float, float]], ...],
                  by_class: frozenset[str]) -> EventRun:
    by_kind = dict(colors)
    events: list[tuple[str, tuple[Any, ...]]] = [
        ("UPDATE_CHAT_COLOR", (kind, *by_kind.get(kind, (1.0, 1.0, 1.0))))
        for kind in CHAT_TYPES]
    events += [("UPDATE_CHAT_COLOR_NAME_BY_CLASS", (kind, flag_result(kind in by_class)))
               for kind in CHAT_TYPES]
    events += [("UPDATE_CHAT_WINDOWS", ()), ("UPDATE_FLOATING_CHAT_WINDOWS", ())]
    return EventRun(events)


def install(client: Host) -> dict[str, Callable[..., Any]]:
    settings = client.chat_settings

    def window(index: Any, usage: str) -> ChatWindow:
        """The window ``index`` names; an index outside 1-10 is a window with nothing set
        (FrameXML asks for window 0 while a chat tab's menu loads, before the tab's id)."""
        if index is None:
            raise WowApiError(f"Usage: {usage}")
        number = lua_int(index, what="index")
        if not 1 <= number <= NUM_CHAT_WINDOWS:
            return ChatWindow(size=0.0)
        return settings.windows[number - 1]

    def GetChatWindowInfo(index: Any = None) -> tuple[Any, ...]:
        w = window(index, "GetChatWindowInfo(index)")
        return (w.name, w.size, *w.color, w.alpha, flag_result(w.shown),
                flag_result(w.locked), w.docked, flag_result(w.uninteractable))

    def GetChatWindowMessages(index: Any = None) -> tuple[str, ...]:
        return tuple(window(index, "GetChatWindowMessages(index)").groups)

    def GetChatWindowChannels(index: Any = None) -> tuple[Any, ...]:
        pairs: list[Any] = []
        for name in window(index, "GetChatWindowChannels(index)").channels:
            pairs += [name, 0]
        return tuple(pairs)

    def edit_list(attr: str, add: bool, usage: str) -> Callable[..., None]:
        def change(index: Any = None, name: Any = None) -> None:
            items = getattr(window(index, usage), attr)
            if name is None:
                raise WowApiError(f"Usage: {usage}")
            text = lua_text(name)
            if add and text not in items:
                items.append(text)
            elif not add and text in items:
                items.remove(text)
        return change

    def setter(usage: str, apply: Callable[[ChatWindow, Any], None]) -> Callable[..., None]:
        def change(index: Any = None, *values: Any) -> None:
            apply(window(index, usage), values)
        return change

    def set_color(w: ChatWindow, values: tuple[Any, ...]) -> None:
        r, g, b = (opt_number(v, 0.0) for v in (*values, None, None, None)[:3])
        w.color = (float(r), float(g), float(b))

    def set_position(w: ChatWindow, values: tuple[Any, ...]) -> None:
        point, x, y = (*values, None, None, None)[:3]
        w.position = (lua_text(point), float(opt_number(x, 0.0)), float(opt_number(y, 0.0))) \
            if point is not None else None

    def set_dimensions(w: ChatWindow, values: tuple[Any, ...]) -> None:
        width, height = (*values, None, None)[:2]
        w.dimensions = (float(opt_number(width, 0.0)), float(opt_number(height, 0.0)))

    def GetChatWindowSavedPosition(index: Any = None) -> tuple[Any, ...] | None:
        return window(index, "GetChatWindowSavedPosition(index)").position

    def GetChatWindowSavedDimensions(index: Any = None) -> tuple[float, float] | None:
        return window(index, "GetChatWindowSavedDimensions(index)").dimensions

    def ResetChatWindows() -> None:
        settings.windows = default_windows()
        client.fire_internal("UPDATE_CHAT_WINDOWS")

    def chat_type(value: Any, usage: str) -> str:
        if value is None:
            raise WowApiError(f"Usage: {usage}")
        return lua_text(value).upper()

    def GetChatTypeIndex(kind: Any = None) -> int:
        name = chat_type(kind, 'GetChatTypeIndex("type")')
        return CHAT_TYPES.index(name) if name in CHAT_TYPES else -1

    def ChangeChatColor(kind: Any = None, r: Any = None, g: Any = None, b: Any = None) -> None:
        name = chat_type(kind, 'ChangeChatColor("type", r, g, b)')
        color = (float(opt_number(r, 1.0)), float(opt_number(g, 1.0)),
                 float(opt_number(b, 1.0)))
        settings.colors[name] = color
        client.fire_internal("UPDATE_CHAT_COLOR", name, *color)

    def SetChatColorNameByClass(kind: Any = None, flag: Any = None) -> None:
        name = chat_type(kind, 'SetChatColorNameByClass("type", flag)')
        if lua_flag(flag):
            settings.color_name_by_class.add(name)
        else:
            settings.color_name_by_class.discard(name)
        client.fire_internal("UPDATE_CHAT_COLOR_NAME_BY_CLASS", name, flag_result(lua_flag(flag)))

    def languages() -> tuple[str, ...]:
        faction = client.world.player.faction
        return LANGUAGES.get(faction, ("Common",))

    def GetDefaultLanguage(unit: Any = None) -> str | None:
        """The player's first language; nil before the character is in the world (FrameXML
        fixes it at ``PLAYER_ENTERING_WORLD``)."""
        return languages()[0] if client.logged_in else None

    def GetLanguageByIndex(index: Any = None) -> str | None:
        found = languages()
        number = opt_int(index, 0)
        return found[number - 1] if 1 <= number <= len(found) else None

    nothing = lambda *args: None  # noqa: E731 - no channel joined, voice chat off
    zero = lambda *args: 0  # noqa: E731

    return {
        "GetChatWindowInfo": GetChatWindowInfo,
        "GetChatWindowMessages": GetChatWindowMessages,
        "GetChatWindowChannels": GetChatWindowChannels,
        "AddChatWindowMessages": edit_list("groups", True,
                                           'AddChatWindowMessages(index, "group")'),
        "RemoveChatWindowMessages": edit_list("groups", False,
                                              'RemoveChatWindowMessages(index, "group")'),
        "AddChatWindowChannel": edit_list("channels", True,
                                          'AddChatWindowChannel(index, "channel")'),
        "RemoveChatWindowChannel": edit_list("channels", False,
                                             'RemoveChatWindowChannel(index, "channel")'),
        "SetChatWindowName": setter("SetChatWindowName(index, name)", lambda w, v: setattr(
            w, "name", lua_text(v[0]) if v and v[0] is not None else "")),
        "SetChatWindowSize": setter("SetChatWindowSize(index, size)", lambda w, v: setattr(
            w, "size", float(opt_number(v[0] if v else None, 14.0)))),
        "SetChatWindowColor": setter("SetChatWindowColor(index, r, g, b)", set_color),
        "SetChatWindowAlpha": setter("SetChatWindowAlpha(index, alpha)", lambda w, v: setattr(
            w, "alpha", float(opt_number(v[0] if v else None, DEFAULT_ALPHA)))),
        "SetChatWindowShown": setter("SetChatWindowShown(index, shown)", lambda w, v: setattr(
            w, "shown", lua_flag(v[0] if v else None))),
        "SetChatWindowLocked": setter("SetChatWindowLocked(index, locked)",
                                      lambda w, v: setattr(w, "locked",
                                                           lua_flag(v[0] if v else None))),
        "SetChatWindowDocked": setter("SetChatWindowDocked(index, docked)",
                                      lambda w, v: setattr(w, "docked", lua_int(
                                          v[0]) if v and v[0] else None)),
        "SetChatWindowUninteractable": setter(
            "SetChatWindowUninteractable(index, flag)",
            lambda w, v: setattr(w, "uninteractable", lua_flag(v[0] if v else None))),
        "SetChatWindowSavedPosition": setter(
            'SetChatWindowSavedPosition(index, "point", x, y)', set_position),
        "SetChatWindowSavedDimensions": setter(
            "SetChatWindowSavedDimensions(index, width, height)", set_dimensions),
        "GetChatWindowSavedPosition": GetChatWindowSavedPosition,
        "GetChatWindowSavedDimensions": GetChatWindowSavedDimensions,
        "ResetChatWindows": ResetChatWindows,
        "GetChatTypeIndex": GetChatTypeIndex,
        "ChangeChatColor": ChangeChatColor,
        "SetChatColorNameByClass": SetChatColorNameByClass,
        "GetDefaultLanguage": GetDefaultLanguage,
        "GetNumLanguages": lambda: len(languages()),
        "GetLanguageByIndex": GetLanguageByIndex,
        "GetNumVoiceSessions": zero,
        "GetVoiceSessionInfo": lambda *args: (),
        "GetNumVoiceSessionMembersBySessionID": zero,
        "UnitIsTalking": nothing,  # voice chat is off: nobody talks
        "GetActiveVoiceChannel": nothing,
        "GetVoiceCurrentSessionID": nothing,
        "IsVoiceChatAllowedByServer": nothing,
        "IsVoiceChatEnabled": nothing,
    }
