"""Achievements and statistics: their table, categories, criteria, links, what the character
completed and when, and the achievements it tracks.

The world answers from ``world.progress.achievements``
(:class:`~wowapi_stubs.progress.Achievements`): a small table of achievements and statistics
with the ids they have in 3.3.5a, the level achievements up to the character's level and a
few others completed a month before the session, the quest series in progress. Ids outside
the table answer nil. A category lists one achievement of each series (the first step not
completed yet, or the last one), unless asked for all of them; statistics answer as text.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wowapi_stubs.api.character_state import coin_texture_string
from wowapi_stubs.errors import WowApiError
from wowapi_stubs.progress import (
    ACHIEVEMENT_CATEGORIES,
    MAX_TRACKED_ACHIEVEMENTS,
    STATISTIC_CATEGORIES,
    Achievement,
    Achievements,
    Criterion,
)
from wowapi_stubs.widgets.base import (
    flag_result,
    lua_flag,
    lua_int,
    usage_int,
)

if TYPE_CHECKING:
    from wowapi_stubs.host import Host

ALL_CRITERIA_MET = 4294967295  # the criteria words of a completed achievement's link
_MONEY_STATISTICS = {328, 333, 334}


def install(client: Host) -> dict[str, Callable[..., Any]]:
    def table() -> Achievements:
        return client.world.progress.achievements

    def find(value: Any, usage_text: str) -> Achievement | None:
        return table().get(usage_int(value, usage_text))

    def completion(achievement: Achievement) -> tuple[Any, ...]:
        """completed, month, day, year (two digits); nil date when not completed."""
        done = table().completed.get(achievement.achievement_id)
        if done is None:
            return False, None, None, None
        return True, done.month, done.day, done.year % 100

    def info(achievement: Achievement) -> tuple[Any, ...]:
        completed, month, day, year = completion(achievement)
        return (achievement.achievement_id, achievement.name, achievement.points, completed,
                month, day, year, achievement.description, achievement.flags,
                achievement.icon, achievement.reward)

    def listed(category: int, include_all: bool = False) -> list[Achievement]:
        """What a category shows: statistics all, achievements one per series."""
        entries = table().in_category(category)
        if include_all or category in STATISTIC_CATEGORIES:
            return entries
        done = table().completed
        shown = []
        for entry in entries:
            previous_done = entry.previous is None or entry.previous in done
            following = table().next_of(entry.achievement_id)
            if entry.achievement_id in done:
                if following is None:
                    shown.append(entry)
            elif previous_done:
                shown.append(entry)
        return shown

    def GetAchievementInfo(first: Any = None, index: Any = None) -> tuple[Any, ...]:
        usage_text = "GetAchievementInfo(achievementID) or GetAchievementInfo(category, index)"
        if index is None:
            found = find(first, usage_text)
        else:
            entries = listed(usage_int(first, usage_text))
            number = usage_int(index, usage_text)
            found = entries[number - 1] if 1 <= number <= len(entries) else None
        return () if found is None else info(found)

    def GetAchievementLink(achievement_id: Any = None) -> str | None:
        found = find(achievement_id, "GetAchievementLink(achievementID)")
        if found is None:
            return None
        guid = client.world.player.guid.removeprefix("0x")
        completed, month, day, year = completion(found)
        if completed:
            state = f"1:{month}:{day}:{year}:" + ":".join([str(ALL_CRITERIA_MET)] * 4)
        else:
            state = "0:0:0:-1:0:0:0:0"
        return (f"|cffffff00|Hachievement:{found.achievement_id}:{guid}:{state}"
                f"|h[{found.name}]|h|r")

    def GetAchievementNumCriteria(achievement_id: Any = None) -> int:
        found = find(achievement_id, "GetAchievementNumCriteria(achievementID)")
        return 0 if found is None else len(found.criteria)

    def criterion_info(achievement: Achievement, criterion: Criterion) -> tuple[Any, ...]:
        quantity = table().quantity(achievement, criterion)
        met = quantity >= criterion.required
        if criterion.kind == 8:  # another achievement
            met = criterion.asset in table().completed
            quantity = int(met)
        return (criterion.text, criterion.kind, met, quantity, criterion.required,
                client.world.player.name if met else None, criterion.flags, criterion.asset,
                f"{quantity}/{criterion.required}", criterion.criteria_id)

    def GetAchievementCriteriaInfo(first: Any = None, index: Any = None) -> tuple[Any, ...]:
        usage_text = "GetAchievementCriteriaInfo(achievementID, index) or " \
                     "GetAchievementCriteriaInfo(criteriaID)"
        if index is None:
            criteria_id = usage_int(first, usage_text)
            for achievement in table().table.values():
                for criterion in achievement.criteria:
                    if criterion.criteria_id == criteria_id:
                        return criterion_info(achievement, criterion)
            return ()
        found = find(first, usage_text)
        number = usage_int(index, usage_text)
        if found is None or not 1 <= number <= len(found.criteria):
            return ()
        return criterion_info(found, found.criteria[number - 1])

    def GetAchievementCategory(achievement_id: Any = None) -> int | None:
        found = find(achievement_id, "GetAchievementCategory(achievementID)")
        return None if found is None else found.category

    def GetCategoryInfo(category: Any = None) -> tuple[Any, ...]:
        number = usage_int(category, "GetCategoryInfo(categoryID)")
        found = ACHIEVEMENT_CATEGORIES.get(number) or STATISTIC_CATEGORIES.get(number)
        return () if found is None else (found[0], found[1], 0)

    def GetCategoryNumAchievements(category: Any = None, include_all: Any = None
                                   ) -> tuple[int, int]:
        number = usage_int(category, "GetCategoryNumAchievements(categoryID)")
        entries = listed(number, lua_flag(include_all))
        done = sum(1 for e in entries if e.achievement_id in table().completed)
        return len(entries), done

    def achievements_only() -> list[Achievement]:
        return [a for a in table().table.values() if not a.statistic]

    def GetNumCompletedAchievements() -> tuple[int, int]:
        every = achievements_only()
        return len(every), sum(1 for a in every if a.achievement_id in table().completed)

    def GetTotalAchievementPoints() -> int:
        return sum(a.points for a in achievements_only()
                   if a.achievement_id in table().completed)

    def GetLatestCompletedAchievements() -> tuple[int, ...]:
        done = table().completed
        latest = sorted(done, key=lambda i: (done[i], i), reverse=True)
        return tuple(latest[:5])

    def GetStatistic(statistic_id: Any = None) -> str | None:
        found = find(statistic_id, "GetStatistic(achievementID)")
        if found is None or not found.statistic:
            return None
        if found.achievement_id in _MONEY_STATISTICS:
            return coin_texture_string(client.money if found.achievement_id != 333 else 0)
        return table().statistics.get(found.achievement_id, "--")

    def GetComparisonStatistic(statistic_id: Any = None) -> None:
        """No comparison unit is set (nobody's achievements were inspected): nil."""
        find(statistic_id, "GetComparisonStatistic(achievementID)")

    def GetPreviousAchievement(achievement_id: Any = None) -> int | None:
        found = find(achievement_id, "GetPreviousAchievement(achievementID)")
        return None if found is None else found.previous

    def GetNextAchievement(achievement_id: Any = None) -> tuple[Any, ...]:
        found = find(achievement_id, "GetNextAchievement(achievementID)")
        following = table().next_of(found.achievement_id) if found else None
        if following is None:
            return ()
        return following.achievement_id, following.achievement_id in table().completed

    def tracked_id(value: Any, usage_text: str) -> int:
        if value is None:
            raise WowApiError(f"Usage: {usage_text}")
        return lua_int(value, what="achievementID")

    def AddTrackedAchievement(achievement_id: Any = None) -> None:
        number = tracked_id(achievement_id, "AddTrackedAchievement(achievementID)")
        tracked = table().tracked
        if (table().get(number) is not None and number not in tracked
                and len(tracked) < MAX_TRACKED_ACHIEVEMENTS):
            tracked.append(number)

    def RemoveTrackedAchievement(achievement_id: Any = None) -> None:
        number = tracked_id(achievement_id, "RemoveTrackedAchievement(achievementID)")
        if number in table().tracked:
            table().tracked.remove(number)

    def IsTrackedAchievement(achievement_id: Any = None) -> int | None:
        number = tracked_id(achievement_id, "IsTrackedAchievement(achievementID)")
        return flag_result(number in table().tracked)

    def GetAchievementInfoFromCriteria(criteria_id: Any = None) -> tuple[Any, ...]:
        number = usage_int(criteria_id, "GetAchievementInfoFromCriteria(criteriaID)")
        found = next((a for a in table().table.values()
                      if any(c.criteria_id == number for c in a.criteria)), None)
        return () if found is None else info(found)

    return {
        # The achievement panel may open once the server sent the character's achievements.
        "CanShowAchievementUI": lambda: 1,
        "GetCategoryList": lambda: list(ACHIEVEMENT_CATEGORIES),
        "GetStatisticsCategoryList": lambda: list(STATISTIC_CATEGORIES),
        "GetAchievementInfo": GetAchievementInfo,
        "GetAchievementInfoFromCriteria": GetAchievementInfoFromCriteria,
        "GetAchievementLink": GetAchievementLink,
        "GetAchievementNumCriteria": GetAchievementNumCriteria,
        "GetAchievementCriteriaInfo": GetAchievementCriteriaInfo,
        "GetAchievementCategory": GetAchievementCategory,
        "GetCategoryInfo": GetCategoryInfo,
        "GetCategoryNumAchievements": GetCategoryNumAchievements,
        "GetNumCompletedAchievements": GetNumCompletedAchievements,
        "GetTotalAchievementPoints": GetTotalAchievementPoints,
        "GetLatestCompletedAchievements": GetLatestCompletedAchievements,
        "GetStatistic": GetStatistic,
        "GetComparisonStatistic": GetComparisonStatistic,
        "GetPreviousAchievement": GetPreviousAchievement,
        "GetNextAchievement": GetNextAchievement,
        "HasCompletedAnyAchievement": lambda: flag_result(bool(table().completed)),
        "GetTrackedAchievements": lambda: tuple(table().tracked),
        "GetNumTrackedAchievements": lambda: len(table().tracked),
        "IsTrackedAchievement": IsTrackedAchievement,
        "AddTrackedAchievement": AddTrackedAchievement,
        "RemoveTrackedAchievement": RemoveTrackedAchievement,
    }
