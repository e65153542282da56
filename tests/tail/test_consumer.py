"""The tail consumer under every way the client, the disk and the EBS misbehave; each
problem the consumer once had has its regression test here."""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tail_support import KEY, P1, P2, Setup, line

from mgm_addon_contract.tail import ConsumerStopped, RetryPolicy

CONFIRM1, CONFIRM2 = f"[MGM_CONFIRM:{P1}]", f"[MGM_CONFIRM:{P2}]"
ACCEPT1, ACCEPT2 = f"[MGM_ACCEPT:{P1}]", f"[MGM_ACCEPT:{P2}]"
PATCH1, PATCH2 = ("PATCH", f"/api/payouts/{P1}/status"), ("PATCH", f"/api/payouts/{P2}/status")


def paths(s: Setup) -> list[tuple[str, str]]:
    return [(m, p) for m, p, _ in s.effects()]


def test_partial_lines_split_utf8_crlf_lf_and_bom(setup: Setup) -> None:
    data = (b"\xef\xbb\xbf" + line("[Вася] whispers: привет") + line(ACCEPT2)
            + f"4/4 12:00:02.000  {CONFIRM2}\n".encode())
    consumer = setup.consumer()
    for i in range(0, len(data), 5):  # five-byte writes split Cyrillic letters too
        setup.append(data[i:i + 5])
        consumer.poll_once()
    assert setup.effects() == [("POST", f"/api/payouts/{P2}/confirm-acceptance", 200),
                               (*PATCH2, 200)]
    body = next(e.body for e in setup.ebs.transcript if "confirm-acceptance" in e.path)
    assert body == {"characterName": "Вася"}


def test_restart_resumes_without_loss_or_replay(setup: Setup) -> None:
    setup.append(line(ACCEPT1) + b"4/4 12:00:01.000  [MGM_CONF")
    first = setup.consumer()
    first.poll_once()
    first.close()
    setup.append(f"IRM:{P1}]\r\n".encode())
    second = setup.consumer()
    second.poll_once()
    second.close()
    assert setup.effects() == [("POST", f"/api/payouts/{P1}/confirm-acceptance", 200),
                               (*PATCH1, 200)]
    (mark,) = setup.registry()["files"]
    assert mark["offset"] == setup.log.stat().st_size and mark["line"] == 2


def test_kill_during_a_retry_loses_no_later_tag_of_the_same_read(setup: Setup) -> None:
    """Regression: the checkpoint once took the end of the read chunk after the first tag;
    a kill while a later tag of that chunk was in back-off lost the later tags."""
    setup.fault(f"/api/payouts/{P1}", 503, count=50)
    setup.append(line(f"[MGM_ACCEPT:{P2}]") + line(CONFIRM1, 1) + line(CONFIRM2, 2))
    first = setup.consumer()
    first.poll_once()  # ACCEPT done, CONFIRM1 gets 503: back-off
    assert first.blocked
    mark = setup.registry()["files"][0]
    assert mark["offset"] == len(line(f"[MGM_ACCEPT:{P2}]"))  # committed up to CONFIRM1 only
    del first  # killed: no close(), nothing more written
    setup.ebs.faults.clear()
    second = setup.consumer()
    assert second.drain()
    assert setup.effects() == [("POST", f"/api/payouts/{P2}/confirm-acceptance", 200),
                               (*PATCH1, 503), (*PATCH1, 200), (*PATCH2, 200)]
    assert setup.ebs.state.payouts[P1].status == "Sent"
    assert setup.ebs.state.payouts[P2].status == "Sent"


def test_every_kill_point_keeps_effects_exactly_once(tmp_path) -> None:  # noqa: ANN001
    """Stop the consumer after every possible number of EBS calls; the restarted one must
    finish the work with each effect applied once."""
    texts = [ACCEPT1, CONFIRM1, "[Bob] says: hi", ACCEPT2, CONFIRM2, CONFIRM1]
    data = b"".join(line(t, i) for i, t in enumerate(texts))
    for stop_after in range(0, 6):  # 5 calls: GET pending, 2 x confirm-acceptance, 2 x PATCH
        s = Setup(tmp_path / f"k{stop_after}")
        s.log.write_bytes(data)
        calls = {"n": 0}
        real = s._answer

        def dying(request, real=real, calls=calls, stop_after=stop_after):  # noqa: ANN001, ANN202
            calls["n"] += 1
            response = real(request)  # the EBS applies the request ...
            if calls["n"] > stop_after:
                raise KeyboardInterrupt  # ... and the consumer dies before hearing back
            return response

        import httpx

        s.client = httpx.Client(transport=httpx.MockTransport(dying), base_url="http://ebs",
                                headers={"X-MGM-ApiKey": KEY})
        with pytest.raises(KeyboardInterrupt) if stop_after < 5 else _nothing():
            s.consumer().poll_once()
        s.client = httpx.Client(transport=httpx.MockTransport(real), base_url="http://ebs",
                                headers={"X-MGM-ApiKey": KEY})
        assert s.consumer().drain()
        state = s.ebs.state
        assert [state.payouts[p].status for p in (P1, P2)] == ["Sent", "Sent"], stop_after
        assert len(state.announcements) == 2
        assert all(state.payouts[p].acceptedAt for p in (P1, P2))
        ok_patches = [e for e in s.ebs.transcript if e.method == "PATCH" and e.status == 200]
        assert len(ok_patches) == 2


