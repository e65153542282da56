"""``GameTooltip``: owner and anchor, lines kept as font strings named
``<Name>TextLeft<n>``/``<Name>TextRight<n>`` (addons read those), and the setters that fill
it from the world (items in bags and equipment, units, spells, links)."""

from __future__ import annotations

import re
from typing import Any, ClassVar

from wowapi_stubs.errors import WowApiError
from wowapi_stubs.widgets.base import (
    flag_result,
    lua_int,
    lua_text,
    number_pair,
    opt_number,
    opt_text,
    usage,
    values_pair,
)
from wowapi_stubs.widgets.frame import FRAME_SCRIPTS, Frame
from wowapi_stubs.widgets.regions import FontString

TOOLTIP_SCRIPTS = FRAME_SCRIPTS | {
    "OnTooltipAddMoney", "OnTooltipCleared", "OnTooltipSetDefaultAnchor", "OnTooltipSetItem",
    "OnTooltipSetUnit", "OnTooltipSetSpell", "OnTooltipSetQuest", "OnTooltipSetAchievement",
    "OnHyperlinkClick", "OnHyperlinkEnter", "OnHyperlinkLeave"}
_LINK = re.compile(r"(?:\|H)?(?P<kind>[a-z]+):(?P<id>-?\d+)")
_UNIT_LINK = re.compile(r"^(?:\|H)?unit:(?P<guid>0x[0-9A-Fa-f]{16})")
_WHITE = (1.0, 1.0, 1.0)
_NORMAL = (1.0, 0.82, 0.0)  # NORMAL_FONT_COLOR


