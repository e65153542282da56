"""Trusted client chunks lose local and upvalue names but keep behaviour, sources and lines."""

from __future__ import annotations

import lupa.lua51 as lua51
import pytest

from wowapi_stubs._bytecode import strip_local_names
from wowapi_stubs.runtime import trusted_bytecode

SOURCE = b"""
local counter = 0
local function bump(step)
  local before = counter
  counter = before + step
  return counter
end
return function(step)
  if step == 'fail' then
    local missing
    return missing.field
  end
  return bump(step), bump(step), 1.5, true, "text"
end
"""


def _dump(source: bytes, name: bytes = b"=sample") -> tuple[lua51.LuaRuntime, bytes]:
    runtime = lua51.LuaRuntime(encoding=None, unpack_returned_tuples=True)
    return runtime, runtime.execute(b"return string.dump(assert(loadstring(...)))", source, name)


def test_stripped_chunk_behaves_the_same_and_keeps_its_lines() -> None:
    runtime, full = _dump(SOURCE)
    stripped = strip_local_names(full)
    assert len(stripped) < len(full)
    load = runtime.eval("function(code) return assert(loadstring(code))() end")
    original, lean = load(full), load(stripped)
    assert original(2) == lean(2) == (2, 4, 1.5, True, b"text")
    with pytest.raises(lua51.LuaError) as plain:
        original(b"fail")
    with pytest.raises(lua51.LuaError) as lean_error:
        lean(b"fail")
    assert "sample:11: attempt to index local 'missing'" in str(plain.value)
    assert "sample:11: attempt to index" in str(lean_error.value)  # same place, no name


def test_unknown_layouts_are_left_alone() -> None:
    assert strip_local_names(b"\x1bLuaR\x00\x01\x04\x08\x04\x08\x00") == \
        b"\x1bLuaR\x00\x01\x04\x08\x04\x08\x00"
    _, full = _dump(b"return 1")
    assert strip_local_names(full + b"trailing") == full + b"trailing"


@pytest.mark.parametrize("name", ["bootstrap.lua", "lualib.lua", "framexml.lua"])
def test_client_chunks_load_stripped_with_their_source_name(name: str) -> None:
    bytecode = trusted_bytecode(name)
    runtime = lua51.LuaRuntime(encoding=None)
    info = runtime.eval("function(code) local f = assert(loadstring(code))"
                        " return debug.getinfo(f, 'S').source end")(bytecode)
    assert info == b"=headless-" + name.removesuffix(".lua").encode()
