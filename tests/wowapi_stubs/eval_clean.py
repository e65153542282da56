"""Run Lua in a client and require that it raised no error."""

from __future__ import annotations

from wowapi_stubs import HeadlessClient


def run(client: HeadlessClient, code: str) -> object:
    """``client.eval_lua(code)``, failing the test on any Lua error it recorded."""
    result = client.eval_lua(code)
    assert not client.errors, client.errors[-1]
    return result


def error_of(client: HeadlessClient, code: str) -> str:
    """The message of the Lua error ``code`` raises (run in ``pcall``; it must raise)."""
    ok, message = client.eval_lua(f"return pcall(function() {code} end)")
    assert ok is False, f"{code} raised no error"
    return message
