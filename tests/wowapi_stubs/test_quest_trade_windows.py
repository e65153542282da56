"""The quest log, an NPC's quest and gossip windows, the profession window and trainers:
closed or empty they answer what the client answers then; opened by the world they list its
rows, and acting on them (accepting, turning in, crafting, training) changes the world and
fires the client's events."""

from __future__ import annotations

import pytest

from tests.shared_data import require_shared
from tests.wowapi_stubs.eval_clean import run
from wowapi_stubs import ClientSettings, HeadlessClient
from wowapi_stubs.api.container import Item
from wowapi_stubs.api.gossip import Gossip, open_gossip
from wowapi_stubs.api.questdialog import QuestDialog, open_quest_dialog
from wowapi_stubs.api.questlog import Objective, Quest, Reward, accept
from wowapi_stubs.api.tradeskill import Recipe, TradeSkillWindow, open_trade_skill
from wowapi_stubs.api.trainer import Trainer, TrainerService, open_trainer
from wowapi_stubs.world import Spell, Unit

RECORD_EVENTS = """
  SEEN = {}
  local f = CreateFrame("Frame")
  for _, e in ipairs({%s}) do f:RegisterEvent(e) end
  f:SetScript("OnEvent", function(_, e, a) SEEN[#SEEN + 1] = a and (e .. ":" .. a) or e end)
"""

# show(...): every value returned, strings quoted, so a nil in the middle or at the end counts.
SHOW = """
  function show(...)
    local out = {}
    for i = 1, select("#", ...) do
      local v = select(i, ...)
      out[i] = type(v) == "string" and ("'" .. v .. "'") or tostring(v)
    end
    return table.concat(out, " ")
  end
"""
FLASK = Item(46376, "Flask of the Frost Wyrm", quality=1, item_subclass="Flask",
             texture="Interface\\Icons\\INV_Alchemy_EndlessFlask_04", max_stack=20)
GOLDCLOVER = Item(36901, "Goldclover", texture="Interface\\Icons\\INV_Misc_Herb_GoldClover")
BADGE = Item(40753, "Emblem of Valor", quality=4,
             texture="Interface\\Icons\\Spell_Holy_ProclaimChampion_02")


def record(client: HeadlessClient, *events: str) -> None:
    run(client, RECORD_EVENTS % ", ".join(f'"{e}"' for e in events))


def seen(client: HeadlessClient) -> list[str]:
    return list(client.global_value("SEEN") or [])


def slay_quest() -> Quest:
    return Quest(13069, "Shoot 'Em Up", level=78, header="Icecrown",
                 description="Kill the flyers.", objectives_text="Slay 15 Jotunheim Warriors.",
                 objectives=[Objective("Jotunheim Warrior slain: 3/15"),
                             Objective("Harpoon", kind="item", done=True)],
                 rewards=[Reward(BADGE, 2)], choices=[Reward(FLASK, 1), Reward(GOLDCLOVER, 5)],
                 money=74000, xp=20100, group_size=3, tag="Group", daily=True,
                 reward_spell=Spell(48782, "Holy Light", icon="Interface\\Icons\\Spell_Holy"),
                 special_item=GOLDCLOVER, special_charges=3, map_area_id=492,
                 party_members={"Norinn"})


@pytest.fixture
def client() -> HeadlessClient:
    with HeadlessClient(ClientSettings(character_name="Streamer")) as c:
        run(c, SHOW)
        yield c


