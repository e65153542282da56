"""The client at the sizes real and hostile addons reach: anchor chains hundreds of regions
long, parent chains thousands deep, thousands of frames on one event or OnUpdate. Each
answer is the one a short case gives; none fails inside the client or takes time that grows
faster than the input."""

from __future__ import annotations

import pytest

from tests.wowapi_stubs.eval_clean import run
from wowapi_stubs import ClientSettings, HeadlessClient
from wowapi_stubs import client as client_module
from wowapi_stubs.errors import WowApiError

ROWS = """
  rows = {}
  local prev = UIParent
  for i = 1, %d do
    local row = CreateFrame("Frame", nil, UIParent)
    row:SetHeight(10)
    if i == 1 then
      row:SetPoint("TOPLEFT", UIParent, "TOPLEFT", 5, -5)
      row:SetPoint("TOPRIGHT", UIParent, "TOPRIGHT", -5, -5)
    else  -- the list layout of most addons: each row hangs from the one before by two points
      row:SetPoint("TOPLEFT", prev, "BOTTOMLEFT", 0, 0)
      row:SetPoint("TOPRIGHT", prev, "BOTTOMRIGHT", 0, 0)
    end
    rows[i], prev = row, row
  end
"""


def test_a_list_of_rows_each_hanging_from_the_one_before_is_laid_out(
        client: HeadlessClient) -> None:
    top, width, last_top, last_width, points = run(client, ROWS % 300 + """
      return UIParent:GetTop(), UIParent:GetWidth(), rows[300]:GetTop(), rows[300]:GetWidth(),
        rows[300]:GetNumPoints()
    """)
    assert (last_top, last_width, points) == (top - 5 - 299 * 10, width - 10, 2)


def test_a_cycle_through_a_long_chain_is_still_refused(client: HeadlessClient) -> None:
    run(client, ROWS % 150)
    client.eval_lua('rows[1]:SetPoint("BOTTOM", rows[150], "TOP")')
    assert "Cannot anchor to a region dependent on it" in client.errors[-1].message
    assert client.eval_lua("return rows[1]:GetNumPoints()") == 2


def test_hiding_the_root_of_a_deep_hierarchy_reaches_every_frame(
        client: HeadlessClient) -> None:
    hidden, visible, shown = run(client, """
      local hides, shows, parent, root = 0, 0, UIParent, nil
      for i = 1, 3000 do
        local f = CreateFrame("Frame", nil, parent)
        f:SetScript("OnHide", function() hides = hides + 1 end)
        f:SetScript("OnShow", function() shows = shows + 1 end)
        root, parent = root or f, f
      end
      root:Hide()
      local leaf_visible = parent:IsVisible()
      root:Show()
      return hides, leaf_visible, shows
    """)
    assert (hidden, visible, shown) == (3000, None, 3000)
    assert not client.runtime.internal_errors


def test_visibility_order_is_parents_first_and_edit_boxes_lose_focus_after(
        client: HeadlessClient) -> None:
    assert run(client, """
      local seen = {}
      local function note(f, what) seen[#seen + 1] = f:GetName() .. what end
      local a = CreateFrame("Frame", "A", UIParent)
      local b = CreateFrame("Frame", "B", a)
      local c = CreateFrame("Frame", "C", b)
      local d = CreateFrame("Frame", "D", a)
      local e = CreateFrame("EditBox", "E", a)
      for _, f in ipairs({a, b, c, d}) do
        f:SetScript("OnHide", function(self) note(self, "-") end)
      end
      e:SetScript("OnEditFocusLost", function(self) note(self, " lost focus") end)
      e:SetFocus()
      a:Hide()
      return table.concat(seen, " ")
    """) == "A- B- C- D- E lost focus"


@pytest.mark.parametrize("order", ["registration", "reverse"])
def test_ten_thousand_frames_on_one_event_each_hear_it_once_in_order(order: str) -> None:
    with HeadlessClient(ClientSettings(event_order=order, framexml_dir=None)) as client:
        run(client, """
          heard, frames = {}, {}
          for i = 1, 10000 do
            local f = CreateFrame("Frame")
            f:RegisterEvent("BAG_UPDATE")
            f:SetScript("OnEvent", function() heard[#heard + 1] = i end)
            frames[i] = f
          end
        """)
        client.fire("BAG_UPDATE", 0)
        first = run(client, "return #heard, heard[1], heard[10000]")
        run(client, """
          heard = {}
          for i = 1, 10000, 2 do frames[i]:UnregisterEvent("BAG_UPDATE") end
          frames[1]:RegisterEvent("BAG_UPDATE")
        """)
        client.fire("BAG_UPDATE", 0)
        second = run(client, "return #heard, heard[1], heard[5001]")
    if order == "registration":
        assert first == (10000, 1, 10000)
        assert second == (5001, 2, 1)  # the frame registered again comes last
    else:
        assert first == (10000, 10000, 1)
        assert second == (5001, 1, 2)


