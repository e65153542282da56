"""The ``tail`` command as an operator runs it (a real process): every failure is visible
(a message, a non-zero exit), the status line reports the EBS's state, ``--once`` fails while
tags remain unhandled, and what was left is done by the next run."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from tail_support import KEY, P1, P2, line

from mgm_addon_contract.ebs import EbsState, MockEbs
from mgm_addon_contract.ebs.server import BackgroundServer

CLI = [sys.executable, "-c", "from mgm_addon_contract.cli import main; main()"]
FAST = ["--retry-base", "0.05", "--retry-max", "0.1", "--timeout", "2"]


def closed_port_url() -> str:
    """A loopback URL nothing listens on (connections are refused)."""
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    return f"http://127.0.0.1:{port}"


def mock_ebs(*payouts: str) -> MockEbs:
    return MockEbs(api_key=KEY, state=EbsState.from_json({"payouts": [
        {"id": p, "characterName": "Norinn", "status": "InProgress"} for p in payouts]}))


def tail(folder: Path, url: str, *args: str, key: str = KEY) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*CLI, "tail", str(folder / "WoWChatLog.txt"), "--ebs", url, "--checkpoint",
         str(folder / "registry.json"), *FAST, *args],
        capture_output=True, text=True, timeout=120, env={**os.environ, "MGM_API_KEY": key})


def confirms(ebs: MockEbs) -> list[tuple[str, int]]:
    return [(e.path, e.status) for e in ebs.transcript if e.method == "PATCH"]


def test_once_with_an_unreachable_ebs_fails_visibly_and_the_next_run_does_the_work(
        tmp_path: Path) -> None:
    """Regression: ``tail`` with an unreachable EBS printed nothing and exited 0."""
    (tmp_path / "WoWChatLog.txt").write_bytes(line(f"[MGM_CONFIRM:{P1}]"))
    done = tail(tmp_path, closed_port_url(), "--once", "--max-wait", "0.5")
    assert done.returncode == 1, done.stderr
    assert "unreachable" in done.stderr and "remain unhandled" in done.stderr
    assert "Traceback" not in done.stderr
    ebs = mock_ebs(P1)
    with BackgroundServer(ebs) as server:
        again = tail(tmp_path, server.url, "--once")
    assert again.returncode == 0, again.stderr
    assert confirms(ebs) == [(f"/api/payouts/{P1}/status", 200)]


def test_once_fails_while_a_payout_is_unknown_and_succeeds_once_it_exists(
        tmp_path: Path) -> None:
    """A deferred tag is retried at once by the next run, whenever its back-off ends."""
    (tmp_path / "WoWChatLog.txt").write_bytes(line(f"[MGM_CONFIRM:{P1}]")
                                              + line(f"[MGM_CONFIRM:{P2}]", 1))
    ebs = mock_ebs(P1)
    with BackgroundServer(ebs) as server:
        first = tail(tmp_path, server.url, "--once", "--max-wait", "0.3",
                     "--deferred-retry", "600")  # not due again within the second run
        assert first.returncode == 1, first.stderr
        assert "1 tag(s) remain unhandled" in first.stderr and "1 deferred" in first.stderr
        ebs.control("POST", "/_control/payouts", {"payouts": [
            {"id": P2, "characterName": "Вася", "status": "InProgress"}]})
        second = tail(tmp_path, server.url, "--once")
    assert second.returncode == 0, second.stderr
    done = sorted(path for path, status in confirms(ebs) if status == 200)
    assert done == sorted([f"/api/payouts/{P1}/status", f"/api/payouts/{P2}/status"])


def test_a_refused_key_stops_with_one_error_line_and_nothing_is_skipped(
        tmp_path: Path) -> None:
    (tmp_path / "WoWChatLog.txt").write_bytes(line(f"[MGM_CONFIRM:{P1}]"))
    ebs = mock_ebs(P1)
    with BackgroundServer(ebs) as server:
        refused = tail(tmp_path, server.url, "--once", key="not-the-key")
        assert refused.returncode == 2, refused.stderr
        errors = [x for x in refused.stderr.splitlines() if x.startswith("error: ")]
        assert len(errors) == 1 and "401" in errors[0]
        assert "not-the-key" not in refused.stderr + refused.stdout
        assert confirms(ebs) == []
        fixed = tail(tmp_path, server.url, "--once")
    assert fixed.returncode == 0, fixed.stderr
    assert confirms(ebs) == [(f"/api/payouts/{P1}/status", 200)]


class Follow:
    """``tail`` in follow mode with its stderr collected line by line."""

    def __init__(self, folder: Path, url: str, *args: str) -> None:
        self.process = subprocess.Popen(
            [*CLI, "tail", str(folder / "WoWChatLog.txt"), "--ebs", url, *FAST, *args],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env={**os.environ, "MGM_API_KEY": KEY})
        self.lines: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for text in self.process.stderr:  # type: ignore[union-attr]
            self.lines.append(text.rstrip("\n"))

    def wait_for(self, needle: str, seconds: float = 30) -> str:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            found = next((x for x in list(self.lines) if needle in x), None)
            if found is not None:
                return found
            if self.process.poll() is not None and not self._reader.is_alive():
                break
            time.sleep(0.02)
        raise AssertionError(f"no stderr line with {needle!r}: {self.lines}")

    def stop(self) -> int:
        self.process.send_signal(signal.SIGTERM)
        code = self.process.wait(timeout=30)
        self._reader.join(timeout=10)
        return code


def test_follow_reports_an_unreachable_ebs_at_once_and_keeps_retrying(tmp_path: Path) -> None:
    (tmp_path / "WoWChatLog.txt").write_bytes(line(f"[MGM_CONFIRM:{P1}]"))
    follow = Follow(tmp_path, closed_port_url())
    try:
        follow.wait_for("unreachable (GET /api/payouts/pending")
        status = follow.wait_for("EBS: unreachable")
        assert status.startswith("WoWChatLog.txt @ 0 | handled 0,"), status
        assert follow.process.poll() is None  # still running, retrying
    finally:
        code = follow.stop()
    assert code == 0
    assert "0 done" in follow.wait_for("tags: ")


def test_follow_status_line_shows_offset_counts_and_a_healthy_ebs(tmp_path: Path) -> None:
    log = tmp_path / "WoWChatLog.txt"
    log.write_bytes(b"")
    ebs = mock_ebs(P1)
    with BackgroundServer(ebs) as server:
        follow = Follow(tmp_path, server.url)
        try:
            follow.wait_for("EBS: ok")
            with log.open("ab") as handle:
                handle.write(line(f"[MGM_CONFIRM:{P1}]"))
            deadline = time.monotonic() + 30
            while not confirms(ebs) and time.monotonic() < deadline:
                time.sleep(0.02)
        finally:
            code = follow.stop()
    assert code == 0
    assert confirms(ebs) == [(f"/api/payouts/{P1}/status", 200)]
    assert "1 done" in follow.wait_for("tags: ")


def test_a_second_consumer_on_the_same_checkpoint_is_refused_until_the_first_dies(
        tmp_path: Path) -> None:
    """Regression: two consumers on one checkpoint both routed every tag; the second found
    the payouts already Sent, deferred their tags (and would report them unresolved), and
    each overwrote the other's registry. The lock goes with the process, also on kill -9."""
    log = tmp_path / "WoWChatLog.txt"
    log.write_bytes(line(f"[MGM_CONFIRM:{P1}]"))
    ebs = mock_ebs(P1, P2)
    with BackgroundServer(ebs) as server:
        first = Follow(tmp_path, server.url, "--checkpoint", str(tmp_path / "registry.json"))
        try:
            first.wait_for("EBS: ok")
            second = tail(tmp_path, server.url, "--once")
            assert second.returncode == 2, second.stderr
            (error,) = [x for x in second.stderr.splitlines() if x.startswith("error: ")]
            assert "registry.json: another tail consumer is using this checkpoint" in error
        finally:
            first.process.send_signal(signal.SIGKILL)
            first.process.wait(timeout=30)
        with log.open("ab") as handle:
            handle.write(line(f"[MGM_CONFIRM:{P2}]", 1))
        after_kill = tail(tmp_path, server.url, "--once")
    assert after_kill.returncode == 0, after_kill.stderr
    assert confirms(ebs) == [(f"/api/payouts/{P1}/status", 200),
                             (f"/api/payouts/{P2}/status", 200)]


