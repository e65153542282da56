"""A trainer's window: the services (spells, profession ranks, recipes) it teaches.

Closed unless the world opens one (:func:`open_trainer` fires ``TRAINER_SHOW``): closed, the
count is zero, rows nil and the greeting empty. Rows are each skill line's header followed
by its services (unless collapsed) whose state (available, unavailable, used) passes the
type filters; the filters belong to the client (available and unavailable shown, used hidden,
at start) and outlast the window. Buying an available service the character can pay for
takes the money, marks it used, records it in the trainer's ``bought`` and fires
``TRAINER_UPDATE``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from wowapi_stubs.api._windows import answer, headed_rows, set_collapsed, switch
from wowapi_stubs.api.container import Item
from wowapi_stubs.widgets.base import flag_result, lua_text, usage, usage_int, usage_number

if TYPE_CHECKING:
    from wowapi_stubs.host import Host

EVENTS = ("TRAINER_SHOW", "TRAINER_UPDATE", "TRAINER_CLOSED",
          "PLAYER_MONEY")
SERVICE_STATES = ("available", "unavailable", "used")
ERR_NOT_ENOUGH_MONEY = "You don't have enough money"


@dataclass(eq=False)  # one entry is itself, not any entry alike
class TrainerService:
    """Something a trainer teaches."""

    name: str
    rank: str = ""  # the row's sub-text ("Rank 3", "Journeyman")
    state: str = "available"  # one of SERVICE_STATES
    skill_line: str = "General"
    cost: int = 0  # copper
    talent_cost: int = 0
    profession_cost: int = 0
    icon: str = "Interface\\Icons\\INV_Misc_QuestionMark"
    description: str | None = None
    level: int = 0  # required character level (0: none)
    skill: tuple[str, int, bool] | None = None  # (skill, rank, character meets it)
    abilities: list[tuple[str, bool]] = field(default_factory=list)  # (ability, known)
    step: tuple[str, bool] | None = None  # (previous rank, learned)
    item: Item | None = None  # what a recipe makes

    def __post_init__(self) -> None:
        if self.state not in SERVICE_STATES:
            raise ValueError(f"unknown trainer service state {self.state!r}")


@dataclass
class Trainer:
    """An open trainer window."""

    greeting: str = ""
    tradeskill: bool = False  # a profession trainer rather than a class trainer
    services: list[TrainerService] = field(default_factory=list)
    collapsed: set[str] = field(default_factory=set)
    selected: int = 0
    bought: list[str] = field(default_factory=list)  # names of services bought


def open_trainer(client: Host, trainer: Trainer) -> Trainer:
    """The character talks to a trainer (``TRAINER_SHOW``)."""
    client.world.trainer = trainer
    answer(client, "TRAINER_SHOW")
    return trainer


def install(client: Host) -> dict[str, Callable[..., Any]]:
    filters = {"available": True, "unavailable": True, "used": False}

    def trainer() -> Trainer | None:
        return client.world.trainer

    def rows() -> list[str | TrainerService]:
        found = trainer()
        if found is None:
            return []
        return headed_rows(found.services, lambda s: s.skill_line, found.collapsed,
                           lambda s: filters[s.state])

    def row(index: Any, name: str, arguments: str = "index") -> str | TrainerService | None:
        number = usage_int(index, f"{name}({arguments})")
        listed = rows()
        return listed[number - 1] if 1 <= number <= len(listed) else None

    def service(index: Any, name: str) -> TrainerService | None:
        found = row(index, name)
        return found if isinstance(found, TrainerService) else None

    def GetTrainerServiceInfo(index: Any = None) -> tuple[Any, ...] | None:
        found = row(index, "GetTrainerServiceInfo")
        if isinstance(found, str):
            collapsed = found in trainer().collapsed  # type: ignore[union-attr]
            return found, "", "header", flag_result(not collapsed)
        if found is None:
            return None
        return found.name, found.rank, found.state, None

    def of_service(name: str, read: Callable[[TrainerService], Any],
                   default: Any = None) -> Callable[..., Any]:
        def answer(index: Any = None) -> Any:
            found = service(index, name)
            return read(found) if found else default

        return answer

    def GetTrainerServiceSkillLine(index: Any = None) -> str | None:
        found = row(index, "GetTrainerServiceSkillLine")
        if found is None:
            return None
        return found if isinstance(found, str) else found.skill_line

    def GetTrainerServiceSkillReq(index: Any = None) -> tuple[Any, ...] | None:
        found = service(index, "GetTrainerServiceSkillReq")
        if found is None or found.skill is None:
            return None
        skill, rank, met = found.skill
        return skill, rank, flag_result(met)

    def GetTrainerServiceAbilityReq(index: Any = None, ability: Any = None
                                    ) -> tuple[Any, ...] | None:
        text = "GetTrainerServiceAbilityReq(index, abilityIndex)"
        found = service(usage_number(index, text), "GetTrainerServiceAbilityReq")
        number = usage_int(ability, text)
        if found is None or not 1 <= number <= len(found.abilities):
            return None
        name, known = found.abilities[number - 1]
        return name, flag_result(known)

    def GetTrainerServiceStepReq(index: Any = None) -> tuple[Any, ...] | None:
        found = service(index, "GetTrainerServiceStepReq")
        if found is None or found.step is None:
            return None
        return found.step[0], flag_result(found.step[1])

    def filter_type(kind: Any, text: str) -> str:
        if kind is None:
            raise usage(text)
        name = lua_text(kind).lower()
        if name not in filters:
            raise usage(text)
        return name

    def GetTrainerServiceTypeFilter(kind: Any = None) -> int | None:
        return flag_result(filters[filter_type(kind, 'GetTrainerServiceTypeFilter("type")')])

    def SetTrainerServiceTypeFilter(kind: Any = None, on: Any = None, *_: Any) -> None:
        name = filter_type(kind, 'SetTrainerServiceTypeFilter("type", onOff[, exclusive])')
        changed, filters[name] = filters[name] != switch(on), switch(on)
        if changed and trainer() is not None:
            answer(client, "TRAINER_UPDATE")

    def header_toggle(collapse: bool, name: str) -> Callable[..., None]:
        def toggle(index: Any = None) -> None:
            number = usage_int(index, f"{name}(index)")
            found = trainer()
            if found is None:
                return
            lines = list(dict.fromkeys(s.skill_line for s in found.services)) \
                if number == 0 else [row(number, name)]
            if set_collapsed(found.collapsed, lines, collapse):
                answer(client, "TRAINER_UPDATE")

        return toggle

    def GetTrainerSelectionIndex() -> int:
        """The selected row; a window just opened selects its first available service (its
        first service when none is available), as the client does."""
        found = trainer()
        if found is None:
            return 0
        if not found.selected:
            listed = [(i, r) for i, r in enumerate(rows(), 1) if isinstance(r, TrainerService)]
            first = next((i for i, r in listed if r.state == "available"),
                         listed[0][0] if listed else 0)
            found.selected = first
        return found.selected

    def SelectTrainerService(index: Any = None) -> None:
        number = usage_int(index, "SelectTrainerService(index)")
        found = trainer()
        if found is not None:
            found.selected = number

    def BuyTrainerService(index: Any = None) -> None:
        found, bought = trainer(), service(index, "BuyTrainerService")
        if found is None or bought is None or bought.state != "available":
            return
        if bought.cost > client.money:
            client.ui_error(ERR_NOT_ENOUGH_MONEY)
            return
        bought.state = "used"
        found.bought.append(bought.name)
        if bought.cost:
            client.money -= bought.cost
            answer(client, "PLAYER_MONEY")
        answer(client, "TRAINER_UPDATE")

    def CloseTrainer() -> None:
        if trainer() is not None:
            client.world.trainer = None
            answer(client, "TRAINER_CLOSED")

    return {
        "GetNumTrainerServices": lambda: len(rows()),
        "GetTrainerServiceInfo": GetTrainerServiceInfo,
        "GetTrainerServiceCost": of_service(
            "GetTrainerServiceCost", lambda s: (s.cost, s.talent_cost, s.profession_cost)),
        "GetTrainerServiceIcon": of_service("GetTrainerServiceIcon", lambda s: s.icon),
        "GetTrainerServiceDescription": of_service("GetTrainerServiceDescription",
                                                   lambda s: s.description),
        "GetTrainerServiceLevelReq": of_service("GetTrainerServiceLevelReq",
                                                lambda s: s.level, 0),
        "GetTrainerServiceSkillReq": GetTrainerServiceSkillReq,
        "GetTrainerServiceNumAbilityReq": of_service("GetTrainerServiceNumAbilityReq",
                                                     lambda s: len(s.abilities), 0),
        "GetTrainerServiceAbilityReq": GetTrainerServiceAbilityReq,
        "GetTrainerServiceItemLink": of_service("GetTrainerServiceItemLink",
                                                lambda s: s.item.link if s.item else None),
        "GetTrainerServiceSkillLine": GetTrainerServiceSkillLine,
        "GetTrainerServiceStepReq": GetTrainerServiceStepReq,
        "GetTrainerServiceTypeFilter": GetTrainerServiceTypeFilter,
        "SetTrainerServiceTypeFilter": SetTrainerServiceTypeFilter,
        "GetTrainerGreetingText": lambda: trainer().greeting if trainer() else "",
        "GetTrainerSelectionIndex": GetTrainerSelectionIndex,
        "SelectTrainerService": SelectTrainerService,
        "ExpandTrainerSkillLine": header_toggle(False, "ExpandTrainerSkillLine"),
        "CollapseTrainerSkillLine": header_toggle(True, "CollapseTrainerSkillLine"),
        "IsTradeskillTrainer": lambda: flag_result(bool(trainer() and trainer().tradeskill)),
        "BuyTrainerService": BuyTrainerService,
        "CloseTrainer": CloseTrainer,
    }