def test_closed_windows_and_an_empty_log_answer_nothing(client: HeadlessClient) -> None:
    assert run(client, """
      return show(GetNumQuestLogEntries()), show(GetQuestLogTitle(1)), GetNumQuestLogRewards(),
        GetQuestLogRewardMoney(), show(GetQuestLogQuestText()), show(GetQuestLogRewardSpell()),
        show(GetQuestLink(1)), GetNumQuestWatches(), show(GetQuestIndexForWatch(1)),
        GetMaxDailyQuests(), GetDailyQuestsCompleted()
    """) == ("0 0", "nil", 0, 0, "'' ''", "nil", "nil", 0, "nil", 25, 0)
    assert run(client, """
      return GetTitleText(), GetGreetingText(), GetNumQuestChoices(), GetNumActiveQuests(),
        show(GetQuestItemInfo("reward", 1)), GetRewardMoney(), show(IsQuestCompletable()),
        show(GetQuestBackgroundMaterial()), GetNumGossipOptions(), show(GetGossipOptions()),
        GetGossipText(), show(ForceGossip())
    """) == ("", "", 0, 0, "nil", 0, "nil", "nil", 0, "", "", "nil")
    assert run(client, """
      return show(GetTradeSkillLine()), GetNumTradeSkills(), show(GetTradeSkillInfo(1)),
        GetTradeSkillSelectionIndex(), GetFirstTradeSkill(), show(IsTradeSkillLinked()),
        GetTradeskillRepeatCount(), show(GetTradeSkillListLink()), show(GetTradeSkillSubClasses())
    """) == ("'UNKNOWN' 0 0 0", 0, "nil", 0, 0, "nil nil", 1, "nil", "")
    assert run(client, """
      return GetNumTrainerServices(), show(GetTrainerServiceInfo(1)), GetTrainerGreetingText(),
        GetTrainerSelectionIndex(), show(IsTradeskillTrainer()),
        show(GetTrainerServiceTypeFilter("used")), GetTrainerServiceTypeFilter("available"),
        GetTrainerServiceLevelReq(1)
    """) == (0, "nil", "", 0, "nil", "nil", 1, 0)
    assert 0 < run(client, "return GetQuestResetTime()") <= 86400


def test_functions_taking_an_index_refuse_a_missing_one(client: HeadlessClient) -> None:
    messages = run(client, """
      local out = {}
      for _, f in ipairs({GetTradeSkillInfo, GetTrainerServiceInfo, GetQuestLogRewardInfo,
                          GetQuestLink, SelectGossipOption}) do
        local ok, message = pcall(f)
        out[#out + 1] = message
      end
      out[#out + 1] = select(2, pcall(GetQuestItemInfo, nil, 1))
      out[#out + 1] = select(2, pcall(GetTradeSkillReagentInfo, 1))
      return out
    """)
    assert [m.split(": ", 1)[-1] for m in messages] == [
        "Usage: GetTradeSkillInfo(index)", "Usage: GetTrainerServiceInfo(index)",
        "Usage: GetQuestLogRewardInfo(index)", "Usage: GetQuestLink(index)",
        "Usage: SelectGossipOption(index)", 'Usage: GetQuestItemInfo("type", index)',
        "Usage: GetTradeSkillReagentInfo(index, reagentIndex)"]


