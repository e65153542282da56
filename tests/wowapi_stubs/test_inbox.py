"""The inbox as a world model: mail delivered from Python, listed after ``CheckInbox``, and
the 3.3.5a inbox actions answered by the server after ``mail_latency`` (money and items
move, indices shift, C.O.D., full bags, a closed mailbox, events in order)."""

from __future__ import annotations

import pytest

from tests.shared_data import require_shared
from wowapi_stubs import Attachment, ClientSettings, HeadlessClient, InboxMail, Invoice, Item

ORE = Item(36912, "Saronite Ore", 1, max_stack=20)
SWORD = Item(40703, "Grasscutter", 3, max_stack=1)
WATCHED = ("MAIL_INBOX_UPDATE", "MAIL_SUCCESS", "MAIL_FAILED", "PLAYER_MONEY", "BAG_UPDATE",
           "CLOSE_INBOX_ITEM", "UI_ERROR_MESSAGE", "UPDATE_PENDING_MAIL")


@pytest.fixture
def streamer(client: HeadlessClient) -> HeadlessClient:
    client.enter_world()
    client.set_money(10_000)
    return client


def at_mailbox(client: HeadlessClient, *mails: InboxMail) -> list[InboxMail]:
    """Deliver ``mails`` (the last delivered is index 1), open the mailbox, let the list in."""
    for mail in mails:
        client.mail.deliver_to_inbox(mail)
    client.open_mailbox()
    client.advance(1.0)
    return list(mails)


def events(client: HeadlessClient, start: int) -> list[tuple]:
    return [(e, *args) for e, args in list(client.events_fired)[start:] if e in WATCHED]


def lua(client: HeadlessClient, code: str) -> tuple:
    """Run ``code`` and let the server answer."""
    start = len(client.events_fired)
    client.eval_lua(code)
    client.advance(1.0)
    return tuple(events(client, start))


def test_mail_waiting_before_login_is_announced_at_login(client: HeadlessClient) -> None:
    client.mail.deliver_to_inbox(InboxMail("Ann", "while you were away"))
    assert events(client, 0) == []  # not logged in: no notice yet
    start = len(client.events_fired)
    client.enter_world()
    fired = [e for e, _ in list(client.events_fired)[start:]]
    assert fired.index("UPDATE_PENDING_MAIL") > fired.index("PLAYER_ENTERING_WORLD")
    assert client.eval_lua("return HasNewMail()") == 1


def test_no_mail_notice_at_login_without_unread_mail(client: HeadlessClient) -> None:
    client.enter_world()
    assert "UPDATE_PENDING_MAIL" not in [e for e, _ in client.events_fired]


def test_mail_is_announced_and_listed_after_the_inbox_is_checked(streamer) -> None:
    start = len(streamer.events_fired)
    streamer.mail.deliver_to_inbox(InboxMail("Ann", "first"))
    streamer.mail.deliver_to_inbox(InboxMail("Bob", "second", body="hello"))
    assert events(streamer, start) == [("UPDATE_PENDING_MAIL",), ("UPDATE_PENDING_MAIL",)]
    assert streamer.eval_lua("return HasNewMail(), GetLatestThreeSenders()") == (1, "Bob", "Ann")
    assert streamer.eval_lua("return GetInboxNumItems()") == (0, 0)  # not checked yet
    streamer.open_mailbox()  # the mail frame checks; the list comes with the server's answer
    assert streamer.eval_lua("return GetInboxNumItems()") == (0, 0)
    streamer.advance(1.0)
    assert streamer.eval_lua("return GetInboxNumItems()") == (2, 2)
    header = streamer.eval_lua("return GetInboxHeaderInfo(1)")
    assert header[2:6] == ("Bob", "second", 0, 0) and 29.9 < header[6] <= 30
    assert header[7:] == (None, None, None, None, 1, None, None)  # no items, unread, player
    assert streamer.eval_lua("return GetInboxText(1)") == ("hello", None, 1, None)
    assert streamer.eval_lua("return (select(9, GetInboxHeaderInfo(1))), HasNewMail()") == (1, 1)
    streamer.eval_lua("GetInboxText(2)")
    assert streamer.eval_lua("return HasNewMail(), GetLatestThreeSenders()") is None


