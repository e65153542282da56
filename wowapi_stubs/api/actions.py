"""Action bars, the pet bar, totems, companions and macros of a character who has placed
nothing on them: every slot answers empty, as the client does for an empty slot."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from wowapi_stubs.host import Host


def _nothing(*_: Any) -> None:
    return None


def _no_cooldown(*_: Any) -> tuple[int, int, int]:
    return 0, 0, 1


def install(client: Host) -> dict[str, Callable[..., Any]]:
    empty = dict.fromkeys(
        ("HasAction", "GetActionInfo", "GetActionTexture", "GetActionText",
         "IsActionInRange", "IsCurrentAction", "IsAutoRepeatAction", "IsAttackAction",
         "IsEquippedAction", "IsConsumableAction", "IsStackableAction", "GetPossessInfo",
         "HasPetUI", "PetHasActionBar", "GetPetActionInfo", "HasVehicleActionBar",
         "GetCompanionInfo", "GetMacroInfo", "GetMacroBody", "GetMacroIndexByName",
         "GetPetIcon", "HasPetSpells", "GetPetTalentTree", "IsPetAttackActive",
         "HasBonusActionBar", "GetPetActionSlotUsable"), _nothing)
    return {
        **empty,
        "GetActionCooldown": _no_cooldown,
        "GetPetActionCooldown": _no_cooldown,
        "GetActionCount": lambda *args: 0,
        "IsUsableAction": lambda *args: (None, None),
        "GetActionBarPage": lambda: 1,
        "GetBonusBarOffset": lambda: 0,
        "GetNumCompanions": lambda *args: 0,
        "GetNumMacros": lambda: (0, 0),
        "GetTotemInfo": lambda *args: (None, "", 0, 0, ""),
        "GetPetExperience": lambda: (0, 0),
        "GetPetHappiness": lambda: None,
    }
