"""Running a scenario on a fresh headless client with the contract monitor watching."""

from __future__ import annotations

import functools
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from mgm_addon_contract.contract.monitor import ContractMonitor, Failure, Masked, client_gap
from mgm_addon_contract.scenarios.prepare import PrepareControl, find_prepare_control
from mgm_addon_contract.scenarios.steps import Step
from wowapi_stubs import ClientSettings, HeadlessClient, LoadReport, WhoEntry
from wowapi_stubs.isolation import Crash
from wowapi_stubs.settings import FRAMEXML_VARIABLE, framexml_from_environment
from wowapi_stubs.template import ClientTemplate

DEFAULT_ROSTER = ("Norinn", "Norinna", "Вася", "Ёлка", "Bob")
"""Who is online when a scenario starts (recipients and /who targets)."""


@dataclass
class ScenarioResult:
    """Failures (by clause), the clauses the scenario exercised, Lua errors and blocked calls."""

    name: str
    steps: list[Step]
    failures: list[Failure] = field(default_factory=list)
    exercised: set[str] = field(default_factory=set)
    masked: list[Masked] = field(default_factory=list)
    load: LoadReport | None = None
    lua_errors: list[str] = field(default_factory=list)
    blocked_calls: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures


@functools.cache
def _scratch_wow_dir() -> Path:
    """One WoW folder per process for scenario clients (no chat log file is written: the
    monitor reads the in-memory transcript), so a run creates and removes no folders."""
    return Path(tempfile.mkdtemp(prefix="mgm-contract-wow-"))


def scenario_settings(**changes: object) -> ClientSettings:
    """The client settings scenarios run with (no chat log file; the monitor reads the
    transcript), with ``changes`` (e.g. ``allow_protected_calls=True``)."""
    return ClientSettings(**{"chatlog_flush": "logout", "chat_logging": False,  # type: ignore[arg-type]
                             "wow_dir": _scratch_wow_dir(), **changes})


ONLINE_BEFORE_FIRST_STEP = 5.0
"""Simulated seconds the streamer has been logged in before the first step: the Desktop
never acts in the first frame after login. Timers an addon starts at login run, and an
output throttle that starts empty (ChatThrottleLib's bandwidth gauge) has filled."""


def new_client(addon: Path, settings: ClientSettings | None = None,
               ) -> tuple[HeadlessClient, LoadReport]:
    """A client with the default roster and ``addon`` loaded, logged in for
    :data:`ONLINE_BEFORE_FIRST_STEP` seconds (Lua errors in that time count as login
    errors)."""
    client = HeadlessClient(settings or scenario_settings())
    client.set_world_roster([WhoEntry(name) for name in DEFAULT_ROSTER])
    client.add_character("Offlinealt")
    report = client.load_addon(addon)
    if report.running:
        seen = len(client.errors)
        client.advance(ONLINE_BEFORE_FIRST_STEP)
        report.errors.extend(e for e in client.errors[seen:] if e not in report.errors)
    return client, report


def login_errors(report: LoadReport) -> list[Failure]:
    """Lua errors raised by the addon's event handlers while the client logged in (its files
    loaded): NO-LUA-ERRORS failures before the first step, not load failures. A call of a
    3.3.5a function the headless client lacks is not one (the monitor masks what follows)."""
    return [Failure("NO-LUA-ERRORS", f"{e.location}: {e.message} (during login, {e.context})",
                    0) for e in report.errors
            if client_gap(e.message) is None] if report.running else []


_AddonKey = tuple[str, float, str, str]
_PREPARE: dict[_AddonKey, PrepareControl | None] = {}


def _addon_key(addon: Path, settings: ClientSettings | None) -> _AddonKey:
    """What a client made for ``addon`` depends on: the folder, its newest file, the
    settings and the FrameXML folder of the environment (the settings' default)."""
    folder = Path(addon).resolve()
    stamp = max((p.stat().st_mtime for p in folder.rglob("*") if p.is_file()), default=0.0)
    return str(folder), stamp, repr(settings), os.environ.get(FRAMEXML_VARIABLE, "")


