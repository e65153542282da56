"""What API modules share: the server's (or the client's own) answer to an action arrives as
an event after the Lua call that asked for it returns (never re-entering
Lua from inside the call), on/off arguments as the client reads them, and lists whose rows
are headers, each followed by its entries unless collapsed (quest log, recipes, services)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, TypeVar

from wowapi_stubs.widgets.base import usage_number

if TYPE_CHECKING:
    from wowapi_stubs.host import Host


def answer(client: Host, event: str, *args: Any) -> None:
    """Fire ``event`` once the running call has returned (at the clock's next settle)."""
    client.clock.call_later(0.0, lambda: client.fire_internal(event, *args))


def nothing(*_: Any) -> None:
    """An API function that answers nil whatever it is given (nothing open, nothing held)."""
    return None


def zero(*_: Any) -> int:
    """An API function that answers 0 whatever it is given (an empty list's count)."""
    return 0


def switch(value: Any) -> bool:
    """An on/off argument: nil, false and 0 are off (FrameXML's filter menus pass 0)."""
    return value is not None and value is not False and value != 0


Entry = TypeVar("Entry")


def headed_rows(entries: Iterable[Entry], header_of: Callable[[Entry], str],
                collapsed: set[str], shown: Callable[[Entry], bool] = lambda _: True
                ) -> list[str | Entry]:
    """Each header in order of first appearance, then its shown entries unless the header
    is collapsed; a header with no shown entry is not listed."""
    listed: list[str | Entry] = []
    entries = list(entries)
    for header in dict.fromkeys(header_of(e) for e in entries):
        under = [e for e in entries if header_of(e) == header and shown(e)]
        if under:
            listed.append(header)
            if header not in collapsed:
                listed.extend(under)
    return listed


def set_collapsed(collapsed: set[str], headers: Iterable[Any], collapse: bool) -> bool:
    """Collapse (or expand) each header among ``headers`` (rows that are not headers are
    skipped); whether anything changed."""
    before = set(collapsed)
    for header in headers:
        if isinstance(header, str):
            (collapsed.add if collapse else collapsed.discard)(header)
    return collapsed != before


def indexed(usage: str, *counts: int, answer: Any = ()) -> Callable[..., Any]:
    """A query of ``len(counts) or 1`` number arguments (``usage`` when one is missing) that
    answers ``answer``: nothing at every index of an empty list."""

    def api(*args: Any) -> Any:
        for position in range(max(1, len(counts))):
            usage_number(args[position] if position < len(args) else None, usage)
        return answer

    api.__name__ = usage.split("(", 1)[0]
    return api
