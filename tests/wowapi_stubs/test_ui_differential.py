"""The built-in UI against Blizzard's FrameXML: the same actions on a client of each, the
same chat, whispers, mails, events and UI state. A difference is a bug of the built-in UI.

Needs an extracted Interface folder (``MGM_FRAMEXML_DIR``); skipped without one. One client
of each UI per module (FrameXML takes seconds to load); each test looks at what its own
actions added."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest

from tests.shared_data import require_shared
from wowapi_stubs import ChatLineError, ClientSettings, HeadlessClient
from wowapi_stubs.api.who import WhoEntry

ROSTER = [WhoEntry("Norinn", 80, "Human", "Mage", "Raiders", "Dalaran"),
          WhoEntry("Вася", 70, "Orc", "Warrior", "", "Orgrimmar"),
          *(WhoEntry(f"Alt{i}", 60 + i, "Gnome", "Rogue", "", "Ironforge") for i in range(6))]
# Events both UIs must see alike (FrameXML's own updates fire many more).
COMPARED_EVENTS = ("CHAT_MSG_WHISPER", "CHAT_MSG_WHISPER_INFORM", "WHO_LIST_UPDATE",
                   "MAIL_SEND_SUCCESS", "MAIL_FAILED", "MAIL_SHOW", "MAIL_CLOSED",
                   "UI_ERROR_MESSAGE", "CHAT_MSG_SAY")


@dataclass
class Marks:
    """Where each log of a client stood before an action."""

    chat: int = 0
    whispers: int = 0
    mails: int = 0
    events: int = 0
    errors: int = 0
    ui_errors: int = 0
    seen: dict[str, Any] = field(default_factory=dict)


def _mark(client: HeadlessClient) -> Marks:
    return Marks(len(client.chat), len(client.whispers_sent), len(client.mail_ledger),
                 len(client.events_fired), len(client.errors), len(client.ui_errors))


def _since(client: HeadlessClient, marks: Marks) -> dict[str, Any]:
    """What the client did since ``marks``, in terms both UIs share."""
    return {
        "chat": [line.text for line in list(client.chat)[marks.chat:]],
        "whispers": [(w.target, w.text) for w in list(client.whispers_sent)[marks.whispers:]],
        "mails": [(m.recipient, m.copper, m.subject) for m in client.mail_ledger[marks.mails:]],
        "events": [(e, a) for e, a in list(client.events_fired)[marks.events:]
                   if e in COMPARED_EVENTS],
        "ui_errors": list(client.ui_errors)[marks.ui_errors:],
        "lua_errors": [e.message for e in list(client.errors)[marks.errors:]],
    }


@pytest.fixture(scope="module")
def clients() -> Iterator[tuple[HeadlessClient, HeadlessClient]]:
    folder = require_shared("MGM_FRAMEXML_DIR")
    builtin = HeadlessClient(ClientSettings(framexml_dir=None))
    framexml = HeadlessClient(ClientSettings(framexml_dir=folder))
    for client in (builtin, framexml):
        client.set_world_roster(ROSTER)
        client.add_character("Norinn")
        client.enter_world()
        client.advance(1)
    yield builtin, framexml
    builtin.close()
    framexml.close()


def both(clients: tuple[HeadlessClient, HeadlessClient],
         action: Callable[[HeadlessClient], Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Run ``action`` on each client; what each did, with the action's result."""
    seen = []
    for client in clients:
        marks = _mark(client)
        result = action(client)
        done = _since(client, marks)
        done["result"] = result
        seen.append(done)
    return seen[0], seen[1]


def test_run_through_the_edit_box_at_the_255_character_limit(clients) -> None:
    code = "/run DIFF_RUN = (DIFF_RUN or 0) + 1 --"
    line = code + "x" * (255 - len(code))

    def act(client: HeadlessClient) -> Any:
        client.type_line(line)
        return client.global_value("DIFF_RUN")

    builtin, framexml = both(clients, act)
    assert builtin == framexml
    assert builtin["result"] == 1 and builtin["lua_errors"] == []
    for client in clients:
        with pytest.raises(ChatLineError):
            client.type_line(line + "x")


def test_run_with_an_error_names_the_chunk_alike(clients) -> None:
    builtin, framexml = both(clients, lambda c: c.type_line("/run error('boom')"))
    assert builtin == framexml
    assert builtin["lua_errors"] == ['[string "error(\'boom\')"]:1: boom']