def prepare_control(addon: Path, settings: ClientSettings | None = None,
                    ) -> PrepareControl | None:
    """The addon's Prepare Mail control (:func:`find_prepare_control`), found once per
    addon folder, content, settings and UI."""
    key = _addon_key(addon, settings)
    if key not in _PREPARE:
        if len(_PREPARE) > 64:
            _PREPARE.clear()
        _PREPARE[key] = find_prepare_control(lambda: new_client(addon, settings))
    return _PREPARE[key]


_TEMPLATES: dict[_AddonKey, tuple[ClientTemplate, LoadReport]] = {}
KEPT_TEMPLATES = 2
"""Loaded-client templates kept per process (a FrameXML client holds about 100 MB)."""


def loaded_template(addon: Path, settings: ClientSettings | None
                    ) -> tuple[ClientTemplate, LoadReport] | None:
    """A template of the client :func:`new_client` makes for ``addon`` (loaded, logged in),
    with its load report, when that client runs FrameXML; None otherwise.

    Under Blizzard's FrameXML making that client costs about a second of CPU, more than
    most scenarios and fuzzed runs take, so it is made once per addon and process and each
    run gets a copy in a child process (:class:`wowapi_stubs.template.ClientTemplate`): the
    client a fresh :func:`new_client` would have made (same addon, settings and simulated
    time), so verdicts do not change. A built-in UI client takes about a millisecond and
    runs stay in this process."""
    framexml_dir = settings.framexml_dir if settings is not None else framexml_from_environment()
    if framexml_dir is None or not hasattr(os, "fork"):
        return None  # the built-in UI: no client is made to find that out
    key = _addon_key(addon, settings)
    if key not in _TEMPLATES:
        client, load = new_client(addon, settings)
        if client.framexml is None:
            client.close()
            return None
        while len(_TEMPLATES) >= KEPT_TEMPLATES:
            _TEMPLATES.pop(next(iter(_TEMPLATES)))[0].close()
        _TEMPLATES[key] = (ClientTemplate.adopt(client), load)
    return _TEMPLATES[key]


def close_templates() -> None:
    """Close every kept template (their clients' folders go)."""
    while _TEMPLATES:
        _, (template, _) = _TEMPLATES.popitem()
        template.close()


def run_scenario(addon: Path, steps: list[Step], name: str = "scenario",
                 settings: ClientSettings | None = None,
                 known: frozenset[str] = frozenset()) -> ScenarioResult:
    """Run ``steps`` on a fresh client with ``addon`` and check every step; ``known``:
    clauses already found failing (an ambiguous observation is blamed on them). Under
    FrameXML the client is a copy of a loaded template (:func:`loaded_template`)."""
    template = loaded_template(addon, settings)
    if template is not None and template[1].running:
        prepare = prepare_control(addon, settings)
        outcome = template[0].run(_checked, template[1], steps, name, known, prepare)
        if isinstance(outcome, Crash):
            raise RuntimeError(f"scenario {name}: {outcome.describe()}")
        return outcome.value
    client, report = new_client(addon, settings)
    return _checked(client, report, steps, name, known, prepare_control(addon, settings))


def _checked(client: HeadlessClient, report: LoadReport, steps: list[Step], name: str,
             known: frozenset[str], prepare: PrepareControl | None) -> ScenarioResult:
    result = ScenarioResult(name, list(steps), load=report)
    try:
        if not report.running:
            problems = [f.error or "" for f in report.files if not f.ok]
            problems += [f"{e.location}: {e.message}" for e in report.errors]
            result.failures.append(Failure("LOADS-IN-LUA51", "; ".join(p for p in problems if p)
                                           or "the addon did not load", 0))
            return result
        result.failures += login_errors(report)
        monitor = ContractMonitor(client, known, prepare)
        for index, step in enumerate(steps, start=1):
            monitor.run(index, step)
        monitor.finish()
        monitor.drain()
        result.failures += monitor.failures
        result.masked = monitor.masked
        result.exercised = monitor.exercised | {"LOADS-IN-LUA51"}
    finally:
        result.lua_errors = [f"{e.location}: {e.message}" for e in client.errors]
        result.blocked_calls = [f"{f.message} ({f.location})" for f in client.findings
                                if f.kind == "protected-call-blocked"]
        client.close()
    return result
