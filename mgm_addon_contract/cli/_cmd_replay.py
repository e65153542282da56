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
    transcript: Annotated[Path | None, typer.Option(help="Write every request made and the "
                                                    "EBS's answer (JSON lines) here.")] = None,
    max_line_bytes: Annotated[int | None, typer.Option(min=256, help="Longest line read "
                                                       "whole (default 256 KiB); longer ones "
                                                       "are reported as too long.")] = None,
    retry_for: Annotated[float, typer.Option(min=0, help="Seconds to keep retrying a failing "
                                             "or unreachable EBS at the end.")] = 10.0,
) -> None:
    """Write LOG into a fresh chat log as the client would, follow it, compare effects.

    With expectations (a fixture folder or --expect): exit 1 on any mismatch. Without: every
    request outcome is listed and exit 1 when a request failed or the EBS was unreachable."""
    import httpx

    from mgm_addon_contract.ebs import MockEbs
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
    from mgm_addon_contract.replay.writer import check_policy

    options = options or ReplayOptions()
    try:
        check_policy(flush or options.flush)
    except ValueError as exc:
        raise UserError(str(exc)) from None
    if speed is not None:
        options.speed = speed
    if flush is not None:
        options.flush = flush
    options.retry_for = retry_for
    if max_line_bytes is not None:
        options.max_line_bytes = max_line_bytes
    key = os.environ.get(api_key_env) or "local-replay-key"
    register_secret(key)
    mock_ebs, state_reader = None, None
    if base_url:
        client = httpx.Client(base_url=base_url, headers={"X-MGM-ApiKey": key}, timeout=5)
        state_reader = _remote_state(client)
    else:
        mock_ebs = MockEbs(api_key=key, state=_seed_state(seed, state))
        client = httpx.Client(transport=mock_ebs.transport(), base_url="http://mock-ebs",
                              headers={"X-MGM-ApiKey": key})
    try:
        result = replay(log_file, client, options=options, ebs=mock_ebs,
                        state_reader=state_reader)
    except ValueError as exc:
        raise UserError(str(exc)) from None
    result.expectations = bool(expectations)
    result.mismatches = compare(result, expectations) if expectations else []
    if transcript is not None:
        from mgm_addon_contract.ebs.transcript import dump_transcript

        dump_transcript(result.transcript, transcript)
    render_replay(make_console(), result, log_file, output_format)
    if result.interrupted:
        raise KeyboardInterrupt
    raise typer.Exit(0 if result.ok else 1)


def _seed_state(seed: dict, source: Path | None):  # noqa: ANN202 - EbsState
    from mgm_addon_contract.ebs import EbsState

    try:
        return EbsState.from_json(seed)
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        raise UserError(f"{source or 'seed.json'}: not a valid state document "
                        f"({type(exc).__name__}: {exc})") from None


def _remote_state(client):  # noqa: ANN001, ANN202 - httpx.Client -> callable
    """The EBS state through serve-ebs's control API ({} when the EBS has none)."""

    def read() -> dict:
        import httpx

        try:
            response = client.get("/_control/state")
        except httpx.RequestError:
            return {}
        return response.json() if response.status_code == 200 else {}

    return read