@contextlib.contextmanager
def _nothing() -> Iterator[None]:
    yield


def test_rotation_around_a_restart_drains_the_old_file_first(setup: Setup) -> None:
    """Regression: the old file's unread tail was never read after a restart."""
    setup.append(line(ACCEPT1))
    first = setup.consumer()
    first.poll_once()
    first.close()
    setup.append(line(CONFIRM1, 1))  # written after the consumer stopped ...
    os.rename(setup.log, setup.folder / "WoWChatLog.1.txt")  # ... then rotated away
    setup.log.write_bytes(line(ACCEPT2, 2) + line(CONFIRM2, 3))
    second = setup.consumer()
    second.poll_once()
    assert paths(setup) == [("POST", f"/api/payouts/{P1}/confirm-acceptance"), PATCH1,
                            ("POST", f"/api/payouts/{P2}/confirm-acceptance"), PATCH2]
    kinds = [e["event"] for e in setup.events()]
    assert "rotated-found" in kinds


def test_rotation_while_running_reads_the_renamed_file_to_its_end(setup: Setup) -> None:
    consumer = setup.consumer()
    setup.append(line(ACCEPT1) + b"4/4 12:00:01.000  [MGM_CON")
    consumer.poll_once()
    os.rename(setup.log, setup.folder / "old.txt")
    with (setup.folder / "old.txt").open("ab") as old:  # the writer finishes its line
        old.write(f"FIRM:{P1}]\r\n".encode())
    setup.log.write_bytes(line(CONFIRM2, 2))
    consumer.poll_once()
    assert paths(setup)[1:] == [PATCH1, PATCH2]


def test_a_partial_line_of_a_deleted_file_is_dropped_and_reported(setup: Setup) -> None:
    consumer = setup.consumer(rotated_idle=0)
    setup.append(line(ACCEPT1) + b"4/4 12:00:01.000  [MGM_CONFIRM:2d2b")
    consumer.poll_once()
    os.unlink(setup.log)
    setup.log.write_bytes(line(CONFIRM2, 2))
    consumer.poll_once()
    dropped = [e for e in setup.events() if e["event"] == "partial-line-dropped"]
    assert len(dropped) == 1 and "[MGM_CONFIRM:2d2b" in dropped[0]["text"]
    assert consumer.counts["dropped-partial"] == 1 and PATCH2 in paths(setup)


def test_rewrite_while_a_partial_line_is_carried_is_noticed(setup: Setup) -> None:
    """Regression: a rewrite was checked against stale buffered bytes and missed; both new
    tags were lost. The new first bytes start a line, so the partial line is dropped."""
    setup.append(line("[Bob] says: hello there") + b"4/4 12:00:01.000  [MGM_ACC")
    consumer = setup.consumer()
    consumer.poll_once()
    with setup.log.open("r+b") as handle:  # truncated and rewritten, longer, same inode
        handle.truncate(0)
        handle.write(line(CONFIRM1, 5) + line(CONFIRM2, 6))
    consumer.poll_once()
    assert paths(setup) == [PATCH1, PATCH2]
    kinds = [e["event"] for e in setup.events()]
    assert "rewritten" in kinds and "partial-line-dropped" in kinds


def test_rewrite_to_the_same_length_is_noticed(setup: Setup) -> None:
    setup.append(line(CONFIRM1))
    consumer = setup.consumer()
    consumer.poll_once()
    with setup.log.open("r+b") as handle:
        handle.write(line(CONFIRM2))  # same length, other bytes
    consumer.poll_once()
    assert paths(setup) == [PATCH1, PATCH2]


def test_truncation_with_a_carried_partial_line(setup: Setup) -> None:
    """Regression: the next tag was glued onto the carried partial line and lost. A new
    line after the truncation drops the partial line (reported); a writer that goes on
    with the same line after the truncation gets its line back whole."""
    setup.append(line(ACCEPT1) + b"4/4 12:00:01.000  [MGM_ACC")
    consumer = setup.consumer()
    consumer.poll_once()
    with setup.log.open("r+b") as handle:
        handle.truncate(0)
    consumer.poll_once()  # empty: cannot tell yet
    setup.append(line(CONFIRM1, 2))
    consumer.poll_once()
    assert paths(setup)[-1] == PATCH1
    assert consumer.counts["dropped-partial"] == 1

    setup.append(b"4/4 12:00:03.000  [MGM_CONFIRM:7a1c")
    consumer.poll_once()
    with setup.log.open("r+b") as handle:
        handle.truncate(0)
    setup.append(b"9e00-aaaa-4bbb-8ccc-0123456789ab]\r\n")  # the writer finishes its line
    consumer.poll_once()
    assert paths(setup)[-1] == PATCH2 and consumer.counts["dropped-partial"] == 1


def test_a_glued_line_survives_a_retry_and_a_restart(setup: Setup) -> None:
    setup.append(b"4/4 12:00:03.000  [MGM_CONFIRM:2d2b")
    consumer = setup.consumer()
    consumer.poll_once()
    with setup.log.open("r+b") as handle:
        handle.truncate(0)
    setup.append(b"7b2a-1111-2222-3333-444444444444]\r\n")
    setup.fault("/api/payouts", 503, count=1)
    consumer.poll_once()
    assert consumer.blocked and setup.registry()["files"][0]["offset"] < 0
    del consumer  # killed during the back-off
    restarted = setup.consumer()
    assert restarted.drain()
    assert paths(setup) == [PATCH1, PATCH1]
    assert setup.ebs.state.payouts[P1].status == "Sent"


