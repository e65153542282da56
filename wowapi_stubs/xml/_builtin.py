"""Names of the font objects the 3.3.5a FrameXML defines (``Fonts.xml``, ``FontStyles.xml``;
149 names, facts). A font string inheriting one of them from the clean-room UI gets that
font object when one exists, and otherwise keeps its own font, without a finding: the
real client always has them."""

from __future__ import annotations

FRAMEXML_FONTS = frozenset(
    """
    AchievementCriteriaFont AchievementDateFont AchievementDescriptionFont
    AchievementFont_Small AchievementPointsFont AchievementPointsFontSmall
    BossEmoteNormalHuge ChatFontNormal ChatFontSmall CombatLogFont CombatTextFont
    DialogButtonHighlightText DialogButtonNormalText ErrorFont FocusFontSmall
    FriendsFont_Large FriendsFont_Normal FriendsFont_Small FriendsFont_UserText
    GameFontBlack GameFontBlackMedium GameFontBlackSmall GameFontBlackTiny
    GameFontDarkGraySmall GameFontDisable GameFontDisableLarge GameFontDisableLeft
    GameFontDisableSmall GameFontDisableSmallLeft GameFontGreen GameFontGreenLarge
    GameFontGreenSmall GameFontHighlight GameFontHighlightCenter GameFontHighlightExtraSmall
    GameFontHighlightExtraSmallLeft GameFontHighlightExtraSmallLeftTop
    GameFontHighlightLarge GameFontHighlightLeft GameFontHighlightMedium
    GameFontHighlightRight GameFontHighlightSmall GameFontHighlightSmallLeft
    GameFontHighlightSmallLeftTop GameFontHighlightSmallOutline GameFontHighlightSmallRight
    GameFontNormal GameFontNormalCenter GameFontNormalHuge GameFontNormalHugeBlack
    GameFontNormalLarge GameFontNormalLargeLeft GameFontNormalLargeLeftTop
    GameFontNormalLeft GameFontNormalLeftBottom GameFontNormalLeftGreen
    GameFontNormalLeftGrey GameFontNormalLeftLightGreen GameFontNormalLeftOrange
    GameFontNormalLeftRed GameFontNormalLeftYellow GameFontNormalMed3 GameFontNormalRight
    GameFontNormalSmall GameFontNormalSmallLeft GameFontRed GameFontRedLarge
    GameFontRedSmall GameFontWhite GameFontWhiteSmall GameFontWhiteTiny GameTooltipHeader
    GameTooltipHeaderText GameTooltipText GameTooltipTextSmall InvoiceFont_Med
    InvoiceFont_Small InvoiceTextFontNormal InvoiceTextFontSmall ItemTextFontNormal
    MailFont_Large MailTextFontNormal MovieSubtitleFont NumberFontNormal
    NumberFontNormalHuge NumberFontNormalLarge NumberFontNormalLargeRight
    NumberFontNormalLargeRightRed NumberFontNormalLargeRightYellow
    NumberFontNormalLargeYellow NumberFontNormalRight NumberFontNormalRightRed
    NumberFontNormalRightYellow NumberFontNormalSmall NumberFontNormalSmallGray
    NumberFontNormalYellow NumberFont_OutlineThick_Mono_Small NumberFont_Outline_Huge
    NumberFont_Outline_Large NumberFont_Outline_Med NumberFont_Shadow_Med
    NumberFont_Shadow_Small PVPInfoTextFont QuestDifficulty_Difficult QuestDifficulty_Header
    QuestDifficulty_Impossible QuestDifficulty_Standard QuestDifficulty_Trivial
    QuestDifficulty_VeryDifficult QuestFont QuestFontHighlight QuestFontLeft
    QuestFontNormalSmall QuestFont_Large QuestFont_Shadow_Huge QuestTitleFont
    QuestTitleFontBlackShadow ReputationDetailFont SpellFont_Small SubSpellFont
    SubZoneTextFont SystemFont_Huge1 SystemFont_InverseShadow_Small SystemFont_Large
    SystemFont_Med1 SystemFont_Med2 SystemFont_Med3 SystemFont_Outline
    SystemFont_OutlineThick_Huge2 SystemFont_OutlineThick_Huge4 SystemFont_OutlineThick_WTF
    SystemFont_Outline_Small SystemFont_Shadow_Huge1 SystemFont_Shadow_Huge3
    SystemFont_Shadow_Large SystemFont_Shadow_Med1 SystemFont_Shadow_Med2
    SystemFont_Shadow_Med3 SystemFont_Shadow_Outline_Huge2 SystemFont_Shadow_Small
    SystemFont_Small SystemFont_Tiny TextStatusBarText TextStatusBarTextLarge Tooltip_Med
    Tooltip_Small VehicleMenuBarStatusBarText WorldMapTextFont ZoneTextFont
""".split()  # noqa: SIM905
)
