"""Streaming a chat log: bytes in, parsed lines out (BOM, CRLF/LF, invalid UTF-8)."""

from __future__ import annotations

import functools
import re
from types import ModuleType

from mgm_addon_contract.grammar._parsers import tag_parser
from mgm_addon_contract.grammar.model import ParsedLine, Violation
from mgm_addon_contract.grammar.tags import excerpt, parse_log_line
from mgm_addon_contract.safe_text import printable

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


_NUL_RUN = re.compile(b"\x00+")
STAMP_BYTES = 20  # the longest "M/D HH:MM:SS.mmm" plus its two spaces


@functools.cache
def _line_start() -> re.Pattern[bytes]:
    """The grammar's STAMP and SEP terminals: how every chat-log line begins."""
    parser = tag_parser()
    stamp = parser.get_terminal("STAMP").pattern.to_regexp()
    separator = parser.get_terminal("SEP").pattern.to_regexp()
    return re.compile(f"(?:{stamp})(?:{separator})".encode())


def starts_a_line(head: bytes) -> bool | None:
    """Whether ``head`` begins a chat-log line (timestamp and two spaces, per the grammar);
    None while too few bytes are there to tell."""
    if _line_start().match(head):
        return True
    if len(head) >= STAMP_BYTES or b"\n" in head or head.lstrip(b"0123456789/ :."):
        return False
    return None


DEFAULT_MAX_LINE = 256 << 10
"""Longest line (bytes) read whole; a longer one is reported as LINE-TOO-LONG and parsed from
its first ``max_line_bytes`` bytes (the rest is counted, never held). The client's own lines
are far shorter: a chat message is at most 255 characters."""


TOO_LONG_PARSED = 4096  # bytes of an over-long line's prefix that are parsed for the report


