"""Loading an addon at login: the ``.toc`` files in order, SavedVariables, login events.

Each Lua file runs as a chunk named ``@<Addon>\\<file>`` receiving ``...`` = (addon name,
private table shared by the addon's files). A file that fails to compile or raises stops
only itself, as in the client. XML files are reported as not supported yet.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from wowapi_stubs.report import FileLoad, LoadReport
from wowapi_stubs.toc import TocEntry, TocFile, parse_toc

if TYPE_CHECKING:
    from wowapi_stubs.client import HeadlessClient

LOGIN_EVENTS = ("VARIABLES_LOADED", "PLAYER_LOGIN", "PLAYER_ENTERING_WORLD")
EVENTS = ("ADDON_LOADED", *LOGIN_EVENTS)


def load_addon(client: HeadlessClient, folder_or_toc: Path,
               saved_variables: dict[str, Any]) -> LoadReport:
    """Load one addon into ``client`` and return its load report."""
    toc = parse_toc(folder_or_toc)
    report = LoadReport(toc.addon_name, toc.toc_path, dict(toc.metadata))
    client._report = report
    try:
        _check_interface(client, toc, report)
        private = client.runtime.table({})
        for entry in toc.entries:
            report.files.append(_run_file(client, toc, entry, private))
        client.loaded_addons[toc.addon_name] = toc
        for name in toc.saved_variables():
            if name in saved_variables:
                client.runtime.setglobal(name, saved_variables[name])
        client.fire_internal("ADDON_LOADED", toc.addon_name)
        if not client.logged_in:
            client.logged_in = True
            for event in LOGIN_EVENTS:
                client.fire_internal(event)
        client._settle()
    finally:
        client._report = None
    report.apis_touched = client.runtime.touched_apis()
    return report


def _check_interface(client: HeadlessClient, toc: TocFile, report: LoadReport) -> None:
    expected = client.settings.check_interface_version
    if toc.interface != expected:
        written = toc.metadata.get("Interface", "(missing)")
        message = (f"{toc.toc_path.name}: ## Interface is {written}, the 3.3.5a client expects "
                   f"{expected} (the addon would be listed as out of date)")
        report.warnings.append(message)
        client.add_finding("interface-version", message, location=str(toc.toc_path))


def _run_file(client: HeadlessClient, toc: TocFile, entry: TocEntry, private: Any) -> FileLoad:
    written = entry.written
    if entry.path is None:
        return _failed(client, entry, f"{_toc_position(toc, entry)}: file {written!r} listed "
                       "here does not exist in the addon folder")
    suffix = entry.path.suffix.lower()
    if suffix == ".xml":
        return _failed(client, entry, f"{_toc_position(toc, entry)}: {written}: XML files are "
                       "not supported by the headless client yet")
    if suffix != ".lua":
        return _failed(client, entry, f"{_toc_position(toc, entry)}: {written}: unsupported "
                       f"file type {suffix or '(none)'}")
    chunkname = "@" + toc.addon_name + "\\" + written.replace("/", "\\")
    code = entry.path.read_bytes()
    if client.settings.reuse_compiled_files:
        fn, error = client.runtime.compile_file(code, chunkname)
    else:
        fn, error = client.runtime.compile(code, chunkname)
    if fn is None:
        return _failed(client, entry, error or f"{written}: cannot compile")
    before = len(client.errors)
    ok, _ = client.runtime.safecall(f"loading {toc.addon_name}\\{written}", fn,
                                    toc.addon_name, private)
    error_text = None if ok else (client.errors[-1].message if len(client.errors) > before
                                  else "error while loading")
    return FileLoad(written, entry.line, entry.path, ok, error_text)


def _toc_position(toc: TocFile, entry: TocEntry) -> str:
    return f"{toc.addon_name}\\{toc.toc_path.name}:{entry.line}"


def _failed(client: HeadlessClient, entry: TocEntry, message: str) -> FileLoad:
    client._record_error(message, "", "loading addon")
    return FileLoad(entry.written, entry.line, entry.path, False, message)
