"""Streaming a chat log: bytes in, parsed lines out (BOM, CRLF/LF, invalid UTF-8)."""

from __future__ import annotations

import functools
from types import ModuleType

from mgm_addon_contract.grammar.model import ParsedLine, Violation
from mgm_addon_contract.grammar.tags import parse_log_line

BOM = b"\xef\xbb\xbf"
UTF8_PIECE = 1 << 16
NEWLINE = 10
# Spans this large are counted with numpy (imported on first use: ~0.1 s, so small logs and
# short commands never pay for it); below it bytes.count is cheaper.
VECTOR_COUNT_MIN = 1 << 18


@functools.cache
def _numpy() -> ModuleType:
    import numpy

    return numpy


def count_newlines(buffer: bytearray | bytes, start: int, end: int) -> int:
    """Line breaks in ``buffer[start:end]``; numpy's vectorised compare counts large spans
    about 4x faster than ``bytes.count``."""
    if end - start < VECTOR_COUNT_MIN:
        return buffer.count(b"\n", start, end)
    np = _numpy()
    view = np.frombuffer(buffer, np.uint8, end - start, start)
    return int(np.count_nonzero(view == NEWLINE))


class LogScanner:
    """Feed chunks of a ``WoWChatLog.txt``; get one :class:`ParsedLine` per complete line.

    Lines without ``[MGM`` skip the parser. Invalid UTF-8 becomes a ``LINE-UTF8`` violation
    naming the byte offset in the stream; nothing is dropped silently.
    """

    def __init__(self, source: str = "<stream>", *, start_offset: int = 0,
                 start_line: int = 0) -> None:
        self.source = source
        self._buffer = bytearray()
        self._offset = start_offset  # stream offset of the first byte in _buffer
        self._line = start_line
        self._started = start_offset > 0
        self.lines_seen = 0

    @property
    def consumed_offset(self) -> int:
        """Offset just past the last complete line handed out (a partial line is carried)."""
        return self._offset

    def rebase(self, offset: int = 0) -> None:
        """The stream continues at ``offset`` of a new file (truncation): a carried partial
        line is kept, because the writer goes on with the rest of that line."""
        self._offset = offset - len(self._buffer)
        self._started = True

    @property
    def carried_bytes(self) -> int:
        """Bytes of an incomplete last line held until its line break arrives."""
        return len(self._buffer)

    @property
    def line_number(self) -> int:
        """Number of the last complete line handed out."""
        return self._line

    def feed(self, chunk: bytes, *, plain_lines: bool = True) -> list[ParsedLine]:
        """Parse every complete line in ``chunk`` plus what was carried over.

        With ``plain_lines=False`` only lines that hold ``[MGM`` or break UTF-8 are returned
        (every line is still counted and checked); validation of large logs uses this.
        """
        self._buffer += chunk
        if not self._started:
            if len(self._buffer) < len(BOM) and BOM.startswith(bytes(self._buffer)):
                return []
            self._started = True
            if self._buffer.startswith(BOM):
                del self._buffer[: len(BOM)]
                self._offset += len(BOM)
        buffer = self._buffer
        end = buffer.rfind(b"\n") + 1
        if not end:
            return []
        if plain_lines:
            out = self._every_line(end)
        else:
            found, newlines = self._interesting_lines(end)
            parsed = (self._parse(buffer[s:e], self._offset + s, n) for n, s, e in found)
            out = [p for p in parsed if p.tag or p.violations or p.spoofed or p.info_line]
            self._line += newlines
            self.lines_seen += newlines
        del buffer[:end]
        self._offset += end
        return out

    def _every_line(self, end: int) -> list[ParsedLine]:
        out = []
        buffer, start = self._buffer, 0
        while start < end:
            stop = buffer.find(b"\n", start, end)
            self._line += 1
            self.lines_seen += 1
            out.append(self._parse(buffer[start:stop], self._offset + start, self._line))
            start = stop + 1
        return out

    def _interesting_lines(self, end: int) -> tuple[list[tuple[int, int, int]], int]:
        """(line number, start, end) of the complete lines that hold ``[MGM`` or break UTF-8,
        found with whole-buffer searches (no Python loop over plain lines), and the number of
        complete lines before ``end``."""
        buffer = self._buffer
        starts = set(self._utf8_breaks(end))
        position = buffer.find(b"[MGM", 0, end)
        while position != -1:
            line_start = buffer.rfind(b"\n", 0, position) + 1
            starts.add(line_start)
            line_end = buffer.find(b"\n", position, end)
            position = buffer.find(b"[MGM", line_end, end)
        found, number, counted = [], self._line, 0
        for line_start in sorted(starts):
            number += count_newlines(buffer, counted, line_start)
            counted = line_start
            found.append((number + 1, line_start, buffer.find(b"\n", line_start, end)))
        number += count_newlines(buffer, counted, end)
        return found, number - self._line

    def _utf8_breaks(self, end: int) -> list[int]:
        """Start offsets of lines (before ``end``) that are not valid UTF-8.

        Decoded in pieces of about 64 KiB cut at line breaks: the decoded text then stays in
        the CPU cache, which makes the check about twice as fast as one 1 MiB decode.
        """
        buffer = self._buffer
        if buffer.isascii():
            return []
        breaks, position = [], 0
        with memoryview(buffer) as view:
            while position < end:
                stop = min(end, position + UTF8_PIECE)
                if stop < end:
                    cut = buffer.rfind(b"\n", position, stop)
                    stop = cut + 1 if cut >= position else buffer.find(b"\n", stop, end) + 1
                try:
                    str(view[position:stop], "utf-8")
                except UnicodeDecodeError as exc:
                    bad = position + exc.start
                    breaks.append(buffer.rfind(b"\n", 0, bad) + 1)
                    stop = buffer.find(b"\n", bad, end) + 1
                position = stop
        return breaks

    def finish(self) -> list[ParsedLine]:
        """The last line when the stream does not end with a line break."""
        if not self._buffer:
            return []
        raw = bytes(self._buffer)
        self._buffer.clear()
        self._line += 1
        self.lines_seen += 1
        line = self._parse(raw, self._offset, self._line)
        self._offset += len(raw)
        return [line]

    def _parse(self, raw: bytes | bytearray, offset: int, number: int) -> ParsedLine:
        if raw.endswith(b"\r"):
            raw = raw[:-1]
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            return self._bad_utf8(bytes(raw), offset, exc, number)
        if "[MGM" not in text:
            return ParsedLine(number, self.source, None, text, byte_offset=offset)
        return parse_log_line(text, line=number, source=self.source, byte_offset=offset)

    def _bad_utf8(self, raw: bytes, offset: int, exc: UnicodeDecodeError,
                  number: int) -> ParsedLine:
        text = raw.decode("utf-8", "replace")
        column = len(raw[: exc.start].decode("utf-8", "replace")) + 1
        violation = Violation(
            "LINE-UTF8", f"invalid UTF-8 at byte offset {offset + exc.start} of the file",
            number, column, ("UTF-8 text",), f"{text}\n{' ' * (column - 1)}^", self.source)
        return ParsedLine(number, self.source, None, text, None, (violation,), (), offset)
