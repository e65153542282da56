"""Units and the character: ``UnitName``, ``GetRealmName``, ``UnitAffectingCombat``,
``InCombatLockdown``, ``GetLocale``."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wowapi_stubs.errors import WowApiError
from wowapi_stubs.widgets.base import lua_text

if TYPE_CHECKING:
    from wowapi_stubs.client import HeadlessClient


def install(client: HeadlessClient) -> dict[str, Callable[..., Any]]:
    settings = client.settings

    def _is_player(unit: Any) -> bool:
        if unit is None:
            raise WowApiError("Usage: UnitName(\"unit\")")
        return lua_text(unit).lower() == "player"

    def UnitName(unit: Any = None) -> tuple[Any, ...]:
        return (settings.character_name, None) if _is_player(unit) else ()

    def UnitAffectingCombat(unit: Any = None) -> int | None:
        return 1 if _is_player(unit) and client.in_combat else None

    def InCombatLockdown() -> int | None:
        return 1 if client.in_combat else None

    def GetRealmName() -> str:
        return settings.realm

    def GetLocale() -> str:
        return settings.locale

    return {"UnitName": UnitName, "UnitAffectingCombat": UnitAffectingCombat,
            "InCombatLockdown": InCombatLockdown, "GetRealmName": GetRealmName,
            "GetLocale": GetLocale}
