-- The character window's stat lines of the built-in UI (what FrameXML's paper doll gives
-- addons), written for the headless client. A stat frame is any frame with the children
-- <name>Label and <name>StatText (StatFrameTemplate): each PaperDollFrame_Set* call reads the
-- character's stats from the client, writes the label ("Strength:") and the value (green
-- with a bonus, red with a penalty), sets the frame's tooltip fields (tooltip, tooltip2,
-- and the per-kind fields the frame's OnEnter reads: damage, dps, spellCrit...) and shows
-- the frame. Loaded the first time an addon reads one of the globals it defines.

local HIT_HOLY, SPELL_SCHOOLS_FROM = 2, 2

local function label_of(statFrame)
  return _G[statFrame:GetName() .. "Label"]
end

local function value_of(statFrame)
  return _G[statFrame:GetName() .. "StatText"]
end

local function white(text)
  return HIGHLIGHT_FONT_COLOR_CODE .. text .. FONT_COLOR_CODE_CLOSE
end

local function heading(name)
  return format(PAPERDOLLFRAME_TOOLTIP_FORMAT, name)
end

-- The value in green when buffed, red when any debuff lowers it.
local function coloured(value, posBuff, negBuff)
  if posBuff == 0 and negBuff == 0 then
    return value
  end
  local code = negBuff < 0 and RED_FONT_COLOR_CODE or GREEN_FONT_COLOR_CODE
  return code .. value .. FONT_COLOR_CODE_CLOSE
end

-- "Name effective (base +pos -neg)" in the tooltip colours.
local function breakdown(text, base, posBuff, negBuff)
  if posBuff == 0 and negBuff == 0 then
    return text .. FONT_COLOR_CODE_CLOSE
  end
  if posBuff > 0 or negBuff < 0 then
    text = text .. " (" .. base .. FONT_COLOR_CODE_CLOSE
  end
  if posBuff > 0 then
    text = text .. FONT_COLOR_CODE_CLOSE .. GREEN_FONT_COLOR_CODE .. "+" .. posBuff
      .. FONT_COLOR_CODE_CLOSE
  end
  if negBuff < 0 then
    text = text .. RED_FONT_COLOR_CODE .. " " .. negBuff .. FONT_COLOR_CODE_CLOSE
  end
  if posBuff > 0 or negBuff < 0 then
    text = text .. HIGHLIGHT_FONT_COLOR_CODE .. ")" .. FONT_COLOR_CODE_CLOSE
  end
  return text
end

local function player_class()
  local _, class = UnitClass("player")
  return strupper(class)
end

-- What a hunter's or warlock's pet gains from one of the player's stats.
function ComputePetBonus(stat, value)
  local class = player_class()
  local bonuses = (class == "WARLOCK" and WARLOCK_PET_BONUS)
    or (class == "HUNTER" and HUNTER_PET_BONUS)
  if bonuses and bonuses[stat] then
    return value * bonuses[stat]
  end
  return 0
end

function UnitHasMana(unit)
  local powerType, token = UnitPowerType(unit)
  if token == "MANA" and UnitPowerMax(unit, powerType) > 0 then
    return 1
  end
  return nil
end

function PaperDollFrame_SetLabelAndText(statFrame, label, text, isPercentage)
  label_of(statFrame):SetText(format(STAT_FORMAT, label))
  if isPercentage then
    text = format("%.2f%%", text)
  end
  value_of(statFrame):SetText(text)
end

function PaperDollFormatStat(name, base, posBuff, negBuff, frame, textString)
  local effective = max(0, base + posBuff + negBuff)
  textString:SetText(coloured(effective, posBuff, negBuff))
  frame.tooltip = breakdown(HIGHLIGHT_FONT_COLOR_CODE .. heading(name) .. " " .. effective,
    base, posBuff, negBuff)
end

function FormatPaperDollTooltipStat(name, base, posBuff, negBuff)
  local effective = max(0, base + posBuff + negBuff)
  return breakdown(HIGHLIGHT_FONT_COLOR_CODE .. name .. " " .. effective, base, posBuff, negBuff)
end

function ColorPaperDollStat(base, posBuff, negBuff)
  return coloured(max(0, base + posBuff + negBuff), posBuff, negBuff)
end

-- Damage reduction (percent, at most 75) of an armor value against an attacker's level.
function PaperDollFrame_GetArmorReduction(armor, attackerLevel)
  local level = attackerLevel
  if level > 59 then
    level = level + 4.5 * (level - 59)
  end
  local ratio = 0.1 * armor / (8.5 * level + 40)
  ratio = ratio / (1 + ratio)
  if ratio > 0.75 then
    return 75
  elseif ratio < 0 then
    return 0
  end
  return ratio * 100
end

