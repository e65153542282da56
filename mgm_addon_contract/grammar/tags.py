"""Parsing chat-log lines and the tags at the start of their message (SPEC §8-§10, §12).

A tag counts only when it starts the message text: the addon prints tags with
``AddMessage``, which the client logs without a prefix, while every player's chat line carries
one (``[Name] whispers: ...``). Tag text anywhere else in a line is a spoofed tag.
"""

from __future__ import annotations

import json

from lark import Token, Tree
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

from mgm_addon_contract.grammar._compiled import DuplicateKeys, json_value, mark_duplicates
from mgm_addon_contract.grammar._parsers import (
    compiled_chat_line,
    compiled_tag_forms,
    describe_expected,
    tag_forms_by_head,
    tag_heads,
    tag_parser,
)
from mgm_addon_contract.grammar.checks import check_items, check_who
from mgm_addon_contract.grammar.model import ParsedLine, SpoofedTag, Tag, TagKind, Violation
from mgm_addon_contract.safe_text import printable, window

TAG_MARK = "[MGM"
INFO_PREFIX = "[MGM] "  # the addon's own info lines: allowed, not a tag
_RULE_KINDS = {
    "who_tag": TagKind.WHO, "accept_tag": TagKind.ACCEPT, "confirm_tag": TagKind.CONFIRM,
    "items_tag": TagKind.ITEMS, "gift_accept_tag": TagKind.GIFT_ACCEPT,
    "update_check_tag": TagKind.UPDATE_CHECK,
}


EXCERPT_WIDTH = 320


def excerpt(text: str, column: int) -> str:
    """The text (a bounded, terminal-safe window of it for long or unprintable lines) and a
    caret under ``column`` (1-based)."""
    shown, caret = window(text, column, EXCERPT_WIDTH)
    return f"{shown}\n{' ' * (caret - 1)}^"


def parse_log_line(text: str, *, line: int = 1, source: str = "<string>",
                   byte_offset: int = 0) -> ParsedLine:
    """Parse one chat-log line (no line terminator): ``M/D HH:MM:SS.mmm  message``.

    Lines without ``[MGM`` skip the parser: tag None, no violations, timestamp None.
    """
    if TAG_MARK not in text:
        return ParsedLine(line, source, None, text, byte_offset=byte_offset)
    split = _split_chat_line(text)
    if isinstance(split, Violation):
        split = Violation(split.rule_id, split.message, line, split.column, split.expected,
                          split.excerpt, source)
        return ParsedLine(line, source, None, text, None, (split,), (), byte_offset)
    stamp, message = split
    parsed = parse_message(message, line=line, source=source,
                           column_offset=len(text) - len(message), line_text=text)
    return ParsedLine(line, source, stamp, message, parsed.tag, parsed.violations,
                      parsed.spoofed, byte_offset, parsed.info_line)


def _split_chat_line(text: str) -> tuple[str, str] | Violation:
    """(timestamp, message) of a chat-log line, or a LINE-TIMESTAMP violation."""
    for form in compiled_chat_line():
        match = form.pattern.fullmatch(text)
        if match:
            parts = {form.groups[g]: v for g, v in match.groupdict().items() if g in form.groups}
            return parts["STAMP"], parts.get("MESSAGE") or ""
    try:
        tree = tag_parser().parse(text, start="chat_line")
    except UnexpectedInput as exc:
        column = getattr(exc, "column", 1) or 1
        if isinstance(exc, UnexpectedEOF) or (
                isinstance(exc, UnexpectedToken) and exc.token.type == "$END"):
            column = len(text) + 1
        return Violation(
            "LINE-TIMESTAMP", "not a chat-log line (M/D HH:MM:SS.mmm, two spaces, text)",
            1, column, describe_expected(_expected(exc)), excerpt(text, column))
    tokens = [c for c in tree.children if isinstance(c, Token)]
    message = next((str(t) for t in tokens if t.type == "MESSAGE"), "")
    return str(tokens[0]), message


