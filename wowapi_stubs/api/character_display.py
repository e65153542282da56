"""What the character shows and has been taught: whether its helm and cloak are shown (both
are, until ``ShowHelm``/``ShowCloak`` turn them off) and which tutorials it has seen (none
yet; ``FlagTutorial(id)`` marks one, ``ResetTutorials`` forgets them all).

``ShowHelm``/``ShowCloak`` read their argument as a number the way the option panel passes
it (``"1"``/``"0"``, also 1/0 or a boolean). ``GetNextCompleatedTutorial(id)`` and
``GetPrevCompleatedTutorial(id)`` (the client's spelling) walk the seen tutorials in id
order from ``id``, nil past the last; ``CanResetTutorials`` is true once one is seen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wowapi_stubs.api._windows import switch
from wowapi_stubs.widgets.base import flag_result, usage_int

if TYPE_CHECKING:
    from wowapi_stubs.host import Host


def shown_flag(value: Any) -> bool:
    """An on/off argument that may be a number in a string (``"0"`` is off)."""
    if isinstance(value, bytes | str):
        text = value.decode("utf-8", "replace") if isinstance(value, bytes) else value
        try:
            return float(text) != 0
        except ValueError:
            return True
    return switch(value)


def install(client: Host) -> dict[str, Callable[..., Any]]:
    shown = {"helm": True, "cloak": True}
    seen: set[int] = set()

    def show(part: str) -> Callable[..., None]:
        def api(value: Any = None) -> None:
            shown[part] = shown_flag(value)

        return api

    def tutorial(value: Any, usage: str) -> int:
        return usage_int(value, usage)

    def FlagTutorial(value: Any = None) -> None:
        seen.add(tutorial(value, "FlagTutorial(tutorialID)"))

    def step(usage: str, later: bool) -> Callable[..., int | None]:
        def api(value: Any = None) -> int | None:
            start = tutorial(value, usage)
            found = sorted(t for t in seen if (t > start if later else t < start))
            return (found[0] if later else found[-1]) if found else None

        return api

    return {
        "ShowingHelm": lambda: flag_result(shown["helm"]),
        "ShowingCloak": lambda: flag_result(shown["cloak"]),
        "ShowHelm": show("helm"),
        "ShowCloak": show("cloak"),
        "FlagTutorial": FlagTutorial,
        "IsTutorialFlagged": lambda value=None: flag_result(
            tutorial(value, "IsTutorialFlagged(tutorialID)") in seen),
        "CanResetTutorials": lambda: flag_result(bool(seen)),
        "ResetTutorials": lambda: seen.clear(),
        "GetNextCompleatedTutorial": step("GetNextCompleatedTutorial(tutorialID)", True),
        "GetPrevCompleatedTutorial": step("GetPrevCompleatedTutorial(tutorialID)", False),
    }
