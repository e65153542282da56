"""Console variables of the 3.3.5a client with their default values: every CVar Blizzard's
own FrameXML and Blizzard_* addons read or set (their option panels list most of them).

Values are the client's defaults as shipped (a fresh ``Config.wtf``); where the machine
decides (graphics detail) they are what the client picks for a mid-range PC of the time.
"""

from __future__ import annotations

_ON, _OFF = "1", "0"

_SOUND = {
    "Sound_EnableAllSound": _ON, "Sound_EnableSFX": _ON, "Sound_EnableMusic": _ON,
    "Sound_EnableAmbience": _ON, "Sound_EnableErrorSpeech": _ON, "Sound_EnableEmoteSounds": _ON,
    "Sound_EnablePetSounds": _ON, "Sound_EnableSoundWhenGameIsInBG": _OFF,
    "Sound_EnableReverb": _OFF, "Sound_EnableSoftwareHRTF": _OFF, "Sound_EnableHardware": _OFF,
    "Sound_EnableDSPEffects": _ON, "Sound_ZoneMusicNoDelay": _OFF, "Sound_MasterVolume": "1.0",
    "Sound_SFXVolume": "1.0", "Sound_MusicVolume": "0.4", "Sound_AmbienceVolume": "0.6",
    "Sound_NumChannels": "32", "Sound_OutputQuality": _ON, "Sound_OutputDriverIndex": _OFF,
    "Sound_VoiceChatInputDriverIndex": _OFF, "Sound_VoiceChatOutputDriverIndex": _OFF,
    "EnableVoiceChat": _OFF, "EnableMicrophone": _ON, "VoiceChatMode": _OFF,
    "VoiceChatSelfMute": _OFF, "VoiceActivationSensitivity": "0.4", "PushToTalkButton": "`",
    "PushToTalkSound": _ON, "InboundChatVolume": "1.0", "OutboundChatVolume": "1.0",
    "ChatSoundVolume": "0.4", "ChatMusicVolume": "0.3", "ChatAmbienceVolume": "0.3",
    "autojoinBGVoice": _OFF, "autojoinPartyVoice": _OFF, "useEnglishAudio": _OFF,
}

_GRAPHICS = {
    "gxWindow": _OFF, "gxMaximize": _OFF, "gxRefresh": "60", "gxVSync": _ON,
    "gxTripleBuffer": _OFF, "gxCursor": _ON, "gxFixLag": _ON, "gxStereoEnabled": _OFF,
    "gxStereoConvergence": _ON, "gxStereoSeparation": "25", "desktopGamma": _OFF,
    "BaseMip": _OFF, "componentTextureLevel": "8", "textureFilteringMode": _OFF,
    "projectedTextures": _OFF, "specular": _ON, "extShadowQuality": _OFF,
    "environmentDetail": "1.0", "farclip": "1000", "groundEffectDensity": "16",
    "groundEffectDist": "70", "particleDensity": "1.0", "weatherDensity": "2", "ffxGlow": _ON,
    "ffxDeath": _ON, "windowResizeLock": _OFF, "uiScale": "1", "useUiScale": _OFF,
    "movieSubtitle": _OFF, "MovieRecordingWidth": "1280", "MovieRecordingFramerate": "29.97",
    "MovieRecordingQuality": "10", "MovieRecordingCompression": "IYUV",
    "MovieRecordingSound": _ON, "MovieRecordingGUI": _ON, "MovieRecordingCursor": _ON,
    "MovieRecordingIcon": _ON, "MovieRecordingRecover": _ON, "MovieRecordingAutoCompress": _OFF,
    "iTunesRemoteFeedback": _OFF, "iTunesTrackDisplay": _ON,
}

_CONTROLS = {
    "autoSelfCast": _ON, "autoLootDefault": _OFF, "lootUnderMouse": _OFF, "autointeract": _OFF,
    "autoRangedCombat": _ON, "assistAttack": _OFF, "stopAutoAttackOnTargetChange": _OFF,
    "deselectOnClick": _ON, "autoClearAFK": _ON, "autoDismountFlying": _OFF,
    "blockTrades": _OFF, "secureAbilityToggle": _ON, "mouseSpeed": "1", "mouseInvertPitch": _OFF,
    "enableWoWMouse": _OFF, "cameraBobbing": _OFF, "cameraDistanceMaxFactor": "1",
    "cameraPitchMoveSpeed": "90", "cameraPitchSmoothSpeed": "45", "cameraPivot": _ON,
    "cameraSmoothStyle": _OFF, "cameraSmoothTrackingStyle": _OFF, "cameraTerrainTilt": _OFF,
    "cameraWaterCollision": _OFF, "cameraYawMoveSpeed": "180", "cameraYawSmoothSpeed": "180",
    "interactOnLeftClick": _ON,
}

