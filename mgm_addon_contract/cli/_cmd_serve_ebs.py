"""``mgm-contract serve-ebs``: the mock EBS over real HTTP."""

from __future__ import annotations

import os
import socket
from pathlib import Path
from typing import Annotated

import typer

from mgm_addon_contract.cli import app
from mgm_addon_contract.cli._errors import UserError, json_file
from mgm_addon_contract.cli._errors import port as port_option


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

    port_number = port_option(port)
    seed = {}
    if state is not None:
        seed = json_file(state, "state file")
    try:
        initial = EbsState.from_json(seed)
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        raise UserError(f"{state}: not a valid state document ({type(exc).__name__}: {exc})") \
            from None
    listener = _bind(host, port_number)
    bound = listener.getsockname()[1]
    ebs = MockEbs(api_key=os.environ.get(api_key_env) or None, state=initial)
    make_console().print(f"mock EBS on http://{host}:{bound} (key from ${api_key_env}: "
                         f"{'set' if ebs.api_key else 'any'})")
    server = uvicorn.Server(uvicorn.Config(create_app(ebs), log_level="warning"))
    server.run(sockets=[listener])


def _bind(host: str, port: int) -> socket.socket:
    """A listening socket on ``host:port`` (port 0: any free port), or a user error."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as exc:
        raise UserError(f"--host {host}: cannot be resolved ({exc.strerror})") from None
    family, kind, proto, _, address = infos[0]
    listener = socket.socket(family, kind, proto)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listener.bind(address)
        listener.listen(2048)
    except OSError as exc:
        listener.close()
        raise UserError(f"cannot listen on {host}:{port} ({exc.strerror})") from None
    return listener
