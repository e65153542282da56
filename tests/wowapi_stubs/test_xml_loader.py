"""The UI XML loader: frames, templates, layers, scripts with the client's globals,
includes, CreateFrame templates, and bad input located without tracebacks."""

from __future__ import annotations

from wowapi_stubs import HeadlessClient

UI = '<Ui xmlns="http://www.blizzard.com/wow/ui/">\n{}\n</Ui>\n'

TEMPLATES = """
<Frame name="BaseTemplate" virtual="true" enableMouse="true" frameStrata="DIALOG">
  <Size><AbsDimension x="100" y="20"/></Size>
  <Layers>
    <Layer level="OVERLAY">
      <FontString name="$parentLabel" parentKey="label" text="OKAY_TEXT" inherits="GameFontNormal"/>
      <Texture name="$parentIcon" file="Interface\\Icons\\Spell_Nature_Heal">
        <Size x="16" y="16"/>
        <Anchors><Anchor point="LEFT"/></Anchors>
      </Texture>
    </Layer>
  </Layers>
  <Scripts>
    <OnLoad>LOADS = (LOADS or "") .. self:GetName() .. ";"</OnLoad>
  </Scripts>
</Frame>
<Frame name="WideTemplate" inherits="BaseTemplate" virtual="true">
  <Size x="300"/>
</Frame>
<Frame name="TaggedTemplate" virtual="true" id="7"/>
"""


def _load(make_addon, xml: str, lua: str = "", extra_files: dict[str, str] | None = None,
          order: list[str] | None = None):
    files = {"ui.xml": UI.format(xml), "pre.lua": lua, **(extra_files or {})}
    folder = make_addon("XmlAddon", files, order=order or ["pre.lua", "ui.xml"])
    client = HeadlessClient()
    return client, client.load_addon(folder)


def test_frames_templates_layers_and_attributes(make_addon) -> None:
    client, report = _load(make_addon, TEMPLATES + """
<Frame name="Main" parent="UIParent" inherits="WideTemplate, TaggedTemplate" hidden="true">
  <Anchors>
    <Anchor point="TOPLEFT" relativeTo="UIParent" relativePoint="CENTER">
      <Offset><AbsDimension x="5" y="-3"/></Offset>
    </Anchor>
  </Anchors>
  <Frames>
    <Button name="$parentOk" text="Go" id="2" setAllPoints="true" toplevel="true"/>
  </Frames>
</Frame>""", lua='OKAY_TEXT = "Okay"')
    with client:
        assert report.ok, (report.errors, report.findings)
        assert client.eval_lua("""
          local p, rel, rp, x, y = Main:GetPoint(1)
          return Main:GetWidth(), Main:GetHeight(), Main:GetID(), Main:IsShown(),
                 Main:IsMouseEnabled(), Main:GetFrameStrata(), p, rel == UIParent, rp, x, y,
                 MainLabel:GetText(), Main.label == MainLabel, MainIcon:GetTexture(),
                 MainIcon:GetWidth(), MainOk:GetParent() == Main, MainOk:GetID(),
                 MainOk:GetText(), MainOk:GetNumPoints(), LOADS""") == (
            300, 20, 7, None, True, "DIALOG", "TOPLEFT", True, "CENTER", 5, -3, "Okay", True,
            "Interface\\Icons\\Spell_Nature_Heal", 16, True, 2, "Go", 2, "Main;")
        assert client.eval_lua("return MainOk:GetParent():GetParent() == UIParent") is True


def test_handlers_get_self_and_parameters_and_the_client_globals(make_addon) -> None:
    client, report = _load(make_addon, """
<Frame name="Ev">
  <Scripts>
    <OnLoad>self:RegisterEvent("FOO") self:RegisterEvent("NESTED")</OnLoad>
    <OnEvent>
      SEEN = table.concat({event, tostring((select(1, ...))), tostring((select(2, ...))),
                           tostring(arg1), tostring(arg2), tostring(this == self)}, ",")
      if event == "NESTED" then
        EvButton:Click("RightButton")
        AFTER_NESTED = tostring(arg1) .. "," .. tostring(this == self) .. "," .. event
      end
    </OnEvent>
    <OnUpdate>ELAPSED = elapsed; UPDATE_ARG1 = arg1</OnUpdate>
  </Scripts>
  <Frames>
    <Button name="$parentButton">
      <Scripts>
        <OnClick>
          CLICK = button .. "," .. tostring(down) .. "," .. arg1 .. "," .. this:GetName()
        </OnClick>
      </Scripts>
    </Button>
  </Frames>
</Frame>""")
    with client:
        assert report.ok, report.errors
        client.fire("FOO", "a", 2)
        assert client.global_value("SEEN") == "FOO,a,2,a,2,true"
        client.fire("NESTED", "x")
        assert client.global_value("CLICK") == "RightButton,false,RightButton,EvButton"
        assert client.global_value("AFTER_NESTED") == "x,true,NESTED"
        assert client.eval_lua("return this, event, arg1") == (None, None, None)  # restored
        client.advance(0.1)
        assert client.global_value("ELAPSED") == client.global_value("UPDATE_ARG1") > 0


