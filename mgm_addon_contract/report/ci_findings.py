"""The commands' typed results as one list of located findings, for the CI formats.

GitHub annotations (:mod:`.github`) and SARIF (:mod:`.sarif`) render the same findings: a rule
id (grammar rule or contract clause), a level, a message and, when known, a file position.
Levels use SARIF's words: ``error``, ``warning``, ``note``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from mgm_addon_contract.report.locations import SourcePosition, lua_position

if TYPE_CHECKING:
    from mgm_addon_contract.contract.check import CheckReport
    from mgm_addon_contract.grammar.validate import FileReport
    from mgm_addon_contract.replay import ReplayResult
    from mgm_addon_contract.speccheck import SpecReport

MAX_SNIPPET = 500
"""Longer excerpt lines are not repeated in the findings (the position points at them)."""
EXPECTATION_RULE = "SCENARIO-EXPECTATION"
BLOCKED_RULE = "PROTECTED-CALL-BLOCKED"
REPLAY_MISMATCH_RULE = "REPLAY-MISMATCH"


@dataclass(frozen=True)
class RuleInfo:
    """A rule as CI formats describe it: id, SPEC reference, statement, default level."""

    id: str
    spec: str
    statement: str
    level: str = "error"


@dataclass(frozen=True)
class CiFinding:
    """One finding: rule id, level, message (may span lines), position, short title."""

    rule: str
    level: str
    message: str
    position: SourcePosition | None = None
    title: str = ""
    snippet: str | None = None


# -- validate ----------------------------------------------------------------------------------
def validate_rules() -> list[RuleInfo]:
    """Every grammar rule (SARIF ``rules``)."""
    from mgm_addon_contract.grammar.rules import RULES

    return [RuleInfo(r.id, r.spec, r.statement, r.level) for r in RULES]


def validate_findings(reports: list[FileReport], limit: int | None = None) -> list[CiFinding]:
    """Each violation (error) and spoofed tag (warning) of each file, at most ``limit`` of
    each per file; a note says how many more were counted but not listed."""
    from mgm_addon_contract.grammar.rules import rule_for
    from mgm_addon_contract.grammar.validate import SPOOF_RULE
    from mgm_addon_contract.safe_text import escape_controls

    out: list[CiFinding] = []
    for report in reports:
        found: list[CiFinding] = []
        violations = report.violations[:limit] if limit is not None else report.violations
        spoofed = report.spoofed[:limit] if limit is not None else report.spoofed
        for v in violations:
            rule = rule_for(v.rule_id)
            expected = f" (expected {', '.join(v.expected)})" if v.expected else ""
            line = v.excerpt.partition("\n")[0]
            found.append(CiFinding(
                v.rule_id, rule.level, f"{v.message}{expected}",
                SourcePosition(report.path, v.line, v.column), f"{v.rule_id} ({rule.spec})",
                escape_controls(line) if len(line) <= MAX_SNIPPET else None))
        spoof_rule = rule_for(SPOOF_RULE)
        for s in spoofed:
            found.append(CiFinding(
                SPOOF_RULE, spoof_rule.level,
                f"{escape_controls(s.text)} is tag text after a chat prefix: the addon never "
                "prints this; someone typed it (never acted on)",
                SourcePosition(report.path, s.line, s.column), f"{SPOOF_RULE} ({spoof_rule.spec})"))
        out += sorted(found, key=lambda f: (f.position.line or 0, f.position.column or 0))
        hidden = (report.violation_count - len(violations)
                  + report.spoofed_count - len(spoofed))
        if hidden > 0:
            out.append(CiFinding(
                "", "note", f"{hidden:,} more problem(s) in this file were counted but not "
                "listed (raise --limit, or see --format json)", SourcePosition(report.path),
                "more problems"))
    return out


# -- check -------------------------------------------------------------------------------------
def check_rules() -> list[RuleInfo]:
    """Every contract clause (MUST: error, SHOULD: warning) and the check's own findings."""
    from mgm_addon_contract.contract.clauses import CLAUSES

    rules = [RuleInfo(c.id, c.spec, c.statement, "error" if c.level == "MUST" else "warning")
             for c in CLAUSES]
    rules.append(RuleInfo(EXPECTATION_RULE, "scenario files",
                          "Every expectation a scenario states holds."))
    rules.append(RuleInfo(BLOCKED_RULE, "client facts: protected functions",
                          "Addon code calls no protected function (the client blocks it).",
                          "warning"))
    return rules


