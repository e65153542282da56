"""The character's bank: the bank bag slots bought and their price, the inventory slot ids
of the bank window's buttons, buying a slot and closing the window.

The world's bank (``client.world.bank``) is closed unless a test opens it with
:func:`open_bank` (``BANKFRAME_OPENED``); the character has bought no bank bag slot. With the
bank closed, buying a slot and closing the window do nothing, as in the client away from a
banker. Bank contents are not modelled (the bank's container slots hold nothing).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from wowapi_stubs.widgets.base import flag_result, lua_flag, usage_int

if TYPE_CHECKING:
    from wowapi_stubs.host import Host

EVENTS = ("BANKFRAME_OPENED", "BANKFRAME_CLOSED", "PLAYER_MONEY", "PLAYERBANKBAGSLOTS_CHANGED")
# Copper price of bank bag slot 1-7, in buying order.
BAG_SLOT_PRICES = (1_000, 10_000, 100_000, 250_000, 500_000, 1_000_000, 2_500_000)
BANK_ITEM_OFFSET = 39  # inventory slot of bank item button 0 (button 1 is slot 40)
BANK_BAG_OFFSET = 67  # inventory slot of bank bag button 0 (button 1 is slot 68)
ERR_BANKSLOT_FAILED_TOO_MANY = "You've reached your limit of bag slots!"
ERR_BANKSLOT_INSUFFICIENT_FUNDS = "You can't afford that."


@dataclass
class Bank:
    """The bank as the client knows it: whether its window is open, bag slots bought."""

    is_open: bool = False
    bag_slots: int = 0

    @property
    def full(self) -> bool:
        return self.bag_slots >= len(BAG_SLOT_PRICES)


def slot_cost(bought: int) -> int:
    """The price of the next bag slot after ``bought`` (0 when every slot is bought)."""
    return BAG_SLOT_PRICES[bought] if 0 <= bought < len(BAG_SLOT_PRICES) else 0


def open_bank(client: Host) -> None:
    """The character talks to a banker: the bank window opens (``BANKFRAME_OPENED``)."""
    client.world.bank.is_open = True
    client.fire_internal("BANKFRAME_OPENED")


def install(client: Host) -> dict[str, Callable[..., Any]]:
    world = client.world

    def BankButtonIDToInvSlotID(button: Any = None, is_bag: Any = None) -> int:
        number = usage_int(button, "BankButtonIDToInvSlotID(buttonID[, isBag])")
        return number + (BANK_BAG_OFFSET if lua_flag(is_bag) else BANK_ITEM_OFFSET)

    def GetBankSlotCost(bought: Any = None) -> int:
        return slot_cost(usage_int(bought, "GetBankSlotCost(numSlots)"))

    def PurchaseSlot() -> None:
        bank = world.bank
        if not bank.is_open:
            return
        cost = slot_cost(bank.bag_slots)
        if bank.full:
            client.ui_error(ERR_BANKSLOT_FAILED_TOO_MANY)
        elif client.money < cost:
            client.ui_error(ERR_BANKSLOT_INSUFFICIENT_FUNDS)
        else:
            client.money -= cost
            bank.bag_slots += 1
            client.fire_internal("PLAYER_MONEY")
            client.fire_internal("PLAYERBANKBAGSLOTS_CHANGED")

    def CloseBankFrame() -> None:
        if world.bank.is_open:
            world.bank.is_open = False
            client.fire_internal("BANKFRAME_CLOSED")

    return {
        "BankButtonIDToInvSlotID": BankButtonIDToInvSlotID,
        "GetBankSlotCost": GetBankSlotCost,
        # bag slots bought, 1 when no more can be bought
        "GetNumBankSlots": lambda: (world.bank.bag_slots, flag_result(world.bank.full)),
        "PurchaseSlot": PurchaseSlot,
        "CloseBankFrame": CloseBankFrame,
    }
