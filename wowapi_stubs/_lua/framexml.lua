-- The parts of Blizzard's FrameXML an addon relies on, rewritten for the headless client:
-- the Send Mail tab (Send button, money confirmation), static popups and a few constants.
-- Run when the mail frames are first used (or one of the globals below is first read).
local G = _G

-- Constants (ACCEPT, CANCEL...) come from the built-in UI's catalog when first read.
STATICPOPUP_NUMDIALOGS = 4

---------------------------------------------------------------------------------------------
-- Static popups: StaticPopupDialogs[which] = { text, button1, button2, OnAccept, OnCancel,
-- OnShow, OnHide, ... }; StaticPopup_Show fills the first free StaticPopupN frame, whose
-- Button1/Button2 call OnAccept/OnCancel and hide it.
---------------------------------------------------------------------------------------------
StaticPopupDialogs = {}

local clickPopup -- defined below

-- StaticPopupN with its Text and Button1/Button2, made the first time it is needed.
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
  dialog:CreateFontString(name .. "Text", "ARTWORK", "GameFontHighlight")
  for button = 1, 2 do
    CreateFrame("Button", name .. "Button" .. button, dialog):SetScript("OnClick", function()
      clickPopup(dialog, button)
    end)
  end
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
  local info = G.StaticPopupDialogs[dialog.which]
  if not info then
    return
  end
  local data, data2 = dialog.data, dialog.data2
  hidePopup(dialog)
  if index == 1 and info.OnAccept then
    info.OnAccept(dialog, data, data2)
  elseif index == 2 and info.OnCancel then
    info.OnCancel(dialog, data, "clicked")
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
  local name = dialog:GetName()
  dialog.which, dialog.data = which, data
  G[name .. "Text"]:SetText(string.format(info.text or "", textArg1 or "", textArg2 or ""))
  for index = 1, 2 do
    local button = G[name .. "Button" .. index]
    local label = info["button" .. index]
    button:SetText(label)
    if label then
      button:Show()
    else
      button:Hide()
    end
  end
  dialog:Show()
  if info.OnShow then
    info.OnShow(dialog, data)
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
