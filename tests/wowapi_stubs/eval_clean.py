"""Run Lua in a client and require that it raised no error."""

from __future__ import annotations

from wowapi_stubs import HeadlessClient


def run(client: HeadlessClient, code: str) -> object:
    """``client.eval_lua(code)``, failing the test on any Lua error it recorded."""
    result = client.eval_lua(code)
    assert not client.errors, client.errors[-1]
    return result
