"""The SC-001 world on one simulated clock: headless client with the addon, mock EBS, the
tail consumer on the client's chat log, and a Desktop driver typing /run lines.

Every component writes to one timeline (simulated time, component, event, correlation id),
which ``--trace`` saves as JSON lines in order.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from mgm_addon_contract.desktop import TypingModel, notify_line, receive_gold_lines, who_line
from mgm_addon_contract.ebs import EbsState, MockEbs
from mgm_addon_contract.grammar import parse_message
from mgm_addon_contract.grammar.checks import matches
from mgm_addon_contract.scenarios.steps import Step
from mgm_addon_contract.secrets import redact
from mgm_addon_contract.tail import EventLog, Router, TailConsumer
from mgm_addon_contract.tail.router import Outcome
from wowapi_stubs import ClientSettings, HeadlessClient, WhoEntry

API_KEY = "e2e-local-key"


@dataclass
class TimelineEvent:
    time: float
    component: str
    event: str
    correlation_id: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"t": round(self.time, 3), "component": self.component, "event": self.event,
                "correlation_id": self.correlation_id}


@dataclass
class World:
    """All components of one e2e run."""

    addon: Path
    workdir: Path
    seed: dict[str, Any]
    roster: list[str]
    hold_until_accepted: bool = False
    typing: TypingModel = field(default_factory=TypingModel)
    timeline: list[TimelineEvent] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.client = HeadlessClient(ClientSettings(wow_dir=self.workdir / "World of Warcraft"))
        self.client.set_world_roster([WhoEntry(name) for name in self.roster])
        self.load = self.client.load_addon(self.addon)
        self.ebs = MockEbs(api_key=API_KEY, state=EbsState.from_json(self.seed))
        self.http = httpx.Client(transport=self.ebs.transport(), base_url="http://mock-ebs",
                                 headers={"X-MGM-ApiKey": API_KEY})
        self.accepted: set[str] = set()
        self.notified: set[str] = set()
        self.consumer = self._new_consumer()
        self._transcript_seen = 0
        self._chat_seen = 0

    # -- components ----------------------------------------------------------------------

    def prepare_mail(self) -> bool:
        """The streamer clicks the addon's Prepare Mail control (found by its text or by
        what it does: :mod:`mgm_addon_contract.scenarios.prepare`); False if there is none
        or the click was ignored."""
        from mgm_addon_contract.scenarios.runner import prepare_control
        from mgm_addon_contract.scenarios.steps import execute

        control = prepare_control(self.addon)
        return control is not None and execute(self.client, Step("click", dict(control.args)))

    def _new_consumer(self) -> TailConsumer:
        router = Router(self.http, EventLog(self.workdir / "consumer-events.jsonl"))
        return TailConsumer(self.client.chatlog_path, router,
                            checkpoint=self.workdir / "checkpoint.json",
                            clock=lambda: self.client.uptime, sleep=self.client.advance,
                            on_outcome=self._on_outcome)

    def restart_desktop(self) -> None:
        """The Desktop app restarts: a new consumer resumes from the checkpoint."""
        self.consumer.close()
        self.note("desktop", "restart")
        self.consumer = self._new_consumer()

    def _on_outcome(self, outcome: Outcome) -> None:
        if outcome.tag == "MGM_ACCEPT" and outcome.status == 200:
            self.accepted.add(outcome.correlation_id or "")

    def note(self, component: str, event: str, correlation_id: str | None = None) -> None:
        self.timeline.append(TimelineEvent(self.client.uptime, component, event, correlation_id))

    def settle(self) -> None:
        """Let the client's chat log reach the consumer and record what happened."""
        self.consumer.poll_once()
        self._collect()

    def _uptime_at(self, moment: Any) -> float:
        start = self.client.settings.start_time
        return self.client.settings.uptime_at_start + (moment - start).total_seconds()

    def _collect(self) -> None:
        for line in self.client.chat[self._chat_seen:]:
            at = self._uptime_at(line.time)
            parsed = parse_message(line.text) if line.kind == "addon" else None
            if parsed is not None and parsed.tag is not None:
                tag = parsed.tag
                self.timeline.append(TimelineEvent(at, "client", f"prints [{tag.kind.value}]",
                                                   tag.correlation_id))
            elif line.kind in ("whisper-in", "whisper-out"):
                self.timeline.append(TimelineEvent(at, "client", line.text[:60]))
        self._chat_seen = len(self.client.chat)
        unseen = max(0, self._transcript_seen - self.ebs.transcript_dropped)
        for entry in self.ebs.transcript[unseen:]:
            ident = next((part for part in entry.path.split("/") if matches("uuid", part)), None)
            if entry.path.endswith("verify-candidate") and isinstance(entry.body, dict):
                ident = entry.body.get("spinCycleId")
            self.note("ebs", f"{entry.method} {entry.path} -> {entry.status}", ident)
        self._transcript_seen = self.ebs.transcript_dropped + len(self.ebs.transcript)

    # -- the Desktop driver --------------------------------------------------------------
    def type(self, line: str, correlation_id: str | None = None) -> None:
        """Type a /run line at the typing model's pace, then press Enter."""
        self.client.advance(self.typing.seconds(line))
        self.note("desktop", f"types {line.split('(')[0]}(...)", correlation_id)
        self.client.type_line(line)

    def pending(self) -> list[dict[str, Any]]:
        response = self.http.get("/api/payouts/pending")
        return response.json() if response.status_code == 200 else []

    def ask_who(self, spin: str, name: str) -> None:
        self.type(who_line(spin, name), spin)

    def notify_new_pending(self) -> None:
        for payout in self.pending():
            if payout["status"] == "Pending" and payout["id"] not in self.notified:
                self.notified.add(payout["id"])
                self.type(notify_line(payout["id"], payout["characterName"]), payout["id"])

    def sync_inject(self) -> list[str]:
        """PATCH InProgress then ReceiveGold lines (holding back unaccepted payouts when the
        SPEC §5 product rule is on)."""
        ready = [p for p in self.pending() if p["status"] in ("Pending", "InProgress")
                 and (not self.hold_until_accepted or p["id"] in self.accepted)]
        for payout in ready:
            if payout["status"] == "Pending":
                self.http.patch(f"/api/payouts/{payout['id']}/status",
                                json={"status": "InProgress"})
        self._collect()
        entries = [(p["id"], p["characterName"], p["goldAmount"]) for p in ready]
        for line in receive_gold_lines(entries):
            self.type(line, ready[0]["id"] if len(ready) == 1 else None)
        return [p["id"] for p in ready]

    # -- results -------------------------------------------------------------------------
    def transcript(self) -> list[dict[str, Any]]:
        return [e.to_json() for e in self.ebs.transcript]

    def ordered_timeline(self) -> list[TimelineEvent]:
        """Events by simulated time (stable: same-time events keep their order)."""
        return sorted(self.timeline, key=lambda e: e.time)

    def write_trace(self, path: Path) -> None:
        path.write_text("".join(redact(json.dumps(e.to_json(), ensure_ascii=False)) + "\n"
                                for e in self.ordered_timeline()), encoding="utf-8")

    def close(self) -> None:
        self.consumer.close()
        self.client.close()
