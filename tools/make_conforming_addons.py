"""Regenerate fixtures/addons/conforming/: copies of the reference addon that differ from it
in ways the SPEC allows (the precision suite: ``check`` must pass every one).

Each variant applies a few edits to MimironsGoldOMatic.lua or .Core.lua; VARIANT.md says what
differs and which SPEC freedom allows it. Run from the repository root:
``python tools/make_conforming_addons.py``.
"""

from __future__ import annotations

import shutil

from make_broken_addons import CORE, MAIN, REFERENCE, ROOT, Edit, write_variant

CONFORMING = ROOT / "fixtures" / "addons" / "conforming"


def between(file: str, first: str, last: str) -> str:
    """The reference file's text from ``first`` through ``last`` (both included)."""
    text = (REFERENCE / file).read_text(encoding="utf-8")
    start = text.index(first)
    return text[start:text.index(last, start) + len(last)]


SENDS_IN_ORDER = """local sends = {} -- one context per SendMail, answered in order

hooksecurefunc("SendMail", function(recipient)
  local armed = state.armed
  if armed and Core.NamesEqual(recipient, armed.name) then
    sends[#sends + 1] = { id = armed.id, name = armed.name, copper = armed.copper,
      sentCopper = GetSendMailMoney() }
  else
    sends[#sends + 1] = false
  end
end)

local function isQueued(payoutId)
  for _, entry in ipairs(state.queue) do
    if entry.id == payoutId then
      return true
    end
  end
  return false
end

local function onMailSendSuccess()
  local sent = table.remove(sends, 1)
  if not sent or not isQueued(sent.id) then
    return -- manual mail: no tag, no whisper, no queue change (SPEC 9)
  end
  if state.armed and state.armed.id == sent.id then
    state.armed = nil
  end
  if sent.sentCopper ~= sent.copper then
    info("Mail carried another amount than the queued one; not confirming.")
    MGM_RefreshQueuePanel()
    return
  end
  say("[MGM_CONFIRM:" .. sent.id .. "]")
  whisper(sent.name, SENT_WHISPER)
  for i, entry in ipairs(state.queue) do
    if entry.id == sent.id then
      table.remove(state.queue, i)
      break
    end
  end
  MGM_RefreshQueuePanel()
end
"""

FOLD_TABLE = """local UPPER = "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
local LOWER = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
local FOLD = {}
for i = 1, string.len(UPPER), 2 do
  FOLD[string.sub(UPPER, i, i + 1)] = string.sub(LOWER, i, i + 1)
end

function Core.FoldCase(text)
  return (string.gsub(string.lower(text or ""), "[\\208\\209][\\128-\\191]", FOLD))
end
"""

DEFERRED_OUTPUT = """-- Chat output leaves on the next rendered frame (a deferred outbox).
local outbox = {}
local outboxFrame = CreateFrame("Frame")
outboxFrame:SetScript("OnUpdate", function()
  local due = outbox
  outbox = {}
  for _, send in ipairs(due) do
    send()
  end
end)

local function say(text)
  outbox[#outbox + 1] = function() DEFAULT_CHAT_FRAME:AddMessage(text) end
end
"""

DEFERRED_WHISPER = """local function whisper(name, text)
  outbox[#outbox + 1] = function() SendChatMessage(text, "WHISPER", nil, name) end
end
"""

WHO_FROM_SYSTEM_LINES = """-- "[Name]: Level 80 ..." (a player link or not), "N players total".
local WHO_LINE = "^|?H?[^%[]*%[([^%]]+)%]"
local WHO_TOTAL = "^(%d+) players? total"
local systemNames = {}

local function onWhoSystemLine(text)
  local pending = state.who
  if not pending or type(text) ~= "string" then
    return
  end
  local total = string.match(text, WHO_TOTAL)
  if total then
    local names = systemNames
    systemNames = {}
    finishWho(Core.FindMatchingWhoName(pending.name, names) ~= nil)
    return
  end
  local name = string.match(text, WHO_LINE)
  if name and string.find(text, ": Level ", 1, true) then
    systemNames[#systemNames + 1] = name
  end
end

local function onWhoListUpdate()
"""

