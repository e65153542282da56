"""Vendors and repairs: no merchant window is open in the headless client, so the merchant
lists are empty and nothing needs or can be repaired there (the 3.3.5a functions answer
as they do with the window closed)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wowapi_stubs.errors import WowApiError

if TYPE_CHECKING:
    from wowapi_stubs.host import Host


def install(client: Host) -> dict[str, Callable[..., Any]]:
    def indexed(usage: str) -> Callable[..., None]:
        def read(index: Any = None, *_: Any) -> None:
            if index is None:
                raise WowApiError(f"Usage: {usage}")
            return None  # no such entry while no merchant is open

        return read

    def GetRepairAllCost() -> tuple[int, None]:
        return 0, None  # repairAllCost, canRepair

    return {
        "GetMerchantNumItems": lambda: 0,
        "GetMerchantItemInfo": indexed("GetMerchantItemInfo(index)"),
        "GetMerchantItemLink": indexed("GetMerchantItemLink(index)"),
        "GetMerchantItemMaxStack": indexed("GetMerchantItemMaxStack(index)"),
        "GetMerchantItemCostInfo": indexed("GetMerchantItemCostInfo(index)"),
        # texture, value, link of an item the entry costs: none while no merchant is open
        "GetMerchantItemCostItem": indexed("GetMerchantItemCostItem(index, itemIndex)"),
        # buying needs an open merchant: nothing is bought or bought back
        "BuyMerchantItem": indexed("BuyMerchantItem(index[, quantity])"),
        "BuybackItem": indexed("BuybackItem(index)"),
        # picking an entry up needs an open merchant: the cursor stays empty
        "PickupMerchantItem": indexed("PickupMerchantItem(index)"),
        # the pointer's image over a sellable or bought-back item: nothing is drawn
        "ShowBuybackSellCursor": indexed("ShowBuybackSellCursor(index)"),
        "ShowContainerSellCursor": lambda *args: None,
        "ShowInventorySellCursor": lambda *args: None,
        "ShowMerchantSellCursor": indexed("ShowMerchantSellCursor(index)"),
        "GetNumBuybackItems": lambda: 0,
        "GetBuybackItemInfo": indexed("GetBuybackItemInfo(index)"),
        "GetBuybackItemLink": indexed("GetBuybackItemLink(index)"),
        "CanMerchantRepair": lambda: None,
        "GetRepairAllCost": GetRepairAllCost,
        "RepairAllItems": lambda *args: None,
        "InRepairMode": lambda: None,
        "CloseMerchant": lambda: None,
    }
