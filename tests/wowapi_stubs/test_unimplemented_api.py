"""Known but unimplemented WoW APIs fail clearly; unknown names stay nil."""

from __future__ import annotations

import pytest

from wowapi_stubs import ClientSettings, HeadlessClient


def test_known_global_not_implemented_names_the_api_and_position() -> None:
    from wowapi_stubs.surface import load_surface

    name = min(load_surface().unimplemented_functions)
    with HeadlessClient() as client:
        client.type_line("/run local x = 1\n")
        client.eval_lua(f"local a = 1\n{name}(1)")
        message = client.errors[-1].message
    assert f"WoW API {name} is not implemented by the headless client" in message
    assert message.startswith("(eval):2:") and message.endswith("(at (eval):2)")


def test_known_widget_method_not_implemented() -> None:
    kind, method = _a_missing_method()
    with HeadlessClient() as client:
        client.eval_lua(f'local f = CreateFrame("{kind}")\nf:{method}()')
        message = client.errors[-1].message
    assert f"WoW API {kind}:{method} is not implemented by the headless client" in message


def _a_missing_method() -> tuple[str, str]:
    """A method the data lists for a creatable frame type and the client lacks."""
    from wowapi_stubs.surface import load_surface
    from wowapi_stubs.widgets import implements

    surface = load_surface()
    for kind in surface.creatable_frame_types:
        for method in sorted(surface.methods(kind)):
            if not implements(kind, method):
                return kind, method
    pytest.skip("every method of every creatable frame type is implemented")


def test_unknown_names_stay_plain_nil() -> None:
    with HeadlessClient() as client:
        assert client.eval_lua("return type(MyAddonThing), type(UIParent.NoSuchMethod)") == (
            "nil", "nil")
        client.eval_lua("NoSuchFunction()")
        assert "attempt to call global 'NoSuchFunction' (a nil value)" in client.errors[-1].message


def test_reading_many_distinct_nil_globals_keeps_memory_bounded() -> None:
    # The loop takes about 0.4 s of CPU, near the default limit of one entry; stopped half-way
    # (on a loaded machine), its final collection would not run and its garbage would count.
    with HeadlessClient(ClientSettings(cpu_limit_seconds=5.0)) as client:
        client.eval_lua("collectgarbage()")
        before = client.memory_used()
        client.eval_lua('for i = 1, 100000 do local x = _G["Nothing" .. i] end collectgarbage()')
        assert not client.errors
        assert client.memory_used() - before < 1024 * 1024
        assert client.eval_lua("return Nothing7 == nil and type(GetAddOnInfo)") == "function"


def test_keys_spanning_two_listed_names_are_plain_nil() -> None:
    from wowapi_stubs.widgets import method_tables

    implemented = " ".join(method_tables()[1]["Frame"][1][:2])  # adjacent in Lua's list
    with HeadlessClient() as client:
        assert client.eval_lua(
            'return _G["GetGuildRosterInfo GetGuildInfo"] == nil and '
            f'CreateFrame("Frame")["{implemented}"] == nil') is True
