"""Action bars, the pet bar, totems and runes: what the action buttons of FrameXML query.

The character's 120 action slots hold nothing (a character whose bars were cleared), the
main bar shows page 1 and the extra bars are off; no pet is out; no totem is down. A death
knight has its six runes (two blood, two unholy, two frost), all ready.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wowapi_stubs.errors import WowApiError
from wowapi_stubs.widgets.base import lua_flag, lua_number

if TYPE_CHECKING:
    from wowapi_stubs.host import Host

EVENTS = ("ACTIONBAR_PAGE_CHANGED",)
NUM_ACTION_SLOTS = 120
NUM_ACTIONBAR_PAGES = 6
MAX_TOTEMS = 4
RUNE_TYPES = (1, 1, 2, 2, 3, 3)  # blood, unholy, frost (the rune frame's order)


def install(client: Host) -> dict[str, Callable[..., Any]]:
    state = {"page": 1, "toggles": [None, None, None, None]}

    def slot(value: Any, usage: str) -> int:
        if value is None:
            raise WowApiError(f"Usage: {usage}")
        return int(lua_number(value, what="slot"))

    def empty(usage: str, *result: Any) -> Callable[..., Any]:
        """An action query on an empty slot: checks the argument, gives ``result``."""
        def query(value: Any = None, *_: Any) -> Any:
            slot(value, usage)
            return result if len(result) != 1 else result[0]
        return query

    def ChangeActionBarPage(page: Any = None) -> None:
        number = slot(page, "ChangeActionBarPage(page)")
        if 1 <= number <= NUM_ACTIONBAR_PAGES and number != state["page"]:
            state["page"] = number
            client.fire_internal("ACTIONBAR_PAGE_CHANGED")

    def SetActionBarToggles(*flags: Any) -> None:
        state["toggles"] = [1 if lua_flag(f) else None for f in (*flags, None, None, None,
                                                                   None)[:4]]

    def is_death_knight() -> bool:
        return client.world.player.class_token == "DEATHKNIGHT"

    def GetRuneType(index: Any = None) -> int | None:
        number = slot(index, "GetRuneType(index)")
        return RUNE_TYPES[number - 1] if is_death_knight() and 1 <= number <= 6 else None

    def GetRuneCooldown(index: Any = None) -> tuple[Any, ...] | None:
        number = slot(index, "GetRuneCooldown(index)")
        return (0, 0, True) if is_death_knight() and 1 <= number <= 6 else None

    def GetTotemInfo(index: Any = None) -> tuple[Any, ...]:
        slot(index, "GetTotemInfo(slot)")
        return (False, "", 0, 0, "")

    return {
        "HasAction": empty("HasAction(slot)", None),
        "GetActionTexture": empty("GetActionTexture(slot)", None),
        "GetActionText": empty("GetActionText(slot)", None),
        "GetActionInfo": empty("GetActionInfo(slot)", None),
        "GetActionCount": empty("GetActionCount(slot)", 0),
        "GetActionCooldown": empty("GetActionCooldown(slot)", 0, 0, 0),
        "IsUsableAction": empty("IsUsableAction(slot)", None, None),
        "IsConsumableAction": empty("IsConsumableAction(slot)", None),
        "IsStackableAction": empty("IsStackableAction(slot)", None),
        "IsEquippedAction": empty("IsEquippedAction(slot)", None),
        "IsCurrentAction": empty("IsCurrentAction(slot)", None),
        "IsAutoRepeatAction": empty("IsAutoRepeatAction(slot)", None),
        "IsAttackAction": empty("IsAttackAction(slot)", None),
        "ActionHasRange": empty("ActionHasRange(slot)", None),
        "IsActionInRange": empty("IsActionInRange(slot)", None),
        "GetActionBarPage": lambda: state["page"],
        "ChangeActionBarPage": ChangeActionBarPage,
        "GetActionBarToggles": lambda: tuple(state["toggles"]),
        "SetActionBarToggles": SetActionBarToggles,
        "GetBonusBarOffset": lambda: 0,
        "IsPossessBarVisible": lambda: None,
        "GetPossessInfo": lambda *args: None,
        "HasPetSpells": lambda: None,
        "PetHasActionBar": lambda: None,
        "GetPetActionInfo": empty("GetPetActionInfo(index)", None),
        "GetPetActionCooldown": empty("GetPetActionCooldown(index)", 0, 0, 0),
        "IsPetAttackAction": empty("IsPetAttackAction(index)", None),
        "GetTotemInfo": GetTotemInfo,
        "GetTotemTimeLeft": lambda *args: 0,
        "GetRuneType": GetRuneType,
        "GetRuneCooldown": GetRuneCooldown,
        "GetMultiCastTotemSpells": lambda *args: None,
    }
