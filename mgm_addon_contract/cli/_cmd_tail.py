"""``mgm-contract tail LOG --ebs URL``: the reference tail consumer for a real client's log."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Annotated

import typer

from mgm_addon_contract.cli import app
from mgm_addon_contract.cli._errors import (
    UserError,
    env_secret,
    http_url,
    input_file,
    output_file,
)


@app.command("tail")
def tail(
    log: Annotated[Path, typer.Argument(help="WoWChatLog.txt to follow.")],
    ebs: Annotated[str, typer.Option(help="EBS base URL.")],
    follow: Annotated[bool, typer.Option("--follow/--once", help="Keep following (default) "
                                         "or read what is there once.")] = True,
    checkpoint: Annotated[Path | None, typer.Option(help="Checkpoint file (resume without "
                                                    "loss or replay).")] = None,
    events: Annotated[Path | None, typer.Option(help="JSON-lines event log.")] = None,
    interval: Annotated[float, typer.Option(min=0.01, help="Polling interval in seconds.")]
    = 0.75,
    api_key_env: Annotated[str, typer.Option(help="Variable holding X-MGM-ApiKey.")]
    = "MGM_API_KEY",
) -> None:
    """Turn [MGM_*] tags into EBS calls (SPEC §10), exactly once, with retries."""
    import httpx

    from mgm_addon_contract.report.console import make_console
    from mgm_addon_contract.secrets import register_secret
    from mgm_addon_contract.tail import EventLog, Router, TailConsumer

    console = make_console()
    base_url = http_url(ebs)
    if log.is_dir():
        raise UserError(f"{log}: is a directory, not a chat log (give the WoWChatLog.txt path)")
    if not log.parent.is_dir():
        raise UserError(f"{log}: folder {log.parent} does not exist")
    if not follow:
        input_file(log, "chat log")
    output_file(checkpoint, "--checkpoint")
    output_file(events, "--events")
    key = env_secret(api_key_env)
    register_secret(key)
    client = httpx.Client(base_url=base_url, headers={"X-MGM-ApiKey": key}, timeout=10)
    try:
        consumer = TailConsumer(log, Router(client, EventLog(events)), checkpoint=checkpoint)
    except ValueError as exc:
        raise UserError(str(exc)) from None

    def show(outcomes) -> None:  # noqa: ANN001
        for o in outcomes:
            console.print(f"line {o.line}: {o.tag} {o.correlation_id or ''} -> "
                          f"{o.status if o.status is not None else o.result}")

    if not follow:
        show(consumer.finish())
        consumer.close()
        return
    stop = threading.Event()
    console.print(f"following {log} (Ctrl+C to stop)")
    try:
        consumer.follow(stop, interval=interval, on_poll=show)
    except KeyboardInterrupt:
        stop.set()
    finally:
        consumer.close()
