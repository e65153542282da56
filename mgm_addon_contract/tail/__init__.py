"""The tail consumer (SPEC §10): ``WoWChatLog.txt`` -> tags -> EBS calls, exactly once."""

from mgm_addon_contract.tail.consumer import TailConsumer
from mgm_addon_contract.tail.events import EventLog
from mgm_addon_contract.tail.router import Outcome, RetryPolicy, Router

__all__ = ["EventLog", "Outcome", "RetryPolicy", "Router", "TailConsumer"]
