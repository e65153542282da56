"""Rotated files: many open at once (the descriptor budget) and files rotated while the
consumer was stopped or between two polls, found by identity and size, never by clock."""

from __future__ import annotations

import os
import time

from tail_support import P1, P2, Setup, line

from mgm_addon_contract.tail.status_line import describe

ACCEPT1, CONFIRM1 = f"[MGM_ACCEPT:{P1}]", f"[MGM_CONFIRM:{P1}]"
ACCEPT2, CONFIRM2 = f"[MGM_ACCEPT:{P2}]", f"[MGM_CONFIRM:{P2}]"
PATCH1, PATCH2 = ("PATCH", f"/api/payouts/{P1}/status"), ("PATCH", f"/api/payouts/{P2}/status")
ACCEPTED1 = ("POST", f"/api/payouts/{P1}/confirm-acceptance")
ACCEPTED2 = ("POST", f"/api/payouts/{P2}/confirm-acceptance")


def paths(s: Setup) -> list[tuple[str, str]]:
    return [(m, p) for m, p, status in s.effects() if status < 300]


def rotate_held(s: Setup, n: int, games: list[int]) -> None:
    """The game writes a line, the log is renamed to ``WoWChatLog.<n>.txt`` while the game
    still holds it (its descriptor stays in ``games``), and a new log gets a line."""
    os.rename(s.log, s.folder / f"WoWChatLog.{n}.txt")
    s.log.write_bytes(line(f"[Bob] says: session {n}", n))
    games.append(os.open(s.log, os.O_WRONLY | os.O_APPEND))


def test_more_than_eight_rotated_files_keep_being_followed(setup: Setup) -> None:
    """Regression: with more than 8 rotated files open the oldest was closed without a
    word; a tag its writer still added to it was lost."""
    consumer = setup.consumer(rotated_idle=600.0)
    games = [os.open(setup.log, os.O_WRONLY | os.O_APPEND)]
    try:
        os.write(games[0], line(ACCEPT1))
        consumer.poll_once()
        for n in range(1, 12):
            rotate_held(setup, n, games)
            consumer.poll_once()
        os.write(games[0], line(CONFIRM1, 40))  # late line in the oldest rotated file
        consumer.poll_once()
        assert paths(setup) == [ACCEPTED1, PATCH1]
        assert len(consumer.rotated) == 11 and not consumer.closed_early
    finally:
        for fd in games:
            os.close(fd)


def test_beyond_the_budget_the_oldest_is_read_to_its_end_then_closed_visibly(
        setup: Setup) -> None:
    consumer = setup.consumer(rotated_idle=600.0, max_rotated=2)
    games = [os.open(setup.log, os.O_WRONLY | os.O_APPEND)]
    try:
        os.write(games[0], line(ACCEPT1))
        consumer.poll_once()
        rotate_held(setup, 1, games)
        consumer.poll_once()
        rotate_held(setup, 2, games)
        consumer.poll_once()
        assert len(consumer.rotated) == 2 and not consumer.closed_early
        os.write(games[0], line(CONFIRM1, 40))  # unread when the budget is exceeded
        rotate_held(setup, 3, games)
        consumer.poll_once()
        assert paths(setup) == [ACCEPTED1, PATCH1]  # read to its end before it was closed
        closed = [e for e in setup.events() if e["event"] == "rotated-closed"]
        assert [os.path.basename(e["file"]) for e in closed] == ["WoWChatLog.1.txt"]
        assert closed[0]["offset"] == closed[0]["size"] == (setup.folder /
                                                            "WoWChatLog.1.txt").stat().st_size
        assert consumer.closed_early == [str(setup.folder / "WoWChatLog.1.txt")]
        shown = describe(consumer.status())
        assert "warning: 1 rotated file(s) closed early" in shown and "WoWChatLog.1.txt" in shown
        assert len(consumer.rotated) == 2
    finally:
        for fd in games:
            os.close(fd)
    consumer.close()
    os.write(fd := os.open(setup.folder / "WoWChatLog.1.txt", os.O_WRONLY | os.O_APPEND),
             line(ACCEPT2, 41) + line(CONFIRM2, 42))  # after it was closed: a restart reads
    os.close(fd)
    again = setup.consumer()
    again.poll_once()
    assert paths(setup) == [ACCEPTED1, PATCH1, ACCEPTED2, PATCH2]


def test_files_waiting_for_a_slot_are_read_in_order_before_the_log(setup: Setup) -> None:
    """Several rotations between two polls with a budget of one: each waits its turn and
    is read to its end oldest first; the current log comes last."""
    consumer = setup.consumer(max_rotated=1)
    setup.append(line("[Bob] says: hi"))
    consumer.poll_once()
    for n, text in enumerate([ACCEPT1, CONFIRM1, ACCEPT2], start=1):  # no poll in between
        setup.append(line(text, n))
        os.rename(setup.log, setup.folder / f"WoWChatLog.{n}.txt")
        setup.log.write_bytes(b"")
    setup.append(line(CONFIRM2, 9))
    for _ in range(6):
        consumer.poll_once()
    assert paths(setup) == [ACCEPTED1, PATCH1, ACCEPTED2, PATCH2]