def test_duplicates_act_once_spoofed_and_invalid_never_route(setup: Setup) -> None:
    setup.append(line(CONFIRM1) * 3 + line(f"[Eve] whispers: {CONFIRM2}")
                 + line(f"[MGM_CONFIRM:{P2[:-1]}]"))
    consumer = setup.consumer()
    consumer.poll_once()
    assert setup.effects() == [(*PATCH1, 200)]
    kinds = [e["event"] for e in setup.events()]
    assert kinds.count("duplicate") == 2 and "spoofed-tag" in kinds and "invalid-line" in kinds


def test_the_same_id_in_upper_and_lower_case_is_routed_once(setup: Setup) -> None:
    """Regression: upper- and lower-case spellings of one payout id made two PATCHes."""
    setup.append(line(f"[MGM_CONFIRM:{P1.upper()}]") + line(CONFIRM1, 1)
                 + line(f"[MGM_ACCEPT:{P2.upper()}]", 2))
    setup.consumer().poll_once()
    assert setup.effects() == [(*PATCH1, 200),
                               ("POST", f"/api/payouts/{P2}/confirm-acceptance", 200)]


def test_5xx_429_and_network_errors_are_retried_with_backoff_without_limit(
        setup: Setup) -> None:
    setup.fault(f"/api/payouts/{P1}", 503, count=2)
    setup.fault(f"/api/payouts/{P1}", 429, count=1)
    setup.append(line(CONFIRM1))
    consumer = setup.consumer()
    assert consumer.drain()
    statuses = [e.status for e in setup.ebs.transcript if e.method == "PATCH"]
    assert statuses == [503, 503, 429, 200]
    assert [round(d, 3) for d in setup.clock.sleeps][:1] and all(
        0.25 <= d <= 4.0 for d in setup.clock.sleeps)
    assert setup.clock.sleeps[1] >= setup.clock.sleeps[0] * 0.5
    setup.down = True
    setup.append(line(CONFIRM2, 1))
    consumer.poll_once()
    for _ in range(30):  # thirty failed polls: still not given up
        setup.clock.now += 10
        consumer.poll_once()
    assert consumer.blocked and consumer.router.reachable is False
    setup.down = False
    setup.clock.now += 10
    consumer.poll_once()
    assert not consumer.blocked and paths(setup)[-1] == PATCH2


def test_retry_after_of_a_429_or_503_is_honoured_up_to_a_cap(setup: Setup) -> None:
    """Regression: a rate-limited consumer (429, or 503 under overload, SPEC §5) retried
    after its own short back-off whatever ``Retry-After`` said, spending the EBS's window
    on refused requests. A hostile value is cut at ten minutes."""
    from datetime import UTC, datetime, timedelta
    from email.utils import format_datetime

    import httpx

    soon = format_datetime(datetime.now(UTC) + timedelta(seconds=20), usegmt=True)
    answers = iter([(429, "7"), (503, soon), (429, "86400"), (429, "soon")])
    real = setup._answer

    def limited(request: httpx.Request) -> httpx.Response:
        answer = next(answers, None) if request.method == "PATCH" else None
        if answer is None:
            return real(request)
        return httpx.Response(answer[0], headers={"Retry-After": answer[1]},
                              json={"code": "rate_limited", "message": "", "details": {}})

    setup.client = httpx.Client(transport=httpx.MockTransport(limited),
                                base_url="http://ebs", headers={"X-MGM-ApiKey": KEY})
    setup.append(line(CONFIRM1))
    consumer = setup.consumer()
    assert consumer.drain()
    waits = setup.clock.sleeps
    assert len(waits) == 4 and waits[0] >= 7 and 15 <= waits[1] <= 20 and waits[2] == 600
    assert waits[3] <= 4.0  # unreadable: the policy's own back-off
    assert setup.effects() == [(*PATCH1, 200)]


def test_401_and_403_stop_the_consumer_and_the_offset_stays(setup: Setup) -> None:
    """Regression: a 401 (wrong key) was checkpointed as handled."""
    for status in (401, 403):
        s = Setup(setup.folder / str(status))
        s.append(line(ACCEPT2) + line(CONFIRM1, 1) + line(CONFIRM2, 2))
        s.fault(f"/api/payouts/{P1}", status)
        with pytest.raises(ConsumerStopped, match=f"HTTP {status}"):
            s.consumer().poll_once()
        assert s.registry()["files"][0]["offset"] == len(line(ACCEPT2))
        assert s.consumer().drain() and s.ebs.state.payouts[P1].status == "Sent"


@pytest.mark.parametrize(("pending", "patch"), [
    (b"[]", 405), (b"[]", 415), (b"<html>not an EBS</html>", 200), (b'{"a": 1}', 200)])