def test_globals_are_set_for_handlers_set_from_lua_too(make_addon) -> None:
    client, report = _load(make_addon, "", lua="""
        local f = CreateFrame("Frame", "LuaFrame")
        f:RegisterEvent("BAR")
        f:SetScript("OnEvent", function()
          OLD_STYLE = this:GetName() .. ":" .. event .. ":" .. arg1
        end)
    """)
    with client:
        client.fire("BAR", 42)
        assert client.global_value("OLD_STYLE") == "LuaFrame:BAR:42"


def test_onload_runs_children_first_and_function_attribute(make_addon) -> None:
    client, report = _load(make_addon, """
<Frame name="Outer">
  <Frames><Frame name="$parentInner"><Scripts><OnLoad function="Track"/></Scripts></Frame></Frames>
  <Scripts><OnLoad function="Track"/></Scripts>
</Frame>""", lua="ORDER = {} function Track(self) table.insert(ORDER, self:GetName()) end")
    with client:
        assert report.ok
        assert client.global_value("ORDER") == ["OuterInner", "Outer"]


def test_scripts_and_includes_with_relative_and_client_paths(make_addon) -> None:
    client, report = _load(make_addon, """
<Script file="lib\\a.lua"/>
<Include file="sub/more.xml"/>
<Script>
  local name, private = ...
  INLINE = name .. ":" .. tostring(private.fromA)
</Script>""", extra_files={
        "lib/a.lua": "local _, private = ...; private.fromA = true",
        "sub/more.xml": UI.format('<Script file="b.lua"/>'
                                  '<Script file="Interface\\AddOns\\XmlAddon\\lib\\c.lua"/>'),
        "sub/b.lua": "B_LOADED = ...",
        "lib/c.lua": "C_LOADED = true",
    })
    with client:
        assert report.ok, report.errors
        assert client.global_value("B_LOADED") == "XmlAddon"
        assert client.global_value("C_LOADED") is True
        assert client.global_value("INLINE") == "XmlAddon:true"


def test_inline_script_errors_keep_the_xml_line(make_addon) -> None:
    client, report = _load(make_addon, '<Script>\n\n  error("inline")\n</Script>')
    with client:
        assert report.errors[0].message == "Interface\\AddOns\\XmlAddon\\ui.xml:4: inline"


def test_handler_errors_read_like_the_client(make_addon) -> None:
    client, report = _load(make_addon, """
<Button name="ErrTemplate" virtual="true">
  <Scripts><OnClick>
    error("from template")</OnClick></Scripts>
</Button>
<Button name="Named" inherits="ErrTemplate">
  <Scripts><OnShow>error("own")</OnShow></Scripts>
</Button>""")
    with client:
        client.eval_lua("Named:Click() Named:Hide() Named:Show()")
        messages = [e.message for e in client.errors]
    assert messages == ['[string "*:OnClick"]:2: from template',
                        '[string "Named:OnShow"]:1: own']


def test_createframe_applies_xml_templates_in_order(make_addon) -> None:
    client, report = _load(make_addon, TEMPLATES, lua="")
    with client:
        result = client.eval_lua("""
            local f = CreateFrame("Frame", "Dyn", UIParent, "WideTemplate, TaggedTemplate")
            return f:GetWidth(), f:GetID(), DynLabel:GetText(), f.label == DynLabel, LOADS""")
        assert result == (300, 7, "OKAY_TEXT", True, "Dyn;")
        fs = client.eval_lua('local fs = UIParent:CreateFontString(nil, "OVERLAY",'
                             ' "GameFontNormal") return fs:GetObjectType()')
        assert fs == "FontString"
        assert not [f for f in client.findings if f.kind == "unknown-template"]


