"""Lark parsers built once from ``grammars/*.lark`` (the single source of truth)."""

from __future__ import annotations

import functools

from lark import Lark

from mgm_addon_contract._resources import grammars_dir

TAG_STARTS = ["chat_line", "tag", "uuid", "iso_utc", "item_link"]
RUN_STARTS = ["run_line", "gold_payload", "character_name"]

# How a grammar terminal reads in an error message.
TERMINAL_NAMES = {
    "UUID": "a UUID (8-4-4-4-12 hex digits)",
    "STAMP": "a timestamp M/D HH:MM:SS.mmm",
    "SEP": "two spaces",
    "LBRACE": "'{'",
    "RBRACE": "'}'",
    "LSQB": "'['",
    "RSQB": "']'",
    "COMMA": "','",
    "COLON": "':'",
    "STRING": "a JSON string",
    "NUMBER": "a JSON number",
    "$END": "end of the message",
    "LUA_STRING": "a Lua string literal",
    "RUN": "'/run ' or '/script '",
}


@functools.cache
def tag_parser() -> Lark:
    """LALR parser of ``mgm_tags.lark`` with every entry point."""
    text = (grammars_dir() / "mgm_tags.lark").read_text(encoding="utf-8")
    return Lark(text, parser="lalr", start=TAG_STARTS, propagate_positions=True)


@functools.cache
def run_parser() -> Lark:
    """LALR parser of ``run_commands.lark``."""
    path = grammars_dir() / "run_commands.lark"
    return Lark.open(str(path), parser="lalr", start=RUN_STARTS, propagate_positions=True)


@functools.cache
def tag_heads() -> tuple[str, ...]:
    """The literal prefixes of the tags (``[MGM_WHO]``, ``[MGM_ACCEPT:``...), from the grammar."""
    heads = [t.pattern.value for t in tag_parser().terminals
             if t.pattern.type == "str" and t.pattern.value.startswith("[MGM")]
    return tuple(sorted(heads, key=len, reverse=True))


def describe_expected(names: set[str] | frozenset[str]) -> tuple[str, ...]:
    """Readable names for the terminals a parser expected."""
    parser = tag_parser()
    literal = {t.name: repr(t.pattern.value) for t in parser.terminals if t.pattern.type == "str"}
    return tuple(sorted({TERMINAL_NAMES.get(n) or literal.get(n) or n for n in names}))
