"""``mgm-contract replay LOG``: replay a recorded chat log through the tail consumer."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Annotated

import typer

from mgm_addon_contract.cli import app


@app.command("replay")
def replay_command(
    log: Annotated[Path, typer.Argument(help="A WoWChatLog.txt, or a fixtures/chatlogs/<name> "
                                        "folder (log + seed.json + expect.json).")],
    ebs: Annotated[str | None, typer.Option(help="EBS base URL (default: in-process mock).")]
    = None,
    mock: Annotated[bool, typer.Option(help="Use the in-process mock EBS.")] = True,
    state: Annotated[Path | None, typer.Option(help="Seed state JSON for the mock.")] = None,
    expect: Annotated[Path | None, typer.Option(help="Expectations JSON.")] = None,
    speed: Annotated[float | None, typer.Option(help="Pace by the log's timestamps / X.")]
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

    errors = make_console(stderr=True)
    if output_format not in ("text", "json", "junit", "github"):
        raise typer.BadParameter("--format must be text, json, junit or github")
    folder = log if log.is_dir() else None
    try:
        log_file, seed, expectations, options = load_fixture(folder) if folder else (
            log, {}, {}, None)
        if state:
            seed = json.loads(state.read_text(encoding="utf-8"))
        if expect:
            expectations = json.loads(expect.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        errors.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    if not log_file.is_file():
        errors.print(f"[red]error:[/red] {log_file}: no such file")
        raise typer.Exit(2)
    from mgm_addon_contract.replay import ReplayOptions

    options = options or ReplayOptions()
    if speed is not None:
        options.speed = speed
    if flush is not None:
        options.flush = flush
    key = os.environ.get(api_key_env) or "local-replay-key"
    register_secret(key)
    mock_ebs = None
    if ebs:
        client = httpx.Client(base_url=ebs, headers={"X-MGM-ApiKey": key}, timeout=5)
    else:
        mock_ebs = MockEbs(api_key=key, state=EbsState.from_json(seed))
        client = httpx.Client(transport=mock_ebs.transport(), base_url="http://mock-ebs",
                              headers={"X-MGM-ApiKey": key})
    try:
        result = replay(log_file, client, options=options, ebs=mock_ebs)
    except ValueError as exc:
        errors.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    result.mismatches = compare(result, expectations) if expectations else []
    if transcript is not None:
        from mgm_addon_contract.ebs.transcript import dump_transcript

        dump_transcript(result.transcript, transcript)
    render_replay(make_console(), result, log_file, output_format)
    raise typer.Exit(0 if result.ok else 1)
