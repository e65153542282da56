"""WoW API functions implemented in Python, one module per domain.

Every module exposes ``install(client) -> dict[name, callable]``; the callables receive raw
Lua arguments (strings as bytes) and raise :class:`~wowapi_stubs.errors.WowApiError` where the
client would raise a Lua error.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wowapi_stubs.api import (
    actions,
    addons,
    bitlib,
    chat,
    chatconfig,
    client_ui,
    container,
    items,
    mail,
    misc,
    options,
    pvp,
    quests,
    secure,
    social,
    spells,
    system,
    timefuncs,
    trade,
    unit,
    who,
    zone,
)

if TYPE_CHECKING:
    from wowapi_stubs.client import HeadlessClient

MODULES = (addons, bitlib, chat, chatconfig, who, mail, container, items, unit, spells, system,
           zone, social, actions, secure, timefuncs, misc, client_ui, options, pvp, quests,
           trade)


def install_all(client: HeadlessClient) -> dict[str, Callable[..., Any]]:
    """All Python-implemented API functions, by global name."""
    functions: dict[str, Callable[..., Any]] = {}
    for module in MODULES:
        functions.update(module.install(client))
    return functions


def providers() -> dict[str, list[str]]:
    """Which modules define each API name (one each: a test keeps it so)."""
    from wowapi_stubs.client import HeadlessClient

    with HeadlessClient() as client:
        found: dict[str, list[str]] = {}
        for module in MODULES:
            for name in module.install(client):
                found.setdefault(name, []).append(module.__name__)
    return found