@pytest.mark.skipif(os.name != "posix", reason="file size limits (RLIMIT_FSIZE) are POSIX")
def test_a_full_disk_fails_the_run_visibly_without_a_traceback(tmp_path: Path) -> None:
    """Regression: a checkpoint write that failed for lack of space ended ``tail`` with a
    traceback, left its temporary file, and handled no tag after it. The file-size limit
    makes every write past 300 bytes fail as on a full disk."""
    import resource

    log = tmp_path / "WoWChatLog.txt"
    log.write_bytes(line("[Bob] says: hi") + line(f"[MGM_CONFIRM:{P1}]", 1)
                    + line(f"[MGM_CONFIRM:{P2}]", 2))
    ebs = mock_ebs(P1, P2)

    def small_files() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (300, 300))

    command = [*CLI, "tail", str(log), "--checkpoint", str(tmp_path / "registry.json"),
               "--events", str(tmp_path / "events.jsonl"), "--once", *FAST]
    with BackgroundServer(ebs) as server:
        full = subprocess.run([*command, "--ebs", server.url], capture_output=True,
                              text=True, timeout=120, preexec_fn=small_files,
                              env={**os.environ, "MGM_API_KEY": KEY})
        assert full.returncode == 1, full.stderr
        assert "Traceback" not in full.stderr
        errors = [x for x in full.stderr.splitlines() if x.startswith("error: ")]
        assert any("cannot write the checkpoint" in x and "registry.json" in x
                   for x in errors), full.stderr
        assert any("event(s) could not be written" in x for x in errors), full.stderr
        assert not list(tmp_path.glob(".registry.json.tmp"))
        assert confirms(ebs) == [(f"/api/payouts/{P1}/status", 200),
                                 (f"/api/payouts/{P2}/status", 200)]
        again = subprocess.run([*command, "--ebs", server.url], capture_output=True,
                               text=True, timeout=120, env={**os.environ, "MGM_API_KEY": KEY})
    assert again.returncode == 0, again.stderr
    assert [status for _, status in confirms(ebs)] == [200, 200, 409, 409]  # once each


