"""SPEC markdown versus the grammar: tag examples, normative regexes, tags on either side.

Examples and regexes are taken from inline code and code blocks with their line numbers.
Each example is validated with the grammar; each normative regex is compared with the grammar
rule for its tag by differential testing (Hypothesis strings from the grammar tried on the
regex, strings from the regex tried on the grammar) with shrunk counterexamples.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import HealthCheck, find, settings
from hypothesis import strategies as st
from hypothesis.errors import NoSuchExample, Unsatisfiable
from hypothesis.extra.lark import from_lark
from lark import Lark

from mgm_addon_contract._resources import grammars_dir
from mgm_addon_contract.grammar import TagKind, parse_log_line, parse_message
from mgm_addon_contract.grammar._parsers import tag_heads

PLACEHOLDER_MARKERS = ("UUID]", "<", "...", "…", "{...", "uuid]", "id]")
TAG_RULES = {
    "MGM_WHO": "who_tag", "MGM_ACCEPT": "accept_tag", "MGM_CONFIRM": "confirm_tag",
    "MGM_ITEMS": "items_tag", "MGM_GIFT_ACCEPT": "gift_accept_tag",
    "MGM_UPDATE_CHECK": "update_check_tag",
}
_SEARCH = settings(max_examples=400, database=None, derandomize=True, deadline=None,
                   suppress_health_check=list(HealthCheck))


@dataclass(frozen=True)
class Snippet:
    """A piece of code in the SPEC: inline (``code``) or a line of a fenced block."""

    line: int
    text: str
    context: str


@dataclass
class ExampleResult:
    line: int
    text: str
    verdict: str  # "valid", "placeholder", "reference", "invalid"
    detail: str = ""


@dataclass
class RegexResult:
    line: int
    written: str
    tag: str | None
    verdict: str  # "equivalent", "drift", "unmapped", "invalid-regex"
    notes: list[str] = field(default_factory=list)
    regex_only: str | None = None  # accepted by the regex, rejected by the grammar
    grammar_only: str | None = None  # accepted by the grammar, rejected by the regex
    # A whole chat-log line in which the regex, searching as the Desktop does, finds the tag
    # while the grammar reports a spoofed tag and no tag.
    spoofable_line: str | None = None
    tried: int = 0  # examples tried each way


@dataclass
class SpecReport:
    path: Path
    examples: list[ExampleResult] = field(default_factory=list)
    regexes: list[RegexResult] = field(default_factory=list)
    only_in_grammar: list[str] = field(default_factory=list)
    only_in_spec: list[str] = field(default_factory=list)
    in_both: list[str] = field(default_factory=list)

    def drift_summary(self) -> str:
        """What makes the drift, e.g. "1 invalid example, 2 regexes differ"."""
        parts = []
        invalid = sum(e.verdict == "invalid" for e in self.examples)
        differ = sum(r.verdict in ("drift", "invalid-regex") for r in self.regexes)
        if invalid:
            parts.append(f"{invalid} invalid example(s)")
        if differ:
            parts.append(f"{differ} regex(es) differ from the grammar")
        if self.only_in_grammar:
            parts.append(f"{len(self.only_in_grammar)} tag(s) only in the grammar")
        if self.only_in_spec:
            parts.append(f"{len(self.only_in_spec)} tag(s) only in the SPEC")
        return ", ".join(parts)

    @property
    def drift(self) -> bool:
        return (any(e.verdict == "invalid" for e in self.examples)
                or any(r.verdict in ("drift", "invalid-regex") for r in self.regexes)
                or bool(self.only_in_grammar) or bool(self.only_in_spec))


def extract_snippets(markdown: str) -> list[Snippet]:
    """Inline code spans and fenced-block lines, with 1-based line numbers."""
    out: list[Snippet] = []
    in_block = False
    for number, line in enumerate(markdown.splitlines(), start=1):
        if line.lstrip().startswith("```"):
            in_block = not in_block
            continue
        if in_block:
            out.append(Snippet(number, line.strip(), line))
            continue
        for span in _inline_spans(line):
            out.append(Snippet(number, span, line))
    return out


def _inline_spans(line: str) -> list[str]:
    spans, position = [], 0
    while (start := line.find("`", position)) != -1:
        ticks = len(line[start:]) - len(line[start:].lstrip("`"))
        end = line.find("`" * ticks, start + ticks)
        if end == -1:
            break
        spans.append(line[start + ticks : end].strip())
        position = end + ticks
    return spans


def check_spec(path: Path) -> SpecReport:
    """Compare the SPEC at ``path`` with the grammar."""
    markdown = path.read_text(encoding="utf-8")
    report = SpecReport(path)
    snippets = extract_snippets(markdown)
    for snippet in snippets:
        if "regex" in snippet.context.lower() and "MGM" in snippet.text and (
                "[" in snippet.text and ("\\" in snippet.text or "(" in snippet.text)):
            report.regexes.append(compare_regex(snippet))
        elif "[MGM" in snippet.text:
            report.examples.append(_check_example(snippet))
    mentioned = _mentioned_tags(markdown)
    known = {kind.value for kind in TagKind}
    report.only_in_grammar = sorted(known - mentioned)
    report.only_in_spec = sorted(mentioned - known)
    report.in_both = sorted(known & mentioned)
    return report


def _check_example(snippet: Snippet) -> ExampleResult:
    text = snippet.text[snippet.text.find("[MGM"):]
    parsed = parse_message(text)
    if parsed.tag is not None and not parsed.violations:
        return ExampleResult(snippet.line, text, "valid")
    if parsed.info_line:
        return ExampleResult(snippet.line, text, "valid", "info line")
    detail = "; ".join(f"{v.rule_id}: {v.message}" for v in parsed.violations)
    if text.startswith("[") and text.endswith("]") and text[1:-1] in TAG_RULES:
        return ExampleResult(snippet.line, text, "reference", "names the tag, no example")
    if any(marker in text for marker in PLACEHOLDER_MARKERS):
        return ExampleResult(snippet.line, text, "placeholder", detail)
    return ExampleResult(snippet.line, text, "invalid", detail)


def _mentioned_tags(markdown: str) -> set[str]:
    names: set[str] = set()
    position = 0
    while (start := markdown.find("MGM_", position)) != -1:
        end = start + 4
        while end < len(markdown) and (markdown[end].isupper() or markdown[end] == "_"):
            end += 1
        name = markdown[start:end].rstrip("_")
        preceded = markdown[start - 1] if start > 0 else ""
        following = markdown[end] if end < len(markdown) else ""
        if preceded == "[" and following in "]:" and name != "MGM":
            names.add(name)
        position = end
    return names


def compare_regex(snippet: Snippet) -> RegexResult:
    """Differential test of one normative regex against the grammar rule for its tag."""
    written = snippet.text
    tag = next((name for name in sorted(TAG_RULES, key=len, reverse=True) if name in written),
               None)
    result = RegexResult(snippet.line, written, tag, "equivalent")
    pattern = _compile_as_intended(written, result)
    if pattern is None:
        result.verdict = "invalid-regex"
        return result
    if tag is None:
        result.verdict = "unmapped"
        result.notes.append("no MGM tag name in the regex")
        return result
    rule = TAG_RULES[tag]
    grammar_strings = from_lark(_rule_parser(rule), start=rule)
    result.grammar_only = _counterexample(grammar_strings, lambda s: not pattern.fullmatch(s))
    regex_strings = st.from_regex(pattern, fullmatch=True)
    result.regex_only = _counterexample(regex_strings, lambda s: _rejected(s, rule))
    if result.grammar_only or result.regex_only:
        result.verdict = "drift"
    result.tried = _SEARCH.max_examples
    sample = find(grammar_strings, lambda _: True, settings=_SEARCH)
    line = f"4/6 18:40:12.345  [Trickster] whispers: {sample}"
    parsed = parse_log_line(line)
    if pattern.search(line) and parsed.tag is None:
        result.spoofable_line = line
    return result


def _compile_as_intended(written: str, result: RegexResult) -> re.Pattern[str] | None:
    candidates = [written]
    if "\\\\" in written:
        candidates.append(written.replace("\\\\", "\\"))
    for index, candidate in enumerate(candidates):
        try:
            pattern = re.compile(candidate)
        except re.error as exc:
            result.notes.append(f"as written, `{candidate}` does not compile: {exc}")
            continue
        if index == 0 and len(candidates) > 1 and not pattern.search(
                f"[{result.tag}:00000000-0000-0000-0000-000000000000]"):
            result.notes.append("as written (doubled backslashes) it matches no tag; read "
                                "with single backslashes")
            continue
        return pattern
    return None


def _rejected(text: str, rule: str) -> bool:
    parsed = parse_message(text)
    return parsed.tag is None or TAG_RULES.get(parsed.tag.kind.value) != rule


def _counterexample(strategy: st.SearchStrategy[str], failing) -> str | None:  # noqa: ANN001
    try:
        return find(strategy, failing, settings=_SEARCH)
    except (NoSuchExample, Unsatisfiable):
        return None


_RULE_PARSERS: dict[str, Lark] = {}


def _rule_parser(rule: str) -> Lark:
    if rule not in _RULE_PARSERS:
        text = (grammars_dir() / "mgm_tags.lark").read_text(encoding="utf-8")
        _RULE_PARSERS[rule] = Lark(text, parser="lalr", start=rule)
    return _RULE_PARSERS[rule]


def known_tag_heads() -> tuple[str, ...]:
    """The tag prefixes the grammar defines."""
    return tag_heads()