def test_a_server_that_is_not_the_ebs_stops_the_consumer_before_any_tag_is_marked_done(
        setup: Setup, pending: bytes, patch: int) -> None:
    """Regression: a wrong ``--ebs`` URL (a web server answering 405 Method Not Allowed,
    or 200 with an HTML page to the pending list) had every tag 'rejected' and committed:
    the tags were never delivered to the real EBS. Only the EBS's own decisions (400, 409,
    410, 422) are final; other 4xx and a pending list that is not a JSON list stop."""
    import httpx

    def web_server(request: httpx.Request) -> httpx.Response:
        if request.method == "GET":
            return httpx.Response(200, content=pending)
        return httpx.Response(patch, content=b"<html>nope</html>")

    setup.client = httpx.Client(transport=httpx.MockTransport(web_server),
                                base_url="http://ebs", headers={"X-MGM-ApiKey": KEY})
    setup.append(line(CONFIRM1))
    consumer = setup.consumer()
    with pytest.raises(ConsumerStopped):
        consumer.probe()
        consumer.poll_once()
    assert not consumer.registry.done and not consumer.registry.deferred
    marks = setup.registry()["files"] if setup.checkpoint.exists() else []
    assert all(mark["offset"] == 0 for mark in marks)


def test_400_and_409_are_final_and_recorded(setup: Setup) -> None:
    setup.ebs.state.payouts[P1].status = "Sent"
    setup.append(line(CONFIRM1) + line(f"[MGM_ACCEPT:{P1}]", 1))
    setup.ebs.state.payouts[P1].characterName = "Other"
    consumer = setup.consumer()
    setup.ebs.state.payouts[P1].characterName = "Norinn"
    consumer.registry.remember_name(P1, "Wrongname")
    consumer.poll_once()
    assert [o.result for o in consumer.outcomes] == ["rejected", "rejected"]
    assert [s for _, _, s in setup.effects()] == [409, 400]
    assert len(setup.registry()["done"]) == 2


def test_unknown_payout_is_deferred_retried_and_done_when_it_appears(tmp_path) -> None:  # noqa: ANN001
    s = Setup(tmp_path, payouts=[])
    s.append(line(ACCEPT1) + line(CONFIRM1, 1))
    consumer = s.consumer()
    consumer.poll_once()
    assert {d.key[0] for d in consumer.deferred} == {"MGM_ACCEPT", "MGM_CONFIRM"}
    assert len(s.registry()["deferred"]) == 2
    assert s.registry()["files"][0]["offset"] == s.log.stat().st_size  # recorded: moved on
    s.ebs.control("POST", "/_control/seed", {
        "payouts": [{"id": P1, "characterName": "Norinn", "status": "InProgress"}]})
    restarted = s.consumer()  # the deferred tags survive a restart
    s.clock.now += 60
    restarted.poll_once()
    assert not restarted.deferred
    assert s.ebs.state.payouts[P1].status == "Sent" and s.ebs.state.payouts[P1].acceptedAt


def test_accept_lookups_failing_many_times_are_retried_after_recovery(tmp_path) -> None:  # noqa: ANN001
    """Regression: 40 failed payout lookups made an [MGM_ACCEPT] 'unresolved' for good."""
    s = Setup(tmp_path)
    s.fault("/api/payouts/pending", 500, count=60)
    s.append(line(ACCEPT1))
    consumer = s.consumer()
    for _ in range(60):
        consumer.poll_once()
        s.clock.now += 5
    assert consumer.blocked and consumer.counts["unresolved"] == 0
    consumer.poll_once()
    s.clock.now += 5
    consumer.poll_once()
    assert s.ebs.state.payouts[P1].acceptedAt is not None


def test_unreachable_ebs_with_an_unknown_accept_id_does_not_crash(tmp_path) -> None:  # noqa: ANN001
    """Regression: an unreachable EBS and an unknown [MGM_ACCEPT] id crashed ``tail``."""
    s = Setup(tmp_path, payouts=[])
    s.down = True
    s.append(line(ACCEPT1))
    consumer = s.consumer()
    consumer.poll_once()
    assert consumer.blocked and consumer.unhandled == 1
    assert consumer.status().reachable is False and "ConnectError" in consumer.status().problem


def test_deferred_tags_expire_after_the_ttl_and_are_reported(tmp_path) -> None:  # noqa: ANN001
    s = Setup(tmp_path, payouts=[])
    s.append(line(CONFIRM1))
    consumer = s.consumer()
    consumer.poll_once()
    for _ in range(40):
        s.clock.now += 200
        consumer.poll_once()
    assert not consumer.deferred and consumer.counts["unresolved"] == 1
    unresolved = [e for e in s.events() if e["event"] == "unresolved"]
    assert len(unresolved) == 1 and unresolved[0]["line"] == 1
    patches = [e for e in s.ebs.transcript if e.method == "PATCH"]
    assert 3 <= len(patches) <= 12  # backed off, not hammered


def test_a_clock_stepped_back_during_a_back_off_does_not_stall_the_consumer(
        setup: Setup) -> None:
    """Regression: the back-off deadline was a wall-clock instant; a clock stepped back an
    hour (NTP, a manual fix) froze every retry for that hour."""
    consumer = setup.consumer()
    consumer.poll_once()
    setup.down = True
    setup.append(line(CONFIRM1))
    consumer.poll_once()
    assert consumer.blocked
    setup.down = False
    setup.clock.now -= 3600
    assert consumer.retry_in() is not None and consumer.retry_in() <= 4.0
    assert consumer.drain()
    assert setup.effects() == [(*PATCH1, 200)]


