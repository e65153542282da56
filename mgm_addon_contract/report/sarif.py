"""SARIF 2.1.0 logs (OASIS Static Analysis Results Interchange Format) for code scanning.

One run per command: the tool's rules (grammar rules or contract clauses, each with its SPEC
reference), one result per finding with its physical location (paths relative to the
checkout through the ``SRCROOT`` base id; columns in Unicode code points), and findings that
belong to no rule as the invocation's notifications.
"""

from __future__ import annotations

import json
from typing import Any

from mgm_addon_contract import __version__
from mgm_addon_contract.report.ci_findings import CiFinding, RuleInfo
from mgm_addon_contract.report.locations import SourcePosition, relative_uri, workspace_root
from mgm_addon_contract.secrets import redact

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
ROOT_ID = "SRCROOT"


class _Artifacts:
    """The run's ``artifacts``: one entry per file, referenced by index."""

    def __init__(self) -> None:
        self.root = workspace_root()
        self.entries: list[dict[str, Any]] = []
        self._index: dict[str, int] = {}

    def location(self, position: SourcePosition) -> dict[str, Any]:
        relative = relative_uri(position.path, self.root)
        location: dict[str, Any] = ({"uri": relative, "uriBaseId": ROOT_ID} if relative
                                    else {"uri": position.path.resolve().as_uri()})
        key = location["uri"]
        if key not in self._index:
            self._index[key] = len(self.entries)
            self.entries.append({"location": dict(location)})
        return {**location, "index": self._index[key]}


def _physical(artifacts: _Artifacts, finding: CiFinding) -> dict[str, Any]:
    position = finding.position
    assert position is not None
    physical: dict[str, Any] = {"artifactLocation": artifacts.location(position)}
    if position.line:
        region: dict[str, Any] = {"startLine": position.line}
        if position.column:
            region["startColumn"] = position.column
        if finding.snippet:
            region["snippet"] = {"text": redact(finding.snippet)}
        physical["region"] = region
    return {"physicalLocation": physical}


def _rule(rule: RuleInfo) -> dict[str, Any]:
    return {
        "id": rule.id,
        "shortDescription": {"text": rule.statement},
        "fullDescription": {"text": f"{rule.statement} ({rule.spec})"},
        "defaultConfiguration": {"level": rule.level},
        "properties": {"spec": rule.spec},
    }


def sarif_log(command: str, rules: list[RuleInfo], findings: list[CiFinding], *,
              exit_code: int) -> dict[str, Any]:
    """A SARIF 2.1.0 log of ``findings`` made by ``mgm-contract COMMAND``."""
    catalogue = list(rules)
    index = {rule.id: i for i, rule in enumerate(catalogue)}
    artifacts = _Artifacts()
    results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    for finding in findings:
        message = {"text": redact(finding.message)}
        if not finding.rule:
            note: dict[str, Any] = {"level": finding.level, "message": message}
            if finding.position is not None:
                note["locations"] = [_physical(artifacts, finding)]
            notifications.append(note)
            continue
        if finding.rule not in index:
            index[finding.rule] = len(catalogue)
            catalogue.append(RuleInfo(finding.rule, "", finding.title or finding.rule,
                                      finding.level))
        result: dict[str, Any] = {"ruleId": finding.rule, "ruleIndex": index[finding.rule],
                                  "level": finding.level, "message": message}
        if finding.kind != "fail":
            result["kind"] = finding.kind  # SARIF: such a result's level is "none"
        if finding.position is not None:
            result["locations"] = [_physical(artifacts, finding)]
        results.append(result)
    invocation: dict[str, Any] = {"executionSuccessful": exit_code in (0, 1),
                                  "exitCode": exit_code}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    run: dict[str, Any] = {
        "tool": {"driver": {"name": "mgm-contract", "version": __version__,
                            "semanticVersion": __version__,
                            "rules": [_rule(r) for r in catalogue]}},
        "automationDetails": {"id": f"mgm-contract/{command}/"},
        "originalUriBaseIds": {ROOT_ID: {"uri": artifacts.root.as_uri().rstrip("/") + "/"}},
        "columnKind": "unicodeCodePoints",
        "invocations": [invocation],
        "artifacts": artifacts.entries,
        "results": results,
    }
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


def dumps(log: dict[str, Any]) -> str:
    """The log as indented JSON text (secrets already redacted)."""
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