class GameTooltip(Frame):
    """A tooltip. ``lines`` holds its text (double lines as ``"left\\tright"``)."""

    KIND: ClassVar[str] = "GameTooltip"
    SCRIPTS: ClassVar[frozenset[str]] = TOOLTIP_SCRIPTS
    anchor_type = "ANCHOR_NONE"
    minimum_width = 0.0
    padding = (0.0,)
    _owner_id: int | None = None
    # What the tooltip shows: ("item", item) / ("unit", token, name) / ("spell", spell).
    subject: tuple[Any, ...] | None = None

    def __init__(self, client: Any, name: str | None, parent: Any) -> None:
        super().__init__(client, name, parent)
        self._left_ids: list[int] = []
        self._right_ids: list[int] = []
        self._count = 0

    # -- Python side --------------------------------------------------------------------------
    @property
    def lines(self) -> list[str]:
        """Each line's text; a double line is ``"left\\tright"``."""
        out = []
        for index in range(self._count):
            left = self._font_string(index, "Left").text or ""
            right = self._font_string(index, "Right")
            out.append(f"{left}\t{right.text}" if right.text and right.is_shown() else left)
        return out

    @property
    def owner(self) -> Any:
        found = self._owner_id
        return None if found is None else self._client.widgets.get(found)

    def add_font_strings(self, count: int) -> None:
        """Create the first ``count`` line pairs (what ``GameTooltipTemplate`` holds)."""
        for index in range(count):
            self._font_string(index, "Left")
            self._font_string(index, "Right")

    def _font_string(self, index: int, side: str) -> FontString:
        ids = self._left_ids if side == "Left" else self._right_ids
        while len(ids) <= index:
            number = len(ids) + 1
            name = f"{self.name}Text{side}{number}" if self.name else None
            line = self._client._create_region(FontString, name, self)
            line.draw_layer = "ARTWORK"
            line.set_font_object_name("GameTooltipText" if number > 1 or side == "Right"
                                      else "GameTooltipHeaderText")
            line.shown = False
            ids.append(line.id)
        return self._client.widgets[ids[index]]

    def _add(self, left: str, right: str | None = None, color: tuple[float, ...] = _NORMAL,
             right_color: tuple[float, ...] = _WHITE) -> None:
        index = self._count
        self._count += 1
        line = self._font_string(index, "Left")
        line.set_text(left)
        line._set_font_value("color", (*color[:3], 1.0))
        line.shown = True
        other = self._font_string(index, "Right")
        other.set_text(right)
        other._set_font_value("color", (*right_color[:3], 1.0))
        other.shown = right is not None

    def _clear(self) -> None:
        for index in range(self._count):
            for side in ("Left", "Right"):
                line = self._font_string(index, side)
                line.set_text(None)
                line.shown = False
        self._count = 0
        self.subject = None
        self.run_script("OnTooltipCleared")

    def _show_subject(self, subject: tuple[Any, ...], lines: list[tuple[str, Any]],
                      script: str) -> None:
        self._clear()
        for text, color in lines:
            self._add(text, color=color)
        self.subject = subject
        self.Show()
        self.run_script(script)

    # -- owner and lines ----------------------------------------------------------------------
    def SetOwner(self, owner: Any = None, anchor: Any = None, *offsets: Any) -> None:
        widget = self._client._widget_from_lua(owner)
        if widget is None:
            raise usage('GameTooltip:SetOwner(owner [, "anchor" [, x, y]])')
        self._clear()
        self._owner_id = widget.id
        self.anchor_type = (opt_text(anchor) or "ANCHOR_LEFT").upper()

    def GetOwner(self) -> Any:
        return self.owner

    def IsOwned(self, frame: Any = None) -> int | None:
        widget = self._client._widget_from_lua(frame)
        return flag_result(widget is not None and widget.id == self._owner_id)

    def SetAnchorType(self, anchor: Any = None, *offsets: Any) -> None:
        self.anchor_type = (opt_text(anchor) or "ANCHOR_LEFT").upper()

    def GetAnchorType(self) -> str:
        return self.anchor_type

    def Hide(self) -> None:
        super().Hide()
        if self._count:
            self._clear()
        self._owner_id = None

    def SetText(self, text: Any = None, r: Any = None, g: Any = None, b: Any = None,
                *_: Any) -> None:
        if text is None:
            raise usage("GameTooltip:SetText(text [, r, g, b [, a [, wrap]]])")
        self._clear()
        self._add(lua_text(text, what="text"), color=_rgb(r, g, b, _WHITE))

    def AddLine(self, text: Any = None, r: Any = None, g: Any = None, b: Any = None,
                *_: Any) -> None:
        self._add("" if text is None else lua_text(text, what="text"), color=_rgb(r, g, b,
                                                                                  _NORMAL))

    def AddDoubleLine(self, left: Any = None, right: Any = None, *colors: Any) -> None:
        values = [*colors, *([None] * 6)]
        self._add("" if left is None else lua_text(left), "" if right is None else lua_text(
            right), color=_rgb(*values[0:3], _NORMAL), right_color=_rgb(*values[3:6], _NORMAL))

    def AppendText(self, text: Any = None) -> None:
        if self._count == 0:
            self._add("", color=_WHITE)
        first = self._font_string(0, "Left")
        first.set_text((first.text or "") + ("" if text is None else lua_text(text)))

    def AddTexture(self, path: Any = None) -> None:
        if path is None:
            raise usage('GameTooltip:AddTexture("path")')

    def AddFontStrings(self, left: Any = None, right: Any = None) -> None:
        first = self._client._widget_from_lua(left)
        second = self._client._widget_from_lua(right)
        if not isinstance(first, FontString) or not isinstance(second, FontString):
            raise usage("GameTooltip:AddFontStrings(leftFontString, rightFontString)")
        self._left_ids.append(first.id)
        self._right_ids.append(second.id)

    def ClearLines(self) -> None:
        self._clear()

    def NumLines(self) -> int:
        return self._count

    def FadeOut(self) -> None:
        self.Hide()

    SetMinimumWidth, GetMinimumWidth = number_pair("minimum_width",
                                                   "GameTooltip:SetMinimumWidth(width)")
    SetPadding, GetPadding = values_pair("padding", 1)

    # -- what the tooltip shows ---------------------------------------------------------------
    def GetItem(self) -> tuple[Any, ...]:
        if self.subject and self.subject[0] == "item":
            item = self.subject[1]
            return item.name, item.link
        return ()

    def GetUnit(self) -> tuple[Any, ...]:
        if self.subject and self.subject[0] == "unit":
            return self.subject[2], self.subject[1]
        return ()

    def GetSpell(self) -> tuple[Any, ...]:
        if self.subject and self.subject[0] == "spell":
            spell = self.subject[1]
            return spell.name, spell.rank, spell.spell_id
        return ()

    def IsUnit(self, unit: Any = None) -> int | None:
        if not (self.subject and self.subject[0] == "unit") or unit is None:
            return None
        world = self._client.world
        return flag_result(world.unit(lua_text(unit)) is world.unit(self.subject[1]))

    def IsEquippedItem(self) -> int | None:
        return flag_result(bool(self.subject and self.subject[0] == "item"
                                and len(self.subject) > 2 and self.subject[2]))

    def _show_item(self, item: Any, equipped: bool = False) -> None:
        if item is None:
            self._clear()
            return
        self._show_subject(("item", item, equipped), item.tooltip_lines(),
                           "OnTooltipSetItem")

    def _show_spell(self, spell: Any) -> None:
        if spell is None:
            self._clear()
            return
        self._show_subject(("spell", spell), spell.tooltip_lines(), "OnTooltipSetSpell")

    def SetHyperlink(self, link: Any = None) -> None:
        if link is None:
            raise usage('GameTooltip:SetHyperlink("link")')
        text = lua_text(link)
        unit = _UNIT_LINK.search(text)
        if unit is not None:
            self._show_unit_by_guid(unit["guid"])
            return
        match = _LINK.search(text)
        if match is None:
            raise WowApiError("GameTooltip:SetHyperlink(): Unknown link type")
        kind, number = match["kind"], int(match["id"])
        world = self._client.world
        if kind == "item":
            self._show_item(world.items.get(number))
        elif kind in ("spell", "enchant", "talent", "glyph"):
            self._show_spell(world.spells.get(number))
        elif kind in ("quest", "achievement", "trade", "instancelock", "player", "channel"):
            self._clear()
        else:
            raise WowApiError("GameTooltip:SetHyperlink(): Unknown link type")

    def SetBagItem(self, bag: Any = None, slot: Any = None) -> tuple[Any, ...]:
        if bag is None or slot is None:
            raise usage("GameTooltip:SetBagItem(bag, slot)")
        found = self._client.world.bags.contents.get((lua_int(bag),
                                                      lua_int(slot)))
        self._show_item(found.item if found else None)
        return (None, 0) if found else ()

    def SetInventoryItem(self, unit: Any = None, slot: Any = None, *_: Any) -> tuple[Any, ...]:
        if unit is None or slot is None:
            raise usage('GameTooltip:SetInventoryItem("unit", slot)')
        world = self._client.world
        item = world.equipped_item(lua_text(unit), lua_int(slot))
        self._show_item(item, equipped=True)
        return (1, None, 0) if item else ()

    def _show_unit_by_guid(self, guid: str) -> None:
        """``unit:<GUID>`` links: the tooltip of a unit the client knows by that GUID (the
        player, the target, the focus, a group member), else an empty tooltip."""
        world = self._client.world
        known = [(token, world.unit(token)) for token in ("player", "target", "focus", "pet")]
        known += [(world.unit_token(member) or member.name, member) for member in world.group()]
        for token, found in known:
            if found is not None and found.guid.lower() == guid.lower():
                self._show_subject(("unit", token, found.name), found.tooltip_lines(),
                                   "OnTooltipSetUnit")
                return
        self._clear()

    def SetUnit(self, unit: Any = None) -> None:
        if unit is None:
            raise usage('GameTooltip:SetUnit("unit")')
        token = lua_text(unit)
        found = self._client.world.unit(token)
        if found is None:
            self._clear()
            return
        self._show_subject(("unit", token, found.name), found.tooltip_lines(),
                           "OnTooltipSetUnit")

    def SetSpell(self, index: Any = None, book: Any = None) -> None:
        if index is None or book is None:
            raise usage('GameTooltip:SetSpell(spellbookID, "bookType")')
        self._show_spell(self._client.world.spellbook_spell(lua_int(index),
                                                            lua_text(book)))

    def SetFrameStack(self, show_hidden: Any = None) -> None:
        """The frames under the mouse pointer, one line each, shown. The headless pointer
        rests on the world (``GetMouseFocus()`` is ``WorldFrame``), so that is the stack;
        the client's exact layout of the lines (strata headings) is not modelled."""
        self._clear()
        self._add(self._client.lookup_named("WorldFrame").name, color=_WHITE)
        self.subject = ("framestack",)
        self.Show()

    def SetSpellByID(self, spell_id: Any = None) -> None:
        if spell_id is None:
            raise usage("GameTooltip:SetSpellByID(spellID)")
        self._show_spell(self._client.world.spells.get(lua_int(spell_id)))

    def _aura(self, unit: Any, index: Any, filter_text: str) -> None:
        if unit is None or index is None:
            raise usage('GameTooltip:SetUnitAura("unit", index [, "filter"])')
        found = self._client.world.unit(lua_text(unit))
        aura = found.aura(lua_int(index), filter_text) if found else None
        if aura is None:
            self._clear()
            return
        self._show_subject(("aura", aura), [(aura.name, _NORMAL)], "OnTooltipSetSpell")

    def SetUnitAura(self, unit: Any = None, index: Any = None, filter_text: Any = None) -> None:
        self._aura(unit, index, opt_text(filter_text) or "HELPFUL")

    def SetUnitBuff(self, unit: Any = None, index: Any = None, filter_text: Any = None) -> None:
        self._aura(unit, index, "HELPFUL " + (opt_text(filter_text) or ""))

    def SetUnitDebuff(self, unit: Any = None, index: Any = None,
                      filter_text: Any = None) -> None:
        self._aura(unit, index, "HARMFUL " + (opt_text(filter_text) or ""))