function GetDodgeBlockParryChanceFromDefense()
  local base, modifier = UnitDefense("player")
  local percent = DODGE_PARRY_BLOCK_PERCENT_PER_DEFENSE
    * ((base + modifier) - UnitLevel("player") * 5)
  return max(percent, 0)
end

-- Strength, agility, stamina, intellect, spirit (statIndex 1..5).
function PaperDollFrame_SetStat(statFrame, statIndex)
  local stat, effective, posBuff, negBuff = UnitStat("player", statIndex)
  local name = _G["SPELL_STAT" .. statIndex .. "_NAME"]
  label_of(statFrame):SetText(format(STAT_FORMAT, name))
  value_of(statFrame):SetText(coloured(effective, posBuff, negBuff))
  statFrame.tooltip = breakdown(HIGHLIGHT_FONT_COLOR_CODE .. heading(name) .. " " .. effective,
    stat - posBuff - negBuff, posBuff, negBuff)
  local more = _G["DEFAULT_STAT" .. statIndex .. "_TOOLTIP"]
  if statIndex == 1 then
    more = format(more, GetAttackPowerForStat(statIndex, effective))
    local class = player_class()
    if class == "WARRIOR" or class == "SHAMAN" or class == "PALADIN" then
      more = more .. "\n" .. format(STAT_BLOCK_TOOLTIP,
        max(0, effective * BLOCK_PER_STRENGTH - 10))
    end
  elseif statIndex == 2 then
    local attackPower = GetAttackPowerForStat(statIndex, effective)
    more = format(more, GetCritChanceFromAgility("player"), effective * ARMOR_PER_AGILITY)
    if attackPower > 0 then
      more = format(STAT_ATTACK_POWER, attackPower) .. more
    end
  elseif statIndex == 3 then
    local base = min(20, effective)
    more = format(more, (base + (effective - base) * HEALTH_PER_STAMINA)
      * GetUnitMaxHealthModifier("player"))
    local pet = ComputePetBonus("PET_BONUS_STAM", effective)
    if pet > 0 then
      more = more .. "\n" .. format(PET_BONUS_TOOLTIP_STAMINA, pet)
    end
  elseif statIndex == 4 then
    local base = min(20, effective)
    if UnitHasMana("player") then
      more = format(more, base + (effective - base) * MANA_PER_INTELLECT,
        GetSpellCritChanceFromIntellect("player"))
    else
      more = nil
    end
    local pet = ComputePetBonus("PET_BONUS_INT", effective)
    if pet > 0 then
      more = (more or "") .. "\n" .. format(PET_BONUS_TOOLTIP_INTELLECT, pet)
    end
  elseif statIndex == 5 then
    more = format(more, GetUnitHealthRegenRateFromSpirit("player"))
    if UnitHasMana("player") then
      more = more .. "\n" .. format(MANA_REGEN_FROM_SPIRIT,
        floor(GetUnitManaRegenRateFromSpirit("player") * 5.0))
    end
  end
  statFrame.tooltip2 = more
  statFrame:Show()
end

local RATING_TOOLTIPS = {
  [CR_DODGE] = "CR_DODGE_TOOLTIP", [CR_PARRY] = "CR_PARRY_TOOLTIP",
  [CR_BLOCK] = "CR_PARRY_TOOLTIP", [CR_EXPERTISE] = "CR_EXPERTISE_TOOLTIP",
}

local function spell_crit(statFrame)
  local lowest = GetSpellCritChance(HIT_HOLY)
  statFrame.spellCrit = { [HIT_HOLY] = lowest }
  for school = HIT_HOLY + 1, MAX_SPELL_SCHOOLS do
    local chance = GetSpellCritChance(school)
    statFrame.spellCrit[school] = chance
    lowest = min(lowest, chance)
  end
  return format("%.2f%%", lowest)
end

function PaperDollFrame_SetRating(statFrame, ratingIndex)
  local name = _G["COMBAT_RATING_NAME" .. ratingIndex]
  label_of(statFrame):SetText(format(STAT_FORMAT, name))
  local rating = GetCombatRating(ratingIndex)
  local bonus = GetCombatRatingBonus(ratingIndex)
  value_of(statFrame):SetText(rating)
  statFrame.tooltip = white(heading(name) .. " " .. rating)
  if ratingIndex == CR_HIT_MELEE or ratingIndex == CR_HIT_RANGED then
    local text = ratingIndex == CR_HIT_MELEE and CR_HIT_MELEE_TOOLTIP or CR_HIT_RANGED_TOOLTIP
    statFrame.tooltip2 = format(text, UnitLevel("player"), bonus,
      GetCombatRating(CR_ARMOR_PENETRATION), GetArmorPenetration())
  elseif ratingIndex == CR_HIT_SPELL then
    local penetration = GetSpellPenetration()
    statFrame.tooltip2 = format(CR_HIT_SPELL_TOOLTIP, UnitLevel("player"), bonus, penetration,
      penetration)
  elseif ratingIndex == CR_CRIT_SPELL then
    statFrame.minCrit = spell_crit(statFrame)
  elseif RATING_TOOLTIPS[ratingIndex] then
    statFrame.tooltip2 = format(_G[RATING_TOOLTIPS[ratingIndex]], bonus)
  else
    statFrame.tooltip2 = HIGHLIGHT_FONT_COLOR_CODE .. name .. " " .. rating
  end
  statFrame:Show()