def test_quest_log_rows_selection_rewards_and_headers(client: HeadlessClient) -> None:
    client.world.party = [Unit("Norinn", class_token="MAGE")]
    accept(client, slay_quest())
    accept(client, Quest(12899, "The Shadow Vault", header="Icecrown",
                         time_left=900, failed=True))
    accept(client, Quest(13833, "Blood Is Thicker", header="Dalaran", daily=True))
    client.settle()
    record(client, "QUEST_LOG_UPDATE")
    assert run(client, """
      local rows = {show(GetNumQuestLogEntries())}
      for i = 1, GetNumQuestLogEntries() do rows[#rows + 1] = show(GetQuestLogTitle(i)) end
      return rows
    """) == ["5 3",
             "'Icecrown' 0 nil 0 1 nil nil nil 0",
             "'Shoot 'Em Up' 78 'Group' 3 nil nil nil 1 13069",
             "'The Shadow Vault' 80 nil 0 nil nil -1 nil 12899",
             "'Dalaran' 0 nil 0 1 nil nil nil 0",
             "'Blood Is Thicker' 80 nil 0 nil nil 1 1 13833"]
    assert run(client, """
      SelectQuestLogEntry(2)
      return GetQuestLogSelection(), GetNumQuestLogRewards(), GetNumQuestLogChoices(),
        show(GetQuestLogRewardInfo(1)), show(GetQuestLogChoiceInfo(2)),
        show(GetQuestLogChoiceInfo(3)), GetQuestLogRewardMoney(), GetQuestLogRewardXP(),
        GetQuestLogGroupNum(), show(GetQuestLogRewardSpell()), GetNumQuestLeaderBoards(),
        show(GetQuestLogLeaderBoard(1)), show(GetQuestLogLeaderBoard(2, 2)),
        show(GetQuestLogQuestText())
    """) == (2, 1, 2, f"'Emblem of Valor' '{BADGE.texture}' 2 4 1",
             f"'Goldclover' '{GOLDCLOVER.texture}' 5 1 1", "nil", 74000, 20100, 3,
             "'Interface\\Icons\\Spell_Holy' 'Holy Light' nil nil", 2,
             "'Jotunheim Warrior slain: 3/15' 'monster' nil", "'Harpoon' 'item' 1",
             "'Kill the flyers.' 'Slay 15 Jotunheim Warriors.'")
    assert run(client, """
      return GetQuestLogItemLink("choice", 1), GetQuestLink(2), GetQuestLogPushable(),
        show(IsUnitOnQuest(2, "party1")), show(IsUnitOnQuest(3, "party1")),
        show(IsUnitOnQuest(3, "player")), GetQuestSortIndex(3),
        show(GetQuestLogSpecialItemInfo(2)), show(GetQuestLogSpecialItemInfo(3))
    """) == (FLASK.link, "|cffffff00|Hquest:13069:78|h[Shoot 'Em Up]|h|r", 1, "1", "nil", "1",
             1, f"'{GOLDCLOVER.link}' '{GOLDCLOVER.texture}' 3", "nil")
    assert run(client, """
      AddQuestWatch(5); AddQuestWatch(2)
      local timers = show(GetQuestTimers())
      CollapseQuestHeader(1)
      local collapsed = show(GetNumQuestLogEntries())
      local header = select(6, GetQuestLogTitle(1))
      ExpandQuestHeader(0)
      return collapsed, header, GetNumQuestWatches(), GetQuestIndexForWatch(1),
        show(IsQuestWatched(2)), show(IsQuestWatched(3)), timers, GetQuestIndexForTimer(1),
        show(GetQuestWorldMapAreaID(13069))
    """) == ("3 3", 1, 2, 5, "1", "nil", "900", 3, "492 0")
    assert seen(client) == ["QUEST_LOG_UPDATE", "QUEST_LOG_UPDATE"]
    assert run(client, """
      SelectQuestLogEntry(2); SetAbandonQuest()
      local name, items = GetAbandonQuestName(), GetAbandonQuestItems()
      AbandonQuest()
      return name, items, show(GetNumQuestLogEntries())
    """) == ("Shoot 'Em Up", "Goldclover", "4 2")
    assert [q.title for q in client.world.quest_log.watched] == ["Blood Is Thicker"]


