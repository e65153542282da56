"""Isolation workers: a crash or a C-level hang ends only the worker and comes back as a
report naming the Lua entry; limits hold; the worker is reused, and replaced after a
crash; nothing but plain data comes back."""

from __future__ import annotations

import threading
import time

import hostile_jobs as jobs

from wowapi_stubs.isolation import Crash, Limits, Worker, read_entry


def test_a_crash_in_an_entry_is_reported_with_the_addon_file() -> None:
    with Worker() as worker:
        assert worker.run(jobs.add, 1, 2) == 3
        crash = worker.run(jobs.segfault_in_entry, b"loading Evil\\evil.lua")
        assert isinstance(crash, Crash) and crash.kind == "crashed"
        assert crash.signal == "SIGSEGV" and "the Lua VM crashed (SIGSEGV)" in crash.message
        assert crash.entry == "loading Evil\\evil.lua" and crash.location == "Evil\\evil.lua"
        assert worker.run(jobs.add, 2, 3) == 5  # a new worker took over
        assert (worker.jobs, worker.crashes) == (3, 1)


def test_a_hang_inside_an_entry_ends_at_the_entry_deadline_plus_one_second() -> None:
    with Worker(Limits(entry_cpu_seconds=0.7)) as worker:
        worker.start()
        started = time.process_time(), time.monotonic()
        crash = worker.run(jobs.spin_in_entry, b"Frame:OnEvent(PLAYER_LOGIN)")
        assert isinstance(crash, Crash) and crash.kind == "hung"
        assert crash.entry == "Frame:OnEvent(PLAYER_LOGIN)"
        assert "more than 0.7 s of CPU" in crash.message
        assert time.monotonic() - started[1] < 10  # wall, on a busy machine
        assert worker.run(jobs.add, 1, 1) == 2


def test_many_short_entries_are_never_read_as_one_long_one() -> None:
    """The watchdog reads the running entry while the worker rewrites it; a torn read (the
    new "in an entry" with the old start time 0) would look like an entry that has run as
    long as the whole job, and end a worker that runs short entries for longer than the
    entry limit."""
    with Worker(Limits(entry_cpu_seconds=0.3)) as worker:
        worker.start()
        result: list[object] = []
        job = threading.Thread(target=lambda: result.append(
            worker.run(jobs.many_short_entries, 2.0)))
        job.start()
        reads = torn = 0
        while job.is_alive():
            entry = read_entry(worker._status) if worker._status is not None else None
            if entry is not None:
                reads += 1
                torn += entry[2] == 1 and entry[1] == 0.0
        job.join()
        # Without the sequence number about one read in 700 was torn; with it, at most a
        # stray one in a run (and the watchdog needs the same entry over its limit at two
        # looks in a row, 50 ms apart, before it ends a worker).
        assert reads > 1000 and torn <= max(1, reads // 100_000), (torn, reads)
        assert isinstance(result[0], int) and result[0] > 10_000, result  # never ended


def test_memory_and_cpu_limits_end_the_job_not_the_parent() -> None:
    with Worker(Limits(memory_bytes=1024**3, job_cpu_seconds=1)) as worker:
        crash = worker.run(jobs.allocate, 2)
        assert isinstance(crash, Crash) and crash.kind == "memory"
        crash = worker.run(jobs.spin_in_entry, b"")
        assert isinstance(crash, Crash) and crash.kind in ("cpu-limit", "hung")
        assert worker.run(jobs.add, 1, 1) == 2


def test_only_plain_data_comes_back() -> None:
    with Worker() as worker:
        crash = worker.run(jobs.unsafe_result)
        assert isinstance(crash, Crash) and "may not contain" in crash.message


def test_a_crash_is_located_at_the_addon_file_and_line(tmp_path) -> None:  # noqa: ANN001
    folder = tmp_path / "Crashy"
    folder.mkdir()
    (folder / "Crashy.toc").write_text("## Interface: 30300\na.lua\n")
    (folder / "a.lua").write_text("local t = {}\nfor i = 1, 3 do t[i] = i end\nPlaySound('crash')\n"
                                  "print('after')\n")
    with Worker() as worker:
        crash = worker.run(jobs.load_crashing_at_line_3, folder)
        assert isinstance(crash, Crash) and crash.signal == "SIGSEGV", crash
        assert crash.location == "Interface\\AddOns\\Crashy\\a.lua:3", crash
        assert crash.entry == "loading Crashy\\a.lua"
        assert worker.run(jobs.add, 2, 3) == 5
    with Worker(locate=False) as worker:
        crash = worker.run(jobs.load_crashing_at_line_3, folder)
        assert crash.location == "Crashy\\a.lua"  # the entry's file only, without the re-run
