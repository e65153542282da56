"""The quest log: its rows, the selected quest's details and rewards, watches and timers.

The world's :class:`QuestLog` (``client.world.quest_log``) is empty by default; tests and
the NPC quest window add :class:`Quest` entries. Rows are the zone headers in the order their
first quest arrived, each followed by its quests unless collapsed. Functions without a quest
index answer for the selected row (``SelectQuestLogEntry``); a header or nothing selected
answers zeros, empty texts and nil rewards, as the client does.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from wowapi_stubs.api._windows import answer, headed_rows, set_collapsed
from wowapi_stubs.api.container import Item
from wowapi_stubs.widgets.base import (
    flag_result,
    lua_int,
    lua_text,
    usage,
    usage_int,
)

if TYPE_CHECKING:
    from wowapi_stubs.host import Host
    from wowapi_stubs.world import Spell, World

EVENTS = ("QUEST_ACCEPTED", "QUEST_LOG_UPDATE")
MAX_QUESTS = 25  # quests a log holds; also the most a character may watch
MAX_DAILY_QUESTS = 25
DAILY_RESET_HOUR = 6  # realm time (the clock's UTC) at which daily quests reset


@dataclass
class Reward:
    """An item a quest gives, offers as a choice, or asks for."""

    item: Item
    count: int = 1
    usable: bool = True

    def info(self) -> tuple[Any, ...]:
        """``name, texture, numItems, quality, isUsable``."""
        return (self.item.name, self.item.texture, self.count, self.item.quality,
                flag_result(self.usable))


@dataclass
class Objective:
    """One line of a quest's leader board (``Ghouls slain: 3/10``)."""

    text: str
    kind: str = "monster"  # item, monster, object, event, reputation, log
    done: bool = False


@dataclass(eq=False)  # one entry is itself, not any entry alike
class Quest:
    """A quest as the log and an NPC's quest window show it."""

    quest_id: int
    title: str
    level: int = 80
    header: str = "Dalaran"  # the zone or category the log lists it under
    description: str = ""
    objectives_text: str = ""
    objectives: list[Objective] = field(default_factory=list)
    progress_text: str = ""  # what the NPC says while the quest is not turned in
    completion_text: str = ""  # what the NPC says on the reward panel
    return_text: str = ""  # the log's line once the objectives are done ("Return to ...")
    tag: str | None = None  # Elite, Group, Dungeon, Raid, PvP, Heroic
    group_size: int = 0
    daily: bool = False
    repeatable: bool = False
    trivial: bool = False
    failed: bool = False
    rewards: list[Reward] = field(default_factory=list)
    choices: list[Reward] = field(default_factory=list)
    required_items: list[Reward] = field(default_factory=list)
    money: int = 0
    xp: int = 0
    honor: int = 0
    talents: int = 0
    arena_points: int = 0
    reputation: list[tuple[int, int]] = field(default_factory=list)  # (faction id, amount)
    reward_title: str | None = None
    reward_spell: Spell | None = None
    required_money: int = 0
    time_left: float | None = None  # seconds, for a timed quest
    special_item: Item | None = None  # an item the quest gave, usable from the log
    special_charges: int = 0
    map_area_id: int = 0
    map_floor: int = 0
    map_position: tuple[float, float] | None = None  # its map icon (x, y from 0 to 1)
    shareable: bool = True
    party_members: set[str] = field(default_factory=set)  # names also on the quest

    @property
    def complete(self) -> bool:
        return not self.failed and all(o.done for o in self.objectives)

    @property
    def state(self) -> int | None:
        """``isComplete`` of ``GetQuestLogTitle``: 1 done, -1 failed, nil otherwise."""
        return -1 if self.failed else (1 if self.complete else None)

    @property
    def link(self) -> str:
        return f"|cffffff00|Hquest:{self.quest_id}:{self.level}|h[{self.title}]|h|r"


