"""Spells and the spellbook: ``GetSpellInfo``, ``GetSpellName``, ``GetSpellTexture``,
``GetSpellCooldown``, spell tabs, talents and shapeshift forms (a level-80 character with
the default spellbook of :class:`~wowapi_stubs.world.World`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wowapi_stubs.errors import WowApiError
from wowapi_stubs.widgets.base import as_int, flag_result, lua_int, lua_text
from wowapi_stubs.world import Spell

if TYPE_CHECKING:
    from wowapi_stubs.host import Host

TALENT_TABS = {"MAGE": ("Arcane", "Fire", "Frost"), "WARRIOR": ("Arms", "Fury", "Protection"),
               "PALADIN": ("Holy", "Protection", "Retribution"),
               "HUNTER": ("Beast Mastery", "Marksmanship", "Survival"),
               "ROGUE": ("Assassination", "Combat", "Subtlety"),
               "PRIEST": ("Discipline", "Holy", "Shadow"),
               "DEATHKNIGHT": ("Blood", "Frost", "Unholy"),
               "SHAMAN": ("Elemental", "Enhancement", "Restoration"),
               "WARLOCK": ("Affliction", "Demonology", "Destruction"),
               "DRUID": ("Balance", "Feral Combat", "Restoration")}


def install(client: Host) -> dict[str, Callable[..., Any]]:
    world = client.world

    def spell_of(key: Any, book: Any, usage: str) -> Spell | None:
        """A spell by id, name (``"Name"`` or ``"Name(Rank 3)"``), link, or spellbook slot
        when a book type follows."""
        if key is None:
            raise WowApiError(f"Usage: {usage}")
        if isinstance(key, int | float) and not isinstance(key, bool):
            if book is not None:
                return world.spellbook_spell(as_int(key), lua_text(book))
            return world.spells.get(as_int(key))
        text = lua_text(key)
        if "spell:" in text:
            digits = text.split("spell:", 1)[1].split("|", 1)[0].split(":", 1)[0]
            return world.spells.get(int(digits)) if digits.isdigit() else None
        return world.known_spell(text.split("(", 1)[0].strip()) or world.spells.by_name(text)

    def GetSpellInfo(key: Any = None, book: Any = None) -> tuple[Any, ...]:
        spell = spell_of(key, book, 'GetSpellInfo(spellID or "name" or slot, "bookType")')
        if spell is None:
            return ()
        return (spell.name, spell.rank, spell.icon, spell.cost, flag_result(spell.funnel),
                spell.power_type, spell.cast_time, spell.min_range, spell.max_range)

    def GetSpellName(index: Any = None, book: Any = None) -> tuple[Any, ...]:
        if index is None or book is None:
            raise WowApiError('Usage: GetSpellName(index, "bookType")')
        spell = world.spellbook_spell(lua_int(index), lua_text(book))
        return () if spell is None else (spell.name, spell.rank)

    def GetSpellTexture(key: Any = None, book: Any = None) -> str | None:
        spell = spell_of(key, book, 'GetSpellTexture(spellID or "name" or slot, "bookType")')
        return None if spell is None else spell.icon

    def GetSpellLink(key: Any = None, book: Any = None) -> tuple[Any, ...]:
        spell = spell_of(key, book, 'GetSpellLink(spellID or "name" or slot, "bookType")')
        return () if spell is None else (spell.link, spell.spell_id)

    def GetSpellCooldown(key: Any = None, book: Any = None) -> tuple[Any, ...]:
        spell = spell_of(key, book, 'GetSpellCooldown(spellID or "name" or slot, "bookType")')
        if spell is None:
            return ()
        return 0, 0, 1

    def GetNumSpellTabs() -> int:
        return len(world.spellbook)

    def GetSpellTabInfo(tab: Any = None) -> tuple[Any, ...]:
        number = lua_int(tab, what="tab") if tab is not None else 0
        if not 1 <= number <= len(world.spellbook):
            return ()
        offset = sum(len(spells) for _, spells in world.spellbook[: number - 1])
        name, spells = world.spellbook[number - 1]
        icon = spells[0].icon if spells else "Interface\\Icons\\INV_Misc_QuestionMark"
        return name, icon, offset, len(spells)

    def IsSpellKnown(spell_id: Any = None, pet: Any = None) -> int | None:
        if spell_id is None:
            raise WowApiError("Usage: IsSpellKnown(spellID [, isPet])")
        return flag_result(pet is None and world.known_spell(lua_int(spell_id))
                           is not None)

    def IsUsableSpell(key: Any = None, book: Any = None) -> tuple[Any, ...]:
        spell = spell_of(key, book, 'IsUsableSpell(spellID or "name" or slot, "bookType")')
        known = spell is not None and world.known_spell(spell.spell_id) is not None
        return (1, None) if known else (None, None)

    def IsPassiveSpell(key: Any = None, book: Any = None) -> int | None:
        spell = spell_of(key, book, 'IsPassiveSpell(spellID or slot, "bookType")')
        return flag_result(spell is not None and spell.passive)

    def IsSpellInRange(key: Any = None, book_or_unit: Any = None, unit: Any = None
                       ) -> int | None:
        target = unit if unit is not None else book_or_unit
        if key is None or target is None:
            raise WowApiError('Usage: IsSpellInRange("name" or slot, ["bookType",] "unit")')
        return 1 if world.unit(lua_text(target)) is not None else None

    def talent_tabs() -> tuple[str, ...]:
        return TALENT_TABS[world.player.class_token]

    def GetTalentTabInfo(tab: Any = None, *_: Any) -> tuple[Any, ...]:
        number = lua_int(tab, what="tab") if tab is not None else 0
        tabs = talent_tabs()
        if not 1 <= number <= len(tabs):
            return ()
        name = tabs[number - 1]
        return (name, f"Interface\\Icons\\Spell_{name.replace(' ', '')}", 0,
                f"{world.player.class_token.title()}{name.replace(' ', '')}")

    return {
        "GetSpellInfo": GetSpellInfo,
        "GetSpellName": GetSpellName,
        "GetSpellTexture": GetSpellTexture,
        "GetSpellLink": GetSpellLink,
        "GetSpellCooldown": GetSpellCooldown,
        "GetNumSpellTabs": GetNumSpellTabs,
        "GetSpellTabInfo": GetSpellTabInfo,
        "IsSpellKnown": IsSpellKnown,
        "IsUsableSpell": IsUsableSpell,
        "IsPassiveSpell": IsPassiveSpell,
        "IsSpellInRange": IsSpellInRange,
        "IsCurrentSpell": lambda *args: None,
        # no spell waits for a target (nothing was cast that asks for one)
        "SpellIsTargeting": lambda: None,
        "SpellCanTargetItem": lambda: None,
        "IsAttackSpell": lambda *args: None,
        "IsAutoRepeatSpell": lambda *args: None,
        "SpellHasRange": lambda *args: 1,
        "GetSpellAutocast": lambda *args: (None, None),
        "GetActiveTalentGroup": lambda *args: 1,
        "GetNumTalentGroups": lambda *args: 1,
        "GetNumTalentTabs": lambda *args: len(talent_tabs()),
        "GetTalentTabInfo": GetTalentTabInfo,
        "GetNumTalents": lambda *args: 0,
        "GetUnspentTalentPoints": lambda *args: 0,
        "GetShapeshiftForm": lambda *args: 0,
        "GetNumShapeshiftForms": lambda: 0,
        "GetShapeshiftFormInfo": lambda *args: (),
        "GetShapeshiftFormCooldown": lambda *args: (0, 0, 1),
    }