def test_a_clock_jump_or_a_stop_never_ages_a_deferred_tag(tmp_path) -> None:  # noqa: ANN001
    """Regression: a deferred tag's TTL was measured from a wall-clock instant; a clock set
    forward (or a restart after the machine's clock moved) reported it ``unresolved`` after
    seconds of retrying, and its effect was lost when the payout appeared."""
    s = Setup(tmp_path, payouts=[])
    s.append(line(CONFIRM1))
    consumer = s.consumer()
    consumer.poll_once()
    s.clock.now += 10 * 24 * 3600  # the clock jumps ten days ahead
    consumer.poll_once()
    s.clock.now += 10 * 24 * 3600  # and again while the consumer is stopped
    restarted = s.consumer()
    restarted.poll_once()
    assert restarted.counts["unresolved"] == 0 and len(restarted.deferred) == 1
    s.ebs.control("POST", "/_control/seed", {
        "payouts": [{"id": P1, "characterName": "Norinn", "status": "InProgress"}]})
    s.clock.now += 30
    restarted.poll_once()
    assert s.ebs.state.payouts[P1].status == "Sent"


def test_the_consumer_schedules_on_a_monotonic_clock() -> None:
    """Back-offs, deferred retries and the TTL never follow the wall clock's jumps."""
    import inspect
    import time

    from mgm_addon_contract.tail import TailConsumer

    defaults = inspect.signature(TailConsumer).parameters
    assert defaults["clock"].default is time.monotonic
    assert defaults["wall"].default is time.time


def test_deferred_tags_are_retried_at_once_when_the_ebs_comes_back(tmp_path) -> None:  # noqa: ANN001
    s = Setup(tmp_path, payouts=[])
    s.append(line(CONFIRM1))
    consumer = s.consumer()
    consumer.poll_once()
    s.ebs.control("POST", "/_control/seed", {
        "payouts": [{"id": P1, "characterName": "Norinn", "status": "InProgress"}]})
    s.down = True
    s.append(line(CONFIRM2, 1))
    consumer.poll_once()
    assert consumer.blocked
    s.down = False
    s.clock.now += 5  # the EBS is back long before the deferred retry was due
    consumer.poll_once()
    assert s.ebs.state.payouts[P1].status == "Sent"


@given(st.lists(st.sampled_from([CONFIRM1, ACCEPT2, CONFIRM2, f"[MGM_CONFIRM:{P1.upper()}]",
                                 "[Bob] says: hi"]), max_size=12),
       st.lists(st.integers(1, 40), min_size=1, max_size=8), st.booleans(),
       st.lists(st.booleans(), max_size=6))
@settings(max_examples=40, deadline=None)
def test_exactly_once_effects_under_any_chunking_restarts_and_failures(
        tmp_path_factory, texts, sizes, restart, failures) -> None:  # noqa: ANN001
    s = Setup(tmp_path_factory.mktemp("eo"))
    for index, fail in enumerate(failures):
        if fail:
            s.fault("/api/payouts", 503 if index % 2 else 429, count=1)
    data = b"".join(line(t, i) for i, t in enumerate(texts))
    consumer, i, k = s.consumer(), 0, 0
    while i < len(data):
        step = sizes[k % len(sizes)]
        s.append(data[i:i + step])
        i, k = i + step, k + 1
        consumer.poll_once()
        if restart and k % 3 == 0:
            consumer = s.consumer()  # a kill: no close()
    assert consumer.finish()
    wanted = {(t.split(":", 1)[1].rstrip("]").lower(), "CONFIRM" in t)
              for t in texts if t.startswith("[MGM")}
    for payout, is_confirm in wanted:
        if is_confirm:
            assert s.ebs.state.payouts[payout].status == "Sent"
        else:
            assert s.ebs.state.payouts[payout].acceptedAt is not None
    ok = [e.path for e in s.ebs.transcript if e.method == "PATCH" and e.status == 200]
    assert len(ok) == len(set(ok))
    assert len(s.ebs.state.announcements) == len(ok)


def test_an_unusable_registry_is_a_clear_error(setup: Setup) -> None:
    from mgm_addon_contract.tail import RegistryError

    setup.checkpoint.write_text("{not json")
    with pytest.raises(RegistryError, match="checkpoint.json: not a usable tail checkpoint"):
        setup.consumer()


MARK = {"dev": 1, "ino": 2, "fingerprint": "", "fingerprint_bytes": 0, "offset": 10,
        "line": 1, "path": "WoWChatLog.txt"}


@pytest.mark.parametrize(("content", "field"), [
    ({"done": [[]]}, "done[0]"),
    ({"done": "abc"}, "done"),
    ({"deferred": [{"key": ["MGM_CONFIRM"]}]}, "deferred[0]"),
    ({"deferred": [{"key": ["MGM_CONFIRM", P1], "text": 5, "line": 1, "offset": 0,
                    "source": "s", "first_seen": 0, "next_at": 0}]}, "deferred[0].text"),
    ({"deferred": [{"key": ["MGM_CONFIRM", P1], "text": "t", "line": 1, "offset": 0,
                    "source": "s", "first_seen": 0, "next_at": "soon"}]},
     "deferred[0].next_at"),
    ({"files": [{**MARK, "offset": "10"}]}, "files[0].offset"),
    ({"files": [{**MARK, "dev": "a"}]}, "files[0].dev"),
    ({"files": [{**MARK, "line": -1}]}, "files[0].line"),
    ({"saved_at": 1e400}, "saved_at"),
    ({"names": {P1: 1}}, "names"),
    ({"retired": [[1, 2, "x"]]}, "retired[0][2]"),
])
def test_a_registry_of_the_wrong_shape_is_refused_naming_the_field(
        setup: Setup, content: dict, field: str) -> None:
    """Regression: a registry with the right keys but wrong values (hand-edited, foreign,
    damaged) crashed the consumer with a traceback (IndexError, TypeError) or was half
    used: a non-finite ``saved_at`` hid every file rotated while it was stopped."""
    import json

    from mgm_addon_contract.tail import RegistryError

    setup.checkpoint.write_text(json.dumps({"version": 2, **content}))
    with pytest.raises(RegistryError, match=rf"checkpoint.json: .*{re.escape(field)}"):
        setup.consumer()
    setup.checkpoint.unlink()
    setup.consumer().poll_once()  # the refused consumer gave the checkpoint's lock up


