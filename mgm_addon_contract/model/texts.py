"""The exact in-game texts the SPEC fixes (SPEC §9)."""

WINNER_TEXT = ("Поздравляю, ты победил в розыгрыше! Дай мне своё согласие на получение награды"
               " - ответь на это сообщение одной фразой: !twgold")
"""SPEC §9 winner notification whisper body."""

SENT_TEXT = "Награда отправлена тебе на почту, проверяй ящик!"
"""SPEC §9 mail-completion whisper body."""

ACCEPT_REPLY = "!twgold"
GIFT_REPLY = "!twgift"
