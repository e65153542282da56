"""What building UI objects from XML needs: the client, the template registry, the addon
being loaded, located errors and warnings, and calling widget methods.

Widget state is set only through the widget's own methods (``SetSize``, ``SetPoint``...),
looked up on its Lua method table like addon code does, so the XML loader and Lua code see
the same widgets (a method an addon hooked or replaced runs as the addon made it; the
client's own runs without a round trip through Lua). A method the headless client lacks is
reported once per widget type as an ``xml-unsupported`` finding and the attribute is skipped.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from wowapi_stubs.runtime import lupa_errors, to_text
from wowapi_stubs.widgets.base import resolve_name
from wowapi_stubs.xml._parse import Node

__all__ = ["TemplateRegistry", "XmlContext", "registry_of", "resolve_name"]

if TYPE_CHECKING:
    from wowapi_stubs.client import HeadlessClient
    from wowapi_stubs.widgets import Region


_NAMES: dict[str, bytes] = {}  # method names as Lua strings


class TemplateRegistry:
    """Virtual definitions (frames, regions, fonts, animations) by name, one per client."""

    def __init__(self) -> None:
        self.defs: dict[str, Node] = {}
        self._by_lower: dict[str, str] = {}
        # (id(node), handler) -> (node, function): template handlers compiled once
        self.compiled: dict[tuple[int, str], tuple[Node, Any]] = {}
        self.reported: set[str] = set()  # xml-unsupported findings already made

    def add(self, name: str, node: Node) -> None:
        self.defs[name] = node
        self._by_lower[name.lower()] = name

    def find(self, name: str) -> Node | None:
        node = self.defs.get(name)
        if node is None:
            exact = self._by_lower.get(name.lower())
            node = self.defs.get(exact) if exact else None
        return node


def registry_of(client: HeadlessClient) -> TemplateRegistry:
    """The client's template registry (made on first use: a client loading no XML pays
    nothing for it)."""
    registry = client.xml_templates
    if registry is None:
        registry = client.xml_templates = TemplateRegistry()
    return registry


class XmlContext:
    """One XML load (a ``.toc`` file with its includes, or a template instantiated from
    Lua): where errors go and which addon's files are read."""

    def __init__(self, client: HeadlessClient, *, addon: str | None = None,
                 folder: Path | None = None, private: Any = None) -> None:
        self.client = client
        self.registry = registry_of(client)
        self.addon = addon
        self.folder = folder
        self.private = private
        self.errors: list[str] = []
        self.include_stack: list[Path] = []

    # -- reporting ----------------------------------------------------------------------------
    def error(self, node: Node, message: str) -> None:
        """Something the client would refuse: the element is skipped, loading goes on."""
        text = f"{node.where}: {message}"
        self.errors.append(text)
        self.client.add_finding("xml-error", text, location=node.where, addon=self.addon)

    def warn(self, node: Node, message: str) -> None:
        """Something the client would ignore (unknown element, unknown template)."""
        self.client.add_finding("xml-warning", f"{node.where}: {message}",
                                location=node.where, addon=self.addon)

    # -- widgets ------------------------------------------------------------------------------
    def call(self, widget: Region, method: str, node: Node, *args: Any) -> Any:
        """``widget:method(...)`` as Lua code would call it; None when the method is missing
        (reported once per type) or fails (reported, located). The client's own method runs
        directly (:meth:`LuaRuntime.call_own_method`); an override goes through Lua."""
        lua = widget.lua
        runtime = self.client.runtime
        name = _NAMES.get(method)
        if name is None:
            name = _NAMES.setdefault(method, method.encode())
        try:
            fn = runtime.own_method(lua, name)
            if fn is True:
                ok, result = runtime.call_own_method(widget, method, args)
                if ok:
                    return result
                self.error(node, f"{widget.KIND}:{method}: {result}")
                return None
            if fn is not None:
                return fn(lua, *runtime.to_lua_args(args))
        except lupa_errors() as exc:
            self.error(node, f"{widget.KIND}:{method}: {to_text(str(exc))}")
            return None
        key = f"{widget.KIND}:{method}"
        if key not in self.registry.reported:
            self.registry.reported.add(key)
            self.client.add_finding(
                "xml-unsupported", f"{node.where}: {key} is not implemented by the "
                f"headless client; what <{node.tag}> sets with it is skipped",
                location=node.where, addon=self.addon, method=key)
        return None

    def widget_named(self, name: str) -> Region | None:
        """The widget a global name holds (None when it holds no widget)."""
        return self.client._widget_from_lua(self.client.runtime.rawglobal(name))