def test_fonts_are_templates_for_font_strings(make_addon) -> None:
    client, report = _load(make_addon, """
<Font name="MyFont" font="Fonts\\FRIZQT__.TTF" virtual="true" justifyH="LEFT">
  <FontHeight><AbsValue val="12"/></FontHeight>
  <Color r="1" g="0.5" b="0"/>
</Font>
<Frame name="WithText">
  <Layers><Layer><FontString name="$parentText" inherits="MyFont" text="hi"/></Layer></Layers>
</Frame>""")
    with client:
        assert not report.errors
        assert client.eval_lua("return WithTextText:GetText()") == "hi"
        assert not [f for f in report.findings if f.kind in ("unknown-template", "xml-error")]


def test_malformed_xml_is_located_and_the_rest_of_the_addon_loads(make_addon) -> None:
    client, report = _load(make_addon, '<Frame name="Broken">\n<Size x="1"', lua="PRE = 1",
                           extra_files={"post.lua": "POST = 1"},
                           order=["pre.lua", "ui.xml", "post.lua"])
    with client:
        assert client.global_value("PRE") == 1 and client.global_value("POST") == 1
        assert client.eval_lua("return Broken") is None
    bad = report.files[1]
    assert not bad.ok and bad.error.startswith("Interface\\AddOns\\XmlAddon\\ui.xml:")
    assert "malformed XML" in bad.error
    assert report.files[2].ok


def test_bad_elements_are_located_and_loading_goes_on(make_addon) -> None:
    client, report = _load(make_addon, """
<Include file="nowhere.xml"/>
<Frame name="CycleA" inherits="CycleB" virtual="true"/>
<Frame name="CycleB" inherits="CycleA" virtual="true"/>
<Frame name="Looped" inherits="CycleA"/>
<Gizmo name="Odd"/>
<Frame name="Fine"><Wobble/></Frame>
<Frame name="Unknown" inherits="NoSuchTemplate"/>
<Frame name="Last"/>""")
    with client:
        assert client.eval_lua("return Looped ~= nil, Fine ~= nil, Last ~= nil,"
                               " Unknown ~= nil") == (True, True, True, True)
    by_kind: dict[str, list[str]] = {}
    for finding in report.findings:
        by_kind.setdefault(finding.kind, []).append(finding.message)
    errors = by_kind["xml-error"]
    assert any('ui.xml:3: <Include file="nowhere.xml">: does not exist in the addon folder'
               in m for m in errors)
    assert any("ui.xml:5: template cycle: CycleA -> CycleB -> CycleA" in m for m in errors)
    warnings = by_kind["xml-warning"]
    assert any("ui.xml:7: unknown element <Gizmo>" in m for m in warnings)
    assert any("ui.xml:8: unknown element <Wobble>" in m for m in warnings)
    assert any("NoSuchTemplate" in m for m in by_kind["unknown-template"])
    assert not report.ok and not report.errors


def test_include_cycle_and_unknown_frame_type(make_addon) -> None:
    client, report = _load(make_addon, '<Include file="a.xml"/><WorldFrame name="W2"/>',
                           extra_files={"a.xml": UI.format('<Include file="ui.xml"/>')})
    with client:
        messages = [f.message for f in report.findings if f.kind == "xml-error"]
    assert any("include cycle: Interface\\AddOns\\XmlAddon\\ui.xml -> "
               "Interface\\AddOns\\XmlAddon\\a.xml -> Interface\\AddOns\\XmlAddon\\ui.xml"
               in m for m in messages)
    assert any("<WorldFrame>" in m for m in messages)


def test_paths_cannot_leave_the_addons_folder(make_addon, tmp_path) -> None:
    (tmp_path / "secret.lua").write_text("LEAKED = true")
    client, report = _load(make_addon, '<Script file="..\\..\\secret.lua"/>'
                                       '<Script file="../../secret.lua"/>')
    with client:
        assert client.global_value("LEAKED") is None
    assert len([f for f in report.findings if f.kind == "xml-error"]) == 2


def test_a_client_without_xml_has_no_registry(make_addon) -> None:
    with HeadlessClient() as client:
        assert client.xml_templates is None


def test_handler_globals_survive_a_metatable_an_addon_sets_on_g(make_addon) -> None:
    client, report = _load(make_addon, "", lua="""
        LEAKS = {}
        local mt = {__newindex = function(t, k, v) LEAKS[#LEAKS + 1] = k; rawset(t, k, v) end,
                    __index = function(t, k) return k == "MAGIC" and 42 or nil end}
        setmetatable(_G, mt)
        SAME = getmetatable(_G) == mt
        local f = CreateFrame("Frame", "Watcher")
        f:RegisterEvent("PING")
        f:SetScript("OnEvent", function() SEEN = this:GetName() .. event .. arg1 .. MAGIC end)
    """)
    with client:
        client.fire("PING", "x")
        assert client.global_value("SEEN") == "WatcherPINGx42"
        assert client.global_value("SAME") is True
        leaks = client.global_value("LEAKS")
    assert "SEEN" in leaks and "this" not in leaks and "arg1" not in leaks


