"""The addon's "Prepare Mail" control (SPEC §9 arming: the streamer prepares a queued payout's
mail from the addon). Scenarios, reproducers and the fuzzers name it by its role,
``click(text='Prepare Mail')``; an addon may label it otherwise (``Fill next payout``) or
not label it by text at all, so the control is found by what it does: the addon's button
that, with one payout queued at an open mailbox, fills the Send Mail tab with that payout's
winner and amount.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from wowapi_stubs import ClientSettings, HeadlessClient, LoadReport
from wowapi_stubs.widgets import Button

PREPARE_TEXT = "Prepare Mail"
"""The role's name in scenario files and reproducers (and the reference addon's label)."""
MAX_CANDIDATES = 24
"""Buttons of the addon tried at most (each in a fresh client)."""
_PROBE_PAYOUT = ("2d2b7b2a-1111-2222-3333-444444444444", "Norinn", 10_000_000)

ClientFactory = Callable[[], tuple[HeadlessClient, LoadReport]]


@dataclass(frozen=True)
class PrepareControl:
    """How a click reaches the addon's Prepare Mail control: ``args`` of a ``click`` step
    (``{"name": ...}`` or ``{"text": ...}``), the text it shows, and how it was found."""

    args: dict[str, Any] = field(default_factory=lambda: {"text": PREPARE_TEXT})
    label: str = PREPARE_TEXT
    found: str = "by its text"

    def describe(self) -> str:
        shown = f"'{self.label}'" if self.label else "(no text)"
        name = f" ({self.args['name']})" if "name" in self.args else ""
        return f"the addon's button {shown}{name}, found {self.found}"


BY_TEXT = PrepareControl()
"""The default: a visible button showing ``Prepare Mail``."""


def is_role_click(args: dict[str, Any]) -> bool:
    """A ``click`` step that means the Prepare Mail role."""
    return args.get("text") == PREPARE_TEXT and "name" not in args


def find_prepare_control(make_client: ClientFactory) -> PrepareControl | None:
    """The addon's Prepare Mail control: a visible button showing ``Prepare Mail``, else
    the first of the addon's visible, enabled buttons whose click fills the Send Mail tab
    with the queued payout (tried in creation order, each in a fresh client from
    ``make_client``); None when the addon does not load or has no such button."""
    client, load = _staged(make_client)
    try:
        if not load.running:
            return None
        if client.frames_with_text(PREPARE_TEXT):
            return BY_TEXT
        builtin = _builtin_widget_count(client.settings)
        candidates = [(w.name, w.text) for wid, w in sorted(client.widgets.items())
                      if wid > builtin and isinstance(w, Button) and w.is_visible()
                      and w.enabled and (w.name or w.text)][:MAX_CANDIDATES]
    finally:
        client.close()
    for name, text in candidates:
        args = {"name": name} if name else {"text": text}
        if _fills_the_payout(make_client, args):
            return PrepareControl(args, text or "", "by probing (it fills the Send Mail tab)")
    return None


def _staged(make_client: ClientFactory) -> tuple[HeadlessClient, LoadReport]:
    """A client with one payout queued and the mailbox open."""
    client, load = make_client()
    if load.running:
        payout, name, copper = _PROBE_PAYOUT
        client.type_line(f'/run ReceiveGold("{payout}:{name}:{copper};")')
        client.open_mailbox()
        client.advance(0.1)
    return client, load


def _fills_the_payout(make_client: ClientFactory, args: dict[str, Any]) -> bool:
    client, _ = _staged(make_client)
    try:
        frame = client.find_frame(args.get("name"), text=args.get("text"))
        if not frame.click():
            return False
        recipient, copper = client.send_mail_fields()
        return recipient.lower() == _PROBE_PAYOUT[1].lower() and copper == _PROBE_PAYOUT[2]
    except LookupError:
        return False
    finally:
        client.close()


_BUILTIN: dict[str, int] = {}


def _builtin_widget_count(settings: ClientSettings) -> int:
    """Widgets the client's own UI creates before any addon loads (ids count up from 1)."""
    key = repr(settings)
    if key not in _BUILTIN:
        with HeadlessClient(settings) as bare:
            _BUILTIN[key] = max(bare.widgets, default=0)
    return _BUILTIN[key]
