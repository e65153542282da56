"""Who filled the Send Mail tab: code writing into its fields, or the client keeping them.

The 3.3.5a client keeps what the Send Mail tab holds after ``MAIL_FAILED`` (the Send button
is enabled again, nothing is cleared), and closing the mailbox clears only the recipient,
subject and body (FrameXML's ``MailFrame`` ``OnHide``; the money stays). So fields that
still show a queued payout's winner and amount prove nothing about arming (SPEC §9:
``MAIL_FAILED`` and closing the mailbox disarm): only a write made since tells that the
addon filled them anew. :class:`FieldWrites` counts the writes code makes (``SetText``,
``Insert``, ``SetNumber`` on the recipient box and on FrameXML's money boxes); the
streamer's typing (the client's own input path) is not a write of code.
"""

from __future__ import annotations

from typing import Any

from wowapi_stubs import HeadlessClient

RECIPIENT = "SendMailNameEditBox"
MONEY_BOXES = ("SendMailMoneyGold", "SendMailMoneySilver", "SendMailMoneyCopper")
"""FrameXML's gold, silver and copper boxes of ``SendMailMoney`` (the built-in UI holds the
amount in ``SendMailMoney`` itself)."""
WRITES = ("SetText", "Insert", "SetNumber")


class FieldWrites:
    """Counts writes of code into the Send Mail tab's recipient and money boxes: each
    ``SetText``/``Insert``/``SetNumber`` call on them, same text included (an addon filling
    the tab anew with the payout it showed already)."""

    def __init__(self, client: HeadlessClient) -> None:
        self.count = 0
        names = (RECIPIENT, *MONEY_BOXES) if client.framexml is not None else (RECIPIENT,)
        for box in filter(None, map(client.lookup_named, names)):
            for method in WRITES:
                if callable(getattr(type(box), method, None)):
                    setattr(box, method, self._counted(getattr(box, method)))

    def _counted(self, write: Any) -> Any:  # noqa: ANN401 - a widget method
        """``write`` (a bound widget method taking one value), counted; the same signature,
        so the client's handling of extra arguments is unchanged."""
        def counted(value: Any = None) -> Any:  # noqa: ANN401 - what the method returns
            self.count += 1
            return write(value)
        return counted
