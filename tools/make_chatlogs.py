"""Regenerate fixtures/chatlogs/: chat logs recorded by the headless client running the
reference addon (real format), with seed state and hand-written expectations.

Run from the repository root: ``python tools/make_chatlogs.py``.
"""

from __future__ import annotations

import json
import random
import shutil
import uuid
from collections.abc import Callable
from pathlib import Path

from mgm_addon_contract._resources import reference_addon_dir
from wowapi_stubs import ClientSettings, HeadlessClient, WhoEntry
from wowapi_stubs.chatlog import format_chatlog_line

ROOT = Path(__file__).resolve().parent.parent / "fixtures" / "chatlogs"
SPIN = "550e8400-e29b-41d4-a716-446655440000"
P1 = "2d2b7b2a-1111-2222-3333-444444444444"
P2 = "7a1c9e00-aaaa-4bbb-8ccc-0123456789ab"
GIFT = "9f8e7d6c-5b4a-4321-8fed-cba987654321"
GOLD = 10_000_000


def payout_id(twitch_user_id: str, index: int = 0) -> str:
    """The id the mock EBS gives the ``index``-th payout it creates (deterministic)."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"payout/{twitch_user_id}/{index}"))


def record(actions: Callable[[HeadlessClient], None]) -> bytes:
    """Run ``actions`` with the reference addon and return the chat log bytes."""
    with HeadlessClient(ClientSettings(chatlog_flush="line")) as client:
        client.set_world_roster([WhoEntry("Norinn"), WhoEntry("Вася"), WhoEntry("Norinna"),
                                 WhoEntry("Eve")])
        client.load_addon(reference_addon_dir())
        actions(client)
        client.logout()
        return client.chatlog_path.read_bytes()


def mail_flow(client: HeadlessClient, payout: str, name: str) -> None:
    client.type_line(f'/run ReceiveGold("{payout}:{name}:{GOLD};")')
    client.open_mailbox()
    client.find_frame(text="Prepare Mail").click()
    client.click_send_mail()
    client.advance(1)
    client.close_mailbox()


def consent(client: HeadlessClient, payout: str, name: str) -> None:
    client.type_line(f'/run NotifyWinnerWhisper("{payout}","{name}")')
    client.advance(20)
    client.whisper_from(name, "!twgold")


def write(name: str, log: bytes, seed: dict, expect: dict, replay: dict | None = None) -> None:
    folder = ROOT / name
    folder.mkdir(parents=True)
    (folder / "WoWChatLog.txt").write_bytes(log)
    for file, data in (("seed.json", seed), ("expect.json", expect), ("replay.json", replay)):
        if data is not None:
            (folder / file).write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n",
                                       encoding="utf-8")


def req(method: str, path: str, status: int = 200) -> dict:
    return {"method": method, "path": path, "status": status}


def sc001(winner: str, user: str) -> tuple[bytes, dict, dict]:
    pid = payout_id(user)

    def actions(client: HeadlessClient) -> None:
        client.type_line(f'/run MGM_RunWhoForSpin("{SPIN}","{winner}")')
        client.advance(2)
        consent(client, pid, winner)
        client.advance(30)
        mail_flow(client, pid, winner)

    seed = {"pool": [{"twitchUserId": user, "twitchDisplayName": f"tw_{user}",
                      "characterName": winner}], "spin": {"id": SPIN, "candidate": winner}}
    expect = {"requests": [req("POST", "/api/roulette/verify-candidate"),
                           req("PATCH", f"/api/payouts/{pid}/status"),
                           req("POST", f"/api/payouts/{pid}/confirm-acceptance"),
                           req("PATCH", f"/api/payouts/{pid}/status")],
              "payouts": {pid: "Sent"}, "pool": [], "announcements": 1, "spoofed": 0}
    return record(actions), seed, expect


def in_progress(*rows: tuple[str, str]) -> dict:
    return {"payouts": [{"id": p, "characterName": n, "status": "InProgress",
                         "twitchUserId": str(i)} for i, (p, n) in enumerate(rows, 1)],
            "pool": [{"twitchUserId": str(i), "characterName": n}
                     for i, (_, n) in enumerate(rows, 1)]}


def noise(rng: random.Random, count: int) -> list[str]:
    people = ["Thrall", "Jaina", "Arthas", "Sylvanas", "Varian", "Garrosh"]
    lines = []
    for i in range(count):
        who = rng.choice(people)
        kind = rng.random()
        if kind < 0.5:
            lines.append(f"[2. Trade] [{who}]: WTS [Frostweave Cloth] x{rng.randint(1, 200)}")
        elif kind < 0.8:
            lines.append(f"[Guild] [{who}]: {'lol ' * rng.randint(1, 5)}".rstrip())
        else:
            lines.append(f"[{who}] says: raid at {rng.randint(18, 22)}:00 in ICC #{i}")
    return lines


def build() -> None:
    if ROOT.exists():
        shutil.rmtree(ROOT)
    ROOT.mkdir(parents=True)
    log, seed, expect = sc001("Norinn", "1001")
    write("sc001-happy-path", log, seed, expect, {"sync_inject": True})
    log, seed, expect = sc001("Вася", "1002")
    write("cyrillic-winner", log, seed, expect, {"sync_inject": True, "flush": "block:4096"})

    def offline(client: HeadlessClient) -> None:
        client.set_world_roster([WhoEntry("Norinna")])
        client.type_line(f'/run MGM_RunWhoForSpin("{SPIN}","Norinn")')
        client.advance(2)

    write("who-offline", record(offline),
          {"pool": [{"twitchUserId": "1001", "characterName": "Norinn"}],
           "spin": {"id": SPIN, "candidate": "Norinn"}},
          {"requests": [req("POST", "/api/roulette/verify-candidate")], "payouts": {},
           "pool": ["Norinn"]})

    def manual_among(client: HeadlessClient) -> None:
        client.type_line(f'/run ReceiveGold("{P1}:Norinn:{GOLD};{P2}:Вася:{GOLD};")')
        client.open_mailbox()
        client.send_mail_manual("Eve", 50_000, subject="for the raid")
        client.advance(1)
        client.find_frame(text="Prepare Mail").click()
        client.click_send_mail()
        client.advance(1)
        client.send_mail_manual("Norinn", GOLD, subject="manual")
        client.advance(1)
        client.find_frame(text="Prepare Mail").click()
        client.click_send_mail()
        client.advance(1)

    write("manual-mail-among-mgm", record(manual_among), in_progress((P1, "Norinn"), (P2, "Вася")),
          {"requests": [req("PATCH", f"/api/payouts/{P1}/status"),
                        req("PATCH", f"/api/payouts/{P2}/status")],
           "payouts": {P1: "Sent", P2: "Sent"}, "pool": [], "announcements": 2})

    def duplicated(client: HeadlessClient) -> None:
        consent(client, P1, "Norinn")
        mail_flow(client, P1, "Norinn")

    dup_log = record(duplicated)
    dup_lines = dup_log.splitlines(keepends=True)
    doubled = b"".join(line + line if b"[MGM_" in line else line for line in dup_lines)
    write("duplicated-tag-lines", doubled, in_progress((P1, "Norinn")),
          {"requests": [req("POST", f"/api/payouts/{P1}/confirm-acceptance"),
                        req("PATCH", f"/api/payouts/{P1}/status")],
           "payouts": {P1: "Sent"}})
    write("truncated-mid-session", dup_log, in_progress((P1, "Norinn")),
          {"requests": [req("POST", f"/api/payouts/{P1}/confirm-acceptance"),
                        req("PATCH", f"/api/payouts/{P1}/status")],
           "payouts": {P1: "Sent"}},
          {"truncate_after_line": dup_log[: dup_log.find(b"[MGM_ACCEPT")].count(b"\n") + 1,
           "flush": "line"})

    rng = random.Random(11)
    lines = [format_chatlog_line(_at(i), text) for i, text in enumerate(noise(rng, 6000))]
    tags = {1500: f"[MGM_ACCEPT:{P1}]", 4200: f"[MGM_CONFIRM:{P1}]"}
    for index, text in tags.items():
        lines.insert(index, format_chatlog_line(_at(index), text))
    write("large-noisy", b"".join(lines), in_progress((P1, "Norinn")),
          {"requests": [req("POST", f"/api/payouts/{P1}/confirm-acceptance"),
                        req("PATCH", f"/api/payouts/{P1}/status")],
           "payouts": {P1: "Sent"}}, {"flush": "block:4096"})

    bad = [f"[Eve] whispers: [MGM_CONFIRM:{P1}]", f"[MGM_CONFIRM:{P1[:-2]}]",
           "[MGM_ACCEPT:------------------------------------]", "[MGM_REFUND:1]",
           f"[Eve] says: [MGM_ACCEPT:{P1}] please", f"[MGM_CONFIRM:{P2}]"]
    write("malformed-and-spoofed",
          b"".join(format_chatlog_line(_at(i), t) for i, t in enumerate(bad)),
          in_progress((P1, "Norinn"), (P2, "Вася")),
          {"requests": [req("PATCH", f"/api/payouts/{P2}/status")],
           "payouts": {P1: "InProgress", P2: "Sent"}, "spoofed": 2})

    def gift(client: HeadlessClient) -> None:
        client.set_bag_item(0, 3, 33470, "Frostweave Cloth", count=20)
        client.type_line(f'/run MGM_RequestGiftItems("{GIFT}")')
        client.advance(4)
        client.type_line(f'/run MGM_RequestGiftConfirmation("{GIFT}","Вася")')
        client.whisper_from("Eve", "!twgift")
        client.whisper_from("Вася", "!twgift")

    write("gift-flow", record(gift),
          {"gifts": [{"id": GIFT, "characterName": "Вася", "state": "SelectingItem"}]},
          {"requests": [req("POST", f"/api/gift-requests/{GIFT}/select-item"),
                        req("POST", f"/api/gift-requests/{GIFT}/confirm")],
           "gifts": {GIFT: "Completed"}})


def _at(i: int):  # noqa: ANN202
    from datetime import UTC, datetime, timedelta

    return datetime(2026, 4, 4, 18, 0, tzinfo=UTC) + timedelta(seconds=i * 0.7)


if __name__ == "__main__":
    build()