end

function PaperDollFrame_SetResistances()
  local level = max(UnitLevel("player"), 20)
  for i = 1, NUM_RESISTANCE_TYPES do
    local frame, text = _G["MagicResFrame" .. i], _G["MagicResText" .. i]
    local school = frame:GetID()
    local base, resistance, positive, negative = UnitResistance("player", school)
    local tip = heading(_G["RESISTANCE" .. school .. "_NAME"]) .. " " .. resistance
    if abs(negative) > positive then
      text:SetText(RED_FONT_COLOR_CODE .. resistance .. FONT_COLOR_CODE_CLOSE)
    elseif abs(negative) == positive then
      text:SetText(resistance)
    else
      text:SetText(GREEN_FONT_COLOR_CODE .. resistance .. FONT_COLOR_CODE_CLOSE)
    end
    if positive ~= 0 or negative ~= 0 then
      tip = tip .. " ( " .. HIGHLIGHT_FONT_COLOR_CODE .. base
      if positive > 0 then
        tip = tip .. GREEN_FONT_COLOR_CODE .. " +" .. positive
      end
      if negative < 0 then
        tip = tip .. " " .. RED_FONT_COLOR_CODE .. negative
      end
      tip = tip .. FONT_COLOR_CODE_CLOSE .. " )"
    end
    frame.tooltip = tip
    local per_level = resistance / level
    local grade = (per_level > 5 and RESISTANCE_EXCELLENT)
      or (per_level > 3.75 and RESISTANCE_VERYGOOD) or (per_level > 2.5 and RESISTANCE_GOOD)
      or (per_level > 1.25 and RESISTANCE_FAIR) or (per_level > 0 and RESISTANCE_POOR)
      or RESISTANCE_NONE
    frame.tooltipSubtext = format(RESISTANCE_TOOLTIP_SUBTEXT, _G["RESISTANCE_TYPE" .. school],
      level, grade)
    local pet = ComputePetBonus("PET_BONUS_RES", resistance)
    if pet > 0 then
      frame.tooltipSubtext = frame.tooltipSubtext .. "\n"
        .. format(PET_BONUS_TOOLTIP_RESISTANCE, pet)
    end
  end
end

function PaperDollFrame_SetArmor(statFrame, unit)
  unit = unit or "player"
  local base, effective, _, posBuff, negBuff = UnitArmor(unit)
  label_of(statFrame):SetText(format(STAT_FORMAT, ARMOR))
  PaperDollFormatStat(ARMOR, base, posBuff, negBuff, statFrame, value_of(statFrame))
  statFrame.tooltip2 = format(DEFAULT_STATARMOR_TOOLTIP,
    PaperDollFrame_GetArmorReduction(effective, UnitLevel(unit)))
  if unit == "player" then
    local pet = ComputePetBonus("PET_BONUS_ARMOR", effective)
    if pet > 0 then
      statFrame.tooltip2 = statFrame.tooltip2 .. "\n" .. format(PET_BONUS_TOOLTIP_ARMOR, pet)
    end
  end
  statFrame:Show()
end

function PaperDollFrame_SetDefense(statFrame, unit)
  local base, modifier = UnitDefense(unit or "player")
  label_of(statFrame):SetText(format(STAT_FORMAT, DEFENSE))
  PaperDollFormatStat(DEFENSE, base, max(modifier, 0), min(modifier, 0), statFrame,
    value_of(statFrame))
  local percent = GetDodgeBlockParryChanceFromDefense()
  statFrame.tooltip2 = format(DEFAULT_STATDEFENSE_TOOLTIP, GetCombatRating(CR_DEFENSE_SKILL),
    GetCombatRatingBonus(CR_DEFENSE_SKILL), percent, percent)
  statFrame:Show()
end

-- Dodge, block, parry: the chance in percent; the tooltip gives the rating behind it.
local function avoidance(statFrame, label, chanceName, chance, rating, text, extra)
  PaperDollFrame_SetLabelAndText(statFrame, label, chance, 1)
  statFrame.tooltip = white(heading(chanceName) .. " " .. string.format("%.02f", chance) .. "%")
  statFrame.tooltip2 = format(text, GetCombatRating(rating), GetCombatRatingBonus(rating), extra)
  statFrame:Show()
end

function PaperDollFrame_SetDodge(statFrame)
  avoidance(statFrame, STAT_DODGE, DODGE_CHANCE, GetDodgeChance(), CR_DODGE, CR_DODGE_TOOLTIP)
