"""The Desktop driver's /run lines: chunking of ReceiveGold, escaping, typing time."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mgm_addon_contract.desktop import (
    TypingModel,
    notify_line,
    receive_gold_lines,
)
from mgm_addon_contract.grammar import RunCommand, parse_run_line

names = st.text(alphabet="abcdefghijklmnopqrstuvwxyzНорвася", min_size=2, max_size=12).map(
    str.capitalize)
entries = st.lists(st.tuples(st.uuids().map(str), names, st.integers(1, 100_000)),
                   max_size=30, unique_by=lambda e: e[0])


@given(entries)
def test_every_entry_once_in_order_every_line_under_255(batch) -> None:
    lines = receive_gold_lines(batch)
    assert all(len(line) <= 254 for line in lines)
    seen = []
    for line in lines:
        command = parse_run_line(line)
        assert isinstance(command, RunCommand), command
        seen += [(e.payout_id, e.character_name, e.copper) for e in command.entries]
    assert seen == [(p, n, gold * 10_000) for p, n, gold in batch]


def test_an_entry_too_long_for_one_line_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="does not fit one /run line"):
        receive_gold_lines([("2d2b7b2a-1111-2222-3333-444444444444", "N" * 300, 1)])


def test_names_are_escaped_and_typing_takes_22_ms_per_character() -> None:
    line = notify_line("2d2b7b2a-1111-2222-3333-444444444444", 'No"rinn')
    assert line.endswith('"No\\"rinn")')
    assert TypingModel().seconds("x" * 250) == pytest.approx(5.522)
