"""Guild, Battle.net (Real ID), chat channels and addon messages (the friends and ignore
lists: :mod:`wowapi_stubs.api.friends`).

The guild is the character's (``character_guild`` setting) with the roster's characters of
the same guild as members; ``GuildRoster()`` is answered by ``GUILD_ROSTER_UPDATE`` shortly
after, as the server does. ``SendAddonMessage`` to the party, raid or guild comes back to the
sender as ``CHAT_MSG_ADDON`` (the server echoes group and guild addon messages); every
message is kept in ``client.addon_messages``. Battle.net features are off (the client is not
connected to Battle.net), so every Real ID list is empty; the mute list is empty.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wowapi_stubs.errors import WowApiError
from wowapi_stubs.widgets.base import as_int, flag_result, lua_int, lua_text, opt_text
from wowapi_stubs.world import Unit

if TYPE_CHECKING:
    from wowapi_stubs.host import Host

EVENTS = ("GUILD_ROSTER_UPDATE", "FRIENDLIST_UPDATE", "CHAT_MSG_ADDON")
GUILD_ROSTER_LATENCY = 0.2
MAX_ADDON_MESSAGE = 254  # prefix, tab and message, in bytes
# The channels a character in a capital city is in: (number, name).
DEFAULT_CHANNELS = ((1, "General"), (2, "Trade"), (3, "LocalDefense"))
ADDON_CHAT_TYPES = ("PARTY", "RAID", "GUILD", "BATTLEGROUND", "WHISPER")


# The ranks a new guild has in 3.3.5a, from rank 0 (GuildControlGetRankName's index is
# the rank plus one); the character leads its guild, others are members.
GUILD_RANKS = ("Guild Master", "Officer", "Veteran", "Member", "Initiate")
MEMBER_RANK = 3


def install(client: Host) -> dict[str, Callable[..., Any]]:
    world = client.world

    def guild_name() -> str:
        return world.player.guild

    def members() -> list[Unit]:
        if not guild_name():
            return []
        others = [Unit.from_who(e) for e in world.roster.online if e.guild == guild_name()
                  and e.name != world.player.name]
        return [world.player, *others]

    def GetGuildInfo(unit: Any = None) -> tuple[Any, ...]:
        if unit is None:
            raise WowApiError('Usage: GetGuildInfo("unit")')
        found = world.unit(lua_text(unit))
        if found is None or not found.guild:
            return ()
        rank = 0 if found is world.player else MEMBER_RANK
        return found.guild, GUILD_RANKS[rank], rank

    def GuildRoster() -> None:
        if guild_name():
            client.clock.call_later(GUILD_ROSTER_LATENCY,
                                    lambda: client.fire_internal("GUILD_ROSTER_UPDATE"))

    def GetNumGuildMembers(*_: Any) -> tuple[int, int]:
        count = len(members())
        return count, count

    def GetGuildRosterInfo(index: Any = None) -> tuple[Any, ...]:
        number = lua_int(index, what="index") if index is not None else 0
        roster = members()
        if not 1 <= number <= len(roster):
            return ()
        member = roster[number - 1]
        rank = 0 if member is world.player else MEMBER_RANK
        return (member.name, GUILD_RANKS[rank], rank,
                member.level, member.class_name, member.zone, "", "", 1, 0,
                member.class_token)

    def GuildControlGetRankName(index: Any = None) -> str:
        if index is None:
            raise WowApiError("Usage: GuildControlGetRankName(index)")
        number = lua_int(index, what="index")
        return GUILD_RANKS[number - 1] if guild_name() and 1 <= number <= len(GUILD_RANKS) \
            else ""

    def channel(key: Any) -> tuple[int, str] | None:
        if isinstance(key, int | float) and not isinstance(key, bool):
            return next((c for c in DEFAULT_CHANNELS if c[0] == as_int(key)), None)
        wanted = lua_text(key).lower()
        return next((c for c in DEFAULT_CHANNELS if c[1].lower() == wanted), None)

    def GetChannelName(key: Any = None) -> tuple[Any, ...]:
        if key is None:
            raise WowApiError('Usage: GetChannelName(id or "name")')
        found = channel(key)
        if found is None:
            return 0, None
        suffix = " - City" if found[1] == "Trade" else f" - {world.zone.name}"
        return found[0], found[1] + suffix, 0

    def SendAddonMessage(prefix: Any = None, text: Any = None, kind: Any = None,
                         target: Any = None) -> None:
        if prefix is None or text is None or kind is None:
            raise WowApiError('Usage: SendAddonMessage("prefix", "text", "type" [, "target"])')
        head, body = lua_text(prefix), lua_text(text)
        chat_type = lua_text(kind).upper()
        if chat_type not in ADDON_CHAT_TYPES:
            raise WowApiError(f"SendAddonMessage(): unknown chat type '{chat_type}'")
        if "\t" in head:
            raise WowApiError("SendAddonMessage(): the prefix cannot contain a tab")
        whom = opt_text(target)
        if chat_type == "WHISPER" and not whom:
            raise WowApiError('Usage: SendAddonMessage("prefix", "text", "WHISPER", "target")')
        room = MAX_ADDON_MESSAGE - len(head.encode("utf-8", "surrogateescape")) - 1
        body = body.encode("utf-8", "surrogateescape")[: max(0, room)].decode(
            "utf-8", "surrogateescape")
        client.addon_messages.append((head, body, chat_type, whom))
        echoed = {"PARTY": bool(world.party or world.raid), "RAID": bool(world.raid
                                                                         or world.party),
                  "GUILD": bool(guild_name()), "BATTLEGROUND": False,
                  "WHISPER": (whom or "").lower() == world.player.name.lower()}[chat_type]
        if echoed:
            client.fire_internal("CHAT_MSG_ADDON", head, body, chat_type, world.player.name)

    def ShowFriends() -> None:
        client.fire_internal("FRIENDLIST_UPDATE")

    def UnitIsInMyGuild(unit: Any = None) -> int | None:
        """Whether a unit (or a character named) is a member of the character's guild."""
        if unit is None:
            raise WowApiError('Usage: UnitIsInMyGuild("unit")')
        key = lua_text(unit, what="unit")
        found = world.unit(key)
        name = (found.name if found is not None else key.split("-", 1)[0]).lower()
        return flag_result(any(m.name.lower() == name for m in members()))

    # The channel pane lists the joined channels under their header.
    display = {"selected": None}

    def GetChannelDisplayInfo(index: Any = None) -> tuple[Any, ...]:
        number = lua_int(index, what="index") if index is not None else 0
        if number == 1:
            return ("Global Channels", 1, None, None, len(DEFAULT_CHANNELS), None, None, None,
                    None)
        if not 2 <= number <= len(DEFAULT_CHANNELS) + 1:
            return ()
        channel_number, name = DEFAULT_CHANNELS[number - 2]
        return (name, None, None, channel_number, 0, 1, "CHANNEL_CATEGORY_WORLD", None, None)

    def SetSelectedDisplayChannel(index: Any = None) -> None:
        display["selected"] = lua_int(index, what="index") if index is not None \
            else None

    return {
        "IsInGuild": lambda: flag_result(bool(guild_name())),
        "UnitIsInMyGuild": UnitIsInMyGuild,
        "GetGuildInfo": GetGuildInfo,
        "GuildRoster": GuildRoster,
        "GetNumGuildMembers": GetNumGuildMembers,
        "GetGuildRosterInfo": GetGuildRosterInfo,
        "GetGuildRosterMOTD": lambda: "",
        "GetGuildRosterShowOffline": lambda: None,
        "SetGuildRosterShowOffline": lambda *args: None,
        "GetGuildRosterSelection": lambda: 0,
        "IsGuildLeader": lambda: flag_result(bool(guild_name())),
        "GuildControlGetNumRanks": lambda: len(GUILD_RANKS) if guild_name() else 0,
        "GuildControlGetRankName": GuildControlGetRankName,
        "CanEditOfficerNote": lambda: flag_result(bool(guild_name())),
        "CanEditPublicNote": lambda: flag_result(bool(guild_name())),
        "CanViewOfficerNote": lambda: flag_result(bool(guild_name())),
        "CanGuildInvite": lambda: flag_result(bool(guild_name())),
        "ShowFriends": ShowFriends,
        "GetNumMutes": lambda: 0,
        # voice chat is off: nobody is silenced in a channel
        "UnitIsSilenced": lambda *args: None,
        "SetGuildRosterSelection": lambda *args: None,
        "BNFeaturesEnabled": lambda: None,
        "BNFeaturesEnabledAndConnected": lambda: None,
        "BNConnected": lambda: None,
        "BNGetInfo": lambda: None,
        "BNGetNumFriends": lambda: (0, 0),
        "BNGetNumFriendInvites": lambda: 0,
        "BNGetNumBlocked": lambda: 0,
        "BNGetNumBlockedToons": lambda: 0,
        "BNGetMaxPlayersInConversation": lambda: 5,
        "BNGetConversationInfo": lambda *args: None,
        "BNGetSelectedFriend": lambda: None,
        "BNGetFriendInfo": lambda *args: None,
        "BNIsSelf": lambda *args: None,
        "GetChannelList": lambda: tuple(v for c in DEFAULT_CHANNELS for v in c),
        "GetChannelName": GetChannelName,
        # Name completion offers friends, guild and group members: the character has none.
        "GetAutoCompleteResults": lambda *args: (),
        "GetAutoCompletePresenceID": lambda *args: None,  # no Battle.net friend
        "GetNumDisplayChannels": lambda: len(DEFAULT_CHANNELS) + 1,
        "GetChannelDisplayInfo": GetChannelDisplayInfo,
        "GetSelectedDisplayChannel": lambda: display["selected"],
        "SetSelectedDisplayChannel": SetSelectedDisplayChannel,
        "SendAddonMessage": SendAddonMessage,
    }
