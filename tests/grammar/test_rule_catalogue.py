"""Every rule id the grammar code can report is catalogued with a SPEC reference and a
statement, and documented."""

from __future__ import annotations

import re
from pathlib import Path

from mgm_addon_contract.grammar.rules import BY_ID, RULES, rule_for

PACKAGE = Path(__file__).parents[2] / "mgm_addon_contract" / "grammar"
RULE_ID = re.compile(r'"([A-Z]+(?:-[A-Z0-9]+)+)"')


def test_every_reported_rule_id_is_catalogued() -> None:
    used = {m for path in PACKAGE.glob("*.py") if path.name != "rules.py"
            for m in RULE_ID.findall(path.read_text(encoding="utf-8"))}
    assert used, "no rule ids found in the grammar package"
    assert used <= set(BY_ID), sorted(used - set(BY_ID))


def test_catalogue_entries_are_complete_and_documented() -> None:
    docs = (Path(__file__).parents[2] / "docs" / "grammar.md").read_text(encoding="utf-8")
    assert len(BY_ID) == len(RULES)
    for rule in RULES:
        assert rule.spec.startswith("SPEC §") and rule.statement.endswith(".")
        assert rule.level in ("error", "warning")
        assert rule.id in docs, rule.id
    assert rule_for("NOT-A-RULE").statement == "Grammar rule NOT-A-RULE."
