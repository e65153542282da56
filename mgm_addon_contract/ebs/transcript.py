"""HTTP transcripts: JSON lines ``{"method", "path", "body", "headers", "status"}`` with the
API key masked; ``diff`` compares two of them request by request (F3 parity)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mgm_addon_contract.secrets import redact

FIELDS = ("method", "path", "body", "status")


def dump_transcript(entries: list[dict[str, Any]], path: Path) -> None:
    path.write_text("".join(redact(json.dumps(e, ensure_ascii=False)) + "\n" for e in entries),
                    encoding="utf-8")


def load_transcript(path: Path) -> list[dict[str, Any]]:
    """Entries of a transcript file; errors name the file and line."""
    entries = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ValueError(f"{path}: {exc.strerror}") from exc
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
        except ValueError as exc:
            raise ValueError(f"{path}:{number}: not a JSON object ({exc})") from exc
        if not isinstance(entry, dict) or "method" not in entry or "path" not in entry:
            raise ValueError(f"{path}:{number}: needs at least method and path")
        entries.append(entry)
    return entries


def diff_transcripts(left: list[dict[str, Any]], right: list[dict[str, Any]]) -> list[str]:
    """Readable differences, one per request position and field."""
    out = []
    for i in range(max(len(left), len(right))):
        a = left[i] if i < len(left) else None
        b = right[i] if i < len(right) else None
        if a is None or b is None:
            present = a or b
            side = "only in A" if b is None else "only in B"
            out.append(f"#{i + 1} {side}: {present['method']} {present['path']}")
            continue
        for field in FIELDS:
            if field in a and field in b and a[field] != b[field]:
                out.append(f"#{i + 1} {field}: {a[field]!r} != {b[field]!r}")
    return out
