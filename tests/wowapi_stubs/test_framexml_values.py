"""FrameXML's constants (numbers, booleans, token-like strings) are in the API data and the
built-in UI serves them; the values stated by hand agree with them."""

from __future__ import annotations

from wowapi_stubs import HeadlessClient
from wowapi_stubs.surface import load_surface
from wowapi_stubs.ui.constants import _scalars

# Set by FrameXML's code after load (the data records the value it starts with).
_SET_AT_RUNTIME = {"MAX_PLAYER_LEVEL"}  # from GetAccountExpansionLevel() at login


def test_the_data_holds_framexml_constants_but_no_player_facing_texts() -> None:
    values = load_surface().framexml_values
    assert values["MAX_PARTY_DEBUFFS"] == 4 and values["NUM_CONTAINER_FRAMES"] == 13
    assert values["AUTOCOMPLETE_FLAG_ALL"] == 0xFFFFFFFF
    assert values["EMOTE1_TOKEN"] == "AGREE"
    assert isinstance(values["CHAT_SHOW_IME"], bool)
    assert len(values) > 800
    texts = [name for name, value in values.items() if isinstance(value, str) and " " in value]
    assert texts == []


def test_hand_stated_values_agree_with_framexml() -> None:
    values = load_surface().framexml_values
    disagree = {name: (value, values[name]) for name, value in _scalars().items()
                if name in values and values[name] != value and name not in _SET_AT_RUNTIME}
    assert disagree == {}


def test_addon_code_reads_framexml_constants() -> None:
    with HeadlessClient() as client:
        assert client.eval_lua("""
          local n = 0
          for i = 1, MAX_PARTY_DEBUFFS do n = n + 1 end
          return n, MIRRORTIMER_NUMTIMERS, MAX_TALENT_TABS, type(DEBUFF_MAX_DISPLAY),
            format("%d" .. PERCENT_SYMBOL, 42), #UnitPopupFrames > 0
        """) == (4, 3, 3, "number", "42%", True)
        assert not client.errors


def test_framexml_stand_ins_come_with_their_parent_key_children() -> None:
    with HeadlessClient() as client:
        assert client.eval_lua("""
          return WorldMapParty1.icon == WorldMapParty1Icon, WorldMapParty1Icon:GetParent()
            == WorldMapParty1, WORLDMAP_SETTINGS.locked, WORLDMAP_SETTINGS.size
        """) == (True, True, True, 0.691)
        assert not client.errors
