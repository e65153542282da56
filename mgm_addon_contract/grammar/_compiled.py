"""Regular expressions compiled *from* the Lark grammar, for the fast path.

Nothing here restates a format: each pattern is assembled from the terminal patterns of a
grammar rule, so editing ``grammars/mgm_tags.lark`` changes the fast path with it. Only rules
whose expansions are made of terminals (plus, for tags, one trailing JSON nonterminal) can be
compiled; everything else goes through the Lark parser. Lines the fast path rejects are always
re-parsed by Lark, which gives the diagnostics (expected tokens, column).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from lark import Lark
from lark.grammar import NonTerminal, Rule, Terminal


class NotCompilable(ValueError):
    """The rule needs the parser (recursion, or a nonterminal in the middle)."""


@dataclass(frozen=True)
class CompiledForm:
    """One expansion of a rule: terminals as named groups, then maybe a JSON nonterminal."""

    rule: str
    pattern: re.Pattern[str]
    groups: dict[str, str]  # group name -> terminal name
    tail: str | None  # trailing nonterminal ("object", "array") matched by the JSON check


def _rules_by_origin(parser: Lark) -> dict[str, list[Rule]]:
    rules: dict[str, list[Rule]] = {}
    for rule in parser.rules:
        rules.setdefault(rule.origin.name, []).append(rule)
    return rules


def _terminal_regex(parser: Lark, name: str) -> str:
    terminal = next(t for t in parser.terminals if t.name == name)
    return terminal.pattern.to_regexp()


def rule_regex(parser: Lark, rule: str, _seen: frozenset[str] = frozenset()) -> str:
    """A regex accepting exactly the strings of ``rule`` (terminals only, no recursion)."""
    if rule in _seen:
        raise NotCompilable(f"{rule} is recursive")
    alternatives = []
    for expansion in _rules_by_origin(parser)[rule]:
        parts = []
        for symbol in expansion.expansion:
            if isinstance(symbol, Terminal):
                parts.append(f"(?:{_terminal_regex(parser, symbol.name)})")
            else:
                parts.append(f"(?:{rule_regex(parser, symbol.name, _seen | {rule})})")
        alternatives.append("".join(parts))
    return "|".join(f"(?:{a})" for a in alternatives)


def compile_forms(parser: Lark, rule: str, tails: tuple[str, ...] = ()) -> list[CompiledForm]:
    """Every expansion of ``rule`` as a :class:`CompiledForm`; a nonterminal in ``tails`` may
    end an expansion (its text is checked by :func:`json_value`)."""
    forms = []
    for expansion in _rules_by_origin(parser)[rule]:
        symbols = list(expansion.expansion)
        tail = None
        if symbols and isinstance(symbols[-1], NonTerminal) and symbols[-1].name in tails:
            tail = symbols.pop().name
        parts, groups = [], {}
        for index, symbol in enumerate(symbols):
            if not isinstance(symbol, Terminal):
                raise NotCompilable(f"{rule} uses {symbol.name} before its end")
            group = f"t{index}"
            groups[group] = symbol.name
            parts.append(f"(?P<{group}>{_terminal_regex(parser, symbol.name)})")
        pattern = "".join(parts) + ("(?P<tail>.*)" if tail else "")
        forms.append(CompiledForm(rule, re.compile(pattern, re.DOTALL), groups, tail))
    return forms


_OPENERS = {"object": ("{", "}", dict), "array": ("[", "]", list)}


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def json_value(text: str, rule: str) -> tuple[bool, Any]:
    """(True, value) when ``text`` is one JSON ``rule`` ("object" or "array") as the grammar's
    JSON rules define it: RFC 8259 on one line, spaces or tabs only between tokens, nothing
    before or after. (False, None) means "ask the parser" (it may still accept or explain)."""
    opener, closer, kind = _OPENERS[rule]
    if not text.startswith(opener) or not text.endswith(closer) or "\r" in text \
            or "\n" in text:
        return False, None
    try:
        value = json.loads(text, parse_constant=_no_constants, object_pairs_hook=mark_duplicates)
    except ValueError:
        return False, None
    return isinstance(value, kind), value


class DuplicateKeys(dict):
    """A decoded JSON object in which some key appeared more than once (the last value wins,
    as in ``json.loads``); ``duplicates`` names them."""

    duplicates: tuple[str, ...] = ()


def mark_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    duplicates = []
    for key, value in pairs:
        if key in seen:
            duplicates.append(key)
        seen[key] = value
    if duplicates:
        marked = DuplicateKeys(seen)
        marked.duplicates = tuple(duplicates)
        return marked
    return seen
