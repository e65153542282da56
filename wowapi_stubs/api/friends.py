"""The friends and ignore lists (empty in a fresh client) and their selections.

``AddFriend``/``AddIgnore`` take a character the world knows (online in the roster, or one
that exists); the server's answer comes a moment later as the system message the client
prints, then ``FRIENDLIST_UPDATE``/``IGNORELIST_UPDATE``. Friends online (from the roster)
are listed first, then those offline, each part in name order; an offline friend's level is
0 and its class and area are unknown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wowapi_stubs.api._windows import answer
from wowapi_stubs.api.chat import server_name
from wowapi_stubs.errors import WowApiError
from wowapi_stubs.widgets.base import lua_int, lua_number, lua_text, opt_text

if TYPE_CHECKING:
    from wowapi_stubs.host import Host

EVENTS = ("FRIENDLIST_UPDATE", "IGNORELIST_UPDATE")
MAX_FRIENDS = 50
MAX_IGNORES = 50
UNKNOWN = "Unknown"
NOT_FOUND = "Player not found."


def install(client: Host) -> dict[str, Callable[..., Any]]:
    world = client.world
    lists = world.friend_lists
    say = client.system_message

    def character_name(value: Any) -> str:
        """The name a name or a unit id (``target``) gives."""
        text = lua_text(value)
        unit = world.unit(text)
        return unit.name if unit is not None and unit.is_player else server_name(text)

    def exists(name: str) -> str | None:
        """The character's name as the world spells it, if it exists."""
        online = world.roster.find_online(name)
        if online is not None:
            return online.name
        return name if world.roster.exists(name) else None

    def ordered() -> list[str]:
        names = sorted(lists.friends)
        online = [n for n in names if world.roster.find_online(n) is not None]
        return online + [n for n in names if n not in online]

    def friend_at(key: Any) -> str | None:
        names = ordered()
        if isinstance(key, bytes | str):
            wanted = lua_text(key).lower()
            return next((n for n in names if n.lower() == wanted), None)
        number = lua_int(key, what="index") if key is not None else 0
        return names[number - 1] if 1 <= number <= len(names) else None

    def GetNumFriends() -> tuple[int, int]:
        online = sum(1 for n in lists.friends if world.roster.find_online(n) is not None)
        return len(lists.friends), online

    def GetFriendInfo(key: Any = None) -> tuple[Any, ...]:
        """name, level, class, area, connected, status, note, Recruit-a-Friend flag."""
        name = friend_at(key)
        if name is None:
            return ()
        note = lists.friends[name] or None
        entry = world.roster.find_online(name)
        if entry is None:
            return name, 0, UNKNOWN, UNKNOWN, None, "", note, None
        unit = world.character(name)
        status = "<AFK>" if unit.afk else "<DND>" if unit.dnd else ""
        return entry.name, entry.level, entry.class_name, entry.zone, 1, status, note, None

    def AddFriend(name: Any = None, note: Any = None) -> None:
        if name is None:
            raise WowApiError('Usage: AddFriend("name" [, "note"])')
        wanted = character_name(name)
        if wanted.lower() == world.player.name.lower():
            return say("You can't put yourself on your friend list.")
        if any(n.lower() == wanted.lower() for n in lists.friends):
            return say(f"{wanted} is already your friend.")
        found = exists(wanted)
        if found is None:
            return say(NOT_FOUND)
        if world.character(found).faction not in ("Neutral", world.player.faction):
            return say("Friends must be part of your alliance.")
        if len(lists.friends) >= MAX_FRIENDS:
            return say("You don't have room for any more friends.")
        lists.friends[found] = opt_text(note) or ""
        say(f"{found} added to friends.")
        return answer(client, "FRIENDLIST_UPDATE")

    def RemoveFriend(key: Any = None) -> None:
        if key is None:
            raise WowApiError('Usage: RemoveFriend(index or "name")')
        name = friend_at(key)
        if name is None:
            return say(NOT_FOUND)
        del lists.friends[name]
        lists.selected_friend = min(lists.selected_friend, len(lists.friends))
        say(f"{name} removed from friends list.")
        return answer(client, "FRIENDLIST_UPDATE")

    def SetFriendNotes(key: Any = None, note: Any = None) -> None:
        if key is None:
            raise WowApiError('Usage: SetFriendNotes(index or "name", "note")')
        name = friend_at(key)
        if name is not None:
            lists.friends[name] = opt_text(note) or ""
            answer(client, "FRIENDLIST_UPDATE")

    def ignored(key: Any) -> str | None:
        if isinstance(key, bytes | str):
            wanted = character_name(key).lower()
            return next((n for n in lists.ignored if n.lower() == wanted), None)
        number = lua_int(key, what="index") if key is not None else 0
        return lists.ignored[number - 1] if 1 <= number <= len(lists.ignored) else None

    def AddIgnore(name: Any = None) -> None:
        if name is None:
            raise WowApiError('Usage: AddIgnore("name")')
        wanted = character_name(name)
        if wanted.lower() == world.player.name.lower():
            return say("You can't ignore yourself.")
        if ignored(wanted) is not None:
            return say(f"{wanted} is already being ignored.")
        found = exists(wanted)
        if found is None:
            return say(NOT_FOUND)
        if len(lists.ignored) >= MAX_IGNORES:
            return say("You can't ignore any more players.")
        lists.ignored.append(found)
        say(f"{found} is now being ignored.")
        return answer(client, "IGNORELIST_UPDATE")

    def DelIgnore(key: Any = None) -> None:
        if key is None:
            raise WowApiError('Usage: DelIgnore("name")')
        name = ignored(key)
        if name is None:
            return say(NOT_FOUND)
        lists.ignored.remove(name)
        lists.selected_ignore = min(lists.selected_ignore, len(lists.ignored))
        say(f"{name} is no longer being ignored.")
        return answer(client, "IGNORELIST_UPDATE")

    def AddOrDelIgnore(name: Any = None) -> None:
        if name is None:
            raise WowApiError('Usage: AddOrDelIgnore("name")')
        if ignored(name) is not None:
            DelIgnore(name)
        else:
            AddIgnore(name)

    def AddOrRemoveFriend(name: Any = None, note: Any = None) -> None:
        if name is None:
            raise WowApiError('Usage: AddOrRemoveFriend("name" [, "note"])')
        if friend_at(character_name(name)) is not None:
            RemoveFriend(character_name(name))
        else:
            AddFriend(name, note)

    def selector(attribute: str, count: Callable[[], int]) -> Callable[..., None]:
        def select(index: Any = None) -> None:
            number = lua_int(index, what="index") if index is not None else 0
            setattr(lists, attribute, number if 1 <= number <= count() else 0)

        return select

    return {
        "GetNumFriends": GetNumFriends,
        "GetFriendInfo": GetFriendInfo,
        "AddFriend": AddFriend,
        "RemoveFriend": RemoveFriend,
        "AddOrRemoveFriend": AddOrRemoveFriend,
        "SetFriendNotes": SetFriendNotes,
        "GetSelectedFriend": lambda: lists.selected_friend,
        "SetSelectedFriend": selector("selected_friend", lambda: len(lists.friends)),
        "GetNumIgnores": lambda: len(lists.ignored),
        "GetIgnoreName": lambda index=None: ignored(
            index if index is None else lua_number(index, what="index")),
        "AddIgnore": AddIgnore,
        "DelIgnore": DelIgnore,
        "AddOrDelIgnore": AddOrDelIgnore,
        "GetSelectedIgnore": lambda: lists.selected_ignore,
        "SetSelectedIgnore": selector("selected_ignore", lambda: len(lists.ignored)),
    }