SWALLOWING_GC = """
import gc, os, signal, sys, threading, time
from pathlib import Path
flag = Path(sys.argv.pop(1))
def callback(phase, info):
    main = threading.current_thread() is threading.main_thread()
    if phase == "start" and main and flag.exists():
        flag.unlink()
        os.kill(os.getpid(), signal.SIGINT)  # Ctrl+C arrives while a collection runs
        time.sleep(0.05)
gc.callbacks.append(callback)
gc.set_threshold(50)
from mgm_addon_contract.cli import main
main()
"""


@pytest.mark.parametrize("mode", ["--follow", "--once"])
def test_ctrl_c_during_a_garbage_collection_still_stops_the_consumer(
        tmp_path: Path, mode: str) -> None:
    """Regression: Ctrl+C raised KeyboardInterrupt wherever the main thread was; inside a
    garbage-collector callback (one is registered by an imported module) it was printed
    and swallowed, and the consumer went on running. Signals now set a flag."""
    log = tmp_path / "WoWChatLog.txt"
    log.write_bytes(line(f"[MGM_CONFIRM:{P1}]"))
    flag = tmp_path / "interrupt-now"
    ebs = mock_ebs(P1)
    ebs.control("POST", "/_control/faults", {"path": "/api/payouts/", "status": 503,
                                             "count": 10_000})
    with BackgroundServer(ebs) as server:
        process = subprocess.Popen(
            [sys.executable, "-c", SWALLOWING_GC, str(flag), "tail", str(log), "--ebs",
             server.url, "--checkpoint", str(tmp_path / "registry.json"), *FAST, mode],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env={**os.environ, "MGM_API_KEY": KEY})
        deadline = time.monotonic() + 60
        while not any(e.status == 503 for e in ebs.transcript):  # retrying the line
            assert time.monotonic() < deadline and process.poll() is None
            time.sleep(0.02)
        flag.touch()
        try:
            _, err = process.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()
            raise AssertionError("Ctrl+C was lost: the consumer kept running") from None
    assert not flag.exists()  # the interrupt was sent inside a collection
    assert process.returncode == 130, err
    assert "tags: 0 done" in err and "Traceback" not in err