def test_taking_money_pays_the_character_after_the_server_answers(streamer) -> None:
    mail, = at_mailbox(streamer, InboxMail("Ann", "gold", body="for you", money=25_000))
    streamer.eval_lua("TakeInboxMoney(1)")
    assert streamer.money == 10_000 and mail.money == 25_000  # not before the answer
    start = len(streamer.events_fired)
    streamer.advance(1.0)
    assert streamer.money == 35_000 and mail.money == 0
    assert events(streamer, start) == [("PLAYER_MONEY",), ("MAIL_INBOX_UPDATE",),
                                       ("MAIL_SUCCESS",)]
    assert streamer.eval_lua("return GetMoney(), GetInboxNumItems()") == (35_000, 1, 1)
    assert [(a.kind, a.copper) for a in streamer.mail.inbox.actions] == [("money", 25_000)]


def test_taken_items_land_in_the_bags_and_emptied_textless_mail_goes(streamer) -> None:
    streamer.set_bag_item(0, 1, ORE.item_id, ORE.name, count=5)
    streamer.bags.items[ORE.item_id] = ORE  # max stack 20
    mail, = at_mailbox(streamer, InboxMail("Ann", "ore", attachments=[
        Attachment(ORE, 15), None, Attachment(SWORD)]))
    assert streamer.eval_lua("return GetInboxItem(1, 1)") == (ORE.name, ORE.texture, 15, 1, 1)
    assert streamer.eval_lua("return (GetInboxItem(1, 2)), GetInboxItemLink(1, 3)") == (
        None, SWORD.link)
    assert lua(streamer, "TakeInboxItem(1, 1)") == (
        ("BAG_UPDATE", 0), ("MAIL_INBOX_UPDATE",), ("MAIL_SUCCESS",))
    assert streamer.bags.contents[(0, 1)].count == 20  # onto the stack with room
    assert streamer.eval_lua("return (GetInboxItem(1, 1)), GetInboxItemLink(1, 3)") == (
        None, SWORD.link)
    assert streamer.eval_lua("return (select(8, GetInboxHeaderInfo(1)))") == 1
    assert lua(streamer, "TakeInboxItem(1, 3)") == (
        ("BAG_UPDATE", 0), ("CLOSE_INBOX_ITEM", 1), ("MAIL_INBOX_UPDATE",), ("MAIL_SUCCESS",))
    assert streamer.bags.contents[(0, 2)].item == SWORD
    assert streamer.eval_lua("return GetInboxNumItems()") == (0, 0)  # no text: it went
    assert streamer.eval_lua('return (GetItemInfo("Grasscutter"))') == "Grasscutter"
    assert mail.attachments == [None, None, None]


def test_indices_shift_when_a_mail_leaves_the_inbox(streamer) -> None:
    at_mailbox(streamer, InboxMail("Carl", "third"), InboxMail("Bob", "second"),
               InboxMail("Ann", "first", kind="auction"))
    assert lua(streamer, "DeleteInboxItem(2)") == (
        ("CLOSE_INBOX_ITEM", 2), ("MAIL_INBOX_UPDATE",), ("MAIL_SUCCESS",))
    assert streamer.eval_lua("""
      local n = GetInboxNumItems()
      return n, (select(3, GetInboxHeaderInfo(1))), (select(3, GetInboxHeaderInfo(2))),
        (GetInboxHeaderInfo(3))""") == (2, "Ann", "Carl", None)
    assert [(a.kind, a.mail.sender) for a in streamer.mail.inbox.actions] == [
        ("deleted", "Bob")]