class LogScanner:
    """Feed chunks of a ``WoWChatLog.txt``; get one :class:`ParsedLine` per complete line.

    Lines without ``[MGM`` skip the parser. Invalid UTF-8 becomes a ``LINE-UTF8`` violation
    naming the byte offset in the stream, a line longer than ``max_line_bytes`` a
    ``LINE-TOO-LONG`` violation; nothing is dropped silently. Time is linear in the bytes fed
    and memory bounded by ``max_line_bytes`` plus one chunk, whatever the line lengths.
    """

    def __init__(self, source: str = "<stream>", *, start_offset: int = 0,
                 start_line: int = 0, max_line_bytes: int = DEFAULT_MAX_LINE) -> None:
        self.source = source
        self.max_line_bytes = max(max_line_bytes, 64)
        self._buffer = bytearray()
        self._offset = start_offset  # stream offset of the first byte in _buffer
        self._line = start_line
        self._started = start_offset > 0
        self._scanned = 0  # bytes at the start of _buffer known to hold no line break
        self._dropped = 0  # bytes of the current over-long line read past its kept prefix
        self.lines_seen = 0

    @property
    def consumed_offset(self) -> int:
        """Offset just past the last complete line handed out (a partial line is carried)."""
        return self._offset

    @property
    def carried_bytes(self) -> int:
        """Bytes of an incomplete last line read so far (held: at most ``max_line_bytes``)."""
        return len(self._buffer) + self._dropped

    @property
    def line_number(self) -> int:
        """Number of the last complete line handed out."""
        return self._line

    def continue_at_start(self, line: int = 0) -> None:
        """The file was truncated and its writer goes on with the carried line at offset 0:
        keep the carried bytes; offsets count from the new start (the carried part gets
        negative offsets) and lines from ``line``."""
        self._offset = -(len(self._buffer) + self._dropped)
        self._line = line
        self._started = True

    @property
    def carried(self) -> bytes:
        """The kept bytes of the incomplete last line."""
        return bytes(self._buffer)

    def carried_text(self, limit: int = 200) -> str:
        """The start of the incomplete last line (for reports when it has to be dropped)."""
        return bytes(self._buffer[:limit]).decode("utf-8", "replace")

    def feed(self, chunk: bytes, *, plain_lines: bool = True) -> list[ParsedLine]:
        """Parse every complete line in ``chunk`` plus what was carried over.

        With ``plain_lines=False`` only lines that hold ``[MGM``, break UTF-8 or are too long
        are returned (every line is still counted and checked); validation of large logs and
        the tail consumer use this.
        """
        out: list[ParsedLine] = []
        if self._dropped:
            newline = chunk.find(b"\n")
            if newline < 0:
                self._dropped += len(chunk)
                return out
            self._dropped += newline
            out.append(self._finish_too_long())
            chunk = chunk[newline + 1:]
        self._buffer += chunk
        if not self._started:
            if len(self._buffer) < len(BOM) and BOM.startswith(bytes(self._buffer)):
                return out
            self._started = True
            if self._buffer.startswith(BOM):
                del self._buffer[: len(BOM)]
                self._offset += len(BOM)
        buffer = self._buffer
        end = buffer.rfind(b"\n", self._scanned) + 1
        if not end:
            self._scanned = len(buffer)
            self._hold_prefix()
            return out
        too_long = self._long_lines(end)
        if plain_lines:
            out += self._every_line(end, too_long)
        else:
            found, newlines = self._interesting_lines(end, too_long)
            for number, start, stop in found:
                if start in too_long:
                    out.append(self._too_long(buffer[start:start + self.max_line_bytes],
                                              self._offset + start, number,
                                              stop - start - self.max_line_bytes))
                    continue
                out += [parsed for parsed in self._lines_of(buffer[start:stop],
                                                             self._offset + start, number)
                        if parsed.tag or parsed.violations or parsed.spoofed
                        or parsed.info_line]
            self._line += newlines
            self.lines_seen += newlines
        del buffer[:end]
        self._offset += end
        self._scanned = len(buffer)
        self._hold_prefix()
        return out

    def _hold_prefix(self) -> None:
        """An incomplete line past the limit: keep its prefix, count the rest."""
        extra = len(self._buffer) - self.max_line_bytes
        if extra > 0:
            del self._buffer[self.max_line_bytes:]
            self._dropped += extra
            self._scanned = len(self._buffer)

    def _finish_too_long(self) -> ParsedLine:
        """The over-long carried line got its line break (``_dropped`` counts to it)."""
        kept = bytes(self._buffer)
        self._line += 1
        self.lines_seen += 1
        parsed = self._too_long(kept, self._offset, self._line, self._dropped)
        self._offset += len(kept) + self._dropped + 1
        self._buffer.clear()
        self._scanned = 0
        self._dropped = 0
        return parsed

    def _long_lines(self, end: int) -> set[int]:
        """Start offsets of complete lines (before ``end``) longer than the limit; one search
        per ``max_line_bytes`` of text, so short lines cost nothing here."""
        buffer, limit = self._buffer, self.max_line_bytes
        found: set[int] = set()
        position = 0
        while end - position > limit:
            newline = buffer.rfind(b"\n", position, position + limit + 1)
            if newline >= 0:
                position = newline + 1
                continue
            found.add(position)
            position = buffer.find(b"\n", position + limit, end) + 1
        return found

    def _every_line(self, end: int, too_long: set[int]) -> list[ParsedLine]:
        out = []
        buffer, start = self._buffer, 0
        while start < end:
            stop = buffer.find(b"\n", start, end)
            self._line += 1
            self.lines_seen += 1
            if start in too_long:
                out.append(self._too_long(buffer[start:start + self.max_line_bytes],
                                          self._offset + start, self._line,
                                          stop - start - self.max_line_bytes))
            else:
                out += self._lines_of(buffer[start:stop], self._offset + start, self._line)
            start = stop + 1
        return out

    def _interesting_lines(self, end: int, too_long: set[int]
                           ) -> tuple[list[tuple[int, int, int]], int]:
        """(line number, start, end) of the complete lines that hold ``[MGM``, break UTF-8 or
        are too long, found with whole-buffer searches (no Python loop over plain lines), and
        the number of complete lines before ``end``."""
        buffer = self._buffer
        starts = set(self._utf8_breaks(end)) | too_long
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
        if self._dropped:
            kept = bytes(self._buffer)
            self._line += 1
            self.lines_seen += 1
            parsed = self._too_long(kept, self._offset, self._line, self._dropped)
            self._offset += len(kept) + self._dropped
            self._buffer.clear()
            self._scanned = self._dropped = 0
            return [parsed]
        if not self._buffer:
            return []
        raw = bytes(self._buffer)
        self._buffer.clear()
        self._scanned = 0
        self._line += 1
        self.lines_seen += 1
        lines = self._lines_of(raw, self._offset, self._line)
        self._offset += len(raw)
        return lines

    def _too_long(self, kept: bytes | bytearray, offset: int, number: int,
                  rest: int) -> ParsedLine:
        """LINE-TOO-LONG for a line of ``len(kept) + rest`` bytes, parsed from ``kept``."""
        text = bytes(kept[:TOO_LONG_PARSED]).decode("utf-8", "replace")
        prefix = parse_log_line(text, line=number, source=self.source, byte_offset=offset)
        tag = prefix.message[:prefix.message.find("]") + 1] if prefix.message.startswith(
            "[MGM") else ""
        starts = f"; it starts with {printable(tag, 40)}" if tag else ""
        violation = Violation(
            "LINE-TOO-LONG", f"line is {len(kept) + rest:,} bytes, over the limit of "
            f"{self.max_line_bytes:,}; only its first {len(kept):,} bytes were read{starts}",
            number, 1, (), excerpt(text, 1), self.source)
        return ParsedLine(number, self.source, prefix.timestamp, prefix.message, None,
                          (violation,), prefix.spoofed, offset)

    def _lines_of(self, raw: bytes | bytearray, offset: int, number: int) -> list[ParsedLine]:
        """One complete line: itself, or, when runs of NUL bytes sit in it, the text around
        them as lines of their own and each run reported (``LINE-NUL``).

        The client never writes a NUL. A writer that stopped abruptly (a crash, a power cut)
        can leave the file longer than what it wrote, the gap read as zeros, and the client
        started again appends its next line right after them: that line is read whole
        (same line number, its own byte offset), as the Desktop's search anywhere in the
        line would find its tag."""
        if b"\x00" not in raw:
            return [self._parse(raw, offset, number)]
        lines: list[ParsedLine] = []
        position = 0
        for run in _NUL_RUN.finditer(raw):
            if run.start() > position:
                lines.append(self._parse(raw[position:run.start()], offset + position, number))
            lines.append(self._nul_run(raw, run.start(), run.end(), offset, number))
            position = run.end()
        if position < len(raw) and raw[position:] != b"\r":
            lines.append(self._parse(raw[position:], offset + position, number))
        return lines

    def _nul_run(self, raw: bytes | bytearray, start: int, stop: int, offset: int,
                 number: int) -> ParsedLine:
        """``LINE-NUL`` for ``raw[start:stop]``, a run of NUL bytes."""
        column = len(bytes(raw[:start]).decode("utf-8", "replace")) + 1
        violation = Violation(
            "LINE-NUL", f"{stop - start:,} NUL bytes at byte offset {offset + start} of the "
            "file (what a writer that stopped abruptly leaves; the client never writes them):"
            " skipped, the text after them read as a line of its own",
            number, column, (), "", self.source)
        return ParsedLine(number, self.source, None, "", None, (violation,), (), offset + start)

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
            number, column, ("UTF-8 text",), excerpt(text, column), self.source)
        return ParsedLine(number, self.source, None, text, None, (violation,), (), offset)
