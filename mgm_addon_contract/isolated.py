"""Contract work on untrusted addons: in isolation workers (:mod:`wowapi_stubs.isolation`)
or, trusted, in this process.

The command line isolates by default (``--trusted`` runs in-process, faster to start);
``check`` runs its load, every scenario, every fuzzing round and the stored failures as
separate jobs (``run_check(runner=...)``), so one that crashes or hangs the Lua VM becomes a
crash of that part in the report and the rest still runs.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

from wowapi_stubs import ClientSettings, HeadlessClient, LoadReport, LuaErrorRecord, parse_toc
from wowapi_stubs.errors import AddonLoadError, Finding
from wowapi_stubs.isolation import Crash, Limits, Worker

MIB = 1024 * 1024


def default_limits(memory_mb: int | None = None) -> Limits:
    """Worker limits for the client's default settings: one entry into Lua may use the
    client's CPU deadline + 1 s before the watchdog ends the worker."""
    settings = ClientSettings()
    limits = Limits(entry_cpu_seconds=settings.cpu_limit_seconds + 1.0)
    if memory_mb is not None:
        limits = Limits(memory_bytes=memory_mb * MIB, entry_cpu_seconds=limits.entry_cpu_seconds)
    return limits


class Runner:
    """Calls a job function in a worker (``isolate=True``) or here; a worker's crash comes
    back as a :class:`~wowapi_stubs.isolation.Crash`."""

    def __init__(self, isolate: bool = True, limits: Limits | None = None) -> None:
        self.worker = Worker(limits or default_limits()) if isolate else None

    def __call__(self, function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        if self.worker is None:
            return function(*args, **kwargs)
        result = self.worker.run(function, *args, **kwargs)
        if isinstance(result, Crash) and result.kind == "failed" and \
                result.message.startswith("AddonLoadError: "):
            raise AddonLoadError(result.message[len("AddonLoadError: "):])
        return result

    def close(self) -> None:
        if self.worker is not None:
            self.worker.close()

    def __enter__(self) -> Runner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def e2e_outcome(addon: Path, scenario: str, trace: Path | None, transcript: Path | None,
                width: int = 100) -> dict[str, Any]:
    """Job: one ``mgm-contract e2e`` scenario; its verdict, JSON and text report."""
    from rich.console import Console

    from mgm_addon_contract.e2e import run_e2e
    from mgm_addon_contract.ebs.transcript import dump_transcript
    from mgm_addon_contract.report.e2e_report import e2e_json, render_e2e

    result = run_e2e(addon, scenario)
    try:
        if trace is not None:
            result.world.write_trace(trace)
        if transcript is not None:
            dump_transcript(result.world.transcript(), transcript)
        text = io.StringIO()
        render_e2e(Console(file=text, width=width, color_system=None), result)
        return {"verdict": result.verdict, "json": e2e_json(result), "text": text.getvalue()}
    finally:
        result.world.close()


def load_reports(paths: list[Path], allow_protected: bool = False) -> list[LoadReport]:
    """Job: load ``paths`` in a fresh client (``mgm-contract load``)."""
    with HeadlessClient(ClientSettings(allow_protected_calls=allow_protected)) as client:
        return client.load_addons(paths)


def crash_report(path: Path, crash: Crash) -> LoadReport:
    """The load report of an addon whose loading ended its worker."""
    try:
        toc = parse_toc(path)
        report = LoadReport(toc.addon_name, toc.toc_path, dict(toc.metadata))
    except AddonLoadError:
        report = LoadReport(Path(path).name, Path(path))
    record_crash(report, crash)
    return report


def record_crash(report: LoadReport, crash: Crash) -> None:
    """Add ``crash`` to a load report as an error and a finding (kind ``worker-<kind>``)."""
    file = crash.location
    report.errors.append(LuaErrorRecord(crash.describe(), "", "isolation worker", 0.0, file))
    report.findings.append(Finding(f"worker-{crash.kind}", crash.describe(), file,
                                   report.addon, {"signal": crash.signal} if crash.signal
                                   else {}))


def luaunit_runner(cpu_limit: float, *, trusted: bool = False,
                   worker_memory: int | None = None) -> Runner:
    """A runner for LuaUnit suites: its watchdog ends an entry at the suite's CPU limit
    + 1 s."""
    from dataclasses import replace

    return Runner(isolate=not trusted,
                  limits=replace(default_limits(worker_memory), entry_cpu_seconds=cpu_limit + 1.0))


def suite_run(run: Runner, entries: list[Path], options: Any, **kwargs: Any) -> Any:
    """``run_suite`` through ``run``; a worker that crashed or hung is the run's error
    (with where it happened)."""
    from mgm_addon_contract.luaunit import SuiteRun, run_suite

    result = run(run_suite, entries, options, **kwargs)
    if isinstance(result, Crash):
        where = f" at {result.location}" if result.location else ""
        return SuiteRun([], "", None, [f"the isolation worker ended{where}: "
                                       f"{result.describe()}"])
    return result
