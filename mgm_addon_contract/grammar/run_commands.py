"""``/run`` lines the Desktop types (SPEC §8, §9, §12): parse, check, render.

Every line must stay under 255 characters (SPEC §8); ``ReceiveGold`` payloads hold whole
``UUID:CharacterName:GoldCopper`` entries (SPEC §9).
"""

from __future__ import annotations

from lark import Token, Tree
from lark.exceptions import UnexpectedInput

from mgm_addon_contract.grammar._parsers import describe_expected, run_parser
from mgm_addon_contract.grammar.checks import is_character_name, matches
from mgm_addon_contract.grammar.model import GoldEntry, RunCommand, Violation
from mgm_addon_contract.grammar.tags import excerpt

MAX_LINE = 254  # "< 255 characters" per typed line (SPEC §8)
FUNCTIONS = {
    "notify_winner": "NotifyWinnerWhisper", "receive_gold": "ReceiveGold",
    "run_who": "MGM_RunWhoForSpin", "gift_items": "MGM_RequestGiftItems",
    "gift_confirmation": "MGM_RequestGiftConfirmation",
    "add_message": "DEFAULT_CHAT_FRAME:AddMessage",
}
_DIGITS = "0123456789"
_LUA_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v",
                "\\": "\\", '"': '"', "'": "'", "\n": "\n"}


def decode_lua_string(literal: str) -> str:
    """The value of a Lua 5.1 string literal (quotes included in ``literal``)."""
    body, out, i = literal[1:-1], [], 0
    while i < len(body):
        ch = body[i]
        if ch != "\\":
            out.append(ch)
            i += 1
            continue
        nxt = body[i + 1]
        if nxt in _DIGITS:
            digits = nxt
            while len(digits) < 3 and i + 1 + len(digits) < len(body) and \
                    body[i + 1 + len(digits)] in _DIGITS:
                digits += body[i + 1 + len(digits)]
            out.append(chr(int(digits)))
            i += 1 + len(digits)
        else:
            out.append(_LUA_ESCAPES[nxt])
            i += 2
    return "".join(out)


def encode_lua_string(value: str) -> str:
    """A double-quoted Lua string literal for ``value``."""
    out = []
    for ch in value:
        if ch in ('"', "\\"):
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ord(ch) < 32 or ord(ch) == 127:
            out.append(f"\\{ord(ch):03d}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def render_run_line(function: str, *args: str) -> str:
    """``/run Function("a","b")``; raises ValueError when the line would reach 255."""
    if function not in FUNCTIONS.values():
        raise ValueError(f"unknown addon command {function!r}")
    line = f"/run {function}({','.join(encode_lua_string(a) for a in args)})"
    if len(line) > MAX_LINE:
        raise ValueError(f"/run line is {len(line)} characters; the limit is {MAX_LINE}")
    return line


def parse_run_line(text: str, *, line: int = 1, source: str = "<string>") -> RunCommand | Violation:
    """Parse and check one typed ``/run`` line."""
    if len(text) > MAX_LINE:
        return Violation("RUN-LENGTH", f"line is {len(text)} characters; typed lines must stay "
                         f"under 255 (SPEC §8)", line, MAX_LINE + 1, (), excerpt(text, 255),
                         source)
    try:
        tree = run_parser().parse(text, start="run_line")
    except UnexpectedInput as exc:
        column = getattr(exc, "column", 1) or len(text) + 1
        expected = getattr(exc, "expected", None) or getattr(exc, "allowed", None) or set()
        return Violation("RUN-SYNTAX", "not a /run line the Desktop sends", line, column,
                         describe_expected(set(expected)), excerpt(text, column), source)
    call = tree.children[1].children[0]
    function = FUNCTIONS[str(call.data)]
    strings = [t for t in call.children if isinstance(t, Token) and t.type == "LUA_STRING"]
    args = tuple(decode_lua_string(str(t)) for t in strings)
    problem = _check_args(str(call.data), args)
    if problem:
        index, message = problem
        column = strings[index].column
        return Violation("RUN-ARGUMENT", message, line, column, (), excerpt(text, column), source)
    entries: tuple[GoldEntry, ...] = ()
    if function == "ReceiveGold":
        parsed = parse_gold_payload(args[0])
        if isinstance(parsed, str):
            column = strings[0].column
            return Violation("RUN-GOLD-PAYLOAD", parsed, line, column, (), excerpt(text, column),
                             source)
        entries = parsed
    return RunCommand(function, args, text, entries)


def parse_run_call(text: str) -> tuple[str, tuple[str, ...]] | None:
    """Function and decoded arguments of a ``/run`` line, without checking the arguments
    (the contract model needs to see bad payloads as the addon would)."""
    try:
        tree = run_parser().parse(text, start="run_line")
    except UnexpectedInput:
        return None
    call = tree.children[1].children[0]
    strings = [t for t in call.children if isinstance(t, Token) and t.type == "LUA_STRING"]
    return FUNCTIONS[str(call.data)], tuple(decode_lua_string(str(t)) for t in strings)


def parse_gold_payload(payload: str) -> tuple[GoldEntry, ...] | str:
    """SPEC §9 entries, or a message saying what is wrong."""
    try:
        tree = run_parser().parse(payload, start="gold_payload")
    except UnexpectedInput as exc:
        return f"ReceiveGold payload is malformed at character {getattr(exc, 'column', '?')}"
    entries = []
    for entry in tree.children:
        if isinstance(entry, Tree):
            uuid, name, copper = (str(t) for t in entry.children)
            if not is_character_name(name):
                return f"{name!r} is not a character name (SPEC §4)"
            entries.append(GoldEntry(uuid, name, int(copper)))
    return tuple(entries)


def _check_args(rule: str, args: tuple[str, ...]) -> tuple[int, str] | None:
    if rule in ("notify_winner", "run_who", "gift_items", "gift_confirmation") \
            and not matches("uuid", args[0]):
        return 0, "the first argument must be a UUID"
    if rule in ("notify_winner", "run_who", "gift_confirmation") \
            and not is_character_name(args[1]):
        return 1, "the second argument must be a character name (SPEC §4)"
    return None