def test_element_names_ignore_case_as_in_the_client(make_addon) -> None:
    client, report = _load(make_addon, '<script file="lib.lua"/><frame name="Lower"/>',
                           extra_files={"lib.lua": "LIB = true"})
    with client:
        assert report.ok, report.findings
        assert client.eval_lua("return LIB, Lower:GetObjectType()") == (True, "Frame")


def test_methods_an_addon_hooks_or_replaces_are_what_the_loader_calls(make_addon) -> None:
    client, report = _load(make_addon, """
<Frame name="HookTemplate" virtual="true">
  <Size x="30" y="40"/>
  <Anchors><Anchor point="TOP"/></Anchors>
</Frame>
<Frame name="Hooked" inherits="HookTemplate"/>
<Texture name="Plain" virtual="true" file="Interface\\Icons\\A"/>
<Frame name="Holder">
  <Layers><Layer><Texture name="HolderTex" inherits="Plain"/></Layer></Layers>
</Frame>""", lua="""
        CALLS = {}
        local methods = getmetatable(CreateFrame("Frame")).__index
        hooksecurefunc(methods, "SetPoint", function(self, point)
          CALLS[#CALLS + 1] = self:GetName() .. ":SetPoint:" .. point
        end)
        local own = methods.SetSize
        methods.SetSize = function(self, w, h) own(self, w * 2, h * 2) end
        local texture = getmetatable(UIParent:CreateTexture()).__index
        texture.SetTexture = function(self, path) CALLS[#CALLS + 1] = "tex:" .. path end
    """)
    with client:
        assert report.ok, (report.errors, report.findings)
        assert client.eval_lua("return Hooked:GetWidth(), Hooked:GetHeight(), CALLS[1],"
                               " CALLS[2], HolderTex:GetTexture()") == (
            60, 80, "Hooked:SetPoint:TOP", "tex:Interface\\Icons\\A", None)


def test_a_failing_method_is_located_the_same_way_for_own_and_replaced_methods(
        make_addon) -> None:
    xml = '<Frame name="Bad"><Anchors><Anchor point="NOWHERE"/></Anchors></Frame>'
    _, own = _load(make_addon, xml)
    _, replaced = _load(make_addon, xml, lua="""
        local methods = getmetatable(CreateFrame("Frame")).__index
        local original = methods.SetPoint
        methods.SetPoint = function(...) return original(...) end""")
    messages = [[f.message for f in r.findings if f.kind == "xml-error"]
                for r in (own, replaced)]
    expected = ('Interface\\AddOns\\XmlAddon\\ui.xml:2: Frame:SetPoint: Region:SetPoint(): '
                'Unknown region point "NOWHERE"')
    assert messages == [[expected], [expected]]


def test_protected_frames_and_their_templates_are_explicitly_protected(make_addon) -> None:
    client, report = _load(make_addon, """
<Frame name="GuardedTemplate" protected="true" virtual="true"/>
<Frame name="Guarded" inherits="GuardedTemplate"/>
<Frame name="Direct" protected="true"/>
<Frame name="Open"/>""")
    with client:
        assert report.ok, (report.errors, report.findings)
        assert client.eval_lua("""
          local a, b = Guarded:IsProtected()
          local c, d = Direct:IsProtected()
          local e, f = Open:IsProtected()
          return a, b, c, d, e, f, issecure()
        """) == (1, 1, 1, 1, None, None, None)
        assert client.eval_lua("return issecure()") is None


def test_template_chains_of_any_depth_and_expansions_are_bounded(make_addon) -> None:
    chain = "".join(f'<Frame name="T{i}" virtual="true" inherits="T{i + 1}"/>'
                    for i in range(2000))
    lattice = "".join(f'<Frame name="L{i}" virtual="true" inherits="L{i + 1}, L{i + 1}"/>'
                      for i in range(40))
    client, report = _load(make_addon, chain + '<Frame name="T2000" virtual="true" id="9"/>'
                           '<Frame name="Deep" inherits="T0"/>' + lattice +
                           '<Frame name="L40" virtual="true"/><Frame name="Wide" inherits="L0"/>')
    with client:
        assert client.eval_lua("return Deep:GetID(), Wide ~= nil") == (9, True)
        assert [f.message for f in client.findings if f.kind == "xml-error"] == [
            "Interface\\AddOns\\XmlAddon\\ui.xml:2: inherits templates that expand to more "
            "than 10,000 steps; the templates are skipped"]
