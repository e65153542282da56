"""``/who``: ``SendWho``, ``SetWhoToUI``, ``GetNumWhoResults``, ``GetWhoInfo`` on a roster.

Answers arrive after ``who_latency`` simulated seconds. With more than 3 results or after
``SetWhoToUI(1)`` they come as ``WHO_LIST_UPDATE``; otherwise as chat system lines. Plain
words match substrings of names, guilds and zones; ``n-"Name"`` matches a name exactly
(``n-Name`` without quotes: a substring of the name). At most 50 results are listed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from wowapi_stubs._bounded import BoundedLog
from wowapi_stubs.errors import WowApiError
from wowapi_stubs.widgets.base import lua_int, lua_text

if TYPE_CHECKING:
    from wowapi_stubs.client import HeadlessClient

MAX_RESULTS = 50
MAX_QUERIES_KEPT = 1000

EVENTS = ("WHO_LIST_UPDATE",)


@dataclass(frozen=True)
class WhoEntry:
    """An online character as ``/who`` lists it."""

    name: str
    level: int = 80
    race: str = "Human"
    class_name: str = "Warrior"
    guild: str = ""
    zone: str = "Dalaran"

    @property
    def class_file(self) -> str:
        return self.class_name.upper().replace(" ", "")


class Roster:
    """Who is online (``/who``, whisper targets) and which characters exist (mail)."""

    def __init__(self) -> None:
        self.online: list[WhoEntry] = []
        self.known: set[str] = set()

    def set_online(self, entries: list[WhoEntry]) -> None:
        self.online = list(entries)
        self.known |= {e.name.lower() for e in entries}

    def find_online(self, name: str) -> WhoEntry | None:
        short = name.split("-", 1)[0].lower()
        return next((e for e in self.online if e.name.lower() == short), None)

    def exists(self, name: str) -> bool:
        return name.split("-", 1)[0].lower() in self.known


def _matches(entry: WhoEntry, token: str) -> bool:
    lowered = token.lower()
    for prefix, field in (
        ("n-", "name"),
        ("g-", "guild"),
        ("z-", "zone"),
        ("c-", "class_name"),
        ("r-", "race"),
    ):
        if lowered.startswith(prefix):
            value = getattr(entry, field).lower()
            wanted = token[2:]
            if wanted.startswith('"') and wanted.endswith('"') and len(wanted) >= 2:
                return value == wanted[1:-1].lower()
            return wanted.lower() in value
    if "-" in token and token.replace("-", "").isdigit():
        low, _, high = token.partition("-")
        return int(low or 0) <= entry.level <= int(high or 255)
    if token.isdigit():
        return entry.level == int(token)
    return any(lowered in v.lower() for v in (entry.name, entry.guild, entry.zone))


def run_who_query(entries: list[WhoEntry], query: str) -> list[WhoEntry]:
    """The roster entries a ``/who`` query lists (at most 50)."""
    tokens = query.split()
    return [e for e in entries if all(_matches(e, t) for t in tokens)][:MAX_RESULTS]


class WhoService:
    """One ``/who`` query at a time, answered later on the simulated clock."""

    def __init__(self, client: HeadlessClient) -> None:
        self._client = client
        self.to_ui = False
        self.results: list[WhoEntry] = []
        # The queries sent, newest last (the last MAX_QUERIES_KEPT: a loop of SendWho
        # must not grow the host).
        self.queries = BoundedLog("who queries", MAX_QUERIES_KEPT, MAX_QUERIES_KEPT * 256)
        self._pending = False

    def send(self, query: str) -> None:
        self.queries.append(query)
        if self._pending:
            return  # the server answers the first query; a second one in flight is dropped
        self._pending = True
        self._client.clock.call_later(
            self._client.settings.who_latency, lambda: self._answer(query)
        )

    def _answer(self, query: str) -> None:
        self._pending = False
        self.results = run_who_query(self._client.roster.online, query)
        if self.to_ui or len(self.results) > 3:
            self._client.fire_internal("WHO_LIST_UPDATE")
            return
        for entry in self.results:
            guild = f" <{entry.guild}>" if entry.guild else ""
            self._client.system_message(
                f"[{entry.name}]: Level {entry.level} {entry.race} {entry.class_name}{guild}"
                f" - {entry.zone}"
            )
        count = len(self.results)
        self._client.system_message(f"{count} player{'s' if count != 1 else ''} total")


def install(client: HeadlessClient) -> dict[str, Callable[..., Any]]:
    who = client.who

    def SendWho(query: Any = None) -> None:
        who.send(lua_text(query) if query is not None else "")

    def SetWhoToUI(flag: Any = None) -> None:
        who.to_ui = bool(flag) and flag != 0

    def GetNumWhoResults() -> tuple[int, int]:
        return len(who.results), len(who.results)

    def GetWhoInfo(index: Any = None) -> tuple[Any, ...]:
        if index is None:
            raise WowApiError("Usage: GetWhoInfo(index)")
        i = lua_int(index) - 1
        if not 0 <= i < len(who.results):
            return ()
        e = who.results[i]
        return e.name, e.guild, e.level, e.race, e.class_name, e.zone, e.class_file

    return {
        "SendWho": SendWho,
        "SetWhoToUI": SetWhoToUI,
        "GetNumWhoResults": GetNumWhoResults,
        "GetWhoInfo": GetWhoInfo,
    }
