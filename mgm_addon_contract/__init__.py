"""mgm-addon-contract: verify the MimironsGoldOMatic addon <-> chat-log <-> EBS contract headlessly.

The package builds on :mod:`wowapi_stubs` (a headless WoW 3.3.5a client) and adds the
MGM-specific parts: the tag grammar, contract clauses, fuzzing, the tail consumer, the mock
EBS, log replay and SPEC checking (SPEC §3-§5, §8-§10, §12).
"""

__version__ = "0.1.0"