def test_cod_needs_the_money_and_is_paid_to_the_sender_once(streamer) -> None:
    mail, = at_mailbox(streamer, InboxMail("Ann", "cod", body="pay me", cod=15_000,
                                           attachments=[Attachment(ORE, 2),
                                                        Attachment(ORE, 3)]))
    assert streamer.eval_lua("return select(6, GetInboxHeaderInfo(1)), "
                             "InboxItemCanDelete(1)") == (15_000, None)
    assert lua(streamer, "TakeInboxItem(1, 1)") == (
        ("UI_ERROR_MESSAGE", "You don't have enough money"), ("MAIL_FAILED",))
    assert streamer.money == 10_000 and not streamer.bags.contents and mail.cod == 15_000
    streamer.set_money(20_000)
    assert lua(streamer, "TakeInboxItem(1, 2)") == (
        ("PLAYER_MONEY",), ("BAG_UPDATE", 0), ("MAIL_INBOX_UPDATE",), ("MAIL_SUCCESS",))
    assert streamer.money == 5_000 and mail.cod == 0
    lua(streamer, "TakeInboxItem(1, 1)")
    assert streamer.money == 5_000 and streamer.bags.contents[(0, 1)].count == 5
    assert [(a.kind, a.copper, a.count) for a in streamer.mail.inbox.actions] == [
        ("item", 0, 3), ("cod", 15_000, 0), ("item", 0, 2)]


def test_full_bags_refuse_the_item_and_auto_loot_stops_there(streamer) -> None:
    for bag, size in enumerate(streamer.bags.slots):
        for slot in range(1, size + 1):
            streamer.set_bag_item(bag, slot, 6948, "Hearthstone")
    mail, = at_mailbox(streamer, InboxMail("Ann", "stuff", money=700,
                                           attachments=[Attachment(SWORD)]))
    assert lua(streamer, "TakeInboxItem(1, 1)") == (
        ("UI_ERROR_MESSAGE", "Inventory is full."), ("MAIL_FAILED",))
    assert lua(streamer, "AutoLootMailItem(1)") == (
        ("PLAYER_MONEY",), ("MAIL_INBOX_UPDATE",), ("UI_ERROR_MESSAGE", "Inventory is full."),
        ("MAIL_FAILED",))
    assert streamer.money == 10_700 and mail.money == 0 and mail.items
    assert streamer.ui_errors[-2:] == ["Inventory is full.", "Inventory is full."]


def test_inbox_actions_need_an_open_mailbox(streamer) -> None:
    mail, = at_mailbox(streamer, InboxMail("Ann", "gold", money=100))
    streamer.close_mailbox()
    assert streamer.eval_lua("return GetInboxNumItems()") == (1, 1)  # the list stays known
    assert lua(streamer, "TakeInboxMoney(1)") == (
        ("UI_ERROR_MESSAGE", "You must be at a mailbox to do that."), ("MAIL_FAILED",))
    assert lua(streamer, "CheckInbox()") == ()  # no mailbox, no list
    assert streamer.money == 10_000 and mail.money == 100


def test_return_and_delete_follow_inbox_item_can_delete(streamer) -> None:
    player, auction = at_mailbox(
        streamer, InboxMail("Ann", "gift", body="hi", attachments=[Attachment(SWORD)]),
        InboxMail("Alliance Auction House", "Auction expired: Ore", kind="auction",
                  attachments=[Attachment(ORE, 20)]))
    # 1 = the auction house's mail (delivered last), 2 = Ann's
    assert streamer.eval_lua("return InboxItemCanDelete(1), InboxItemCanDelete(2), "
                             "CanComplainInboxItem(2)") == (1, None, 1)
    assert lua(streamer, "DeleteInboxItem(2)") == (
        ("UI_ERROR_MESSAGE", "Internal mail database error."), ("MAIL_FAILED",))
    assert lua(streamer, "ReturnInboxItem(1)")[-1] == ("MAIL_FAILED",)  # not returnable
    assert lua(streamer, "ReturnInboxItem(2)") == (
        ("CLOSE_INBOX_ITEM", 2), ("MAIL_INBOX_UPDATE",), ("MAIL_SUCCESS",))
    assert streamer.mail.inbox.returned == [player] and player.items
    lua(streamer, "DeleteInboxItem(1)")  # the auction house's items are lost with it
    assert streamer.mail.inbox.mails == [] and not streamer.bags.contents
    assert [a.kind for a in streamer.mail.inbox.actions] == ["returned", "deleted"]
    assert streamer.mail.inbox.actions[-1].mail is auction


