"""``mgm-contract serve-ebs``: the mock EBS over HTTP, hardened against hostile clients."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from mgm_addon_contract.cli import app
from mgm_addon_contract.cli._errors import UserError, json_file
from mgm_addon_contract.cli._errors import port as port_option


@app.command("serve-ebs")
def serve_ebs(
    host: Annotated[str, typer.Option(help="Interface to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port (0: any free port; the URL is printed).")]
    = 8765,
    api_key_env: Annotated[str, typer.Option(help="Variable holding the API key the mock "
                                             "accepts (unset: any non-empty key).")]
    = "MGM_API_KEY",
    control_key_env: Annotated[str | None, typer.Option(
        help="Variable holding the key of the /_control/ API (X-MGM-ControlKey); default: "
             "the API key. With neither set, the control API is closed.")] = None,
    state: Annotated[Path | None, typer.Option(help="Seed state JSON.")] = None,
    max_body_bytes: Annotated[int, typer.Option(min=1, help="Larger request bodies get "
                                                "413.")] = 1 << 20,
    header_timeout: Annotated[float, typer.Option(min=0.01, help="Seconds a client has to "
                                                  "send a request's headers.")] = 10.0,
    body_timeout: Annotated[float, typer.Option(min=0.01, help="Seconds a client has to "
                                                "send a request's body.")] = 30.0,
    transcript_limit: Annotated[int, typer.Option(min=1, help="Requests kept in the "
                                                  "transcript (oldest dropped first).")]
    = 10_000,
) -> None:
    """Serve the Desktop routes, /api/e2e/prepare-pending-payout and /_control/ over HTTP."""
    from mgm_addon_contract.ebs import EbsState, MockEbs
    from mgm_addon_contract.ebs.server import Limits, listen, make_server
    from mgm_addon_contract.report.console import make_console

    port_number = port_option(port)
    seed = json_file(state, "state file") if state is not None else {}
    try:
        initial = EbsState.from_json(seed)
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        raise UserError(f"{state}: not a valid state document ({type(exc).__name__}: {exc})") \
            from None
    control_key = None
    if control_key_env is not None:
        control_key = os.environ.get(control_key_env)
        if not control_key:
            raise UserError(f"--control-key-env: ${control_key_env} is not set")
    try:
        listener = listen(host, port_number)
    except OSError as exc:
        raise UserError(f"cannot listen on {host}:{port_number} ({exc.strerror or exc})") \
            from None
    bound = listener.getsockname()[1]
    ebs = MockEbs(api_key=os.environ.get(api_key_env) or None, state=initial,
                  control_key=control_key, transcript_limit=transcript_limit)
    limits = Limits(max_body_bytes=max_body_bytes, header_timeout=header_timeout,
                    body_timeout=body_timeout)
    control = ("X-MGM-ControlKey" if control_key else "the API key" if ebs.api_key
               else "closed")
    make_console().print(f"mock EBS on http://{host}:{bound} (key from ${api_key_env}: "
                         f"{'set' if ebs.api_key else 'any'}; control API: {control})",
                         highlight=False)
    sys.stdout.flush()
    make_server(ebs, limits).run(sockets=[listener])
