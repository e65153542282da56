"""Typed results of running a LuaUnit suite in the headless client."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class SuiteOptions:
    """How to run a suite: the root folder its files must stay in, the addon to load first,
    a hand-written mock to drop, module folders (LuaUnit's), ``arg``, ``os.getenv``."""

    root: Path = Path(".")
    addon: Path | None = None
    drop_mock: Path | None = None
    lua_path: tuple[Path, ...] = ()
    args: tuple[str, ...] = ()
    env: dict[str, str] = field(default_factory=dict)
    cpu_limit: float = 60.0
    only_test: str | None = None
    list_only: bool = False  # name the tests LuaUnit selects, run none


@dataclass
class LuaTestResult:
    """One LuaUnit test: its status, the failure with its Lua file:line, and what the client
    saw while it ran (blocked protected calls, Lua errors its error handler caught)."""

    name: str
    status: str  # "passed", "failed", "error", "skipped"
    message: str = ""
    trace: str = ""
    file: str | None = None
    line: int | None = None
    duration: float = 0.0
    findings: list[str] = field(default_factory=list)
    output: str = ""

    @property
    def ok(self) -> bool:
        """Passed (or skipped) under LuaUnit and nothing revealed by the client."""
        return self.status in ("passed", "skipped") and not self.findings

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}" if self.file and self.line else (self.file or "")


@dataclass
class MockReport:
    """What dropping a hand-written mock changed: names the client now provides, and names
    the suite expected from the mock that the client lacks (kept from the mock)."""

    path: Path
    replaced: list[str] = field(default_factory=list)
    not_implemented: list[str] = field(default_factory=list)  # 3.3.5a names the client lacks
    unknown: list[tuple[str, str, str | None]] = field(default_factory=list)  # name, type, hint

    @property
    def differences(self) -> int:
        return len(self.not_implemented) + len(self.unknown)


@dataclass
class SuiteRun:
    """Everything one run of the suite produced."""

    tests: list[LuaTestResult]
    output: str
    exit_code: int | None
    errors: list[str]  # Lua errors outside any test (entry, dofile, loading the addon)
    mock: MockReport | None = None
    skipped_dofiles: list[str] = field(default_factory=list)
    truncated: bool = False
    isolated: bool = False
    listed: list[str] = field(default_factory=list)  # with SuiteOptions.list_only

    @property
    def ok(self) -> bool:
        return bool(self.tests) and not self.errors and all(t.ok for t in self.tests) \
            and self.exit_code in (None, 0)

    def counts(self) -> dict[str, int]:
        counts = {"passed": 0, "failed": 0, "error": 0, "skipped": 0, "revealed": 0}
        for test in self.tests:
            counts[test.status] = counts.get(test.status, 0) + 1
            counts["revealed"] += bool(test.findings)
        return counts