end

function PaperDollFrame_SetBlock(statFrame)
  avoidance(statFrame, STAT_BLOCK, BLOCK_CHANCE, GetBlockChance(), CR_BLOCK, CR_BLOCK_TOOLTIP,
    GetShieldBlock())
end

function PaperDollFrame_SetParry(statFrame)
  avoidance(statFrame, STAT_PARRY, PARRY_CHANCE, GetParryChance(), CR_PARRY, CR_PARRY_TOOLTIP)
end

function PaperDollFrame_SetResilience(statFrame)
  local ratings = { CR_CRIT_TAKEN_MELEE, CR_CRIT_TAKEN_RANGED, CR_CRIT_TAKEN_SPELL }
  local lowest, lowestRating
  for _, rating in ipairs(ratings) do
    local value = GetCombatRating(rating)
    if not lowest or value < lowest then
      lowest, lowestRating = value, rating
    end
  end
  local bonus = GetCombatRatingBonus(lowestRating)
  PaperDollFrame_SetLabelAndText(statFrame, STAT_RESILIENCE, lowest)
  statFrame.tooltip = white(heading(STAT_RESILIENCE) .. " " .. lowest)
  statFrame.tooltip2 = format(RESILIENCE_TOOLTIP, bonus,
    min(bonus * RESILIENCE_CRIT_CHANCE_TO_DAMAGE_REDUCTION_MULTIPLIER,
      GetMaxCombatRatingBonus(lowestRating)),
    bonus * RESILIENCE_CRIT_CHANCE_TO_CONSTANT_DAMAGE_REDUCTION_MULTIPLIER)
  statFrame:Show()
end

local COLOR_UP, COLOR_DOWN = "|cff20ff20", "|cffff2020"

-- A weapon's damage range and its bonus breakdown; the shown range "min - max" (without
-- spaces from 100 on), in the bonus colour.
local function damage_range(text, low, high, total)
  local shownLow, shownHigh = max(floor(low), 1), max(ceil(high), 1)
  local sep = (shownLow < 100 and shownHigh < 100) and " - " or "-"
  if total == 0 then
    text:SetText(shownLow .. sep .. shownHigh)
  else
    text:SetText((total > 0 and COLOR_UP or COLOR_DOWN) .. shownLow .. sep .. shownHigh .. "|r")
  end
end

local function bonus_suffix(tip, bonusPos, bonusNeg, percent)
  if bonusPos > 0 then
    tip = tip .. COLOR_UP .. " +" .. bonusPos .. "|r"
  end
  if bonusNeg < 0 then
    tip = tip .. COLOR_DOWN .. " " .. bonusNeg .. "|r"
  end
  if percent > 1 then
    tip = tip .. COLOR_UP .. " x" .. floor(percent * 100 + 0.5) .. "%|r"
  elseif percent < 1 then
    tip = tip .. COLOR_DOWN .. " x" .. floor(percent * 100 + 0.5) .. "%|r"
  end
  return tip
end

-- Base range (before bonuses), full average and damage per second of one hand.
local function hand(low, high, bonusPos, bonusNeg, percent, speed)
  low = low / percent - bonusPos - bonusNeg
  high = high / percent - bonusPos - bonusNeg
  local base = (low + high) * 0.5
  local full = (base + bonusPos + bonusNeg) * percent
  return low, high, base, full, max(full, 1) / speed
end

function PaperDollFrame_SetDamage(statFrame, unit)
  unit = unit or "player"
  label_of(statFrame):SetText(format(STAT_FORMAT, DAMAGE))
  local speed, offhandSpeed = UnitAttackSpeed(unit)
  local low, high, offLow, offHigh, bonusPos, bonusNeg, percent = UnitDamage(unit)
  local baseLow, baseHigh, base, full, dps = hand(low, high, bonusPos, bonusNeg, percent, speed)
  local total = full - base
  if total < 0.1 and total > -0.1 then
    total = 0
  end
  damage_range(value_of(statFrame), low, high, total)
  local tip = max(floor(baseLow), 1) .. " - " .. max(ceil(baseHigh), 1)
  if total ~= 0 then
    tip = bonus_suffix(tip, bonusPos, bonusNeg, percent)
  end
  statFrame.damage, statFrame.attackSpeed, statFrame.dps = tip, speed, dps
  if offhandSpeed then
    local oLow, oHigh, _, _, oDps = hand(offLow, offHigh, bonusPos, bonusNeg, percent,
      offhandSpeed)
    statFrame.offhandDamage = bonus_suffix(max(floor(oLow), 1) .. " - " .. max(ceil(oHigh), 1),
      bonusPos, bonusNeg, percent)
    statFrame.offhandAttackSpeed, statFrame.offhandDps = offhandSpeed, oDps
  else
    statFrame.offhandAttackSpeed = nil
  end
  statFrame:Show()
end

