"""The client's addon list: every installed addon, its enabled state and the load order.

The 3.3.5a client lists the folders of ``Interface\\AddOns`` sorted by name ignoring case
(``GetAddOnInfo(i)`` follows that order) and, at login, walks the list loading each enabled
addon that is not load-on-demand: its required dependencies first (recursively), then its
optional dependencies that are installed, then the addon itself. An addon whose required
dependency is missing or disabled is not loaded, with the client's reason
(``DEP_MISSING``, ``DEP_DISABLED``...).
"""

from __future__ import annotations

import os
from collections.abc import Generator
from dataclasses import dataclass, field
from pathlib import Path

from wowapi_stubs import _filecache
from wowapi_stubs.errors import AddonLoadError
from wowapi_stubs.toc import TocFile, kept_toc, parse_toc


@dataclass
class AddonEntry:
    """One installed addon: its parsed ``.toc`` and state in the client's list."""

    toc: TocFile
    enabled: bool
    loaded: bool = False
    reason: str | None = None  # why it is not loaded (client reason code)
    detail: str | None = None  # the same in words
    secure: bool = False  # one of the client's own (Blizzard_*) addons

    @property
    def name(self) -> str:
        return self.toc.addon_name

    @property
    def load_on_demand(self) -> bool:
        return self.toc.load_on_demand


@dataclass
class AddonCatalog:
    """Installed addons by name (case-insensitive), in the client's list order."""

    entries: list[AddonEntry] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    secure: list[AddonEntry] = field(default_factory=list)
    """The client's own addons (``Blizzard_*`` beside FrameXML): load-on-demand, found by
    name, not in the list ``GetNumAddOns``/``GetAddOnInfo(i)`` walk."""

    def find(self, name: str) -> AddonEntry | None:
        wanted = name.lower()
        found = next((e for e in self.entries if e.name.lower() == wanted), None)
        if found is None and self.secure:
            found = next((e for e in self.secure if e.name.lower() == wanted), None)
        return found

    def add_secure(self, toc: TocFile) -> AddonEntry:
        """Install one of the client's own addons (see :attr:`secure`)."""
        existing = self.find(toc.addon_name)
        if existing is not None:
            return existing
        entry = AddonEntry(toc, enabled=True, secure=True)
        self.secure.append(entry)
        return entry

    def by_index_or_name(self, key: int | str) -> AddonEntry | None:
        """``GetAddOnInfo``-style lookup: a 1-based index or a name."""
        if isinstance(key, int):
            return self.entries[key - 1] if 1 <= key <= len(self.entries) else None
        return self.find(key)

    def add(self, toc: TocFile) -> AddonEntry:
        """Install an addon (a second folder of the same name is refused with a warning)."""
        existing = self.find(toc.addon_name)
        if existing is not None:
            if existing.toc.toc_path != toc.toc_path:
                self.warnings.append(
                    f"{toc.toc_path}: an addon named {toc.addon_name} is already installed "
                    f"from {existing.toc.folder}; this one is ignored")
            return existing
        entry = AddonEntry(toc, enabled=toc.default_enabled)
        self.entries.append(entry)
        self.entries.sort(key=lambda e: e.name.lower())
        return entry

    def is_demand_loaded(self, entry: AddonEntry) -> bool:
        """Load-on-demand, or ``LoadManagers`` naming an installed, enabled addon."""
        if entry.load_on_demand:
            return True
        managers = [self.find(m) for m in entry.toc.load_managers]
        return any(m is not None and m.enabled for m in managers)

    def login_order(self) -> list[AddonEntry]:
        """Addons to load at login, dependencies first (entries not loadable get a reason)."""
        order: list[AddonEntry] = []
        visiting: list[AddonEntry] = []
        for entry in self.entries:
            if entry.enabled and not self.is_demand_loaded(entry):
                self.plan(entry, order, visiting)
        return order

    def plan(self, entry: AddonEntry, order: list[AddonEntry],
             visiting: list[AddonEntry]) -> bool:
        """Append ``entry`` after its dependencies to ``order``; False when it cannot load.
        Dependency chains of any length are walked with an explicit stack (each step of
        :meth:`_plan_steps` asks for one dependency's plan)."""
        placed = {id(e) for e in order}
        steps = [self._plan_steps(entry, order, visiting, placed)]
        result: bool | None = None
        while steps:
            try:
                dependency = steps[-1].send(result)
            except StopIteration as done:
                steps.pop()
                result = done.value
                continue
            steps.append(self._plan_steps(dependency, order, visiting, placed))
            result = None
        return bool(result)

    def _plan_steps(self, entry: AddonEntry, order: list[AddonEntry],
                    visiting: list[AddonEntry], placed: set[int]
                    ) -> Generator[AddonEntry, bool | None, bool]:
        """:meth:`plan` of one addon: yields each dependency to plan, is sent its result."""
        if entry.loaded or id(entry) in placed:
            return True
        if entry.reason is not None and entry.reason != "DISABLED":
            return False
        if not entry.enabled:
            entry.reason, entry.detail = "DISABLED", f"{entry.name} is disabled"
            return False
        if entry in visiting:
            cycle = " -> ".join(e.name for e in [*visiting[visiting.index(entry):], entry])
            self.warnings.append(f"{entry.toc.toc_path.name}: dependency cycle {cycle}; "
                                 "loaded without waiting for the cycle")
            return True
        visiting.append(entry)
        try:
            for dep_name in entry.toc.required_deps:
                dep = self.find(dep_name)
                if dep is None:
                    return self._refuse(entry, "DEP_MISSING",
                                        f"requires {dep_name}, which is not installed")
                if not dep.enabled:
                    return self._refuse(entry, "DEP_DISABLED",
                                        f"requires {dep.name}, which is disabled")
                if not (yield dep):
                    return self._refuse(entry, "DEP_" + (dep.reason or "MISSING").removeprefix(
                        "DEP_"), f"requires {dep.name}, which cannot load ({dep.detail})")
            for dep_name in entry.toc.optional_deps:
                dep = self.find(dep_name)
                if dep is not None and dep.enabled and not self.is_demand_loaded(dep):
                    yield dep
        finally:
            visiting.pop()
        if id(entry) not in placed:
            placed.add(id(entry))
            order.append(entry)
        return True

    def _refuse(self, entry: AddonEntry, reason: str, detail: str) -> bool:
        entry.reason, entry.detail = reason, f"{entry.name} {detail}"
        return False


