"""Protected calls, /who, mail and the ledger."""

from __future__ import annotations

import pytest

from wowapi_stubs import ClientSettings, HeadlessClient, WhoEntry

ROSTER = [WhoEntry("Norinn", 80, "Human", "Mage", "Guild", "Dalaran"),
          WhoEntry("Norinna", 70, "Orc", "Rogue", "", "Orgrimmar"),
          WhoEntry("Bob", 10, "Gnome", "Warlock", "", "Elwynn")]


def client_with(**settings) -> HeadlessClient:
    client = HeadlessClient(ClientSettings(**settings))
    client.set_world_roster(ROSTER)
    client.eval_lua("""
      EVENTS = {}
      local f = CreateFrame("Frame")
      for _, e in ipairs({"ADDON_ACTION_FORBIDDEN", "WHO_LIST_UPDATE", "MAIL_SEND_SUCCESS",
                          "MAIL_FAILED", "UI_ERROR_MESSAGE", "MAIL_SHOW", "MAIL_CLOSED"}) do
        f:RegisterEvent(e)
      end
      f:SetScript("OnEvent", function(self, e, a, b)
        table.insert(EVENTS, e .. (a and ("|" .. tostring(a)) or "") .. (b and ("|" .. b) or ""))
      end)
    """)
    return client


@pytest.mark.parametrize("function", ["RunMacroText", "RunMacro", "CastSpellByName",
                                      "UseAction", "TargetUnit"])
def test_protected_functions_are_blocked_from_insecure_code(function: str) -> None:
    with client_with() as client:
        client.type_line(f'/run {function}("/who Norinn")')
        client.advance(2)
        assert client.global_value("EVENTS") == [f"ADDON_ACTION_FORBIDDEN||{function}()"]
        assert client.findings[-1].kind == "protected-call-blocked"
        assert client.who.queries == []


def test_allowing_protected_calls_is_visible() -> None:
    with client_with(allow_protected_calls=True) as client:
        client.type_line('/run RunMacroText("/who n-\\"Norinn\\"")')
        client.advance(1)
        assert client.findings[-1].kind == "protected-call-allowed"
        assert client.who.queries == ['n-"Norinn"']


def test_who_exact_name_with_set_who_to_ui_fires_update_later() -> None:
    with client_with() as client:
        client.eval_lua("""SetWhoToUI(1); SendWho('n-"norinn"')""")
        assert not client.global_value("EVENTS")
        client.advance(0.5)
        assert client.global_value("EVENTS") == ["WHO_LIST_UPDATE"]
        assert client.eval_lua("return GetNumWhoResults()") == (1, 1)
        assert client.eval_lua("return GetWhoInfo(1)") == (
            "Norinn", "Guild", 80, "Human", "Mage", "Dalaran", "MAGE")


def test_who_plain_text_matches_substrings_and_small_results_go_to_chat() -> None:
    with client_with() as client:
        client.type_line("/who Norinn")
        client.advance(1)
        assert not client.global_value("EVENTS")
        assert client.chat_texts()[-3:] == [
            "[Norinn]: Level 80 Human Mage <Guild> - Dalaran",
            "[Norinna]: Level 70 Orc Rogue - Orgrimmar", "2 players total"]


def test_who_lines_in_chat_are_chat_msg_system_events_an_addon_can_read() -> None:
    with client_with() as client:
        client.eval_lua("""
          SYSTEM = {}
          local f = CreateFrame("Frame")
          f:RegisterEvent("CHAT_MSG_SYSTEM")
          f:SetScript("OnEvent", function(self, e, text) table.insert(SYSTEM, text) end)
          SendWho("Norinn")
        """)
        assert not client.global_value("SYSTEM")  # the answer comes later
        client.advance(1)
        assert client.global_value("SYSTEM") == [
            "[Norinn]: Level 80 Human Mage <Guild> - Dalaran",
            "[Norinna]: Level 70 Orc Rogue - Orgrimmar", "2 players total"]
        client.eval_lua('local n = #SYSTEM; SendChatMessage("hi", "WHISPER", nil, "Nobody");'
                        " DURING_CALL = #SYSTEM - n")
        assert client.global_value("DURING_CALL") == 0  # delivered after the call, not in it
        client.settle()
        assert client.global_value("SYSTEM")[-1] == \
            "No player named 'Nobody' is currently playing."


