"""Macros: the account's (up to 36, indices 1-36) and the character's (up to 18, indices
37-54), none in a fresh client, and the icons the macro editor offers.

``PickupMacro`` puts one on the cursor (``GetCursorInfo()`` is ``"macro", index``).
``CreateMacro``, ``EditMacro`` and ``DeleteMacro`` change them (each kept in name order, so
a macro's index can move) and fire ``UPDATE_MACROS``; in combat the client refuses them
(``ADDON_ACTION_BLOCKED``). The icon lists are the question mark and the icons of the
spellbook's spells, and the icons of the items the client knows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from wowapi_stubs.api._windows import answer
from wowapi_stubs.errors import WowApiError
from wowapi_stubs.widgets.base import lua_flag, lua_int, lua_text

if TYPE_CHECKING:
    from wowapi_stubs.host import Host
    from wowapi_stubs.world import World

EVENTS = ("UPDATE_MACROS", "ADDON_ACTION_BLOCKED")
MAX_ACCOUNT_MACROS = 36
MAX_CHARACTER_MACROS = 18
MAX_NAME_CHARACTERS = 16
MAX_BODY_BYTES = 255
QUESTION_MARK = "Interface\\Icons\\INV_Misc_QuestionMark"


@dataclass
class Macro:
    name: str
    texture: str
    body: str
    is_local: bool = False


def _body(value: Any) -> str:
    raw = lua_text(value).encode("utf-8", "surrogateescape")[:MAX_BODY_BYTES]
    return raw.decode("utf-8", "ignore")


def macro_icons(world: World) -> list[str]:
    """The icons the macro editor offers first (``GetMacroIconInfo``): the question mark,
    then the icons of the spellbook's spells."""
    icons = [QUESTION_MARK]
    for _, spells in world.spellbook:
        icons += [spell.icon for spell in spells if spell.icon not in icons]
    return icons


def install(client: Host) -> dict[str, Callable[..., Any]]:
    world = client.world
    account: list[Macro] = []
    character: list[Macro] = []

    def spell_icons() -> list[str]:
        return macro_icons(world)

    def item_icons() -> list[str]:
        icons: list[str] = []
        for item in world.items.values():
            if item.texture not in icons:
                icons.append(item.texture)
        return icons

    def icon_at(icons: list[str], index: Any) -> str | None:
        number = lua_int(index, what="index") if index is not None else 0
        return icons[number - 1] if 1 <= number <= len(icons) else None

    def texture_of(icon: Any) -> str:
        if isinstance(icon, bytes | str):
            return lua_text(icon)
        return icon_at(spell_icons(), icon) or QUESTION_MARK

    def locate(key: Any) -> tuple[list[Macro], int] | None:
        """The list holding the macro an index or a name names, and its place there."""
        if isinstance(key, bytes | str):
            name = lua_text(key)
            for macros in (account, character):
                for place, macro in enumerate(macros):
                    if macro.name == name:
                        return macros, place
            return None
        number = lua_int(key, what="index") if key is not None else 0
        if 1 <= number <= len(account):
            return account, number - 1
        if 1 <= number - MAX_ACCOUNT_MACROS <= len(character):
            return character, number - MAX_ACCOUNT_MACROS - 1
        return None

    def index_of(macro: Macro) -> int:
        if macro in account:
            return account.index(macro) + 1
        return MAX_ACCOUNT_MACROS + character.index(macro) + 1

    def changed() -> None:
        for macros in (account, character):
            macros.sort(key=lambda m: m.name)
        answer(client, "UPDATE_MACROS")

    def GetMacroInfo(key: Any = None) -> tuple[Any, ...]:
        found = locate(key)
        if found is None:
            return ()
        macro = found[0][found[1]]
        return macro.name, macro.texture, macro.body, 1 if macro.is_local else None

    def GetMacroBody(key: Any = None) -> str | None:
        found = locate(key)
        return None if found is None else found[0][found[1]].body

    def GetMacroIndexByName(name: Any = None) -> int:
        if name is None:
            raise WowApiError('Usage: GetMacroIndexByName("name")')
        found = locate(lua_text(name))
        return 0 if found is None else index_of(found[0][found[1]])

    def CreateMacro(name: Any = None, icon: Any = None, body: Any = None,
                    per_character: Any = None, is_local: Any = None) -> int | None:
        if name is None or icon is None:
            raise WowApiError(
                'Usage: CreateMacro("name", icon, "body", perCharacter [, isLocal])')
        if client.combat_blocked("CreateMacro"):
            return None
        macros, limit = ((character, MAX_CHARACTER_MACROS) if lua_flag(per_character)
                         else (account, MAX_ACCOUNT_MACROS))
        if len(macros) >= limit:
            return None  # that list is full
        macro = Macro(lua_text(name)[:MAX_NAME_CHARACTERS], texture_of(icon),
                      "" if body is None else _body(body), lua_flag(is_local))
        macros.append(macro)
        changed()
        return index_of(macro)

    def EditMacro(key: Any = None, name: Any = None, icon: Any = None, body: Any = None,
                  is_local: Any = None, *_: Any) -> int | None:
        if key is None:
            raise WowApiError('Usage: EditMacro(index or "name", "name", icon, "body")')
        if client.combat_blocked("EditMacro"):
            return None
        found = locate(key)
        if found is None:
            return None
        macro = found[0][found[1]]
        if name is not None:
            macro.name = lua_text(name)[:MAX_NAME_CHARACTERS]
        if icon is not None:
            macro.texture = texture_of(icon)
        if body is not None:
            macro.body = _body(body)
        if is_local is not None:
            macro.is_local = lua_flag(is_local)
        changed()
        return index_of(macro)

    def DeleteMacro(key: Any = None) -> None:
        if key is None:
            raise WowApiError('Usage: DeleteMacro(index or "name")')
        if client.combat_blocked("DeleteMacro"):
            return
        found = locate(key)
        if found is not None:
            del found[0][found[1]]
            changed()

    def PickupMacro(key: Any = None) -> None:
        if key is None:
            raise WowApiError('Usage: PickupMacro(index or "name")')
        found = locate(key)
        if found is not None:
            world.cursor = ("macro", index_of(found[0][found[1]]))

    return {
        "PickupMacro": PickupMacro,
        "CursorHasMacro": lambda: 1 if world.cursor and world.cursor[0] == "macro" else None,
        "GetNumMacros": lambda: (len(account), len(character)),
        "GetMacroInfo": GetMacroInfo,
        "GetMacroBody": GetMacroBody,
        "GetMacroIndexByName": GetMacroIndexByName,
        "CreateMacro": CreateMacro,
        "EditMacro": EditMacro,
        "DeleteMacro": DeleteMacro,
        "GetNumMacroIcons": lambda: len(spell_icons()),
        "GetMacroIconInfo": lambda index=None: icon_at(spell_icons(), index),
        "GetNumMacroItemIcons": lambda: len(item_icons()),
        "GetMacroItemIconInfo": lambda index=None: icon_at(item_icons(), index),
    }
