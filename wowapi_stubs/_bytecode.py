"""Lua 5.1 bytecode of the client's own Lua files, without local and upvalue names.

Every client loads the same trusted chunks (``_lua/*.lua``) into a fresh state; loading
creates one Lua string per local-variable and upvalue name, which is about a third of the
load time. Those names only serve error messages about our own locals, so they are dropped.
Source names and line numbers stay: tracebacks through client code keep ``file:line``.
Addon code is never touched (its names appear in the errors an addon engineer reads).

The format is Lua 5.1's ``string.dump`` output (``ldump.c``): a 12-byte header, then the
main function with its constants, nested functions and debug sections.
"""

from __future__ import annotations

import struct

_HEADER_SIZE = 12


class _Reader:
    def __init__(self, data: bytes, int_size: int, size_t: int) -> None:
        self.data, self.pos = data, _HEADER_SIZE
        self._int = struct.Struct("<i" if int_size == 4 else "<q")
        self._size = struct.Struct("<Q" if size_t == 8 else "<I")

    def take(self, count: int) -> bytes:
        chunk = self.data[self.pos:self.pos + count]
        self.pos += count
        return chunk

    def integer(self) -> int:
        value = self._int.unpack_from(self.data, self.pos)[0]
        self.pos += self._int.size
        return value

    def string(self) -> bytes:
        """The raw bytes of one dumped string (length prefix included)."""
        start = self.pos
        length = self._size.unpack_from(self.data, self.pos)[0]
        self.pos += self._size.size + length
        return self.data[start:self.pos]


def strip_local_names(bytecode: bytes) -> bytes:
    """``bytecode`` without local-variable and upvalue names (line info kept).

    Returns the input unchanged when its header is not the layout this reader knows
    (Lua 5.1, little-endian, 4-byte instructions, 8-byte numbers).
    """
    header = bytecode[:_HEADER_SIZE]
    if len(header) < _HEADER_SIZE or header[:5] != b"\x1bLua\x51" or header[6] != 1:
        return bytecode
    int_size, size_t, instruction, number = header[7], header[8], header[9], header[10]
    if int_size not in (4, 8) or size_t not in (4, 8) or instruction != 4 or number != 8:
        return bytecode
    reader = _Reader(bytecode, int_size, size_t)
    out = bytearray(header)
    _function(reader, out, int_size)
    if reader.pos != len(bytecode):
        return bytecode
    return bytes(out)


def _function(reader: _Reader, out: bytearray, int_size: int) -> None:
    zero = (0).to_bytes(int_size, "little")
    out += reader.string()  # source
    out += reader.take(2 * int_size + 4)  # lines defined, upvalue/param counts, vararg, stack
    count = reader.integer()
    out += count.to_bytes(int_size, "little") + reader.take(4 * count)  # instructions
    count = reader.integer()
    out += count.to_bytes(int_size, "little")
    for _ in range(count):  # constants: nil, boolean, number or string
        kind = reader.take(1)
        out += kind
        if kind == b"\x01":
            out += reader.take(1)
        elif kind == b"\x03":
            out += reader.take(8)
        elif kind == b"\x04":
            out += reader.string()
    count = reader.integer()
    out += count.to_bytes(int_size, "little")
    for _ in range(count):
        _function(reader, out, int_size)
    count = reader.integer()
    out += count.to_bytes(int_size, "little") + reader.take(int_size * count)  # line info
    for _ in range(reader.integer()):  # local names with their pc ranges
        reader.string()
        reader.take(2 * int_size)
    for _ in range(reader.integer()):  # upvalue names
        reader.string()
    out += zero + zero
