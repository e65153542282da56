"""The contract clauses: id, level, SPEC reference, one-line statement.

Reports, errors, scenario files and docs all use these ids.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Clause:
    """One checkable promise of the SPEC."""

    id: str
    level: str  # "MUST" or "SHOULD"
    spec: str
    statement: str


CLAUSES: tuple[Clause, ...] = (
    Clause("LOADS-IN-LUA51", "MUST", "client facts: Lua 5.1",
           "Every file of the addon loads in the 3.3.5a client's Lua 5.1."),
    Clause("NO-LUA-ERRORS", "MUST", "SPEC §8-§10",
           "No Lua error in any scenario."),
    Clause("TAG-FORMAT", "MUST", "SPEC §8, §9, §10, §12",
           "Every tag the addon prints passes the grammar and its semantic checks."),
    Clause("WHISPER-WINNER-TEXT", "MUST", "SPEC §9 winner notification whisper",
           "NotifyWinnerWhisper whispers the exact §9 text once to the named winner."),
    Clause("ACCEPT-NOTIFIED-WINNER-ONLY", "MUST", "SPEC §9 whisper reply interception",
           "[MGM_ACCEPT] only for a payout whose notified winner sent the reply."),
    Clause("ACCEPT-BODY-NORMALIZED", "MUST", "SPEC §9 whisper reply interception",
           "A reply matches !twgold (and !twgift, by the same rule) case-insensitively "
           "after trimming whitespace."),
    Clause("ACCEPT-ONCE-PER-PAYOUT", "MUST", "SPEC §9, §10",
           "At most one [MGM_ACCEPT] per payout."),
    Clause("ACCEPT-ALL-NOTIFIED", "MUST", "SPEC §9",
           "Every notified payout can be accepted, not only the latest."),
    Clause("MAIL-CONFIRM-ARMED-ONLY", "MUST", "SPEC §9 mail-send detection",
           "[MGM_CONFIRM] only after MAIL_SEND_SUCCESS of a send armed by Prepare Mail."),
    Clause("MAIL-CONFIRM-ON-SUCCESS", "MUST", "SPEC §9 mail-send tag",
           "An armed send that succeeds prints [MGM_CONFIRM] for its payout."),
    Clause("MAIL-CONFIRM-ONCE", "MUST", "SPEC §9 mail-send tag",
           "At most one [MGM_CONFIRM] per payout."),
    Clause("MAIL-CONFIRM-AMOUNT", "MUST", "SPEC §9",
           "[MGM_CONFIRM] only when the mail carried the queued amount."),
    Clause("MAIL-COMPLETION-WHISPER", "MUST", "SPEC §9 mail-send tag",
           "Right after each [MGM_CONFIRM], the exact completion whisper to that recipient."),
    Clause("MAIL-MANUAL-UNTOUCHED", "MUST", "SPEC §9 mail-send detection",
           "Manual mail: no tag, no whisper, no queue change."),
    Clause("MAIL-FAILURE-REQUEUES", "MUST", "SPEC §9 arming",
           "MAIL_FAILED or closing the mailbox disarms and keeps the payout queued."),
    Clause("RECEIVEGOLD-PARSE", "MUST", "SPEC §9",
           "ReceiveGold queues every good entry and skips bad ones without losing the rest."),
    Clause("RECEIVEGOLD-NO-DUPLICATES", "MUST", "SPEC §9",
           "ReceiveGold never queues a payout id twice."),
    Clause("WHO-ONE-LINE", "MUST", "SPEC §8",
           "One /who request gives exactly one [MGM_WHO] line with the spin cycle id echoed."),
    Clause("WHO-ONLINE-EXACT", "MUST", "SPEC §4, §8",
           "online is true iff the exact name (case rules, Latin and Cyrillic) was listed."),
    Clause("WHO-NO-PROTECTED-CALL", "MUST", "SPEC §8; client facts: protected functions",
           "Asking /who touches no protected function (the client would block it)."),
    Clause("GIFT-ITEMS-LIST", "MUST", "SPEC §12",
           "[MGM_ITEMS] lists the bag contents with real item ids, counts, bags and slots."),
    Clause("GIFT-ACCEPT-GATED", "MUST", "SPEC §12",
           "[MGM_GIFT_ACCEPT] only after MGM_RequestGiftConfirmation and !twgift from that "
           "character."),
    Clause("UPDATE-CHECK", "SHOULD", "addon surface: /mgm update",
           "/mgm update prints [MGM_UPDATE_CHECK] once."),
    Clause("ACCEPT-NAME-MATCH", "MUST", "SPEC §4, §9 whisper reply interception",
           "The notified winner's !twgold (and !twgift) counts whatever the letter case of the "
           "enrolled name and of the sender as the server spells it, Latin and Cyrillic."),
    Clause("RECEIVEGOLD-NAME-LETTERS", "SHOULD", "SPEC §4 (the EBS's name rule), §9",
           "ReceiveGold skips an entry whose name is not 2-12 Latin or Cyrillic letters; SPEC "
           "§9 itself only rules out ':' and ';', so queuing one is not a MUST failure."),
)

BY_ID: dict[str, Clause] = {clause.id: clause for clause in CLAUSES}
