"""Regenerate fixtures/addons/broken/: one copy of the reference addon per defect.

Each variant changes exactly one place of MimironsGoldOMatic.lua or .Core.lua; DEFECT.md names
the defect, the SPEC clause it breaks and the contract clause id that must catch it. Run from
the repository root: ``python tools/make_broken_addons.py``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "fixtures" / "addons" / "MimironsGoldOMatic"
BROKEN = ROOT / "fixtures" / "addons" / "broken"
MAIN = "MimironsGoldOMatic.lua"
CORE = "MimironsGoldOMatic.Core.lua"

# name: (file, original text, replacement, defect, SPEC clause, contract clause id)
VARIANTS: dict[str, tuple[str, str, str, str, str, str]] = {
    "confirms-manual-mail": (
        MAIN, "  local armed = state.armed\n  if not armed then\n    return\n  end\n  if Core",
        "  local head = state.queue[1]\n  local armed = state.armed or (head and { id = head.id,"
        " name = head.name, copper = head.copper })\n  state.armed = armed\n  if not armed then\n"
        "    return\n  end\n  if Core",
        "Treats any mail to the queued winner as the MGM send, even without Prepare Mail.",
        "SPEC §9 mail-send detection", "MAIL-CONFIRM-ARMED-ONLY"),
    "confirms-twice": (
        MAIN, "  whisper(armed.name, SENT_WHISPER)\n  MGM_PopQueueAfterSuccessfulSend()",
        "  whisper(armed.name, SENT_WHISPER)",
        "Never disarms after a confirmed send, so the next MAIL_SEND_SUCCESS confirms again.",
        "SPEC §9 mail-send tag", "MAIL-CONFIRM-ONCE"),
    "wrong-whisper-text": (
        MAIN, "одной фразой: !twgold\"", "одной фразой: twgold\"",
        "The winner notification whisper drops the '!' of !twgold.",
        "SPEC §9 winner notification whisper", "WHISPER-WINNER-TEXT"),
    "accepts-wrong-sender": (
        MAIN, "if entry and not entry.accepted and Core.NamesEqual(sender, entry.name) then",
        "if entry and not entry.accepted then",
        "Accepts !twgold from any player, not only the notified winner.",
        "SPEC §9 whisper reply interception", "ACCEPT-NOTIFIED-WINNER-ONLY"),
    "no-trim-or-case": (
        MAIN, "local body = Core.FoldCase(Core.Trim(arg1))", "local body = arg1",
        "Compares the reply body exactly, without trim or case folding.",
        "SPEC §9 whisper reply interception", "ACCEPT-BODY-NORMALIZED"),
    "accepts-twice": (
        MAIN, "if entry and not entry.accepted and Core", "if entry and Core",
        "Prints [MGM_ACCEPT] again for every repeated !twgold.",
        "SPEC §9 whisper reply interception", "ACCEPT-ONCE-PER-PAYOUT"),
    "latest-payout-only": (
        MAIN, "for _, payoutId in ipairs(state.notifiedOrder) do",
        "for _, payoutId in ipairs({ state.notifiedOrder[#state.notifiedOrder] }) do",
        "Only the most recently notified payout can be accepted.",
        "SPEC §9 whisper reply interception", "ACCEPT-ALL-NOTIFIED"),
    "malformed-who-json": (
        CORE, "'\"capturedAt\":\"%s\"}'", "'\"capturedAt\":\"%s\",}'",
        "The [MGM_WHO] JSON has a trailing comma.", "SPEC §8 /who log line", "TAG-FORMAT"),
    "confirm-in-colour": (
        MAIN, '  say("[MGM_CONFIRM:" .. armed.id .. "]")',
        '  say("|cff00ff00[MGM_CONFIRM:" .. armed.id .. "]|r")',
        "Prints [MGM_CONFIRM] wrapped in a colour code, so the line does not start with the "
        "tag.", "SPEC §9 mail-send tag, §10 log parsing", "TAG-FORMAT"),
    "tags-in-another-chat-frame": (
        MAIN, "local function say(text)\n  DEFAULT_CHAT_FRAME:AddMessage(text)\nend",
        "local function say(text)\n  ChatFrame3:AddMessage(text)\nend",
        "Prints its tags to ChatFrame3 instead of the default chat frame.",
        "SPEC §8 log bridge (the default chat frame's lines reach WoWChatLog.txt)",
        "TAG-FORMAT"),
    "who-via-runmacrotext": (
        MAIN, "  SetWhoToUI(1)\n  SendWho('n-\"' .. name .. '\"')",
        "  RunMacroText('/who n-\"' .. name .. '\"')",
        "Asks /who through the protected RunMacroText, which the client blocks.",
        "SPEC §8 /who verification", "WHO-NO-PROTECTED-CALL"),
    "who-substring-match": (
        CORE, "    if Core.NamesEqual(name, wanted) then",
        "    if string.find(string.lower(name), string.lower(wanted), 1, true) then",
        "Counts a /who result containing the name (Norinna for Norinn) as online.",
        "SPEC §8 /who verification", "WHO-ONLINE-EXACT"),
    "lua53-floor-division": (
        MAIN, "math.floor(entry.copper / 10000)", "entry.copper // 10000",
        "Uses the Lua 5.3 floor-division operator; the file does not load in Lua 5.1.",
        "client facts: Lua 5.1", "LOADS-IN-LUA51"),
    "ignores-amount": (
        MAIN, "if armed.sentCopper ~= armed.copper then", "if false then",
        "Confirms a send whose amount differs from the queued copper.",
        "SPEC §9 mail-send tag", "MAIL-CONFIRM-AMOUNT"),
    "failure-drops-row": (
        MAIN, "MGM_ClearArmedMailSend() -- the row stays queued for another try",
        "MGM_PopQueueAfterSuccessfulSend()",
        "MAIL_FAILED removes the payout from the queue instead of keeping it.",
        "SPEC §9 arming", "MAIL-FAILURE-REQUEUES"),
    "failed-row-dropped-on-close": (
        MAIN, "      MGM_ClearArmedMailSend() -- the row stays queued for another try\n",
        "      local failedId = state.armed.id\n"
        "      MGM_ClearArmedMailSend() -- the row stays queued for another try\n"
        "      local drop = CreateFrame(\"Frame\") -- ...until the mailbox closes\n"
        "      drop:RegisterEvent(\"MAIL_CLOSED\")\n"
        "      drop:SetScript(\"OnEvent\", function(self)\n"
        "        self:UnregisterAllEvents()\n"
        "        for i, entry in ipairs(state.queue) do\n"
        "          if entry.id == failedId then table.remove(state.queue, i) break end\n"
        "        end\n"
        "        MGM_RefreshQueuePanel()\n"
        "      end)\n",
        "After MAIL_FAILED the payout stays queued only until the mailbox closes: closing it "
        "drops the payout whose send failed.", "SPEC §9 arming", "MAIL-FAILURE-REQUEUES"),
    "queues-duplicates": (
        MAIN, "elseif state.known[id] then", "elseif false then",
        "ReceiveGold queues the same payout id again.", "SPEC §9 ReceiveGold",
        "RECEIVEGOLD-NO-DUPLICATES"),
    "no-completion-whisper": (
        MAIN, "  whisper(armed.name, SENT_WHISPER)\n", "",
        "No mail-completion whisper after [MGM_CONFIRM].", "SPEC §9 mail-send tag",
        "MAIL-COMPLETION-WHISPER"),
    "gift-accepts-anyone": (
        MAIN, "if gift and Core.NamesEqual(sender, gift.name) then", "if gift then",
        "Prints [MGM_GIFT_ACCEPT] for !twgift from any player.", "SPEC §12",
        "GIFT-ACCEPT-GATED"),
    "drops-bad-batch": (
        MAIN,
        "        info(\"Skipped ReceiveGold entry '\" .. Core.Trim(segment) .. \"': \""
        " .. name .. \".\")", "        info(\"Bad ReceiveGold payload; nothing queued.\")\n"
        "        return", "One malformed entry makes ReceiveGold drop every entry after it.",
        "SPEC §9 ReceiveGold", "RECEIVEGOLD-PARSE"),
    "no-confirm-tag": (
        MAIN, "  say(\"[MGM_CONFIRM:\" .. armed.id .. \"]\")\n", "",
        "Never prints [MGM_CONFIRM] after an armed send succeeds.", "SPEC §9 mail-send tag",
        "MAIL-CONFIRM-ON-SUCCESS"),
    "error-in-combat-handler": (
        MAIN, "setEnabled(self, event == \"PLAYER_REGEN_ENABLED\")",
        "setEnabeld(self, event == \"PLAYER_REGEN_ENABLED\")",
        "A typo in the minimap button's combat handler raises a Lua error.", "SPEC §8-§10",
        "NO-LUA-ERRORS"),
    "who-prints-twice": (
        MAIN, "  say(Core.BuildWhoLogLine(pending.spinCycleId, pending.name, online))",
        "  say(Core.BuildWhoLogLine(pending.spinCycleId, pending.name, online))\n"
        "  say(Core.BuildWhoLogLine(pending.spinCycleId, pending.name, online))",
        "Prints the [MGM_WHO] line twice per request.", "SPEC §8", "WHO-ONE-LINE"),
    "manual-mail-pops-row": (
        MAIN, "  local armed = state.armed\n  if not armed then\n    return\n  end\n  if Core",
        "  local armed = state.armed\n  if not armed then\n    local head = state.queue[1]\n"
        "    if head and Core.NamesEqual(recipient, head.name) then\n"
        "      table.remove(state.queue, 1)\n    end\n    return\n  end\n  if Core",
        "A manual mail to the queued winner removes the payout from the queue.",
        "SPEC §9 mail-send detection", "MAIL-MANUAL-UNTOUCHED"),
    "case-sensitive-reply": (
        MAIN, "    if body == \"!twgold\" then", "    if Core.Trim(arg1) == \"!twgold\" then",
        "The !twgold reply is compared case-sensitively.",
        "SPEC §9 whisper reply interception", "ACCEPT-BODY-NORMALIZED"),
    "ascii-name-match": (
        MAIN, "if entry and not entry.accepted and Core.NamesEqual(sender, entry.name) then",
        "if entry and not entry.accepted\n      and string.lower(Core.ShortName(sender)) =="
        " string.lower(entry.name) then",
        "Matches the reply's sender to the notified name with the client's ASCII-only "
        "string.lower, so 'вася' (as enrolled) never matches 'Вася' (as the server spells it).",
        "SPEC §4, §9 whisper reply interception", "ACCEPT-NAME-MATCH"),
    "who-without-setwhotoui": (
        MAIN, "  SetWhoToUI(1)\n  SendWho(", "  SendWho(",
        "Waits for WHO_LIST_UPDATE without SetWhoToUI(1): with 3 results or fewer the client "
        "prints them to chat and fires no event, so an online winner is reported offline.",
        "SPEC §8 /who verification; client facts: /who", "WHO-ONLINE-EXACT"),
    "items-count-always-one": (
        MAIN, "Core.JsonEscape(name), itemId, count or 1,", "Core.JsonEscape(name), itemId, 1,",
        "[MGM_ITEMS] reports a count of 1 for every stack.", "SPEC §12", "GIFT-ITEMS-LIST"),
}


Edit = tuple[str, str, str]
"""(file, original text, replacement): the original must occur exactly once."""


def write_variant(folder: Path, edits: list[Edit]) -> None:
    """``folder/MimironsGoldOMatic``: a copy of the reference addon with ``edits`` applied."""
    target = folder / "MimironsGoldOMatic"
    shutil.copytree(REFERENCE, target)
    for file, old, new in edits:
        source = (target / file).read_text(encoding="utf-8")
        if source.count(old) != 1:
            raise SystemExit(f"{folder.name}: the text to change must occur exactly once in "
                             f"{file}: {old[:60]!r}")
        (target / file).write_text(source.replace(old, new), encoding="utf-8", newline="\n")


def build() -> None:
    """Write every variant folder and the README table."""
    if BROKEN.exists():
        shutil.rmtree(BROKEN)
    BROKEN.mkdir(parents=True)
    rows = ["| variant | defect | breaks | caught by |", "| --- | --- | --- | --- |"]
    for name, (file, old, new, defect, spec, clause) in VARIANTS.items():
        write_variant(BROKEN / name, [(file, old, new)])
        (BROKEN / name / "DEFECT.md").write_text(
            f"# {name}\n\nDefect: {defect}\n\nBreaks: {spec}\n\nCaught by: `{clause}`\n"
            f"\nChanged file: `{file}`\n", encoding="utf-8")
        rows.append(f"| `{name}` | {defect} | {spec} | `{clause}` |")
    (BROKEN / "README.md").write_text(
        "# Broken variants of the reference addon\n\nEach folder holds a copy of the reference "
        "addon (`<variant>/MimironsGoldOMatic/`) with exactly one defect. Regenerate with "
        "`python tools/make_broken_addons.py`.\n\n" + "\n".join(rows) + "\n", encoding="utf-8")


if __name__ == "__main__":
    build()
