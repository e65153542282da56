"""Protected functions: insecure (addon or typed ``/run``) code cannot call them.

The call does nothing, ``ADDON_ACTION_FORBIDDEN`` fires with the culprit addon and the
function name, and the client records a ``protected-call-blocked`` finding. The
``allow_protected_calls`` setting lets them run instead and records ``protected-call-allowed``
each time (a visible relaxation). ``RunMacroText`` has been protected since patch 2.0.1.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wowapi_stubs.widgets.base import lua_text

if TYPE_CHECKING:
    from wowapi_stubs.client import HeadlessClient

PROTECTED_FUNCTIONS = (
    "RunMacroText", "RunMacro", "CastSpellByName", "CastSpellByID", "UseAction", "TargetUnit",
    "AssistUnit", "UseItemByName", "UseContainerItem", "SpellStopCasting", "PetAttack",
    "FocusUnit", "ClearTarget", "TargetNearestEnemy", "JumpOrAscendStart", "MoveForwardStart",
    "ToggleAutoRun", "CancelShapeshiftForm", "UseInventoryItem",
    # casting, targeting and attacking (protected since patch 2.0)
    "CastSpell", "CastShapeshiftForm", "CastPetAction", "SpellTargetUnit",
    "SpellStopTargeting", "TargetLastTarget", "TargetNearest", "TargetNearestFriend",
    "TargetNearestEnemyPlayer", "TargetNearestFriendPlayer", "TargetNearestPartyMember",
    "TargetNearestRaidMember", "TargetLastEnemy", "TargetLastFriend", "TargetTotem",
    "AttackTarget", "StartAttack", "StopAttack",
    # pet commands
    "PetFollow", "PetWait", "PetPassiveMode", "PetDefensiveMode", "PetAggressiveMode",
    "TogglePetAutocast",
)


def _run_macro_text(client: HeadlessClient, text: Any) -> None:
    for line in lua_text(text).split("\n"):
        if line.strip():
            client.execute_chat_line(line.strip())


def install(client: HeadlessClient) -> dict[str, Callable[..., Any]]:
    functions: dict[str, Callable[..., Any]] = {}
    for name in PROTECTED_FUNCTIONS:

        def protected(*args: Any, _name: str = name) -> None:
            if not client.protected_call(_name):
                return
            if _name == "RunMacroText" and args:
                _run_macro_text(client, args[0])

        functions[name] = protected
    return functions