def _rgb(r: Any, g: Any, b: Any, default: tuple[float, ...]) -> tuple[float, ...]:
    if r is None or g is None or b is None:
        return default
    return opt_number(r, 1.0), opt_number(g, 1.0), opt_number(b, 1.0)


def _nothing_there(self: GameTooltip, *_: Any) -> None:
    """A setter for a window the headless world never has open (loot, merchant, trade,
    auctions...): the client shows nothing, as it does when the slot is empty."""
    self._clear()


for _name in ("SetAction", "SetAuctionItem", "SetAuctionSellItem", "SetBackpackToken",
              "SetBuybackItem", "SetCurrencyToken", "SetEquipmentSet", "SetExistingSocketGem",
              "SetGlyph", "SetGuildBankItem", "SetHyperlinkCompareItem", "SetInboxItem",
              "SetLFGCompletionReward", "SetLFGDungeonReward", "SetLootItem",
              "SetLootRollItem", "SetMerchantCostItem", "SetMerchantItem", "SetPetAction",
              "SetPossession", "SetQuestItem", "SetQuestLogItem", "SetQuestLogRewardSpell",
              "SetQuestLogSpecialItem", "SetQuestRewardSpell", "SetSendMailItem",
              "SetShapeshift", "SetSocketGem", "SetSocketedItem", "SetTalent", "SetTotem",
              "SetTracking", "SetTradePlayerItem", "SetTradeSkillItem", "SetTradeTargetItem",
              "SetTrainerService"):
    setattr(GameTooltip, _name, _nothing_there)


__all__ = ["GameTooltip", "opt_number"]