def test_an_empty_registry_file_is_a_fresh_start(setup: Setup) -> None:
    """Saves replace the file atomically, so an empty one never held a checkpoint."""
    setup.checkpoint.write_bytes(b"")
    setup.append(line(CONFIRM1))
    consumer = setup.consumer()
    consumer.poll_once()
    assert [k[1] for k in setup.registry()["done"]] == [P1]


def test_one_consumer_per_checkpoint(setup: Setup) -> None:
    """Regression: a second consumer on the same checkpoint ran; it routed the tags again,
    deferred those the first had done and overwrote the first one's registry."""
    from mgm_addon_contract.tail import RegistryError, TailConsumer

    setup.append(line(ACCEPT1) + line(CONFIRM1, 1))
    first = setup.consumer()
    with pytest.raises(RegistryError, match="checkpoint.json: another tail consumer"):
        TailConsumer(setup.log, first.router, checkpoint=setup.checkpoint)
    first.poll_once()
    first.close()  # a clean stop gives the checkpoint up
    second = setup.consumer()
    second.poll_once()
    assert len(setup.effects()) == 2 and not second.deferred


def test_a_checkpoint_that_cannot_be_written_is_reported_and_nothing_stops(
        setup: Setup, monkeypatch: pytest.MonkeyPatch) -> None:
    """Regression: a full disk (or a read-only folder) made the registry write raise out of
    the consumer (a traceback, a half-written temporary file left behind, and the tags after
    it never handled). Now the old checkpoint stays whole, tags go on, the problem shows in
    the status and the events, and the next write that works clears it."""
    import errno


    consumer = setup.consumer()
    consumer.poll_once()
    saved = setup.registry()
    real_write = os.write

    def full(descriptor: int, data: bytes) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", full)
    setup.append(line(ACCEPT1) + line(CONFIRM1, 1))
    consumer.poll_once()
    assert setup.effects() == [("POST", f"/api/payouts/{P1}/confirm-acceptance", 200),
                               (*PATCH1, 200)]
    assert setup.registry() == saved  # the old checkpoint, whole
    assert not list(setup.folder.glob(".checkpoint.json.tmp"))
    assert "No space left on device" in (consumer.status().problem or "")
    assert [e["event"] for e in setup.events()].count("checkpoint-unwritable") == 1
    monkeypatch.setattr(os, "write", real_write)
    setup.append(line(CONFIRM2, 2))
    consumer.poll_once()
    assert consumer.save_problem is None and consumer.status().problem is None
    assert {k[1] for k in setup.registry()["done"]} == {P1, P2}
    consumer.close()
    assert not consumer.lock.held


def test_registry_writes_are_atomic_and_complete(setup: Setup) -> None:
    setup.append(line(CONFIRM1) + line(CONFIRM2, 1))
    consumer = setup.consumer()
    consumer.poll_once()
    data = setup.registry()
    assert data["version"] == 3 and sorted(k[1] for k in data["done"]) == sorted([P1, P2])
    assert not list(setup.folder.glob(".checkpoint.json.tmp"))
    assert consumer.registry.saves >= 2


def test_follow_wakes_on_appends_but_not_on_its_own_reads(setup: Setup) -> None:
    """Regression: follow mode woke on the file events its own reads caused (20 s of CPU
    per 25 s idle)."""
    import threading
    import time

    from mgm_addon_contract.tail import TailConsumer
    from mgm_addon_contract.tail.follow import Follower

    router = setup.consumer().router
    setup.kill()
    consumer = TailConsumer(setup.log, router, checkpoint=setup.checkpoint)
    polls = {"n": 0}
    real_poll = consumer.poll_once

    def counting_poll():  # noqa: ANN202
        polls["n"] += 1
        return real_poll()

    consumer.poll_once = counting_poll  # type: ignore[method-assign]
    stop, seen = threading.Event(), threading.Event()
    follower = Follower(consumer, interval=30.0, on_outcomes=lambda _: seen.set())
    worker = threading.Thread(target=follower.run, args=(stop,))
    worker.start()
    try:
        time.sleep(0.5)
        setup.append(line(CONFIRM1))
        assert seen.wait(timeout=10), "follow mode never routed the appended line"
        settled = polls["n"]
        time.sleep(1.0)  # idle: no wake-ups from its own reads or registry writes
        assert polls["n"] - settled <= 1, polls["n"] - settled
    finally:
        stop.set()
        worker.join(timeout=5)
    assert follower.events_active
    assert setup.effects() == [(*PATCH1, 200)]


def test_retry_policy_backs_off_with_jitter_up_to_its_cap() -> None:
    import random

    policy, rng = RetryPolicy(base_delay=0.5, max_delay=8.0), random.Random(3)
    delays = [policy.delay(n, rng) for n in range(1, 12)]
    assert 0.25 <= delays[0] <= 0.5 and all(4.0 <= d <= 8.0 for d in delays[5:])
    assert len({round(d, 6) for d in delays}) == len(delays)  # jittered