AUTO_PREPARE = """function MGM_AutoPrepare()
  if state.mailboxOpen and not state.armed and state.queue[1] then
    prepareMail()
  end
end
"""

THROTTLED_WHISPER = """-- Whispers go through a bandwidth throttle (the ChatThrottleLib scheme): a
-- gauge that starts empty at login, fills at 800 bytes a second up to 4000; a whisper
-- leaves at once when the gauge holds its size, else it waits in order for the OnUpdate
-- that can pay it.
local gauge, gaugeAt, waiting = 0, GetTime(), {}
local throttle = CreateFrame("Frame")

local function refill()
  local now = GetTime()
  gauge, gaugeAt = math.min(4000, gauge + (now - gaugeAt) * 800), now
end

local function whisper(name, text)
  refill()
  if #waiting == 0 and gauge >= #text then
    gauge = gauge - #text
    SendChatMessage(text, "WHISPER", nil, name)
  else
    waiting[#waiting + 1] = { name, text }
  end
end

throttle:SetScript("OnUpdate", function()
  refill()
  while waiting[1] and gauge >= #waiting[1][2] do
    local item = table.remove(waiting, 1)
    gauge = gauge - #item[2]
    SendChatMessage(item[2], "WHISPER", nil, item[1])
  end
end)
"""

TIMED_OUTBOX = """-- Chat output leaves 0.75 s after it was queued (a timer-driven outbox, as an
-- AceTimer:ScheduleTimer(send, 0.75) or a throttle library would send it).
local OUTBOX_DELAY = 0.75
local outbox = {}
local outboxFrame = CreateFrame("Frame")
outboxFrame:SetScript("OnUpdate", function()
  local now = GetTime()
  while outbox[1] and outbox[1].due <= now do
    table.remove(outbox, 1).send()
  end
end)

local function later(send)
  outbox[#outbox + 1] = { due = GetTime() + OUTBOX_DELAY, send = send }
end

local function say(text)
  later(function() DEFAULT_CHAT_FRAME:AddMessage(text) end)
end
"""

TIMED_WHISPER = """local function whisper(name, text)
  later(function() SendChatMessage(text, "WHISPER", nil, name) end)
end
"""

PACED_OUTPUT = """-- Chat output leaves one line every 0.2 s, in order (a paced queue that drains
-- over time, the way ChatThrottleLib spreads a burst of lines).
local LINE_INTERVAL = 0.2
local lines, nextLineAt = {}, 0
local pacer = CreateFrame("Frame")
pacer:SetScript("OnUpdate", function()
  local now = GetTime()
  if lines[1] and now >= nextLineAt then
    table.remove(lines, 1)()
    nextLineAt = now + LINE_INTERVAL
  end
end)

local function later(send)
  lines[#lines + 1] = send
end

local function say(text)
  later(function() DEFAULT_CHAT_FRAME:AddMessage(text) end)
end
"""