def test_gossip_leads_to_accepting_and_turning_in_quests(client: HeadlessClient) -> None:
    offered, finished = slay_quest(), Quest(13833, "Blood Is Thicker", header="Dalaran",
                                            progress_text="Well?", completion_text="Thanks.",
                                            money=1500, daily=True,
                                            required_items=[Reward(GOLDCLOVER, 2)])
    accept(client, finished)
    client.settle()
    client.set_bag_item(0, 1, GOLDCLOVER.item_id, GOLDCLOVER.name, count=2)
    client.set_money(10000)
    record(client, "GOSSIP_SHOW", "GOSSIP_CLOSED", "QUEST_DETAIL", "QUEST_ACCEPTED",
           "QUEST_LOG_UPDATE", "QUEST_FINISHED", "QUEST_GREETING", "QUEST_PROGRESS",
           "QUEST_COMPLETE",
           "PLAYER_MONEY")
    gossip = open_gossip(client, Gossip("Greetings.", options=[("I want to browse.", "vendor"),
                                                               ("Tell me more.", "gossip")],
                                        available=[offered], active=[finished]))
    client.settle()
    assert run(client, """
      return GetGossipText(), GetNumGossipOptions(), show(GetGossipOptions()),
        show(GetGossipAvailableQuests()), show(GetGossipActiveQuests()),
        GetNumGossipAvailableQuests(), GetNumGossipActiveQuests()
    """) == ("Greetings.", 2, "'I want to browse.' 'vendor' 'Tell me more.' 'gossip'",
             "'Shoot 'Em Up' 78 nil 1 nil", "'Blood Is Thicker' 80 nil 1", 1, 1)
    run(client, "SelectGossipOption(2)")
    assert gossip.chosen == [2] and client.world.gossip is gossip  # more talk: still open
    assert run(client, """
      SelectGossipAvailableQuest(1)
      return GetNumGossipOptions(), GetTitleText(), GetQuestText(), GetObjectiveText(),
        GetNumQuestChoices(), GetNumQuestRewards(), (GetQuestItemInfo("choice", 2)),
        GetQuestItemLink("reward", 1), GetRewardMoney(), GetRewardXP(),
        select(2, GetRewardSpell()), GetSuggestedGroupNum()
    """) == (0, "Shoot 'Em Up", "Kill the flyers.", "Slay 15 Jotunheim Warriors.", 2, 1,
             "Goldclover", BADGE.link, 74000, 20100, "Holy Light", 3)
    run(client, "AcceptQuest()")
    assert client.world.quest_dialog is None
    assert offered in client.world.quest_log.quests
    # The NPC greets with the character's quest; it is done and turned in.
    open_quest_dialog(client, QuestDialog(greeting="Back already?", active=[finished],
                                          available=[offered], material="Stone"))
    client.settle()
    assert run(client, """
      local greet = show(GetGreetingText(), GetNumActiveQuests(), GetNumAvailableQuests(),
        GetAvailableTitle(1), GetQuestBackgroundMaterial())
      local active, info = show(GetActiveTitle(1)), show(GetAvailableQuestInfo(1))
      SelectActiveQuest(1)
      local progress = show(GetProgressText(), GetNumQuestItems(), IsQuestCompletable(),
        GetQuestMoneyToGet())
      local required = show(GetQuestItemInfo("required", 1))
      CompleteQuest()
      return greet, active, info, progress, required, GetRewardText()
    """) == ("'Back already?' 1 1 'Shoot 'Em Up' 'Stone'", "'Blood Is Thicker' 1",
             "nil 1 nil", "'Well?' 1 1 0", f"'Goldclover' '{GOLDCLOVER.texture}' 2 1 1",
             "Thanks.")
    run(client, "GetQuestReward(0)")
    log = client.world.quest_log
    assert finished not in log.quests and log.turned_in == [(13833, 0)]
    assert log.dailies_completed == 1 and client.money == 11500
    assert seen(client) == [
        "GOSSIP_SHOW", "GOSSIP_CLOSED", "QUEST_DETAIL", "QUEST_ACCEPTED:4", "QUEST_LOG_UPDATE",
        "QUEST_FINISHED", "QUEST_GREETING", "QUEST_PROGRESS", "QUEST_COMPLETE",
        "QUEST_FINISHED", "PLAYER_MONEY", "QUEST_LOG_UPDATE"]


def test_a_service_option_closes_the_gossip(client: HeadlessClient) -> None:
    record(client, "GOSSIP_CLOSED")
    open_gossip(client, Gossip(options=[("Train me.", "trainer")], force=True))
    client.settle()
    assert run(client, "local f = ForceGossip() SelectGossipOption(1) return f") == 1
    assert client.world.gossip is None and seen(client) == ["GOSSIP_CLOSED"]
    with pytest.raises(ValueError):
        Gossip(options=[("Hm", "smalltalk")])