def parse_message(message: str, *, line: int = 1, source: str = "<string>",
                  column_offset: int = 0, line_text: str | None = None) -> ParsedLine:
    """Parse the message text of a line (what ``AddMessage`` printed)."""
    shown = line_text if line_text is not None else message
    spoofed = tuple(_find_spoofed(message, line, source, column_offset))
    if not message.startswith(TAG_MARK):
        return ParsedLine(line, source, None, message, None, (), spoofed)
    if message.startswith(INFO_PREFIX) or message == INFO_PREFIX.strip():
        return ParsedLine(line, source, None, message, None, (), spoofed, info_line=True)
    head = next((h for h in tag_heads() if message.startswith(h)), None)
    if head is None:
        violation = Violation(
            "TAG-UNKNOWN", "text starts like an MGM tag but is no known tag", line,
            column_offset + 1, tuple(sorted(h.rstrip(":") for h in tag_heads())),
            excerpt(shown, column_offset + 1), source)
        return ParsedLine(line, source, None, message, None, (violation,), spoofed)
    built = _fast_tag(message, head)
    if built is None:
        try:
            tree = tag_parser().parse(message, start="tag")
        except UnexpectedInput as exc:
            column = column_offset + (getattr(exc, "column", 1) or 1)
            if isinstance(exc, UnexpectedEOF) or (
                    isinstance(exc, UnexpectedToken) and exc.token.type == "$END"):
                column = column_offset + len(message) + 1
            violation = Violation(
                "TAG-SYNTAX", _syntax_message(exc), line, column,
                describe_expected(_expected(exc)), excerpt(shown, column), source)
            return ParsedLine(line, source, None, message, None, (violation,), spoofed)
        built = _tree_tag(tree.children[0], message)
    tag, problems = built
    violations = tuple(
        Violation(rule, text, line, column_offset + col, (), excerpt(shown, column_offset + col),
                  source)
        for rule, text, col in problems
    )
    return ParsedLine(line, source, None, message, tag, violations, spoofed)


def _expected(exc: UnexpectedInput) -> set[str]:
    if isinstance(exc, UnexpectedToken):
        return set(exc.accepts or exc.expected)
    if isinstance(exc, UnexpectedCharacters):
        return set(exc.allowed or ())
    if isinstance(exc, UnexpectedEOF):
        return set(exc.expected)
    return set()


def _syntax_message(exc: UnexpectedInput) -> str:
    if isinstance(exc, UnexpectedEOF):
        return "the tag ends too early"
    if isinstance(exc, UnexpectedToken) and exc.token.type == "$END":
        return "the tag ends too early"
    if isinstance(exc, UnexpectedCharacters):
        return f"unexpected character {exc.char!r}"
    if isinstance(exc, UnexpectedToken):
        return f"unexpected {printable(repr(str(exc.token)), 80)}"
    return "does not match the tag grammar"


Built = tuple[Tag, list[tuple[str, str, int]]]


def _fast_tag(message: str, head: str) -> Built | None:
    """The tag via the regexes compiled from the grammar, or None (then Lark decides)."""
    for form in tag_forms_by_head()[head]:
        match = form.pattern.fullmatch(message)
        if not match:
            continue
        uuid = next((v for g, v in match.groupdict().items() if form.groups.get(g) == "UUID"),
                    None)
        kind = _RULE_KINDS[form.rule]
        if form.tail is None:
            return Tag(kind, uuid, message), []
        json_text = match["tail"]
        ok, payload = json_value(json_text, form.tail)
        if not ok:
            return None
        return _with_payload(kind, uuid, message, len(message) - len(json_text), payload)
    return None


def _tree_tag(tree: Tree, message: str) -> Built:
    """The tag from a Lark tree (used only when the fast path declined)."""
    kind = _RULE_KINDS[str(tree.data)]
    uuid = next((str(c) for c in tree.children if isinstance(c, Token) and c.type == "UUID"),
                None)
    json_node = next((c for c in tree.children if isinstance(c, Tree)), None)
    if json_node is None:
        return Tag(kind, uuid, message), []
    start = next(json_node.scan_values(lambda v: isinstance(v, Token))).start_pos
    payload = json.loads(message[start:], object_pairs_hook=mark_duplicates)
    return _with_payload(kind, uuid, message, start, payload)


