"""The client's own Lua chunks that define globals, each run the first time one of its
globals is read: the C functions the headless client writes in Lua (served under both UIs,
e.g. ``SecureCmdOptionParse``) and the built-in UI's helpers (:mod:`wowapi_stubs.ui`)."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from wowapi_stubs._bytecode import scan_names
from wowapi_stubs.runtime import trusted_bytecode

if TYPE_CHECKING:
    from wowapi_stubs.client import HeadlessClient

C_FUNCTION_CHUNKS = ("c_functions.lua", "lualib_extra.lua")
"""Chunks of C functions: the real client has them whichever UI it runs."""

UI_CHUNKS = ("ui_dropdown.lua", "ui_panels.lua", "ui_misc.lua", "ui_units.lua", "ui_chat.lua",
             "ui_frames.lua", "ui_bags.lua", "ui_secure.lua", "ui_actions.lua",
             "ui_groupheaders.lua", "ui_paperdoll.lua", "ui_windows.lua")
"""Chunks of the built-in UI (FrameXML's functions as the headless client writes them), each
run the first time one of its globals is read."""


@functools.cache
def chunk_index(chunks: tuple[str, ...]) -> dict[str, str]:
    """Global name -> the chunk defining it (the globals each chunk's code assigns)."""
    index: dict[str, str] = {}
    for chunk in chunks:
        for name in scan_names(trusted_bytecode(chunk)).writes:
            index.setdefault(name, chunk)
    return index


@functools.cache
def c_function_names() -> bytes:
    """The globals of :data:`C_FUNCTION_CHUNKS`, space-separated (``rawget(_G, name)`` makes
    them, as reading them does)."""
    return " ".join(sorted(chunk_index(C_FUNCTION_CHUNKS))).encode()


def chunk_global(client: HeadlessClient, chunks: tuple[str, ...], name: str) -> Any:
    """The value of global ``name`` when one of ``chunks`` defines it (the chunk runs now if
    it has not run in this client: :func:`run_keeping_globals`), else ``None``."""
    chunk = chunk_index(chunks).get(name)
    if chunk is None:
        return None
    if chunk not in client.loaded_chunks:
        client.loaded_chunks.add(chunk)  # first: the chunk may read globals it defines
        try:
            run_keeping_globals(client, chunk)
        except BaseException:
            client.loaded_chunks.discard(chunk)  # not run: the next read tries again
            raise
    return client.runtime.fn.rawglobal(name.encode())


def run_keeping_globals(client: HeadlessClient, chunk: str) -> None:
    """Run the client chunk ``chunk`` (given the host's private table) now; a global it
    defines that code already set keeps that code's value (as if the chunk had run at
    start, before that code)."""
    fn = client.runtime.fn
    defined = {key: value for key in chunk_index((chunk,))
               if (value := fn.rawglobal(key.encode())) is not None}
    client.runtime.run_trusted(chunk, client.runtime.P)
    for key, value in defined.items():
        fn.setglobal(key.encode(), value)
