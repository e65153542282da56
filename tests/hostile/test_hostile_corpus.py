"""Every hostile addon of the corpus is contained (the worker returns), reported (an error
or finding says what happened), bounded (no step over the CPU deadline + 1 s) and reads
nothing of the host; the parent (this test process) stays alive throughout."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hostile_jobs import CORPUS, CPU_LIMIT, FLOODS, SECRET, flood, load_hostile, write_addon

from wowapi_stubs.isolation import Crash, Limits, Worker


@pytest.fixture(scope="module")
def worker() -> Worker:
    with Worker(Limits(memory_bytes=2 * 1024**3, job_wall_seconds=60,
                       entry_cpu_seconds=CPU_LIMIT + 1.0)) as started:
        yield started


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_hostile_addon_is_contained_and_reported(name: str, worker: Worker,
                                                 tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("MGM_TEST_SECRET", SECRET)
    folder = write_addon(tmp_path, name)
    started = time.monotonic()
    outcome = worker.run(load_hostile, folder)
    assert not isinstance(outcome, Crash), outcome
    expected = CORPUS[name].expect
    alternatives = expected if isinstance(expected, tuple) else (expected,)
    assert any(e in m for e in alternatives for m in outcome["messages"]), outcome["messages"]
    assert outcome["longest_entry"] <= CPU_LIMIT + 1.0
    assert time.monotonic() - started < 30
    seen = "\n".join(outcome["messages"] + outcome["chat"]) + outcome["log"]
    assert SECRET not in seen
    assert "MGM_TEST_SECRET" not in outcome["environment"]


@pytest.mark.parametrize("name", sorted(FLOODS))
def test_what_python_keeps_for_lua_is_bounded(name: str, worker: Worker) -> None:
    outcome = worker.run(flood, FLOODS[name])
    assert not isinstance(outcome, Crash), outcome
    assert outcome["kept"] <= 3 * 5000 + 10
    assert outcome["widgets"] <= 2000
    assert outcome["messages"], "the bound is reported"
