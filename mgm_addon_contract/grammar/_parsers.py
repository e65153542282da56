"""Lark parsers built once from ``grammars/*.lark`` (the single source of truth)."""

from __future__ import annotations

import functools
import re

from lark import Lark

from mgm_addon_contract._resources import grammars_dir
from mgm_addon_contract.grammar._compiled import CompiledForm, compile_forms, rule_regex

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
    return Lark(text, parser="lalr", start=TAG_STARTS, cache=True)


@functools.cache
def run_parser() -> Lark:
    """LALR parser of ``run_commands.lark``."""
    path = grammars_dir() / "run_commands.lark"
    return Lark.open(str(path), parser="lalr", start=RUN_STARTS, propagate_positions=True)


TAG_RULES = ("who_tag", "accept_tag", "confirm_tag", "items_tag", "gift_accept_tag",
             "update_check_tag")
JSON_RULES = ("object", "array")


@functools.cache
def compiled_tag_forms() -> tuple[CompiledForm, ...]:
    """The tag rules compiled to regexes (fast path), JSON payloads left as a tail."""
    parser = tag_parser()
    return tuple(form for rule in TAG_RULES for form in compile_forms(parser, rule, JSON_RULES))


@functools.cache
def compiled_chat_line() -> tuple[CompiledForm, ...]:
    """``chat_line`` compiled to regexes (fast path)."""
    return tuple(compile_forms(tag_parser(), "chat_line"))


@functools.cache
def compiled_start(start: str) -> re.Pattern[str]:
    """A terminals-only start rule (``uuid``, ``iso_utc``, ``item_link``) as one regex."""
    return re.compile(rule_regex(tag_parser(), start))


@functools.cache
def tag_forms_by_head() -> dict[str, tuple[CompiledForm, ...]]:
    """The compiled forms that can match a message starting with each tag head (all forms
    for a head whose forms do not start with it as their first literal)."""
    forms = compiled_tag_forms()
    grouped = {}
    for head in tag_heads():
        lead = f"(?P<t0>{re.escape(head)})"
        grouped[head] = tuple(f for f in forms if f.pattern.pattern.startswith(lead)) or forms
    return grouped


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
