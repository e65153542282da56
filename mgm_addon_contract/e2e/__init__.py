"""SC-001 end to end, headless: /who -> [MGM_WHO] -> verify-candidate -> Pending -> winner
whisper -> !twgold -> [MGM_ACCEPT] -> confirm-acceptance -> Sync/Inject -> Prepare Mail ->
[MGM_CONFIRM] -> Sent; plus named failure scenarios, each with the step it must break at.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mgm_addon_contract.e2e.harness import World

SPIN = "550e8400-e29b-41d4-a716-446655440000"
WINNER, VIEWER = "Norinn", "1001"
GOLD_COPPER = 10_000_000
STEPS = ("who-creates-pending", "winner-whisper", "consent-recorded", "sync-inject",
         "mail-confirmed", "sent-and-out-of-pool")


@dataclass
class StepResult:
    name: str
    ok: bool
    detail: str
    causes: list[str] = field(default_factory=list)  # why a broken step broke


@dataclass
class E2EResult:
    scenario: str
    steps: list[StepResult] = field(default_factory=list)
    expected_break: str | None = None
    world: World | None = None
    addon: Path | None = None

    @property
    def title(self) -> str:
        return SCENARIOS[self.scenario].description

    @property
    def broken_step(self) -> str | None:
        return next((s.name for s in self.steps if not s.ok), None)

    @property
    def verdict(self) -> bool:
        """The scenario behaved as designed: all steps pass, or it broke where it must."""
        return self.broken_step == self.expected_break


@dataclass(frozen=True)
class Scenario:
    description: str
    expected_break: str | None = None
    roster: tuple[str, ...] = (WINNER, "Norinna", "Вася")
    reply: str | None = "!twgold"
    hold_until_accepted: bool = False
    before_mail: Callable[[World], None] | None = None
    sync_twice: bool = False
    restart_after_consent: bool = False


def _manual_mail(world: World) -> None:
    world.note("streamer", "sends a manual mail to the winner")
    world.client.send_mail_manual(WINNER, 500_000, subject="raid repairs")
    world.client.advance(1)


def _fail_first_send(world: World) -> None:
    world.client.fail_next_mail("Internal mail database error")
    world.note("streamer", "Prepare Mail, Send (the server fails it)")
    world.prepare_mail()
    world.client.click_send_mail()
    world.client.advance(1)


SCENARIOS: dict[str, Scenario] = {
    "happy": Scenario("SC-001: every step succeeds"),
    "offline-at-who": Scenario("the candidate is offline at /who: no payout",
                               "who-creates-pending", roster=("Norinna", "Вася")),
    "no-consent": Scenario("the winner never answers !twgold; the Desktop holds ReceiveGold "
                           "(SPEC §5 product rule)", "consent-recorded", reply=None,
                           hold_until_accepted=True),
    "mail-failure-then-retry": Scenario("the first send fails, Prepare Mail again succeeds",
                                        before_mail=_fail_first_send),
    "manual-mail-between": Scenario("a manual mail to the winner before the MGM send",
                                    before_mail=_manual_mail),
    "duplicate-sync-inject": Scenario("Sync/Inject twice: one queue row, one mail",
                                      sync_twice=True),
    "desktop-restart-mid-flow": Scenario("the Desktop restarts after consent; no loss, no "
                                         "replay", restart_after_consent=True),
}


def run_e2e(addon: Path, scenario: str = "happy", *, workdir: Path | None = None) -> E2EResult:
    """Run one named scenario; the returned world holds timeline and transcript."""
    spec = SCENARIOS[scenario]
    seed = {"pool": [{"twitchUserId": VIEWER, "twitchDisplayName": "norinn_tv",
                      "characterName": WINNER}], "spin": {"id": SPIN, "candidate": WINNER}}
    world = World(addon, workdir or Path(tempfile.mkdtemp(prefix="mgm-e2e-")), seed,
                  list(spec.roster), hold_until_accepted=spec.hold_until_accepted)
    result = E2EResult(scenario, expected_break=spec.expected_break, world=world,
                       addon=Path(addon))
    for step in _steps(world, spec):
        errors, findings = len(world.client.errors), len(world.client.findings)
        name, ok, detail = step()
        causes = [] if ok else _causes(world, errors, findings)
        result.steps.append(StepResult(name, ok, detail, causes))
        if not ok:
            break
    return result


def _causes(world: World, errors: int, findings: int) -> list[str]:
    """What the client saw while a step broke: blocked protected calls, Lua errors (with
    file:line), the last tag the addon printed."""
    from mgm_addon_contract.grammar import parse_message

    client = world.client
    causes = [f"blocked protected call: {f.message} at {f.location}"
              for f in client.findings[findings:] if f.kind == "protected-call-blocked"]
    causes += [f"Lua error: {e.location}: {e.message}" for e in client.errors[errors:]]
    tags = [line.text for line in client.chat if line.kind == "addon"
            and (parse_message(line.text).tag is not None)]
    causes.append(f"last tag seen: {tags[-1]}" if tags else "no tag printed by the addon yet")
    if not world.load.ok:
        causes.insert(0, "the addon did not load: " + "; ".join(
            f"{e.location}: {e.message}" for e in world.load.errors))
    return causes


def _steps(world: World, spec: Scenario) -> list[Callable[[], tuple[str, bool, str]]]:
    state: dict[str, Any] = {}

    def who() -> tuple[str, bool, str]:
        world.note("ebs", "spin cycle open", SPIN)
        world.ask_who(SPIN, WINNER)
        world.client.advance(1)
        world.settle()
        pending = world.pending()
        state["payout"] = pending[0]["id"] if pending else None
        return ("who-creates-pending", bool(pending),
                f"Pending payout {state['payout']}" if pending else "no Pending payout")

    def notify() -> tuple[str, bool, str]:
        world.notify_new_pending()
        world.settle()
        sent = [w for w in world.client.whispers_sent if w.target == WINNER]
        return ("winner-whisper", len(sent) == 1, f"{len(sent)} whisper(s) to {WINNER}")

    def consent() -> tuple[str, bool, str]:
        if spec.reply is not None:
            world.client.advance(15)
            world.note("winner", f"whispers {spec.reply!r}", state["payout"])
            world.client.whisper_from(WINNER, spec.reply)
        world.client.advance(5)
        world.settle()
        accepted = world.ebs.state.payouts[state["payout"]].acceptedAt is not None
        if spec.restart_after_consent:
            world.restart_desktop()
            world.settle()
        return ("consent-recorded", accepted,
                "acceptance recorded" if accepted else "no acceptance recorded")

    def inject() -> tuple[str, bool, str]:
        injected = world.sync_inject()
        if spec.sync_twice:
            world.sync_inject()
        world.settle()
        status = world.ebs.state.payouts[state["payout"]].status
        return ("sync-inject", state["payout"] in injected and status == "InProgress",
                f"payout {status}, ReceiveGold for {injected}")

    def mail() -> tuple[str, bool, str]:
        world.client.open_mailbox()
        if spec.before_mail:
            spec.before_mail(world)
        world.note("streamer", "Prepare Mail, Send", state["payout"])
        world.prepare_mail()
        world.client.click_send_mail()
        world.client.advance(1)
        world.settle()
        status = world.ebs.state.payouts[state["payout"]].status
        return ("mail-confirmed", status == "Sent", f"payout {status}")

    def done() -> tuple[str, bool, str]:
        state_now = world.ebs.state
        received = world.client.mail.received_by(WINNER)
        mgm_mails = [m for m in world.client.mail_ledger if m.copper == GOLD_COPPER]
        ok = (not any(v.characterName == WINNER for v in state_now.pool.values())
              and len(state_now.announcements) == 1 and len(mgm_mails) == 1
              and received >= GOLD_COPPER)
        return ("sent-and-out-of-pool", ok,
                f"pool {[v.characterName for v in state_now.pool.values()]}, "
                f"{len(state_now.announcements)} announcement(s), {len(mgm_mails)} payout "
                f"mail(s), {received} copper received")

    return [who, notify, consent, inject, mail, done]
