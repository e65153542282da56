"""Validating whole chat-log files: streaming, counts per tag, violations, spoofed tags.

Memory stays bounded whatever the file size: the file is read in 1 MiB chunks, plain lines are
never materialised, and at most ``max_details`` violations and spoofed tags are kept per file
(all are counted, per rule id).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from mgm_addon_contract.grammar.model import ParsedLine, SpoofedTag, Violation
from mgm_addon_contract.grammar.scanner import LogScanner

CHUNK = 1 << 20
MAX_DETAILS = 10_000
SPOOF_RULE = "TAG-SPOOFED"


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
    rule_counts: Counter[str] = field(default_factory=Counter)
    max_details: int = MAX_DETAILS
    interrupted: bool = False  # Ctrl+C stopped the read: counts cover bytes_read only

    @property
    def violation_count(self) -> int:
        return sum(n for rule, n in self.rule_counts.items() if rule != SPOOF_RULE)

    @property
    def spoofed_count(self) -> int:
        return self.rule_counts[SPOOF_RULE]

    @property
    def ok(self) -> bool:
        return not self.rule_counts

    def add(self, lines: Iterable[ParsedLine]) -> None:
        """Count the tags and keep (up to ``max_details``) the problems of ``lines``."""
        for parsed in lines:
            if parsed.tag is not None:
                self.tags[parsed.tag.kind.value] += 1
            if parsed.info_line:
                self.info_lines += 1
            for violation in parsed.violations:
                self.rule_counts[violation.rule_id] += 1
                if len(self.violations) < self.max_details:
                    self.violations.append(violation)
            for spoof in parsed.spoofed:
                self.rule_counts[SPOOF_RULE] += 1
                if len(self.spoofed) < self.max_details:
                    self.spoofed.append(spoof)


def validate_file(path: Path, *, on_progress: Callable[[int], None] | None = None,
                  max_details: int = MAX_DETAILS) -> FileReport:
    """Stream ``path`` through the grammar (any size; memory stays bounded)."""
    report = FileReport(path, max_details=max_details)
    scanner = LogScanner(str(path))
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(CHUNK):
                report.bytes_read += len(chunk)
                report.add(scanner.feed(chunk, plain_lines=False))
                if on_progress:
                    on_progress(len(chunk))
        report.add(scanner.finish())
    except KeyboardInterrupt:
        report.interrupted = True
    report.lines = scanner.lines_seen
    return report
