-- Panels of the built-in UI, written for the headless client: the Interface Options
-- categories, UI panel windows, tab buttons (PanelTemplates) and faux scroll frames.
-- Loaded the first time an addon reads one of the globals it defines.

INTERFACEOPTIONS_ADDONCATEGORIES = {}
INTERFACEOPTIONS_INTERFACECATEGORIES = {}

-- InterfaceOptions_AddCategory(panel): the panel (with .name, and .parent for a
-- sub-category) joins the AddOns list and becomes a hidden child of the options container.
function InterfaceOptions_AddCategory(frame, addOn, position)
  if type(frame) ~= "table" or type(frame.name) ~= "string" then
    error("Usage: InterfaceOptions_AddCategory(frame): frame.name must be a string", 2)
  end
  local categories = INTERFACEOPTIONS_ADDONCATEGORIES
  if position then
    tinsert(categories, position, frame)
  else
    categories[#categories + 1] = frame
  end
  frame:SetParent(InterfaceOptionsFramePanelContainer)
  frame:Hide()
end

local function find_panel(panelOrName)
  if type(panelOrName) == "table" then
    return panelOrName
  end
  for _, list in ipairs({ INTERFACEOPTIONS_ADDONCATEGORIES,
                          INTERFACEOPTIONS_INTERFACECATEGORIES }) do
    for _, panel in ipairs(list) do
      if panel.name == panelOrName then
        return panel
      end
    end
  end
end

-- Shows the options frame with the panel selected (its refresh runs, as when opened).
function InterfaceOptionsFrame_OpenToCategory(panelOrName)
  local panel = find_panel(panelOrName)
  InterfaceOptionsFrame:Show()
  if not panel then
    return
  end
  for _, list in ipairs({ INTERFACEOPTIONS_ADDONCATEGORIES,
                          INTERFACEOPTIONS_INTERFACECATEGORIES }) do
    for _, other in ipairs(list) do
      if other ~= panel then
        other:Hide()
      end
    end
  end
  InterfaceOptionsFrame.selectedPanel = panel
  if panel.refresh then
    panel.refresh(panel)
  end
  panel:Show()
end

function InterfaceOptionsFrame_Show()
  InterfaceOptionsFrame:Show()
end

-- UI panels: windows opened and closed through the client's panel manager.
function ShowUIPanel(frame, force)
  if frame and not frame:IsShown() then
    frame:Show()
  end
end

function HideUIPanel(frame)
  if frame and frame:IsShown() then
    frame:Hide()
  end
end

function ToggleFrame(frame)
  if frame:IsShown() then
    HideUIPanel(frame)
  else
    ShowUIPanel(frame)
  end
end

-- The help window (/help): no support ticket or GM response exists for it to show first.
function ToggleHelpFrame()
  ToggleFrame(HelpFrame)
end

function GetUIPanel(key)
  return nil
end

function CloseSpecialWindows()
  local closed
  for _, name in ipairs(UISpecialFrames) do
    local frame = _G[name]
    if frame and frame:IsShown() then
      frame:Hide()
      closed = 1
    end
  end
  return closed
end

function CloseAllWindows(ignoreCenter)
  return CloseSpecialWindows()
end

function CloseMenus()
  if CloseDropDownMenus then
    CloseDropDownMenus()
  end
end

-- Tabs: frame.numTabs, frame.selectedTab; the selected tab's button is disabled.
local function tab(frame, index)
  return _G[frame:GetName() .. "Tab" .. index]
end

function PanelTemplates_SetNumTabs(frame, numTabs)
  frame.numTabs = numTabs
end

function PanelTemplates_SelectTab(button)
  button:Disable()
  button.isSelected = 1
end

function PanelTemplates_DeselectTab(button)
  button:Enable()
  button.isSelected = nil
end

function PanelTemplates_SetDisabledTabState(button)
  button:Disable()
  button.isDisabled = 1
end

function PanelTemplates_UpdateTabs(frame)
  if not frame.selectedTab then
    return
  end
  for index = 1, frame.numTabs or 0 do
    local button = tab(frame, index)
    if button and not button.isDisabled then
      if index == frame.selectedTab then
        PanelTemplates_SelectTab(button)
      else
        PanelTemplates_DeselectTab(button)
      end
    end
  end
end

function PanelTemplates_SetTab(frame, id)
  frame.selectedTab = id
  PanelTemplates_UpdateTabs(frame)
end

function PanelTemplates_GetSelectedTab(frame)
  return frame.selectedTab
end

function PanelTemplates_EnableTab(frame, index)
  local button = tab(frame, index)
  if button then
    button.isDisabled = nil
    button:Enable()
  end
end

function PanelTemplates_DisableTab(frame, index)
  local button = tab(frame, index)
  if button then
    PanelTemplates_SetDisabledTabState(button)
  end
end

function PanelTemplates_TabResize(button, padding, absoluteSize, maxWidth, absoluteTextSize)
  local width = absoluteSize
  if not width then
    local label = button:GetFontString()
    width = (label and label:GetStringWidth() or 0) + 24 + (padding or 0)
  end
  if maxWidth and width > maxWidth then
    width = maxWidth
  end
  button:SetWidth(width)
end

-- Faux scroll frames: a scroll bar over a list drawn by the addon; the offset is the first
-- shown item (0-based).
local function scroll_bar(frame)
  return _G[frame:GetName() .. "ScrollBar"]
end

function FauxScrollFrame_GetOffset(frame)
  return frame.offset or 0
end

function FauxScrollFrame_SetOffset(frame, offset)
  frame.offset = offset
end

function FauxScrollFrame_OnVerticalScroll(self, value, itemHeight, updateFunction)
  local bar = scroll_bar(self)
  if bar then
    bar:SetValue(value)
  end
  self.offset = math.floor((value / itemHeight) + 0.5)
  if updateFunction then
    updateFunction(self)
  end
end

function FauxScrollFrame_Update(frame, numItems, numToDisplay, valueStep, button, smallWidth,
                                bigWidth, highlightFrame, smallHighlightWidth,
                                bigHighlightWidth, alwaysShowScrollBar)
  local bar = scroll_bar(frame)
  local show = numItems > numToDisplay or alwaysShowScrollBar
  if show then
    frame:Show()
  else
    frame:Hide()
  end
  if bar then
    local range = math.max(0, (numItems - numToDisplay) * valueStep)
    bar:SetMinMaxValues(0, range)
    bar:SetValueStep(valueStep)
  end
  if button then
    button:SetWidth(show and smallWidth or bigWidth)
  end
  if highlightFrame then
    highlightFrame:SetWidth(show and smallHighlightWidth or bigHighlightWidth)
  end
  return show
end

-- InboxFrame_Update(): the inbox page lists the mails the server has sent
-- (GetInboxNumItems, GetInboxHeaderInfo): a MailItem button for each mail of the current
-- page, the other buttons hidden; a page button is enabled when there is a page that way.
function InboxFrame_Update()
  local shown = GetInboxNumItems()
  local per_page = INBOXITEMS_TO_DISPLAY
  local first = ((InboxFrame.pageNum or 1) - 1) * per_page
  for i = 1, per_page do
    local index = first + i
    local button = _G["MailItem" .. i .. "Button"]
    if index <= shown then
      local _, _, sender, subject = GetInboxHeaderInfo(index)
      _G["MailItem" .. i .. "Sender"]:SetText(sender or UNKNOWN)
      _G["MailItem" .. i .. "Subject"]:SetText(subject)
      button.index = index
      button:Show()
    else
      button.index = nil
      button:Hide()
    end
  end
  if first > 0 then
    InboxPrevPageButton:Enable()
  else
    InboxPrevPageButton:Disable()
  end
  if first + per_page < shown then
    InboxNextPageButton:Enable()
  else
    InboxNextPageButton:Disable()
  end
end
