-- Drop-down menus of the built-in UI (what FrameXML's UIDropDownMenu gives addons), written
-- for the headless client. Nothing is drawn: each open level keeps the buttons added to it
-- (DropDownList<level>.buttons, in order), selections are remembered on the drop-down
-- frame, and a frame made from UIDropDownMenuTemplate shows its selection in <name>Text.
-- Loaded the first time an addon reads one of the globals it defines.

UIDROPDOWNMENU_MINBUTTONS = 8
UIDROPDOWNMENU_MAXBUTTONS = 8
UIDROPDOWNMENU_MAXLEVELS = 2
UIDROPDOWNMENU_BUTTON_HEIGHT = 16
UIDROPDOWNMENU_BORDER_HEIGHT = 15
UIDROPDOWNMENU_OPEN_MENU = nil
UIDROPDOWNMENU_INIT_MENU = nil
UIDROPDOWNMENU_MENU_LEVEL = 1
UIDROPDOWNMENU_MENU_VALUE = nil
UIDROPDOWNMENU_SHOW_TIME = 2
UIDROPDOWNMENU_DEFAULT_TEXT_HEIGHT = nil
OPEN_DROPDOWNMENUS = {}

local info_table = {}

local function list(level)
  local frame = _G["DropDownList" .. level]
  if frame and not frame.buttons then
    frame.buttons = {}
  end
  return frame
end

local function clear_levels(from)
  for level = from, UIDROPDOWNMENU_MAXLEVELS do
    local frame = list(level)
    if frame then
      frame.buttons = {}
      frame.numButtons = 0
      frame:Hide()
    end
  end
end

function UIDropDownMenu_CreateInfo()
  for key in pairs(info_table) do
    info_table[key] = nil
  end
  return info_table
end

function UIDropDownMenu_Initialize(frame, initFunction, displayMode, level, menuList)
  frame.menuList = menuList
  if frame ~= UIDROPDOWNMENU_OPEN_MENU then
    UIDROPDOWNMENU_MENU_LEVEL = 1
  end
  UIDROPDOWNMENU_INIT_MENU = frame
  clear_levels(UIDROPDOWNMENU_MENU_LEVEL)
  if initFunction then
    frame.initialize = initFunction
    initFunction(frame, level, frame.menuList)
  end
  if displayMode == "MENU" then
    frame.displayMode = "MENU"
  end
end

function UIDropDownMenu_AddButton(info, level)
  level = level or 1
  local frame = list(level)
  if not frame then
    return
  end
  local copy = {}
  for key, value in pairs(info) do
    copy[key] = value
  end
  local buttons = frame.buttons
  buttons[#buttons + 1] = copy
  frame.numButtons = #buttons
  local menu = UIDROPDOWNMENU_INIT_MENU
  if menu and not copy.notCheckable and not copy.isTitle then
    local selected = (menu.selectedValue ~= nil and copy.value == menu.selectedValue)
      or (menu.selectedName ~= nil and copy.text == menu.selectedName)
      or (menu.selectedID ~= nil and #buttons == menu.selectedID)
    if selected then
      UIDropDownMenu_SetText(menu, copy.text)
    end
  end
end

-- Redraws the menu level as it stands (the buttons the last initialize added, whichever
-- drop-down that was): the button matching the selection (name, else ID, else value) gives
-- the drop-down its text. Nothing is initialized again (an initialize function may set the
-- selection itself).
local function refresh(frame, useValue, level)
  local shown = list(level or UIDROPDOWNMENU_MENU_LEVEL)
  for index, info in ipairs(shown and shown.buttons or {}) do
    local checked
    if frame.selectedName then
      checked = info.text == frame.selectedName
    elseif frame.selectedID then
      checked = index == frame.selectedID
    elseif frame.selectedValue then
      checked = info.value == frame.selectedValue
    end
    if checked then
      UIDropDownMenu_SetText(frame, useValue and info.value or info.text)
    end
  end
end

function UIDropDownMenu_Refresh(frame, useValue, dropdownLevel)
  refresh(frame, useValue, dropdownLevel)
end

function UIDropDownMenu_SetSelectedValue(frame, value, useValue)
  frame.selectedName, frame.selectedID, frame.selectedValue = nil, nil, value
  refresh(frame, useValue)
end

function UIDropDownMenu_SetSelectedName(frame, name, useValue)
  frame.selectedName, frame.selectedID, frame.selectedValue = name, nil, nil
  refresh(frame, useValue)
end

function UIDropDownMenu_SetSelectedID(frame, id, useValue)
  frame.selectedName, frame.selectedID, frame.selectedValue = nil, id, nil
  refresh(frame, useValue)
end

function UIDropDownMenu_GetSelectedValue(frame)
  return frame.selectedValue
end

function UIDropDownMenu_GetSelectedName(frame)
  return frame.selectedName
end

function UIDropDownMenu_GetSelectedID(frame)
  if frame.selectedID then
    return frame.selectedID
  end
  local buttons = (list(1) or {}).buttons or {}
  for index, button in ipairs(buttons) do
    if (frame.selectedName and button.text == frame.selectedName)
        or (frame.selectedValue ~= nil and button.value == frame.selectedValue) then
      return index
    end
  end
end

local function part(frame, suffix)
  local name = frame:GetName()
  return name and _G[name .. suffix]
end

function UIDropDownMenu_SetText(frame, text)
  local label = part(frame, "Text")
  if label then
    label:SetText(text)
  end
  frame.text = text
end

function UIDropDownMenu_GetText(frame)
  local label = part(frame, "Text")
  return label and label:GetText() or frame.text
end

function UIDropDownMenu_SetWidth(frame, width, padding)
  local middle = part(frame, "Middle")
  if middle then
    middle:SetWidth(width)
  end
  frame:SetWidth(width + (padding or 50))
  frame.noResize = 1
end

function UIDropDownMenu_SetButtonWidth(frame, width)
  local button = part(frame, "Button")
  if button then
    button:SetWidth(width == "TEXT" and frame:GetWidth() or width)
  end
  frame.noResize = 1
end

function UIDropDownMenu_JustifyText(frame, justification)
  local label = part(frame, "Text")
  if label then
    label:SetJustifyH(justification)
  end
end

function UIDropDownMenu_EnableDropDown(frame)
  local button = part(frame, "Button")
  if button then
    button:Enable()
  end
  frame.isDisabled = nil
end

function UIDropDownMenu_DisableDropDown(frame)
  local button = part(frame, "Button")
  if button then
    button:Disable()
  end
  frame.isDisabled = 1
end

function UIDropDownMenu_IsEnabled(frame)
  return not frame.isDisabled
end

function ToggleDropDownMenu(level, value, dropDownFrame, anchorName, xOffset, yOffset,
                            menuList, button, autoHideDelay)
  level = level or 1
  local shown = list(level)
  if shown and shown:IsShown() and UIDROPDOWNMENU_OPEN_MENU == dropDownFrame then
    CloseDropDownMenus(level)
    return
  end
  UIDROPDOWNMENU_MENU_LEVEL, UIDROPDOWNMENU_MENU_VALUE = level, value
  UIDROPDOWNMENU_OPEN_MENU = dropDownFrame
  if dropDownFrame and dropDownFrame.initialize then
    UIDropDownMenu_Initialize(dropDownFrame, dropDownFrame.initialize, nil, level,
      menuList or dropDownFrame.menuList)
  end
  if shown then
    shown:Show()
  end
end

function CloseDropDownMenus(level)
  for index = level or 1, UIDROPDOWNMENU_MAXLEVELS do
    local frame = list(index)
    if frame then
      frame:Hide()
    end
  end
end

function EasyMenu(menuList, menuFrame, anchor, x, y, displayMode, autoHideDelay)
  UIDropDownMenu_Initialize(menuFrame, function(frame, level, entries)
    for _, entry in ipairs(entries or {}) do
      UIDropDownMenu_AddButton(entry, level)
    end
  end, displayMode, nil, menuList)
  ToggleDropDownMenu(1, nil, menuFrame, anchor, x, y, menuList, nil, autoHideDelay)
end

function UIDropDownMenu_HandleGlobalMouseEvent(button, event)
end