function PaperDollFrame_SetAttackSpeed(statFrame, unit)
  local speed, offhandSpeed = UnitAttackSpeed(unit or "player")
  local text = format("%.2f", speed)
  if offhandSpeed then
    text = text .. " / " .. format("%.2f", offhandSpeed)
  end
  PaperDollFrame_SetLabelAndText(statFrame, WEAPON_SPEED, text)
  statFrame.tooltip = white(heading(ATTACK_SPEED) .. " " .. text)
  statFrame.tooltip2 = format(CR_HASTE_RATING_TOOLTIP, GetCombatRating(CR_HASTE_MELEE),
    GetCombatRatingBonus(CR_HASTE_MELEE))
  statFrame:Show()
end

function PaperDollFrame_SetAttackPower(statFrame, unit)
  label_of(statFrame):SetText(format(STAT_FORMAT, ATTACK_POWER))
  local base, posBuff, negBuff = UnitAttackPower(unit or "player")
  PaperDollFormatStat(MELEE_ATTACK_POWER, base, posBuff, negBuff, statFrame, value_of(statFrame))
  statFrame.tooltip2 = format(MELEE_ATTACK_POWER_TOOLTIP,
    max(base + posBuff + negBuff, 0) / ATTACK_POWER_MAGIC_NUMBER)
  statFrame:Show()
end

-- "Weapon Skill 400 (395 +5)" with the modifier in its colour.
local function skill_text(base, modifier)
  if modifier == 0 then
    return COMBAT_RATING_NAME1 .. " " .. base
  end
  local sign = modifier > 0 and " +" or " "
  local text = COMBAT_RATING_NAME1 .. " " .. (base + modifier) .. " (" .. base
    .. (modifier > 0 and GREEN_FONT_COLOR_CODE or RED_FONT_COLOR_CODE) .. sign .. modifier
  if modifier > 0 then
    text = text .. FONT_COLOR_CODE_CLOSE
  end
  return text .. ")"
end

local function skill_rating(which)
  local total = GetCombatRating(CR_WEAPON_SKILL) + GetCombatRating(which)
  local text = format(WEAPON_SKILL_RATING, total)
  if total > 0 then
    text = text .. format(WEAPON_SKILL_RATING_BONUS,
      GetCombatRatingBonus(CR_WEAPON_SKILL) + GetCombatRatingBonus(which))
  end
  return text
end

function PaperDollFrame_SetAttackBothHands(statFrame, unit)
  unit = unit or "player"
  local mainBase, mainMod, offBase, offMod = UnitAttackBothHands(unit)
  label_of(statFrame):SetText(format(STAT_FORMAT, COMBAT_RATING_NAME1))
  if mainMod == 0 then
    value_of(statFrame):SetText(mainBase)
  else
    value_of(statFrame):SetText((mainMod > 0 and GREEN_FONT_COLOR_CODE or RED_FONT_COLOR_CODE)
      .. (mainBase + mainMod) .. FONT_COLOR_CODE_CLOSE)
  end
  statFrame.weaponSkill = skill_text(mainBase, mainMod)
  statFrame.weaponRating = skill_rating(CR_WEAPON_SKILL_MAINHAND)
  local _, offhandSpeed = UnitAttackSpeed(unit)
  if offhandSpeed then
    statFrame.offhandSkill = skill_text(offBase, offMod)
    statFrame.offhandRating = skill_rating(CR_WEAPON_SKILL_OFFHAND)
  else
    statFrame.offhandSkill = nil
  end
  statFrame:Show()
end

-- Whether the ranged slot holds a ranged weapon (not a relic): FrameXML notes the answer on
-- PaperDollFrame.noRanged for the ranged lines that follow.
local function has_ranged(unit, statFrame, text)
  if GetInventoryItemTexture("player", 18) and not UnitHasRelicSlot(unit) then
    PaperDollFrame.noRanged = nil
    return true
  end
  text:SetText(NOT_APPLICABLE)
  PaperDollFrame.noRanged = 1
  return false
end

function PaperDollFrame_SetRangedAttack(statFrame, unit)
  unit = unit or "player"
  if unit == "pet" then
    return
  end
  local base, modifier = UnitRangedAttack(unit)
  label_of(statFrame):SetText(format(STAT_FORMAT, COMBAT_RATING_NAME1))
  local text = value_of(statFrame)
  if not has_ranged(unit, statFrame, text) then
    statFrame.tooltip = nil
    return
  end
  if modifier == 0 then
    text:SetText(base)
    statFrame.tooltip = white(heading(COMBAT_RATING_NAME1) .. " " .. base)
  else
    local code = modifier > 0 and GREEN_FONT_COLOR_CODE or RED_FONT_COLOR_CODE
    statFrame.tooltip = HIGHLIGHT_FONT_COLOR_CODE .. heading(COMBAT_RATING_NAME1) .. " "
      .. (base + modifier) .. " (" .. base .. code .. (modifier > 0 and " +" or " ") .. modifier
      .. FONT_COLOR_CODE_CLOSE .. HIGHLIGHT_FONT_COLOR_CODE .. ")"
    text:SetText(code .. (base + modifier) .. FONT_COLOR_CODE_CLOSE)
  end
  statFrame.tooltip2 = skill_rating(CR_WEAPON_SKILL_RANGED)
  statFrame:Show()