def check_findings(report: CheckReport) -> list[CiFinding]:
    """Failed clauses (with reproducer; stored failures that still fail count there), clauses
    failing behind a blocking defect (second pass), failed expectations, distinct Lua errors,
    blocked protected calls, later failures (notes), stored failures that no longer fail
    (one note), clauses not exercised with why (one note)."""
    from mgm_addon_contract.contract.clauses import BY_ID

    toc = Path(report.load.toc_path)
    addon_dir = toc.parent

    def where(text: str) -> SourcePosition:
        return lua_position(text, addon_dir) or SourcePosition(toc, 1)

    out: list[CiFinding] = []
    shown: set[str] = set()
    located: set[SourcePosition] = set()
    for outcome in report.outcomes.values():
        if outcome.status != "failed" or outcome.failure is None:
            continue
        clause, message = outcome.clause, outcome.failure.message
        shown.add(message)
        if (position := lua_position(message, addon_dir)) is not None:
            located.add(position)
        steps = "\n".join(f"{i}. {s.describe()}" for i, s in enumerate(outcome.reproducer, 1))
        text = f"{message}\nfound by: {outcome.found_by}"
        if steps:
            text += f"\nshortest reproducer:\n{steps}"
        out.append(CiFinding(clause.id, "error" if clause.level == "MUST" else "warning", text,
                             where(message), f"{clause.id} ({clause.spec})"))
    for found in report.behind:
        if found.status != "failed" or found.failure is None:
            continue
        clause = BY_ID.get(found.clause)
        steps = "\n".join(f"{i}. {s.describe()}" for i, s in enumerate(found.reproducer, 1))
        text = (f"{found.failure.message}\nbehind {found.cause}: seen in a second pass with "
                f"{found.relaxed}; found by: {found.found_by}")
        if steps:
            text += f"\nshortest reproducer:\n{steps}"
        out.append(CiFinding(found.clause, "warning" if clause and clause.level == "SHOULD"
                             else "error", text, where(found.failure.message),
                             f"{found.clause} behind {found.cause}"))
    for source, failure in report.expectation_failures:
        out.append(CiFinding(EXPECTATION_RULE, "error",
                             f"{source}, step {failure.step}: {failure.message}",
                             where(failure.message), f"expectation failed in {source}"))
    for message, source in report.lua_errors.items():
        if not any(message in m for m in shown):
            out.append(CiFinding("NO-LUA-ERRORS", "error", f"{message}\nfirst seen in: {source}",
                                 where(message), "Lua error"))
    for call, source in report.blocked_calls.items():
        if lua_position(call, addon_dir) not in located:
            out.append(CiFinding(BLOCKED_RULE, "warning", f"{call}\nfirst seen in: {source}",
                                 where(call), "blocked protected call"))
    for source, failure in report.later_failures:
        out.append(CiFinding(failure.clause, "note",
                             f"later in the same run ({source}, step {failure.step}): "
                             f"{failure.message}", where(failure.message),
                             f"{failure.clause}: later failure"))
    for error in report.fuzz_errors:
        out.append(CiFinding("", "warning", f"fuzzing stopped early: {error}",
                             SourcePosition(toc), "fuzzing stopped early"))
    fixed = [f"{s.machine} #{s.number}" for s in report.stored if not s.still_fails]
    if fixed:
        out.append(CiFinding("", "note", "stored failures that no longer fail: "
                             + ", ".join(fixed), SourcePosition(toc), "stored failures fixed"))
    idle = [f"{o.clause.id} ({o.reason})" if o.reason else o.clause.id
            for o in report.outcomes.values() if o.status == "not exercised"]
    if idle:
        out.append(CiFinding("", "note", "not exercised: " + ", ".join(idle),
                             SourcePosition(toc), "clauses not exercised"))
    return out


# -- replay ------------------------------------------------------------------------------------
def replay_findings(result: ReplayResult, log: Path) -> list[CiFinding]:
    """Mismatches against the expectations (errors); spoofed tags, invalid lines and
    unresolved tags the consumer met (warnings, at their log line)."""
    from mgm_addon_contract.grammar.validate import SPOOF_RULE

    out = [CiFinding(REPLAY_MISMATCH_RULE, "error", m, SourcePosition(log), "replay mismatch")
           for m in result.problems]
    for event in result.events:
        kind = event["event"]
        if kind not in ("spoofed-tag", "invalid-line", "unresolved"):
            continue
        rule = {"spoofed-tag": SPOOF_RULE, "invalid-line": event.get("rule", "")}.get(kind, "")
        detail = event.get("text") or event.get("message") or event.get("note") or ""
        out.append(CiFinding(rule, "warning", f"{kind}: {detail}".rstrip(": "),
                             SourcePosition(log, event.get("line"), event.get("column")),
                             rule or kind))
    return out


# -- spec-check --------------------------------------------------------------------------------
def spec_findings(report: SpecReport) -> list[CiFinding]:
    """Invalid examples and regexes that differ from the grammar (errors, at their SPEC
    line), unmapped regexes (warnings), tags only one side knows (errors, on the file)."""
    path = Path(report.path)
    out: list[CiFinding] = []
    for e in report.examples:
        if e.verdict == "invalid":
            out.append(CiFinding("SPEC-EXAMPLE", "error", f"{e.text} breaks the grammar: "
                                 f"{e.detail}", SourcePosition(path, e.line),
                                 "invalid tag example"))
    for r in report.regexes:
        if r.verdict not in ("drift", "invalid-regex", "unmapped"):
            continue
        lines = [f"regex {r.written} ({r.tag or 'no tag'}): {r.verdict}"]
        if r.regex_only:
            lines.append(f"regex accepts, grammar rejects: {r.regex_only!r}")
        if r.grammar_only:
            lines.append(f"grammar accepts, regex rejects: {r.grammar_only!r}")
        if r.spoofable_line:
            lines.append(f"regex finds a tag in a spoofed line: {r.spoofable_line!r}")
        lines += [f"note: {n}" for n in r.notes]
        out.append(CiFinding("SPEC-REGEX", "warning" if r.verdict == "unmapped" else "error",
                             "\n".join(lines), SourcePosition(path, r.line),
                             f"normative regex {r.verdict}"))
    for name in report.only_in_grammar:
        out.append(CiFinding("SPEC-TAGS", "error", f"[{name}] is in the grammar but the SPEC "
                             "never mentions it", SourcePosition(path), "tag only in grammar"))
    for name in report.only_in_spec:
        out.append(CiFinding("SPEC-TAGS", "error", f"[{name}] is mentioned in the SPEC but the "
                             "grammar has no such tag", SourcePosition(path), "tag only in SPEC"))
    return out
