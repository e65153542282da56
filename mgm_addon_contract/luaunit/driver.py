"""``Headless``: the client driven from a suite's Lua, for tests that drop their mock.

A mock-based suite fires events and reads captured chat through its mock's helpers; once the
mock is dropped those helpers reach nothing. These host functions let the suite's helpers
drive the client instead (a new test, or a mock helper that prefers ``Headless`` when it
exists): events, simulated time, whispers, typed lines, who is online, and what the addon
printed and whispered. Each runs as the client's public API does (SPEC §8-§10 flows).
"""

from __future__ import annotations

from typing import Any

from wowapi_stubs import HeadlessClient, WhoEntry
from wowapi_stubs.errors import WowApiError
from wowapi_stubs.runtime import from_lua, to_text

NAMESPACE = "Headless"


def driver_api(client_of: Any) -> dict[str, Any]:
    """The ``Headless.*`` host functions; ``client_of()`` gives the running client."""

    def client() -> HeadlessClient:
        return client_of()

    def text(value: Any, what: str) -> str:
        if not isinstance(value, bytes):
            raise WowApiError(f"Headless.{what}: a string is expected")
        return to_text(value)

    def fire(event: Any, *args: Any) -> None:
        client().fire(text(event, "fire"), *(from_lua(a) for a in args))

    def advance(seconds: Any) -> None:
        if not isinstance(seconds, int | float) or seconds < 0:
            raise WowApiError("Headless.advance: a number of seconds >= 0 is expected")
        client().advance(float(seconds))

    def whisper_from(sender: Any, message: Any) -> None:
        client().whisper_from(text(sender, "whisper_from"), text(message, "whisper_from"))

    def type_line(line: Any) -> None:
        client().type_line(text(line, "type_line"))

    def set_who_results(names: Any) -> None:
        listed = from_lua(names)
        values = listed.values() if isinstance(listed, dict) else listed or []
        client().set_world_roster([WhoEntry(str(name)) for name in values])

    def chat_lines() -> list[str]:
        return [line.text for line in client().chat if line.kind == "addon"]

    def whispers() -> list[dict[str, str]]:
        return [{"target": w.target, "text": w.text} for w in client().whispers_sent]

    functions = {"fire": fire, "advance": advance, "whisper_from": whisper_from,
                 "type_line": type_line, "set_who_results": set_who_results,
                 "chat_lines": chat_lines, "whispers": whispers}
    return {f"{NAMESPACE}.{name}": fn for name, fn in functions.items()}