end

function PaperDollFrame_SetRangedDamage(statFrame, unit)
  unit = unit or "player"
  if unit == "pet" then
    return
  end
  label_of(statFrame):SetText(format(STAT_FORMAT, DAMAGE))
  local text = value_of(statFrame)
  if not has_ranged(unit, statFrame, text) then
    statFrame.damage = nil
    return
  end
  local speed, low, high, bonusPos, bonusNeg, percent = UnitRangedDamage(unit)
  percent = math.floor(percent * 10 ^ 3 + 0.5) / 10 ^ 3
  local full, total, baseLow, baseHigh
  if HasWandEquipped() then
    baseLow, baseHigh = low, high
    full, total = (low + high) * 0.5 * percent, 0
  else
    local base
    baseLow, baseHigh, base, full = hand(low, high, bonusPos, bonusNeg, percent, 1)
    total = full - base
  end
  local dps = speed == 0 and 0 or max(full, 1) / speed
  damage_range(text, low, high, total)
  local tip = max(floor(baseLow), 1) .. " - " .. max(ceil(baseHigh), 1)
  if total ~= 0 then
    tip = bonus_suffix(tip, bonusPos, bonusNeg, percent)
    statFrame.tooltip = tip .. " " .. format(DPS_TEMPLATE, dps)
  end
  statFrame.attackSpeed, statFrame.damage, statFrame.dps = speed, tip, dps
  statFrame:Show()
end

function PaperDollFrame_SetRangedAttackSpeed(statFrame, unit)
  unit = unit or "player"
  if unit == "pet" then
    return
  end
  local text
  if PaperDollFrame.noRanged then
    text = NOT_APPLICABLE
    statFrame.tooltip = nil
  else
    text = format("%.2f", (UnitRangedDamage(unit)))
    statFrame.tooltip = white(heading(ATTACK_SPEED) .. " " .. text)
  end
  PaperDollFrame_SetLabelAndText(statFrame, WEAPON_SPEED, text)
  statFrame.tooltip2 = format(CR_HASTE_RATING_TOOLTIP, GetCombatRating(CR_HASTE_RANGED),
    GetCombatRatingBonus(CR_HASTE_RANGED))
  statFrame:Show()
end

function PaperDollFrame_SetRangedAttackPower(statFrame, unit)
  label_of(statFrame):SetText(format(STAT_FORMAT, ATTACK_POWER))
  local base, posBuff, negBuff = UnitRangedAttackPower(unit or "player")
  PaperDollFormatStat(RANGED_ATTACK_POWER, base, posBuff, negBuff, statFrame,
    value_of(statFrame))
  local total = base + posBuff + negBuff
  local more = format(RANGED_ATTACK_POWER_TOOLTIP, max(total, 0) / ATTACK_POWER_MAGIC_NUMBER)
  local petAttack = ComputePetBonus("PET_BONUS_RAP_TO_AP", total)
  if petAttack > 0 then
    more = more .. "\n" .. format(PET_BONUS_TOOLTIP_RANGED_ATTACK_POWER, petAttack)
  end
  local petSpell = ComputePetBonus("PET_BONUS_RAP_TO_SPELLDMG", total)
  if petSpell > 0 then
    more = more .. "\n" .. format(PET_BONUS_TOOLTIP_SPELLDAMAGE, petSpell)
  end
  statFrame.tooltip2 = more
  statFrame:Show()
end

function PaperDollFrame_SetSpellBonusDamage(statFrame)
  label_of(statFrame):SetText(format(STAT_FORMAT, BONUS_DAMAGE))
  local lowest = GetSpellBonusDamage(SPELL_SCHOOLS_FROM)
  statFrame.bonusDamage = { [SPELL_SCHOOLS_FROM] = lowest }
  for school = SPELL_SCHOOLS_FROM + 1, MAX_SPELL_SCHOOLS do
    local bonus = GetSpellBonusDamage(school)
    statFrame.bonusDamage[school] = bonus
    lowest = min(lowest, bonus)
  end
  value_of(statFrame):SetText(lowest)
  statFrame.minModifier = lowest
  statFrame:Show()
end

function PaperDollFrame_SetSpellCritChance(statFrame)
  label_of(statFrame):SetText(format(STAT_FORMAT, SPELL_CRIT_CHANCE))
  local lowest = spell_crit(statFrame)
  value_of(statFrame):SetText(lowest)
  statFrame.minCrit = lowest
  statFrame:Show()
