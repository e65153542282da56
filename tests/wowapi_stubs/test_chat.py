"""Chat: transcript, WoWChatLog.txt format and flush policies, whispers, typed lines."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from wowapi_stubs import ChatLineError, ClientSettings, HeadlessClient, WhoEntry
from wowapi_stubs.chatlog import ChatLogWriter, format_chatlog_line, parse_flush_policy


def make(tmp_path: Path, **settings) -> HeadlessClient:
    client = HeadlessClient(ClientSettings(wow_dir=tmp_path, **settings))
    client.set_world_roster([WhoEntry("Norinn"), WhoEntry("Вася")])
    return client


def test_chatlog_line_format() -> None:
    when = datetime(2026, 4, 6, 18, 40, 12, 345000, tzinfo=UTC)
    assert format_chatlog_line(when, "[MGM_CONFIRM:x]") == b"4/6 18:40:12.345  [MGM_CONFIRM:x]\r\n"


def test_addmessage_print_and_whispers_reach_transcript_and_log(tmp_path: Path) -> None:
    client = make(tmp_path, utc_offset_minutes=180)
    client.eval_lua('DEFAULT_CHAT_FRAME:AddMessage("[MGM_UPDATE_CHECK]", 1, 1, 0)')
    client.advance(1.5)
    client.eval_lua('print("a", 1, nil)')
    client.whisper_from("Вася", "  !TwGold ")
    client.eval_lua('SendChatMessage("Привет", "WHISPER", nil, "вася")')
    client.eval_lua('SendChatMessage("hi", "WHISPER", nil, "Ghost")')
    assert client.chat_texts() == [
        "[MGM_UPDATE_CHECK]", "a 1 nil", "[Вася] whispers:   !TwGold ", "To [Вася]: Привет",
        "No player named 'Ghost' is currently playing."]
    raw = client.chatlog_path.read_bytes()
    assert raw.startswith(b"4/4 15:00:00.000  [MGM_UPDATE_CHECK]\r\n")
    assert "4/4 15:00:01.500  To [Вася]: Привет\r\n".encode() in raw
    assert raw.count(b"\r\n") == 5
    assert [(w.target, w.text, w.delivered) for w in client.whispers_sent] == [
        ("Вася", "Привет", True), ("Ghost", "hi", False)]


def test_whisper_event_carries_the_full_argument_list(tmp_path: Path) -> None:
    client = make(tmp_path)
    client.eval_lua("""
      local f = CreateFrame("Frame"); f:RegisterEvent("CHAT_MSG_WHISPER")
      f:SetScript("OnEvent", function(self, e, ...)
        N = select("#", ...)
        MSG, SENDER, LANG, _, TARGET = ...
        LINE_ID = select(11, ...)
      end)
    """)
    client.whisper_from("Norinn-Icecrown", "!twgold")
    assert client.global_value("N") == 12
    assert client.eval_lua("return MSG, SENDER, LANG, TARGET, LINE_ID") == (
        "!twgold", "Norinn-Icecrown", "Common", "Streamer", 1)


def test_send_chat_message_over_255_bytes_is_refused(tmp_path: Path) -> None:
    client = make(tmp_path)
    client.eval_lua('SendChatMessage(string.rep("я", 128), "WHISPER", nil, "Norinn")')
    assert "256 bytes" in client.errors[-1].message
    assert client.whispers_sent == []


@pytest.mark.parametrize(("policy", "before_logout"), [("line", 2), ("block:64", 1),
                                                       ("logout", 0)])
def test_flush_policies(tmp_path: Path, policy: str, before_logout: int) -> None:
    client = make(tmp_path, chatlog_flush=policy)
    client.eval_lua('print(string.rep("x", 40)); print(string.rep("y", 40))')
    written = client.chatlog_path.read_bytes() if client.chatlog_path.exists() else b""
    if policy == "block:64":
        assert len(written) == 64  # a whole block; the second line is cut
    else:
        assert written.count(b"\r\n") == before_logout
    client.logout()
    assert client.chatlog_path.read_bytes().count(b"\r\n") == 2


def test_flush_policy_is_validated() -> None:
    assert parse_flush_policy("block:4096") == 4096
    with pytest.raises(ValueError, match="line, block:N or logout"):
        ChatLogWriter(Path("/tmp/x"), "sometimes")


def test_addon_lines_can_be_kept_out_of_the_log(tmp_path: Path) -> None:
    client = make(tmp_path, log_addon_messages=False)
    client.eval_lua('print("only on screen")')
    client.whisper_from("Norinn", "hello")
    assert client.chat_texts()[0] == "only on screen"
    assert b"only on screen" not in client.chatlog_path.read_bytes()


def test_typed_lines(tmp_path: Path) -> None:
    client = make(tmp_path)
    client.eval_lua('SLASH_MYCMD1 = "/mycmd"; SLASH_MYCMD2 = "/mc";'
                    ' SlashCmdList["MYCMD"] = function(msg) GOT = msg end')
    client.type_line("/MyCmd update now")
    assert client.global_value("GOT") == "update now"
    client.type_line("/mc x")
    assert client.global_value("GOT") == "x"
    client.type_line("/nosuch")
    assert client.chat_texts()[-1] == "Type '/help' for a listing of a few commands."
    client.type_line('/script X = "ran"')
    assert client.global_value("X") == "ran"
    client.type_line("/run error('typed')")
    assert client.errors[-1].message.endswith("typed")
    client.type_line("/run x = = 1")
    assert "unexpected symbol" in client.errors[-1].message
    client.type_line("/w Norinn hello there")
    assert client.chat_texts()[-1] == "To [Norinn]: hello there"
    with pytest.raises(ChatLineError, match="at most 255"):
        client.type_line("/run " + "x" * 251)


def test_chatlog_command_toggles_logging(tmp_path: Path) -> None:
    client = make(tmp_path)
    client.type_line("/chatlog")
    client.eval_lua('print("not logged")')
    client.type_line("/chatlog")
    client.eval_lua('print("logged")')
    raw = client.chatlog_path.read_bytes()
    assert b"not logged" not in raw and b"logged" in raw


def test_a_message_filter_leaving_no_text_hides_the_line_with_an_error(
        client: HeadlessClient) -> None:
    """A filter that leaves the message a table (or the author nil) gets the line not shown
    and an error named after the chat frame's handler, as FrameXML's chat frame fails on it;
    a number is written as Lua writes it."""
    client.eval_lua('F1 = function(_, _, t, ...) return false, {}, ... end'
                    ' ChatFrame_AddMessageEventFilter("CHAT_MSG_WHISPER", F1)')
    client.whisper_from("Norinn", "hello")
    client.eval_lua('ChatFrame_RemoveMessageEventFilter("CHAT_MSG_WHISPER", F1)'
                    ' ChatFrame_AddMessageEventFilter("CHAT_MSG_WHISPER",'
                    ' function() return false, 12, "Norinn" end)')
    client.whisper_from("Norinn", "hello")
    assert client.chat_texts()[-1] == "[Norinn] whispers: 12"
    assert [e.message for e in client.errors] == [
        "ChatFrame1:OnEvent(CHAT_MSG_WHISPER): a message filter left the message a table "
        "value; the line is not shown"]
