"""The Desktop side (SPEC §5, §8, §9, §12): the /run lines it types, built from EBS state,
and the time typing them takes. Lines are rendered by the grammar (Lua escapes, < 255)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from mgm_addon_contract.grammar import render_run_line
from mgm_addon_contract.grammar.run_commands import MAX_LINE

COPPER_PER_GOLD = 10_000


@dataclass(frozen=True)
class TypingModel:
    """One character every ``ms_per_char`` ms, then Enter (the upstream Desktop: 22 ms)."""

    ms_per_char: float = 22.0
    enter_ms: float = 22.0

    def seconds(self, line: str) -> float:
        return (len(line) * self.ms_per_char + self.enter_ms) / 1000


def gold_entry(payout_id: str, character_name: str, gold: int) -> str:
    """``UUID:CharacterName:GoldCopper;`` (SPEC §9; copper = gold x 10,000)."""
    return f"{payout_id}:{character_name}:{gold * COPPER_PER_GOLD};"


def receive_gold_lines(entries: Iterable[tuple[str, str, int]]) -> list[str]:
    """``ReceiveGold`` lines holding whole entries, each at most 254 characters, order kept.

    ``entries`` are (payout id, character name, gold). An entry that cannot fit one line on
    its own raises ValueError naming it.
    """
    lines: list[str] = []
    payload = ""
    for payout_id, name, gold in entries:
        entry = gold_entry(payout_id, name, gold)
        if not _fits(entry):
            raise ValueError(f"payout {payout_id} for {name!r} does not fit one /run line "
                             f"(limit {MAX_LINE} characters)")
        if _fits(payload + entry):
            payload += entry
        else:
            lines.append(render_run_line("ReceiveGold", payload))
            payload = entry
    if payload:
        lines.append(render_run_line("ReceiveGold", payload))
    return lines


def _fits(payload: str) -> bool:
    try:
        render_run_line("ReceiveGold", payload)
    except ValueError:
        return False
    return True


def notify_line(payout_id: str, character_name: str) -> str:
    return render_run_line("NotifyWinnerWhisper", payout_id, character_name)


def who_line(spin_cycle_id: str, character_name: str) -> str:
    return render_run_line("MGM_RunWhoForSpin", spin_cycle_id, character_name)


def gift_items_line(gift_id: str) -> str:
    return render_run_line("MGM_RequestGiftItems", gift_id)


def gift_confirmation_line(gift_id: str, character_name: str) -> str:
    return render_run_line("MGM_RequestGiftConfirmation", gift_id, character_name)