end

-- Melee and ranged crit: FrameXML leaves these frames as they are (no Show).
local function crit_line(statFrame, name, chance, rating, tooltipText)
  label_of(statFrame):SetText(format(STAT_FORMAT, name))
  chance = format("%.2f%%", chance)
  value_of(statFrame):SetText(chance)
  statFrame.tooltip = white(heading(name) .. " " .. chance)
  statFrame.tooltip2 = format(tooltipText, GetCombatRating(rating), GetCombatRatingBonus(rating))
end

function PaperDollFrame_SetMeleeCritChance(statFrame)
  crit_line(statFrame, MELEE_CRIT_CHANCE, GetCritChance(), CR_CRIT_MELEE, CR_CRIT_MELEE_TOOLTIP)
end

function PaperDollFrame_SetRangedCritChance(statFrame)
  crit_line(statFrame, RANGED_CRIT_CHANCE, GetRangedCritChance(), CR_CRIT_RANGED,
    CR_CRIT_RANGED_TOOLTIP)
end

function PaperDollFrame_SetSpellBonusHealing(statFrame)
  label_of(statFrame):SetText(format(STAT_FORMAT, BONUS_HEALING))
  local bonus = GetSpellBonusHealing()
  value_of(statFrame):SetText(bonus)
  statFrame.tooltip = white(BONUS_HEALING)
  statFrame.tooltip2 = format(BONUS_HEALING_TOOLTIP, bonus)
  statFrame:Show()
end

function PaperDollFrame_SetSpellPenetration(statFrame)
  label_of(statFrame):SetText(format(STAT_FORMAT, SPELL_PENETRATION))
  value_of(statFrame):SetText(GetSpellPenetration())
  statFrame.tooltip = white(heading(SPELL_PENETRATION))
  statFrame.tooltip2 = SPELL_PENETRATION_TOOLTIP
  statFrame:Show()
end

function PaperDollFrame_SetSpellHaste(statFrame)
  label_of(statFrame):SetText(format(STAT_FORMAT, SPELL_HASTE))
  value_of(statFrame):SetText(GetCombatRating(CR_HASTE_SPELL))
  statFrame.tooltip = white(SPELL_HASTE)
  statFrame.tooltip2 = format(SPELL_HASTE_TOOLTIP, GetCombatRatingBonus(CR_HASTE_SPELL))
  statFrame:Show()
end

function PaperDollFrame_SetManaRegen(statFrame)
  label_of(statFrame):SetText(format(STAT_FORMAT, MANA_REGEN))
  local text = value_of(statFrame)
  if not UnitHasMana("player") then
    text:SetText(NOT_APPLICABLE)
    statFrame.tooltip = nil
    return
  end
  local base, casting = GetManaRegen()
  base, casting = floor(base * 5.0), floor(casting * 5.0)  -- shown per 5 seconds
  text:SetText(base)
  statFrame.tooltip = white(MANA_REGEN)
  statFrame.tooltip2 = format(MANA_REGEN_TOOLTIP, base, casting)
  statFrame:Show()
end

function PaperDollFrame_SetExpertise(statFrame, unit)
  local expertise, offhandExpertise = GetExpertise()
  local _, offhandSpeed = UnitAttackSpeed(unit or "player")
  local text = offhandSpeed and (expertise .. " / " .. offhandExpertise) or expertise
  PaperDollFrame_SetLabelAndText(statFrame, STAT_EXPERTISE, text)
  statFrame.tooltip = white(heading(_G["COMBAT_RATING_NAME" .. CR_EXPERTISE]) .. " " .. text)
  local percent, offhandPercent = GetExpertisePercent()
  local percents = format("%.2f", percent) .. "%"
  if offhandSpeed then
    percents = percents .. " / " .. format("%.2f", offhandPercent) .. "%"
  end
  statFrame.tooltip2 = format(CR_EXPERTISE_TOOLTIP, percents, GetCombatRating(CR_EXPERTISE),
    GetCombatRatingBonus(CR_EXPERTISE))
  statFrame:Show()
end

-- The stat frames' OnEnter handlers: the fields above in GameTooltip.
function PaperDollStatTooltip(self, unit)
  if not self.tooltip then
    return
  end
  GameTooltip:SetOwner(self, "ANCHOR_RIGHT")
  GameTooltip:SetText(self.tooltip)
  if self.tooltip2 then
    GameTooltip:AddLine(self.tooltip2, NORMAL_FONT_COLOR.r, NORMAL_FONT_COLOR.g,
      NORMAL_FONT_COLOR.b, 1)
  end
  GameTooltip:Show()
end

local function double(left, right)
  local c = NORMAL_FONT_COLOR
  GameTooltip:AddDoubleLine(left, right, c.r, c.g, c.b, c.r, c.g, c.b)
end

