"""``<Scripts>``: handler bodies compiled as the client does, and ``function=`` handlers.

A body becomes ``function(self, <the handler's parameters>) <body> end`` in a chunk named
like the client's (``[string "Name:OnLoad"]``, ``*`` for templates and anonymous frames),
so error messages read as in the 3.3.5a client. A template's handler is compiled once and
shared by every frame made from it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from wowapi_stubs.xml._context import XmlContext
from wowapi_stubs.xml._parse import Node
from wowapi_stubs.xml._schema import handler_params

if TYPE_CHECKING:
    from wowapi_stubs.widgets import Region



def apply_scripts(ctx: XmlContext, widget: Region, scripts: Node) -> None:
    """Set every handler of a ``<Scripts>`` element on ``widget``."""
    for handler in scripts.children:
        fn = handler_function(ctx, widget, handler)
        if fn is not None:
            ctx.call(widget, "SetScript", handler, handler.tag, fn)


def handler_function(ctx: XmlContext, widget: Region, node: Node) -> Any:
    """The Lua function a handler element stands for (None: nothing to set, or reported)."""
    runtime = ctx.client.runtime
    function_name = node.get("function")
    if function_name:
        # A C function the headless client lacks binds to its "not implemented" stub: the
        # frame loads as in the client, and the handler fails clearly when it runs.
        fn = runtime.fn.client_global(function_name.encode("utf-8", "surrogateescape"))
        if not runtime.is_function(fn):
            ctx.error(node, f'<{node.tag} function="{function_name}">: no global function '
                      f"named {function_name}")
            return None
        return fn
    body = node.text
    if not body.strip():
        return None
    key = (id(node), node.tag)
    cached = ctx.registry.compiled.get(key)
    if cached is not None and cached[0] is node:
        return cached[1]
    label = "*" if node.in_template or not widget.name else widget.name
    code = f"return function({handler_params(node.tag)}) {body}\nend"
    compile = runtime.compile_file if ctx.client.settings.reuse_compiled_files \
        else runtime.compile
    chunk, error = compile(code.encode("utf-8", "surrogateescape"), f"{label}:{node.tag}")
    if chunk is None:
        ctx.error(node, f"<{node.tag}>: {error}")
        return None
    fn = chunk()
    interface = ctx.client.framexml
    if interface is not None and interface.holds(node.file):  # Blizzard's: secure (issecure)
        runtime.fn.mark_blizzard(fn)
    if node.in_template:
        ctx.registry.compiled[key] = (node, fn)
    return fn

