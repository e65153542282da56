"""The model follows the client when the mailbox closes without a ``close_mailbox`` step:
the Send Mail tab's Cancel, or the addon's own ``CloseMail()``. An addon that disables
Prepare Mail once the mailbox is closed is right (SPEC §9), not a lost queue row."""

from __future__ import annotations

import pytest

from mgm_addon_contract._resources import reference_addon_dir
from mgm_addon_contract.scenarios.library import OPEN, PREPARE, run
from mgm_addon_contract.scenarios.runner import run_scenario
from mgm_addon_contract.scenarios.steps import Step

ROW = "2d2b7b2a-1111-2222-3333-444444444444"
QUEUE = run(f'/run ReceiveGold("{ROW}:Norinn:10000000;")')


@pytest.mark.parametrize("close", [Step("click", {"text": "Cancel"}), run("/run CloseMail()")],
                         ids=["the tab's Cancel", "CloseMail()"])
def test_a_mailbox_closed_by_the_client_is_closed_for_the_model(close: Step) -> None:
    steps = [QUEUE, OPEN, close, PREPARE, OPEN, PREPARE, Step("click_send_mail"),
             Step("advance", {"seconds": 3})]
    result = run_scenario(reference_addon_dir(), steps)
    assert result.failures == []
    assert "MAIL-CONFIRM-ON-SUCCESS" in result.exercised  # the reopened send was judged

