"""What FrameXML defines, known to the built-in UI: every FrameXML global function and every
C function FrameXML calls (handler bodies included) can be hooked; FrameXML's data tables
(``StaticPopupDialogs`` entries, ``UIPARENT_MANAGED_FRAME_POSITIONS``) read as FrameXML
leaves them, their functions failing with a clear "not modelled" error; override bindings;
closing a petition. Small addons in the style of real ones (Ace3-style hooks, popups reading
Blizzard's entries, bar addons binding keys) load with no Lua error."""

from __future__ import annotations

from tests.shared_data import require_shared
from tests.wowapi_stubs.conftest import AddonFactory
from tests.wowapi_stubs.eval_clean import run
from wowapi_stubs import HeadlessClient
from wowapi_stubs.surface import load_surface


def test_every_framexml_global_function_is_hookable(client: HeadlessClient) -> None:
    """In the real client every FrameXML global function exists at addon load time, so
    ``hooksecurefunc("Name", f)`` never fails; the built-in UI knows each name (from the
    reference list, not only from the API data)."""
    folder = require_shared("MGM_WOW335A_DIR")
    defined = set((folder / "api" / "framexml-defines.txt").read_text().split())
    functions = sorted(defined & set(load_surface().global_functions()))
    assert len(functions) > 3000
    client.runtime.setglobal("NAMES", client.runtime.to_lua(functions))
    assert run(client, """
      local failed = {}
      for _, name in ipairs(NAMES) do
        local ok = pcall(hooksecurefunc, name, function() end)
        if not ok or type(_G[name]) ~= "function" then failed[#failed + 1] = name end
      end
      return table.concat(failed, " ")
    """) == ""
    assert not client.errors


def test_c_functions_framexml_calls_from_handlers_are_known(client: HeadlessClient) -> None:
    """``DoTradeSkill`` and ``ClosePetition`` are called only from XML handler bodies: known
    (hookable, a clear error when called) or implemented."""
    surface = load_surface()
    assert "DoTradeSkill" in surface.functions and "ClosePetition" in surface.functions
    assert run(client, """
      local seen
      hooksecurefunc("DoTradeSkill", function(index) seen = index end)
      ClosePetition()
      local ok = pcall(DoTradeSkill, 3, 1)  -- no profession window open: nothing is made
      return type(DoTradeSkill), ok, seen
    """) == ("function", True, 3)


def test_framexml_data_tables_read_as_framexml_leaves_them(client: HeadlessClient) -> None:
    assert run(client, """
      local y = UIPARENT_MANAGED_FRAME_POSITIONS.CONTAINER_OFFSET_Y
      local motd = StaticPopupDialogs.SET_GUILDMOTD
      return y.yOffset, y.reputation, y.isVar, motd.button1, motd.hasWideEditBox,
        motd.maxLetters, type(motd.OnHide), StaticPopupDialogs.SEND_MONEY ~= nil
    """) == (10, 9, "yAxis", "Accept", 1, 128, "function", True)
    client.eval_lua("local f = StaticPopupDialogs.SET_GUILDMOTD.OnAccept\n\nf()")
    assert client.errors[-1].message.endswith(
        ":3: FrameXML's StaticPopupDialogs.SET_GUILDMOTD.OnAccept is not modelled by the "
        "built-in UI")


def test_override_bindings(client: HeadlessClient) -> None:
    assert run(client, """
      local bar = CreateFrame("Frame", "MyBar", UIParent)
      local other = CreateFrame("Frame")
      SetOverrideBindingClick(bar, false, "1", "MyButton")
      SetOverrideBinding(other, true, "1", "JUMP")
      SetOverrideBindingSpell(bar, false, "f", "Fireball")
      local a, b = GetBindingAction("1", true), GetBindingAction("F", true)
      local c = GetBindingAction("1")
      ClearOverrideBindings(other)
      return a, b, c, GetBindingAction("1", true)
    """) == ("JUMP", "SPELL Fireball", "", "CLICK MyButton:LeftButton")
    client.eval_lua("ClearOverrideBindings()")
    assert "Usage: ClearOverrideBindings(owner)" in client.errors[-1].message


