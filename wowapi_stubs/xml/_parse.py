"""Reading a UI XML file into a small tree with line numbers (stdlib expat, no validation).

The client's parser accepts namespace prefixes and ignores the schema location; element
and attribute names are kept as written (the client matches them exactly), prefixes are
dropped. A UTF-8 byte order mark is skipped.

:func:`parse_shared` keeps the trees of the files it parsed for later clients of the process
(keyed by the client's path of the file and its exact bytes, least recently used dropped past
``PARSED_CACHE_BYTES`` of source): loading never changes a tree, so every client reading the
same bytes builds the same UI from it.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from xml.parsers import expat

from wowapi_stubs.xml._schema import CANONICAL_TAGS

MAX_DEPTH = 200  # deeper nesting than any UI needs is refused (hostile input)
PARSED_CACHE_BYTES = 16 * 1024 * 1024


@dataclass(eq=False, slots=True)
class Node:
    """One element: its name, attributes, children, text and where it starts. A parsed
    tree is read-only (shared by the clients of a process); its children are a tuple."""

    tag: str
    attrs: dict[str, str]
    line: int
    file: str = ""  # the client's path of the file, for messages
    children: tuple[Node, ...] | list[Node] = ()
    text: str = ""
    text_line: int = 0
    in_template: bool = False  # part of a virtual definition (shared by its instances)

    @property
    def where(self) -> str:
        """``Interface\\AddOns\\Addon\\file.xml:line`` (the file alone for line 0)."""
        return f"{self.file}:{self.line}" if self.line else self.file

    def get(self, name: str, default: str | None = None) -> str | None:
        return self.attrs.get(name, default)

    def child(self, tag: str) -> Node | None:
        return next((c for c in self.children if c.tag == tag), None)

    def mark_template(self) -> None:
        """Mark this element and everything under it as part of a virtual definition."""
        stack = [self]
        while stack:
            node = stack.pop()
            node.in_template = True
            stack.extend(node.children)


class XmlSyntaxError(Exception):
    """The file is not well-formed XML (``line`` is where the parser stopped)."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def _local(name: str) -> str:
    return name.rsplit(":", 1)[-1]


def _tag(name: str) -> str:
    """An element name without prefix, in the schema's spelling (the client ignores case)."""
    local = _local(name)
    return CANONICAL_TAGS.get(local.lower(), local)


def parse_bytes(data: bytes, file: str = "") -> Node:
    """The root element of ``data`` (``file`` names it in messages); raises
    :class:`XmlSyntaxError`."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    parser = expat.ParserCreate()
    stack: list[tuple[Node, list[Node], list[str]]] = []  # element, its children, its text
    root: list[Node] = []

    def start(tag: str, attrs: dict[str, str]) -> None:
        if len(stack) >= MAX_DEPTH:
            raise XmlSyntaxError(f"elements nested deeper than {MAX_DEPTH}",
                                 parser.CurrentLineNumber)
        node = Node(_tag(tag), {_local(k): v for k, v in attrs.items()} if attrs else {},
                    parser.CurrentLineNumber, file)
        (stack[-1][1] if stack else root).append(node)
        stack.append((node, [], []))

    def end(tag: str) -> None:
        node, children, parts = stack.pop()
        if children:
            node.children = tuple(children)
        if parts:
            node.text = "".join(parts)

    def text(data: str) -> None:
        if stack:
            node, _, parts = stack[-1]
            if not parts:
                node.text_line = parser.CurrentLineNumber
            parts.append(data)

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        raise XmlSyntaxError(expat.ErrorString(exc.code), exc.lineno) from None
    if not root:
        raise XmlSyntaxError("no root element", 1)
    return root[0]



_PARSED: OrderedDict[tuple[str, bytes], Node] = OrderedDict()
_parsed_bytes = 0


def parse_shared(data: bytes, file: str = "") -> Node:
    """:func:`parse_bytes` through the process-wide cache of parsed trees (see the module
    docstring); a file that is not well-formed is parsed (and fails) every time."""
    global _parsed_bytes
    key = (file, data)
    root = _PARSED.get(key)
    if root is not None:
        _PARSED.move_to_end(key)
        return root
    root = parse_bytes(data, file)
    if len(data) <= PARSED_CACHE_BYTES:
        _PARSED[key] = root
        _parsed_bytes += len(data)
        while _parsed_bytes > PARSED_CACHE_BYTES:
            (_, dropped), _ = _PARSED.popitem(last=False)
            _parsed_bytes -= len(dropped)
    return root