def test_who_lists_at_most_50_and_many_results_fire_the_event() -> None:
    with client_with() as client:
        client.set_world_roster([WhoEntry(f"Alt{i}") for i in range(80)])
        client.eval_lua("SendWho('Alt')")
        client.advance(1)
        assert client.global_value("EVENTS") == ["WHO_LIST_UPDATE"]
        assert client.eval_lua("return GetNumWhoResults()") == (50, 50)


def test_mail_success_moves_money_and_lands_in_the_ledger() -> None:
    with client_with(money=20_000_000) as client:
        client.open_mailbox()
        assert client.find_frame("MailFrame").is_visible()
        client.eval_lua('MoneyInputFrame_SetCopper(SendMailMoney, 10000000)')
        client.eval_lua('SendMailNameEditBox:SetText("Norinn")')
        client.eval_lua('SendMailSubjectEditBox:SetText("Gold")')
        shown = client.eval_lua(
            "return MoneyInputFrame_GetCopper(SendMailMoney), GetSendMailPrice()")
        assert shown == (10_000_000, 30)
        client.click_send_mail()
        assert client.mail_ledger == []
        client.advance(0.3)
        assert client.global_value("EVENTS") == ["MAIL_SHOW", "MAIL_SEND_SUCCESS"]
        assert [(m.recipient, m.copper, m.subject) for m in client.mail_ledger] == [
            ("Norinn", 10_000_000, "Gold")]
        assert client.money == 20_000_000 - 10_000_000 - 30
        assert client.eval_lua("return SendMailNameEditBox:GetText()") == ""


def test_direct_sendmail_sends_only_the_money_set_for_it() -> None:
    with client_with() as client:
        client.open_mailbox()
        client.eval_lua('MoneyInputFrame_SetCopper(SendMailMoney, 500); SendMail("Bob", "s", "")')
        client.advance(1)
        assert client.mail_ledger[-1].copper == 0


@pytest.mark.parametrize(("recipient", "copper", "open_box", "error"), [
    ("Ghost", 1, True, "Cannot find player"),
    ("streamer", 1, True, "You can't send mail to yourself"),
    ("Norinn", 1, False, "You must be at a mailbox to do that."),
])
def test_mail_failures(recipient: str, copper: int, open_box: bool, error: str) -> None:
    with client_with(money=1000) as client:
        if open_box:
            client.open_mailbox()
        client.send_mail_manual(recipient, copper)
        client.advance(1)
        assert client.ui_errors == [error]
        assert client.global_value("EVENTS")[-2:] == [f"UI_ERROR_MESSAGE|{error}", "MAIL_FAILED"]
        assert client.mail_ledger == []


def test_send_button_refuses_more_money_than_the_character_has() -> None:
    with client_with(money=1000) as client:
        client.open_mailbox()
        client.send_mail_manual("Norinn", 990)
        client.advance(1)
        assert client.ui_errors == ["You don't have enough money"]
        assert client.mail.attempts == [] and client.mail_ledger == []


def test_failure_injection_and_mailbox_close() -> None:
    with client_with() as client:
        client.open_mailbox()
        client.fail_next_mail("Internal mail database error")
        client.send_mail_manual("Norinn", 100)
        client.advance(1)
        client.send_mail_manual("Norinn", 100)
        client.advance(1)
        client.close_mailbox()
        assert [m.copper for m in client.mail_ledger] == [100]
        assert client.global_value("EVENTS")[-1] == "MAIL_CLOSED"
        assert not client.find_frame("MailFrame").is_visible()


def test_sendmail_hook_sees_the_send() -> None:
    with client_with() as client:
        client.eval_lua('hooksecurefunc("SendMail", function(to, subject)'
                        ' HOOKED = to .. "/" .. subject end)')
        client.open_mailbox()
        client.send_mail_manual("Norinn", 5, subject="Hi")
        assert client.global_value("HOOKED") == "Norinn/Hi"