def test_mail_the_streamer_sent_can_come_back(streamer) -> None:
    streamer.add_character("Winner")
    streamer.open_mailbox()
    streamer.send_mail_manual("Winner", 5_000, subject="Prize")
    streamer.advance(1.0)
    sent = streamer.mail_ledger[-1]
    assert streamer.money == 10_000 - 5_030
    back = streamer.mail.return_delivered(sent)
    streamer.eval_lua("CheckInbox()")
    streamer.advance(1.0)
    assert streamer.eval_lua("return (select(3, GetInboxHeaderInfo(1))), "
                             "(select(10, GetInboxHeaderInfo(1))), InboxItemCanDelete(1)") == (
        "Winner", 1, 1)
    lua(streamer, "TakeInboxMoney(1)")
    assert streamer.money == 10_000 - 30 and back.money == 0
    assert streamer.mail_ledger == [sent]  # the send ledger is only what was sent


def test_letters_invoices_expiry_and_the_gold_limit(streamer) -> None:
    letter, sale, old = at_mailbox(
        streamer, InboxMail("Ann", "read me", body="a long letter"),
        InboxMail("Horde Auction House", "Auction successful: Ore", kind="auction",
                  money=9_000, invoice=Invoice("seller", "Saronite Ore", "Bob", bid=9_500,
                                               buyout=9_500, deposit=60, consignment=475)),
        InboxMail("Bob", "old", money=1, days_left=0.5))
    assert streamer.eval_lua("return GetInboxText(2)") == ("", None, None, 1)
    assert streamer.eval_lua("return GetInboxInvoiceInfo(2)") == (
        "seller", "Saronite Ore", "Bob", 9_500, 9_500, 60, 475, 0, 0, 0)
    assert streamer.eval_lua("return GetInboxInvoiceInfo(3)") is None
    assert lua(streamer, "TakeInboxTextItem(3)")[0] == ("BAG_UPDATE", 0)
    assert letter.text_created and streamer.bags.contents[(0, 1)].item.name == "Plain Letter"
    assert lua(streamer, "TakeInboxTextItem(3)")[-1] == ("MAIL_FAILED",)  # once only
    streamer.set_money(2**31 - 1 - 100)
    assert lua(streamer, "TakeInboxMoney(2)")[-2:] == (
        ("UI_ERROR_MESSAGE", "At gold limit"), ("MAIL_FAILED",))
    streamer.advance(12 * 3600.0)  # the half-day mail runs out
    assert streamer.eval_lua("return GetInboxHeaderInfo(1)")[6] == 0
    lua(streamer, "CheckInbox()")
    assert streamer.mail.inbox.returned == [old]
    assert streamer.eval_lua("return GetInboxNumItems()") == (2, 2)


def test_the_client_lists_fifty_mails_of_more(streamer) -> None:
    at_mailbox(streamer, *(InboxMail(f"Sender{i}", f"mail {i}") for i in range(55)))
    assert streamer.eval_lua("return GetInboxNumItems()") == (50, 55)
    assert streamer.eval_lua("return (select(4, GetInboxHeaderInfo(1)))") == "mail 54"


