"""WoW API functions implemented in Python, one module per domain.

Every module exposes ``install(client) -> dict[name, callable]``; the callables receive raw
Lua arguments (strings as bytes) and raise :class:`~wowapi_stubs.errors.WowApiError` where the
client would raise a Lua error.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from wowapi_stubs.api import (
    achievements,
    actions,
    addons,
    auction,
    bank,
    battlefield,
    battlenet,
    bindings,
    bitlib,
    calendar,
    character,
    character_display,
    character_state,
    chat,
    chatconfig,
    client_actions,
    client_ui,
    closed_windows,
    combat,
    container,
    currency,
    cursoritems,
    devtools,
    equipment_sets,
    frames,
    friends,
    gossip,
    group,
    group_actions,
    guildbank,
    inbox,
    inspect,
    instances,
    itemdetails,
    items,
    lfg_voice,
    loot,
    macros,
    mail,
    merchant,
    misc,
    modified_clicks,
    options,
    pets,
    profiling,
    pvp,
    questdialog,
    questlog,
    quests,
    reputation,
    secure,
    social,
    spells,
    system,
    talents,
    timefuncs,
    titles,
    trade,
    tradeskill,
    trainer,
    unit,
    vehicles,
    who,
    zone,
)

if TYPE_CHECKING:
    from wowapi_stubs.client import HeadlessClient

MODULES = (addons, bitlib, chat, chatconfig, who, mail, container, items, unit, spells, system,
           zone, social, actions, secure, timefuncs, misc, client_ui, options, pvp, quests,
           trade, combat, group, merchant, inbox, calendar, frames, character, loot, bindings,
           profiling, macros, group_actions, friends, modified_clicks, client_actions,
           lfg_voice, reputation, talents, achievements, titles, currency, instances,
           character_state, itemdetails, cursoritems, bank, guildbank,
           questlog, questdialog, gossip, tradeskill, trainer, battlefield, battlenet,
           inspect, vehicles, equipment_sets, pets, auction, closed_windows,
           character_display, devtools)


def install_all(client: HeadlessClient) -> dict[str, Callable[..., Any]]:
    """All Python-implemented API functions, by global name."""
    functions: dict[str, Callable[..., Any]] = {}
    for module in MODULES:
        functions.update(module.install(client))
    return functions


_LAYOUT: dict[str, int] = {}  # API name -> index of its module in MODULES (per process)


class LazyApi(Mapping[str, Callable[..., Any]]):
    """The API functions of one client, each module installed the first time one of its
    functions is looked up (a client pays only for the domains its addons use). The first
    client of a process installs every module once to learn the names."""

    def __init__(self, client: HeadlessClient,
                 extra: Mapping[str, Callable[..., Any]] | None = None) -> None:
        self._client = client
        self._functions: dict[str, Callable[..., Any]] = {}
        if not _LAYOUT:
            for index, module in enumerate(MODULES):
                installed = module.install(client)
                self._functions.update(installed)
                _LAYOUT.update(dict.fromkeys(installed, index))
        self._extra = dict(extra or {})
        self.names: tuple[str, ...] = (
            (*(n for n in _LAYOUT if n not in self._extra), *self._extra) if self._extra
            else _layout_names())

    def __getitem__(self, name: str) -> Callable[..., Any]:
        found = self._extra.get(name) or self._functions.get(name)
        if found is None:
            self._functions.update(MODULES[_LAYOUT[name]].install(self._client))
            found = self._functions[name]
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self.names)

    def __len__(self) -> int:
        return len(self.names)


_LAYOUT_NAMES: list[tuple[str, ...]] = []


def _layout_names() -> tuple[str, ...]:
    """Every API name in module order, one tuple per process (clients share it)."""
    if not _LAYOUT_NAMES:
        _LAYOUT_NAMES.append(tuple(_LAYOUT))
    return _LAYOUT_NAMES[0]


def providers() -> dict[str, list[str]]:
    """Which modules define each API name (one each: a test keeps it so)."""
    from wowapi_stubs.client import HeadlessClient

    with HeadlessClient() as client:
        found: dict[str, list[str]] = {}
        for module in MODULES:
            for name in module.install(client):
                found.setdefault(name, []).append(module.__name__)
    return found
