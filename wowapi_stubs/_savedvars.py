"""What the 3.3.5a client writes of a saved variable at logout (and at a UI reload).

``WTF\\...\\SavedVariables\\<Addon>.lua`` holds strings, numbers, booleans and tables of them;
a function, userdata or coroutine (as a value or as a key) has no written form: its entry is
left out of the file, so it is nil when the addon loads next. A table that is the key of an
entry is counted apart by :meth:`~wowapi_stubs.runtime.LuaRuntime.plain_value`.
"""

from __future__ import annotations

from typing import Any

SAVED_TYPES = (str, int, float, bool, type(None))
"""Python types of the plain values a saved variable keeps (containers apart)."""


def drop_unsaved(value: Any) -> tuple[Any, int]:
    """``value`` (a plain value: dicts and lists to any depth, shared or cyclic) without what
    the client does not save, and how many entries that was. Entries are removed from dicts
    in place; a list item becomes ``None`` (a hole, as the missing entry is in Lua)."""
    if not isinstance(value, dict | list):
        return (value, 0) if isinstance(value, SAVED_TYPES) else (None, 1)
    dropped = 0
    seen: set[int] = set()
    pending: list[dict[Any, Any] | list[Any]] = [value]
    while pending:
        container = pending.pop()
        if id(container) in seen:
            continue
        seen.add(id(container))
        pairs = list(container.items()) if isinstance(container, dict) else enumerate(container)
        for key, item in pairs:
            if isinstance(item, dict | list):
                pending.append(item)
                if isinstance(key, SAVED_TYPES):
                    continue
            elif isinstance(item, SAVED_TYPES) and isinstance(key, SAVED_TYPES):
                continue
            dropped += 1
            if isinstance(container, dict):
                del container[key]
            else:
                container[key] = None
    return value, dropped
