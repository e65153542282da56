"""Action bars, the pet bar, totems, runes and companions of a character who has
placed nothing on them: every slot answers empty, as the client does for an empty slot. The
main bar shows page 1 until ``ChangeActionBarPage``; the extra bars are off until
``SetActionBarToggles``. A death knight has its six runes (two blood, two unholy, two frost),
all ready."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wowapi_stubs.widgets.base import lua_flag, lua_int, usage, usage_number

if TYPE_CHECKING:
    from wowapi_stubs.host import Host

EVENTS = ("ACTIONBAR_PAGE_CHANGED",)
NUM_ACTIONBAR_PAGES = 6
RUNE_TYPES = (1, 1, 2, 2, 3, 3)  # blood, unholy, frost (the rune frame's order)


def _nothing(*_: Any) -> None:
    return None


def _no_cooldown(*_: Any) -> tuple[int, int, int]:
    return 0, 0, 1


def install(client: Host) -> dict[str, Callable[..., Any]]:
    bars: dict[str, Any] = {"page": 1, "toggles": (None, None, None, None)}

    def ChangeActionBarPage(page: Any = None) -> None:
        number = lua_int(page, what="page") if page is not None else 0
        if 1 <= number <= NUM_ACTIONBAR_PAGES and number != bars["page"]:
            bars["page"] = number
            client.fire_internal("ACTIONBAR_PAGE_CHANGED")

    def SetActionBarToggles(*flags: Any) -> None:
        bars["toggles"] = tuple(1 if lua_flag(f) else None for f in (*flags, *[None] * 4)[:4])

    def rune(index: Any) -> int | None:
        """The rune slot (1-6) of a death knight, else None."""
        number = lua_int(index, what="rune") if index is not None else 0
        is_knight = client.world.player.class_token == "DEATHKNIGHT"
        return number if is_knight and 1 <= number <= len(RUNE_TYPES) else None

    def GetRuneType(index: Any = None) -> int | None:
        number = rune(index)
        return RUNE_TYPES[number - 1] if number else None

    def GetRuneCooldown(index: Any = None) -> tuple[Any, ...] | None:
        return (0, 0, True) if rune(index) else None

    def companion(usage_text: str) -> Callable[..., None]:
        def api(kind: Any = None, index: Any = None) -> None:
            if kind is None:
                raise usage(usage_text)
            usage_number(index, usage_text)

        return api

    empty = dict.fromkeys(
        ("HasAction", "GetActionInfo", "GetActionTexture", "GetActionText",
         "IsActionInRange", "IsCurrentAction", "IsAutoRepeatAction", "IsAttackAction",
         "IsEquippedAction", "IsConsumableAction", "IsStackableAction", "GetPossessInfo",
         "HasPetUI", "PetHasActionBar", "GetPetActionInfo", "HasVehicleActionBar",
         "GetCompanionInfo",
         "GetPetIcon", "HasPetSpells", "GetPetTalentTree", "IsPetAttackActive",
         "HasBonusActionBar", "GetPetActionSlotUsable", "ActionHasRange",
         "IsPossessBarVisible", "IsPetAttackAction", "GetMultiCastTotemSpells"), _nothing)
    return {
        **empty,
        "GetActionCooldown": _no_cooldown,
        "GetPetActionCooldown": _no_cooldown,
        "GetActionCount": lambda *args: 0,
        "IsUsableAction": lambda *args: (None, None),
        "GetActionBarPage": lambda: bars["page"],
        "ChangeActionBarPage": ChangeActionBarPage,
        "GetActionBarToggles": lambda: bars["toggles"],
        "SetActionBarToggles": SetActionBarToggles,
        "GetRuneType": GetRuneType,
        "GetRuneCooldown": GetRuneCooldown,
        "GetTotemTimeLeft": lambda *args: 0,
        "GetBonusBarOffset": lambda: 0,
        "GetMultiCastBarOffset": lambda: 0,
        "GetNumCompanions": lambda *args: 0,
        # no companion or mount is known or summoned, the character is not mounted
        "PickupCompanion": companion('PickupCompanion("type", index)'),
        "CallCompanion": companion('CallCompanion("type", index)'),
        "DismissCompanion": lambda *args: None,
        "Dismount": lambda: None,
        "GetTotemInfo": lambda *args: (None, "", 0, 0, ""),
        "GetPetExperience": lambda: (0, 0),
        "GetPetHappiness": lambda: None,
    }
