"""Battle.net (Real ID) reads beyond the friend list: the client is not connected to
Battle.net (``BNConnected`` is nil) and logged in with a World of Warcraft account, so it
knows no Real ID friend, toon, friend of a friend, conversation member, pending invitation
or block. Queries of an id answer nothing, as the client does for an id it does not know;
counts are 0, selections 0 (none, as FrameXML's squelch list reads them). A missing id is
the client's usage error.

``BNGetCustomMessageTable(table)`` fills the table given with the friends' broadcasts and
returns it with the numbers of online and offline friends who have one: here the table
comes back as given, with 0 and 0.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wowapi_stubs.api._windows import indexed, nothing

if TYPE_CHECKING:
    from wowapi_stubs.host import Host


def install(client: Host) -> dict[str, Callable[..., Any]]:
    def BNGetCustomMessageTable(table: Any = None) -> tuple[Any, int, int]:
        return table, 0, 0

    return {
        "IsBNLogin": nothing,
        "BNGetFriendInfoByID": indexed("BNGetFriendInfoByID(presenceID)"),
        "BNGetToonInfo": indexed("BNGetToonInfo(toonID)"),
        "BNGetNumFriendToons": indexed("BNGetNumFriendToons(friendIndex)", answer=0),
        "BNGetFriendToonInfo": indexed("BNGetFriendToonInfo(friendIndex, toonIndex)", 1, 2),
        "BNIsFriend": indexed("BNIsFriend(presenceID)", answer=None),
        "BNGetNumFOF": indexed("BNGetNumFOF(presenceID)", answer=(0, 0)),
        "BNGetFOFInfo": indexed(
            "BNGetFOFInfo(presenceID, mutual, nonMutual, index)", 1, 2, 3, 4),
        "BNRequestFOFInfo": nothing,
        "BNGetFriendInviteInfo": indexed("BNGetFriendInviteInfo(inviteIndex)"),
        "BNGetNumConversationMembers": indexed("BNGetNumConversationMembers(conversationID)",
                                               answer=0),
        "BNGetConversationMemberInfo": indexed(
            "BNGetConversationMemberInfo(conversationID, memberIndex)", 1, 2),
        "BNGetCustomMessageTable": BNGetCustomMessageTable,
        "BNGetMatureLanguageFilter": nothing,
        "BNIsBlocked": indexed("BNIsBlocked(presenceID)", answer=None),
        "BNIsToonBlocked": indexed("BNIsToonBlocked(toonID)", answer=None),
        "BNGetBlockedInfo": indexed("BNGetBlockedInfo(index)"),
        "BNGetBlockedToonInfo": indexed("BNGetBlockedToonInfo(index)"),
        # no block exists to select
        "BNGetSelectedBlock": lambda: 0,
        "BNGetSelectedToonBlock": lambda: 0,
        "BNSetSelectedBlock": indexed("BNSetSelectedBlock(index)", answer=None),
        "BNSetSelectedToonBlock": indexed("BNSetSelectedToonBlock(index)", answer=None),
    }