@pytest.mark.parametrize("new_log", ["none", "empty"])
def test_a_renamed_log_its_writer_still_holds_is_watched_until_the_writer_moves_on(
        setup: Setup, new_log: str) -> None:
    """Regression: a log renamed while the game held it open (no new log, or an empty one
    made by a rotation tool) was given up after ``rotated_idle`` seconds without growth;
    the game, still writing through its descriptor, added a CONFIRM that was never read."""
    consumer = setup.consumer(rotated_idle=60.0)
    game = os.open(setup.log, os.O_WRONLY | os.O_APPEND)
    try:
        os.write(game, line(ACCEPT1))
        consumer.poll_once()
        os.rename(setup.log, setup.folder / "WoWChatLog.old.txt")
        if new_log == "empty":
            setup.log.write_bytes(b"")
        for _ in range(5):  # the streamer is away for minutes
            setup.clock.now += 60
            consumer.poll_once()
        os.write(game, line(CONFIRM1, 1))
        setup.clock.now += 1
        consumer.poll_once()
        assert paths(setup) == [("POST", f"/api/payouts/{P1}/confirm-acceptance"), PATCH1]
        setup.append(line("[Bob] says: back", 2))  # the game writes the new log now
        for _ in range(3):
            setup.clock.now += 60
            consumer.poll_once()
        assert [e["event"] for e in setup.events()].count("rotated-done") == 1
    finally:
        os.close(game)


def test_several_rotations_between_two_polls_lose_nothing(setup: Setup) -> None:
    consumer = setup.consumer()
    setup.append(line(ACCEPT1))
    consumer.poll_once()
    for n, text in enumerate([CONFIRM1, ACCEPT2, CONFIRM2], start=1):  # no poll in between
        os.rename(setup.log, setup.folder / f"WoWChatLog.{n}.txt")
        setup.log.write_bytes(line(text, n))
    consumer.poll_once()
    assert paths(setup) == [("POST", f"/api/payouts/{P1}/confirm-acceptance"), PATCH1,
                            ("POST", f"/api/payouts/{P2}/confirm-acceptance"), PATCH2]


def test_a_restart_finds_rotated_files_even_when_its_first_request_fails(
        tmp_path) -> None:  # noqa: ANN001
    """Regression: a save made while the first poll retried a deferred tag wiped the
    registry's rotated files before they were looked for."""
    s = Setup(tmp_path, payouts=[(P2, "Вася")])
    s.append(line(CONFIRM1))  # deferred: P1 unknown yet
    first = s.consumer()
    first.poll_once()
    assert first.deferred
    del first
    s.append(line(CONFIRM2, 1))
    os.rename(s.log, s.folder / "WoWChatLog.1.txt")
    s.log.write_bytes(line(ACCEPT2, 2))
    s.ebs.control("POST", "/_control/payouts", {
        "payouts": [{"id": P1, "characterName": "Norinn", "status": "InProgress"}]})
    s.fault("/api/payouts", 503)
    s.clock.now += 60
    second = s.consumer()
    assert second.drain()
    assert s.ebs.state.payouts[P1].status == "Sent" and s.ebs.state.payouts[P2].status == "Sent"
    assert s.ebs.state.payouts[P2].acceptedAt is not None


def test_a_rotated_file_rewritten_meanwhile_is_read_from_its_start(setup: Setup) -> None:
    consumer = setup.consumer()
    setup.append(line("[Bob] says: hi") * 3)
    consumer.poll_once()
    os.rename(setup.log, setup.folder / "WoWChatLog.1.txt")
    with (setup.folder / "WoWChatLog.1.txt").open("r+b") as old:  # rewritten after rename
        old.truncate(0)
        old.write(line(CONFIRM1) + line(CONFIRM2, 1))
    setup.log.write_bytes(b"")
    consumer.poll_once()
    assert paths(setup) == [PATCH1, PATCH2]


@pytest.mark.parametrize("appears", ["before the CONFIRM", "after the CONFIRM"])
def test_tags_for_one_payout_keep_their_order_behind_a_deferred_one(
        tmp_path, appears: str) -> None:  # noqa: ANN001
    """An [MGM_CONFIRM] must not overtake its payout's deferred [MGM_ACCEPT]: once Sent,
    the payout leaves the pending list. The CONFIRM asks the EBS about the payout only
    after trying the acceptance again: an unknown payout (404) keeps both deferred in
    order; one that appeared meanwhile gets its acceptance first."""
    s = Setup(tmp_path, payouts=[])
    s.append(line(ACCEPT1))
    consumer = s.consumer()
    consumer.poll_once()  # P1 unknown: deferred
    add = {"payouts": [{"id": P1, "characterName": "Norinn", "status": "InProgress"}]}
    if appears == "before the CONFIRM":
        s.ebs.control("POST", "/_control/payouts", add)
    s.append(line(CONFIRM1, 1))
    consumer.poll_once()
    if appears == "after the CONFIRM":
        assert [d.key[0] for d in consumer.deferred] == ["MGM_ACCEPT", "MGM_CONFIRM"]
        assert [e for e in s.effects() if e[2] != 404] == []  # the CONFIRM waited
        s.ebs.control("POST", "/_control/payouts", add)
    for _ in range(3):
        s.clock.now += 60
        consumer.poll_once()
    assert [p for _, p, status in s.effects() if status == 200] == [
        f"/api/payouts/{P1}/confirm-acceptance", f"/api/payouts/{P1}/status"]
    assert s.ebs.state.payouts[P1].acceptedAt and s.ebs.state.payouts[P1].status == "Sent"
    assert not consumer.deferred