def test_a_handler_that_unregisters_a_later_frame_keeps_it_from_hearing(
        client: HeadlessClient) -> None:
    run(client, """
      heard = {}
      local frames = {}
      for i = 1, 40 do
        local f = CreateFrame("Frame")
        f:RegisterEvent("BAG_UPDATE")
        f:SetScript("OnEvent", function()
          heard[#heard + 1] = i
          if i == 1 then
            for j = 2, 40 do frames[j]:UnregisterEvent("BAG_UPDATE") end
          end
        end)
        frames[i] = f
      end
    """)
    client.fire("BAG_UPDATE", 0)
    assert run(client, "return #heard, heard[1]") == (1, 1)


def test_onupdate_handlers_set_and_cleared_on_thousands_of_frames(
        client: HeadlessClient) -> None:
    run(client, """
      ran = {}
      local frames = {}
      for i = 1, 4000 do
        frames[i] = CreateFrame("Frame")
        frames[i]:SetScript("OnUpdate", function() ran[#ran + 1] = i end)
      end
      for i = 1, 4000, 2 do frames[i]:SetScript("OnUpdate", nil) end
    """)
    client.advance(client.settings.frame_interval)
    assert run(client, "return #ran, ran[1], ran[2000]") == (2000, 2, 4000)


ONUPDATE = """
  calls, elapsed = 0, 0
  local f = CreateFrame("Frame")
  f:SetScript("OnUpdate", function(_, e) calls, elapsed = calls + 1, elapsed + e end)
"""


def test_frames_whose_work_takes_long_come_less_often(monkeypatch) -> None:
    ticks = iter(range(1_000_000))
    monkeypatch.setattr(client_module, "cpu_time", lambda: next(ticks) * 0.1)  # 0.1 s a frame
    with HeadlessClient(ClientSettings(slow_frame_seconds=0.08, framexml_dir=None)) as client:
        run(client, ONUPDATE)
        client.advance(1.0)
        # The first frame lasts 1/30 s; each after it as long as the one before took (0.1 s).
        assert run(client, "return calls, elapsed") == (11, pytest.approx(1.0))
        assert [f.kind for f in client.findings] == ["slow-frames"]
        assert "took 0.10 s of CPU time" in client.findings[0].message


def test_without_the_slow_frame_rule_every_frame_lasts_the_frame_interval(monkeypatch) -> None:
    ticks = iter(range(1_000_000))
    monkeypatch.setattr(client_module, "cpu_time", lambda: next(ticks) * 0.1)
    with HeadlessClient(ClientSettings(slow_frame_seconds=None, framexml_dir=None)) as client:
        run(client, ONUPDATE)
        client.advance(1.0)
        assert run(client, "return calls, elapsed") == (30, pytest.approx(1.0))
        assert not client.findings


def test_more_results_than_lua_holds_fail_at_the_caller_as_a_stack_overflow(
        client: HeadlessClient) -> None:
    assert run(client, """
      F = CreateFrame("Frame")
      for i = 1, 7000 do F:CreateTexture() end
      return select("#", F:GetRegions())
    """) == 7000
    client.eval_lua("for i = 1, 2000 do F:CreateTexture() end\n"
                    "local n = select('#', F:GetRegions())")
    assert client.errors[-1].message == (
        "(eval):2: stack overflow (too many results: 9,000)")


def test_more_arguments_than_lua_holds_are_refused_with_the_same_words(
        client: HeadlessClient) -> None:
    run(client, 'local f = CreateFrame("Frame") f:RegisterEvent("BAG_UPDATE") '
                'f:SetScript("OnEvent", function(_, _, ...) N = select("#", ...) end)')
    client.fire("BAG_UPDATE", *range(7000))
    assert client.global_value("N") == 7000
    with pytest.raises(WowApiError, match=r"stack overflow \(too many arguments: 9,000\)"):
        client.fire("BAG_UPDATE", *range(9000))
