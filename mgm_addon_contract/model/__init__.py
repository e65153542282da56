"""Reference model of SPEC §8-§10 and §12: what the addon must print, whisper and mail for any
sequence of inputs (pure Python; the contract monitor compares the client with it)."""

from mgm_addon_contract.model.names import names_equal, reply_is, short_name, trim
from mgm_addon_contract.model.reference import (
    Armed,
    Duties,
    GoldResult,
    MailOutcome,
    QueueRow,
    ReferenceModel,
    WhoRequest,
)
from mgm_addon_contract.model.texts import SENT_TEXT, WINNER_TEXT

__all__ = [
    "SENT_TEXT",
    "WINNER_TEXT",
    "Armed",
    "Duties",
    "GoldResult",
    "MailOutcome",
    "QueueRow",
    "ReferenceModel",
    "WhoRequest",
    "names_equal",
    "reply_is",
    "short_name",
    "trim",
]
