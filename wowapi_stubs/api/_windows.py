"""What the quest, gossip, profession and trainer modules share: the server's answer to an
action arrives as an event after the Lua call that asked for it returns (never re-entering
Lua from inside the call), and on/off arguments as the client reads them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from wowapi_stubs.host import Host


def answer(client: Host, event: str, *args: Any) -> None:
    """Fire ``event`` once the running call has returned (at the clock's next settle)."""
    client.clock.call_later(0.0, lambda: client.fire_internal(event, *args))


def switch(value: Any) -> bool:
    """An on/off argument: nil, false and 0 are off (FrameXML's filter menus pass 0)."""
    return value is not None and value is not False and value != 0
