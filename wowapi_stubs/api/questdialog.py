"""An NPC's quest window: the greeting listing its quests, a quest's details, its progress and
its rewards.

The window is closed unless the world opens one (:func:`open_quest_dialog`, or choosing a
quest in a gossip window): closed, the texts are empty, the counts zero and the rows nil.
Accepting puts the quest into the log (``QUEST_ACCEPTED``, ``QUEST_LOG_UPDATE``); turning it in
takes it out, pays its money and records the quest and the chosen reward in the log's
``turned_in``; every way of leaving fires ``QUEST_FINISHED``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from wowapi_stubs.api._windows import answer
from wowapi_stubs.api.questlog import MAX_QUESTS, Quest, Reward, accept, reward_spell
from wowapi_stubs.widgets.base import (
    flag_result,
    lua_text,
    opt_int,
    usage,
    usage_int,
)

if TYPE_CHECKING:
    from wowapi_stubs.host import Host

# The event that shows each panel of the window.
PANEL_EVENTS = {"greeting": "QUEST_GREETING", "detail": "QUEST_DETAIL",
                "progress": "QUEST_PROGRESS", "reward": "QUEST_COMPLETE"}
EVENTS = (*PANEL_EVENTS.values(), "QUEST_FINISHED", "QUEST_LOG_UPDATE", "PLAYER_MONEY")
ERR_MUST_CHOOSE = "You must choose a reward."
ERR_LOG_FULL = "Your quest log is full."


@dataclass
class QuestDialog:
    """What an NPC's quest window shows: a panel of :data:`PANEL_EVENTS` and its quest."""

    panel: str = "greeting"
    quest: Quest | None = None
    greeting: str = ""
    available: list[Quest] = field(default_factory=list)  # quests the NPC offers
    active: list[Quest] = field(default_factory=list)  # the character's quests it takes
    material: str | None = None  # the panel's background; nil is the parchment
    auto_accept: bool = False
    pvp: bool = False  # accepting flags the character for PvP


def open_quest_dialog(client: Host, dialog: QuestDialog) -> QuestDialog:
    """The NPC opens its quest window on ``dialog.panel`` (firing that panel's event)."""
    if dialog.panel not in PANEL_EVENTS:
        raise ValueError(f"unknown quest panel {dialog.panel!r} (one of {', '.join(PANEL_EVENTS)})")
    client.world.quest_dialog = dialog
    answer(client, PANEL_EVENTS[dialog.panel])
    return dialog


def show_quest(client: Host, quest: Quest, panel: str) -> None:
    """Show ``quest`` on ``panel`` in the open quest window (opening one if needed)."""
    dialog = client.world.quest_dialog or QuestDialog()
    dialog.quest, dialog.panel = quest, panel
    open_quest_dialog(client, dialog)


def close_quest_dialog(client: Host) -> None:
    if client.world.quest_dialog is not None:
        client.world.quest_dialog = None
        answer(client, "QUEST_FINISHED")


