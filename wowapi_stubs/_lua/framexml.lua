-- The parts of Blizzard's FrameXML an addon relies on, rewritten for the headless client:
-- the Send Mail tab (Send button, money confirmation), static popups and a few constants.
-- Run when the mail frames are first used (or one of the globals below is first read).
local G = _G

-- Constants (ACCEPT, CANCEL...) come from the built-in UI's catalog when first read.
STATICPOPUP_NUMDIALOGS = 4

---------------------------------------------------------------------------------------------
-- Static popups: StaticPopupDialogs[which] = { text, button1, button2, button3, OnAccept,
-- OnCancel, OnAlt, OnShow, OnHide, hasEditBox, hasWideEditBox, maxLetters, maxBytes,
-- EditBoxOnEnterPressed, EditBoxOnEscapePressed, EditBoxOnTextChanged, hasMoneyFrame,
-- hasItemFrame, ... }; StaticPopup_Show fills the first free StaticPopupN frame. Its parts
-- are where FrameXML's dialog keeps them (dialog.text, .button1..3, .editBox,
-- .wideEditBox, .moneyFrame, .itemFrame, .icon and the $parent names); a button runs
-- OnAccept/OnCancel/OnAlt, and hides the dialog unless OnAccept or OnCancel returns true.
---------------------------------------------------------------------------------------------
StaticPopupDialogs = {}

local clickPopup -- defined below

local function dialogOf(editBox)
  local parent = editBox:GetParent()
  if parent.which then
    return parent
  end
  return parent:GetParent()  -- an edit box of the money input frame
end

function StaticPopup_EditBoxOnEnterPressed(self)
  local dialog = dialogOf(self)
  local info = G.StaticPopupDialogs[dialog.which]
  if info and info.EditBoxOnEnterPressed then
    info.EditBoxOnEnterPressed(self, dialog.data)
  end
end

-- An edit box script that hands the dialog's data to the dialog's handler `field`.
local function editBoxScript(field)
  return function(self)
    local dialog = self:GetParent()
    local info = G.StaticPopupDialogs[dialog.which]
    if info and info[field] then
      info[field](self, dialog.data)
    end
  end
end
StaticPopup_EditBoxOnEscapePressed = editBoxScript("EditBoxOnEscapePressed")
StaticPopup_EditBoxOnTextChanged = editBoxScript("EditBoxOnTextChanged")

-- StaticPopupN with its parts, made the first time it is needed.
local function popupFrame(index, create)
  local name = "StaticPopup" .. index
  local dialog = rawget(G, name)  -- not the built-in stand-in of the same name
  if dialog or not create then
    return dialog
  end
  dialog = CreateFrame("Frame", name, G.UIParent)
  dialog:SetFrameStrata("DIALOG")  -- above the UI panels, as the client's popups are
  dialog:SetToplevel(true)
  dialog:Hide()
  dialog.text = dialog:CreateFontString(name .. "Text", "ARTWORK", "GameFontHighlight")
  dialog.icon = dialog:CreateTexture(name .. "AlertIcon", "ARTWORK")
  dialog.icon:Hide()
  dialog.extraFrame = CreateFrame("Frame", name .. "ExtraFrame", dialog)
  for button = 1, 3 do
    local part = CreateFrame("Button", name .. "Button" .. button, dialog)
    part:SetID(button)
    part:SetScript("OnClick", function()
      clickPopup(dialog, button)
    end)
    dialog["button" .. button] = part
  end
  for key, suffix in pairs({ editBox = "EditBox", wideEditBox = "WideEditBox" }) do
    local box = CreateFrame("EditBox", name .. suffix, dialog)
    box:SetAutoFocus(false)
    box:Hide()
    box:SetScript("OnEnterPressed", G.StaticPopup_EditBoxOnEnterPressed)
    box:SetScript("OnEscapePressed", G.StaticPopup_EditBoxOnEscapePressed)
    box:SetScript("OnTextChanged", G.StaticPopup_EditBoxOnTextChanged)
    dialog[key] = box
  end
  dialog.moneyFrame = CreateFrame("Frame", name .. "MoneyFrame", dialog)
  dialog.moneyFrame:Hide()
  dialog.itemFrame = CreateFrame("Button", name .. "ItemFrame", dialog)
  dialog.itemFrame:Hide()
  return dialog
end

local function hidePopup(dialog)
  dialog:Hide()
  local info = G.StaticPopupDialogs[dialog.which]
  dialog.which = nil
  if info and info.OnHide then
    info.OnHide(dialog, dialog.data)
  end
end

function clickPopup(dialog, index)
  local which = dialog.which
  local info = G.StaticPopupDialogs[which]
  if not info or not dialog:IsShown() then
    return
  end
  local keep
  if index == 1 and info.OnAccept then
    keep = info.OnAccept(dialog, dialog.data, dialog.data2)
  elseif index == 3 then
    if info.OnAlt then
      info.OnAlt(dialog, dialog.data, "clicked")
    end
  elseif index == 2 and info.OnCancel then
    keep = info.OnCancel(dialog, dialog.data, "clicked")
  end
  if not keep and dialog.which == which and dialog:IsShown() then
    hidePopup(dialog)
  end
end

function StaticPopup_Visible(which)
  for i = 1, G.STATICPOPUP_NUMDIALOGS do
    local dialog = popupFrame(i)
    if dialog and dialog:IsShown() and dialog.which == which then
      return dialog:GetName(), dialog
    end
  end
  return nil