def test_inbox_mail_refuses_what_the_client_cannot_hold() -> None:
    with pytest.raises(ValueError, match="at most 12 attachments"):
        InboxMail("Ann", "x", attachments=[Attachment(ORE)] * 13)
    InboxMail("Postmaster", "x", kind="npc", attachments=[Attachment(ORE)] * 16)
    with pytest.raises(ValueError, match="a stack holds 1-20"):
        InboxMail("Ann", "x", attachments=[Attachment(ORE, 21)])
    with pytest.raises(ValueError, match="C.O.D. mail carries items"):
        InboxMail("Ann", "x", cod=100)
    with pytest.raises(ValueError, match="days_left"):
        InboxMail("Ann", "x", days_left=0)


def test_inbox_functions_check_their_arguments(streamer) -> None:
    streamer.eval_lua("TakeInboxItem(1)")
    assert "Usage: TakeInboxItem(index, itemIndex)" in streamer.errors[-1].message
    assert streamer.eval_lua("TakeInboxMoney(7); return GetInboxHeaderInfo(7)") is None


def _postal() -> str:
    return str(require_shared("MGM_WOW335A_DIR") / "corpus" / "Postal" / "Postal")


def _postal_mails() -> tuple[InboxMail, ...]:
    return (InboxMail("Ann", "ore", body="keep this", attachments=[Attachment(ORE, 20), None,
                                                                  Attachment(ORE, 5)]),
            InboxMail("Bob", "cod", cod=50, attachments=[Attachment(SWORD)]),
            InboxMail("Carl", "gold", money=5_000))


def test_postal_open_all_takes_the_mail_through_its_own_code(streamer) -> None:
    """Postal's Open All walks the inbox from the last mail, waits for each change and
    skips C.O.D. mail (its own rules), on the built-in UI."""
    streamer.load_addon(_postal())
    carl_mail, bob_mail, ann_mail = at_mailbox(streamer, *reversed(_postal_mails()))
    streamer.find_frame("PostalOpenAllButton").click()
    streamer.advance(5.0)
    assert [e.message for e in streamer.errors] == []
    assert streamer.money == 15_000
    assert sorted((k, v.count) for k, v in streamer.bags.contents.items()) == [
        ((0, 1), 5), ((0, 2), 20)]
    assert streamer.mail.inbox.mails == [ann_mail, bob_mail]  # the gold mail emptied, gone
    assert bob_mail.items and not ann_mail.items
    assert "Some Messages May Have Been Skipped." in streamer.chat[-1].text


def test_postal_and_framexml_take_and_return_mail() -> None:
    """Blizzard's FrameXML inbox and Postal together: the inbox lists the mail, the open
    mail's Return button sends a player's mail back, Open All takes the rest."""
    with HeadlessClient(ClientSettings(framexml_dir=require_shared("MGM_FRAMEXML_DIR"))) as c:
        c.load_addon(_postal())
        c.enter_world()
        c.set_money(10_000)
        carl_mail, bob_mail, ann_mail = at_mailbox(c, *reversed(_postal_mails()))
        c.find_frame("MailFrameTab1").click()
        assert c.eval_lua("return MailItem1Sender:GetText(), MailItem3Subject:GetText()") == (
            "Ann", "gold")
        c.find_frame("MailItem2Button").click()  # Bob's C.O.D. mail
        assert c.eval_lua("return OpenMailFrame:IsVisible(), OpenMailDeleteButton:GetText()"
                          ) == (1, "Return")
        c.find_frame("OpenMailDeleteButton").click()
        c.advance(1.0)
        assert c.mail.inbox.returned == [bob_mail]
        assert c.eval_lua("return OpenMailFrame:IsVisible(), GetInboxNumItems()") == (None, 2, 2)
        c.find_frame("PostalOpenAllButton").click()
        c.advance(5.0)
        assert [e.message for e in c.errors] == []
        assert c.money == 15_000 and c.mail.inbox.mails == [ann_mail] and not ann_mail.items
