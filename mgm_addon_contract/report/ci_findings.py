"""The commands' typed results as one list of located findings, for the CI formats.

GitHub annotations (:mod:`.github`) and SARIF (:mod:`.sarif`) render the same findings: a rule
id (grammar rule or contract clause), a level, a message and, when known, a file position.
Levels use SARIF's words: ``error``, ``warning``, ``note``, and ``none`` for a result that is
no failure; ``kind`` is SARIF's result kind: ``fail``, ``pass`` (a second pass found the clause
kept) or ``open`` (a clause not exercised: the tool could not decide).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from mgm_addon_contract.report.locations import SourcePosition, lua_position
from mgm_addon_contract.scenarios.steps import numbered

if TYPE_CHECKING:
    from mgm_addon_contract.contract.check import (
        BehindFinding,
        CheckReport,
        ClauseOutcome,
        SeenFailure,
    )
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
    """One finding: rule id, level, message (may span lines), position, short title, SARIF
    result kind."""

    rule: str
    level: str
    message: str
    position: SourcePosition | None = None
    title: str = ""
    snippet: str | None = None
    kind: str = "fail"


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
    """The ``check`` verdict as findings: each failed clause at every distinct place its
    failures point at (the first with the shortest reproducer), failed expectations, Lua
    errors and blocked protected calls not already shown, what a second pass found behind a
    blocking defect (labelled "behind X"), fuzzing stopped early, stored failures that no
    longer fail, and every clause not exercised with its reason."""
    toc = Path(report.load.toc_path)
    addon_dir = toc.parent

    def where(text: str) -> SourcePosition:
        return lua_position(text, addon_dir) or SourcePosition(toc, 1)

    out: list[CiFinding] = []
    shown: set[str] = set()
    for outcome in report.outcomes.values():
        if outcome.status == "failed":
            out += _clause_failures(outcome, where)
            shown.update(seen.failure.message for seen in outcome.failures)
    for source, failure in report.expectation_failures:
        out.append(CiFinding(EXPECTATION_RULE, "error",
                             f"{source}, step {failure.step}: {failure.message}",
                             where(failure.message), f"expectation failed in {source}"))
    for message, source in report.lua_errors.items():
        if not any(message in m for m in shown):
            out.append(CiFinding("NO-LUA-ERRORS", "error", f"{message}\nfirst seen in: {source}",
                                 where(message), "Lua error"))
    located = {f.position for f in out}
    for call, source in report.blocked_calls.items():
        if where(call) not in located:
            out.append(CiFinding(BLOCKED_RULE, "warning", f"{call}\nfirst seen in: {source}",
                                 where(call), "blocked protected call"))
    for found in report.behind:
        out.append(_behind(found, where))
    for error in report.fuzz_errors:
        out.append(CiFinding("", "warning", f"fuzzing stopped early: {error}",
                             SourcePosition(toc), "fuzzing stopped early"))
    fixed = [f"{s.machine} #{s.number}" for s in report.stored if not s.still_fails]
    if fixed:
        out.append(CiFinding("", "note", "stored failures that no longer fail: "
                             + ", ".join(fixed), SourcePosition(toc), "stored failures fixed"))
    for outcome in report.outcomes.values():
        if outcome.status == "not exercised":
            clause = outcome.clause
            out.append(CiFinding(clause.id, "none", f"not exercised: {outcome.reason}",
                                 SourcePosition(toc), f"{clause.id}: not exercised", kind="open"))
    return out


def _clause_failures(outcome: ClauseOutcome,
                     where: Callable[[str], SourcePosition]) -> list[CiFinding]:
    """A failed clause: one finding at the shortest reproducer's place (message, where it
    was found, how many failures in all, the reproducer), one more per other place its
    failures point at."""
    clause = outcome.clause
    level = "error" if clause.level == "MUST" else "warning"
    title = f"{clause.id} ({clause.spec})"
    assert outcome.failure is not None
    message = outcome.failure.message
    text = f"{message}\nfound by: {outcome.found_by}"
    if len(outcome.failures) > 1:
        text += f"\n{len(outcome.failures)} failures of this clause in all"
    if outcome.reproducer:
        text += f"\nshortest reproducer:\n{numbered(outcome.reproducer)}"
    primary = where(message)
    out = [CiFinding(clause.id, level, text, primary, title)]
    elsewhere: dict[SourcePosition, list[SeenFailure]] = {}
    for seen in outcome.failures:
        position = where(seen.failure.message)
        if position != primary:
            elsewhere.setdefault(position, []).append(seen)
    for position, seen_here in elsewhere.items():
        first = seen_here[0]
        text = (f"{first.failure.message}\nfound by: {first.source}, step {first.failure.step}"
                + (f" ({len(seen_here)} failures here)" if len(seen_here) > 1 else ""))
        if first.reproducer:
            text += f"\nreproducer:\n{numbered(first.reproducer)}"
        out.append(CiFinding(clause.id, level, text, position, title))
    return out


def _behind(found: BehindFinding, where: Callable[[str], SourcePosition]) -> CiFinding:
    """What a second pass found behind a blocking defect: a failure as a warning (the
    blocking defect is the error), a pass as a note; both labelled as such."""
    label = f"behind {found.cause} (second pass, {found.relaxed})"
    title = f"{found.clause} {label}"
    if found.failure is None:
        return CiFinding(found.clause, "none", f"{label}: {found.clause} passed",
                         where(""), title, kind="pass")
    text = f"{label}: {found.failure.message}\nfound by: {found.found_by}"
    if found.reproducer:
        text += f"\nshortest reproducer:\n{numbered(found.reproducer)}"
    return CiFinding(found.clause, "warning", text, where(found.failure.message), title)


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
