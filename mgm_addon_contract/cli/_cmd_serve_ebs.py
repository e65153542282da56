"""``mgm-contract serve-ebs``: the mock EBS over real HTTP."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Annotated

import typer

from mgm_addon_contract.cli import app


@app.command("serve-ebs")
def serve_ebs(
    host: Annotated[str, typer.Option(help="Interface to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8765,
    api_key_env: Annotated[str, typer.Option(help="Variable holding the API key the mock "
                                             "accepts (unset: any non-empty key).")]
    = "MGM_API_KEY",
    state: Annotated[Path | None, typer.Option(help="Seed state JSON.")] = None,
) -> None:
    """Serve the Desktop routes, /api/e2e/prepare-pending-payout and /_control/ over HTTP."""
    import uvicorn

    from mgm_addon_contract.ebs import EbsState, MockEbs
    from mgm_addon_contract.ebs.app import create_app
    from mgm_addon_contract.report.console import make_console

    seed = {}
    if state is not None:
        try:
            seed = json.loads(state.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            make_console(stderr=True).print(f"[red]error:[/red] {state}: {exc}")
            raise typer.Exit(2) from None
    ebs = MockEbs(api_key=os.environ.get(api_key_env) or None, state=EbsState.from_json(seed))
    make_console().print(f"mock EBS on http://{host}:{port} (key from ${api_key_env}: "
                         f"{'set' if ebs.api_key else 'any'})")
    uvicorn.run(create_app(ebs), host=host, port=port, log_level="warning")
