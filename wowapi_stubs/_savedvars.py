"""What the 3.3.5a client writes of a saved variable at logout (and at a UI reload).

``WTF\\...\\SavedVariables\\<Addon>.lua`` holds strings, numbers, booleans and tables of them;
a function, userdata or coroutine (as a value or as a key) has no written form: its entry is
left out of the file, so it is nil when the addon loads next.
:meth:`~wowapi_stubs.runtime.LuaRuntime.plain_value` leaves such entries out as it reads a
saved variable (its ``unsaved`` option), and counts apart an entry whose key is a table.
"""

from __future__ import annotations

SAVED_TYPES = (str, int, float, bool, type(None))
"""Python types of the plain values a saved variable keeps (containers apart)."""
