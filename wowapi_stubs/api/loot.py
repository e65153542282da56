"""Looting, as the loot window and group loot rolls query it.

Modelled state: no loot window is open (the character loots nothing in a session) and no
group loot roll is going on, so the slot queries answer for an empty window and the
actions on a slot or a roll do nothing, as the 3.3.5a client does with no window open.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wowapi_stubs.errors import WowApiError

if TYPE_CHECKING:
    from wowapi_stubs.host import Host


def install(client: Host) -> dict[str, Callable[..., Any]]:
    def slot_query(usage: str) -> Callable[..., Any]:
        """A query about one loot slot or roll: nothing is there."""
        def query(index: Any = None, *_: Any) -> tuple[()]:
            if index is None:
                raise WowApiError(f"Usage: {usage}")
            return ()

        return query

    nothing = lambda *args: None  # noqa: E731

    return {
        "GetNumLootItems": lambda: 0,
        "GetLootSlotInfo": slot_query("GetLootSlotInfo(slot)"),
        "LootSlotIsItem": slot_query("LootSlotIsItem(slot)"),
        "LootSlotIsCoin": slot_query("LootSlotIsCoin(slot)"),
        "GetLootSlotLink": slot_query("GetLootSlotLink(slot)"),
        "GetLootRollItemInfo": slot_query("GetLootRollItemInfo(rollID)"),
        "GetLootRollItemLink": slot_query("GetLootRollItemLink(rollID)"),
        "RollOnLoot": slot_query("RollOnLoot(rollID[, rollType])"),  # no roll to answer
        "GetLootRollTimeLeft": lambda *args: 0,
        "IsFishingLoot": nothing,
        "LootSlot": nothing,
        "ConfirmLootSlot": nothing,
        "ConfirmLootRoll": nothing,
        "GiveMasterLoot": nothing,
        "CloseLoot": nothing,
    }
