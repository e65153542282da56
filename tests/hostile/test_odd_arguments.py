"""Every implemented API function and widget method, called with odd arguments (NaN,
infinities, huge and negative numbers, tables, functions, coroutines, userdata, long
strings, widgets of the wrong type): the client answers as its C code would (a result or a
Lua error at the caller's line), never with an internal error of the host. Found by this
kind of sweep: ``int()`` of NaN or an infinity in 170 places, a name that is a number or a
table, an animation group as a frame's parent or anchor, a child left behind by a widget
that failed to be made."""

from __future__ import annotations

import random

import pytest

from wowapi_stubs import ClientSettings, HeadlessClient
from wowapi_stubs.surface import load_surface

ODD = ["nil", "1", "-1", "0", "2^31", "-2^63", "1e308", "0/0", "1/0", "-1/0", '""', '"player"',
       '"x"', '("x"):rep(5000)', "{}", "{1, 2, 3}", "function() end", "UIParent", "true",
       "false", '"TOPLEFT"', '"item:6948"', "3.5", '"1"', "coroutine.create(function() end)",
       "newproxy()", "AG", "T"]
NOT_CALLED = {"Logout", "Quit", "ForceQuit", "ReloadUI", "Screenshot", "RestartGx",
              "ConsoleExec", "LoadAddOn", "DisableAllAddOns"}
KINDS = ["Frame", "Button", "CheckButton", "EditBox", "Slider", "StatusBar", "ScrollFrame",
         "ScrollingMessageFrame", "MessageFrame", "SimpleHTML", "GameTooltip", "Cooldown",
         "ColorSelect", "Model", "PlayerModel", "DressUpModel", "TabardModel", "Minimap",
         "MovieFrame", "QuestPOIFrame"]
SETUP = ('AG = UIParent:CreateAnimationGroup("OddGroup") '
         'T = UIParent:CreateTexture("OddTexture") ')


def calls(rng: random.Random, target: str, receiver: str | None, count: int) -> str:
    made = []
    for _ in range(count):
        args = [rng.choice(ODD) for _ in range(rng.randint(0, 4))]
        if receiver is not None:
            args.insert(0, receiver)
        made.append(f"pcall({target}, {', '.join(args)})")
    return " ".join(made)


def assert_no_internal_error(client: HeadlessClient, code: str) -> None:
    client.eval_lua(code)  # raises nothing
    assert client.runtime.internal_errors == [], (code[:300], client.runtime.internal_errors)


@pytest.mark.parametrize("seed", [1, 2])
def test_api_functions_answer_odd_arguments_as_the_client(seed: int) -> None:
    rng = random.Random(seed)
    surface = load_surface()
    names = sorted(n for n, implemented in surface.functions.items()
                   if implemented and "." not in n and n not in NOT_CALLED)
    settings = ClientSettings(cpu_limit_seconds=5)
    for start in range(0, len(names), 150):
        with HeadlessClient(settings) as client:
            client.eval_lua(SETUP)
            for name in names[start:start + 150]:
                assert_no_internal_error(client, calls(rng, name, None, 8))


@pytest.mark.parametrize("kind", KINDS)
def test_widget_methods_answer_odd_arguments_as_the_client(kind: str) -> None:
    rng = random.Random(kind)
    surface = load_surface()
    with HeadlessClient(ClientSettings(cpu_limit_seconds=5)) as client:
        client.eval_lua(SETUP + f'W = CreateFrame("{kind}", "OddWidget", UIParent) '
                        'FS = W:CreateFontString() WT = W:CreateTexture() '
                        'WA = W:CreateAnimationGroup() AN = WA:CreateAnimation("Alpha")')
        for obj, widget_kind in (("W", kind), ("WT", "Texture"), ("FS", "FontString"),
                                 ("WA", "AnimationGroup"), ("AN", "Alpha")):
            for method in sorted(surface.methods(widget_kind)):
                if surface.method_implemented(widget_kind, method):
                    assert_no_internal_error(
                        client, calls(rng, f"{obj}.{method}", obj, 5))
        # Whatever the calls left, the frame's children and regions can be listed.
        assert_no_internal_error(client, "W:GetChildren() W:GetRegions() UIParent:GetChildren()")


def test_a_widget_name_is_a_string_or_a_number_anything_else_names_nothing() -> None:
    with HeadlessClient() as client:
        assert client.eval_lua("""
            local unnamed = CreateFrame("Frame", false)
            local also = CreateFrame("Frame", {})
            local numbered = CreateFrame("Frame", 123)
            return tostring(unnamed:GetName()) .. " " .. tostring(also:GetName()) .. " "
              .. numbered:GetName() .. " " .. tostring(_G["123"] == numbered)""") == \
            "nil nil 123 true"
        assert client.errors == []
