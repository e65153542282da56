"""Blizzard's own 3.3.5a UI (FrameXML), loaded from an extracted ``Interface`` folder.

The folder is the user's (extracted from their 3.3.5a client): ``FrameXML/FrameXML.toc``
and, beside it, ``AddOns/Blizzard_*`` (the client's own load-on-demand addons). Nothing of
it is bundled with the headless client. The client loads ``FrameXML.toc`` before any addon,
in the order it lists (chunks named ``Interface\\FrameXML\\<file>``, as in the client's error
messages), and installs the ``Blizzard_*`` addons as the client does: load-on-demand, not
listed by ``GetNumAddOns``, loaded when FrameXML (or an addon) calls ``LoadAddOn``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import gc
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from wowapi_stubs.errors import AddonLoadError
from wowapi_stubs.report import LoadReport
from wowapi_stubs.toc import parse_toc

if TYPE_CHECKING:
    from wowapi_stubs.client import HeadlessClient
    from wowapi_stubs.toc import TocFile

FRAMEXML_CLIENT_DIR = "Interface\\FrameXML"
"""How the client names FrameXML's files (``Interface\\FrameXML\\UIParent.lua:12: ...``)."""


@dataclass(frozen=True)
class InterfaceFolder:
    """An extracted 3.3.5a ``Interface`` folder: FrameXML's ``.toc`` and the client's own
    addons (``AddOns/Blizzard_*``)."""

    root: Path
    framexml_toc: Path
    blizzard_addons: tuple[Path, ...]

    @functools.cached_property
    def addon_names(self) -> frozenset[str]:
        """The client's own addons' names, in lower case."""
        return frozenset(addon.name.lower() for addon in self.blizzard_addons)

    def holds(self, client_path: str) -> bool:
        """Whether the file the client names ``client_path`` (``Interface\\...``) is this
        UI's: FrameXML's or one of the client's own addons' (not a user's addon so named)."""
        if client_path.startswith(FRAMEXML_CLIENT_DIR + "\\"):
            return True
        addon, _, rest = client_path.removeprefix("Interface\\AddOns\\").partition("\\")
        return bool(rest) and client_path.startswith("Interface\\AddOns\\") \
            and addon.lower() in self.addon_names


def locate_interface(path: Path | str) -> InterfaceFolder:
    """The ``Interface`` folder at ``path`` (or the one holding the ``FrameXML`` folder given);
    names are matched ignoring case, as on Windows. Raises :class:`AddonLoadError` saying
    what is missing."""
    given = Path(path)
    if not given.is_dir():
        raise AddonLoadError(f"{given}: no such folder (an extracted 3.3.5a Interface folder "
                             "holding FrameXML/FrameXML.toc is expected)")
    root = given
    framexml = _child(given, "FrameXML")
    if framexml is None and given.name.lower() == "framexml":
        root, framexml = given.parent, given
    toc = _child(framexml, "FrameXML.toc") if framexml is not None else None
    if toc is None or not toc.is_file():
        raise AddonLoadError(
            f"{given}: not an extracted 3.3.5a Interface folder (no FrameXML/FrameXML.toc; "
            "see docs/headless-client.md, 'Extracting the Interface folder')")
    addons_dir = _child(root, "AddOns")
    blizzard: list[Path] = []
    if addons_dir is not None and addons_dir.is_dir():
        for entry in sorted(os.scandir(addons_dir), key=lambda e: e.name.lower()):
            if entry.is_dir() and entry.name.lower().startswith("blizzard_"):
                blizzard.append(Path(entry.path))
    return InterfaceFolder(root, toc, tuple(blizzard))


def _child(folder: Path | None, name: str) -> Path | None:
    """``folder/name`` matched ignoring case (None when absent)."""
    if folder is None:
        return None
    exact = folder / name
    if exact.exists():
        return exact
    wanted = name.lower()
    try:
        return next((folder / n for n in os.listdir(folder) if n.lower() == wanted), None)
    except OSError:
        return None


def framexml_toc(folder: InterfaceFolder) -> TocFile:
    """FrameXML's ``.toc``, its files named as the client names them."""
    return dataclasses.replace(parse_toc(folder.framexml_toc), client_dir=FRAMEXML_CLIENT_DIR)


def load_framexml(client: HeadlessClient, folder: InterfaceFolder) -> LoadReport:
    """Load FrameXML into a fresh client (before any addon) and install the client's own
    addons; the report lists FrameXML's files and every Lua error they raised."""
    from wowapi_stubs import _loader

    toc = framexml_toc(folder)
    client.runtime.fn.set_blizzard_ui(" ".join(folder.addon_names).encode())
    for addon in folder.blizzard_addons:
        try:
            client.addons.add_secure(parse_toc(addon))
        except AddonLoadError as exc:
            client.add_finding("framexml-addon", f"{addon}: {exc}", location=str(addon))
    with _cyclic_gc_paused():
        return _loader.load_interface_files(client, toc)


@contextlib.contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Python's cycle collector off while FrameXML loads: the load makes some 300,000
    Python objects that all stay alive with the client, and the collector would walk the
    whole heap several times meanwhile (a fifth of the load) to free nothing. Objects
    still freed by reference counting are. At the end the new objects are settled in the
    oldest generation: otherwise a full collection would soon come for them, during the
    login, inside a Lua entry whose CPU deadline it would eat."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
            _settle()


COLLECT_EVERY_CLOSES = 3
"""A full collection after this many FrameXML clients were closed (see :func:`client_closed`)."""
_closed_since_collection = 0


def client_closed() -> None:
    """A FrameXML client was closed. Its 300,000 objects were settled in the collector's
    oldest generation at load (:func:`_settle`), where only a full collection frees them,
    and those come rarely in a process that keeps making clients: unreleased, a fuzzing
    run grew by some 50 MB a client until its worker hit its memory cap. One full
    collection every :data:`COLLECT_EVERY_CLOSES` closes bounds what closed clients hold."""
    global _closed_since_collection
    _closed_since_collection += 1
    if _closed_since_collection >= COLLECT_EVERY_CLOSES:
        _closed_since_collection = 0
        gc.collect()


def _settle() -> None:
    """Move every object the collector tracks into its oldest generation without walking
    them (freeze, then unfreeze); when something else froze objects (a fork server's
    parent), one full collection instead, leaving its frozen objects alone."""
    if gc.get_freeze_count():
        gc.collect()
        return
    gc.freeze()
    gc.unfreeze()
