"""The API key never appears in any output, log, report or artifact the library writes."""

from __future__ import annotations

from pathlib import Path

import httpx

from mgm_addon_contract._resources import chatlogs_dir
from mgm_addon_contract.ebs import EbsState, MockEbs
from mgm_addon_contract.ebs.transcript import dump_transcript
from mgm_addon_contract.replay import load_fixture, replay

KEY = "sk-live-very-secret-9d8c7b"


def test_event_logs_checkpoints_transcripts_hold_no_key(tmp_path: Path) -> None:
    log, seed, _, options = load_fixture(chatlogs_dir() / "sc001-happy-path")
    ebs = MockEbs(api_key=KEY, state=EbsState.from_json(seed))
    client = httpx.Client(transport=ebs.transport(), base_url="http://ebs",
                          headers={"X-MGM-ApiKey": KEY})
    replay(log, client, options=options, ebs=ebs, workdir=tmp_path)
    dump_transcript([e.to_json() for e in ebs.transcript], tmp_path / "transcript.jsonl")
    written = list(tmp_path.rglob("*"))
    assert {p.name for p in written} >= {"consumer-events.jsonl", "cp.json", "transcript.jsonl"}
    for path in written:
        if path.is_file():
            assert KEY not in path.read_text(encoding="utf-8", errors="replace"), path
