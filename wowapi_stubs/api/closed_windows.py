"""Windows an item or an NPC opens, read while closed, and offers the server has not made.

- Item text (a book, a letter's text): no item is being read, so every text is nil and there
  is no page after the first.
- Gem socketing: no item is in the socketing window, so it has no socket.
- The flight map: no flight master is open, so it lists no node.
- A guild or arena charter: none is offered or open, so nobody signed it.
- The trade window: no trade is open, so neither side offers an item (the money is in
  :mod:`wowapi_stubs.api.trade`).
- Resurrection, summons and instance timers: nobody offers a resurrection or a summon, and no
  instance is about to expel the character or lock it to a save, so each timer is 0 and each
  offer nil.
- Minigames (the board games some NPCs offer): none is being played.

Closing a window that is not open fires nothing. A missing index is the client's usage
error.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wowapi_stubs.api._windows import indexed, nothing, zero

if TYPE_CHECKING:
    from wowapi_stubs.host import Host


def install(client: Host) -> dict[str, Callable[..., Any]]:
    return {
        # item text
        "ItemTextGetItem": nothing,
        "ItemTextGetText": nothing,
        "ItemTextGetCreator": nothing,
        "ItemTextGetMaterial": nothing,
        "ItemTextGetPage": zero,
        "ItemTextHasNextPage": nothing,
        "ItemTextNextPage": nothing,
        "ItemTextPrevPage": nothing,
        "CloseItemText": nothing,
        # gem socketing
        "GetNumSockets": zero,
        "GetSocketItemInfo": lambda: (),
        "GetSocketTypes": indexed("GetSocketTypes(index)", answer=None),
        "GetExistingSocketInfo": indexed("GetExistingSocketInfo(index)"),
        "GetExistingSocketLink": indexed("GetExistingSocketLink(index)", answer=None),
        "GetNewSocketInfo": indexed("GetNewSocketInfo(index)"),
        "GetNewSocketLink": indexed("GetNewSocketLink(index)", answer=None),
        "GetSocketItemRefundable": nothing,
        "GetSocketItemBoundTradeable": nothing,
        "AcceptSockets": nothing,
        "CloseSocketInfo": nothing,
        # the flight map
        "NumTaxiNodes": zero,
        "TaxiNodeName": indexed("TaxiNodeName(index)", answer=None),
        "TaxiNodeGetType": indexed("TaxiNodeGetType(index)", answer=None),
        "TaxiNodeCost": indexed("TaxiNodeCost(index)", answer=0),
        "GetNumRoutes": indexed("GetNumRoutes(index)", answer=0),
        "CloseTaxiMap": nothing,
        # charters
        "GetPetitionInfo": lambda: (),
        "GetNumPetitionNames": zero,
        "GetPetitionNameInfo": indexed("GetPetitionNameInfo(index)", answer=None),
        "CanSignPetition": nothing,
        "HasFilledPetition": nothing,
        # the trade window's items
        "GetTradePlayerItemInfo": indexed("GetTradePlayerItemInfo(index)"),
        "GetTradeTargetItemInfo": indexed("GetTradeTargetItemInfo(index)"),
        "GetTradePlayerItemLink": indexed("GetTradePlayerItemLink(index)", answer=None),
        "GetTradeTargetItemLink": indexed("GetTradeTargetItemLink(index)", answer=None),
        "CloseTrade": nothing,
        # offers and countdowns
        "ResurrectGetOfferer": nothing,
        "ResurrectHasSickness": nothing,
        "ResurrectHasTimer": nothing,
        "GetSummonConfirmSummoner": nothing,
        "GetSummonConfirmAreaName": nothing,
        "GetSummonConfirmTimeLeft": zero,
        "GetInstanceBootTimeRemaining": zero,
        # minigames
        "GetMinigameType": nothing,
        "GetMinigameState": nothing,
    }