@pytest.mark.parametrize("checkpoint", ["deleted", "older", "empty"])
def test_a_lost_or_older_checkpoint_settles_every_repeated_tag(
        setup: Setup, checkpoint: str) -> None:
    """Regression: started over on a log whose payouts were already Sent (checkpoint
    deleted, emptied, or restored from an older run), the repeated [MGM_ACCEPT] found its
    payout no longer pending and was deferred, and the [MGM_CONFIRM] behind it too: both
    retried for 24 h, then reported unresolved, and ``--once`` failed all that time. The
    CONFIRM now learns from the EBS that the payout is terminal (409), which settles both
    (SPEC §10: a payout in a wrong state is logged and ignored), each effect still once."""
    first = setup.consumer()
    first.poll_once()
    first.close()
    older = setup.checkpoint.read_bytes()
    setup.append(line(ACCEPT1) + line(CONFIRM1, 1) + line(ACCEPT2, 2))
    again = setup.consumer()
    again.poll_once()
    again.close()
    if checkpoint == "deleted":
        setup.checkpoint.unlink()
    else:
        setup.checkpoint.write_bytes(older if checkpoint == "older" else b"")
    restarted = setup.consumer()
    assert restarted.drain()
    assert restarted.unhandled == 0 and not restarted.deferred
    results = [(o.tag, o.correlation_id, o.result) for o in restarted.outcomes
               if o.result != "deferred"]
    assert results == [("MGM_ACCEPT", P1, "rejected"), ("MGM_CONFIRM", P1, "rejected"),
                       ("MGM_ACCEPT", P2, "ok")]
    state = setup.ebs.state
    assert state.payouts[P1].status == "Sent" and len(state.announcements) == 1
    assert [e for e in setup.effects() if e[2] == 200] == [
        ("POST", f"/api/payouts/{P1}/confirm-acceptance", 200), (*PATCH1, 200),
        ("POST", f"/api/payouts/{P2}/confirm-acceptance", 200),
        ("POST", f"/api/payouts/{P2}/confirm-acceptance", 200)]  # repeated: no new effect
    rejected = [e for e in setup.events() if e["event"] == "handled"
                and e.get("result") == "rejected" and e.get("tag") == "MGM_ACCEPT"]
    assert rejected and "terminal" in rejected[-1]["reason"]


def test_a_rewrite_under_a_read_is_not_read_as_a_continuation(setup: Setup) -> None:
    from mgm_addon_contract.tail.files import TrackedFile

    setup.append(line(ACCEPT1) + line(CONFIRM1, 1))
    tracked = TrackedFile.open(setup.log, max_line_bytes=1 << 16)
    assert tracked is not None and tracked.read(60)
    with setup.log.open("r+b") as handle:  # rewritten between two reads, longer
        handle.truncate(0)
        handle.write(line(CONFIRM2, 5) * 3)
    assert tracked.read() == b"" and tracked.change() == "rewritten"
    tracked.close()


def test_a_saved_position_only_vouches_for_bytes_it_read(setup: Setup) -> None:
    """Regression: a log opened while empty and read in the same poll was saved with a
    fingerprint of no bytes; after a kill, a rewrite of that file was taken for the same
    file and its new lines skipped."""
    from mgm_addon_contract.tail.files import TrackedFile

    tracked = TrackedFile.open(setup.log, max_line_bytes=1 << 16)  # opened while empty
    assert tracked is not None
    setup.append(line(CONFIRM1) + line("[Bob] says: hi", 1))
    data = tracked.read()
    tracked.committed = (len(data), 2)
    mark = tracked.to_mark()
    assert mark.fingerprint_bytes == len(data)
    tracked.close()
    with setup.log.open("r+b") as handle:  # truncated and rewritten, longer than before
        handle.truncate(0)
        handle.write(line("[Eve] says: a longer first line than before", 2)
                     + line(CONFIRM2, 3) + line("[Bob] says: bye", 4))
    again = TrackedFile.open(setup.log, max_line_bytes=1 << 16)
    assert again is not None and not again.matches(mark)
    again.close()


def test_the_line_after_a_crash_padding_of_nul_bytes_keeps_its_tag(setup: Setup) -> None:
    """A game that died leaves zeros where its last write never landed; started again, it
    appends its next line right after them (no line break between)."""
    consumer = setup.consumer()
    setup.append(line(ACCEPT1) + b"4/4 12:00:01.000  [MGM_CONF" + b"\x00" * 4096)
    consumer.poll_once()
    setup.append(line(ACCEPT2, 3) + line(CONFIRM2, 4))
    consumer.poll_once()
    assert setup.effects() == [("POST", f"/api/payouts/{P1}/confirm-acceptance", 200),
                               ("POST", f"/api/payouts/{P2}/confirm-acceptance", 200),
                               (*PATCH2, 200)]
    problems = [(e["rule"], e["line"]) for e in setup.events() if e["event"] == "invalid-line"]
    assert problems == [("TAG-UNKNOWN", 2), ("LINE-NUL", 2)]  # the cut tag is reported
    consumer.close()
    again = setup.consumer()  # resumes past the padding: nothing repeated
    again.poll_once()
    assert len(setup.effects()) == 3
