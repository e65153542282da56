"""``expect_*`` steps: assertions a scenario makes about what the addon did since the
previous group of expectations (tags printed, whispers sent, mail delivered, chat lines)."""

from __future__ import annotations

from typing import Any

from mgm_addon_contract.grammar import TagKind, parse_message
from mgm_addon_contract.model import names_equal
from mgm_addon_contract.scenarios.steps import Step
from wowapi_stubs import HeadlessClient

EXPECTATIONS = {
    "expect_tag": ("kind",),
    "expect_no_tag": ("kind",),
    "expect_whisper": ("to",),
    "expect_no_whisper": (),
    "expect_chat": ("contains",),
    "expect_mail": ("recipient",),
    "expect_no_mail": (),
}
"""Expectation actions and their required arguments (all take an optional ``clause``)."""


def tag_kind(name: str) -> TagKind:
    """``CONFIRM``, ``MGM_CONFIRM`` or ``[MGM_CONFIRM]`` -> :class:`TagKind`."""
    wanted = name.strip("[]").upper()
    wanted = wanted if wanted.startswith("MGM_") else f"MGM_{wanted}"
    for kind in TagKind:
        if kind.value == wanted:
            return kind
    known = ", ".join(k.value for k in TagKind)
    raise ValueError(f"unknown tag kind {name!r} (known: {known})")


def check_expectation(client: HeadlessClient, step: Step, window: dict[str, int]) -> str | None:
    """None if the expectation holds for the observations since ``window``; else why not."""
    a: dict[str, Any] = step.args
    match step.action:
        case "expect_tag" | "expect_no_tag":
            kind = tag_kind(a["kind"])
            tags = [p.tag for line in client.chat[window["chat"]:] if line.kind == "addon"
                    for p in [parse_message(line.text)] if p.tag and p.tag.kind is kind]
            if "id" in a:
                tags = [t for t in tags if t.id == a["id"]]
            wanted = 0 if step.action == "expect_no_tag" else int(a.get("count", 1))
            if len(tags) != wanted:
                what = f"[{kind.value}{':' + a['id'] if 'id' in a else ''}]"
                return f"expected {wanted} {what} line(s), saw {len(tags)}"
        case "expect_whisper" | "expect_no_whisper":
            sent = [w for w in client.whispers_sent[window["whispers"]:]
                    if ("to" not in a or names_equal(w.target, a["to"]))
                    and ("text" not in a or w.text == a["text"])]
            wanted = 0 if step.action == "expect_no_whisper" else int(a.get("count", 1))
            if len(sent) != wanted:
                seen = "; ".join(f"to {w.target}: {w.text!r}" for w in sent) or "none"
                return f"expected {wanted} matching whisper(s) to {a.get('to', 'anyone')}, " \
                       f"saw {len(sent)} ({seen})"
        case "expect_chat":
            texts = [line.text for line in client.chat[window["chat"]:]]
            if not any(a["contains"] in text for text in texts):
                return f"no chat line contains {a['contains']!r}"
        case "expect_mail" | "expect_no_mail":
            mails = [m for m in client.mail_ledger[window["ledger"]:]
                     if ("recipient" not in a or names_equal(m.recipient, a["recipient"]))
                     and ("copper" not in a or m.copper == int(a["copper"]))]
            wanted = 0 if step.action == "expect_no_mail" else int(a.get("count", 1))
            if len(mails) != wanted:
                return f"expected {wanted} delivered mail(s) matching {a}, saw {len(mails)}"
    return None
