"""The trade and petition windows: what the player and the other side put in. No trade is
open, so both sides offer no money; no petition is open, so closing one does nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from wowapi_stubs.host import Host


def install(client: Host) -> dict[str, Callable[..., Any]]:
    return {
        "GetPlayerTradeMoney": lambda: 0,
        "GetTargetTradeMoney": lambda: 0,
        "ClosePetition": lambda *args: None,
    }