@pytest.mark.parametrize("line", ["/w Norinn hello there", "/whisper norinn again",
                                  "/w Nobody hi"])
def test_whisper_out(clients, line: str) -> None:
    builtin, framexml = both(clients, lambda c: (c.type_line(line), c.advance(0.5)))
    assert builtin == framexml
    assert len(builtin["whispers"]) == 1
    informed = [args for event, args in builtin["events"] if event == "CHAT_MSG_WHISPER_INFORM"]
    if "Nobody" in line:
        assert informed == []
    else:  # the server's echo: shown from the event, which addons get too
        assert [args[:2] for args in informed] == [(line.split(" ", 2)[2], "Norinn")]
        assert builtin["chat"] == [f"To [Norinn]: {line.split(' ', 2)[2]}"]


def test_whisper_in_with_the_sender_capitalised(clients) -> None:
    builtin, framexml = both(clients, lambda c: c.whisper_from("ёлка", "hi"))
    assert builtin == framexml
    assert builtin["chat"] == ["[Ёлка] whispers: hi"]


def test_say(clients) -> None:
    builtin, framexml = both(clients, lambda c: c.type_line("/s hello world"))
    assert builtin == framexml


@pytest.mark.parametrize(("query", "to_ui"), [("Norinn", False), ("Alt", False),
                                               ("Norinn", True), ("nobody", False)])
def test_who_with_few_and_many_results(clients, query: str, to_ui: bool) -> None:
    def act(client: HeadlessClient) -> Any:
        client.eval_lua(f"SetWhoToUI({1 if to_ui else 0})")
        client.type_line(f"/who {query}")
        client.advance(1)
        return client.eval_lua("return (GetNumWhoResults())")

    builtin, framexml = both(clients, act)
    assert builtin == framexml


def _mail(copper: int, *, fail: str | None = None, confirm: bool = True
          ) -> Callable[[HeadlessClient], Any]:
    def act(client: HeadlessClient) -> Any:
        client.open_mailbox()
        if fail:
            client.fail_next_mail(fail)
        client.named["SendMailNameEditBox"].set_text("Norinn")
        client.named["SendMailSubjectEditBox"].set_text("Gold")
        if client.framexml is not None:
            client.eval_lua(f"MoneyInputFrame_SetCopper(SendMailMoney, {copper})")
        else:
            client.named["SendMailMoney"].copper = copper
        client.settle()
        clicked = client.click_send_mail(confirm=confirm)
        popup = client.popup("SEND_MONEY") is not None
        in_flight = client.find_frame("SendMailMailButton").IsEnabled()
        client.advance(1)
        after = client.find_frame("SendMailMailButton").IsEnabled()
        if not confirm:
            client.click_popup("SEND_MONEY", 2)
        client.close_mailbox()
        return {"clicked": clicked, "popup": popup, "send enabled in flight": in_flight,
                "send enabled after": after}

    return act


@pytest.mark.parametrize("case", ["success", "failure", "unconfirmed"])
def test_mail_send(clients, case: str) -> None:
    act = {"success": _mail(10_000), "failure": _mail(10_000, fail="Internal mail error"),
           "unconfirmed": _mail(10_000, confirm=False)}[case]
    builtin, framexml = both(clients, act)
    assert builtin == framexml


def test_cancel_answers_the_popup_on_top_then_closes_the_mailbox(clients) -> None:
    def act(client: HeadlessClient) -> Any:
        attempts = len(client.mail.attempts)
        client.open_mailbox()
        client.named["SendMailNameEditBox"].set_text("Norinn")
        client.named["SendMailSubjectEditBox"].set_text("Gold")
        client.eval_lua("MoneyInputFrame_SetCopper(SendMailMoney, 10000)")
        client.settle()
        client.click_send_mail(confirm=False)
        on_top = client.find_frame(text="Cancel")
        on_top.click()  # the SEND_MONEY popup's Cancel, drawn above the mail frame
        after_popup = {"popup": client.popup("SEND_MONEY"), "open": client.mail.open,
                       "send enabled": client.find_frame("SendMailMailButton").IsEnabled()}
        client.find_frame(text="Cancel").click()  # the Send Mail tab's Cancel
        return {"first": on_top.GetName(), "after popup": after_popup,
                "open after tab cancel": client.mail.open,
                "attempts": len(client.mail.attempts) - attempts}

    builtin, framexml = both(clients, act)
    assert builtin == framexml
    assert builtin["result"]["first"] == "StaticPopup1Button2"
    assert builtin["result"]["after popup"] == {"popup": None, "open": True, "send enabled": 1}
    assert builtin["result"]["open after tab cancel"] is False
    assert builtin["result"]["attempts"] == 0
    assert [e for e, _ in builtin["events"]].count("MAIL_CLOSED") == 1