class ServedEbs:
    """A real ``mgm-contract serve-ebs`` process on a free loopback port."""

    def __init__(self, folder: Path) -> None:
        self.errors = (folder / "serve-ebs.err").open("wb")
        self.process = subprocess.Popen([*CLI, "serve-ebs", "--port", "0"],
                                        stdout=subprocess.PIPE, stderr=self.errors,
                                        env={**os.environ, "MGM_API_KEY": KEY})
        first = self.process.stdout.readline().decode()  # type: ignore[union-attr]
        assert " on " in first, first
        self.url = first.split(" on ", 1)[1].split(" ", 1)[0]

    def control(self, method: str, path: str, payload: object = None) -> object:
        import httpx

        answer = httpx.request(method, f"{self.url}/_control/{path}", json=payload,
                               headers={"X-MGM-ApiKey": KEY}, timeout=10)
        assert answer.status_code == 200, answer.text
        return answer.json()

    def close(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=20)
        self.errors.close()


@pytest.mark.parametrize("status", [429, 503])
def test_the_consumer_waits_out_retry_after_over_real_http(tmp_path: Path, status: int) -> None:
    """End to end: ``serve-ebs`` answers the PATCH twice with ``status`` and
    ``Retry-After: 1`` (control API); ``tail --once`` (own back-off 0.05-0.1 s) waits the
    second each time, then the payout is Sent once."""
    import json

    (tmp_path / "WoWChatLog.txt").write_bytes(line(f"[MGM_CONFIRM:{P1}]"))
    served = ServedEbs(tmp_path)
    try:
        served.control("POST", "seed", {"payouts": [
            {"id": P1, "characterName": "Norinn", "status": "InProgress"}]})
        served.control("POST", "faults", {"path": f"/api/payouts/{P1}/status",
                                          "status": status, "count": 2, "retry_after": 1})
        done = tail(tmp_path, served.url, "--once", "--events", str(tmp_path / "ev.jsonl"))
        transcript = served.control("GET", "transcript")
        state = served.control("GET", "state")
    finally:
        served.close()
    assert done.returncode == 0, done.stderr
    assert [e["status"] for e in transcript if e["method"] == "PATCH"] == [status, status, 200]
    assert [p["status"] for p in state["payouts"]] == ["Sent"]
    events = [json.loads(x) for x in (tmp_path / "ev.jsonl").read_text().splitlines()]
    waits = [e["in_s"] for e in events if e["event"] == "retry"]
    assert len(waits) == 2 and all(w >= 1.0 for w in waits), waits
    patches = [e["t"] for e in events if e["event"] == "request" and e["method"] == "PATCH"]
    assert patches[-1] - patches[0] >= 1.9, patches


def test_rotated_files_beyond_the_descriptor_budget_are_named_in_the_summary(
        tmp_path: Path) -> None:
    """With a descriptor limit of 40 the budget is 10 rotated files; 12 rotated while the
    consumer was stopped are all read (none lost), and those closed early are named."""
    import resource

    def low_limit() -> None:
        resource.setrlimit(resource.RLIMIT_NOFILE, (40, resource.getrlimit(
            resource.RLIMIT_NOFILE)[1]))

    payouts = [f"2d2b7b2a-1111-2222-3333-{i:012d}" for i in range(12)]
    log = tmp_path / "WoWChatLog.txt"
    log.write_bytes(line("[Bob] says: hi"))
    ebs = mock_ebs(*payouts)
    with BackgroundServer(ebs) as server:
        first = tail(tmp_path, server.url, "--once")
        assert first.returncode == 0, first.stderr
        for n, payout in enumerate(payouts, start=1):  # rotated while stopped
            with log.open("ab") as handle:
                handle.write(line(f"[MGM_CONFIRM:{payout}]", n))
            os.rename(log, tmp_path / f"WoWChatLog.{n:02d}.txt")
            log.write_bytes(b"")
        second = subprocess.run(
            [*CLI, "tail", str(log), "--ebs", server.url, "--checkpoint",
             str(tmp_path / "registry.json"), *FAST, "--once"],
            capture_output=True, text=True, timeout=120, preexec_fn=low_limit,
            env={**os.environ, "MGM_API_KEY": KEY})
    assert second.returncode == 0, second.stderr
    assert sorted(p for p, status in confirms(ebs) if status == 200) == sorted(
        f"/api/payouts/{p}/status" for p in payouts)
    assert "rotated file(s) closed early" in second.stderr
    assert "more than 10 open" in second.stderr and "WoWChatLog.01.txt" in second.stderr
