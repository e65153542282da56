"""The profession window: its recipes, their reagents and tools, the window's filters, and
crafting.

Closed unless the world opens one (:func:`open_trade_skill` fires ``TRADE_SKILL_SHOW``):
closed, ``GetTradeSkillLine`` answers ``"UNKNOWN"`` with zero ranks, counts are zero and rows
nil. Rows are each recipe header followed by its recipes (unless collapsed) that pass the
filters (name, item level, makeable only, sub-class, slot). How many of a recipe the
character can make is counted from the reagents in its bags. ``DoTradeSkill`` crafts at once:
the reagents leave the bags, the made item enters them, and ``BAG_UPDATE`` and
``TRADE_SKILL_UPDATE`` fire; each craft is recorded in the window's ``crafted``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from wowapi_stubs.api._windows import answer, headed_rows, set_collapsed, switch
from wowapi_stubs.api.container import Item
from wowapi_stubs.api.hands import Hands
from wowapi_stubs.widgets.base import (
    flag_result,
    lua_text,
    opt_int,
    usage_int,
    usage_number,
)

if TYPE_CHECKING:
    from wowapi_stubs.host import Host

EVENTS = ("TRADE_SKILL_SHOW", "TRADE_SKILL_UPDATE", "TRADE_SKILL_FILTER_UPDATE",
          "TRADE_SKILL_CLOSE", "BAG_UPDATE")
DIFFICULTIES = ("optimal", "medium", "easy", "trivial")
CLOSED_LINE = ("UNKNOWN", 0, 0, 0)
ERR_INVENTORY_FULL = "Inventory is full."


@dataclass(eq=False)  # one entry is itself, not any entry alike
class Recipe:
    """A recipe of the open profession."""

    spell_id: int
    name: str
    header: str = "Miscellaneous"
    difficulty: str = "optimal"  # one of DIFFICULTIES
    item: Item | None = None  # what it makes; None for an enchantment
    made: tuple[int, int] = (1, 1)  # fewest and most made per craft
    reagents: list[tuple[Item, int]] = field(default_factory=list)  # (item, count needed)
    tools: list[tuple[str, bool]] = field(default_factory=list)  # (tool, character has it)
    cooldown: float | None = None  # seconds left
    description: str | None = None
    alt_verb: str | None = None  # "Enchant" for enchantments
    icon: str = "Interface\\Icons\\INV_Misc_QuestionMark"
    sub_class: str = ""  # the sub-class filter's entry (defaults to the item's)
    inv_slot: str = ""  # the slot filter's entry

    def __post_init__(self) -> None:
        if self.difficulty not in DIFFICULTIES:
            raise ValueError(f"unknown recipe difficulty {self.difficulty!r}")
        if not self.sub_class and self.item is not None:
            self.sub_class = self.item.item_subclass
        if self.item is not None and self.icon.endswith("QuestionMark"):
            self.icon = self.item.texture


@dataclass
class TradeSkillWindow:
    """An open profession window: the character's own or a linked one."""

    name: str = "Alchemy"
    rank: int = 450
    max_rank: int = 450
    modifier: int = 0
    spell_id: int = 51304  # the profession's rank spell (the trade link's id)
    recipes: list[Recipe] = field(default_factory=list)
    linked_player: str | None = None  # whose list a trade link opened
    collapsed: set[str] = field(default_factory=set)
    selected: int = 0
    repeat: int = 1
    crafted: list[tuple[int, int]] = field(default_factory=list)  # (spell id, times)
    name_filter: str = ""
    level_filter: tuple[int, int] = (0, 0)
    makeable_only: bool = False
    sub_class_filter: set[int] = field(default_factory=lambda: {0})  # 0: all
    slot_filter: set[int] = field(default_factory=lambda: {0})

    def sub_classes(self) -> list[str]:
        return list(dict.fromkeys(r.sub_class for r in self.recipes if r.sub_class))

    def inv_slots(self) -> list[str]:
        return list(dict.fromkeys(r.inv_slot for r in self.recipes if r.inv_slot))


