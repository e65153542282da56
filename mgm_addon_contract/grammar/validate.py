"""Validating whole chat-log files: streaming, counts per tag, violations, spoofed tags."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from mgm_addon_contract.grammar.model import SpoofedTag, Violation
from mgm_addon_contract.grammar.scanner import LogScanner

CHUNK = 1 << 20


@dataclass
class FileReport:
    """What validating one chat-log file found."""

    path: Path
    lines: int = 0
    bytes_read: int = 0
    tags: Counter[str] = field(default_factory=Counter)
    info_lines: int = 0
    violations: list[Violation] = field(default_factory=list)
    spoofed: list[SpoofedTag] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.violations and not self.spoofed


def validate_file(path: Path, *, on_progress: Callable[[int], None] | None = None) -> FileReport:
    """Stream ``path`` through the grammar (any size; memory stays bounded)."""
    report = FileReport(path)
    scanner = LogScanner(str(path))
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            report.bytes_read += len(chunk)
            _collect(report, scanner.feed(chunk, plain_lines=False))
            if on_progress:
                on_progress(len(chunk))
    _collect(report, scanner.finish())
    report.lines = scanner.lines_seen
    return report


def _collect(report: FileReport, lines: list) -> None:
    for parsed in lines:
        if parsed.tag is not None:
            report.tags[parsed.tag.kind.value] += 1
        if parsed.info_line:
            report.info_lines += 1
        report.violations.extend(parsed.violations)
        report.spoofed.extend(parsed.spoofed)
