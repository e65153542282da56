"""Scenario steps as data: what the streamer, the Desktop, other players and the world do,
and ``expect_*`` assertions on what the addon did.

A step is an action name plus arguments; scenario files hold a list of them (TOML).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from wowapi_stubs import HeadlessClient, WhoEntry

_NUMBER = (int, float)
# action -> {argument: (type(s), required)}
ACTIONS: dict[str, dict[str, tuple[Any, bool]]] = {
    "type_line": {"text": (str, True)},
    "whisper_from": {"sender": (str, True), "text": (str, True)},
    "open_mailbox": {},
    "close_mailbox": {},
    "click": {"text": (str, False), "name": (str, False)},
    "click_send_mail": {"confirm": (bool, False)},
    "send_mail": {"recipient": (str, True), "copper": (int, True), "subject": (str, False)},
    "fail_next_mail": {"reason": (str, True)},
    "set_money": {"copper": (int, True)},
    "advance": {"seconds": (_NUMBER, True)},
    "set_roster": {"names": (list, True)},
    "set_bag_item": {"bag": (int, True), "slot": (int, True), "item_id": (int, True),
                     "name": (str, True), "count": (int, True)},
    "clear_bag_slot": {"bag": (int, True), "slot": (int, True)},
    "enter_combat": {},
    "leave_combat": {},
    "expect_tag": {"kind": (str, True), "id": (str, False), "count": (int, False)},
    "expect_no_tag": {"kind": (str, True), "id": (str, False)},
    "expect_whisper": {"to": (str, True), "text": (str, False), "count": (int, False)},
    "expect_no_whisper": {"to": (str, False), "text": (str, False)},
    "expect_chat": {"contains": (str, True)},
    "expect_mail": {"recipient": (str, True), "copper": (int, False), "count": (int, False)},
    "expect_no_mail": {"recipient": (str, False)},
}
for _action, _spec in ACTIONS.items():
    if _action.startswith("expect_"):
        _spec["clause"] = (str, False)  # the clause a failed expectation is reported under


class StepError(ValueError):
    """A scenario step that cannot run (unknown action, missing or mistyped argument)."""


@dataclass(frozen=True)
class Step:
    """One action with its arguments."""

    action: str
    args: dict[str, Any] = field(default_factory=dict)

    def describe(self) -> str:
        """A readable line for reproducer scripts."""
        if not self.args:
            return self.action
        shown = ", ".join(f"{k}={v!r}" for k, v in self.args.items())
        return f"{self.action}({shown})"

    def validate(self) -> None:
        """Raise :class:`StepError` naming the rule the step breaks."""
        spec = ACTIONS.get(self.action)
        if spec is None:
            raise StepError(f"unknown action {self.action!r} (known: {', '.join(ACTIONS)})")
        missing = [a for a, (_, required) in spec.items() if required and a not in self.args]
        if missing:
            raise StepError(f"{self.action}: missing {', '.join(missing)}")
        unknown = [a for a in self.args if a not in spec]
        if unknown:
            raise StepError(f"{self.action}: unknown argument {', '.join(unknown)} "
                            f"(allowed: {', '.join(spec) or 'none'})")
        for name, value in self.args.items():
            kind = spec[name][0]
            if isinstance(value, bool) != (kind is bool) or not isinstance(value, kind):
                wanted = getattr(kind, "__name__", "number")
                raise StepError(f"{self.action}: {name} must be a {wanted}, not {value!r}")
        if self.action == "click" and ("text" in self.args) == ("name" in self.args):
            raise StepError("click: give exactly one of text (button text) or name (frame name)")


def numbered(steps: Sequence[Step]) -> str:
    """``steps`` as a numbered script, one line each (reproducers in reports)."""
    return "\n".join(f"{i}. {s.describe()}" for i, s in enumerate(steps, 1))


def roster_entries(names: list[str]) -> list[WhoEntry]:
    return [WhoEntry(str(name)) for name in names]


def execute(client: HeadlessClient, step: Step, *, frame: bool = True) -> bool:
    """Perform ``step`` on the headless client (``expect_*`` steps do nothing here). False
    when a click went nowhere (hidden, absent or disabled: the client ignores it).
    ``frame``: then render the frame that follows (:func:`render_frame`)."""
    step.validate()
    taken = _perform(client, step)
    if frame:
        render_frame(client, step)
    return taken


def render_frame(client: HeadlessClient, step: Step) -> None:
    """The frame the client renders after an action (``advance`` passes its own time): a
    person or the Desktop never acts twice within one frame, and an addon may send what an
    action caused from its next ``OnUpdate`` (a deferred or throttled outbox)."""
    if step.action != "advance" and not step.action.startswith("expect_"):
        client.advance(client.settings.frame_interval)


def _perform(client: HeadlessClient, step: Step) -> bool:
    a = step.args
    match step.action:
        case "type_line":
            client.type_line(a["text"])
        case "whisper_from":
            client.whisper_from(a["sender"], a["text"])
        case "open_mailbox":
            client.open_mailbox()
        case "close_mailbox":
            client.close_mailbox()
        case "click":
            return _click(client, a)
        case "click_send_mail":
            return client.click_send_mail(confirm=a.get("confirm", True))
        case "send_mail":
            client.send_mail_manual(a["recipient"], int(a["copper"]), a.get("subject", "Mail"))
        case "fail_next_mail":
            client.fail_next_mail(a["reason"])
        case "set_money":
            client.set_money(int(a["copper"]))
        case "advance":
            client.advance(float(a["seconds"]))
        case "set_roster":
            client.set_world_roster(roster_entries(list(a["names"])))
        case "set_bag_item":
            client.set_bag_item(int(a["bag"]), int(a["slot"]), int(a["item_id"]), a["name"],
                                int(a["count"]))
        case "clear_bag_slot":
            client.clear_bag_slot(int(a["bag"]), int(a["slot"]))
        case "enter_combat":
            client.enter_combat()
        case "leave_combat":
            client.leave_combat()
    return True


def clicked_frame(client: HeadlessClient, args: dict[str, Any]) -> Any:  # noqa: ANN401
    """The visible frame a ``click`` step means (by name or text), or None."""
    try:
        if "name" in args:
            frame = client.find_frame(args["name"])
        else:
            frame = client.find_frame(text=args["text"])
    except LookupError:
        return None
    return frame if frame is not None and frame.is_visible() else None


def _click(client: HeadlessClient, args: dict[str, Any]) -> bool:
    """Click a visible frame by name or text, as the streamer would; a click on something
    hidden, absent or disabled goes nowhere (False)."""
    frame = clicked_frame(client, args)
    return frame is not None and bool(frame.click())
