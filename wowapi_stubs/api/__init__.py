"""WoW API functions implemented in Python, one module per domain.

Every module exposes ``install(client) -> dict[name, callable]``; the callables receive raw
Lua arguments (strings as bytes) and raise :class:`~wowapi_stubs.errors.WowApiError` where the
client would raise a Lua error.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wowapi_stubs.api import (
    actionbars,
    addons,
    bitlib,
    chat,
    chatconfig,
    client_ui,
    container,
    mail,
    maps,
    misc,
    options,
    pvp,
    quests,
    secure,
    social,
    timefuncs,
    unit,
    who,
)

if TYPE_CHECKING:
    from wowapi_stubs.client import HeadlessClient

MODULES = (addons, bitlib, chat, chatconfig, who, mail, container, unit, secure, timefuncs,
           misc, actionbars, client_ui, maps, options, pvp, quests, social)


def install_all(client: HeadlessClient) -> dict[str, Callable[..., Any]]:
    """All Python-implemented API functions, by global name."""
    functions: dict[str, Callable[..., Any]] = {}
    for module in MODULES:
        functions.update(module.install(client))
    return functions
