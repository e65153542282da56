"""The built-in UI's unit-frame, secure-button and item-button helpers keep the state
FrameXML's do: secure attributes with modifiers, unit watches, combat feedback, item button
regions, raid target cells, container layout, quest colours, the unit popup menu."""

from __future__ import annotations

from tests.wowapi_stubs.eval_clean import run


def test_secure_button_attributes_follow_modifiers_buttons_and_parents(client) -> None:
    assert run(client, """
      local parent = CreateFrame("Frame", "UnitsParent")
      parent:SetAttribute("unit", "party1")
      local b = CreateFrame("Button", "UnitsButton", parent)
      b:SetAttribute("useparent-unit", true)
      b:SetAttribute("*unit2", "target")
      local inherited = SecureButton_GetUnit(b)
      local right = SecureButton_GetModifiedUnit(b, "RightButton")
      b:SetAttribute("unit", "player")
      b:SetAttribute("unitsuffix", "pet")
      return inherited, right, SecureButton_GetUnit(b), SecureButton_GetButtonSuffix("Button4"),
        SecureButton_GetButtonSuffix("Custom"), SecureButton_GetModifierPrefix()
    """) == ("party1", "target", "pet", "4", "-custom", "")


def test_unit_watch_shows_a_frame_while_its_unit_exists(client) -> None:
    run(client, """
      watchedFrame = CreateFrame("Button", "WatchedFrame", UIParent)
      watchedFrame:SetAttribute("unit", "target")
      RegisterUnitWatch(watchedFrame)
    """)
    assert client.eval_lua("return WatchedFrame:IsShown()") is None
    client.set_target("Norinn")
    client.advance(0.1)
    assert client.eval_lua("return WatchedFrame:IsShown(), UnitWatchRegistered(WatchedFrame)") \
        == (1, True, False)
    client.eval_lua("UnregisterUnitWatch(WatchedFrame)")
    client.set_target(None)
    client.advance(0.1)
    assert client.eval_lua("return WatchedFrame:IsShown()") == 1


def test_combat_feedback_shows_the_amount_then_fades(client) -> None:
    run(client, """
      local f = CreateFrame("Frame", "FeedbackFrame")
      local text = f:CreateFontString("FeedbackText", "OVERLAY", "GameFontNormal")
      CombatFeedback_Initialize(f, text, 30)
      CombatFeedback_OnCombatEvent(f, "WOUND", "CRITICAL", 1200, 1)
      f:SetScript("OnUpdate", CombatFeedback_OnUpdate)
    """)
    assert client.eval_lua("return FeedbackText:GetText(), FeedbackText:IsShown(), "
                           "(FeedbackText:GetTextColor())") == ("1200", 1, 1.0)
    client.advance(2.0)
    assert client.eval_lua("return FeedbackText:IsShown()") is None


def test_item_button_regions_and_raid_icon_cells(client) -> None:
    assert run(client, """
      local b = CreateFrame("Button", "ItemSlotButton")
      b:CreateTexture("ItemSlotButtonIconTexture")
      b:CreateFontString("ItemSlotButtonCount", "OVERLAY", "NumberFontNormal")
      SetItemButtonTexture(b, "Interface\\\\Icons\\\\INV_Misc_Bag_08")
      SetItemButtonCount(b, 20)
      local icon = ItemSlotButtonIconTexture:GetTexture()
      local count = ItemSlotButtonCount:GetText()
      SetItemButtonCount(b, 1)
      local t = b:CreateTexture()
      SetRaidTargetIconTexture(t, 6)
      local left, top = t:GetTexCoord()
      return icon, count, ItemSlotButtonCount:IsShown(), b.count, left, top
    """) == ("Interface\\Icons\\INV_Misc_Bag_08", "20", None, 1, 0.25, 0.25)


def test_quest_colours_container_layout_and_lfg_mode(client) -> None:
    assert run(client, """
      local level = UnitLevel("player")
      local c = GetQuestDifficultyColor
      return c(level + 5) == QuestDifficultyColors.impossible,
        c(level) == QuestDifficultyColors.difficult,
        c(level - 4) == QuestDifficultyColors.standard,
        c(level - 30) == QuestDifficultyColors.trivial, GetLFGMode()
    """) == (True, True, True, True, None)
    assert run(client, """
      ContainerFrame1:Show(); ContainerFrame2:Show()
      updateContainerFrameAnchors()
      local _, relative = ContainerFrame2:GetPoint(1)
      return relative == ContainerFrame1, ContainerIDToInventoryID(1),
        ContainerIDToInventoryID(5)
    """) == (True, 20, 68)


def test_unit_popup_menu_lists_the_buttons_of_its_kind(client) -> None:
    assert run(client, """
      local drop = CreateFrame("Frame", "PopupDrop", UIParent, "UIDropDownMenuTemplate")
      UIDropDownMenu_Initialize(drop, function(self)
        UnitPopup_ShowMenu(self, "SELF", "player")
      end, "MENU")
      ToggleDropDownMenu(1, nil, drop, "cursor")
      return drop.which, drop.unit, DropDownList1.numButtons
    """) == ("SELF", "player", 4)


def test_world_map_arrow_models_and_blob_hit_translations(client) -> None:
    assert run(client, """
      PlayerArrowFrame:SetModelScale(1.5)
      WorldMapBlobFrame:SetSize(100, 50)
      WorldMapBlobFrame_CalculateHitTranslations()
      WorldMapDetailFrame:SetSize(1000, 600)
      WORLDMAP_SETTINGS.size = 0.5
      WorldMapFrame_SetPOIMaxBounds()
      return WORLDMAP_POI_MAX_X, WORLDMAP_POI_MAX_Y, PlayerArrowFrame:GetObjectType(),
        PlayerArrowFrame:GetModelScale(),
        PlayerArrowEffectFrame:GetParent() == WorldMapButton, WorldMapBlobFrame.xRatio,
        WorldMapBlobFrame.yRatio
    """) == (512.0, -288.0, "Model", 1.5, True, 100.0, 50.0)