class QuestLog:
    """The character's quests, in the order they were accepted, and the log's view state."""

    def __init__(self) -> None:
        self.quests: list[Quest] = []
        self.collapsed: set[str] = set()
        self.watched: list[Quest] = []
        self.selected = 0  # row index; 0 is nothing
        self.abandoning: Quest | None = None
        self.turned_in: list[tuple[int, int]] = []  # (quest id, reward chosen) turned in
        self.dailies_completed = 0
        self.shared: Quest | None = None  # a quest a party member offers (ConfirmAcceptQuest)
        self.pushed: list[Quest] = []  # quests shared with the group (QuestLogPushQuest)
        self.items_used: list[Quest] = []  # quests whose special item was used

    def add(self, quest: Quest) -> Quest:
        if len(self.quests) >= MAX_QUESTS:
            raise ValueError(f"the quest log holds at most {MAX_QUESTS} quests")
        self.quests.append(quest)
        return quest

    def remove(self, quest: Quest) -> None:
        if quest in self.quests:
            self.quests.remove(quest)
        if quest in self.watched:
            self.watched.remove(quest)

    def headers(self) -> list[str]:
        return list(dict.fromkeys(q.header for q in self.quests))

    def rows(self) -> list[str | Quest]:
        """What the log lists: each header, then its quests unless the header is collapsed."""
        return headed_rows(self.quests, lambda q: q.header, self.collapsed)

    def row(self, index: int) -> str | Quest | None:
        rows = self.rows()
        return rows[index - 1] if 1 <= index <= len(rows) else None

    def quest(self, index: int) -> Quest | None:
        found = self.row(index)
        return found if isinstance(found, Quest) else None

    def index_of(self, quest: Quest) -> int | None:
        rows = self.rows()
        return rows.index(quest) + 1 if quest in rows else None

    def selected_quest(self) -> Quest | None:
        return self.quest(self.selected)

    def timed(self) -> list[Quest]:
        return [q for q in self.quests if q.time_left is not None]


def accept(client: Host, quest: Quest) -> int | None:
    """Put ``quest`` into the log as accepting it does: ``QUEST_ACCEPTED`` with its row
    index, then ``QUEST_LOG_UPDATE``. Returns the row index (nil under a collapsed header)."""
    log = client.world.quest_log
    log.add(quest)
    index = log.index_of(quest)
    answer(client, "QUEST_ACCEPTED", index or 0)
    answer(client, "QUEST_LOG_UPDATE")
    return index


def _header_row(log: QuestLog, name: str) -> tuple[Any, ...]:
    return (name, 0, None, 0, 1, flag_result(name in log.collapsed), None, None, 0)


def _quest_row(quest: Quest) -> tuple[Any, ...]:
    return (quest.title, quest.level, quest.tag, quest.group_size, None, None, quest.state,
            flag_result(quest.daily), quest.quest_id)


def reward_spell(spell: Spell | None) -> tuple[Any, ...] | None:
    """``texture, name, isTradeskillSpell, isSpellLearned`` of a reward spell."""
    return (spell.icon, spell.name, None, None) if spell is not None else None


def seconds_to_reset(world_now: datetime) -> int:
    """Seconds until the next daily reset (``DAILY_RESET_HOUR`` o'clock)."""
    reset = world_now.replace(hour=DAILY_RESET_HOUR, minute=0, second=0, microsecond=0)
    if reset <= world_now:
        reset += timedelta(days=1)
    return int((reset - world_now).total_seconds())


