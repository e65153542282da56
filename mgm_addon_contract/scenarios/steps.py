"""Scenario steps as data: what the streamer, the Desktop, other players and the world do.

A step is an action name plus arguments; scenario files hold a list of them (TOML).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from wowapi_stubs import HeadlessClient, WhoEntry

ACTIONS = {
    "type_line": ("text",),
    "whisper_from": ("sender", "text"),
    "open_mailbox": (),
    "close_mailbox": (),
    "click": ("text",),
    "click_send_mail": (),
    "send_mail": ("recipient", "copper"),
    "fail_next_mail": ("reason",),
    "set_money": ("copper",),
    "advance": ("seconds",),
    "set_roster": ("names",),
    "set_bag_item": ("bag", "slot", "item_id", "name", "count"),
    "enter_combat": (),
    "leave_combat": (),
}


class StepError(ValueError):
    """A scenario step that cannot run (unknown action, missing argument)."""


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
        if self.action not in ACTIONS:
            raise StepError(f"unknown action {self.action!r} (known: {', '.join(ACTIONS)})")
        missing = [a for a in ACTIONS[self.action] if a not in self.args]
        if missing:
            raise StepError(f"{self.action}: missing {', '.join(missing)}")


def roster_entries(names: list[str]) -> list[WhoEntry]:
    return [WhoEntry(name) for name in names]


def execute(client: HeadlessClient, step: Step) -> None:
    """Perform ``step`` on the headless client."""
    step.validate()
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
            try:
                frame = client.find_frame(text=a["text"])
            except LookupError:
                return  # nothing shows that text: the click goes nowhere
            if frame.is_visible():
                frame.click()
        case "click_send_mail":
            client.click_send_mail()
        case "send_mail":
            client.send_mail_manual(a["recipient"], int(a["copper"]), a.get("subject", ""))
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
        case "enter_combat":
            client.enter_combat()
        case "leave_combat":
            client.leave_combat()
