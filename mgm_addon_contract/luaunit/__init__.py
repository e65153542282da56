"""Running an addon team's existing LuaUnit suite inside the headless 3.3.5a client.

:func:`run_suite` runs entry scripts or test files (Lua 5.1, the client's API, the sandbox
kept); a hand-written WoW mock can be kept or dropped (its WoW functions then come from the
client and the names the client lacks are reported); ``isolate`` runs each test in a fresh
client.
"""

from mgm_addon_contract.luaunit.model import LuaTestResult, MockReport, SuiteOptions, SuiteRun
from mgm_addon_contract.luaunit.runner import run_suite

__all__ = ["LuaTestResult", "MockReport", "SuiteOptions", "SuiteRun", "run_suite"]