def test_an_unbound_command_has_no_binding_keys(client: HeadlessClient) -> None:
    """``GetBindingKey`` returns one value per key bound to the command: none at all for an
    unbound one (bar addons loop ``for k = 1, select("#", GetBindingKey(cmd))``)."""
    assert run(client, """
      local keys = 0
      for k = 1, select("#", GetBindingKey("BONUSACTIONBUTTON1")) do keys = keys + 1 end
      return keys, select("#", GetBindingKey("ACTIONBUTTON1"))
    """) == (0, 0)


def test_override_bindings_are_refused_in_combat(client: HeadlessClient) -> None:
    run(client, """
      BLOCKED = {}
      local watcher = CreateFrame("Frame")
      watcher:RegisterEvent("ADDON_ACTION_BLOCKED")
      watcher:SetScript("OnEvent", function(_, _, addon, fn) BLOCKED[#BLOCKED + 1] = fn end)
      CreateFrame("Frame", "CombatBar")
      SetOverrideBinding(CombatBar, false, "2", "JUMP")
    """)
    client.enter_combat()
    assert run(client, """
      SetOverrideBinding(CombatBar, false, "3", "JUMP")
      ClearOverrideBindings(CombatBar)
      return GetBindingAction("2", true), GetBindingAction("3", true), #BLOCKED, BLOCKED[2]
    """) == ("JUMP", "", 2, "ClearOverrideBindings()")
    assert [f.kind for f in client.findings].count("combat-call-blocked") == 2


ACE_STYLE_HOOKS = """
local addon = { hooks = {} }
-- An AceHook-style Hook: refuses a target that is not a function, as AceHook-3.0 does.
function addon:Hook(name, handler)
  local original = _G[name]
  if type(original) ~= "function" then
    error("Attempting to hook a non existing target: " .. tostring(name), 2)
  end
  self.hooks[name] = original
  _G[name] = function(...) handler(...); return original(...) end
end
addon:Hook("DoTradeSkill", function() end)
addon:Hook("ContainerFrameItemButton_OnModifiedClick", function() end)
addon:Hook("UIDropDownMenu_CreateFrames", function() end)
hooksecurefunc("ChatFrame_OnHyperlinkShow", function() end)
hooksecurefunc("PaperDollItemSlotButton_Update", function() end)
hooksecurefunc(GameTooltip, "SetBagItem", function() end)
TrialHooks = addon
"""

POPUPS_AND_POSITIONS = """
local base = StaticPopupDialogs["RENAME_GUILD"] or StaticPopupDialogs["SET_GUILDPLAYERNOTE"]
StaticPopupDialogs["TRIAL_RENAME"] = {
  text = "Rename", button1 = ACCEPT, button2 = CANCEL, hasEditBox = 1,
  OnHide = base.OnHide, EditBoxOnEscapePressed = base.EditBoxOnEscapePressed,
  timeout = 0, whileDead = 1, hideOnEscape = 1,
}
local offsets = {}
for _, key in ipairs({"CONTAINER_OFFSET_Y", "CONTAINER_OFFSET_X", "PETACTIONBAR_YPOS"}) do
  local entry = UIPARENT_MANAGED_FRAME_POSITIONS[key]
  offsets[key] = (entry.yOffset or entry.baseX or entry.baseY) + (entry.reputation or 0)
end
for name, info in pairs(UIPanelWindows) do offsets[name] = info.area end
TrialOffsets = offsets
"""

BAR_BINDINGS = """
local bar = CreateFrame("Frame", "TrialBar", UIParent, "SecureHandlerStateTemplate")
assert(type(bar.WrapScript) == "function" and type(bar.SetFrameRef) == "function")
local tot = TargetFrameToT:GetName() .. (SpellBookFrame.bookType or "?")
local button = CreateFrame("Button", "TrialBarButton1", bar, "SecureActionButtonTemplate")
button:SetAttribute("type", "action")
ClearOverrideBindings(bar)
SetOverrideBindingClick(bar, false, "SHIFT-1", button:GetName())
RegisterStateDriver(bar, "page", "[bonusbar:5] 11; 1")
TrialBinding = GetBindingAction("SHIFT-1", true)
"""


