"""Comparing a replay with a fixture's expectations (``expect.json``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mgm_addon_contract.replay import ReplayResult


def compare(result: ReplayResult, expect: dict[str, Any]) -> list[str]:
    """Differences between what happened and ``expect`` (requests, payouts, pool, gifts).

    Requests are the non-GET calls that got a final answer (retried transient failures are
    reported as failures, not compared); state expectations need the EBS state (the
    in-process mock, or an EBS with the control API)."""
    problems: list[str] = []
    state_keys = [k for k in ("payouts", "pool", "announcements", "gifts") if k in expect]
    if state_keys and not result.state:
        problems.append(f"cannot check {', '.join(state_keys)}: the EBS state is not "
                        "available (use the mock, or an EBS with the control API)")
    if "requests" in expect:
        actual = [r for r in result.transcript if r["method"] != "GET"
                  and r.get("status") is not None and r["status"] < 500]
        wanted = expect["requests"]
        for i in range(max(len(actual), len(wanted))):
            got = actual[i] if i < len(actual) else None
            want = wanted[i] if i < len(wanted) else None
            if got is None:
                problems.append(f"request {i + 1}: expected {_req(want)}, none was made")
            elif want is None:
                problems.append(f"request {i + 1}: unexpected {_req(got)}")
            elif any(want.get(k) != got.get(k) for k in ("method", "path", "status")) or (
                    "body" in want and want["body"] != got.get("body")):
                problems.append(f"request {i + 1}: expected {_req(want)}, got {_req(got)}")
    if "spoofed" in expect:
        spoofed = result.counts.get("spoofed", 0)
        if spoofed != expect["spoofed"]:
            problems.append(f"spoofed tags reported: expected {expect['spoofed']}, got {spoofed}")
    if not result.state:
        return problems
    payouts = {p["id"]: p for p in result.state.get("payouts", [])}
    for payout_id, status in expect.get("payouts", {}).items():
        got = payouts.get(payout_id, {}).get("status")
        if got != status:
            problems.append(f"payout {payout_id}: expected {status}, got {got}")
    if "pool" in expect:
        names = sorted(v["characterName"] for v in result.state.get("pool", []))
        if names != sorted(expect["pool"]):
            problems.append(f"pool: expected {sorted(expect['pool'])}, got {names}")
    if "announcements" in expect and len(result.state.get("announcements", [])) != \
            expect["announcements"]:
        problems.append(f"announcements: expected {expect['announcements']}, got "
                        f"{len(result.state.get('announcements', []))}")
    gifts = {g["id"]: g for g in result.state.get("gifts", [])}
    for gift_id, state in expect.get("gifts", {}).items():
        if gifts.get(gift_id, {}).get("state") != state:
            problems.append(f"gift {gift_id}: expected {state}, got "
                            f"{gifts.get(gift_id, {}).get('state')}")
    return problems


def _req(r: dict[str, Any] | None) -> str:
    return "-" if r is None else f"{r.get('method')} {r.get('path')} -> {r.get('status')}"
