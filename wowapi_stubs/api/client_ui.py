"""Small services the client offers its UI code: localized class names, saved UI
variables, tutorials, portraits, the combat log filter, mirror timers (breath, fatigue),
GM tickets, the bank, raid lockouts, the party member query, and the played time.

Modelled state: no mirror timer runs, no GM ticket is open (asking answers ``UPDATE_TICKET``
without arguments, as the server does), the character owns no bank bag slot and has no raid
lockout, and the combat log holds no entry (its filter is kept as set). The character has
played (in total and at its level) the time since the session began.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wowapi_stubs.errors import WowApiError
from wowapi_stubs.widgets.base import lua_flag, lua_int, lua_text
from wowapi_stubs.world import CLASSES

if TYPE_CHECKING:
    from wowapi_stubs.host import Host

EVENTS = ("UPDATE_TICKET", "UPDATE_INSTANCE_INFO", "COMBAT_LOG_EVENT", "TIME_PLAYED_MSG")
MIRROR_TIMERS = 3
SERVER_LATENCY = 0.1  # seconds before the server answers a query


# INV_Misc_Coin_NN icons by the largest coin of an amount.
_COIN_ICONS = {"Gold": "01", "Silver": "03", "Copper": "05"}


def install(client: Host) -> dict[str, Callable[..., Any]]:
    saved_names: list[str] = []
    tutorials: list[int] = []
    combat_log: dict[str, list[Any]] = {"filters": []}

    def FillLocalizedClassList(table: Any = None, female: Any = None) -> Any:
        """``table[classToken] = localized name`` for every class (female names when
        asked); returns the table."""
        if not client.runtime.is_table(table):
            raise WowApiError("Usage: FillLocalizedClassList(classTable[, isFemale])")
        for token, (male, female_name, *_) in CLASSES.items():
            table[token.encode()] = (female_name if lua_flag(female) else male).encode()
        return table

    def RegisterForSave(name: Any = None) -> None:
        """A FrameXML global the client saves with the character's UI settings."""
        if name is None:
            raise WowApiError('Usage: RegisterForSave("variable")')
        text = lua_text(name)
        if text not in saved_names:
            saved_names.append(text)

    def RegisterStaticConstants(table: Any = None) -> None:
        """The client fills the table with its constants; 3.3.5a has none to give."""
        if not client.runtime.is_table(table):
            raise WowApiError("Usage: RegisterStaticConstants(table)")

    def TriggerTutorial(number: Any = None) -> None:
        if number is None:
            raise WowApiError("Usage: TriggerTutorial(tutorial)")
        tutorials.append(lua_int(number))

    def SetPortraitTexture(texture: Any = None, unit: Any = None) -> None:
        """Draw ``unit``'s portrait into a texture (nothing is drawn headless; the texture
        remembers whose portrait it shows)."""
        widget = client._widget_from_lua(texture)
        if widget is None or widget.KIND != "Texture" or unit is None:
            raise WowApiError('Usage: SetPortraitTexture(texture, "unit")')
        widget.portrait_unit = lua_text(unit)

    def SetBagPortraitTexture(texture: Any = None, bag: Any = None) -> None:
        """Draw bag ``bag``'s icon into a texture (remembered, nothing drawn)."""
        widget = client._widget_from_lua(texture)
        if widget is None or widget.KIND != "Texture" or bag is None:
            raise WowApiError("Usage: SetBagPortraitTexture(texture, bagID)")
        widget.portrait_unit = f"bag {lua_int(bag)}"

    def SetPortraitToTexture(texture: Any = None, path: Any = None) -> None:
        """Draw an image (a texture path) round into a texture, given or by name."""
        widget = (client.lookup_named(lua_text(texture)) if isinstance(texture, bytes | str)
                  else client._widget_from_lua(texture))
        if widget is None or widget.KIND != "Texture" or path is None:
            raise WowApiError('Usage: SetPortraitToTexture(texture, "path")')
        widget.texture = lua_text(path, what="path")

    def GetCoinIcon(amount: Any = None) -> str:
        """The coin picture for an amount of copper: gold, silver or copper coins."""
        copper = lua_int(amount, what="amount") if amount is not None else 0
        kind = "Gold" if copper >= 10000 else "Silver" if copper >= 100 else "Copper"
        return f"Interface\\Icons\\INV_Misc_Coin_{_COIN_ICONS[kind]}"

    def GetMirrorTimerInfo(index: Any = None) -> tuple[Any, ...]:
        if index is None:
            raise WowApiError("Usage: GetMirrorTimerInfo(index)")
        return ("UNKNOWN", 0, 0, 0, 0, "")

    def GetGMTicket() -> None:
        client.clock.call_later(SERVER_LATENCY, lambda: client.fire_internal("UPDATE_TICKET"))

    def RequestRaidInfo() -> None:
        client.clock.call_later(SERVER_LATENCY,
                                lambda: client.fire_internal("UPDATE_INSTANCE_INFO"))

    def RequestTimePlayed() -> None:
        """The server answers with ``TIME_PLAYED_MSG`` (total, this level; seconds)."""
        def answer() -> None:
            played = int(client.clock.elapsed)
            client.fire_internal("TIME_PLAYED_MSG", played, played)

        client.clock.call_later(SERVER_LATENCY, answer)

    def CombatLogAddFilter(*spec: Any) -> None:
        combat_log["filters"].append(spec)

    def CombatLogResetFilter() -> None:
        combat_log["filters"] = []

    def GetPartyMember(index: Any = None) -> int | None:
        number = lua_int(index) if index is not None else 0
        return 1 if 1 <= number <= len(client.world.party) else None

    nothing = lambda *args: None  # noqa: E731

    return {
        "FillLocalizedClassList": FillLocalizedClassList,
        "RegisterForSave": RegisterForSave,
        "RegisterStaticConstants": RegisterStaticConstants,
        "TriggerTutorial": TriggerTutorial,
        "SetPortraitTexture": SetPortraitTexture,
        "SetBagPortraitTexture": SetBagPortraitTexture,
        "SetPortraitToTexture": SetPortraitToTexture,
        "GetCoinIcon": GetCoinIcon,
        "GetMirrorTimerInfo": GetMirrorTimerInfo,
        "GetGMTicket": GetGMTicket,
        "RequestRaidInfo": RequestRaidInfo,
        "RequestTimePlayed": RequestTimePlayed,
        "CombatLogAddFilter": CombatLogAddFilter,
        "CombatLogResetFilter": CombatLogResetFilter,
        "CombatLogGetNumEntries": lambda *args: 0,
        "CombatLogSetCurrentEntry": nothing,
        "CombatLogGetCurrentEntry": nothing,
        "GetTabardCreationCost": lambda: 100000,
        "OffhandHasWeapon": nothing,
        "GetPartyMember": GetPartyMember,
    }
