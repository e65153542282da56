"""Addon management: the client's addon list, on-demand loading, metadata, build and login.

``GetAddOnInfo(i)`` follows the client's list (folders sorted by name ignoring case); every
function taking an addon accepts its 1-based index or its name (any case). ``LoadAddOn``
loads a load-on-demand addon with its dependencies and fires its ``ADDON_LOADED``.
``EnableAddOn``/``DisableAddOn`` change the enabled flag only (the client applies it at the
next login or UI reload; a disabled addon refuses ``LoadAddOn`` with ``DISABLED``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wowapi_stubs.errors import WowApiError
from wowapi_stubs.widgets.base import as_int, lua_text

if TYPE_CHECKING:
    from wowapi_stubs._catalog import AddonEntry
    from wowapi_stubs.client import HeadlessClient

# GetBuildInfo() of the 3.3.5a client (build 12340).
BUILD_INFO = ("3.3.5", "12340", "Jun 24 2010", 30300)

# GetAddOnMetadata reads these fields (and X-* fields) only; others give nil.
READABLE_METADATA = frozenset({"title", "notes", "author", "version"})


def install(client: HeadlessClient) -> dict[str, Callable[..., Any]]:
    catalog = client.addons

    def entry_of(key: Any, usage: str) -> AddonEntry | None:
        if isinstance(key, int | float) and not isinstance(key, bool):
            count = len(catalog.entries)
            if not 1 <= key <= count:
                raise WowApiError(f"AddOn index must be in the range of 1 to {count}")
            return catalog.entries[as_int(key) - 1]
        if not isinstance(key, bytes):
            raise WowApiError(f"Usage: {usage}")
        return catalog.find(lua_text(key))

    def localized(entry: AddonEntry, field: str) -> str | None:
        value = entry.toc.directive(f"{field}-{client.settings.locale}") or \
            entry.toc.directive(field)
        return value or None

    def GetNumAddOns() -> int:
        return len(catalog.entries)

    def GetAddOnInfo(key: Any = None) -> tuple[Any, ...]:
        entry = entry_of(key, "GetAddOnInfo(index or \"name\")")
        if entry is None:
            return (lua_text(key), None, None, None, None, "MISSING", None)
        reason = entry.reason
        if reason is None and not entry.enabled:
            reason = "DISABLED"
        if reason is None and not entry.loaded and catalog.is_demand_loaded(entry):
            reason = "DEMAND_LOADED"
        loadable = 1 if entry.loaded or reason in (None, "DEMAND_LOADED") else None
        security = "SECURE" if entry.secure else "INSECURE"
        return (entry.name, localized(entry, "Title") or entry.name, localized(entry, "Notes"),
                1 if entry.enabled else None, loadable, reason, security)

    def IsAddOnLoaded(key: Any = None) -> int | None:
        entry = entry_of(key, "IsAddOnLoaded(index or \"name\")")
        return 1 if entry is not None and entry.loaded else None

    def IsAddOnLoadOnDemand(key: Any = None) -> int | None:
        entry = entry_of(key, "IsAddOnLoadOnDemand(index or \"name\")")
        return 1 if entry is not None and catalog.is_demand_loaded(entry) else None

    def LoadAddOn(key: Any = None) -> Any:
        from wowapi_stubs._loader import load_on_demand

        entry = entry_of(key, "LoadAddOn(index or \"name\")")
        if entry is None:
            return None, "MISSING"
        loaded, reason = load_on_demand(client, entry.name)
        return 1 if loaded else (None, reason)

    def set_enabled(key: Any, enabled: bool, usage: str) -> None:
        entry = entry_of(key, usage)
        if entry is None:
            return
        entry.enabled = enabled
        for other in catalog.entries:  # dependency verdicts are computed again
            if not other.loaded:
                other.reason = other.detail = None

    def EnableAddOn(key: Any = None, character: Any = None) -> None:
        set_enabled(key, True, "EnableAddOn(index or \"name\")")

    def DisableAddOn(key: Any = None, character: Any = None) -> None:
        set_enabled(key, False, "DisableAddOn(index or \"name\")")

    def EnableAllAddOns(character: Any = None) -> None:
        for entry in catalog.entries:
            set_enabled(entry.name.encode(), True, "EnableAllAddOns()")

    def DisableAllAddOns(character: Any = None) -> None:
        for entry in catalog.entries:
            set_enabled(entry.name.encode(), False, "DisableAllAddOns()")

    def ResetDisabledAddOns() -> None:
        for entry in catalog.entries:
            entry.enabled = entry.toc.default_enabled

    def GetAddOnDependencies(key: Any = None) -> tuple[str, ...] | None:
        entry = entry_of(key, "GetAddOnDependencies(index or \"name\")")
        return tuple(entry.toc.required_deps) if entry is not None else None

    def GetAddOnMetadata(key: Any = None, field: Any = None) -> str | None:
        if field is None:
            raise WowApiError('Usage: GetAddOnMetadata(index or "name", "variable")')
        entry = entry_of(key, 'GetAddOnMetadata(index or "name", "variable")')
        name = lua_text(field)
        if entry is None or not (name.lower() in READABLE_METADATA
                                 or name[:2].lower() == "x-"):
            return None
        return entry.toc.directive(name) or None

    def GetBuildInfo() -> tuple[Any, ...]:
        return BUILD_INFO

    def IsLoggedIn() -> int | None:
        return 1 if client.logged_in else None

    def UpdateAddOnMemoryUsage() -> None:
        pass

    def GetAddOnMemoryUsage(key: Any = None) -> float:
        """Kilobytes the addon's allocations use; the headless client does not attribute
        memory to addons, so it answers 0 for every installed addon."""
        entry_of(key, 'GetAddOnMemoryUsage(index or "name")')
        return 0.0

    def UpdateAddOnCPUUsage() -> None:
        pass

    def GetAddOnCPUUsage(key: Any = None) -> float:
        """CPU profiling is off by default in the client (``scriptProfile`` 0): 0."""
        entry_of(key, 'GetAddOnCPUUsage(index or "name")')
        return 0.0

    return {
        "GetNumAddOns": GetNumAddOns, "GetAddOnInfo": GetAddOnInfo,
        "IsAddOnLoaded": IsAddOnLoaded, "IsAddOnLoadOnDemand": IsAddOnLoadOnDemand,
        "LoadAddOn": LoadAddOn, "EnableAddOn": EnableAddOn, "DisableAddOn": DisableAddOn,
        "EnableAllAddOns": EnableAllAddOns, "DisableAllAddOns": DisableAllAddOns,
        "ResetDisabledAddOns": ResetDisabledAddOns,
        "GetAddOnDependencies": GetAddOnDependencies, "GetAddOnMetadata": GetAddOnMetadata,
        "GetBuildInfo": GetBuildInfo, "IsLoggedIn": IsLoggedIn,
        "UpdateAddOnMemoryUsage": UpdateAddOnMemoryUsage,
        "GetAddOnMemoryUsage": GetAddOnMemoryUsage,
        "UpdateAddOnCPUUsage": UpdateAddOnCPUUsage, "GetAddOnCPUUsage": GetAddOnCPUUsage,
    }
