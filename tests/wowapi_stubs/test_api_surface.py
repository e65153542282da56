"""The API data file agrees with the code: implemented flags are what the client registers,
widget classes mirror the data's inheritance, fired events are declared."""

from __future__ import annotations

import ast
import importlib.util
import sys
from pathlib import Path

import pytest

from tests.shared_data import REPO, require_shared
from wowapi_stubs.coverage import fired_events, implemented_surface
from wowapi_stubs.surface import SECTIONS, load_surface
from wowapi_stubs.widgets import WIDGET_CLASSES, implements


def _generator():  # noqa: ANN202 - the tools/ script as a module
    spec = importlib.util.spec_from_file_location("gen_api_data",
                                                  REPO / "tools" / "gen_api_data.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("gen_api_data", module)
    spec.loader.exec_module(module)
    return module


def test_implemented_flags_are_what_the_code_registers() -> None:
    surface = load_surface()
    done = implemented_surface(surface)
    for section in SECTIONS:
        flagged = {name for name, flag in getattr(surface, section).items() if flag}
        assert flagged == done[section], (
            f"{section}: data and code disagree (run python tools/gen_api_data.py): "
            f"only in data {sorted(flagged - done[section])[:10]}, "
            f"only in code {sorted(done[section] - flagged)[:10]}")
    flagged_methods = {(kind, method) for kind, spec in surface.widgets.items()
                       for method, flag in spec.own.items() if flag}
    assert flagged_methods == done["widgets"]


def test_data_file_is_what_the_generator_makes_from_the_reference_lists() -> None:
    wow_dir = require_shared("MGM_WOW335A_DIR")
    generator = _generator()
    text = generator.render(generator.with_flags(generator.names_from_reference(wow_dir)))
    assert text == (REPO / "wowapi_stubs" / "data" / "api_335a.json").read_text(), (
        "stale data: run python tools/gen_api_data.py --wow-dir <wow-335a>")


def test_every_data_type_has_a_class_and_inherited_methods_follow_the_declaring_type() -> None:
    surface = load_surface()
    assert set(surface.widgets) <= set(WIDGET_CLASSES)
    for kind in surface.widgets:
        for method, declarer in surface.methods(kind).items():
            assert implements(kind, method) == implements(declarer, method), (
                f"{kind}:{method} is implemented differently from {declarer}:{method}")


def test_classes_define_only_methods_the_data_lists() -> None:
    surface = load_surface()
    listed = {m for kind in surface.widgets for m in surface.methods(kind)}
    for kind, cls in WIDGET_CLASSES.items():
        own = {name for name, value in vars(cls).items()
               if name[:1].isupper() and not name.isupper() and callable(value)}
        assert own <= listed, f"{kind} defines methods no 3.3.5a type has: {own - listed}"


def test_every_function_the_client_registers_is_a_known_335a_function() -> None:
    from wowapi_stubs.api import providers

    surface = load_surface()
    known = set(surface.functions) | set(surface.framexml_functions)
    found = providers()
    assert not {n: m for n, m in found.items() if len(m) > 1}, "one module per API name"
    unknown = sorted(n for n in found if "." not in n and n not in known)
    assert not unknown, f"not 3.3.5a functions (or add them to tools/api335a_supplement.txt): " \
        f"{unknown}"


def test_creatable_frame_types_are_the_twenty_of_the_client() -> None:
    types = load_surface().creatable_frame_types
    assert len(types) == 20 and "Frame" in types and "GameTooltip" in types


def test_every_event_the_client_fires_is_declared_and_known() -> None:
    fired: set[str] = set()
    for path in (REPO / "wowapi_stubs").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if (isinstance(node, ast.Call) and getattr(node.func, "attr", None)
                    == "fire_internal" and node.args
                    and isinstance(node.args[0], ast.Constant)):
                fired.add(node.args[0].value)
    declared = fired_events()
    assert fired <= declared, f"fired but not declared in an EVENTS tuple: {fired - declared}"
    assert declared <= set(load_surface().events), declared - set(load_surface().events)


@pytest.mark.parametrize("section", ["functions", "framexml_functions"])
def test_known_unimplemented_functions_fail_clearly(section: str) -> None:
    from wowapi_stubs import HeadlessClient

    missing = sorted(n for n, done in getattr(load_surface(), section).items() if not done)
    if not missing:
        pytest.skip(f"every name of {section} is implemented")
    with HeadlessClient() as client:
        client.eval_lua(f"{missing[0]}()")
    assert f"WoW API {missing[0]} is not implemented by the headless client" in (
        client.errors[-1].message)


def test_generator_refuses_a_folder_without_the_lists(tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        _generator().main(["--wow-dir", str(tmp_path), "--check"])