def test_trial_addons_in_the_style_of_real_ones(make_addon: AddonFactory) -> None:
    folders = [make_addon("TrialHooks", {"TrialHooks.lua": ACE_STYLE_HOOKS}),
               make_addon("TrialPopups", {"TrialPopups.lua": POPUPS_AND_POSITIONS}),
               make_addon("TrialBars", {"TrialBars.lua": BAR_BINDINGS})]
    with HeadlessClient() as client:
        reports = client.load_addons([folders[0].parent])
        assert all(r.loaded for r in reports)
        assert not client.errors, [e.message for e in client.errors]
        offsets = client.global_value("TrialOffsets")
        assert offsets["CONTAINER_OFFSET_Y"] == 19 and offsets["PETACTIONBAR_YPOS"] == 106
        assert client.global_value("TrialBinding") == "CLICK TrialBarButton1:LeftButton"


def test_global_strings_texts_keep_their_format(client: HeadlessClient) -> None:
    """A ``GlobalStrings.lua`` text the built-in UI does not state reads as its name and its
    format specifiers: addons building patterns from it at load (Postal's mail subjects,
    XPerl's durability line, XLoot's loot-roll texts) work; stated texts keep their words."""
    assert run(client, """
      local subject = gsub(AUCTION_REMOVED_MAIL_SUBJECT, "%%s", ".*")
      local filled = format(CONFIRM_LOOT_DISTRIBUTION, "[Sword]", "Norinn")
      return subject, filled, ACCEPT, type(SLASH_CAST1)
    """) == ("AUCTION_REMOVED_MAIL_SUBJECT .*", "CONFIRM_LOOT_DISTRIBUTION [Sword] Norinn",
             "Accept", "string")
    assert client.eval_lua("return NOT_A_CLIENT_GLOBAL_XYZ") is None


def test_fields_framexml_sets_on_its_frames_and_frames_its_lua_makes(
        client: HeadlessClient) -> None:
    """What FrameXML's OnLoad handlers leave: fields on its named frames (a FrameXML global
    function stored there is that function in this client) and the frames its Lua makes
    with ``CreateFrame`` (``TargetFrameToT`` with its template's children)."""
    assert run(client, """
      return SpellBookFrame.bookType, #ContainerFrame1.bags, TargetFrame.unit,
        TargetFrame.healthbar == TargetFrameHealthBar,
        SendMailMoney.onValueChangedFunc == SendMailFrame_CanSend,
        TargetFrameToTDebuff1:GetParent():GetName(), TargetFrameToT.unit
    """) == ("spell", 0, "target", True, True, "TargetFrameToT", "targettarget")


def test_secure_handler_templates_give_their_methods(client: HeadlessClient) -> None:
    """``WrapScript`` and the other SecureHandler methods exist on a frame made with the
    templates and act (the restricted environment: ``test_secure_handlers.py``)."""
    assert run(client, """
      local h = CreateFrame("Frame", "H", UIParent, "SecureHandlerStateTemplate")
      local b = CreateFrame("Button", nil, h)
      h:WrapScript(b, "OnClick", "return nil")
      h:SetFrameRef("button", b)
      h:Execute([[ self:SetAttribute("seen", self:GetFrameRef("button"):GetObjectType()) ]])
      return type(h.UnwrapScript), type(b:GetScript("OnClick")), h:GetAttribute("seen")
    """) == ("function", "function", "Button")


def test_framexml_popup_entries_are_made_when_first_read(client: HeadlessClient) -> None:
    """The mail UI (made for every client whose addon mails) does not build FrameXML's 150
    popup entries up front; an entry exists once read, and the built-in UI's own and an
    addon's entries stay as they are."""
    assert run(client, """
      StaticPopupDialogs.DELETE_ITEM = { text = "mine" }
      local before = 0
      for _ in pairs(StaticPopupDialogs) do before = before + 1 end
      local motd = StaticPopupDialogs.SET_GUILDMOTD
      local after = 0
      for _ in pairs(StaticPopupDialogs) do after = after + 1 end
      return before, after, StaticPopupDialogs.DELETE_ITEM.text, motd.maxLetters,
        StaticPopupDialogs.NOT_A_DIALOG
    """) == (2, 3, "mine", 128, None)


