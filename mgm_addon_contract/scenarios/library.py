"""Step builders for writing scenarios in Python (the fuzzers and tests use them); the
shipped scenarios themselves are data in ``fixtures/scenarios/*.toml``."""

from __future__ import annotations

from mgm_addon_contract.scenarios.prepare import PREPARE_TEXT
from mgm_addon_contract.scenarios.steps import Step

P1 = "2d2b7b2a-1111-2222-3333-444444444444"
P2 = "7a1c9e00-aaaa-4bbb-8ccc-0123456789ab"
SPIN = "550e8400-e29b-41d4-a716-446655440000"
GIFT = "9f8e7d6c-5b4a-4321-8fed-cba987654321"
GOLD = 10_000_000


def run(line: str) -> Step:
    return Step("type_line", {"text": line})


def notify(payout: str, name: str) -> Step:
    return run(f'/run NotifyWinnerWhisper("{payout}","{name}")')


def receive(*entries: tuple[str, str, int]) -> Step:
    payload = "".join(f"{p}:{n}:{c};" for p, n, c in entries)
    return run(f'/run ReceiveGold("{payload}")')


def whisper(sender: str, text: str) -> Step:
    return Step("whisper_from", {"sender": sender, "text": text})


OPEN, CLOSE = Step("open_mailbox"), Step("close_mailbox")
PREPARE, SEND = Step("click", {"text": PREPARE_TEXT}), Step("click_send_mail")
WAIT = Step("advance", {"seconds": 1})


def manual(recipient: str, copper: int) -> Step:
    return Step("send_mail", {"recipient": recipient, "copper": copper})