def install(client: Host) -> dict[str, Callable[..., Any]]:
    def dialog() -> QuestDialog | None:
        return client.world.quest_dialog

    def quest() -> Quest | None:
        found = dialog()
        return found.quest if found and found.panel != "greeting" else None

    def text_of(attribute: str) -> Callable[[], str]:
        def read() -> str:
            found = quest()
            return getattr(found, attribute) if found else ""

        return read

    def value_of(attribute: str, default: Any = 0) -> Callable[[], Any]:
        def read() -> Any:
            found = quest()
            return getattr(found, attribute) if found else default

        return read

    def items(kind: str) -> list[Reward]:
        found = quest()
        if found is None:
            return []
        return {"required": found.required_items, "reward": found.rewards,
                "choice": found.choices}.get(kind, [])

    def item_arguments(name: str, kind: Any, index: Any) -> Reward | None:
        text = f"{name}(\"type\", index)"
        if kind is None:
            raise usage(text)
        number = usage_int(index, text)
        listed = items(lua_text(kind).lower())
        return listed[number - 1] if 1 <= number <= len(listed) else None

    def GetQuestItemInfo(kind: Any = None, index: Any = None) -> tuple[Any, ...] | None:
        found = item_arguments("GetQuestItemInfo", kind, index)
        return found.info() if found else None

    def GetQuestItemLink(kind: Any = None, index: Any = None) -> str | None:
        found = item_arguments("GetQuestItemLink", kind, index)
        return found.item.link if found else None

    def GetRewardSpell() -> tuple[Any, ...] | None:
        found = quest()
        return reward_spell(found.reward_spell) if found else None

    def GetQuestSpellLink() -> str | None:
        found = quest()
        return found.reward_spell.link if found and found.reward_spell else None

    def item_count(item_id: int) -> int:
        return sum(s.count for s in client.world.bags.contents.values()
                   if s.item.item_id == item_id)

    def IsQuestCompletable() -> int | None:
        found = quest()
        if found is None or dialog().panel != "progress" or not found.complete:
            return None
        enough_items = all(item_count(r.item.item_id) >= r.count for r in found.required_items)
        return flag_result(enough_items and client.money >= found.required_money)

    def CompleteQuest() -> None:
        found = dialog()
        if found is not None and found.panel == "progress" and IsQuestCompletable():
            found.panel = "reward"
            answer(client, "QUEST_COMPLETE")

    def GetQuestReward(choice: Any = None) -> None:
        found, current = dialog(), quest()
        if found is None or current is None or found.panel != "reward":
            return
        picked = opt_int(choice, 0)
        if current.choices and not 1 <= picked <= len(current.choices):
            client.ui_error(ERR_MUST_CHOOSE)
            return
        log = client.world.quest_log
        log.remove(current)
        log.turned_in.append((current.quest_id, picked if current.choices else 0))
        if current.daily:
            log.dailies_completed += 1
        earned = current.money - current.required_money
        close_quest_dialog(client)
        if earned:
            client.money += earned
            answer(client, "PLAYER_MONEY")
        answer(client, "QUEST_LOG_UPDATE")

    def AcceptQuest() -> None:
        found, current = dialog(), quest()
        if found is None or current is None or found.panel != "detail":
            return
        log = client.world.quest_log
        if len(log.quests) >= MAX_QUESTS:
            client.ui_error(ERR_LOG_FULL)
            return
        if current not in log.quests:
            accept(client, current)
        close_quest_dialog(client)

    def greeting_entry(attribute: str, name: str, index: Any) -> Quest | None:
        number = usage_int(index, f"{name}(index)")
        found = dialog()
        listed = getattr(found, attribute) if found and found.panel == "greeting" else []
        return listed[number - 1] if 1 <= number <= len(listed) else None

    def GetAvailableQuestInfo(index: Any = None) -> tuple[Any, ...] | None:
        found = greeting_entry("available", "GetAvailableQuestInfo", index)
        if found is None:
            return None
        return (flag_result(found.trivial), flag_result(found.daily),
                flag_result(found.repeatable))

    def GetAvailableTitle(index: Any = None) -> str | None:
        found = greeting_entry("available", "GetAvailableTitle", index)
        return found.title if found else None

    def GetActiveTitle(index: Any = None) -> tuple[Any, ...] | None:
        found = greeting_entry("active", "GetActiveTitle", index)
        return (found.title, flag_result(found.complete)) if found else None

    def IsActiveQuestTrivial(index: Any = None) -> int | None:
        found = greeting_entry("active", "IsActiveQuestTrivial", index)
        return flag_result(found is not None and found.trivial)

    def SelectAvailableQuest(index: Any = None) -> None:
        found = greeting_entry("available", "SelectAvailableQuest", index)
        if found is not None:
            show_quest(client, found, "detail")

    def SelectActiveQuest(index: Any = None) -> None:
        found = greeting_entry("active", "SelectActiveQuest", index)
        if found is not None:
            show_quest(client, found, "progress")

    def counted(attribute: str) -> Callable[[], int]:
        def count() -> int:
            found = dialog()
            return len(getattr(found, attribute)) if found and found.panel == "greeting" else 0

        return count

    def flag_of(attribute: str) -> Callable[[], int | None]:
        def read() -> int | None:
            found = dialog()
            return flag_result(bool(found and getattr(found, attribute)))

        return read

    return {
        "GetTitleText": text_of("title"),
        "GetQuestText": text_of("description"),
        "GetObjectiveText": text_of("objectives_text"),
        "GetProgressText": text_of("progress_text"),
        "GetRewardText": text_of("completion_text"),
        "GetGreetingText": lambda: dialog().greeting if dialog() else "",
        "GetNumQuestChoices": lambda: len(items("choice")),
        "GetNumQuestRewards": lambda: len(items("reward")),
        "GetNumQuestItems": lambda: len(items("required")),
        "GetQuestItemInfo": GetQuestItemInfo,
        "GetQuestItemLink": GetQuestItemLink,
        "GetRewardMoney": value_of("money"),
        "GetRewardXP": value_of("xp"),
        "GetRewardHonor": value_of("honor"),
        "GetRewardTalents": value_of("talents"),
        "GetRewardArenaPoints": value_of("arena_points"),
        "GetRewardTitle": value_of("reward_title", None),
        "GetRewardSpell": GetRewardSpell,
        "GetQuestSpellLink": GetQuestSpellLink,
        "GetQuestMoneyToGet": value_of("required_money"),
        "GetSuggestedGroupNum": value_of("group_size"),
        "IsQuestCompletable": IsQuestCompletable,
        "CompleteQuest": CompleteQuest,
        "GetQuestReward": GetQuestReward,
        "QuestChooseRewardError": lambda: client.ui_error(ERR_MUST_CHOOSE),
        "AcceptQuest": AcceptQuest,
        "DeclineQuest": lambda: close_quest_dialog(client),
        "CloseQuest": lambda: close_quest_dialog(client),
        "GetNumAvailableQuests": counted("available"),
        "GetNumActiveQuests": counted("active"),
        "GetAvailableQuestInfo": GetAvailableQuestInfo,
        "GetAvailableTitle": GetAvailableTitle,
        "GetActiveTitle": GetActiveTitle,
        "IsActiveQuestTrivial": IsActiveQuestTrivial,
        "SelectAvailableQuest": SelectAvailableQuest,
        "SelectActiveQuest": SelectActiveQuest,
        "GetQuestBackgroundMaterial": lambda: dialog().material if dialog() else None,
        "QuestGetAutoAccept": flag_of("auto_accept"),
        "QuestFlagsPVP": flag_of("pvp"),
    }
