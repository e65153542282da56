"""The shape of a registry read from disk, checked field by field.

A hand-edited, foreign or damaged file is refused up front with the field that is wrong
(``files[0].offset: not an integer``), instead of failing later inside the consumer with a
traceback or, worse, being half-used (a non-finite ``saved_at`` would hide every file
rotated while the consumer was stopped).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any


def integer(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{where}: not an integer ({_show(value)})")
    return value


def count(value: Any, where: str) -> int:
    if integer(value, where) < 0:
        raise ValueError(f"{where}: negative ({value})")
    return value


def number(value: Any, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) \
            or not math.isfinite(value):
        raise ValueError(f"{where}: not a finite number ({_show(value)})")
    return float(value)


def text(value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise ValueError(f"{where}: not a string ({_show(value)})")
    return value


def array(value: Any, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise ValueError(f"{where}: not a list ({_show(value)})")
    return value


def mapping(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ValueError(f"{where}: not an object ({_show(value)})")
    return value


Check = Callable[[Any, str], Any]


def _list_of(value: Any, where: str, size: int, check: Check) -> tuple[Any, ...]:
    """A list of ``size`` items, each passing ``check``."""
    if len(array(value, where)) != size:
        raise ValueError(f"{where}: not a list of {size} ({_show(value)})")
    return tuple(check(v, f"{where}[{i}]") for i, v in enumerate(value))


def texts(value: Any, where: str, size: int = 2) -> tuple[str, ...]:
    """A list of ``size`` strings (a dedupe key is a pair: tag, id)."""
    return _list_of(value, where, size, text)


def integers(value: Any, where: str, size: int) -> tuple[int, ...]:
    return _list_of(value, where, size, integer)


MARK: dict[str, Check] = {"dev": integer, "ino": integer, "fingerprint": text,
                          "fingerprint_bytes": count, "offset": integer, "line": count,
                          "path": text, "prefix": text}
DEFERRED: dict[str, Check] = {"key": texts, "text": text, "line": count, "offset": count,
                              "source": text, "first_seen": number, "next_at": number,
                              "attempts": count, "reason": text, "waited": number}
OPTIONAL = frozenset({"prefix", "attempts", "reason", "waited"})


def fields(value: Any, checks: dict[str, Check], where: str) -> dict[str, Any]:
    """The object ``value`` with each field checked; unknown or missing fields refused."""
    item = mapping(value, where)
    unknown = sorted(set(item) - set(checks))
    if unknown:
        raise ValueError(f"{where}: unknown field {unknown[0]!r}")
    missing = sorted(set(checks) - set(item) - OPTIONAL)
    if missing:
        raise ValueError(f"{where}: missing field {missing[0]!r}")
    return {name: checks[name](v, f"{where}.{name}") for name, v in item.items()}


def _show(value: Any) -> str:
    shown = repr(value)
    return shown if len(shown) <= 40 else shown[:37] + "..."


# -- lists of the above (the checkpoint and the journal share them) -------------------------
def marks(value: Any, where: str) -> list[dict[str, Any]]:
    return [fields(m, MARK, f"{where}[{i}]") for i, m in enumerate(array(value, where))]


def pairs(value: Any, where: str) -> list[tuple[str, ...]]:
    """Dedupe keys (tag, id) or names (payout id, character name)."""
    return [texts(k, f"{where}[{i}]") for i, k in enumerate(array(value, where))]


def triples(value: Any, where: str) -> list[tuple[int, ...]]:
    """(device, inode, size) of rotated files: retired or accounted for."""
    found = [integers(t, f"{where}[{i}]", 3) for i, t in enumerate(array(value, where))]
    for i, (_, _, size) in enumerate(found):
        count(size, f"{where}[{i}][2]")
    return found


def deferred_tags(value: Any, where: str) -> list[dict[str, Any]]:
    return [fields(d, DEFERRED, f"{where}[{i}]") for i, d in enumerate(array(value, where))]


JOURNAL: dict[str, Check] = {"seq": count, "files": marks, "marks": marks, "done": pairs,
                             "settled": pairs, "deferred": deferred_tags, "names": pairs,
                             "retired": triples, "known": triples}


def journal_record(value: Any, where: str) -> dict[str, Any]:
    """One journal record (what changed in one save), every field checked; field names
    are reported without ``where`` (the caller names the line)."""
    item = mapping(value, where)
    unknown = sorted(set(item) - set(JOURNAL))
    if unknown:
        raise ValueError(f"unknown field {unknown[0]!r}")
    return {name: JOURNAL[name](v, name) for name, v in item.items()}
