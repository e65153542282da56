"""HTTP transcripts: JSON lines ``{"method", "path", "body", "headers", "status"}`` with the
API key masked; ``diff`` aligns two of them and compares the aligned requests (parity)."""

from __future__ import annotations

import difflib
import fnmatch
import json
from pathlib import Path
from typing import Any

from mgm_addon_contract.safe_text import printable
from mgm_addon_contract.secrets import redact

FIELDS = ("method", "path", "body", "status")


def dump_transcript(entries: list[dict[str, Any]], path: Path) -> None:
    path.write_text("".join(redact(json.dumps(e, ensure_ascii=False)) + "\n" for e in entries),
                    encoding="utf-8")


MAX_ENTRY_BYTES = 1 << 20
DEFAULT_IGNORED = ("GET /api/payouts/pending", "GET /api/roulette/state")


def load_transcript(path: Path, *, max_line_bytes: int = MAX_ENTRY_BYTES
                    ) -> list[dict[str, Any]]:
    """Entries of a transcript file, read line by line (a line longer than
    ``max_line_bytes`` is an error); errors name the file and line."""
    entries = []
    try:
        with path.open("rb") as handle:
            for number, raw in enumerate(iter(lambda: handle.readline(max_line_bytes + 1), b""),
                                         start=1):
                if len(raw) > max_line_bytes and not raw.endswith(b"\n"):
                    raise ValueError(f"{path}:{number}: line longer than {max_line_bytes:,} "
                                     "bytes")
                entry = _entry(raw, path, number)
                if entry is not None:
                    entries.append(entry)
    except OSError as exc:
        raise ValueError(f"{path}: {exc.strerror}") from exc
    return entries


def _entry(raw: bytes, path: Path, number: int) -> dict[str, Any] | None:
    if not raw.strip():
        return None
    try:
        entry = json.loads(raw)
    except ValueError as exc:
        raise ValueError(f"{path}:{number}: not a JSON object ({exc})") from exc
    if not isinstance(entry, dict) or "method" not in entry or "path" not in entry:
        raise ValueError(f"{path}:{number}: needs at least method and path")
    return entry


def _ignored(entry: dict[str, Any], patterns: tuple[str, ...]) -> bool:
    route = f"{entry.get('method')} {entry.get('path')}"
    return any(fnmatch.fnmatchcase(route, pattern) for pattern in patterns)


def _value(value: Any) -> str:
    """A JSON value as JSON (``true``, ``null``), terminal-safe and elided."""
    return printable(json.dumps(value, ensure_ascii=False, sort_keys=True), 160)


def _route(entry: dict[str, Any]) -> str:
    return printable(f"{entry.get('method')} {entry.get('path')}", 160)


def diff_transcripts(left: list[dict[str, Any]], right: list[dict[str, Any]], *,
                     ignore: tuple[str, ...] = DEFAULT_IGNORED) -> list[str]:
    """Readable differences after aligning the two request sequences.

    Requests matching an ``ignore`` pattern (``METHOD PATH``, ``*`` wildcards; by default
    the polling GETs) are left out. The rest are aligned on method, path and body (longest
    common subsequence, so one extra request shows as one difference, not as a shift of all
    that follow); aligned pairs are compared on status and on body where the bodies differ.
    Values are printed as JSON."""
    a = [(i, e) for i, e in enumerate(left, 1) if not _ignored(e, ignore)]
    b = [(i, e) for i, e in enumerate(right, 1) if not _ignored(e, ignore)]
    keys_a = [_key(e) for _, e in a]
    keys_b = [_key(e) for _, e in b]
    out: list[str] = []
    matcher = difflib.SequenceMatcher(None, keys_a, keys_b, autojunk=False)
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag == "equal":
            pairs = zip(a[a0:a1], b[b0:b1], strict=True)
        else:
            paired = min(a1 - a0, b1 - b0) if tag == "replace" else 0
            pairs = zip(a[a0:a0 + paired], b[b0:b0 + paired], strict=True)
            out += [f"A#{i} only in A: {_route(e)} {_value(e.get('body'))}"
                    for i, e in a[a0 + paired:a1]]
            out += [f"B#{i} only in B: {_route(e)} {_value(e.get('body'))}"
                    for i, e in b[b0 + paired:b1]]
        for (i, x), (j, y) in pairs:
            for field in FIELDS:
                if field in x and field in y and x[field] != y[field]:
                    out.append(f"A#{i}/B#{j} {_route(x)}: {field} {_value(x[field])} != "
                               f"{_value(y[field])}")
    return out


def _key(entry: dict[str, Any]) -> tuple[str, str, str]:
    body = json.dumps(entry.get("body"), sort_keys=True, ensure_ascii=False)
    return (str(entry.get("method")), str(entry.get("path")), body)
