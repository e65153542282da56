"""A bound on what the client keeps in Python for addon code outside its logs.

Frame attributes (``SetAttribute``, and the state drivers written on them), event
registrations, key bindings and registered CVars live in Python, keyed by names addon code
chooses; nothing else bounds them (the Lua state's memory cap does not see Python's
memory). Each new entry is charged an estimate of what it costs the host; past
``host_data_max_bytes`` the call that would add one fails with "not enough memory" in the
calling code, as an allocation in the client would, and a ``host-data-full`` finding names
the setting once. Removing an entry gives its charge back. The count belongs to one UI (a
reload starts it anew with the UI's frames); key bindings and CVars outlive a reload and
are counted again from then on.
"""

from __future__ import annotations

from collections.abc import Callable

from wowapi_stubs.errors import WowApiError

ENTRY_OVERHEAD = 120
"""Bytes an entry costs the host beyond its name (dictionary slot, key and value objects)."""
EVENT_OVERHEAD = 400
"""The same for an event registration (the frame's set, the client's per-event frames)."""
CVAR_OVERHEAD = 300
"""The same for a registered CVar (its value, its default, its name in any case)."""


class HostData:
    """The estimated bytes of addon-chosen data the client keeps in Python, and its cap."""

    __slots__ = ("limit", "used", "_on_first_refusal", "refused")

    def __init__(self, limit: int, on_first_refusal: Callable[[str], None]) -> None:
        self.limit, self.used, self.refused = limit, 0, 0
        self._on_first_refusal = on_first_refusal

    def charge(self, name: str, what: str, overhead: int = ENTRY_OVERHEAD) -> None:
        """Charge one new entry named ``name`` (``what`` it is, for the finding); raises
        when the cap is reached."""
        cost = overhead + len(name)
        if self.used + cost > self.limit:
            self.refused += 1
            if self.refused == 1:
                self._on_first_refusal(what)
            raise WowApiError("not enough memory")
        self.used += cost

    def add(self, name: str) -> None:
        """Count an entry made again from data that was within the cap (bindings loaded
        from a saved set), without refusing it."""
        self.used += ENTRY_OVERHEAD + len(name)

    def release(self, name: str, overhead: int = ENTRY_OVERHEAD) -> None:
        """Give back the charge of the entry named ``name``, removed."""
        self.used = max(0, self.used - overhead - len(name))