def _with_payload(kind: TagKind, uuid: str | None, message: str, start: int,
                  payload: object) -> Built:
    json_text = message[start:]
    problems: list[tuple[str, str, int]] = [
        ("JSON-DUPLICATE-KEY", f"field {key!r} appears more than once",
         start + 1 + _key_position(json_text, key))
        for key in _duplicates(payload)
    ]
    if kind is TagKind.WHO:
        found = check_who(payload)
        spin = payload.get("spinCycleId") if isinstance(payload, dict) else None
        uuid = spin if isinstance(spin, str) else None
    else:
        found = check_items(payload)
    problems += [(rule, text, start + 1 + _where(json_text, where))
                 for rule, text, where in found]
    return Tag(kind, uuid, message, json_text, payload), problems


def _duplicates(value: object) -> list[str]:
    if isinstance(value, DuplicateKeys):
        return list(value.duplicates) + [k for v in value.values() for k in _duplicates(v)]
    if isinstance(value, dict):
        return [k for v in value.values() for k in _duplicates(v)]
    if isinstance(value, list):
        return [k for v in value for k in _duplicates(v)]
    return []


def _key_position(json_text: str, key: str, start: int = 0, end: int | None = None) -> int:
    """0-based offset of the ``"key"`` member name in ``json_text`` (or ``start``)."""
    found = json_text.find(json.dumps(key, ensure_ascii=False), start, end)
    return found if found >= 0 else start


def _where(json_text: str, where: object) -> int:
    """0-based offset in the JSON text for a semantic problem's location."""
    if isinstance(where, str):
        return _key_position(json_text, where)
    if isinstance(where, tuple):
        index, key = where
        spans = _item_spans(json_text)
        if index - 1 < len(spans):
            begin, end = spans[index - 1]
            return begin if key is None else _key_position(json_text, key, begin, end)
    return 0


def _item_spans(json_text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of each element of a JSON array text."""
    decoder = json.JSONDecoder()
    spans, position = [], 1
    while position < len(json_text):
        while position < len(json_text) and json_text[position] in " \t,":
            position += 1
        if position >= len(json_text) or json_text[position] == "]":
            break
        _, end = decoder.raw_decode(json_text, position)
        spans.append((position, end))
        position = end
    return spans


SPOOF_TEXT_MAX = 4096  # a chat message is at most 255 characters; longer text is cut here
SPOOFS_PARSED = 64  # per line; later spoofed tags are listed with their head only


def _find_spoofed(message: str, line: int, source: str, column_offset: int) -> list[SpoofedTag]:
    found: list[SpoofedTag] = []
    position = message.find(TAG_MARK, 1)
    while position > 0:
        rest = message[position:position + SPOOF_TEXT_MAX]
        head = next((h for h in tag_heads() if rest.startswith(h)), None)
        if head is not None:
            if len(found) < SPOOFS_PARSED:
                text, well_formed = _longest_tag(rest)
            else:
                closing = rest.find("]", 0, 64)
                text, well_formed = rest[: closing + 1 if closing > 0 else len(head)], False
            found.append(SpoofedTag(text, column_offset + position + 1, line, source,
                                    well_formed))
        position = message.find(TAG_MARK, position + 1)
    return found


def _longest_tag(rest: str) -> tuple[str, bool]:
    """The tag at the start of ``rest`` (followed by other text), if it parses."""
    for form in compiled_tag_forms():
        match = form.pattern.match(rest)
        if match and form.tail is None:
            return match.group(0), True
    try:
        tag_parser().parse(rest, start="tag")
        return rest, True
    except UnexpectedInput as exc:
        end = getattr(exc, "pos_in_stream", None)
        if end:
            try:
                tag_parser().parse(rest[:end], start="tag")
                return rest[:end], True
            except UnexpectedInput:
                pass
    closing = rest.find("]")
    return (rest[: closing + 1] if closing > 0 else rest[:40]), False


def render_tag(kind: TagKind, id: str | None = None, json_text: str | None = None) -> str:
    """The tag text the addon prints; validated against the grammar (ValueError if not)."""
    if kind is TagKind.UPDATE_CHECK:
        text = "[MGM_UPDATE_CHECK]"
    elif kind is TagKind.WHO:
        text = f"[MGM_WHO]{json_text}"
    elif kind is TagKind.ITEMS:
        text = f"[MGM_ITEMS:{id}]{json_text}"
    else:
        text = f"[{kind.value}:{id}]"
    parsed = parse_message(text)
    if parsed.tag is None or parsed.violations:
        problems = "; ".join(v.message for v in parsed.violations)
        raise ValueError(f"not a valid {kind.value} tag: {text!r} ({problems})")
    return text
