"""Mock EBS (SPEC §3-§5, §11, §12): in-process, as an httpx transport, or over HTTP."""

from mgm_addon_contract.ebs.service import API_KEY_HEADER, Fault, MockEbs, TranscriptEntry
from mgm_addon_contract.ebs.state import EbsState, Payout, Viewer

__all__ = ["API_KEY_HEADER", "EbsState", "Fault", "MockEbs", "Payout", "TranscriptEntry",
           "Viewer"]