local function weapon_lines(title, speed, damage, dps)
  local c = HIGHLIGHT_FONT_COLOR
  GameTooltip:AddLine(title, c.r, c.g, c.b)
  double(format(STAT_FORMAT, ATTACK_SPEED_SECONDS), format("%.2f", speed))
  double(format(STAT_FORMAT, DAMAGE), damage)
  double(format(STAT_FORMAT, DAMAGE_PER_SECOND), format("%.1f", dps))
end

function CharacterDamageFrame_OnEnter(self)
  GameTooltip:SetOwner(self, "ANCHOR_RIGHT")
  local c = HIGHLIGHT_FONT_COLOR
  GameTooltip:SetText(self == rawget(_G, "PetDamageFrame") and INVTYPE_WEAPONMAINHAND_PET
    or INVTYPE_WEAPONMAINHAND, c.r, c.g, c.b)
  double(format(STAT_FORMAT, ATTACK_SPEED_SECONDS), format("%.2f", self.attackSpeed))
  double(format(STAT_FORMAT, DAMAGE), self.damage)
  double(format(STAT_FORMAT, DAMAGE_PER_SECOND), format("%.1f", self.dps))
  if self.offhandAttackSpeed then
    GameTooltip:AddLine("\n")
    weapon_lines(INVTYPE_WEAPONOFFHAND, self.offhandAttackSpeed, self.offhandDamage,
      self.offhandDps)
  end
  GameTooltip:Show()
end

function CharacterRangedDamageFrame_OnEnter(self)
  if not self.damage then
    return
  end
  GameTooltip:SetOwner(self, "ANCHOR_RIGHT")
  local c = HIGHLIGHT_FONT_COLOR
  GameTooltip:SetText(INVTYPE_RANGED, c.r, c.g, c.b)
  double(format(STAT_FORMAT, ATTACK_SPEED_SECONDS), format("%.2f", self.attackSpeed))
  double(format(STAT_FORMAT, DAMAGE), self.damage)
  double(format(STAT_FORMAT, DAMAGE_PER_SECOND), format("%.1f", self.dps))
  GameTooltip:Show()
end

function CharacterAttackFrame_OnEnter(self)
  GameTooltip:SetOwner(self, "ANCHOR_RIGHT")
  local c = HIGHLIGHT_FONT_COLOR
  GameTooltip:SetText(INVTYPE_WEAPONMAINHAND, c.r, c.g, c.b)
  GameTooltip:AddLine(self.weaponSkill)
  GameTooltip:AddLine(self.weaponRating)
  if self.offhandSkill then
    GameTooltip:AddLine("\n")
    GameTooltip:AddLine(INVTYPE_WEAPONOFFHAND, c.r, c.g, c.b)
    GameTooltip:AddLine(self.offhandSkill)
    GameTooltip:AddLine(self.offhandRating)
  end
  GameTooltip:Show()
end

local function school_lines(values, formatValue)
  local c = NORMAL_FONT_COLOR
  for school = SPELL_SCHOOLS_FROM, MAX_SPELL_SCHOOLS do
    GameTooltip:AddDoubleLine(_G["DAMAGE_SCHOOL" .. school], formatValue(values[school]),
      c.r, c.g, c.b, c.r, c.g, c.b)
    GameTooltip:AddTexture("Interface\\PaperDollInfoFrame\\SpellSchoolIcon" .. school)
  end
end

function CharacterSpellBonusDamage_OnEnter(self)
  GameTooltip:SetOwner(self, "ANCHOR_RIGHT")
  GameTooltip:SetText(white(heading(BONUS_DAMAGE) .. " " .. self.minModifier))
  school_lines(self.bonusDamage, function(value) return value end)
  -- a warlock's pet gains from the larger of shadow (6) and fire (3) damage
  local text, damage = PET_BONUS_TOOLTIP_WARLOCK_SPELLDMG_FIRE, self.bonusDamage[3]
  if self.bonusDamage[6] > self.bonusDamage[3] then
    text, damage = PET_BONUS_TOOLTIP_WARLOCK_SPELLDMG_SHADOW, self.bonusDamage[6]
  end
  local petAttack = ComputePetBonus("PET_BONUS_SPELLDMG_TO_AP", damage)
  local petDamage = ComputePetBonus("PET_BONUS_SPELLDMG_TO_SPELLDMG", damage)
  if petAttack > 0 or petDamage > 0 then
    GameTooltip:AddLine("\n" .. format(text, petAttack, petDamage), nil, nil, nil, 1)
  end
  GameTooltip:Show()
end

function CharacterSpellCritChance_OnEnter(self)
  GameTooltip:SetOwner(self, "ANCHOR_RIGHT")
  GameTooltip:SetText(white(heading(COMBAT_RATING_NAME11) .. " " .. GetCombatRating(11)))
  school_lines(self.spellCrit, function(value) return format("%.2f", value) .. "%" end)
  GameTooltip:Show()
end
