"""Fuzzing campaigns: the state machines as pytest tests for HypoFuzz, a shared example
database (a folder, or Redis when ``MGM_HYPOTHESIS_REDIS`` is set) and ``check --replay-db``."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis.database import DirectoryBasedExampleDatabase
from typer.testing import CliRunner

from mgm_addon_contract._resources import broken_addons_dir, reference_addon_dir
from mgm_addon_contract.cli import app
from mgm_addon_contract.fuzz import MACHINES, machine_key, stored_failures
from mgm_addon_contract.fuzz.database import (
    DIRECTORY_ENV,
    REDIS_ENV,
    DatabaseError,
    campaign_database,
    open_database,
    shown_url,
)

runner = CliRunner()
WORKER = Path(__file__).with_name("share_worker.py")
CAMPAIGN = ["--pyargs", "mgm_addon_contract.fuzz.campaign", "-p", "no:cacheprovider",
            "-o", "addopts="]
FUZZ_SECONDS = 4.0
"""How long HypoFuzz fuzzes the reference addon once its worker has started."""
FUZZ_LIMIT = 90.0
"""At most this long when the worker has recorded no run yet (a loaded machine)."""


def fuzzed_machines(database: Path) -> list[str]:
    """The machines HypoFuzz has recorded runs of in ``database``."""
    if not database.is_dir():
        return []
    db = open_database(database)
    return [name for name in MACHINES
            if list(db.fetch(machine_key(name) + b".hypofuzz.observations"))]


def variant(name: str) -> Path:
    return broken_addons_dir() / name / "MimironsGoldOMatic"


def child_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in (REDIS_ENV, DIRECTORY_ENV, "MGM_ADDON_DIR", "HYPOTHESIS_PROFILE")}
    env.update(extra)
    return env


def test_campaign_database_comes_from_the_environment(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(REDIS_ENV, raising=False)
    monkeypatch.setenv(DIRECTORY_ENV, str(tmp_path / "db"))
    assert campaign_database() == DirectoryBasedExampleDatabase(str(tmp_path / "db"))
    monkeypatch.delenv(DIRECTORY_ENV)
    monkeypatch.chdir(tmp_path)
    assert campaign_database() == DirectoryBasedExampleDatabase(".hypothesis/examples")
    with pytest.raises(DatabaseError, match="no such example database folder"):
        open_database(tmp_path / "missing", must_exist=True)
    (tmp_path / "file").write_text("x")
    with pytest.raises(DatabaseError, match="not a folder"):
        open_database(tmp_path / "file")
    monkeypatch.setenv(REDIS_ENV, "redis://:hunter2secret@127.0.0.1:1/0")
    with pytest.raises(DatabaseError) as refused:
        campaign_database()
    assert "hunter2secret" not in str(refused.value) and "redis://:***@127.0.0.1:1/0" in str(
        refused.value)
    assert shown_url("redis://127.0.0.1:6379/0") == "redis://127.0.0.1:6379/0"


def test_every_machine_has_its_own_stable_database_key() -> None:
    keys = {name: machine_key(name) for name in MACHINES}
    assert len(set(keys.values())) == len(MACHINES)
    assert keys == {name: machine_key(name) for name in MACHINES}


def test_a_campaign_failure_is_replayed_by_check_per_clause(tmp_path: Path) -> None:
    database = tmp_path / "db"
    campaign = subprocess.run(
        [sys.executable, "-m", "pytest", *CAMPAIGN, "-q", "-k", "TestWho"], cwd=tmp_path,
        env=child_env(**{DIRECTORY_ENV: str(database),
                         "MGM_ADDON_DIR": str(variant("who-prints-twice")),
                         "MGM_CAMPAIGN_EXAMPLES": "500"}),
        capture_output=True, text=True, timeout=120)
    assert campaign.returncode == 1, campaign.stdout[-2000:]
    assert "1 failed" in campaign.stdout and "WHO-ONE-LINE" in campaign.stdout
    assert len(stored_failures("who", open_database(database))) == 1
    options = ["--replay-db", str(database), "--machine", "who", "--budget", "1",
               "--regressions", str(tmp_path / "regressions"), "--format", "json"]
    broken = runner.invoke(app, ["check", str(variant("who-prints-twice")), *options])
    stored = json.loads(broken.output)["stored_failures"]
    assert [(s["machine"], s["still_fails"], s["clauses"]) for s in stored] == [
        ("who", True, ["WHO-ONE-LINE"])]
    assert stored[0]["reproducer"][0]["action"] == "type_line"
    fixed = runner.invoke(app, ["check", str(reference_addon_dir()), *options])
    assert fixed.exit_code == 0, fixed.output
    assert [s["still_fails"] for s in json.loads(fixed.output)["stored_failures"]] == [False]
    assert list(open_database(database).fetch(machine_key("who")))  # replay only reads


def run_sharing_pair(env: dict[str, str]) -> tuple[list[str], list[str]]:
    """Two processes on one database: each fuzzes its own broken variant, then replays what
    the other stored; returns what each one saw."""
    sides = [("who", variant("who-prints-twice"), "acceptance", variant("wrong-whisper-text")),
             ("acceptance", variant("wrong-whisper-text"), "who", variant("who-prints-twice"))]
    processes = [subprocess.Popen([sys.executable, str(WORKER), *map(str, side)], env=env,
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
                 for side in sides]
    try:
        stored = [p.stdout.readline().split(" ", 1) for p in processes]
        assert [s[0] for s in stored] == ["stored", "stored"], stored
        assert json.loads(stored[0][1]) == ["WHO-ONE-LINE"]
        assert json.loads(stored[1][1]) == ["WHISPER-WINNER-TEXT"]
        seen = []
        for process in processes:
            process.stdin.write("go\n")
            process.stdin.flush()
        for process in processes:
            word, clauses = process.stdout.readline().split(" ", 1)
            assert word == "seen"
            seen.append(json.loads(clauses))
            assert process.wait(timeout=60) == 0
        return seen[0], seen[1]
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
                process.wait()


def test_two_processes_sharing_a_folder_see_each_others_failures(tmp_path: Path) -> None:
    first, second = run_sharing_pair(child_env(**{DIRECTORY_ENV: str(tmp_path / "db")}))
    assert first == ["WHISPER-WINNER-TEXT"]  # stored by the other process
    assert second == ["WHO-ONE-LINE"]


@pytest.fixture
def redis_url(tmp_path: Path) -> Iterator[str]:
    """A real redis-server on a free loopback port, stopped after the test."""
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("redis-server is not installed (Debian package redis-server)")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly",
         "no", "--dir", str(tmp_path), "--loglevel", "notice"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        for line in server.stdout:
            if "Ready to accept connections" in line:
                break
        else:
            pytest.fail(f"redis-server exited with {server.wait()}")
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_two_processes_sharing_redis_see_each_others_failures(redis_url: str,
                                                              tmp_path: Path) -> None:
    first, second = run_sharing_pair(child_env(**{REDIS_ENV: redis_url}))
    assert first == ["WHISPER-WINNER-TEXT"]
    assert second == ["WHO-ONE-LINE"]
    result = runner.invoke(app, ["check", str(variant("wrong-whisper-text")), "--replay-db",
                                 redis_url, "--machine", "acceptance", "--budget", "1",
                                 "--regressions", str(tmp_path), "--format", "json"])
    assert result.exit_code == 1
    stored = json.loads(result.output)["stored_failures"]
    assert [(s["machine"], s["clauses"]) for s in stored] == [
        ("acceptance", ["WHISPER-WINNER-TEXT"])]


def test_hypofuzz_fuzzes_the_reference_addon_for_a_bounded_time(tmp_path: Path) -> None:
    database = tmp_path / "db"
    fuzz = subprocess.Popen(
        [str(Path(sys.executable).with_name("hypothesis")), "fuzz", "--no-dashboard", "-n", "1",
         "--",
         *CAMPAIGN], cwd=tmp_path, env=child_env(**{DIRECTORY_ENV: str(database)}),
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    output = []
    try:
        for line in fuzz.stdout:
            output.append(line)
            if "process to fuzz" in line:
                break
        assert "using 1 process to fuzz 4 tests" in "".join(output), "".join(output)
        # Fuzz for FUZZ_SECONDS; on a loaded machine, longer until the worker has recorded
        # its first runs (HypoFuzz itself never stops).
        started = time.monotonic()
        while time.monotonic() - started < FUZZ_LIMIT and (
                time.monotonic() - started < FUZZ_SECONDS or not fuzzed_machines(database)):
            with pytest.raises(subprocess.TimeoutExpired):
                fuzz.wait(timeout=0.25)
    finally:
        if fuzz.poll() is None:
            os.killpg(fuzz.pid, signal.SIGINT)
            try:
                fuzz.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(fuzz.pid, signal.SIGKILL)
                fuzz.wait()
        rest = fuzz.stdout.read()
    db = open_database(database)
    assert fuzzed_machines(database), ("HypoFuzz recorded no run of any machine:\n"
                                       + "".join(output) + rest)
    assert {name: stored_failures(name, db) for name in MACHINES} == {
        name: [] for name in MACHINES}  # the reference addon keeps every clause
