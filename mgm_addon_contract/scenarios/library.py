"""Built-in scenarios: SC-001 segments and one scenario per contract clause."""

from __future__ import annotations

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
PREPARE, SEND = Step("click", {"text": "Prepare Mail"}), Step("click_send_mail")
WAIT = Step("advance", {"seconds": 1})


def manual(recipient: str, copper: int) -> Step:
    return Step("send_mail", {"recipient": recipient, "copper": copper})


SCENARIOS: dict[str, list[Step]] = {
    "sc001-who": [run(f'/run MGM_RunWhoForSpin("{SPIN}","Norinn")'), WAIT],
    "sc001-consent": [notify(P1, "Norinn"), whisper("Norinn", "  !TwGold ")],
    "sc001-mail": [notify(P1, "Norinn"), whisper("Norinn", "!twgold"),
                   receive((P1, "Norinn", GOLD)), OPEN, PREPARE, SEND, WAIT],
    "who-offline-and-neighbours": [
        run(f'/run MGM_RunWhoForSpin("{SPIN}","Norin")'), WAIT,
        run(f'/run MGM_RunWhoForSpin("{SPIN}","вася")'), WAIT],
    "accept-wrong-sender": [notify(P1, "Norinn"), whisper("Bob", "!twgold"),
                            whisper("Norinn-Icecrown", "!twgold")],
    "accept-twice": [notify(P1, "Norinn"), whisper("Norinn", "!twgold"),
                     whisper("Norinn", "!twgold")],
    "accept-all-notified": [notify(P1, "Norinn"), notify(P2, "Вася"), whisper("ВАСЯ", "!twgold"),
                            whisper("norinn", "!twgold")],
    "manual-mail-to-winner": [receive((P1, "Norinn", GOLD)), OPEN, manual("Norinn", GOLD), WAIT,
                              PREPARE, SEND, WAIT],
    "confirm-once": [receive((P1, "Norinn", GOLD)), OPEN, PREPARE, SEND, WAIT,
                     manual("Norinn", GOLD), WAIT, PREPARE, SEND, WAIT],
    "wrong-amount": [receive((P1, "Norinn", GOLD)), OPEN, PREPARE,
                     run("/run MoneyInputFrame_SetCopper(SendMailMoney, 5)"),
                     SEND, WAIT],
    "failure-requeues": [receive((P1, "Norinn", GOLD), (P2, "Вася", 5 * GOLD)), OPEN, PREPARE,
                         Step("fail_next_mail", {"reason": "Internal mail database error"}),
                         SEND, WAIT, PREPARE, SEND, WAIT, CLOSE, OPEN, PREPARE, CLOSE, OPEN,
                         PREPARE, SEND, WAIT],
    "receivegold-bad-entries": [
        run(f'/run ReceiveGold("not-an-entry;{P1}:Norinn:{GOLD};{P2}:B0b:1;")'), OPEN, PREPARE,
        SEND, WAIT],
    "receivegold-duplicates": [receive((P1, "Norinn", GOLD)), receive((P1, "Norinn", GOLD)),
                               OPEN, PREPARE, SEND, WAIT, PREPARE, SEND, WAIT],
    "gift": [Step("set_bag_item", {"bag": 0, "slot": 1, "item_id": 33470,
                                   "name": "Frostweave Cloth", "count": 7}),
             Step("set_bag_item", {"bag": 2, "slot": 5, "item_id": 41511,
                                   "name": 'Eternal "Fire"', "count": 1}),
             run(f'/run MGM_RequestGiftItems("{GIFT}")'),
             run(f'/run MGM_RequestGiftConfirmation("{GIFT}","Вася")'),
             whisper("Bob", "!twgift"), whisper("вася", " !TwGift")],
    "update-check": [run("/mgm update")],
    "combat-and-panel": [Step("enter_combat"), run("/mgm"), Step("leave_combat"), run("/mgm")],
}

DESCRIPTIONS: dict[str, str] = {
    "sc001-who": "SC-001: the Desktop asks /who for the spin candidate (SPEC §8).",
    "sc001-consent": "SC-001: winner whisper, then the winner's !twgold reply (SPEC §9).",
    "sc001-mail": "SC-001: ReceiveGold, Prepare Mail, Send, [MGM_CONFIRM] (SPEC §9).",
    "who-offline-and-neighbours": "/who for a substring neighbour and a Cyrillic name.",
    "accept-wrong-sender": "A reply from another player, then from the winner's realm name.",
    "accept-twice": "The winner replies twice.",
    "accept-all-notified": "Two payouts notified; both winners reply.",
    "manual-mail-to-winner": "Manual mail to the queued winner, then the armed send.",
    "confirm-once": "After a confirmed send, a manual mail to the same winner.",
    "wrong-amount": "The streamer changes the amount after Prepare Mail.",
    "failure-requeues": "A failed send and mailbox closes keep the payout queued.",
    "receivegold-bad-entries": "Bad entries around a good one.",
    "receivegold-duplicates": "The same payout twice in ReceiveGold.",
    "gift": "Gift items and consent with a reply from the wrong player first (SPEC §12).",
    "update-check": "/mgm update prints [MGM_UPDATE_CHECK].",
    "combat-and-panel": "The panel toggles in and out of combat.",
}
