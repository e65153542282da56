"""The auction house, read while it is closed (the character talks to no auctioneer): the
browse (``"list"``), bids (``"bidder"``) and own auctions (``"owner"``) lists are empty, nothing
is selected (0) and nothing sits in the sell slot. Queries, bids, postings and cancellations
need an open auction house, so they send nothing and no ``AUCTION_*_LIST_UPDATE`` follows;
``CloseAuctionHouse`` closes nothing (no ``AUCTION_HOUSE_CLOSED``).

The sort criteria are the client's own state and are kept per list: ``SortAuctionSetSort``
adds a column in front of the others (FrameXML sets the least significant column first and
reads the primary one back with ``GetAuctionSort(type, 1)``), ``SortAuctionClearSort``
empties them. A missing list type or index is the client's usage error.

Uncertain, chosen as documented: ``CanSendAuctionQuery`` answers nil, nil (no query can be
sent without an auctioneer), where an open auction house answers by its query throttle.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wowapi_stubs.api._windows import nothing, switch
from wowapi_stubs.widgets.base import flag_result, lua_text, usage_int, usage_number
from wowapi_stubs.widgets.base import usage as usage_error

if TYPE_CHECKING:
    from wowapi_stubs.host import Host

AUCTION_LISTS = ("list", "bidder", "owner")


def install(client: Host) -> dict[str, Callable[..., Any]]:
    sorts: dict[str, list[tuple[str, bool]]] = {kind: [] for kind in AUCTION_LISTS}

    def list_of(value: Any, usage: str) -> str:
        if value is None:
            raise usage_error(usage)
        return lua_text(value).lower()

    def in_list(usage: str, answer: Any) -> Callable[..., Any]:
        """A query of a list type and an index: ``answer`` (every list is empty)."""

        def api(kind: Any = None, index: Any = None, *_: Any) -> Any:
            list_of(kind, usage)
            usage_number(index, usage)
            return answer

        api.__name__ = usage.split("(", 1)[0]
        return api

    def GetNumAuctionItems(kind: Any = None) -> tuple[int, int]:
        list_of(kind, 'GetNumAuctionItems("type")')
        return 0, 0

    def GetSelectedAuctionItem(kind: Any = None) -> int:
        list_of(kind, 'GetSelectedAuctionItem("type")')
        return 0

    def SortAuctionSetSort(kind: Any = None, column: Any = None, reverse: Any = None) -> None:
        name = list_of(kind, 'SortAuctionSetSort("type", "column", reverse)')
        if column is None:
            raise usage_error('SortAuctionSetSort("type", "column", reverse)')
        if name in sorts:
            sorts[name].insert(0, (lua_text(column), switch(reverse)))

    def SortAuctionClearSort(kind: Any = None) -> None:
        name = list_of(kind, 'SortAuctionClearSort("type")')
        if name in sorts:
            sorts[name].clear()

    def GetAuctionSort(kind: Any = None, index: Any = None) -> tuple[Any, ...]:
        usage = 'GetAuctionSort("type", index)'
        criteria = sorts.get(list_of(kind, usage), [])
        number = usage_int(index, usage)
        if not 1 <= number <= len(criteria):
            return ()
        column, reverse = criteria[number - 1]
        return column, flag_result(reverse)

    def SortAuctionApplySort(kind: Any = None) -> None:
        list_of(kind, 'SortAuctionApplySort("type")')  # the lists are empty: nothing moves

    return {
        "GetNumAuctionItems": GetNumAuctionItems,
        "GetAuctionItemInfo": in_list('GetAuctionItemInfo("type", index)', ()),
        "GetAuctionItemLink": in_list('GetAuctionItemLink("type", index)', None),
        "GetAuctionItemTimeLeft": in_list('GetAuctionItemTimeLeft("type", index)', None),
        "GetSelectedAuctionItem": GetSelectedAuctionItem,
        "SetSelectedAuctionItem": in_list('SetSelectedAuctionItem("type", index)', None),
        "GetAuctionSellItemInfo": lambda: (),
        "ClickAuctionSellItemButton": nothing,
        "CanSendAuctionQuery": lambda *args: (None, None),
        "QueryAuctionItems": nothing,
        "GetBidderAuctionItems": nothing,
        "GetOwnerAuctionItems": nothing,
        "PlaceAuctionBid": nothing,
        "CanCancelAuction": nothing,
        "CancelAuction": nothing,
        "StartAuction": nothing,
        "CloseAuctionHouse": nothing,
        "SetAuctionsTabShowing": nothing,
        "SortAuctionSetSort": SortAuctionSetSort,
        "SortAuctionClearSort": SortAuctionClearSort,
        "SortAuctionApplySort": SortAuctionApplySort,
        "GetAuctionSort": GetAuctionSort,
    }
