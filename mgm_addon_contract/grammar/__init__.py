"""The MGM tag grammar (``grammars/*.lark``) as a Python API: the one definition of every tag
and ``/run`` line format (SPEC §8-§10, §12)."""

from mgm_addon_contract.grammar.checks import is_character_name
from mgm_addon_contract.grammar.model import (
    GoldEntry,
    ParsedLine,
    RunCommand,
    SpoofedTag,
    Tag,
    TagKind,
    Violation,
)
from mgm_addon_contract.grammar.run_commands import (
    parse_gold_payload,
    parse_run_call,
    parse_run_line,
    render_run_line,
)
from mgm_addon_contract.grammar.scanner import LogScanner
from mgm_addon_contract.grammar.tags import parse_log_line, parse_message, render_tag

__all__ = [
    "GoldEntry",
    "LogScanner",
    "ParsedLine",
    "RunCommand",
    "SpoofedTag",
    "Tag",
    "TagKind",
    "Violation",
    "is_character_name",
    "parse_gold_payload",
    "parse_log_line",
    "parse_message",
    "parse_run_call",
    "parse_run_line",
    "render_run_line",
    "render_tag",
]
