"""Process-wide caches for functions of a name that addon code may choose.

``functools.cache`` on such a function remembers every name it was ever asked: a loop over
``_G["Missing" .. i]`` would grow the host process by a hundred bytes a name, for good (and
for every later client of the process). These caches remember only the names the data
knows; any other name is answered afresh and forgotten.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Container
from typing import TypeVar

T = TypeVar("T")


def cache_known(known: Callable[[], Container[str]]) -> Callable[[Callable[[str], T]],
                                                                   Callable[[str], T]]:
    """``functools.cache`` for the names in ``known()`` (the data's keys, read at each
    call: a cheap lookup in an already built mapping); other names are not remembered."""

    def decorate(fn: Callable[[str], T]) -> Callable[[str], T]:
        remembered = functools.cache(fn)

        @functools.wraps(fn)
        def lookup(name: str) -> T:
            return remembered(name) if name in known() else fn(name)

        lookup.cache_clear = remembered.cache_clear  # type: ignore[attr-defined]
        return lookup

    return decorate
