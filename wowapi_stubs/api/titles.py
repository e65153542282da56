"""Title names.

``GetTitleName`` reads the client's title table: the PvP rank titles (ids 1-14 the Alliance's,
15-28 the Horde's) carry their names, a prefix title ending in a space as the client spells it;
every other id up to the table's highest answers a stand-in name (``Title 42 ``), since each
id an addon asks about exists in the real table. (``GetActiveTitle``, despite its name, is
the quest greeting's: :mod:`wowapi_stubs.api.questdialog`.)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wowapi_stubs.widgets.base import usage_int

if TYPE_CHECKING:
    from wowapi_stubs.host import Host

MAX_TITLE_ID = 177
PVP_RANK_TITLES = (
    "Private", "Corporal", "Sergeant", "Master Sergeant", "Sergeant Major", "Knight",
    "Knight-Lieutenant", "Knight-Captain", "Knight-Champion", "Lieutenant Commander",
    "Commander", "Marshal", "Field Marshal", "Grand Marshal",
    "Scout", "Grunt", "Sergeant", "Senior Sergeant", "First Sergeant", "Stone Guard",
    "Blood Guard", "Legionnaire", "Centurion", "Champion", "Lieutenant General", "General",
    "Warlord", "High Warlord",
)


def title_name(title_id: int) -> str | None:
    """The name of title ``title_id`` as the client returns it, or None."""
    if 1 <= title_id <= len(PVP_RANK_TITLES):
        return f"{PVP_RANK_TITLES[title_id - 1]} "
    if title_id <= MAX_TITLE_ID and title_id > 0:
        return f"Title {title_id} "
    return None


def install(client: Host) -> dict[str, Callable[..., Any]]:
    def GetTitleName(title_id: Any = None) -> str | None:
        return title_name(usage_int(title_id, "GetTitleName(titleID)"))

    return {
        "GetTitleName": GetTitleName,
    }
