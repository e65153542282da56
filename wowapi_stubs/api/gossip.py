"""An NPC's gossip window: its text, its options and the quests it offers or takes.

Closed unless the world opens one (:func:`open_gossip` fires ``GOSSIP_SHOW``): closed, the
counts are zero, the lists empty and the text empty. Choosing an option records it in the
gossip's ``chosen``; an option of a service (vendor, trainer, taxi...) closes the window
(``GOSSIP_CLOSED``), as the service's own window takes its place. Choosing a quest closes the
gossip and opens the quest window on its details (an offered quest) or its progress (one
of the character's).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from wowapi_stubs.api._windows import answer
from wowapi_stubs.api.questdialog import show_quest
from wowapi_stubs.api.questlog import Quest
from wowapi_stubs.widgets.base import flag_result, usage_int

if TYPE_CHECKING:
    from wowapi_stubs.host import Host

EVENTS = ("GOSSIP_SHOW", "GOSSIP_CLOSED")
# Option kinds (GetGossipOptions' second value of each pair).
OPTION_TYPES = ("gossip", "vendor", "taxi", "trainer", "healer", "binder", "banker",
                "petition", "tabard", "battlemaster", "auctioneer")


@dataclass
class Gossip:
    """What an NPC's gossip window shows."""

    text: str = ""
    options: list[tuple[str, str]] = field(default_factory=list)  # (text, type)
    available: list[Quest] = field(default_factory=list)  # quests the NPC offers
    active: list[Quest] = field(default_factory=list)  # the character's quests it takes
    force: bool = False  # show the window even for a single service option
    chosen: list[int] = field(default_factory=list)  # options picked, in order

    def __post_init__(self) -> None:
        for _, kind in self.options:
            if kind not in OPTION_TYPES:
                raise ValueError(f"unknown gossip option type {kind!r}")


def open_gossip(client: Host, gossip: Gossip) -> Gossip:
    """The NPC opens its gossip window (``GOSSIP_SHOW``)."""
    client.world.gossip = gossip
    answer(client, "GOSSIP_SHOW")
    return gossip


def close_gossip(client: Host) -> None:
    if client.world.gossip is not None:
        client.world.gossip = None
        answer(client, "GOSSIP_CLOSED")


def install(client: Host) -> dict[str, Callable[..., Any]]:
    def gossip() -> Gossip | None:
        return client.world.gossip

    def listed(attribute: str) -> list[Any]:
        found = gossip()
        return getattr(found, attribute) if found else []

    def GetGossipOptions() -> tuple[str, ...]:
        return tuple(value for option in listed("options") for value in option)

    def GetGossipAvailableQuests() -> tuple[Any, ...]:
        return tuple(value for q in listed("available") for value in (
            q.title, q.level, flag_result(q.trivial), flag_result(q.daily),
            flag_result(q.repeatable)))

    def GetGossipActiveQuests() -> tuple[Any, ...]:
        return tuple(value for q in listed("active") for value in (
            q.title, q.level, flag_result(q.trivial), flag_result(q.complete)))

    def pick(attribute: str, name: str, index: Any) -> Any:
        number = usage_int(index, f"{name}(index)")
        found = listed(attribute)
        return found[number - 1] if 1 <= number <= len(found) else None

    def SelectGossipOption(index: Any = None, *_: Any) -> None:
        option = pick("options", "SelectGossipOption", index)
        found = gossip()
        if option is None or found is None:
            return
        found.chosen.append(found.options.index(option) + 1)
        if option[1] != "gossip":
            close_gossip(client)

    def quest_choice(attribute: str, name: str, panel: str) -> Callable[..., None]:
        def select(index: Any = None) -> None:
            quest = pick(attribute, name, index)
            if quest is not None:
                close_gossip(client)
                show_quest(client, quest, panel)

        return select

    return {
        "GetGossipText": lambda: gossip().text if gossip() else "",
        "GetNumGossipOptions": lambda: len(listed("options")),
        "GetGossipOptions": GetGossipOptions,
        "GetNumGossipAvailableQuests": lambda: len(listed("available")),
        "GetGossipAvailableQuests": GetGossipAvailableQuests,
        "GetNumGossipActiveQuests": lambda: len(listed("active")),
        "GetGossipActiveQuests": GetGossipActiveQuests,
        "SelectGossipOption": SelectGossipOption,
        "SelectGossipAvailableQuest": quest_choice("available", "SelectGossipAvailableQuest",
                                                   "detail"),
        "SelectGossipActiveQuest": quest_choice("active", "SelectGossipActiveQuest",
                                                "progress"),
        "CloseGossip": lambda: close_gossip(client),
        "ForceGossip": lambda: flag_result(bool(gossip() and gossip().force)),
    }