def alchemy() -> TradeSkillWindow:
    return TradeSkillWindow(recipes=[
        Recipe(53903, "Flask of the Frost Wyrm", header="Flask", item=FLASK,
               reagents=[(GOLDCLOVER, 5)], tools=[("Alchemist's Lab", False)],
               description=None, inv_slot="Trinket"),
        Recipe(60350, "Transmute: Titanium", header="Transmutes", difficulty="medium",
               cooldown=3600.0, reagents=[(BADGE, 1)], made=(1, 2),
               description="Turns saronite into titanium.")])


def test_trade_skill_rows_reagents_filters_and_crafting(client: HeadlessClient) -> None:
    client.set_bag_item(0, 1, GOLDCLOVER.item_id, GOLDCLOVER.name, count=12)
    record(client, "TRADE_SKILL_SHOW", "TRADE_SKILL_UPDATE", "TRADE_SKILL_FILTER_UPDATE",
           "TRADE_SKILL_CLOSE")
    window = open_trade_skill(client, alchemy())
    client.settle()
    assert run(client, """
      local rows = {show(GetTradeSkillLine()), GetFirstTradeSkill()}
      for i = 1, GetNumTradeSkills() do rows[#rows + 1] = show(GetTradeSkillInfo(i)) end
      return rows
    """) == ["'Alchemy' 450 450 0", 2, "'Flask' 'header' 0 1 nil",
             "'Flask of the Frost Wyrm' 'optimal' 2 nil nil", "'Transmutes' 'header' 0 1 nil",
             "'Transmute: Titanium' 'medium' 0 nil nil"]
    assert run(client, """
      return show(GetTradeSkillReagentInfo(2, 1)), GetTradeSkillNumReagents(2),
        GetTradeSkillReagentItemLink(2, 1), GetTradeSkillItemLink(2), GetTradeSkillRecipeLink(2),
        show(GetTradeSkillTools(2)), show(GetTradeSkillCooldown(2)), GetTradeSkillCooldown(4),
        show(GetTradeSkillNumMade(4)), GetTradeSkillIcon(2), GetTradeSkillDescription(4),
        show(GetTradeSkillSubClasses()), show(GetTradeSkillInvSlots())
    """) == (f"'Goldclover' '{GOLDCLOVER.texture}' 5 12", 1, GOLDCLOVER.link, FLASK.link,
             "|cffffd000|Henchant:53903|h[Alchemy: Flask of the Frost Wyrm]|h|r",
             "'Alchemist's Lab' nil", "nil", 3600, "1 2", FLASK.texture,
             "Turns saronite into titanium.", "'Flask'", "'Trinket'")
    assert run(client, """
      SetTradeSkillSubClassFilter(1, 1, 1)
      local filtered = show(GetNumTradeSkills(), GetTradeSkillSubClassFilter(0),
        GetTradeSkillSubClassFilter(1))
      SetTradeSkillSubClassFilter(0, 1, 1)
      TradeSkillOnlyShowMakeable(1)
      local makeable = GetNumTradeSkills()
      TradeSkillOnlyShowMakeable(nil)
      SetTradeSkillItemNameFilter("titan")
      local named = show(GetTradeSkillInfo(2))
      SetTradeSkillItemNameFilter("")
      CollapseTradeSkillSubClass(1)
      return filtered, makeable, named, GetNumTradeSkills(), show(GetTradeSkillInfo(1))
    """) == ("2 nil 1", 2, "'Transmute: Titanium' 'medium' 0 nil nil", 3,
             "'Flask' 'header' 0 nil nil")
    run(client, "ExpandTradeSkillSubClass(0); SelectTradeSkill(2); DoTradeSkill(2, 5)")
    assert window.crafted == [(53903, 2)] and window.selected == 2
    assert run(client, "return GetItemCount(36901), GetItemCount(46376), "
               "select(3, GetTradeSkillInfo(2)), GetTradeskillRepeatCount()") == (2, 2, 0, 1)
    run(client, "CloseTradeSkill()")
    assert client.world.trade_skill is None
    assert seen(client) == ["TRADE_SKILL_SHOW", *["TRADE_SKILL_FILTER_UPDATE"] * 6,
                            "TRADE_SKILL_UPDATE", "TRADE_SKILL_UPDATE", "TRADE_SKILL_UPDATE",
                            "TRADE_SKILL_CLOSE"]


