"""FrameXML's sizes, scales and anchors on the built-in UI's frames: a stand-in (and the
built-in chat frames, tooltips and mail frames) sits where FrameXML puts that frame at load,
so addons that place themselves by Blizzard's frames (``Minimap:GetCenter()``, a mover's
``GetTop() - GetBottom()``) compute with numbers, not nil."""

from __future__ import annotations

from pathlib import Path

from tests.shared_data import require_shared
from tests.wowapi_stubs.eval_clean import run
from wowapi_stubs import ClientSettings, HeadlessClient
from wowapi_stubs.surface import load_surface

WELL_KNOWN = ("Minimap", "MinimapCluster", "MiniMapTracking", "PlayerFrame", "TargetFrame",
              "MainMenuBar", "InterfaceOptionsFrameCategories", "ChatFrame1", "Boss1TargetFrame")


def test_stand_ins_have_framexml_sizes_scales_and_anchors(client: HeadlessClient) -> None:
    assert run(client, """
      local x, y = Minimap:GetCenter()
      local tx, ty = MiniMapTracking:GetCenter()
      local categories = InterfaceOptionsFrameCategories
      return x - tx > 0, Minimap:GetWidth(), Minimap:GetNumPoints(),
        select(2, Minimap:GetPoint()) == MinimapCluster,
        categories:GetTop() - categories:GetBottom(), Boss1TargetFrame:GetScale()
    """) == (True, 140, 1, True, 429, 0.75)


def test_a_frame_anchored_to_a_stand_in_is_placed(client: HeadlessClient) -> None:
    """An addon's minimap button anchored to ``Minimap`` has a center, as in the client."""
    x, y = run(client, """
      local b = CreateFrame("Button", "GeometryTestButton", Minimap)
      b:SetWidth(31) b:SetHeight(31)
      b:SetPoint("CENTER", Minimap, "CENTER", -52, 52)
      local mx, my = Minimap:GetCenter()
      local bx, by = b:GetCenter()
      return bx - mx, by - my
    """)
    assert (x, y) == (-52, 52)


def test_stand_ins_sit_where_framexml_puts_them() -> None:
    """Every frame of the geometry data, in a built-in client and in a client of Blizzard's
    FrameXML (fresh, before login): the same rectangle on screen for the well-known frames
    and for at least 98% of all (the rest are anchored to regions without a name, which
    the data leaves out)."""
    folder = require_shared("MGM_FRAMEXML_DIR")
    builtin = HeadlessClient(ClientSettings(framexml_dir=None))
    framexml = HeadlessClient(ClientSettings(framexml_dir=Path(folder)))
    names = sorted(load_surface().framexml_geometry)
    differ = []
    for name in names:
        ours, theirs = builtin.lookup_named(name), framexml.named.get(name)
        if ours is None or theirs is None or not hasattr(ours, "rect"):
            continue
        a, b = ours.rect(), theirs.rect()
        if (a is None) != (b is None) or (a and b and any(abs(p - q) > 0.01
                                                            for p, q in zip(a, b, strict=True))):
            differ.append(name)
    assert len(names) > 10000
    assert not set(WELL_KNOWN) & set(differ)
    assert len(differ) <= len(names) * 0.02, differ[:20]
    assert builtin.errors == []
    builtin.close()
    framexml.close()