_INTERFACE = {
    "scriptErrors": _OFF, "showNewbieTips": _ON, "showGameTips": _ON, "showTutorials": _ON,
    "UberTooltips": _ON, "alwaysCompareItems": _OFF, "showItemLevel": _OFF,
    "showLootSpam": _ON, "displayFreeBagSlots": _ON, "showKeyring": _ON,
    "showClock": _ON, "timeMgrUseLocalTime": _OFF, "timeMgrUseMilitaryTime": _OFF,
    "timeMgrAlarmEnabled": _OFF, "timeMgrAlarmTime": _OFF, "timeMgrAlarmMessage": "",
    "lockActionBars": _ON, "alwaysShowActionBars": _OFF,
    "buffDurations": _ON, "consolidateBuffs": _ON, "showCastableBuffs": _OFF,
    "showDispelDebuffs": _ON, "showCastableDebuffs": _OFF, "showTargetOfTarget": _OFF,
    "targetOfTargetMode": "5", "showTargetCastbar": _ON, "showVKeyCastbar": _ON,
    "showArenaEnemyFrames": _ON, "showArenaEnemyCastbar": _ON, "showArenaEnemyPets": _ON,
    "showPartyBackground": _OFF, "partyBackgroundOpacity": "0.5", "showPartyPets": _ON,
    "hidePartyInRaid": _OFF, "fullSizeFocusFrame": _OFF, "showRaidRange": _OFF,
    "playerStatusText": _OFF, "petStatusText": _OFF, "partyStatusText": _OFF,
    "targetStatusText": _OFF, "statusTextPercentage": _OFF, "xpBarText": _OFF,
    "predictedHealth": _OFF, "predictedPower": _ON, "screenEdgeFlash": _ON,
    "colorblindMode": _OFF, "threatWarning": "3", "threatShowNumeric": _OFF,
    "threatPlaySounds": _ON, "rotateMinimap": _OFF, "showBattlefieldMinimap": _ON,
    "displayWorldPVPObjectives": _ON, "miniWorldMap": _OFF, "advancedWorldMap": _OFF,
    "worldMapOpacity": _OFF, "questPOI": _ON, "questFadingDisable": _OFF,
    "autoQuestWatch": _ON, "autoQuestProgress": _ON, "mapQuestDifficulty": _ON,
    "watchFrameWidth": _OFF, "trackerFilter": "7", "trackerSorting": _OFF,
    "showTokenFrame": _OFF, "showTokenFrameHonor": _OFF, "equipmentManager": _OFF,
    "previewTalents": _OFF, "talentFrameShown": _OFF, "ShowAllSpellRanks": _ON,
    "auctionDisplayOnCharacter": _OFF, "enablePVPNotifyAFK": _ON,
    "playerStatLeftDropdown": "PLAYERSTAT_BASE_STATS",
    "playerStatRightDropdown": "PLAYERSTAT_MELEE_COMBAT",
    "calendarShowDarkmoon": _OFF, "calendarShowBattlegrounds": _OFF,
    "calendarShowWeeklyHolidays": _ON, "calendarShowLockouts": _ON, "calendarShowResets": _OFF,
    "addFriendInfoShown": _OFF, "pendingInviteInfoShown": _OFF, "lastTalkedToGM": "",
    "lfgDebug": _OFF,
}

_CHAT = {
    "chatStyle": "im", "conversationMode": "popout", "wholeChatWindowClickable": _ON,
    "chatMouseScroll": _OFF, "chatBubbles": _ON, "chatBubblesParty": _ON,
    "showTimestamps": "none", "removeChatDelay": _OFF, "profanityFilter": _ON,
    "spamFilter": _ON, "guildMemberNotify": _ON, "guildRecruitmentChannel": _ON,
    "showToastWindow": _ON, "showToastOnline": _ON, "showToastOffline": _ON,
    "showToastBroadcast": _ON, "showToastFriendRequest": _ON, "showToastConversation": _ON,
    "toastDuration": "5",
}

_NAMES_AND_COMBAT_TEXT = {
    "UnitNameOwn": _OFF, "UnitNameNPC": _OFF, "UnitNamePlayerGuild": _ON,
    "UnitNamePlayerPVPTitle": _ON, "UnitNameFriendlyPlayerName": _ON,
    "UnitNameFriendlyPetName": _OFF, "UnitNameFriendlyGuardianName": _OFF,
    "UnitNameFriendlyTotemName": _OFF, "UnitNameEnemyPlayerName": _ON,
    "UnitNameEnemyPetName": _ON, "UnitNameEnemyGuardianName": _OFF,
    "UnitNameEnemyTotemName": _OFF, "UnitNameNonCombatCreatureName": _OFF,
    "nameplateShowFriends": _OFF, "nameplateShowFriendlyPets": _OFF,
    "nameplateShowFriendlyGuardians": _OFF, "nameplateShowFriendlyTotems": _OFF,
    "nameplateShowEnemies": _OFF, "nameplateShowEnemyPets": _OFF,
    "nameplateShowEnemyGuardians": _OFF, "nameplateShowEnemyTotems": _OFF,
    "nameplateAllowOverlap": _ON, "ShowClassColorInNameplate": _OFF,
    "enableCombatText": _ON, "combatTextFloatMode": _ON, "CombatDamage": _ON,
    "CombatHealing": _ON, "CombatLogPeriodicSpells": _ON, "PetMeleeDamage": _ON,
    "PetSpellDamage": _ON, "fctCombatState": _OFF, "fctDodgeParryMiss": _OFF,
    "fctDamageReduction": _OFF, "fctRepChanges": _OFF, "fctReactives": _ON,
    "fctFriendlyHealers": _OFF, "fctComboPoints": _OFF, "fctLowManaHealth": _ON,
    "fctEnergyGains": _OFF, "fctPeriodicEnergyGains": _OFF, "fctHonorGains": _OFF,
    "fctAuras": _OFF, "fctSpellMechanics": _OFF, "fctSpellMechanicsOther": _OFF,
}

CLIENT_CVARS: dict[str, str] = {**_SOUND, **_GRAPHICS, **_CONTROLS, **_INTERFACE, **_CHAT,
                                **_NAMES_AND_COMBAT_TEXT}
"""CVar name -> the 3.3.5a client's default value."""
