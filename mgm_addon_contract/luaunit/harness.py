"""One run of a LuaUnit suite inside a fresh headless 3.3.5a client.

The suite runs as the client runs addon code (Lua 5.1, the client's API, the sandbox) with
the small surface a LuaUnit suite needs, given by host functions installed like the client's
API functions (``prelude.lua``): ``require`` resolved from the suite's ``package.path`` and
the module folders given, ``dofile``/``loadfile`` confined to the root folder (and those
folders, and the addon under test), ``arg``, ``print``/``io.stdout`` captured, ``os.exit``,
``os.getenv`` (only the variables given), ``os.clock``, ``os.time``/``os.date`` (the client's
simulated clock), ``io.open``/``io.lines`` reading files under the root (never writing).
Nothing else of Lua's ``io``/``os`` exists. ``Headless`` drives the client
(:mod:`~mgm_addon_contract.luaunit.driver`) for tests that dropped their mock.
"""

from __future__ import annotations

import difflib
import functools
import os
import time
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from mgm_addon_contract.luaunit.model import LuaTestResult, MockReport, SuiteOptions, SuiteRun
from wowapi_stubs import ClientSettings, HeadlessClient
from wowapi_stubs._paths import AddonPathError, read_file
from wowapi_stubs.errors import WowApiError, split_location
from wowapi_stubs.runtime import to_text
from wowapi_stubs.surface import load_surface
from wowapi_stubs.ui import provides

PRELUDE_CHUNK = "=(luaunit harness)"
EXIT_TEXT = ") ended the suite"
MAX_OUTPUT = 8 << 20
"""Captured output kept per run (characters); the rest is counted, not kept."""
STATUSES = {"SUCCESS": "passed", "FAIL": "failed", "ERROR": "error", "SKIP": "skipped"}
QUIET_FINDINGS = frozenset({"interface-version", "addon-folder-name"})
"""Client findings about the load itself, not about what a test made the addon do."""


@functools.cache
def _prelude() -> bytes:
    return resources.files("mgm_addon_contract.luaunit").joinpath("prelude.lua").read_bytes()


class HarnessPathError(ValueError):
    """A path the suite named cannot be read (outside the allowed folders, missing...)."""


@dataclass
class _Current:
    name: str
    findings: int
    errors: int
    output: int
    trace: str = ""  # the last full traceback made while the test ran


@dataclass
class _Areas:
    """Where the suite may read files: the root and the folders given (resolved)."""

    root: Path
    folders: list[Path] = field(default_factory=list)

    def allows(self, real: Path) -> bool:
        return any(real == area or area in real.parents for area in [self.root, *self.folders])


