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
from dataclasses import dataclass, field

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

    def text(self) -> str | None:
        """One dumped string's content (``None`` for Lua's null string)."""
        length = self._size.unpack_from(self.data, self.pos)[0]
        self.pos += self._size.size
        value = self.data[self.pos:self.pos + length - 1] if length else None
        self.pos += length
        return None if value is None else value.decode("utf-8", "surrogateescape")

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


# Lua 5.1 opcodes (lopcodes.h) the name scan reads.
_OP_MOVE, _OP_GETUPVAL, _OP_GETGLOBAL, _OP_SETGLOBAL, _OP_SELF = 0, 4, 5, 7, 11
_OP_CALL, _OP_TAILCALL, _OP_CLOSURE = 28, 29, 36
_RK_CONSTANT = 256
_NAME_SETS = ("reads", "writes", "functions", "calls", "methods", "strings")


@dataclass
class ChunkNames:
    """Names a compiled chunk refers to (nested functions included).

    ``reads``: globals read; ``writes``: globals assigned; ``functions``: globals assigned a
    function the chunk defines (``function Name() ... end``); ``calls``: globals read and then
    called; ``methods``: names called with ``:``; ``strings``: string constants.
    """

    reads: set[str] = field(default_factory=set)
    writes: set[str] = field(default_factory=set)
    functions: set[str] = field(default_factory=set)
    calls: set[str] = field(default_factory=set)
    methods: set[str] = field(default_factory=set)
    strings: set[str] = field(default_factory=set)

    def update(self, other: ChunkNames) -> None:
        """Add ``other``'s names to these."""
        for name in _NAME_SETS:
            getattr(self, name).update(getattr(other, name))


def scan_names(bytecode: bytes) -> ChunkNames:
    """The global, method and string names of ``bytecode`` (Lua 5.1 ``string.dump`` output);
    empty when its header is not the layout this reader knows."""
    names = ChunkNames()
    header = bytecode[:_HEADER_SIZE]
    if len(header) < _HEADER_SIZE or header[:5] != b"\x1bLua\x51" or header[6] != 1:
        return names
    int_size, size_t = header[7], header[8]
    if int_size not in (4, 8) or size_t not in (4, 8) or header[9] != 4 or header[10] != 8:
        return names
    _scan_function(_Reader(bytecode, int_size, size_t), names, int_size)
    return names


def _scan_function(reader: _Reader, names: ChunkNames, int_size: int) -> None:
    reader.string()  # source
    reader.take(2 * int_size + 4)
    count = reader.integer()
    code = struct.unpack_from(f"<{count}I", reader.data, reader.pos)
    reader.pos += 4 * count
    constants: list[str | None] = []
    for _ in range(reader.integer()):
        kind = reader.take(1)
        value = None
        if kind == b"\x01":
            reader.take(1)
        elif kind == b"\x03":
            reader.take(8)
        elif kind == b"\x04":
            value = reader.text()
            if value is not None:
                names.strings.add(value)
        constants.append(value)
    _scan_code(code, constants, names)
    for _ in range(reader.integer()):
        _scan_function(reader, names, int_size)
    reader.take(int_size * reader.integer())  # line info
    for _ in range(reader.integer()):  # local names
        reader.string()
        reader.take(2 * int_size)
    for _ in range(reader.integer()):  # upvalue names
        reader.string()


def _scan_code(code: tuple[int, ...], constants: list[str | None], names: ChunkNames) -> None:
    """Globals and methods used by one function's instructions. A register loaded by
    GETGLOBAL (or CLOSURE) and then called (or stored by SETGLOBAL) before anything else
    writes it marks the global as called (or as a defined function)."""
    loaded: dict[int, str | bool] = {}  # register -> global name read into it / True: closure
    after_closure = False
    for instruction in code:
        op = instruction & 0x3F
        a = (instruction >> 6) & 0xFF
        if after_closure and op in (_OP_MOVE, _OP_GETUPVAL) and a == 0:
            continue  # a CLOSURE's upvalue pseudo-instructions write no register
        after_closure = op == _OP_CLOSURE
        if op == _OP_GETGLOBAL:
            name = constants[instruction >> 14]
            if name is not None:
                names.reads.add(name)
                loaded[a] = name
            continue
        if op == _OP_SETGLOBAL:
            name = constants[instruction >> 14]
            if name is not None:
                names.writes.add(name)
                if loaded.get(a) is True:
                    names.functions.add(name)
            continue
        if op in (_OP_CALL, _OP_TAILCALL):
            called = loaded.get(a)
            if isinstance(called, str):
                names.calls.add(called)
            for register in [r for r in loaded if r >= a]:  # results land from A upwards
                del loaded[register]
            continue
        if op == _OP_SELF:
            key = (instruction >> 14) & 0x1FF
            if key & _RK_CONSTANT and constants[key - _RK_CONSTANT] is not None:
                names.methods.add(constants[key - _RK_CONSTANT])  # type: ignore[arg-type]
        if op == _OP_CLOSURE:
            loaded[a] = True
        else:
            loaded.pop(a, None)
