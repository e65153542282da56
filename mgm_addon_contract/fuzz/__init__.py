"""Fuzzing the addon with Hypothesis: random step sequences checked by the contract monitor.

Each example is a list of steps run on a fresh client; Hypothesis shrinks a failing list to
the shortest sequence that still breaks a clause, which is printed as a readable script and
saved as a scenario file that later runs replay as a regression.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from hypothesis import HealthCheck, Phase, find, settings
from hypothesis import strategies as st
from hypothesis.errors import NoSuchExample

from mgm_addon_contract.scenarios.library import GIFT, P1, P2, SPIN, manual, notify, run, whisper
from mgm_addon_contract.scenarios.runner import ScenarioResult, run_scenario
from mgm_addon_contract.scenarios.steps import Step

P3 = "0b1e2f3a-4c5d-4e6f-8a9b-c0d1e2f3a4b5"
PAYOUTS = (P1, P2, P3)
WINNERS = ("Norinn", "Вася", "Bob")
SENDERS = ("Norinn", "norinn", "Norinn-Icecrown", "Вася", "ВАСЯ", "Norinna", "Bob")
REPLIES = ("!twgold", "  !TwGold ", "!TWGOLD", "twgold", "!twgold please", "!twgift",
           " !TwGift")
AMOUNTS = (10_000_000, 5_000_000, 1)


def _receive(entries: list[tuple[str, str, int]], bad: bool) -> Step:
    payload = "".join(f"{p}:{n}:{c};" for p, n, c in entries)
    if bad:
        payload = "oops:entry;" + payload
    return run(f'/run ReceiveGold("{payload}")')


def steps() -> st.SearchStrategy[Step]:
    """One step of the streamer, the Desktop, a player or the world."""
    entry = st.tuples(st.sampled_from(PAYOUTS), st.sampled_from(WINNERS[:2]),
                      st.sampled_from(AMOUNTS))
    return st.one_of(
        st.builds(notify, st.sampled_from(PAYOUTS), st.sampled_from(WINNERS)),
        st.builds(whisper, st.sampled_from(SENDERS), st.sampled_from(REPLIES)),
        st.builds(_receive, st.lists(entry, min_size=1, max_size=3), st.booleans()),
        st.sampled_from([Step("open_mailbox"), Step("close_mailbox"),
                         Step("click", {"text": "Prepare Mail"}), Step("click_send_mail"),
                         Step("fail_next_mail", {"reason": "Internal mail database error"}),
                         Step("enter_combat"), Step("leave_combat"), run("/mgm update")]),
        st.builds(manual, st.sampled_from(("Norinn", "norinn", "Вася", "Bob")),
                  st.sampled_from(AMOUNTS)),
        st.builds(lambda s: Step("advance", {"seconds": s}), st.sampled_from((0.2, 0.5, 1.0))),
        st.builds(lambda n: run(f'/run MGM_RunWhoForSpin("{SPIN}","{n}")'),
                  st.sampled_from(("Norinn", "Norin", "вася", "Ghost"))),
        st.builds(lambda n: run(f'/run MGM_RequestGiftConfirmation("{GIFT}","{n}")'),
                  st.sampled_from(("Вася", "Norinn"))),
    )


def scenarios(max_steps: int = 24) -> st.SearchStrategy[list[Step]]:
    """Step sequences; always ending with time passing so replies arrive."""
    return st.lists(steps(), max_size=max_steps).map(
        lambda s: [*s, Step("advance", {"seconds": 1.0})])


@dataclass
class FuzzFinding:
    """The shortest failing sequence found, with its failures."""

    result: ScenarioResult

    def script(self) -> str:
        """The reproducer as numbered, readable steps."""
        return "\n".join(f"{i:2}. {s.describe()}" for i, s in enumerate(self.result.steps, 1))


def fuzz(addon: Path, *, budget: int = 100, seed: int = 0, skip: frozenset[str] = frozenset(),
         max_steps: int = 24) -> FuzzFinding | None:
    """Search for a step sequence breaking a clause not in ``skip``; None if none found."""

    def breaks(candidate: list[Step]) -> bool:
        result = run_scenario(addon, candidate, "fuzz")
        return any(f.clause not in skip for f in result.failures)

    config = settings(max_examples=budget, database=None, deadline=None, derandomize=False,
                      phases=[Phase.generate, Phase.shrink],
                      suppress_health_check=list(HealthCheck))
    strategy = st.just(seed).flatmap(lambda _: scenarios(max_steps))
    try:
        found = find(strategy, breaks, settings=config, random=_seeded(seed))
    except NoSuchExample:
        return None
    return FuzzFinding(run_scenario(addon, found, "fuzz counterexample"))


def _seeded(seed: int):  # noqa: ANN202
    import random

    return random.Random(seed)
