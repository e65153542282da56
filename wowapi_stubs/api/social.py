"""Friends, ignore list, guild and Battle.net (Real ID), as the social panels query them.

The character has an empty friends and ignore list and is in the guild the settings name
(``character_guild``; none by default), whose roster holds the character alone.
Battle.net features are off (the client is not connected to Battle.net), so every Real ID
list is empty. ``ShowFriends`` answers with ``FRIENDLIST_UPDATE``, ``GuildRoster`` with
``GUILD_ROSTER_UPDATE``, as the server does.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from wowapi_stubs.host import Host

EVENTS = ("FRIENDLIST_UPDATE", "GUILD_ROSTER_UPDATE", "IGNORELIST_UPDATE")


def install(client: Host) -> dict[str, Callable[..., Any]]:
    world = client.world

    def in_guild() -> bool:
        return bool(world.player.guild)

    def GetGuildInfo(unit: Any = None) -> tuple[Any, ...] | None:
        if unit is None or not in_guild():
            return None
        return (world.player.guild, "Guild Master", 0)

    def ShowFriends() -> None:
        client.fire_internal("FRIENDLIST_UPDATE")

    def GuildRoster() -> None:
        if in_guild():
            client.fire_internal("GUILD_ROSTER_UPDATE", None)

    def GetGuildRosterInfo(index: Any = None) -> tuple[Any, ...] | None:
        if not in_guild() or index not in (1, 1.0):
            return None
        player = world.player
        return (player.name, "Guild Master", 0, player.level, player.class_name,
                world.zone.name, "", "", 1, 0, player.class_token)

    nothing = lambda *args: None  # noqa: E731

    return {
        "GetNumFriends": lambda: (0, 0),
        "GetFriendInfo": nothing,
        "ShowFriends": ShowFriends,
        "GetNumIgnores": lambda: 0,
        "GetIgnoreName": nothing,
        "GetNumMutes": lambda: 0,
        "IsInGuild": lambda: 1 if in_guild() else None,
        "GetGuildInfo": GetGuildInfo,
        "GuildRoster": GuildRoster,
        "GetNumGuildMembers": lambda *args: (1, 1) if in_guild() else (0, 0),
        "GetGuildRosterInfo": GetGuildRosterInfo,
        "GetGuildRosterMOTD": lambda: "",
        "GetGuildRosterSelection": lambda: 0,
        "SetGuildRosterSelection": nothing,
        "GetGuildRosterShowOffline": lambda: None,
        "IsGuildLeader": lambda *args: 1 if in_guild() else None,
        "CanGuildInvite": lambda: 1 if in_guild() else None,
        "BNFeaturesEnabled": nothing,
        "BNFeaturesEnabledAndConnected": nothing,
        "BNConnected": nothing,
        "BNGetInfo": nothing,
        "BNGetNumFriends": lambda: (0, 0),
        "BNGetNumFriendInvites": lambda: 0,
        "BNGetNumBlocked": lambda: 0,
        "BNGetNumBlockedToons": lambda: 0,
        "BNGetMaxPlayersInConversation": lambda: 5,
        "BNGetConversationInfo": nothing,
        "BNGetSelectedFriend": nothing,
        "BNGetFriendInfo": nothing,
        "BNIsSelf": nothing,
    }
