"""The built-in Send Mail tab follows the client (Send disabled while a mail is in flight and
without recipient or subject; money asks for the SEND_MONEY confirmation first), static
popups, and whisper senders spelled as the server delivers them."""

from __future__ import annotations

import pytest

from wowapi_stubs import ClientSettings, HeadlessClient, WhoEntry, server_name


def mailbox_client(**settings) -> HeadlessClient:
    client = HeadlessClient(ClientSettings(**settings))
    client.set_world_roster([WhoEntry("Norinn"), WhoEntry("Bob")])
    client.open_mailbox()
    return client


def send_enabled(client: HeadlessClient) -> bool:
    return client.find_frame("SendMailMailButton").enabled


def fill(client: HeadlessClient, name: str, subject: str, copper: int) -> None:
    client.eval_lua(f'SendMailNameEditBox:SetText("{name}"); '
                    f'SendMailSubjectEditBox:SetText("{subject}"); '
                    f"MoneyInputFrame_SetCopper(SendMailMoney, {copper})")


def test_send_needs_a_recipient_and_a_subject() -> None:
    with mailbox_client() as client:
        assert not send_enabled(client)
        fill(client, "Norinn", "", 100)
        assert not send_enabled(client) and not client.click_send_mail()
        fill(client, "Norinn", "Gold", 100)
        assert send_enabled(client)


def test_money_waits_for_the_send_money_confirmation() -> None:
    with mailbox_client() as client:
        fill(client, "Norinn", "Gold", 5000)
        assert client.click_send_mail(confirm=False)
        assert client.popup("SEND_MONEY") == "StaticPopup1"
        assert client.mail.attempts == [] and not send_enabled(client)
        client.click_popup("SEND_MONEY", 2)  # cancel: nothing sent, Send usable again
        assert client.popup("SEND_MONEY") is None and client.mail.attempts == []
        assert send_enabled(client)
        assert client.click_send_mail()  # accepted
        assert [(a.recipient, a.copper) for a in client.mail.attempts] == [("Norinn", 5000)]


def test_send_is_disabled_while_a_mail_is_in_flight() -> None:
    with mailbox_client() as client:
        fill(client, "Norinn", "Gold", 100)
        assert client.click_send_mail()
        assert not send_enabled(client) and not client.click_send_mail()
        assert len(client.mail.attempts) == 1
        client.advance(1)  # delivered: the tab is cleared, Send waits for a new recipient
        assert len(client.mail_ledger) == 1 and not send_enabled(client)


def test_a_failed_mail_enables_send_again_with_the_tab_kept() -> None:
    with mailbox_client() as client:
        client.fail_next_mail("Internal mail database error")
        fill(client, "Norinn", "Gold", 100)
        client.click_send_mail()
        client.advance(1)
        assert send_enabled(client)
        assert client.named["SendMailNameEditBox"].text == "Norinn"
        assert client.click_send_mail()
        client.advance(1)
        assert [m.copper for m in client.mail_ledger] == [100]


def test_a_mail_without_money_goes_without_confirmation() -> None:
    with mailbox_client() as client:
        fill(client, "Norinn", "Hello", 0)
        assert client.click_send_mail(confirm=False)
        assert client.popup("SEND_MONEY") is None and len(client.mail.attempts) == 1


def test_not_enough_money_is_refused_when_the_confirmation_is_accepted() -> None:
    with mailbox_client(money=1000) as client:
        client.send_mail_manual("Norinn", 990)
        assert client.ui_errors == ["You don't have enough money"]
        assert client.mail.attempts == []


def test_addons_can_show_their_own_popups() -> None:
    with HeadlessClient() as client:
        client.eval_lua("""
          StaticPopupDialogs.MY_ASK = { text = "Give %s?", button1 = ACCEPT, button2 = CANCEL,
            OnAccept = function(self, data) ANSWER = "yes " .. data end,
            OnCancel = function(self, data, reason) ANSWER = "no " .. reason end }
          StaticPopup_Show("MY_ASK", "Bob", nil, "gold")
        """)
        name = client.popup("MY_ASK")
        assert client.named[f"{name}Text"].text == "Give Bob?"
        assert client.named[f"{name}Button1"].text == "Accept"
        client.find_frame(text="Accept").click()
        assert client.global_value("ANSWER") == "yes gold" and client.popup("MY_ASK") is None
        client.eval_lua('StaticPopup_Show("MY_ASK", "Bob")')
        client.find_frame(text="Cancel").click()
        assert client.global_value("ANSWER") == "no clicked"


@pytest.mark.parametrize(("typed", "delivered"), [
    ("ёлка", "Ёлка"), ("вАСЯ", "Вася"), ("NORINN", "Norinn"), ("bob-Icecrown", "Bob-Icecrown"),
])
def test_whisper_senders_arrive_as_the_server_spells_them(typed: str, delivered: str) -> None:
    assert server_name(typed) == delivered
    with HeadlessClient() as client:
        client.eval_lua("""
          local f = CreateFrame("Frame"); f:RegisterEvent("CHAT_MSG_WHISPER")
          f:SetScript("OnEvent", function(_, _, text, sender) SENDER = sender end)
        """)
        client.whisper_from(typed, "hi")
        assert client.global_value("SENDER") == delivered
        assert client.chat_texts()[-1] == f"[{delivered}] whispers: hi"