# name: (what differs, why the SPEC allows it, edits)
VARIANTS: dict[str, tuple[str, str, list[Edit]]] = {
    "prepare-disabled-while-sending": (
        "Prepare Mail is disabled while the armed mail is on its way (from SendMail to "
        "MAIL_SEND_SUCCESS or MAIL_FAILED).",
        "SPEC §9 does not say when Prepare Mail may be used; a click on a disabled button "
        "does nothing in the client.",
        [(MAIN, "  setEnabled(prepareButton, state.queue[1] ~= nil and state.mailboxOpen)",
          "  setEnabled(prepareButton, state.queue[1] ~= nil and state.mailboxOpen\n"
          "    and not (state.armed and state.armed.sent))"),
         (MAIN, "    armed.sent = true\n    armed.sentCopper = GetSendMailMoney and "
          "GetSendMailMoney()\n      or MoneyInputFrame_GetCopper(SendMailMoney)\n",
          "    armed.sent = true\n    armed.sentCopper = GetSendMailMoney and "
          "GetSendMailMoney()\n      or MoneyInputFrame_GetCopper(SendMailMoney)\n"
          "    MGM_RefreshQueuePanel()\n")]),
    "prepare-disabled-in-combat": (
        "Prepare Mail is disabled in combat.",
        "SPEC §9 does not say when Prepare Mail may be used.",
        [(MAIN, "  setEnabled(prepareButton, state.queue[1] ~= nil and state.mailboxOpen)",
          "  setEnabled(prepareButton, state.queue[1] ~= nil and state.mailboxOpen\n"
          "    and not UnitAffectingCombat(\"player\"))"),
         (MAIN, "  setEnabled(self, event == \"PLAYER_REGEN_ENABLED\")",
          "  setEnabled(self, event == \"PLAYER_REGEN_ENABLED\")\n  MGM_RefreshQueuePanel()")]),
    "renotify-rearms-acceptance": (
        "NotifyWinnerWhisper for an already accepted payout makes it acceptable again, so "
        "the winner's next !twgold prints [MGM_ACCEPT] a second time.",
        "SPEC §10: a repeated [MGM_ACCEPT] line must leave no inconsistent state and is "
        "idempotent on the EBS side.",
        [(MAIN, "  state.notified[payoutId] = { name = name, accepted = state.notified[payoutId]"
          "\n    and state.notified[payoutId].accepted or false }",
          "  state.notified[payoutId] = { name = name, accepted = false }")]),
    "parse-section9-only": (
        "ReceiveGold rejects only what SPEC §9 names (':' and ';' in names, bad UUIDs, "
        "amounts that are not positive whole numbers); a name like B0b is queued.",
        "SPEC §9 asks the addon to rule out ':' and ';'; the letters-only rule of SPEC §4 is "
        "the EBS's (a SHOULD for the addon, reported as such).",
        [(CORE, "  if name == \"\" or string.find(name, \"[%s%d%p]\") then",
          "  if name == \"\" or string.find(name, \"[%s:;]\") then")]),
    "parse-stricter-names": (
        "ReceiveGold also refuses one-letter names and amounts with a leading zero.",
        "Stricter than SPEC §9 but within SPEC §4: the EBS never sends such entries.",
        [(CORE, "  if not string.find(copper, \"^%d+$\") then",
          "  if string.len(name) < 2 then\n"
          "    return nil, \"character name must be 2-12 letters\"\n  end\n"
          "  if not string.find(copper, \"^[1-9]%d*$\") then")]),
    "who-setwhotoui-restored": (
        "Turns SetWhoToUI on only for its own /who and off again when the answer came.",
        "SPEC §8 asks for the /who result only; the client facts require SetWhoToUI(1) for "
        "WHO_LIST_UPDATE, not that it stays on.",
        [(MAIN, "local function finishWho(online)\n  local pending = state.who\n",
          "local function finishWho(online)\n  local pending = state.who\n  SetWhoToUI(0)\n")]),
    "who-plain-query": (
        "Asks `/who Name` (a substring query) instead of `n-\"Name\"` and keeps only the "
        "exact name from the results.",
        "SPEC §8 asks for /who <CharacterName>; the exact-name rule is applied to the results.",
        [(MAIN, "  SendWho('n-\"' .. name .. '\"')", "  SendWho(name)")]),
    "who-longer-timeout": (
        "Gives /who 14 seconds before reporting the winner offline.",
        "SPEC §8 fixes no timeout (the contract allows 15 s for the line).",
        [(MAIN, "local WHO_TIMEOUT_SECONDS = 10", "local WHO_TIMEOUT_SECONDS = 14")]),
    "queue-newest-first": (
        "Prepare Mail fills the most recently queued payout first.",
        "SPEC §9 does not fix the order in which queued payouts are mailed.",
        [(MAIN, "local function prepareMail()\n  local entry = state.queue[1]",
          "local function prepareMail()\n  local entry = state.queue[#state.queue]")]),
    "queue-largest-first": (
        "Prepare Mail fills the largest queued amount first.",
        "SPEC §9 does not fix the order in which queued payouts are mailed.",
        [(MAIN, "local function prepareMail()\n  local entry = state.queue[1]",
          "local function prepareMail()\n  local entry = state.queue[1]\n"
          "  for _, row in ipairs(state.queue) do\n"
          "    if row.copper > entry.copper then\n      entry = row\n    end\n  end")]),
    "failed-mail-stays-armed": (
        "After MAIL_FAILED the prepared payout stays armed, so the streamer can press Send "
        "again without Prepare Mail.",
        "SPEC §9 arming is implementation guidance; a retry of the prepared mail is still "
        "the MGM path (the fields are the ones Prepare Mail filled).",
        [(MAIN, "    if state.armed then\n      MGM_ClearArmedMailSend() -- the row stays queued "
          "for another try\n    end",
          "    if state.armed then\n      state.armed.sent = false -- retry with Send\n    end")]),
    "disarm-on-any-mail-success": (
        "Any MAIL_SEND_SUCCESS, a manual mail's too, clears the armed context.",
        "SPEC §9 arming guidance: clear the armed state on successful handling of "
        "MAIL_SEND_SUCCESS.",
        [(MAIN, "  if not armed or not armed.sent then\n    return -- manual mail",
          "  if not armed or not armed.sent then\n    if armed then\n"
          "      MGM_ClearArmedMailSend()\n    end\n    return -- manual mail")]),
    "sends-in-order": (
        "Keeps one context per SendMail and matches each MAIL_SEND_SUCCESS / MAIL_FAILED "
        "to the oldest one, instead of one armed slot.",
        "SPEC §9 leaves the arming mechanism to the addon.",
        [(MAIN, between(MAIN, "hooksecurefunc(\"SendMail\"",
                        "  MGM_PopQueueAfterSuccessfulSend()\nend\n"), SENDS_IN_ORDER),
         (MAIN, "  elseif event == \"MAIL_FAILED\" then\n",
          "  elseif event == \"MAIL_FAILED\" then\n    table.remove(sends, 1)\n")]),
    "arms-on-send-button": (
        "Hooks SendMailFrame_SendMail (the Send button's path) instead of SendMail.",
        "SPEC §9 arming guidance names both SendMail and SendMailFrame_SendMail.",
        [(MAIN, "hooksecurefunc(\"SendMail\", function(recipient)\n",
          "hooksecurefunc(\"SendMailFrame_SendMail\", function()\n"
          "  local recipient = SendMailNameEditBox:GetText()\n")]),
    "cyrillic-fold-table": (
        "Folds Cyrillic letter case with a lookup table of the 33 letters instead of "
        "arithmetic on UTF-8 bytes.",
        "SPEC §4, §9: case-insensitive matching, Latin and Cyrillic; how is the addon's.",
        [(CORE, between(CORE, "function Core.FoldCase(text)", "  end))\nend\n"),
          FOLD_TABLE)]),
    "ignores-other-realms": (
        "Ignores replies from a sender of another realm (Name-Realm).",
        "SPEC §4 assumes one realm: the enrolled CharacterName is a character of the "
        "streamer's realm.",
        [(MAIN, "local function handleAcceptance(sender)\n",
          "local function handleAcceptance(sender)\n  if string.find(sender, \"-\", 1, true) "
          "then\n    return\n  end\n")]),
    "manual-mail-notice": (
        "Prints an info line (no tag) when the streamer mails a queued winner by hand.",
        "SPEC §9 forbids tags, whispers and queue changes for manual mail, not a notice.",
        [(MAIN, "  if not armed or not armed.sent then\n    return -- manual mail",
          "  if not armed or not armed.sent then\n"
          "    info(\"A mail went out without Prepare Mail; the queue is unchanged.\")\n"
          "    return -- manual mail")]),
    "prepare-labelled-otherwise": (
        "Its Prepare Mail button reads 'Mail next winner' (check finds it by what it does).",
        "SPEC §9 names the Prepare Mail step, not the label of the addon's button.",
        [(MAIN, 'prepareButton:SetText("Prepare Mail")',
          'prepareButton:SetText("Mail next winner")')]),
    "deferred-output": (
        "Prints its tags and sends its whispers on the next rendered frame (an OnUpdate "
        "outbox), not inside the event handler or /run call that caused them.",
        "SPEC §8-§10 ask for the lines and whispers, not that they leave within the same "
        "frame; the Desktop reads the log whenever it is written.",
        [(MAIN, between(MAIN, "local function say(text)", "\nend\n"), DEFERRED_OUTPUT),
         (MAIN, between(MAIN, "local function whisper(name, text)", "\nend\n"),
          DEFERRED_WHISPER)]),
    "output-after-a-timer": (
        "Prints its tags and sends its whispers 0.75 s after they were queued (an outbox "
        "flushed by a timer, as AceTimer or a throttle library would), not in the frame "
        "that caused them.",
        "SPEC §8-§10 ask for the lines and whispers, not that they leave within one frame; "
        "the Desktop reads the log whenever it is written.",
        [(MAIN, between(MAIN, "local function say(text)", "\nend\n"), TIMED_OUTBOX),
         (MAIN, between(MAIN, "local function whisper(name, text)", "\nend\n"),
          TIMED_WHISPER)]),
    "output-paced-queue": (
        "Sends every tag line and whisper through one queue that lets out one line every "
        "0.2 s, so a burst (two ACCEPTs, a CONFIRM and its whisper) drains over time.",
        "SPEC §8-§10 ask for the lines and whispers in order, not when they leave; pacing "
        "chat output is what real addons do to stay under the server's flood limits.",
        [(MAIN, between(MAIN, "local function say(text)", "\nend\n"), PACED_OUTPUT),
         (MAIN, between(MAIN, "local function whisper(name, text)", "\nend\n"),
          TIMED_WHISPER)]),
    "who-reads-system-lines": (
        "Never calls SetWhoToUI: reads the /who answer from the client's system lines "
        "(CHAT_MSG_SYSTEM, 3 results or fewer) and from WHO_LIST_UPDATE (more).",
        "SPEC §8 asks the addon to parse the /who result for 3.3.5a; both ways the client "
        "answers are the result.",
        [(MAIN, "  SetWhoToUI(1)\n  SendWho(", "  SendWho("),
         (MAIN, "local function onWhoListUpdate()\n", WHO_FROM_SYSTEM_LINES),
         (MAIN, 'events:RegisterEvent("WHO_LIST_UPDATE")\n',
          'events:RegisterEvent("WHO_LIST_UPDATE")\nevents:RegisterEvent("CHAT_MSG_SYSTEM")\n'),
         (MAIN, '  elseif event == "WHO_LIST_UPDATE" then\n',
          '  elseif event == "CHAT_MSG_SYSTEM" then\n    onWhoSystemLine(arg1)\n'
          '  elseif event == "WHO_LIST_UPDATE" then\n')]),
    "prepares-without-a-click": (
        "Fills the Send Mail tab and arms the next payout by itself: when payouts arrive at "
        "an open mailbox, when the mailbox opens, and after each confirmed send.",
        "SPEC §9 mail-send detection: a send armed by the MGM mail queue flow (after "
        "ReceiveGold or Prepare Mail); arming is the addon's.",
        [(MAIN, "prepareButton:SetScript(\"OnClick\", prepareMail)\n",
          "prepareButton:SetScript(\"OnClick\", prepareMail)\n" + AUTO_PREPARE),
         (MAIN, "  if added > 0 then\n    MGM_ShowQueuePanel()\n",
          "  if added > 0 then\n    MGM_ShowQueuePanel()\n    MGM_AutoPrepare()\n"),
         (MAIN, "  MGM_PopQueueAfterSuccessfulSend()\nend\n",
          "  MGM_PopQueueAfterSuccessfulSend()\n  MGM_AutoPrepare()\nend\n"),
         (MAIN, "    if state.queue[1] then\n      MGM_ShowQueuePanel()\n    end\n",
          "    if state.queue[1] then\n      MGM_ShowQueuePanel()\n      MGM_AutoPrepare()\n"
          "    end\n")]),
    "who-queues-requests": (
        "A /who request made while another is pending waits its turn and is answered after "
        "it, instead of being refused.",
        "SPEC §8 asks for one [MGM_WHO] line per /who the addon runs; the client runs one "
        "query at a time, and whether a second request waits or is refused is the addon's.",
        [(MAIN, '  if state.who then\n    info("/who already pending; try again.")\n'
          "    return\n  end\n",
          "  if state.who then\n    state.whoWaiting = state.whoWaiting or {}\n"
          "    table.insert(state.whoWaiting, { spinCycleId, characterName })\n"
          "    return\n  end\n"),
         (MAIN, "  say(Core.BuildWhoLogLine(pending.spinCycleId, pending.name, online))\nend\n",
          "  say(Core.BuildWhoLogLine(pending.spinCycleId, pending.name, online))\n"
          "  local nextRequest = state.whoWaiting and table.remove(state.whoWaiting, 1)\n"
          "  if nextRequest then\n    MGM_RunWhoForSpin(nextRequest[1], nextRequest[2])\n"
          "  end\nend\n")]),
    "whispers-through-a-throttle": (
        "Sends its whispers through a bandwidth throttle that starts empty at login (the "
        "ChatThrottleLib scheme: 800 bytes a second, bursts up to 4000).",
        "SPEC §9 fixes the whisper texts and recipients, not that they leave within the "
        "frame that caused them.",
        [(MAIN, between(MAIN, "local function whisper(name, text)", "\nend\n"),
          THROTTLED_WHISPER)]),
    "items-last-bag-first": (
        "[MGM_ITEMS] lists bag 4 first and bag 0 last.",
        "SPEC §12 fixes the fields of each item, not their order.",
        [(MAIN, "  for bag = 0, 4 do\n", "  for bag = 4, 0, -1 do\n")]),
}


def build() -> None:
    """Write every variant folder and the README table."""
    if CONFORMING.exists():
        shutil.rmtree(CONFORMING)
    CONFORMING.mkdir(parents=True)
    rows = ["| variant | differs from the reference | allowed by |", "| --- | --- | --- |"]
    for name, (differs, allowed, edits) in VARIANTS.items():
        write_variant(CONFORMING / name, edits)
        (CONFORMING / name / "VARIANT.md").write_text(
            f"# {name}\n\nDiffers: {differs}\n\nAllowed by: {allowed}\n", encoding="utf-8")
        rows.append(f"| `{name}` | {differs} | {allowed} |")
    (CONFORMING / "README.md").write_text(
        "# SPEC-conforming variants of the reference addon\n\nEach folder holds a copy of the "
        "reference addon (`<variant>/MimironsGoldOMatic/`) that differs from it in a way the "
        "SPEC allows; `mgm-contract check` must pass every one (the precision suite). "
        "Regenerate with `python tools/make_conforming_addons.py`.\n\n" + "\n".join(rows)
        + "\n", encoding="utf-8")


if __name__ == "__main__":
    build()