def test_a_linked_trade_skill_is_read_only(client: HeadlessClient) -> None:
    window = alchemy()
    window.linked_player = "Norinn"
    open_trade_skill(client, window)
    client.settle()
    assert run(client, "DoTradeSkill(2) return show(IsTradeSkillLinked()), GetTradeSkillListLink()"
               ) == ("1 'Norinn'", None)
    assert window.crafted == []


def test_own_trade_skill_link(client: HeadlessClient) -> None:
    open_trade_skill(client, alchemy())
    client.settle()
    link = run(client, "return GetTradeSkillListLink()")
    guid = client.world.player.guid[2:]
    assert link.startswith(f"|cffffd000|Htrade:51304:450:450:{guid}:") and link.endswith(
        "|h[Alchemy]|h|r")


def test_trainer_rows_filters_and_buying(client: HeadlessClient) -> None:
    client.set_money(5000)
    trainer = open_trainer(client, Trainer("Ready to learn?", services=[
        TrainerService("Fireball", "Rank 1", skill_line="Fire", cost=1000, level=70,
                       abilities=[("Frostbolt", True)], step=("Fireball", True),
                       description="Hurls a fiery ball."),
        TrainerService("Pyroblast", "Rank 2", skill_line="Fire",
                       cost=9000, skill=("Fire", 300, False)),
        TrainerService("Blink", state="used", skill_line="Arcane")]))
    record(client, "TRAINER_UPDATE", "TRAINER_CLOSED", "PLAYER_MONEY")
    client.settle()
    assert run(client, """
      local rows = {GetTrainerGreetingText(), GetTrainerSelectionIndex()}
      for i = 1, GetNumTrainerServices() do rows[#rows + 1] = show(GetTrainerServiceInfo(i)) end
      return rows
    """) == ["Ready to learn?", 2, "'Fire' '' 'header' 1", "'Fireball' 'Rank 1' 'available' nil",
             "'Pyroblast' 'Rank 2' 'available' nil"]
    assert run(client, """
      return show(GetTrainerServiceCost(2)), GetTrainerServiceLevelReq(2),
        show(GetTrainerServiceSkillReq(3)), show(GetTrainerServiceSkillReq(2)),
        GetTrainerServiceNumAbilityReq(2), show(GetTrainerServiceAbilityReq(2, 1)),
        show(GetTrainerServiceStepReq(2)), GetTrainerServiceDescription(2),
        GetTrainerServiceSkillLine(3), show(IsTradeskillTrainer())
    """) == ("1000 0 0", 70, "'Fire' 300 nil", "nil", 1, "'Frostbolt' 1", "'Fireball' 1",
             "Hurls a fiery ball.", "Fire", "nil")
    assert run(client, """
      SetTrainerServiceTypeFilter("used", 1)
      local shown = GetNumTrainerServices()
      BuyTrainerService(2); BuyTrainerService(3)
      SetTrainerServiceTypeFilter("used", 0)
      CollapseTrainerSkillLine(1)
      return shown, GetNumTrainerServices(), GetMoney()
    """) == (5, 1, 4000)
    assert trainer.bought == ["Fireball"] and client.ui_errors == ["You don't have enough money"]
    run(client, "CloseTrainer()")
    assert seen(client) == ["TRAINER_UPDATE", "PLAYER_MONEY", "TRAINER_UPDATE", "TRAINER_UPDATE",
                            "TRAINER_UPDATE", "TRAINER_CLOSED"]


