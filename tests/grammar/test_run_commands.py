"""/run lines: parse, check arguments and payloads, render with Lua escapes under 255."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mgm_addon_contract.grammar import (
    RunCommand,
    Violation,
    parse_gold_payload,
    parse_run_line,
    render_run_line,
)

U = "2d2b7b2a-1111-2222-3333-444444444444"


def test_receive_gold_entries() -> None:
    command = parse_run_line(f'/run ReceiveGold("{U}:Norinn:10000000;{U}:Вася:5;")')
    assert isinstance(command, RunCommand)
    assert [(e.character_name, e.copper) for e in command.entries] == [
        ("Norinn", 10_000_000), ("Вася", 5)]


@pytest.mark.parametrize(("line", "rule"), [
    (f'/run NotifyWinnerWhisper("{U}","No rinn")', "RUN-ARGUMENT"),
    ('/run NotifyWinnerWhisper("x","Norinn")', "RUN-ARGUMENT"),
    (f'/run ReceiveGold("{U}:Norinn:ten;")', "RUN-GOLD-PAYLOAD"),
    ("/run SendMail(\"a\")", "RUN-SYNTAX"),
    ("/run ReceiveGold(\"" + "x" * 260 + "\")", "RUN-LENGTH"),
])
def test_bad_lines(line: str, rule: str) -> None:
    result = parse_run_line(line)
    assert isinstance(result, Violation) and result.rule_id == rule


@given(st.text(max_size=60).filter(lambda s: "\r" not in s))
def test_render_then_parse_round_trips_any_text(text: str) -> None:
    try:
        line = render_run_line("DEFAULT_CHAT_FRAME:AddMessage", text)
    except ValueError:
        return
    parsed = parse_run_line(line)
    assert isinstance(parsed, RunCommand) and parsed.args == (text,)


def test_render_refuses_long_lines() -> None:
    with pytest.raises(ValueError, match="limit is 254"):
        render_run_line("ReceiveGold", f"{U}:Norinn:1;" * 6)
    assert parse_gold_payload(f"{U}:Norinn:1") != ()
