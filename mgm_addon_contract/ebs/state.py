"""Mock EBS state: pool, spin cycle, payouts (SPEC §3), gift requests (SPEC §12), §11
announcements. Plain data; :mod:`service` guards it with a lock."""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

GOLD_PER_WIN = 1000
STATUSES = ("Pending", "InProgress", "Sent", "Failed", "Cancelled", "Expired")
# SPEC §3 allowed transitions.
TRANSITIONS = {
    ("Pending", "InProgress"), ("Pending", "Cancelled"), ("Pending", "Failed"),
    ("InProgress", "Sent"), ("InProgress", "Cancelled"), ("InProgress", "Failed"),
    ("InProgress", "Pending"), ("Pending", "Expired"), ("InProgress", "Expired"),
}
GIFT_STATES = ("Pending", "SelectingItem", "WaitingConfirmation", "Completed", "Failed")


@dataclass
class Viewer:
    twitchUserId: str  # noqa: N815 - wire names (camelCase JSON)
    twitchDisplayName: str  # noqa: N815
    characterName: str  # noqa: N815


@dataclass
class SpinCycle:
    id: str
    candidate: str
    deadline: str  # ISO-8601 UTC
    decided: bool = False


@dataclass
class Payout:
    id: str
    twitchUserId: str  # noqa: N815
    twitchDisplayName: str  # noqa: N815
    characterName: str  # noqa: N815
    goldAmount: int  # noqa: N815
    enrollmentRequestId: str | None  # noqa: N815
    status: str
    createdAt: str  # noqa: N815
    isRewardSentAnnouncedToChat: bool = False  # noqa: N815
    acceptedAt: str | None = None  # noqa: N815

    def dto(self) -> dict[str, Any]:
        """PayoutDto as the Desktop receives it."""
        data = asdict(self)
        data.pop("acceptedAt")
        return data


@dataclass
class GiftRequest:
    id: str
    characterName: str  # noqa: N815
    state: str = "SelectingItem"
    selectedItem: dict[str, Any] | None = None  # noqa: N815
    reason: str | None = None


@dataclass
class EbsState:
    pool: dict[str, Viewer] = field(default_factory=dict)  # by twitchUserId
    spin: SpinCycle | None = None
    payouts: dict[str, Payout] = field(default_factory=dict)
    gifts: dict[str, GiftRequest] = field(default_factory=dict)
    announcements: list[str] = field(default_factory=list)
    now: str = "2026-04-04T12:00:00Z"

    def clock(self) -> datetime:
        return datetime.fromisoformat(self.now.replace("Z", "+00:00"))

    def new_payout(self, viewer: Viewer) -> Payout:
        payout = Payout(str(uuid.uuid5(uuid.NAMESPACE_URL, f"payout/{viewer.twitchUserId}/"
                                       f"{len(self.payouts)}")),
                        viewer.twitchUserId, viewer.twitchDisplayName, viewer.characterName,
                        GOLD_PER_WIN, None, "Pending", self.now)
        self.payouts[payout.id] = payout
        return payout

    def to_json(self) -> dict[str, Any]:
        return {
            "now": self.now,
            "pool": [asdict(v) for v in self.pool.values()],
            "spin": asdict(self.spin) if self.spin else None,
            "payouts": [asdict(p) for p in self.payouts.values()],
            "gifts": [asdict(g) for g in self.gifts.values()],
            "announcements": list(self.announcements),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> EbsState:
        """State from a seed document (``--state FILE``, ``/_control/seed``)."""
        state = cls(now=data.get("now", "2026-04-04T12:00:00Z"))
        for v in data.get("pool", []):
            viewer = Viewer(str(v["twitchUserId"]), v.get("twitchDisplayName",
                            v["characterName"]), v["characterName"])
            state.pool[viewer.twitchUserId] = viewer
        spin = data.get("spin")
        if spin:
            deadline = spin.get("deadline") or (state.clock() + timedelta(minutes=5)).strftime(
                "%Y-%m-%dT%H:%M:%SZ")
            state.spin = SpinCycle(spin["id"], spin["candidate"], deadline,
                                   spin.get("decided", False))
        for p in data.get("payouts", []):
            payout = Payout(str(p["id"]).lower(), str(p.get("twitchUserId", "0")),
                            p.get("twitchDisplayName", p["characterName"]), p["characterName"],
                            p.get("goldAmount", GOLD_PER_WIN), p.get("enrollmentRequestId"),
                            p.get("status", "Pending"), p.get("createdAt", state.now),
                            p.get("isRewardSentAnnouncedToChat", False), p.get("acceptedAt"))
            state.payouts[payout.id] = payout
        for g in data.get("gifts", []):
            gift = GiftRequest(str(g["id"]).lower(), g["characterName"],
                               g.get("state", "SelectingItem"), g.get("selectedItem"),
                               g.get("reason"))
            state.gifts[gift.id] = gift
        state.announcements = list(data.get("announcements", []))
        return state


def utc_now_text(moment: datetime | None = None) -> str:
    return (moment or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
