"""What the world keeps about the character's group and friends beyond who is in the group
(``World.party``/``World.raid``): raid assistants and subgroups, the loot method, a ready
check, invitations and duel requests waiting for an answer, and the friends and ignore
lists."""

from __future__ import annotations

from dataclasses import dataclass, field

READY_CHECK_SECONDS = 30


@dataclass
class ReadyCheck:
    """A ready check under way: who started it, when it ends (uptime), each member's answer
    by name (``ready``, ``notready``, ``waiting``)."""

    initiator: str
    ends: float
    answers: dict[str, str] = field(default_factory=dict)
    finished: bool = False


@dataclass
class GroupState:
    assistants: set[str] = field(default_factory=set)  # raid assistants by name
    subgroups: dict[str, int] = field(default_factory=dict)  # raid members moved, by name
    loot_method: str = "group"
    master_looter: str | None = None
    loot_threshold: int = 2  # uncommon, the group default
    roster_selection: int = 0  # the raid member selected in the raid panel
    ready_check: ReadyCheck | None = None
    invited: list[str] = field(default_factory=list)  # invitations sent, newest last
    invitation_from: str | None = None  # an invitation to the character's group
    duel_from: str | None = None  # a duel request not yet answered
    duel_with: str | None = None  # a duel accepted
    duel_asked: str | None = None  # a duel the character asked for


@dataclass
class FriendLists:
    friends: dict[str, str] = field(default_factory=dict)  # name -> note, in the order added
    ignored: list[str] = field(default_factory=list)
    selected_friend: int = 0
    selected_ignore: int = 0
