"""SC-001, in-game half, on the bundled reference addon through the headless client.

Typed /run lines as the Desktop sends them (SPEC 8), the winner's consent whisper (SPEC 9),
Prepare Mail and the armed send (SPEC 9), /who verification (SPEC 8), with the chat log file
checked in the client's real format.
"""

from __future__ import annotations

import json
import re

from wowapi_stubs import HeadlessClient, WhoEntry

PAYOUT = "2d2b7b2a-1111-2222-3333-444444444444"
SPIN = "550e8400-e29b-41d4-a716-446655440000"
WINNER_TEXT = ("Поздравляю, ты победил в розыгрыше! Дай мне своё согласие на получение награды"
               " - ответь на это сообщение одной фразой: !twgold")
SENT_TEXT = "Награда отправлена тебе на почту, проверяй ящик!"
LOG_LINE = re.compile(r"^\d{1,2}/\d{1,2} \d\d:\d\d:\d\d\.\d{3}  (?P<text>.*)$")


def log_texts(client: HeadlessClient) -> list[str]:
    raw = client.chatlog_path.read_bytes().decode("utf-8")
    assert raw.endswith("\r\n")
    lines = raw.split("\r\n")[:-1]
    texts = []
    for line in lines:
        match = LOG_LINE.match(line)
        assert match, f"not in the client's chat-log format: {line!r}"
        texts.append(match["text"])
    return texts


def test_sc001_in_game_half(mgm_addon: HeadlessClient) -> None:
    client = mgm_addon
    client.set_world_roster([WhoEntry("Norinn", 80, "Human", "Mage", "", "Dalaran"),
                             WhoEntry("Norinna", 70, "Orc", "Rogue", "", "Orgrimmar")])
    start_money = client.money

    client.type_line(f'/run MGM_RunWhoForSpin("{SPIN}","Norinn")')
    client.advance(1)
    who_lines = [t for t in log_texts(client) if t.startswith("[MGM_WHO]")]
    assert len(who_lines) == 1
    payload = json.loads(who_lines[0].removeprefix("[MGM_WHO]"))
    assert list(payload) == ["schemaVersion", "spinCycleId", "characterName", "online",
                             "capturedAt"]
    assert payload["online"] is True and payload["spinCycleId"] == SPIN
    assert not client.findings, "the /who path must not touch protected functions"

    client.type_line(f'/run NotifyWinnerWhisper("{PAYOUT}","Norinn")')
    assert [(w.target, w.text) for w in client.whispers_sent] == [("Norinn", WINNER_TEXT)]

    client.whisper_from("Norinn", "  !TwGold ")
    assert f"[MGM_ACCEPT:{PAYOUT}]" in log_texts(client)

    client.type_line(f'/run ReceiveGold("{PAYOUT}:Norinn:10000000;")')
    client.open_mailbox()
    assert client.find_frame(text="Prepare Mail").click()
    assert client.eval_lua("return SendMailNameEditBox:GetText()") == "Norinn"
    client.click_send_mail()
    assert f"[MGM_CONFIRM:{PAYOUT}]" not in log_texts(client), "CONFIRM only after success"
    client.advance(1)

    texts = log_texts(client)
    confirm_at = texts.index(f"[MGM_CONFIRM:{PAYOUT}]")
    assert texts[confirm_at + 1] == f"To [Norinn]: {SENT_TEXT}"
    assert texts.count(f"[MGM_CONFIRM:{PAYOUT}]") == 1
    assert client.mail.received_by("Norinn") == 10_000_000
    assert client.money == start_money - 10_000_000 - 30
    assert not client.errors, client.errors


def test_manual_mail_to_the_winner_is_not_confirmed(mgm_addon: HeadlessClient) -> None:
    client = mgm_addon
    client.type_line(f'/run ReceiveGold("{PAYOUT}:Norinn:10000000;")')
    client.open_mailbox()
    client.send_mail_manual("norinn", 10_000_000, subject="hand-written")
    client.advance(1)
    assert client.mail.received_by("Norinn") == 10_000_000
    assert not any(t.startswith("[MGM_CONFIRM") for t in client.chat_texts())
    assert client.global_value("MimironsGoldOMaticState")["queue"][0]["id"] == PAYOUT