def discover(paths: list[Path]) -> tuple[list[TocFile], list[str]]:
    """The addons under ``paths``: each is an addon folder (or its ``.toc``) or a folder of
    addon folders (an ``Interface\\AddOns``: as the client, it passes over a folder without
    a ``.toc``). Returns the parsed ``.toc`` files and warnings (folder names the client
    would not accept)."""
    tocs: list[TocFile] = []
    warnings: list[str] = []
    for path in paths:
        known = kept_toc(path)  # an addon folder loaded before and unchanged
        if known is not None or _is_addon(path):
            tocs.append(known or parse_toc(path))
            continue
        try:
            children = sorted(os.scandir(path), key=lambda e: e.name.lower())
        except OSError:
            raise AddonLoadError(f"{path}: no such addon folder or .toc file") from None
        found = False
        for child in children:
            if child.is_dir() and _is_addon(Path(child.path)):
                tocs.append(parse_toc(Path(child.path)))
                found = True
        if not found:
            raise AddonLoadError(f"{path}: neither an addon folder (no .toc) nor a folder "
                                 "of addon folders")
    for toc in tocs:
        if toc.folder_mismatch:
            warnings.append(
                f"{toc.folder}: the folder holds {toc.toc_path.name}, not "
                f"{toc.folder.name}.toc; loaded as {toc.addon_name}, but the 3.3.5a client "
                f"would only load it from a folder named {toc.addon_name}")
    return tocs, warnings


def _is_addon(path: Path) -> bool:
    if path.is_file():
        return path.suffix.lower() == ".toc"
    try:
        return any(n.lower().endswith(".toc") for n in _filecache.names(path))
    except OSError:
        return False
