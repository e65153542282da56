"""The tail consumer (SPEC §10): ``WoWChatLog.txt`` -> tags -> EBS calls, no tag lost, no
effect doubled."""

from mgm_addon_contract.tail.consumer import ConsumerStopped, RetryPolicy, Status, TailConsumer
from mgm_addon_contract.tail.events import EventLog
from mgm_addon_contract.tail.registry import Registry, RegistryError
from mgm_addon_contract.tail.router import Attempt, Outcome, Router

__all__ = ["Attempt", "ConsumerStopped", "EventLog", "Outcome", "Registry", "RegistryError",
           "RetryPolicy", "Router", "Status", "TailConsumer"]
