"""A call of a 3.3.5a function the headless client does not implement is a gap of the
client, not a defect of the addon: ``check`` does not fail NO-LUA-ERRORS (or what follows
from the aborted handler) for it; those clauses are reported behind ``the headless client
lacks NAME`` and the error is listed. A real Lua error still fails NO-LUA-ERRORS."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import wowapi_stubs
from mgm_addon_contract._resources import reference_addon_dir
from mgm_addon_contract.contract.check import run_check
from mgm_addon_contract.contract.monitor import client_gap

PREPARE = "local function prepareMail()\n  local entry = state.queue[1]\n"


def variant(tmp_path: Path, call: str) -> Path:
    addon = tmp_path / "MimironsGoldOMatic"
    shutil.copytree(reference_addon_dir(), addon)
    main = addon / "MimironsGoldOMatic.lua"
    text = main.read_text(encoding="utf-8")
    assert PREPARE in text
    main.write_text(text.replace(PREPARE, PREPARE + f"  {call}\n"), encoding="utf-8")
    return addon


def _a_missing_function() -> str:
    """A 3.3.5a function the headless client does not implement (from its API data)."""
    data = json.loads((Path(wowapi_stubs.__file__).parent / "data" / "api_335a.json")
                      .read_text(encoding="utf-8"))
    return min(name for name in data["functions"]["missing"] if "." not in name)


def test_a_missing_client_function_masks_instead_of_failing(tmp_path: Path) -> None:
    missing = _a_missing_function()
    report = run_check(variant(tmp_path, f"{missing}(0)"), budget=12, regressions=None)
    assert not report.must_failures and not report.expectation_failures, [
        (o.clause.id, o.failure and o.failure.message) for o in report.must_failures]
    assert any(missing in message for message in report.lua_errors)
    gap = f"the headless client lacks {missing}"
    assert gap in report.outcomes["NO-LUA-ERRORS"].masked_by
    behind = [c for c, o in report.outcomes.items() if o.status == "not exercised"
              and gap in o.reason]
    assert "MAIL-CONFIRM-ON-SUCCESS" in behind


def test_a_real_lua_error_in_the_same_place_still_fails(tmp_path: Path) -> None:
    report = run_check(variant(tmp_path, "local broken = nil; broken.x = 1"), budget=12,
                       regressions=None)
    assert "NO-LUA-ERRORS" in {o.clause.id for o in report.must_failures}


def test_the_gap_is_recognised_from_the_clients_own_error() -> None:
    from wowapi_stubs import HeadlessClient

    missing = _a_missing_function()
    with HeadlessClient() as client:
        client.type_line(f"/run {missing}()")
        assert client_gap(client.errors[-1].message) == f"the headless client lacks {missing}"
    assert client_gap("attempt to index a nil value") is None