def open_trade_skill(client: Host, window: TradeSkillWindow) -> TradeSkillWindow:
    """The character opens a profession window (``TRADE_SKILL_SHOW``)."""
    client.world.trade_skill = window
    answer(client, "TRADE_SKILL_SHOW")
    return window


def install(client: Host) -> dict[str, Callable[..., Any]]:
    def window() -> TradeSkillWindow | None:
        return client.world.trade_skill

    def have(item_id: int) -> int:
        return sum(s.count for s in client.world.bags.contents.values()
                   if s.item.item_id == item_id)

    def can_make(recipe: Recipe) -> int:
        if not recipe.reagents:
            return 0
        return min(have(item.item_id) // max(count, 1) for item, count in recipe.reagents)

    def shown(found: TradeSkillWindow, recipe: Recipe) -> bool:
        low, high = found.level_filter
        level = recipe.item.required_level if recipe.item else 0
        subs, slots = found.sub_classes(), found.inv_slots()
        return ((not found.name_filter or found.name_filter.lower() in recipe.name.lower())
                and (not high or low <= level <= high)
                and (not found.makeable_only or can_make(recipe) > 0)
                and (0 in found.sub_class_filter or recipe.sub_class in subs
                     and subs.index(recipe.sub_class) + 1 in found.sub_class_filter)
                and (0 in found.slot_filter or recipe.inv_slot in slots
                     and slots.index(recipe.inv_slot) + 1 in found.slot_filter))

    def rows() -> list[str | Recipe]:
        found = window()
        if found is None:
            return []
        return headed_rows(found.recipes, lambda r: r.header, found.collapsed,
                           lambda r: shown(found, r))

    def row(index: Any, name: str) -> str | Recipe | None:
        number = usage_int(index, f"{name}(index)")
        listed = rows()
        return listed[number - 1] if 1 <= number <= len(listed) else None

    def recipe(index: Any, name: str) -> Recipe | None:
        found = row(index, name)
        return found if isinstance(found, Recipe) else None

    def GetTradeSkillInfo(index: Any = None) -> tuple[Any, ...] | None:
        found = row(index, "GetTradeSkillInfo")
        if isinstance(found, str):
            collapsed = found in window().collapsed  # type: ignore[union-attr]
            return found, "header", 0, flag_result(not collapsed), None
        if found is None:
            return None
        return found.name, found.difficulty, can_make(found), None, found.alt_verb

    def GetTradeSkillLine() -> tuple[Any, ...]:
        found = window()
        return (found.name, found.rank, found.max_rank, found.modifier) if found \
            else CLOSED_LINE

    def recipe_link(found: Recipe) -> str:
        profession = window().name  # type: ignore[union-attr]
        return f"|cffffd000|Henchant:{found.spell_id}|h[{profession}: {found.name}]|h|r"

    def GetTradeSkillItemLink(index: Any = None) -> str | None:
        found = recipe(index, "GetTradeSkillItemLink")
        if found is None:
            return None
        return found.item.link if found.item else \
            f"|cffffd000|Henchant:{found.spell_id}|h[{found.name}]|h|r"

    def GetTradeSkillRecipeLink(index: Any = None) -> str | None:
        found = recipe(index, "GetTradeSkillRecipeLink")
        return recipe_link(found) if found else None

    def reagent(index: Any, reagent_index: Any, name: str) -> tuple[Item, int] | None:
        text = f"{name}(index, reagentIndex)"
        found = recipe(usage_number(index, text), name)
        number = usage_int(reagent_index, text)
        if found is None or not 1 <= number <= len(found.reagents):
            return None
        return found.reagents[number - 1]

    def GetTradeSkillReagentInfo(index: Any = None, reagent_index: Any = None
                                 ) -> tuple[Any, ...] | None:
        found = reagent(index, reagent_index, "GetTradeSkillReagentInfo")
        if found is None:
            return None
        item, count = found
        return item.name, item.texture, count, have(item.item_id)

    def GetTradeSkillReagentItemLink(index: Any = None, reagent_index: Any = None
                                     ) -> str | None:
        found = reagent(index, reagent_index, "GetTradeSkillReagentItemLink")
        return found[0].link if found else None

    def recipe_value(name: str, read: Callable[[Recipe], Any]) -> Callable[..., Any]:
        def answer(index: Any = None) -> Any:
            found = recipe(index, name)
            return read(found) if found else None

        return answer

    def GetTradeSkillTools(index: Any = None) -> tuple[Any, ...]:
        found = recipe(index, "GetTradeSkillTools")
        tools = found.tools if found else []
        return tuple(v for tool, has in tools for v in (tool, flag_result(has)))

    def GetTradeSkillListLink() -> str | None:
        found = window()
        if found is None or found.linked_player is not None:
            return None
        guid = client.world.player.guid[2:]
        known = "".join(chr(0x41 + r.spell_id % 26) for r in found.recipes) or "A"
        return (f"|cffffd000|Htrade:{found.spell_id}:{found.rank}:{found.max_rank}:{guid}:"
                f"{known}|h[{found.name}]|h|r")

    def GetFirstTradeSkill() -> int:
        listed = rows()
        return next((i for i, r in enumerate(listed, 1) if isinstance(r, Recipe)), 0)

    def header_toggle(collapse: bool, name: str) -> Callable[..., None]:
        def toggle(index: Any = None) -> None:
            found = window()
            number = usage_int(index, f"{name}(index)")
            if found is None:
                return
            headers = list(dict.fromkeys(r.header for r in found.recipes)) if number == 0 \
                else [row(number, name)]
            if set_collapsed(found.collapsed, headers, collapse):
                answer(client, "TRADE_SKILL_UPDATE")

        return toggle

    def filter_pair(attribute: str, name: str) -> tuple[Callable[..., Any], Callable[..., Any]]:
        def get(index: Any = None) -> int | None:
            number = usage_int(index, f"Get{name}(index)")
            found = window()
            enabled = getattr(found, attribute) if found else {0}
            return flag_result(number in enabled or (number > 0 and 0 in enabled))

        def set_filter(index: Any = None, on: Any = None, exclusive: Any = None) -> None:
            number = usage_int(index, f"Set{name}(index, onOff[, exclusive])")
            found = window()
            if found is None:
                return
            enabled: set[int] = getattr(found, attribute)
            before = set(enabled)
            if switch(on) and (switch(exclusive) or number == 0):
                enabled.clear()
                enabled.add(number)
            elif switch(on):
                enabled.discard(0)
                enabled.add(number)
            else:
                enabled.discard(number)
            if enabled != before:
                answer(client, "TRADE_SKILL_FILTER_UPDATE")

        return get, set_filter

    def filtered(attribute: str, value: Any) -> None:
        found = window()
        if found is not None and getattr(found, attribute) != value:
            setattr(found, attribute, value)
            answer(client, "TRADE_SKILL_FILTER_UPDATE")

    def SetTradeSkillItemNameFilter(text: Any = None) -> None:
        filtered("name_filter", lua_text(text) if text is not None else "")

    def SetTradeSkillItemLevelFilter(low: Any = None, high: Any = None) -> None:
        filtered("level_filter", (opt_int(low, 0), opt_int(high, 0)))

    def TradeSkillOnlyShowMakeable(on: Any = None) -> None:
        filtered("makeable_only", switch(on))

    def SelectTradeSkill(index: Any = None) -> None:
        found = window()
        number = usage_int(index, "SelectTradeSkill(index)")
        if found is not None:
            found.selected = number

    def take(item_id: int, count: int) -> None:
        contents = client.world.bags.contents
        for place, held in sorted(contents.items()):
            if count <= 0:
                break
            if held.item.item_id == item_id:
                used = min(held.count, count)
                held.count -= used
                count -= used
                if held.count == 0:
                    del contents[place]
                answer(client, "BAG_UPDATE", place[0])

    def give(item: Item, count: int) -> bool:
        place = Hands(client).stow(item, count)
        if place is None:
            return False
        answer(client, "BAG_UPDATE", place[1])
        return True

    def DoTradeSkill(index: Any = None, times: Any = None) -> None:
        found = window()
        made = recipe(index, "DoTradeSkill")
        if found is None or made is None or found.linked_player is not None:
            return
        wanted = max(opt_int(times, 1), 1)
        found.repeat = wanted
        done = 0
        while done < wanted and can_make(made) > 0 and not made.cooldown:
            if made.item is not None and not give(made.item, made.made[0]):
                client.ui_error(ERR_INVENTORY_FULL)
                break
            for item, count in made.reagents:
                take(item.item_id, count)
            done += 1
        if done:
            found.crafted.append((made.spell_id, done))
            answer(client, "TRADE_SKILL_UPDATE")
        found.repeat = 1

    def CloseTradeSkill() -> None:
        if window() is not None:
            client.world.trade_skill = None
            answer(client, "TRADE_SKILL_CLOSE")

    def StopTradeSkillRepeat() -> None:
        found = window()
        if found is not None:
            found.repeat = 1

    def IsTradeSkillLinked() -> tuple[Any, ...]:
        found = window()
        if found is None or found.linked_player is None:
            return None, None
        return 1, found.linked_player

    sub_class_get, sub_class_set = filter_pair("sub_class_filter", "TradeSkillSubClassFilter")
    slot_get, slot_set = filter_pair("slot_filter", "TradeSkillInvSlotFilter")
    return {
        "GetNumTradeSkills": lambda: len(rows()),
        "GetTradeSkillInfo": GetTradeSkillInfo,
        "GetTradeSkillLine": GetTradeSkillLine,
        "GetTradeSkillItemLink": GetTradeSkillItemLink,
        "GetTradeSkillRecipeLink": GetTradeSkillRecipeLink,
        "GetTradeSkillNumReagents": recipe_value("GetTradeSkillNumReagents",
                                                 lambda r: len(r.reagents)),
        "GetTradeSkillReagentInfo": GetTradeSkillReagentInfo,
        "GetTradeSkillReagentItemLink": GetTradeSkillReagentItemLink,
        "GetTradeSkillCooldown": recipe_value("GetTradeSkillCooldown",
                                              lambda r: r.cooldown or None),
        "GetTradeSkillNumMade": recipe_value("GetTradeSkillNumMade", lambda r: r.made),
        "GetTradeSkillIcon": recipe_value("GetTradeSkillIcon", lambda r: r.icon),
        "GetTradeSkillDescription": recipe_value("GetTradeSkillDescription",
                                                 lambda r: r.description),
        "GetTradeSkillTools": GetTradeSkillTools,
        "GetTradeSkillSelectionIndex": lambda: window().selected if window() else 0,
        "SelectTradeSkill": SelectTradeSkill,
        "GetTradeSkillListLink": GetTradeSkillListLink,
        "GetTradeskillRepeatCount": lambda: window().repeat if window() else 1,
        "StopTradeSkillRepeat": StopTradeSkillRepeat,
        "GetTradeSkillSubClasses": lambda: tuple(window().sub_classes()) if window() else (),
        "GetTradeSkillInvSlots": lambda: tuple(window().inv_slots()) if window() else (),
        "GetTradeSkillSubClassFilter": sub_class_get,
        "SetTradeSkillSubClassFilter": sub_class_set,
        "GetTradeSkillInvSlotFilter": slot_get,
        "SetTradeSkillInvSlotFilter": slot_set,
        "SetTradeSkillItemNameFilter": SetTradeSkillItemNameFilter,
        "SetTradeSkillItemLevelFilter": SetTradeSkillItemLevelFilter,
        "TradeSkillOnlyShowMakeable": TradeSkillOnlyShowMakeable,
        "GetFirstTradeSkill": GetFirstTradeSkill,
        "ExpandTradeSkillSubClass": header_toggle(False, "ExpandTradeSkillSubClass"),
        "CollapseTradeSkillSubClass": header_toggle(True, "CollapseTradeSkillSubClass"),
        "IsTradeSkillLinked": IsTradeSkillLinked,
        "CloseTradeSkill": CloseTradeSkill,
        "DoTradeSkill": DoTradeSkill,
    }