end

-- The edit box the dialog asks for (wide or not), emptied and shown; the other hidden.
local function showEditBox(dialog, info)
  local wanted = info.hasEditBox and (info.hasWideEditBox and dialog.wideEditBox
    or dialog.editBox)
  for _, box in ipairs({ dialog.editBox, dialog.wideEditBox }) do
    if box == wanted then
      if info.maxLetters then
        box:SetMaxLetters(info.maxLetters)
      end
      if info.maxBytes then
        box:SetMaxBytes(info.maxBytes)
      end
      box:SetText("")
      box:Show()
    else
      box:Hide()
    end
  end
end

function StaticPopup_Show(which, textArg1, textArg2, data)
  local info = G.StaticPopupDialogs[which]
  if not info then
    return nil
  end
  local _, dialog = StaticPopup_Visible(which)
  if not dialog then
    for i = 1, G.STATICPOPUP_NUMDIALOGS do
      local free = popupFrame(i, true)
      if not free:IsShown() then
        dialog = free
        break
      end
    end
  end
  if not dialog then
    return nil
  end
  dialog.which, dialog.data = which, data
  dialog.text:SetText(string.format(info.text or "", textArg1 or "", textArg2 or ""))
  for index = 1, 3 do
    local button = dialog["button" .. index]
    local label = info["button" .. index]
    if index == 3 and info.DisplayButton3 and not info.DisplayButton3() then
      label = nil
    end
    button:SetText(label)
    if label then
      button:Enable()
      button:Show()
    else
      button:Hide()
    end
  end
  showEditBox(dialog, info)
  if info.hasMoneyFrame then
    dialog.moneyFrame:Show()
  else
    dialog.moneyFrame:Hide()
  end
  if info.hasItemFrame then
    dialog.itemFrame:Show()
  else
    dialog.itemFrame:Hide()
  end
  dialog:Show()
  if info.OnShow then
    info.OnShow(dialog, data)
  end
  if info.hasEditBox then
    (info.hasWideEditBox and dialog.wideEditBox or dialog.editBox):SetFocus()
  end
  return dialog
end

function StaticPopup_Hide(which, data)
  for i = 1, G.STATICPOPUP_NUMDIALOGS do
    local dialog = popupFrame(i)
    if dialog and dialog:IsShown() and dialog.which == which and (data == nil or dialog.data == data) then
      hidePopup(dialog)
    end
  end
end

---------------------------------------------------------------------------------------------
-- The Send Mail tab. Like the client's: Send needs a recipient and a subject; a click
-- disables the button until the mail fails (or the tab is filled anew after a success);
-- money is sent only after the SEND_MONEY confirmation is accepted. SendMail is looked up
-- as a global so that hooksecurefunc("SendMail", ...) hooks run.
---------------------------------------------------------------------------------------------
function SendMailFrame_CanSend()
  local ready = G.SendMailNameEditBox:GetText() ~= "" and G.SendMailSubjectEditBox:GetText() ~= ""
  if ready then
    G.SendMailMailButton:Enable()
  else
    G.SendMailMailButton:Disable()
  end
end

function SendMailFrame_SendMail()
  G.SendMail(G.SendMailNameEditBox:GetText(), G.SendMailSubjectEditBox:GetText(),
    G.SendMailBodyEditBox:GetText())
end

G.StaticPopupDialogs.SEND_MONEY = {
  text = G.SEND_MONEY_CONFIRMATION, button1 = G.ACCEPT, button2 = G.CANCEL,
  OnAccept = function()
    if G.SetSendMailMoney(G.MoneyInputFrame_GetCopper(G.SendMailMoney)) then
      G.SendMailFrame_SendMail()
    end
  end,
  OnCancel = function()
    G.SendMailMailButton:Enable()
  end,
}

G.SendMailMailButton:SetScript("OnClick", function(self)
  self:Disable()
  local copper = G.MoneyInputFrame_GetCopper(G.SendMailMoney)
  G.SetSendMailMoney(0)
  if copper > 0 then
    G.StaticPopup_Show("SEND_MONEY", G.SendMailNameEditBox:GetText())
    return
  end
  G.SendMailFrame_SendMail()
end)

-- The tab's Cancel closes the mailbox (the client hides MailFrame, which closes the mail).
G.SendMailCancelButton:SetScript("OnClick", function() G.CloseMail() end)

-- Hiding the mail frame (the mailbox closed) clears the recipient, subject and body, as
-- FrameXML's MailFrame OnHide does; the money stays.
G.MailFrame:SetScript("OnHide", function()
  G.SendMailNameEditBox:SetText("")
  G.SendMailSubjectEditBox:SetText("")
  G.SendMailBodyEditBox:SetText("")
end)

G.SendMailNameEditBox:SetScript("OnTextChanged", function() G.SendMailFrame_CanSend() end)
G.SendMailSubjectEditBox:SetScript("OnTextChanged", function() G.SendMailFrame_CanSend() end)
G.SendMailFrame_CanSend()

G.MailFrame:RegisterEvent("MAIL_SHOW")
G.MailFrame:RegisterEvent("MAIL_FAILED")
-- Opening the mailbox asks the server for the inbox, as FrameXML's MailFrame does.
G.MailFrame:SetScript("OnEvent", function(_, event)
  if event == "MAIL_FAILED" then
    G.SendMailMailButton:Enable()
  else
    G.SendMailFrame_CanSend()
    G.CheckInbox()
  end
end)