def test_closing_the_mailbox_clears_the_recipient_and_keeps_the_money(clients) -> None:
    # after MAIL_FAILED nothing is cleared; hiding the mail frame clears the recipient,
    # subject and body, not the money (FrameXML's MailFrame OnHide)
    def act(client: HeadlessClient) -> Any:
        client.open_mailbox()
        client.fail_next_mail("Internal mail error")
        client.eval_lua('SendMailNameEditBox:SetText("Norinn") '
                        'SendMailSubjectEditBox:SetText("Gold") '
                        "MoneyInputFrame_SetCopper(SendMailMoney, 10000)")
        client.settle()
        client.click_send_mail()
        client.advance(1)
        failed = client.send_mail_fields()
        client.close_mailbox()
        client.open_mailbox()
        reopened = (client.send_mail_fields(), client.named["SendMailSubjectEditBox"].text)
        client.close_mailbox()
        return {"after failure": failed, "reopened": reopened}

    builtin, framexml = both(clients, act)
    assert builtin == framexml
    assert builtin["result"] == {"after failure": ("Norinn", 10000),
                                 "reopened": (("", 10000), "")}


def test_inbox_update_shows_the_empty_inbox_alike(clients) -> None:
    """``InboxFrame_Update`` (Postal calls it) at an open mailbox with no mail: every mail
    button hidden, both page buttons disabled, in both UIs."""
    def act(client: HeadlessClient) -> Any:
        client.open_mailbox()
        client.eval_lua("InboxFrame_Update()")
        state = client.eval_lua(
            "local shown = 0 for i = 1, INBOXITEMS_TO_DISPLAY do"
            " if _G['MailItem' .. i .. 'Button']:IsShown() then shown = shown + 1 end end"
            " return shown, InboxPrevPageButton:IsEnabled(), InboxNextPageButton:IsEnabled()")
        client.close_mailbox()
        return state

    builtin, framexml = both(clients, act)
    assert builtin == framexml
    assert builtin["result"] == (0, None, None) and builtin["lua_errors"] == []


def test_chat_message_filters_hide_and_rewrite_lines_alike(clients) -> None:
    """Message filters addons add (``ChatFrame_AddMessageEventFilter``) run on the chat
    frame's lines in both UIs: a filter returning true hides a whisper (not shown, not
    logged), one returning new arguments rewrites the line; addons' own handlers of the
    event still get the whisper as sent."""
    def act(client: HeadlessClient) -> Any:
        client.eval_lua("""
          DIFF_SEEN = {}
          local f = CreateFrame("Frame")
          f:RegisterEvent("CHAT_MSG_WHISPER")
          f:SetScript("OnEvent", function(_, _, text) DIFF_SEEN[#DIFF_SEEN + 1] = text end)
          DIFF_HIDE = function(_, _, text) return text:find("^!hide") ~= nil end
          DIFF_LOUD = function(_, _, text, ...) return false, text:upper(), ... end
          ChatFrame_AddMessageEventFilter("CHAT_MSG_WHISPER", DIFF_HIDE)
          ChatFrame_AddMessageEventFilter("CHAT_MSG_WHISPER", DIFF_LOUD)""")
        client.whisper_from("Norinn", "!hide this")
        client.whisper_from("Norinn", "shout this")
        client.eval_lua("""
          ChatFrame_RemoveMessageEventFilter("CHAT_MSG_WHISPER", DIFF_HIDE)
          ChatFrame_RemoveMessageEventFilter("CHAT_MSG_WHISPER", DIFF_LOUD)""")
        return client.eval_lua("return table.concat(DIFF_SEEN, '|')")

    builtin, framexml = both(clients, act)
    assert builtin == framexml
    assert builtin["chat"] == ["[Norinn] whispers: SHOUT THIS"]
    assert builtin["result"] == "!hide this|shout this" and builtin["lua_errors"] == []
