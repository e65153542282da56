"""``check`` in isolation workers: each part (load, scenario, fuzzing round) is a job, so a
part that crashes its worker is reported as a crash of that part and every other part is
reported as in a trusted run."""

from __future__ import annotations

from typing import Any
from xml.etree import ElementTree as ET

import hostile_jobs as jobs

from mgm_addon_contract._resources import reference_addon_dir
from mgm_addon_contract.contract.check import run_check
from mgm_addon_contract.contract.render import to_junit
from mgm_addon_contract.isolated import default_limits
from mgm_addon_contract.scenarios.runner import run_scenario
from wowapi_stubs.isolation import Worker


def test_a_crashed_scenario_costs_only_that_scenario() -> None:
    addon = reference_addon_dir()
    trusted = run_check(addon, budget=3, machines=("who",), regressions=None)
    with Worker(default_limits()) as worker:
        def runner(job: Any, *args: Any, **kwargs: Any) -> Any:
            if job is run_scenario:
                job = jobs.scenario_crashing_one
            return worker.run(job, *args, **kwargs)

        isolated = run_check(addon, budget=3, machines=("who",), regressions=None,
                             runner=runner)
        assert worker.crashes == 1 and worker.jobs > 10
    assert len(isolated.crashes) == 1, isolated.crashes
    crash = isolated.crashes[0]
    assert crash.startswith(f"scenario {jobs.CRASHING_SCENARIO}.toml: ")
    assert "the Lua VM crashed (SIGSEGV) while running Frame:OnEvent(CHAT_MSG_WHISPER)" in crash
    assert not isolated.ok and trusted.ok
    assert isolated.scenarios_run == trusted.scenarios_run
    assert isolated.fuzz_examples == trusted.fuzz_examples
    same = [c for c, o in trusted.outcomes.items() if isolated.outcomes[c].status == o.status]
    assert len(same) >= len(trusted.outcomes) - 3  # at most the clauses only it exercised
    assert sum(o.status == "passed" for o in isolated.outcomes.values()) > 10
    junit = ET.fromstring(to_junit(isolated))  # the crash is a JUnit error, not a failure
    assert junit.get("errors") == "1" and junit.get("failures") == "0"
    case = next(c for c in junit.iter("testcase") if c.find("error") is not None)
    assert case.get("name") == f"scenario {jobs.CRASHING_SCENARIO}.toml (isolation worker)"
    assert "SIGSEGV" in case.find("error").get("message")