def test_every_framexml_table_frame_field_and_made_frame_reads(client: HeadlessClient) -> None:
    """Each data table, frame with fields and frame FrameXML's Lua makes, in the data, reads
    in the built-in UI without an error (references resolved, functions callable or failing
    clearly), and the tables are tables."""
    surface = load_surface()
    client.runtime.setglobal("TABLES", client.runtime.to_lua(sorted(surface.framexml_tables)))
    client.runtime.setglobal("FRAMES", client.runtime.to_lua(
        sorted({*surface.framexml_frame_fields, *surface.framexml_created_frames})))
    assert run(client, """
      local wrong = {}
      for _, name in ipairs(TABLES) do
        if type(_G[name]) ~= "table" then wrong[#wrong + 1] = name end
      end
      for _, name in ipairs(FRAMES) do
        local frame = _G[name]
        if type(frame) ~= "table" or frame:GetName() ~= name then wrong[#wrong + 1] = name end
      end
      return table.concat(wrong, " ")
    """) == ""


def test_plain_frame_fields_read_as_the_data_gives_them(client: HeadlessClient) -> None:
    """FrameXML stand-ins whose fields are all numbers, booleans and words get them set in
    one call (no conversion in Lua): every such field reads back as the data gives it, and a
    field the frame already holds is kept. (The built-in UI's own frames, made at start or
    by their own builders, are not stand-ins.)"""
    from wowapi_stubs.ui import LAZY_FRAMES

    fields = load_surface().framexml_frame_fields
    own = set(client.named) | set(LAZY_FRAMES)
    plain = {name: spec for name, spec in fields.items() if name not in own
             and all(isinstance(v, (bool, int, float)) or (isinstance(v, str)
                                                          and not v.startswith("\0"))
                    for v in spec.values())}
    assert len(plain) > 100
    wrong = []
    for name, spec in sorted(plain.items()):
        for key, value in spec.items():
            index = f"[{key[1:]}]" if key.startswith("#") else f"[{key!r}]"
            if client.eval_lua(f"return {name}{index}") != value:
                wrong.append(f"{name}.{key}")
    assert wrong == [], wrong
    from wowapi_stubs.ui.tables import set_frame_fields

    minimap = client.lookup_named("Minimap")
    client.eval_lua("Minimap.timer = 'mine'")
    set_frame_fields(client, minimap)
    assert client.eval_lua("return Minimap.timer") == "mine"


def test_option_lists_hold_the_buttons_framexml_makes_from_their_height(
        client: HeadlessClient) -> None:
    """Frames named ``$parentX`` keep what their OnLoad sets too, and OnLoad code that
    computes from a frame's size uses FrameXML's: ``OptionsList_OnLoad`` makes as many
    buttons as ``InterfaceOptionsFrameCategories`` is high (what LibBetterBlizzOptions
    counts at load)."""
    assert run(client, """
      local f = InterfaceOptionsFrameCategories
      local rows = (f:GetTop() - f:GetBottom() - 8) / f.buttonHeight
      return #f.buttons, f.buttons[1]:GetName(), f.buttons[23]:GetObjectType(),
        math.floor(rows), f.scrollFrame == InterfaceOptionsFrameCategoriesList
    """) == (23, "InterfaceOptionsFrameCategoriesButton1", "Button", 23, True)


def test_blizzard_buttons_have_their_unnamed_slot_textures(client: HeadlessClient) -> None:
    """A FrameXML button's textures written without a name (``<NormalTexture file=.../>``,
    its own or its template's) exist on the stand-in, in their slots (skinning addons and
    bar addons read them at load)."""
    assert run(client, """
      local b = VehicleMenuBarPitchUpButton
      local normal, pushed = b:GetNormalTexture(), b:GetPushedTexture()
      return normal:GetObjectType(), normal:GetParent() == b, pushed ~= normal,
        b:GetDisabledTexture() == nil
    """) == ("Texture", True, True, True)


def test_blizzard_frames_have_their_unnamed_keyed_children(client: HeadlessClient) -> None:
    """A FrameXML frame's child written without a name but with a parent key (or one its
    ``OnLoad`` stores in a field of its parent) exists on the stand-in under that key, with
    its type, font and visibility (Mapster hides ``WorldMapLevelDropDown.header``)."""
    assert run(client, """
      local header = WorldMapLevelDropDown.header
      header:Hide()
      local gold = BrowseBidPriceGold
      return header:GetObjectType(), header:GetParent() == WorldMapLevelDropDown,
        header:GetFontObject() == GameFontNormalSmall, gold.texture:GetObjectType(),
        gold.label:GetObjectType(), gold.label:IsShown()
    """) == ("FontString", True, True, "Texture", "FontString", None)
