"""Bounded logs: what the client keeps on the Python side on behalf of Lua.

The Lua state's memory is capped; what Python keeps for it (chat transcript, errors,
findings, sounds played, events fired, whispers sent, UI errors) lives outside that cap. A
:class:`BoundedLog` is a list that keeps its newest entries within an item count and a
byte budget (the text they hold) and counts what it dropped (:attr:`BoundedLog.dropped`),
so an addon that floods the chat frame cannot grow the process without bound.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

_SCALARS = frozenset({int, float, bool, type(None)})


def text_size(item: Any, _depth: int = 0) -> int:
    """Roughly the bytes ``item`` holds: its text, in strings, tuples and dataclass fields.
    (Runs for every event fired: plain values take the class-identity fast path.)"""
    kind = item.__class__
    if kind is str or kind is bytes:
        return len(item)
    if kind in _SCALARS:
        return 8
    if kind is tuple or kind is list:
        if _depth > 2:
            return 8
        return 16 + _values_size(item, _depth + 1)
    if isinstance(item, str | bytes):
        return len(item)
    if _depth > 2:
        return 8
    if isinstance(item, tuple | list):
        return 16 + sum(text_size(value, _depth + 1) for value in item)
    fields = getattr(item, "__dict__", None)
    if fields is None and hasattr(item, "__slots__"):
        fields = {name: getattr(item, name, None) for name in item.__slots__}
    if fields:
        return 64 + sum(text_size(value, _depth + 1) for value in fields.values())
    return 8


def event_size(event: str, args: tuple[Any, ...]) -> int:
    """``text_size((event, args))``, without the two outer calls (runs for every event)."""
    return 32 + len(event) + _values_size(args, 2)


def _values_size(values: tuple[Any, ...] | list[Any], depth: int) -> int:
    """The summed sizes of ``values``: text and scalars measured in place (the common case),
    anything else by :func:`text_size` at ``depth``."""
    total = 0
    for value in values:
        kind = value.__class__
        if kind is str or kind is bytes:
            total += len(value)
        elif kind in _SCALARS:
            total += 8
        else:
            total += text_size(value, depth)
    return total


class EventRun(tuple):  # type: ignore[type-arg]
    """Events fired in a row, ``(event, args)`` each, with their sizes summed once:
    ``ends[i]`` is the :func:`event_size` total of the first ``i`` (for a run a client sends
    often and the same every time, e.g. at login); ``names``: the events it holds."""

    ends: tuple[int, ...]
    names: frozenset[str]

    def __new__(cls, items: Iterable[tuple[str, tuple[Any, ...]]]) -> EventRun:
        run = super().__new__(cls, items)
        total, ends = 0, [0]
        for event, args in run:
            total += event_size(event, args)
            ends.append(total)
        run.ends = tuple(ends)
        run.names = frozenset(event for event, _ in run)
        return run


class BoundedLog(list):  # type: ignore[type-arg]
    """A list keeping its newest entries within ``max_items`` and ``max_bytes`` (as
    measured by ``size``); ``dropped`` counts the entries it let go, oldest first.
    ``on_first_drop(log)`` runs once, when the first entry goes."""

    def __init__(self, name: str, max_items: int, max_bytes: int,
                 on_first_drop: Callable[[BoundedLog], None] | None = None,
                 size: Callable[[Any], int] = text_size) -> None:
        super().__init__()
        self.name = name
        self.max_items, self.max_bytes = max_items, max_bytes
        self.dropped = 0
        self._bytes = 0
        self._size = size
        self._on_first_drop = on_first_drop

    def append(self, item: Any) -> None:
        list.append(self, item)
        self._bytes += self._size(item)
        if len(self) > self.max_items or self._bytes > self.max_bytes:
            self._evict()

    def append_sized(self, item: Any, size: int) -> None:
        """:meth:`append` of an item whose ``size`` the caller measured as ``size(item)``."""
        list.append(self, item)
        self._bytes += size
        if len(self) > self.max_items or self._bytes > self.max_bytes:
            self._evict()

    def extend_sized(self, items: Iterable[Any], size: int) -> None:
        """:meth:`extend` with items whose sizes the caller measured (``size`` in all)."""
        list.extend(self, items)
        self._bytes += size
        if len(self) > self.max_items or self._bytes > self.max_bytes:
            self._evict()

    def extend(self, items: Iterable[Any]) -> None:
        for item in items:
            self.append(item)

    def clear(self) -> None:
        super().clear()
        self._bytes = 0

    def _evict(self) -> None:
        # Drop a tenth at a time (at least down to the limits), so appends stay cheap.
        keep_items = min(len(self), self.max_items - self.max_items // 10)
        drop = len(self) - keep_items
        freed = sum(self._size(item) for item in self[:drop])
        while self._bytes - freed > self.max_bytes - self.max_bytes // 10 and drop < len(self) - 1:
            freed += self._size(self[drop])
            drop += 1
        if drop <= 0:
            return
        del self[:drop]
        self._bytes -= freed
        first = self.dropped == 0
        self.dropped += drop
        if first and self._on_first_drop is not None:
            self._on_first_drop(self)
