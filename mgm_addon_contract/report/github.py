"""GitHub Actions workflow commands: one ``::error|warning|notice file=,line=,col=::`` line per
finding, which GitHub shows as an annotation on the pull request's files.

Escaping follows GitHub's workflow-command rules: in the message ``%``, CR and LF become
``%25``, ``%0D``, ``%0A``; in properties ``:`` and ``,`` also become ``%3A`` and ``%2C``.
"""

from __future__ import annotations

from collections.abc import Iterable

from mgm_addon_contract.report.ci_findings import CiFinding
from mgm_addon_contract.report.locations import display_path
from mgm_addon_contract.secrets import redact

_LEVELS = {"error": "error", "warning": "warning", "note": "notice", "none": "notice"}


def escape_data(text: str) -> str:
    """A workflow command's message: ``%``, CR, LF escaped."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property value: as the message, plus ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: CiFinding) -> str:
    """One workflow command line for ``finding`` (secrets redacted)."""
    properties: list[tuple[str, object]] = []
    position = finding.position
    if position is not None:
        properties.append(("file", display_path(position.path)))
        if position.line:
            properties.append(("line", position.line))
            if position.column:
                properties.append(("col", position.column))
    if finding.title:
        properties.append(("title", finding.title))
    head = ",".join(f"{key}={escape_property(redact(str(value)))}" for key, value in properties)
    command = _LEVELS.get(finding.level, "warning")
    return f"::{command}{' ' + head if head else ''}::{escape_data(redact(finding.message))}"


def render_annotations(findings: Iterable[CiFinding], summary: str) -> str:
    """Every finding as a workflow command, then a ``::notice::`` with ``summary``."""
    lines = [annotation(f) for f in findings]
    lines.append(f"::notice title=mgm-contract::{escape_data(redact(summary))}")
    return "\n".join(lines) + "\n"