def test_using_a_quest_item_from_addon_code_is_blocked(client: HeadlessClient) -> None:
    accept(client, slay_quest())
    client.settle()
    record(client, "ADDON_ACTION_FORBIDDEN")
    client.eval_lua("UseQuestLogSpecialItem(2)")
    assert client.world.quest_log.items_used == []
    assert seen(client) == ["ADDON_ACTION_FORBIDDEN:"]


@pytest.fixture(scope="module")
def framexml() -> HeadlessClient:
    folder = require_shared("MGM_FRAMEXML_DIR")
    with HeadlessClient(ClientSettings(framexml_dir=folder)) as c:
        c.enter_world()
        yield c


def test_blizzards_panels_show_the_windows_without_errors(framexml: HeadlessClient) -> None:
    client = framexml
    client.set_bag_item(0, 1, GOLDCLOVER.item_id, GOLDCLOVER.name, count=10)
    open_gossip(client, Gossip("Hello.", options=[("Tell me more.", "gossip")],
                               available=[slay_quest()]))
    client.settle()
    assert run(client, "return GossipFrame:IsShown(), GossipTitleButton1:GetText()") == (
        1, "|cff000000Shoot 'Em Up|r")
    run(client, "GossipTitleButton1:Click()")
    assert run(client, "return QuestFrameDetailPanel:IsShown(), QuestInfoTitleHeader:GetText()"
               ) == (1, "Shoot 'Em Up")
    client.advance(5)  # the details fade in before the button takes clicks
    run(client, "QuestFrameAcceptButton:Click()")
    assert run(client, "return QuestFrame:IsShown(), GetNumQuestLogEntries()") == (None, 2, 1)
    open_trade_skill(client, alchemy())
    client.settle()
    assert run(client, "return TradeSkillFrame:IsShown(), TradeSkillSkillName:GetText()") == (
        1, "Flask of the Frost Wyrm")
    run(client, "TradeSkillCreateButton:Click(); CloseTradeSkill()")
    assert run(client, "return TradeSkillFrame:IsShown()") is None
    open_trainer(client, Trainer(services=[TrainerService("Fireball", "Rank 1")]))
    client.settle()
    assert run(client, "return ClassTrainerFrame:IsShown(), ClassTrainerSkillName:GetText()"
               ) == (1, "Fireball")
    run(client, "ClassTrainerTrainButton:Click(); CloseTrainer()")
    assert client.world.trainer is None


def test_shared_quests_map_icons_and_a_reward_that_must_be_chosen(
        client: HeadlessClient) -> None:
    log = client.world.quest_log
    log.shared = slay_quest()
    log.shared.map_area_id, log.shared.map_position = client.world.zone.map_area_id, (0.25, 0.5)
    run(client, "ConfirmAcceptQuest()")
    assert [q.title for q in log.quests] == ["Shoot 'Em Up"] and log.shared is None
    assert run(client, """
      return QuestMapUpdateAllQuests(), show(QuestPOIGetQuestIDByVisibleIndex(1)),
        show(QuestPOIGetIconInfo(13069)), show(GetQuestLogSpecialItemCooldown(2)),
        show(GetQuestLogSpecialItemCooldown(1))
    """) == (1, "13069 2", "nil 0.25 0.5 0", "0 0 1", "nil")
    quest = log.quests[0]
    for objective in quest.objectives:
        objective.done = True
    open_quest_dialog(client, QuestDialog(panel="reward", quest=quest))
    client.settle()
    run(client, "GetQuestReward()")  # two items to choose from, none chosen
    assert client.ui_errors == ["You must choose a reward."] and quest in log.quests
    run(client, "GetQuestReward(2)")
    assert log.turned_in == [(13069, 2)] and client.world.quest_dialog is None
