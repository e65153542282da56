"""No tag lost, no effect doubled: seeded fault schedules against the real ``tail`` and
``serve-ebs`` processes (see fault_harness.py). 200+ schedules by default; ``pytest --long``
(nightly) runs 2,000; ``MGM_FAULT_SCHEDULES=N`` sets the number."""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from fault_harness import Totals, run_lane

DEFAULT_SCHEDULES = 200
LONG_SCHEDULES = 2_000
LANES = 3  # one serve-ebs per lane; the processes mostly wait, so 3 lanes fit 2 cores


def schedule_count(config: pytest.Config) -> int:
    if os.environ.get("MGM_FAULT_SCHEDULES"):
        return int(os.environ["MGM_FAULT_SCHEDULES"])
    return LONG_SCHEDULES if config.getoption("--long") else DEFAULT_SCHEDULES


@pytest.mark.timeout(1800)
def test_no_tag_lost_no_effect_doubled_under_seeded_faults(
        tmp_path: Path, request: pytest.FixtureRequest) -> None:
    request.config.cache.set("mgm/fault-harness", None)  # no stale counts if this run fails
    count = schedule_count(request.config)
    first = int(os.environ.get("MGM_FAULT_FIRST_SEED", "0"))
    seeds = list(range(first, first + count))
    lanes = [seeds[i::LANES] for i in range(LANES)]
    with ThreadPoolExecutor(LANES) as pool:
        results = list(pool.map(lambda lane: run_lane(tmp_path / f"lane-{lane[0]}", lane[1]),
                                enumerate(lanes)))
    totals = Totals()
    for result in results:
        totals.add(result)
    summary = totals.line()
    request.config.cache.set("mgm/fault-harness", summary)
    print(summary)
    assert totals.schedules == count
    assert totals.kills > 0 and totals.rotations > 0 and totals.truncations > 0
    assert totals.crashes > 0
    assert not totals.lost, "\n".join(totals.lost[:20])
    assert not totals.duplicated, "\n".join(totals.duplicated[:20])
    assert not totals.spoof_effects, "\n".join(totals.spoof_effects[:20])