def install(client: Host) -> dict[str, Callable[..., Any]]:
    def log() -> QuestLog:
        return client.world.quest_log

    def world() -> World:
        return client.world

    def index_arg(value: Any, text: str) -> int:
        return usage_int(value, text)

    def selected() -> Quest | None:
        return log().selected_quest()

    def SelectQuestLogEntry(index: Any = None) -> None:
        log().selected = lua_int(index) if index is not None else 0

    def GetQuestLogTitle(index: Any = None) -> tuple[Any, ...] | None:
        found = log().row(index_arg(index, "GetQuestLogTitle(index)"))
        if found is None:
            return None
        return _header_row(log(), found) if isinstance(found, str) else _quest_row(found)

    def SetAbandonQuest() -> None:
        log().abandoning = selected()

    def GetAbandonQuestName() -> str | None:
        quest = log().abandoning
        return quest.title if quest else None

    def GetAbandonQuestItems() -> str | None:
        quest = log().abandoning
        return quest.special_item.name if quest and quest.special_item else None

    def AbandonQuest() -> None:
        quest = log().abandoning
        if quest is None or quest not in log().quests:
            return
        log().remove(quest)
        log().abandoning = None
        answer(client, "QUEST_LOG_UPDATE")

    def GetQuestLogPushable(index: Any = None) -> int | None:
        quest = selected() if index is None else log().quest(lua_int(index))
        grouped = bool(world().party or world().raid)
        return flag_result(quest is not None and quest.shareable and grouped)

    def reward_info(kind: str) -> Callable[..., tuple[Any, ...] | None]:
        def info(index: Any = None) -> tuple[Any, ...] | None:
            number = index_arg(index, f"GetQuestLog{kind}Info(index)")
            quest = selected()
            items = (quest.rewards if kind == "Reward" else quest.choices) if quest else []
            return items[number - 1].info() if 1 <= number <= len(items) else None

        return info

    def GetQuestLogItemLink(kind: Any = None, index: Any = None) -> str | None:
        text = "GetQuestLogItemLink(\"type\", index)"
        if kind is None:
            raise usage(text)
        number = index_arg(index, text)
        quest = selected()
        items = {"reward": quest.rewards, "choice": quest.choices,
                 "required": quest.required_items}.get(lua_text(kind).lower(), []) \
            if quest else []
        return items[number - 1].item.link if 1 <= number <= len(items) else None

    def GetQuestLink(index: Any = None) -> str | None:
        quest = log().quest(index_arg(index, "GetQuestLink(index)"))
        return quest.link if quest else None

    def GetQuestLogQuestText() -> tuple[str, str]:
        quest = selected()
        return (quest.description, quest.objectives_text) if quest else ("", "")

    def quest_or_selected(index: Any, text: str) -> Quest | None:
        return selected() if index is None else log().quest(usage_int(index, text))

    def GetNumQuestLeaderBoards(index: Any = None) -> int:
        quest = quest_or_selected(index, "GetNumQuestLeaderBoards([questIndex])")
        return len(quest.objectives) if quest else 0

    def GetQuestLogLeaderBoard(index: Any = None, quest_index: Any = None
                               ) -> tuple[Any, ...] | None:
        number = index_arg(index, "GetQuestLogLeaderBoard(index[, questIndex])")
        quest = quest_or_selected(quest_index, "GetQuestLogLeaderBoard(index[, questIndex])")
        if quest is None or not 1 <= number <= len(quest.objectives):
            return None
        objective = quest.objectives[number - 1]
        return objective.text, objective.kind, flag_result(objective.done)

    def selected_value(attribute: str, default: Any = 0) -> Callable[..., Any]:
        def read(index: Any = None) -> Any:
            quest = selected() if index is None else log().quest(lua_int(index))
            return getattr(quest, attribute) if quest else default

        return read

    def GetQuestLogRewardSpell() -> tuple[Any, ...] | None:
        quest = selected()
        return reward_spell(quest.reward_spell) if quest else None

    def GetQuestLogSpellLink() -> str | None:
        quest = selected()
        return quest.reward_spell.link if quest and quest.reward_spell else None

    def GetQuestLogTimeLeft() -> int | None:
        quest = selected()
        return int(quest.time_left) if quest and quest.time_left is not None else None

    def special_item(index: Any, text: str) -> Quest | None:
        quest = log().quest(index_arg(index, text))
        return quest if quest and quest.special_item else None

    def GetQuestLogSpecialItemInfo(index: Any = None) -> tuple[Any, ...] | None:
        quest = special_item(index, "GetQuestLogSpecialItemInfo(questIndex)")
        if quest is None or quest.special_item is None:
            return None
        return quest.special_item.link, quest.special_item.texture, quest.special_charges

    def GetQuestLogSpecialItemCooldown(index: Any = None) -> tuple[int, int, int] | None:
        quest = special_item(index, "GetQuestLogSpecialItemCooldown(questIndex)")
        return (0, 0, 1) if quest else None  # start, duration, enabled: ready

    def GetQuestWorldMapAreaID(quest_id: Any = None) -> tuple[int, int]:
        number = index_arg(quest_id, "GetQuestWorldMapAreaID(questID)")
        quest = next((q for q in log().quests if q.quest_id == number), None)
        return (quest.map_area_id, quest.map_floor) if quest else (0, 0)

    def AddQuestWatch(index: Any = None, *_: Any) -> None:
        quest = log().quest(index_arg(index, "AddQuestWatch(index[, watchTime])"))
        watched = log().watched
        if quest is not None and quest not in watched and len(watched) < MAX_QUESTS:
            watched.append(quest)

    def RemoveQuestWatch(index: Any = None) -> None:
        quest = log().quest(index_arg(index, "RemoveQuestWatch(index)"))
        if quest in log().watched:
            log().watched.remove(quest)

    def IsQuestWatched(index: Any = None) -> int | None:
        quest = log().quest(index_arg(index, "IsQuestWatched(index)"))
        return flag_result(quest is not None and quest in log().watched)

    def GetQuestIndexForWatch(index: Any = None) -> int | None:
        number = index_arg(index, "GetQuestIndexForWatch(watchIndex)")
        watched = log().watched
        return log().index_of(watched[number - 1]) if 1 <= number <= len(watched) else None

    def GetQuestIndexForTimer(index: Any = None) -> int | None:
        number = index_arg(index, "GetQuestIndexForTimer(timerIndex)")
        timed = log().timed()
        return log().index_of(timed[number - 1]) if 1 <= number <= len(timed) else None

    def GetQuestTimers() -> tuple[int, ...]:
        return tuple(int(q.time_left or 0) for q in log().timed())

    def header_toggle(collapse: bool, name: str) -> Callable[..., None]:
        def toggle(index: Any = None) -> None:
            number = index_arg(index, f"{name}(index)")
            headers = log().headers() if number == 0 else [log().row(number)]
            if set_collapsed(log().collapsed, headers, collapse):
                answer(client, "QUEST_LOG_UPDATE")

        return toggle

    def IsUnitOnQuest(index: Any = None, unit: Any = None) -> int | None:
        text = "IsUnitOnQuest(questIndex, \"unit\")"
        quest = log().quest(index_arg(index, text))
        if unit is None:
            raise usage(text)
        member = world().unit(lua_text(unit))
        if quest is None or member is None:
            return None
        return flag_result(member is world().player or member.name in quest.party_members)

    def GetQuestSortIndex(index: Any = None) -> int:
        quest = log().quest(index_arg(index, "GetQuestSortIndex(questIndex)"))
        if quest is None:
            return 0
        return log().rows().index(quest.header) + 1

    def GetQuestResetTime() -> int:
        return seconds_to_reset(client.now)

    def ConfirmAcceptQuest() -> None:
        quest, log().shared = log().shared, None
        if quest is not None and len(log().quests) < MAX_QUESTS:
            accept(client, quest)

    def GetQuestWatchIndex(index: Any = None) -> int | None:
        quest = log().quest(index_arg(index, "GetQuestWatchIndex(questIndex)"))
        watched = log().watched
        return watched.index(quest) + 1 if quest in watched else None

    def ShiftQuestWatches(first: Any = None, second: Any = None) -> None:
        text = "ShiftQuestWatches(watchIndex, watchIndex)"
        one, two = index_arg(first, text), index_arg(second, text)
        watched = log().watched
        if 1 <= one <= len(watched) and 1 <= two <= len(watched):
            watched.insert(two - 1, watched.pop(one - 1))

    def GetQuestLogRewardFactionInfo(index: Any = None) -> tuple[int, int] | None:
        number = index_arg(index, "GetQuestLogRewardFactionInfo(index)")
        quest = selected()
        found = quest.reputation if quest else []
        return found[number - 1] if 1 <= number <= len(found) else None

    def GetQuestLogCompletionText(index: Any = None) -> str | None:
        quest = log().quest(index_arg(index, "GetQuestLogCompletionText(questIndex)"))
        return quest.return_text if quest else None

    def IsQuestLogSpecialItemInRange(index: Any = None) -> int | None:
        found = special_item(index, "IsQuestLogSpecialItemInRange(questIndex)")
        return 1 if found else None

    def UseQuestLogSpecialItem(index: Any = None) -> None:
        if not client.protected_call("UseQuestLogSpecialItem"):
            return
        quest = special_item(index, "UseQuestLogSpecialItem(questIndex)")
        if quest is not None:
            log().items_used.append(quest)

    def QuestLogPushQuest(index: Any = None) -> None:
        quest = selected() if index is None else log().quest(
            index_arg(index, "QuestLogPushQuest([questIndex])"))
        if quest is not None and quest.shareable and (world().party or world().raid):
            log().pushed.append(quest)

    def on_map() -> list[Quest]:
        here = world().zone.map_area_id
        return [q for q in log().quests if q.map_area_id == here and log().index_of(q)]

    def QuestPOIGetQuestIDByVisibleIndex(index: Any = None) -> tuple[int, int] | None:
        number = index_arg(index, "QuestPOIGetQuestIDByVisibleIndex(index)")
        found = on_map()
        if not 1 <= number <= len(found):
            return None
        quest = found[number - 1]
        return quest.quest_id, log().index_of(quest) or 0

    def QuestPOIGetIconInfo(quest_id: Any = None) -> tuple[Any, ...] | None:
        number = index_arg(quest_id, "QuestPOIGetIconInfo(questID)")
        quest = next((q for q in log().quests if q.quest_id == number), None)
        if quest is None or quest.map_position is None:
            return None
        return flag_result(quest.complete), *quest.map_position, 0

    def drops(*args: Any) -> None:
        return None  # no objective drops an item the world tracks

    return {
        "GetNumQuestLogEntries": lambda: (len(log().rows()), len(log().quests)),
        "GetQuestLogSelection": lambda: log().selected,
        "SelectQuestLogEntry": SelectQuestLogEntry,
        "GetQuestLogTitle": GetQuestLogTitle,
        "GetQuestLogPushable": GetQuestLogPushable,
        "GetQuestTimers": GetQuestTimers,
        "QuestMapUpdateAllQuests": lambda: len(on_map()),  # quests of the shown map
        "QuestPOIGetQuestIDByVisibleIndex": QuestPOIGetQuestIDByVisibleIndex,
        "QuestPOIGetIconInfo": QuestPOIGetIconInfo,
        "QuestPOIUpdateIcons": lambda: None,
        "SetAbandonQuest": SetAbandonQuest,
        "GetAbandonQuestName": GetAbandonQuestName,
        "GetAbandonQuestItems": GetAbandonQuestItems,
        "AbandonQuest": AbandonQuest,
        "GetNumQuestWatches": lambda: len(log().watched),
        "IsQuestWatched": IsQuestWatched,
        "AddQuestWatch": AddQuestWatch,
        "RemoveQuestWatch": RemoveQuestWatch,
        "GetQuestIndexForWatch": GetQuestIndexForWatch,
        "GetQuestIndexForTimer": GetQuestIndexForTimer,
        "GetNumQuestLeaderBoards": GetNumQuestLeaderBoards,
        "GetQuestLogLeaderBoard": GetQuestLogLeaderBoard,
        "GetNumQuestLogRewards": lambda: len(selected().rewards) if selected() else 0,
        "GetNumQuestLogChoices": lambda: len(selected().choices) if selected() else 0,
        "GetQuestLogRewardInfo": reward_info("Reward"),
        "GetQuestLogChoiceInfo": reward_info("Choice"),
        "GetQuestLogItemLink": GetQuestLogItemLink,
        "GetQuestLogRewardMoney": selected_value("money"),
        "GetQuestLogRewardXP": selected_value("xp"),
        "GetQuestLogRewardHonor": selected_value("honor"),
        "GetQuestLogRewardTalents": selected_value("talents"),
        "GetQuestLogRewardTitle": selected_value("reward_title", None),
        "GetQuestLogRequiredMoney": selected_value("required_money"),
        "GetQuestLogGroupNum": selected_value("group_size"),
        "GetQuestLogRewardSpell": GetQuestLogRewardSpell,
        "GetQuestLogSpellLink": GetQuestLogSpellLink,
        "GetQuestLogQuestText": GetQuestLogQuestText,
        "GetQuestLogTimeLeft": GetQuestLogTimeLeft,
        "GetQuestLink": GetQuestLink,
        "GetQuestLogSpecialItemInfo": GetQuestLogSpecialItemInfo,
        "GetQuestLogSpecialItemCooldown": GetQuestLogSpecialItemCooldown,
        "GetQuestWorldMapAreaID": GetQuestWorldMapAreaID,
        "ExpandQuestHeader": header_toggle(False, "ExpandQuestHeader"),
        "CollapseQuestHeader": header_toggle(True, "CollapseQuestHeader"),
        "IsUnitOnQuest": IsUnitOnQuest,
        "GetQuestSortIndex": GetQuestSortIndex,
        "GetQuestResetTime": GetQuestResetTime,
        "GetDailyQuestsCompleted": lambda: log().dailies_completed,
        "GetMaxDailyQuests": lambda: MAX_DAILY_QUESTS,
        "ConfirmAcceptQuest": ConfirmAcceptQuest,
        "GetQuestWatchIndex": GetQuestWatchIndex,
        "ShiftQuestWatches": ShiftQuestWatches,
        "SortQuestWatches": lambda: None,  # watches keep the order they were added in
        "GetNumQuestLogRewardFactions": lambda: len(selected().reputation) if selected() else 0,
        "GetQuestLogRewardFactionInfo": GetQuestLogRewardFactionInfo,
        "GetQuestLogRewardArenaPoints": selected_value("arena_points"),
        "IsCurrentQuestFailed": lambda: flag_result(bool(selected() and selected().failed)),
        "GetQuestLogCompletionText": GetQuestLogCompletionText,
        "GetNumQuestItemDrops": lambda *args: 0,
        "GetQuestLogItemDrop": drops,
        "GetQuestPOILeaderBoard": drops,
        "ProcessQuestLogRewardFactions": lambda: None,  # faction names are known already
        "IsQuestLogSpecialItemInRange": IsQuestLogSpecialItemInRange,
        "UseQuestLogSpecialItem": UseQuestLogSpecialItem,
        "QuestLogPushQuest": QuestLogPushQuest,
    }
