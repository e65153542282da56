"""The character's pet and the stable beyond the pet action bar
(:mod:`wowapi_stubs.api.actions`): the world has no pet (``HasPetUI`` and ``GetPetIcon`` are
nil) and the character stands at no stable master and has stabled nothing, so the pet cannot
be abandoned, dismissed or renamed, eats nothing, and the stable lists no pet and no bought
slot; the actions on them do nothing, as the client does without a pet or a stable window
(the pet commands themselves are protected: :mod:`wowapi_stubs.api.secure`). The stable's
selection is -1 (none), which FrameXML's stable frame tests for. A missing slot or index
argument is the client's usage error.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wowapi_stubs.api._windows import indexed, nothing

if TYPE_CHECKING:
    from wowapi_stubs.host import Host

NO_STABLE_SELECTION = -1


def install(client: Host) -> dict[str, Callable[..., Any]]:
    return {
        "PickupPetAction": indexed("PickupPetAction(slot)", answer=None),
        "GetPetFoodTypes": nothing,
        "PetCanBeAbandoned": nothing,
        "PetCanBeDismissed": nothing,
        "PetCanBeRenamed": nothing,
        "PetAbandon": nothing,
        "PetDismiss": nothing,
        "PetRename": nothing,
        # the stable
        "IsAtStableMaster": nothing,
        "GetNumStablePets": lambda: 0,
        "GetNumStableSlots": lambda: 0,
        "GetStablePetInfo": indexed("GetStablePetInfo(index)"),
        "GetStablePetFoodTypes": indexed("GetStablePetFoodTypes(index)"),
        "GetSelectedStablePet": lambda: NO_STABLE_SELECTION,
        "ClickStablePet": indexed("ClickStablePet(index)", answer=None),
        "PickupStablePet": indexed("PickupStablePet(index)", answer=None),
        "SetPetStablePaperdoll": nothing,
        "ClosePetStables": nothing,  # no stable window: no PET_STABLE_CLOSED
    }
