"""``run_check``: the first failure of a run decides its clause; later ones are listed."""

from __future__ import annotations

from mgm_addon_contract._resources import broken_addons_dir
from mgm_addon_contract.contract.check import run_check
from mgm_addon_contract.contract.render import to_json


def test_consequences_are_listed_not_counted() -> None:
    addon = broken_addons_dir() / "malformed-who-json" / "MimironsGoldOMatic"
    report = run_check(addon, budget=5, machines=("who",), regressions=None)
    assert [o.clause.id for o in report.must_failures] == ["TAG-FORMAT"]
    assert "WHO-ONE-LINE" in {f.clause for _, f in report.later_failures}
    data = to_json(report)
    assert not data["ok"] and data["later_failures"]
    statuses = {c["id"]: c["status"] for c in data["clauses"]}
    assert statuses["TAG-FORMAT"] == "failed" and statuses["WHO-ONE-LINE"] == "passed"
