"""Streaming a chat log: bytes in, parsed lines out (BOM, CRLF/LF, invalid UTF-8)."""

from __future__ import annotations

from mgm_addon_contract.grammar.model import ParsedLine, Violation
from mgm_addon_contract.grammar.tags import parse_log_line

BOM = b"\xef\xbb\xbf"


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
        out: list[ParsedLine] = []
        start = 0
        buffer = self._buffer
        while (end := buffer.find(b"\n", start)) != -1:
            raw = bytes(buffer[start:end])
            if plain_lines or b"[MGM" in raw or not raw.isascii():
                parsed = self._parse(raw, self._offset + start)
                if plain_lines or parsed.tag or parsed.violations or parsed.spoofed \
                        or parsed.info_line:
                    out.append(parsed)
            else:
                self._line += 1
                self.lines_seen += 1
            start = end + 1
        del buffer[:start]
        self._offset += start
        return out

    def finish(self) -> list[ParsedLine]:
        """The last line when the stream does not end with a line break."""
        if not self._buffer:
            return []
        raw = bytes(self._buffer)
        self._buffer.clear()
        line = self._parse(raw, self._offset)
        self._offset += len(raw)
        return [line]

    def _parse(self, raw: bytes, offset: int) -> ParsedLine:
        self._line += 1
        self.lines_seen += 1
        if raw.endswith(b"\r"):
            raw = raw[:-1]
        if b"[MGM" not in raw:
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                return self._bad_utf8(raw, offset, exc)
            return ParsedLine(self._line, self.source, None, text, byte_offset=offset)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            return self._bad_utf8(raw, offset, exc)
        return parse_log_line(text, line=self._line, source=self.source, byte_offset=offset)

    def _bad_utf8(self, raw: bytes, offset: int, exc: UnicodeDecodeError) -> ParsedLine:
        text = raw.decode("utf-8", "replace")
        column = len(raw[: exc.start].decode("utf-8", "replace")) + 1
        violation = Violation(
            "LINE-UTF8", f"invalid UTF-8 at byte offset {offset + exc.start} of the file",
            self._line, column, ("UTF-8 text",), f"{text}\n{' ' * (column - 1)}^", self.source)
        return ParsedLine(self._line, self.source, None, text, None, (violation,), (), offset)