class SuiteHarness:
    """The host side of one suite run: host functions, captured output, per-test results."""

    def __init__(self, options: SuiteOptions) -> None:
        self.options = options
        self.areas = _areas(options)
        self.chunks: dict[str, Path] = {}  # chunk name shown by Lua -> file
        self.output: list[str] = []
        self.output_size = 0
        self.exit_code: int | None = None
        self.tests: list[LuaTestResult] = []
        self.listed: list[str] = []
        self.suites_started = 0
        self.preloaded: dict[Path, str] = {}
        self.skipped_dofiles: list[str] = []
        self.mock = MockReport(Path(options.drop_mock)) if options.drop_mock else None
        self._mock_real = Path(options.drop_mock).resolve() if options.drop_mock else None
        self._current: _Current | None = None
        self._startup: frozenset[str] = frozenset()
        self._clock_start = time.process_time()
        self.client = HeadlessClient(
            ClientSettings(cpu_limit_seconds=options.cpu_limit, chat_logging=False),
            host_api=self._host_api())

    # -- host functions ------------------------------------------------------------------
    def _host_api(self) -> dict[str, Any]:
        from mgm_addon_contract.luaunit.driver import driver_api

        return {
            **driver_api(lambda: self.client),
            "loadfile": self._loadfile,
            "io.write": self._write,
            "os.exit": self._exit,
            "os.getenv": self._getenv,
            "os.clock": lambda: time.process_time() - self._clock_start,
            "__luaunit_harness.find_module": self._find_module,
            "__luaunit_harness.dofile_kind": self._dofile_kind,
            "__luaunit_harness.mock_global": self._mock_global,
            "__luaunit_harness.test_started": self._test_started,
            "__luaunit_harness.test_ended": self._test_ended,
            "__luaunit_harness.suite_started": self._suite_started,
            "__luaunit_harness.only_test": lambda: self.options.only_test,
            "__luaunit_harness.traceback_seen": self._traceback_seen,
            "__luaunit_harness.read_file": self._read_file,
            "__luaunit_harness.listing": lambda: self.options.list_only,
            "__luaunit_harness.listed": lambda name: self.listed.append(to_text(name)),
        }

    def _traceback_seen(self, trace: Any) -> None:
        if self._current is not None:
            self._current.trace = to_text(trace)

    def resolve(self, written: str) -> Path:
        """The file ``written`` names (relative to the root), if the suite may read it."""
        path = Path(written)
        real = (path if path.is_absolute() else self.areas.root / path).resolve()
        if not self.areas.allows(real):
            raise HarnessPathError(f"cannot open {written} (outside the root folder "
                                   f"{self.areas.root} and the module folders given)")
        if not real.is_file():
            raise HarnessPathError(f"cannot open {written} (no such file)")
        return real

    def chunk_name(self, real: Path) -> str:
        """How Lua names the file in messages: relative to the root (or its folder)."""
        for area in [self.areas.root, *self.areas.folders]:
            if area in real.parents:
                shown = real.relative_to(area).as_posix()
                break
        else:
            shown = real.as_posix()
        self.chunks[shown] = real
        return shown

    def _loadfile(self, written: Any = None) -> Any:
        if written is None:
            raise WowApiError("loadfile: standard input cannot be read inside the headless "
                              "client")
        text = to_text(written)
        try:
            real = self.resolve(text)
            code = read_file(real, text, self.client.settings.max_file_bytes)
        except (HarnessPathError, AddonPathError) as exc:
            return None, str(exc)
        if real in self.preloaded:  # the client loaded it from the .toc: it runs once
            self.skipped_dofiles.append(self.preloaded[real])
            code = b""
        fn, error = self.client.runtime.compile(code, "@" + self.chunk_name(real))
        return fn if fn is not None else (None, error)

    def _read_file(self, written: Any) -> Any:
        """A file under the root for ``io.open`` (its bytes), or (nil, why not)."""
        text = to_text(written)
        try:
            return read_file(self.resolve(text), text, self.client.settings.max_file_bytes)
        except (HarnessPathError, AddonPathError) as exc:
            return None, str(exc)

    def _write(self, *values: Any) -> None:
        for value in values:
            text = _lua_text(value)
            self.output_size += len(text)
            if self.output_size <= MAX_OUTPUT:
                self.output.append(text)

    def _exit(self, code: Any = None) -> None:
        if code is None or code is True:
            self.exit_code = 0
        elif code is False:
            self.exit_code = 1
        else:
            try:
                self.exit_code = int(code)
            except (TypeError, ValueError):
                self.exit_code = 1

    def _getenv(self, name: Any) -> str | None:
        return self.options.env.get(to_text(name)) if name is not None else None

    def _find_module(self, name: Any, templates: Any) -> Any:
        module = to_text(name)
        relative = module.replace(".", "/")
        tried = []
        candidates = [t.replace("?", relative) for t in to_text(templates).split(";") if t]
        for extra in self.options.lua_path:
            extra = Path(extra)
            if extra.is_dir():
                candidates += [str(extra / f"{relative}.lua"), str(extra / relative / "init.lua")]
            elif extra.stem == module:
                candidates.append(str(extra))
        for candidate in candidates:
            try:
                return str(self.resolve(candidate))
            except HarnessPathError:
                tried.append(f"\n\tno file '{candidate}'")
        return None, "".join(tried)

    def _dofile_kind(self, written: Any) -> str | None:
        try:
            real = self.resolve(to_text(written))
        except HarnessPathError:
            return None
        if real == self._mock_real:
            return "mock"
        if real in self.preloaded:
            self.skipped_dofiles.append(self.preloaded[real])
            return "loaded"
        return None

    def _mock_global(self, name: Any, kind: Any, existed: Any, value: Any = None) -> bool:
        """Whether the client's value replaces what the dropped mock set for ``name``; names
        the client lacks stay (the suite's helpers) and are reported, a table with the
        3.3.5a names its members may stand for."""
        text, kind_text = to_text(name), to_text(kind)
        assert self.mock is not None
        owner = text.split(".", 1)[0]
        if existed or ("." not in text and provides(self.client, text)) or (
                "." in text and owner in self._startup):
            self.mock.replaced.append(text)
            return True
        if text in load_surface().unimplemented_functions:
            self.mock.not_implemented.append(text)
            return False
        suggestion = self._suggest(text)
        hint = f"the client's name: {suggestion}" if suggestion else None
        if kind_text == "table" and self.client.runtime.is_table(value):
            members = sorted(to_text(k) for k in value if isinstance(k, bytes))
            named = [f"{text}.{m} is {s}" for m in members
                     if (s := self._suggest(f"{text}.{m}")) is not None]
            hint = ("the client's names: " + ", ".join(named)) if named else hint
        self.mock.unknown.append((text, kind_text, hint))
        return False

    def _suggest(self, name: str) -> str | None:
        """A 3.3.5a name the mock's ``name`` may stand for (``C_FriendList.SendWho``:
        ``SendWho``)."""
        names = self._startup | load_surface().unimplemented_functions
        last = name.rsplit(".", 1)[-1]
        if last != name and last in names:
            return last
        close = difflib.get_close_matches(name, sorted(names), n=1, cutoff=0.8)
        return close[0] if close else None

    def _suite_started(self) -> None:
        self.suites_started += 1

    def _test_started(self, name: Any) -> None:
        client = self.client
        self._current = _Current(to_text(name), len(client.findings), len(client.errors),
                                 len(self.output))

    def _test_ended(self, name: Any, status: Any, message: Any, trace: Any,
                    duration: Any) -> None:
        current, client = self._current, self.client
        self._current = None
        text = to_text(message) if message is not None else ""
        file, line = self.failure_position(
            text, (to_text(trace) if trace else "") + "\n" + (current.trace if current else ""))
        findings = [f"{f.kind}: {f.message}" + (f" ({f.location})" if f.location else "")
                    for f in client.findings[current.findings:]
                    if f.kind not in QUIET_FINDINGS] if current else []
        findings += [f"Lua error caught by the client: {_located(e)}"
                     for e in client.errors[current.errors:]] if current else []
        self.tests.append(LuaTestResult(
            to_text(name), STATUSES.get(to_text(status), to_text(status).lower()), text,
            to_text(trace) if trace else "", file, line,
            float(duration) if isinstance(duration, int | float) else 0.0, findings,
            "".join(self.output[current.output:]) if current else ""))

    def failure_position(self, message: str, trace: str) -> tuple[str | None, int | None]:
        """The Lua file:line of a failure: the message's own position unless it is inside
        LuaUnit (an assertion given a bad argument), else the first position outside LuaUnit
        in the stack trace."""
        candidates = [message, *(line.strip() for line in trace.splitlines())]
        for text in candidates:
            file, line, _ = split_location(text + " ")
            if file is not None and not self._is_framework(file):
                return self.file_for(file), line
        return None, None

    def _is_framework(self, shown: str) -> bool:
        """LuaUnit's own file, or the client's own code (chunks named ``headless-*``)."""
        return shown.startswith("headless-") or Path(self.file_for(shown)).name == "luaunit.lua"

    def file_for(self, shown: str) -> str:
        """The file a chunk name shown by Lua stands for (``...`` shortened names too)."""
        real = self.chunks.get(shown)
        if real is None and shown.startswith("..."):
            real = next((p for name, p in self.chunks.items() if name.endswith(shown[3:])),
                        None)
        return str(real) if real is not None else shown

    # -- the run -------------------------------------------------------------------------
    def run(self, entries: list[Path]) -> SuiteRun:
        """Run ``entries`` (entry scripts or test files) in order, then LuaUnit if no entry
        ran it."""
        client, runtime = self.client, self.client.runtime
        problems: list[str] = []
        try:
            if self.options.addon is not None:
                report = client.load_addon(self.options.addon)
                for loaded in report.files:
                    if loaded.path is not None:
                        self.preloaded[Path(loaded.path).resolve()] = str(loaded.path)
                problems += [_located(e) for e in report.errors]
                problems += [f"{f.path}: {f.error}" for f in report.files  # not said above
                             if f.error and not any(e.message in f.error for e in report.errors)]
            prelude, error = runtime.compile(_prelude(), PRELUDE_CHUNK)
            assert prelude is not None, error
            runtime.safecall("luaunit harness", prelude)
            self._startup = frozenset(to_text(k) for k in runtime.fn.complete_globals()
                                      if isinstance(k, bytes))
            mark = len(client.errors)
            shown = [self._entry_name(entry) for entry in entries]
            runtime.setglobal("arg", {i: v for i, v in enumerate(
                [shown[0], *self.options.args])})
            dofile = runtime.rawglobal("dofile")
            for name in shown:
                runtime.safecall(f"dofile {name}", dofile, name)
                if self.exit_code is not None:
                    break
            if not self.suites_started and self.exit_code is None \
                    and len(client.errors) == mark:
                self._run_luaunit()  # test files only: LuaUnit runs what they defined
            if self._current is not None:  # a test the client stopped (CPU limit...)
                self._unfinished(mark)
            problems += [_located(e) for e in client.errors[mark:] if EXIT_TEXT not in e.message
                         and not any(e.message in f for t in self.tests for f in t.findings)]
            return SuiteRun(list(self.tests), "".join(self.output), self.exit_code, problems,
                            self.mock, list(self.skipped_dofiles),
                            truncated=self.output_size > MAX_OUTPUT, listed=list(self.listed))
        finally:
            client.close()

    def _unfinished(self, mark: int) -> None:
        """The running test never ended: the client stopped the entry (it ran out of CPU,
        was killed); that test is an error with the client's reason."""
        current, errors = self._current, self.client.errors
        assert current is not None
        reason = next((e for e in reversed(errors[mark:]) if EXIT_TEXT not in e.message), None)
        self._test_ended(current.name.encode(), b"ERROR",
                         (_located(reason) if reason else "the test never ended").encode(),
                         current.trace.encode(), 0.0)
        if reason is not None:
            errors.remove(reason)
            self.tests[-1].findings = [f for f in self.tests[-1].findings
                                       if reason.message not in f]

    def _entry_name(self, entry: Path) -> str:
        check_entries([entry], self.options)
        return os.path.relpath(Path(entry).resolve(), self.areas.root)

    def _run_luaunit(self) -> None:
        runtime = self.client.runtime
        code = b"local lu = require('luaunit') return lu.LuaUnit.run()"
        fn, error = runtime.compile(code, "=(luaunit run)")
        assert fn is not None, error
        ok, results = runtime.safecall("luaunit run", fn)
        if ok and self.exit_code is None and results and isinstance(results[0], int | float):
            self.exit_code = 0 if int(results[0]) == 0 else 1


def _areas(options: SuiteOptions) -> _Areas:
    """The root, the module folders (a file's folder) and the addon folder, resolved."""
    modules = [p.resolve() if p.is_dir() else p.resolve().parent
               for p in map(Path, options.lua_path)]
    addon = [Path(options.addon).resolve()] if options.addon is not None else []
    return _Areas(Path(options.root).resolve(), [*modules, *addon])


def check_entries(entries: list[Path], options: SuiteOptions) -> None:
    """Every entry must lie under the root (or a folder given for modules or the addon)."""
    areas = _areas(options)
    for entry in entries:
        if not areas.allows(Path(entry).resolve()):
            raise HarnessPathError(f"{entry}: outside the root folder {areas.root} (--root)")


def _lua_text(value: Any) -> str:
    """What Lua's ``io.write`` writes for a string or number."""
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else f"{value:.14g}"
    if isinstance(value, int):
        return str(value)
    raise WowApiError(f"bad argument to 'write' (string expected, got {type(value).__name__})")


def _located(error: Any) -> str:
    """A client error record as ``file:line: message`` (the position once)."""
    if error.location == "?" or error.message.startswith(error.location):
        return str(error.message)
    return f"{error.location}: {error.message}"
