"""``mgm-contract replay LOG``: replay a recorded chat log through the tail consumer."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from mgm_addon_contract.cli import app
from mgm_addon_contract.cli._errors import (
    UserError,
    choice,
    http_url,
    input_dir,
    input_file,
    json_file,
    output_file,
)


@app.command("replay")
def replay_command(
    log: Annotated[Path, typer.Argument(help="A WoWChatLog.txt, or a fixtures/chatlogs/<name> "
                                        "folder (log + seed.json + expect.json).")],
    ebs: Annotated[str | None, typer.Option(help="EBS base URL (default: in-process mock).")]
    = None,
    state: Annotated[Path | None, typer.Option(help="Seed state JSON for the mock.")] = None,
    expect: Annotated[Path | None, typer.Option(help="Expectations JSON.")] = None,
    speed: Annotated[float | None, typer.Option(min=0.001, help="Pace by the log's "
                                                "timestamps / X.")]
    = None,
    flush: Annotated[str | None, typer.Option(help="line, block:N or random")] = None,
    api_key_env: Annotated[str, typer.Option(help="Variable holding the API key.")]
    = "MGM_API_KEY",
    output_format: Annotated[str, typer.Option("--format", help="text, json, junit or github "
                                               "(annotations)")] = "text",
    transcript: Annotated[Path | None, typer.Option(help="Write the mock EBS's HTTP "
                                                    "transcript (JSON lines) here.")] = None,
) -> None:
    """Write LOG into a fresh chat log as the client would, follow it, compare effects."""
    import httpx

    from mgm_addon_contract.ebs import EbsState, MockEbs
    from mgm_addon_contract.replay import compare, load_fixture, replay
    from mgm_addon_contract.report.console import make_console
    from mgm_addon_contract.report.replay_report import render_replay
    from mgm_addon_contract.secrets import register_secret

    choice(output_format, ("text", "json", "junit", "github"), "--format")
    base_url = http_url(ebs) if ebs else None
    output_file(transcript, "--transcript")
    folder = input_dir(log, "fixture folder") if log.is_dir() else None
    try:
        log_file, seed, expectations, options = load_fixture(folder) if folder else (
            log, {}, {}, None)
    except (UnicodeDecodeError, ValueError) as exc:
        raise UserError(str(exc)) from None
    if state:
        seed = json_file(state, "state file")
    if expect:
        expectations = json_file(expect, "expectations file")
    input_file(log_file, "chat log")
    from mgm_addon_contract.replay import ReplayOptions

    options = options or ReplayOptions()
    if speed is not None:
        options.speed = speed
    if flush is not None:
        options.flush = flush
    key = os.environ.get(api_key_env) or "local-replay-key"
    register_secret(key)
    mock_ebs = None
    if base_url:
        client = httpx.Client(base_url=base_url, headers={"X-MGM-ApiKey": key}, timeout=5)
    else:
        mock_ebs = MockEbs(api_key=key, state=EbsState.from_json(seed))
        client = httpx.Client(transport=mock_ebs.transport(), base_url="http://mock-ebs",
                              headers={"X-MGM-ApiKey": key})
    try:
        result = replay(log_file, client, options=options, ebs=mock_ebs)
    except ValueError as exc:
        raise UserError(str(exc)) from None
    result.mismatches = compare(result, expectations) if expectations else []
    if transcript is not None:
        from mgm_addon_contract.ebs.transcript import dump_transcript

        dump_transcript(result.transcript, transcript)
    render_replay(make_console(), result, log_file, output_format)
    raise typer.Exit(0 if result.ok else 1)
