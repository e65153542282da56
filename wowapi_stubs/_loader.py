"""Loading addons the way the 3.3.5a client does at login and on demand.

At login the client loads every enabled addon that is not load-on-demand, dependencies
first (see :mod:`wowapi_stubs._catalog`). For each addon: its ``.toc`` files in order (Lua
files, and XML files through :mod:`wowapi_stubs.xml`), then its SavedVariables, then
``ADDON_LOADED``. After all of them the character enters the world, once
(:meth:`~wowapi_stubs.client.HeadlessClient.enter_world`: ``VARIABLES_LOADED``, the chat
settings, ``PLAYER_LOGIN``, ``PLAYER_ENTERING_WORLD``). ``LoadAddOn`` later loads a
load-on-demand addon the same way and fires its ``ADDON_LOADED`` then.

Each Lua file runs as a chunk named ``@Interface\\AddOns\\<Addon>\\<file>`` (the client's
paths in error messages and ``debugstack``), receiving ``...`` = (addon name, private table
shared by the addon's files). A UTF-8 byte order mark is skipped, as the client does. A file
that fails to compile or raises stops only itself.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wowapi_stubs import _filecache
from wowapi_stubs._catalog import AddonEntry, discover
from wowapi_stubs._paths import AddonPathError
from wowapi_stubs.report import FileLoad, LoadReport
from wowapi_stubs.toc import TocEntry, TocFile

if TYPE_CHECKING:
    from wowapi_stubs.client import HeadlessClient

ADDONS_PATH = "Interface\\AddOns\\"
# Events the loader fires (see wowapi_stubs.coverage).
EVENTS = ("ADDON_LOADED", "VARIABLES_LOADED", "PLAYER_LOGIN", "PLAYER_ENTERING_WORLD")
BOM = b"\xef\xbb\xbf"


def chunk_name(toc: TocFile, relative: str) -> str:
    """``@Interface\\AddOns\\<addon>\\<relative>``: how the client names an addon file
    (``@Interface\\FrameXML\\<relative>`` for FrameXML's)."""
    return "@" + toc.client_folder + "\\" + relative.replace("/", "\\")


def addon_of_source(source: str) -> str | None:
    """The addon a chunk name or ``file:line`` text points into (None if none); Lua keeps
    only the last part of a long chunk name (``...ace\\AddOns\\Addon\\file.lua``)."""
    start = source.find("AddOns\\")
    if start < 0:
        return None
    rest = source[start + len("AddOns\\"):]
    end = rest.find("\\")
    return rest[:end] if end > 0 else None


def load_addons(client: HeadlessClient, paths: list[Path],
                saved_variables: dict[str, Any]) -> list[LoadReport]:
    """Install the addons under ``paths`` and load them in the client's order; logs in
    after the first load. One report per addon found (not loaded ones say why)."""
    tocs, warnings = discover(paths)
    entries = [client.addons.add(toc) for toc in tocs]
    client.saved_variables.update(saved_variables)
    return log_in(client, entries, warnings)


def log_in(client: HeadlessClient, entries: list[AddonEntry],
           warnings: list[str]) -> list[LoadReport]:
    """Load the installed addons in the client's login order (with the client's saved
    variables), then enter the world; one report for each of ``entries`` (not loaded ones
    say why) and for each addon loaded."""
    reports: dict[str, LoadReport] = {}
    client.loading_reports = reports
    try:
        for entry in client.addons.login_order():
            reports[entry.name] = _load_entry(client, entry, warnings)
            client.load_reports.append(reports[entry.name])
        for entry in entries:
            if entry.name not in reports:
                reports[entry.name] = _not_loaded(client, entry, warnings)
        client.enter_world()
    finally:
        client.loading_reports = None
        client.current_report = None
    for report in reports.values():
        report.apis_touched = client.runtime.touched_apis()
    return list(reports.values())


def load_on_demand(client: HeadlessClient, name: str) -> tuple[bool, str | None]:
    """``LoadAddOn(name)``: ``(True, None)`` when loaded (or already), else the reason."""
    entry = client.addons.find(name)
    if entry is None:
        return False, "MISSING"
    if entry.loaded:
        return True, None
    if not entry.enabled:
        return False, "DISABLED"
    if entry.reason not in (None, "DISABLED"):
        return False, entry.reason
    order: list[AddonEntry] = []
    if not client.addons.plan(entry, order, []):
        return False, entry.reason
    outer = client.current_report
    with client.runtime.addon_load_budget() as file_deadline:
        for item in order:
            report = _load_entry(client, item, [], file_deadline)
            client.load_reports.append(report)
    client.current_report = outer
    return True, None


def _load_entry(client: HeadlessClient, entry: AddonEntry, warnings: list[str],
                own_deadline: Callable[[], None] = lambda: None) -> LoadReport:
    """Load one addon: its files in order, its saved variables, ``ADDON_LOADED``
    (``own_deadline`` starts the CPU deadline of each file and of the event, when a script
    loads the addon on demand)."""
    toc = entry.toc
    report = LoadReport(toc.addon_name, toc.toc_path, dict(toc.metadata))
    outer = client.current_report
    client.current_report = report
    try:
        _folder_warnings(client, toc, report, warnings)
        _check_interface(client, toc, report)
        entry.loaded = True
        entry.reason = entry.detail = None
        private = client.runtime.table({})
        for file_entry in toc.entries:
            own_deadline()
            report.files.append(_run_file(client, toc, file_entry, private))
        client.loaded_addons[toc.addon_name] = toc
        for name in toc.saved_variables():
            if name in client.saved_variables:
                client.runtime.setglobal(name, client.saved_variables[name])
        own_deadline()
        client.fire_internal("ADDON_LOADED", toc.addon_name)
        client._settle()
        for other in client.addons.entries:
            if not other.loaded and toc.addon_name.lower() in (
                    n.lower() for n in other.toc.load_with):
                load_on_demand(client, other.name)
    finally:
        client.current_report = outer
    return report


def load_interface_files(client: HeadlessClient, toc: TocFile) -> LoadReport:
    """Run the files of a ``.toc`` that is the client's own UI rather than an addon
    (FrameXML): in order, one report, no SavedVariables and no ``ADDON_LOADED``."""
    report = LoadReport(toc.addon_name, toc.toc_path, dict(toc.metadata))
    outer = client.current_report
    client.current_report = report
    try:
        private = client.runtime.table({})
        for file_entry in toc.entries:
            report.files.append(_run_file(client, toc, file_entry, private))
    finally:
        client.current_report = outer
    return report


def _not_loaded(client: HeadlessClient, entry: AddonEntry, warnings: list[str]) -> LoadReport:
    toc = entry.toc
    report = LoadReport(toc.addon_name, toc.toc_path, dict(toc.metadata), loaded=False)
    _folder_warnings(client, toc, report, warnings)
    if not entry.enabled:
        report.not_loaded = ("disabled: ## DefaultState: disabled" if not
                             toc.default_enabled else "disabled: DisableAddOn()")
    elif entry.reason is None and client.addons.is_demand_loaded(entry):
        report.not_loaded = "load on demand: loaded when LoadAddOn() asks for it"
    else:
        report.not_loaded = f"{entry.reason}: {entry.detail}"
        client.add_finding("addon-not-loaded", f"{toc.addon_name} was not loaded: "
                           f"{entry.detail} ({entry.reason})", location=str(toc.toc_path),
                           addon=toc.addon_name, reason=entry.reason)
    return report


def _folder_warnings(client: HeadlessClient, toc: TocFile, report: LoadReport,
                     warnings: list[str]) -> None:
    prefix = str(toc.folder)
    for message in warnings:
        if message.startswith(prefix + ":"):
            report.warnings.append(message)
            client.add_finding("addon-folder-name", message, location=str(toc.toc_path),
                               addon=toc.addon_name)


def _check_interface(client: HeadlessClient, toc: TocFile, report: LoadReport) -> None:
    expected = client.settings.check_interface_version
    if toc.interface != expected:
        written = toc.directive("Interface") or "(missing)"
        message = (f"{toc.toc_path.name}: ## Interface is {written}, the 3.3.5a client expects "
                   f"{expected} (the addon would be listed as out of date)")
        report.warnings.append(message)
        client.add_finding("interface-version", message, location=str(toc.toc_path))


def _run_file(client: HeadlessClient, toc: TocFile, entry: TocEntry, private: Any) -> FileLoad:
    written = entry.written
    where = _toc_position(toc, entry)
    if entry.path is None:
        what = entry.problem or "does not exist in the addon folder"
        return _failed(client, entry, f"{where}: {written!r} listed here {what}")
    suffix = entry.path.suffix.lower()
    if suffix == ".xml":
        from wowapi_stubs.xml import load_xml_file

        ok, error = load_xml_file(client, toc, entry.path, private)
        return FileLoad(written, entry.line, entry.path, ok, error)
    if suffix != ".lua":
        return _failed(client, entry, f"{where}: {written}: the client loads only .lua and "
                       f".xml files (this one is {suffix or 'without an extension'})")
    ok, error = run_lua_file(client, toc, entry.path, written, private, where=where)
    return FileLoad(written, entry.line, entry.path, ok, error)


def run_lua_file(client: HeadlessClient, toc: TocFile, path: Path, relative: str,
                 private: Any, *, where: str | None = None) -> tuple[bool, str | None]:
    """Compile and run one addon Lua file (``relative``: its path in the addon folder as
    the ``.toc`` or XML wrote it; ``where``: the ``.toc`` or XML position naming it, for
    errors). The file is read through :mod:`wowapi_stubs._paths` (regular, size-capped)."""
    chunkname = chunk_name(toc, relative)
    try:
        code = _filecache.read(path, relative, client.settings.max_file_bytes)
    except AddonPathError as exc:
        message = f"{where or chunkname[1:]}: {exc}"
        client._record_error(message, "", "loading addon")
        return False, message
    if code.startswith(BOM):
        code = code[len(BOM):]
    if client.settings.reuse_compiled_files:
        fn, error = client.runtime.compile_file(code, chunkname)
    else:
        fn, error = client.runtime.compile(code, chunkname)
    if fn is None:
        message = error or f"{relative}: cannot compile"
        client._record_error(message, "", "loading addon")
        return False, message
    before = len(client.errors)
    ok, _ = client.runtime.safecall(f"loading {toc.addon_name}\\{relative}", fn,
                                    toc.addon_name, private)
    if ok:
        return True, None
    return False, (client.errors[-1].message if len(client.errors) > before
                   else "error while loading")


def _toc_position(toc: TocFile, entry: TocEntry) -> str:
    return f"{toc.addon_name}\\{toc.toc_path.name}:{entry.line}"


def _failed(client: HeadlessClient, entry: TocEntry, message: str) -> FileLoad:
    client._record_error(message, "", "loading addon")
    return FileLoad(entry.written, entry.line, entry.path, False, message)
