"""A standard play session for any set of addons: install, log in, a fixed set of events.

Used to measure how many real addons run without Lua errors (``benchmarks/bench_corpus.py``)
and to find which 3.3.5a names they miss. The session: load the addons in the client's
order and log in, then target change, auras, a bag update, zone changes, party changes,
entering combat with combat-log events and leaving it, a mailbox opened and closed, a
whisper, 3 seconds of frames (``OnUpdate``), logout.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from wowapi_stubs.client import HeadlessClient
from wowapi_stubs.errors import HeadlessClientError, LuaErrorRecord
from wowapi_stubs.report import LoadReport
from wowapi_stubs.settings import ClientSettings

_PLAYER_GUID = "0x0000000000000001"
_TARGET_GUID = "0xF130002F0F000001"


def _combat_log(client: HeadlessClient) -> None:
    """3.3.5a ``COMBAT_LOG_EVENT_UNFILTERED`` arguments (no hideCaster, 8 base fields)."""
    now = client.now.timestamp()
    player = client.settings.character_name
    base = (_PLAYER_GUID, player, 0x511, _TARGET_GUID, "Training Dummy", 0xa48)
    client.fire("COMBAT_LOG_EVENT_UNFILTERED", now, "SWING_DAMAGE", *base,
                120, 0, 1, None, None, None, None, None, None)
    client.fire("COMBAT_LOG_EVENT_UNFILTERED", now, "SPELL_DAMAGE", *base,
                133, "Fireball", 4, 950, 0, 4, None, None, None, 1, None, None)
    client.fire("COMBAT_LOG_EVENT_UNFILTERED", now, "SPELL_AURA_APPLIED", *base,
                12654, "Ignite", 4, "DEBUFF")
    client.fire("COMBAT_LOG_EVENT_UNFILTERED", now, "UNIT_DIED", None, None, 0x80000000,
                _TARGET_GUID, "Training Dummy", 0xa48)


STEPS: tuple[tuple[str, Callable[[HeadlessClient], object]], ...] = (
    ("target change", lambda c: c.fire("PLAYER_TARGET_CHANGED")),
    ("aura", lambda c: (c.fire("UNIT_AURA", "player"), c.fire("UNIT_AURA", "target"))),
    ("bag update", lambda c: (c.fire("BAG_UPDATE", 0), c.fire("BAG_UPDATE_COOLDOWN"))),
    ("zone change", lambda c: (c.fire("ZONE_CHANGED_NEW_AREA"), c.fire("ZONE_CHANGED"),
                               c.fire("ZONE_CHANGED_INDOORS"))),
    ("party", lambda c: (c.fire("PARTY_MEMBERS_CHANGED"), c.fire("RAID_ROSTER_UPDATE"),
                         c.fire("PARTY_LEADER_CHANGED"))),
    ("combat log", lambda c: (c.enter_combat(), _combat_log(c), c.leave_combat())),
    ("mail open/close", lambda c: (c.open_mailbox(), c.close_mailbox())),
    ("whisper", lambda c: c.whisper_from("Friendlyguy", "hello there")),
    ("3 s of OnUpdate", lambda c: c.advance(3.0)),
    ("logout", lambda c: c.logout()),
)

_MISSING_PATTERNS = (
    (re.compile(r"WoW API (\S+) is not implemented"), "{}"),
    (re.compile(r"attempt to (?:call|index) global '([^']+)' \(a nil value\)"), "{}"),
    (re.compile(r"attempt to call method '([^']+)' \(a nil value\)"), ":{}"),
    (re.compile(r"attempt to (?:call|index) field '([^']+)' \(a nil value\)"), ".{}"),
    (re.compile(r"Unknown frame type '([^']+)'"), "CreateFrame({})"),
)


def missing_name(message: str) -> str | None:
    """The API name an error shows missing: ``Name`` (global), ``Kind:Method`` (a known
    method the client lacks), ``:Method`` (a method that is nil), ``.field``."""
    for pattern, form in _MISSING_PATTERNS:
        match = pattern.search(message)
        if match:
            return form.format(match.group(1))
    return None


@dataclass
class SessionResult:
    """What a standard session did: load reports, Lua errors (with the step they happened
    in), names shown missing, and wall time."""

    name: str
    reports: list[LoadReport] = field(default_factory=list)
    errors: list[tuple[str, LuaErrorRecord]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # load refusals, bad folders
    seconds: float = 0.0

    @property
    def clean(self) -> bool:
        """Every addon loaded (or left for LoadAddOn) and no Lua error in the session."""
        return not self.errors and not self.problems and all(r.ok for r in self.reports)

    @property
    def missing(self) -> Counter[str]:
        """Names shown missing, once per distinct error message."""
        names = (missing_name(m) for m in {e.message for _, e in self.errors})
        return Counter(n for n in names if n)


def run_session(name: str, paths: Iterable[Path],
                settings: ClientSettings | None = None) -> SessionResult:
    """Run the standard session for the addons under ``paths`` in a fresh client."""
    result = SessionResult(name)
    start = time.perf_counter()
    with HeadlessClient(settings) as client:
        step = "load and login"
        seen = 0
        try:
            result.reports = client.load_addons(list(paths))
            for step, action in (("load and login", lambda c: None), *STEPS):
                action(client)
                result.errors += [(step, e) for e in client.errors[seen:]]
                seen = len(client.errors)
        except HeadlessClientError as exc:
            result.problems.append(f"{step}: {exc}")
        result.errors += [(step, e) for e in client.errors[seen:]]
        result.problems += [f"{r.addon}: not loaded ({r.not_loaded})"
                            for r in result.reports if not r.ok and not r.loaded]
    result.seconds = time.perf_counter() - start
    return result


__all__ = ["STEPS", "SessionResult", "missing_name", "run_session"]
