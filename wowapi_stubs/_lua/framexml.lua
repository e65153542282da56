-- The parts of Blizzard's FrameXML an addon relies on, rewritten for the headless client:
-- the Send Mail tab's Send button and a few constants.
local G = _G

G.NUM_BAG_SLOTS = 4
G.NUM_BAG_FRAMES = 4
G.MAX_PLAYER_LEVEL = 80
G.NORMAL_FONT_COLOR = { r = 1.0, g = 0.82, b = 0.0 }
G.HIGHLIGHT_FONT_COLOR = { r = 1.0, g = 1.0, b = 1.0 }
G.RED_FONT_COLOR = { r = 1.0, g = 0.1, b = 0.1 }
G.GREEN_FONT_COLOR = { r = 0.1, g = 1.0, b = 0.1 }

-- The Send button: take the amount from the money input, then send what the tab holds.
-- SendMail is looked up as a global so that hooksecurefunc("SendMail", ...) hooks run.
function SendMailFrame_SendMail()
  if not G.SetSendMailMoney(G.MoneyInputFrame_GetCopper(G.SendMailMoney)) then
    G.UIErrorsFrame:AddMessage("You don't have enough money", 1.0, 0.1, 0.1)
    return
  end
  G.SendMail(G.SendMailNameEditBox:GetText(), G.SendMailSubjectEditBox:GetText(),
    G.SendMailBodyEditBox:GetText())
end

G.SendMailMailButton:SetScript("OnClick", function()
  G.SendMailFrame_SendMail()
end)
