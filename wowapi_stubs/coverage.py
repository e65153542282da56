"""How much of the 3.3.5a API surface the headless client implements, computed from the
code (what a fresh client registers), and which names an addon's code uses that it lacks.

``tools/gen_api_data.py`` writes :func:`implemented_surface` into the data file; a test keeps
the two equal.
"""

from __future__ import annotations

import functools
from typing import Any

from wowapi_stubs.surface import ApiSurface, load_surface


def fired_events() -> frozenset[str]:
    """Every event some part of the client fires (each firing module declares ``EVENTS``)."""
    from wowapi_stubs import _loader, _world_actions, client
    from wowapi_stubs.api import MODULES
    from wowapi_stubs.widgets import models

    names: set[str] = set()
    for module in (client, _loader, _world_actions, models, *MODULES):
        names.update(getattr(module, "EVENTS", ()))
    return frozenset(names)


@functools.cache
def _fresh_globals(names: tuple[str, ...]) -> dict[str, str]:
    """The Lua type of each global ``name`` in a fresh client (``nil`` when unset)."""
    from wowapi_stubs import ui
    from wowapi_stubs.client import HeadlessClient
    from wowapi_stubs.runtime import to_text

    with HeadlessClient() as client:
        found = client.runtime.fn.global_types(" ".join(names).encode())
        kinds = {name: to_text(found[name.encode()]) or "nil" for name in names}
        for name, kind in kinds.items():
            if kind == "nil":  # maybe a built-in UI global made when first read
                value = ui.resolve(client, name)
                if value is not None:
                    kinds[name] = "function" if client.runtime.is_function(value) else "value"
        return kinds


def implemented_surface(surface: ApiSurface | None = None) -> dict[str, Any]:
    """What the client implements, by data section: names for functions, FrameXML globals
    and events; ``(type, method)`` pairs (declared at that type) for widgets."""
    surface = surface or load_surface()
    from wowapi_stubs.widgets import WIDGET_CLASSES, implements

    names = tuple(sorted({*surface.functions, *surface.framexml_functions,
                          *surface.framexml_globals}))
    kinds = _fresh_globals(names)
    events = fired_events()
    return {
        "functions": {n for n in surface.functions if kinds[n] == "function"},
        "framexml_functions": {n for n in surface.framexml_functions if kinds[n] == "function"},
        "framexml_globals": {n for n in surface.framexml_globals if kinds[n] != "nil"},
        "events": {n for n in surface.events if n in events},
        "widgets": {(kind, method) for kind, spec in surface.widgets.items()
                    if kind in WIDGET_CLASSES for method in spec.own
                    if implements(kind, method)},
    }