def _age(path, seconds: float) -> None:  # noqa: ANN001
    stamp = time.time() + seconds
    os.utime(path, (stamp, stamp))


def test_files_rotated_while_stopped_are_found_whatever_their_clock_says(
        setup: Setup) -> None:
    """Regression: files rotated while the consumer was stopped were found by comparing
    their modification time with the last save's wall-clock time; after the clock was
    stepped back, they looked older and were never read."""
    first = setup.consumer()
    setup.append(line(ACCEPT1))
    first.poll_once()
    first.close()
    setup.append(line(CONFIRM1, 1))
    os.rename(setup.log, setup.folder / "WoWChatLog.1.txt")
    setup.log.write_bytes(line(ACCEPT2, 2))
    os.rename(setup.log, setup.folder / "WoWChatLog.2.txt")
    setup.log.write_bytes(line(CONFIRM2, 3))
    for name in ("WoWChatLog.1.txt", "WoWChatLog.2.txt", "WoWChatLog.txt"):
        _age(setup.folder / name, -3600)  # written after the clock went back an hour
    second = setup.consumer()
    second.poll_once()
    assert paths(setup) == [ACCEPTED1, PATCH1, ACCEPTED2, PATCH2]


def test_rotations_between_two_polls_are_found_after_the_clock_went_back(
        setup: Setup) -> None:
    consumer = setup.consumer()
    setup.append(line(ACCEPT1))
    consumer.poll_once()
    for n, text in enumerate([CONFIRM1, ACCEPT2, CONFIRM2], start=1):
        os.rename(setup.log, setup.folder / f"WoWChatLog.{n}.txt")
        setup.log.write_bytes(line(text, n))
        _age(setup.folder / f"WoWChatLog.{n}.txt", -3600)
    _age(setup.log, -3600)
    consumer.poll_once()
    assert paths(setup) == [ACCEPTED1, PATCH1, ACCEPTED2, PATCH2]


def test_an_old_rotated_file_is_not_read_again_when_the_clock_jumps_forward(
        setup: Setup) -> None:
    """A sibling the registry accounts for at its size stays unread whatever its time says
    (before: a modification time after the last save made it read again); once it grows it
    is read."""
    (setup.folder / "WoWChatLog.old.txt").write_bytes(line(ACCEPT2))  # there before
    first = setup.consumer()
    setup.append(line(CONFIRM1, 1))
    first.poll_once()
    first.close()
    _age(setup.folder / "WoWChatLog.old.txt", 7200)
    second = setup.consumer()
    second.poll_once()
    second.close()
    assert paths(setup) == [PATCH1]
    assert "rotated-found" not in [e["event"] for e in setup.events()]
    with (setup.folder / "WoWChatLog.old.txt").open("ab") as old:
        old.write(line(CONFIRM2, 5))
    third = setup.consumer()
    third.poll_once()
    assert paths(setup) == [PATCH1, ACCEPTED2, PATCH2]


def test_a_rotated_file_that_cannot_be_opened_for_lack_of_descriptors_waits(
        setup: Setup, monkeypatch) -> None:  # noqa: ANN001
    """Opening a rotated file that is still there fails (no descriptor left, EMFILE): it
    stays queued and is read on a later poll, the log after it; never given up."""
    from mgm_addon_contract.tail import consumer as consumer_module

    consumer = setup.consumer()
    setup.append(line(ACCEPT1))
    consumer.poll_once()
    os.rename(setup.log, setup.folder / "WoWChatLog.1.txt")
    setup.log.write_bytes(line(CONFIRM1, 1))
    os.rename(setup.log, setup.folder / "WoWChatLog.2.txt")
    setup.log.write_bytes(line(ACCEPT2, 2) + line(CONFIRM2, 3))
    real, failures = consumer_module.TrackedFile.open, {"n": 0}

    def exhausted(path, **kw):  # noqa: ANN001, ANN003, ANN202
        if path.name == "WoWChatLog.2.txt" and failures["n"] < 3:
            failures["n"] += 1
            return None
        return real(path, **kw)

    monkeypatch.setattr(consumer_module.TrackedFile, "open", exhausted)
    for _ in range(6):
        consumer.poll_once()
    assert failures["n"] == 3
    assert paths(setup) == [ACCEPTED1, PATCH1, ACCEPTED2, PATCH2]
    assert "rotated-missing" not in [e["event"] for e in setup.events()]
