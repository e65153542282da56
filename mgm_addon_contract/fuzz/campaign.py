"""Fuzzing campaigns: the contract's state machines as pytest tests for HypoFuzz.

Run for as long as you like (``pip install -e '.[fuzz]'``)::

    hypothesis fuzz --no-dashboard -n 2 -- --pyargs mgm_addon_contract.fuzz.campaign -o addopts=

or once, as ordinary tests: ``pytest --pyargs mgm_addon_contract.fuzz.campaign``. The
machines drive ``$MGM_ADDON_DIR`` (default: the bundled reference addon); each contract clause
is an invariant (SPEC §8-§10, §12). Failures go to the shared example database
(:func:`~mgm_addon_contract.fuzz.database.campaign_database`: Redis when
``$MGM_HYPOTHESIS_REDIS`` is set, else the folder ``$MGM_HYPOTHESIS_DB``), under the same keys
``mgm-contract check`` uses, so ``check --replay-db`` re-runs them as regressions.

Importing this module loads the ``mgm-campaign`` Hypothesis profile (HypoFuzz fuzzes only
tests whose database is the default one); run it on its own, not inside another suite.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

from mgm_addon_contract.fuzz.database import campaign_database
from mgm_addon_contract.fuzz.runner import DEFAULT_STEPS, bind_machine
from mgm_addon_contract.pytest_plugin import addon_under_test

PROFILE = "mgm-campaign"
EXAMPLES_ENV = "MGM_CAMPAIGN_EXAMPLES"
"""Examples per machine in a plain pytest run (HypoFuzz ignores it and runs until stopped)."""

settings.register_profile(
    PROFILE,
    database=campaign_database(),
    derandomize=False,
    deadline=None,
    max_examples=int(os.environ.get(EXAMPLES_ENV) or 200),
    stateful_step_count=DEFAULT_STEPS,
    # every health check a slow, stateful run can trip, but not nested_given: HypoFuzz
    # refuses tests that suppress it
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                           HealthCheck.filter_too_much, HealthCheck.large_base_example],
    print_blob=True,
)
settings.load_profile(PROFILE)
CAMPAIGN_SETTINGS = settings.get_profile(PROFILE)
ADDON = addon_under_test()


def _test_case(machine: str) -> type:
    case = bind_machine(machine, ADDON).TestCase
    case.settings = CAMPAIGN_SETTINGS
    return case


TestMailGating = _test_case("mail")
TestAcceptance = _test_case("acceptance")
TestWho = _test_case("who")
TestGift = _test_case("gift")
