"""The guild bank as the client knows it: its money, tabs and items, what the character may
take, the tab shown, and moving money and items in and out while its window is open.

The client learns the guild bank only at the vault: the world's guild bank
(``client.world.guild_bank``) is closed and empty until a test fills it and opens it with
:func:`open_guild_bank` (``GUILDBANKFRAME_OPENED``). Closed, the queries answer zeros and
nils and the actions do nothing. A tab holds 98 slots. Money moves fire ``PLAYER_MONEY`` and
``GUILDBANK_UPDATE_MONEY`` (and ``GUILDBANK_UPDATE_WITHDRAWMONEY`` for a withdrawal); item
moves fire ``GUILDBANKBAGSLOTS_CHANGED`` and ``BAG_UPDATE``. The logs are not modelled: the
client has received no transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from wowapi_stubs.api._windows import answer
from wowapi_stubs.api.container import BagSlot
from wowapi_stubs.api.hands import ERR_INV_FULL, GUILD_BANK_TAB_SLOTS, Hands
from wowapi_stubs.widgets.base import flag_result, usage_int, usage_number

if TYPE_CHECKING:
    from wowapi_stubs.host import Host

EVENTS = ("GUILDBANKFRAME_OPENED", "GUILDBANKFRAME_CLOSED", "GUILDBANKBAGSLOTS_CHANGED",
          "GUILDBANK_UPDATE_MONEY", "GUILDBANK_UPDATE_WITHDRAWMONEY", "PLAYER_MONEY",
          "GUILDBANKLOG_UPDATE", "GUILDBANK_UPDATE_TEXT")
MAX_TABS = 6
TAB_PRICES = (1_000_000, 2_500_000, 5_000_000, 10_000_000, 25_000_000, 50_000_000)  # copper
UNLIMITED = -1  # a withdrawal limit of the guild master
ERR_GUILD_NOT_ENOUGH_MONEY = "The guild bank does not have enough money"
ERR_GUILD_WITHDRAW_LIMIT = "You cannot withdraw that much from the guild bank."
ERR_NOT_ENOUGH_MONEY = "You don't have enough money."


@dataclass
class GuildBankTab:
    """One tab: its name and icon, the character's rights there, its info text."""

    name: str
    icon: str = "Interface\\Icons\\INV_Misc_QuestionMark"
    viewable: bool = True
    can_deposit: bool = True
    can_edit_text: bool = False
    withdrawals: int = 0  # items a day the character may take (-1: no limit)
    remaining: int = 0  # of them, left today
    text: str | None = None  # nil until the client has asked for it
    items: dict[int, BagSlot] = field(default_factory=dict)


@dataclass
class GuildBank:
    """What the client holds of the guild bank (nothing before it is first opened)."""

    is_open: bool = False
    money: int = 0
    withdraw_limit: int = 0  # copper the character may still take today (-1: no limit)
    can_withdraw_money: bool = False
    can_repair: bool = False
    tabs: list[GuildBankTab] = field(default_factory=list)
    current_tab: int = 1

    def tab(self, index: int) -> GuildBankTab | None:
        return self.tabs[index - 1] if 1 <= index <= len(self.tabs) else None


def open_guild_bank(client: Host) -> None:
    """The character opens the guild vault (``GUILDBANKFRAME_OPENED``)."""
    client.world.guild_bank.is_open = True
    client.fire_internal("GUILDBANKFRAME_OPENED")


def install(client: Host) -> dict[str, Callable[..., Any]]:
    world = client.world
    hands = Hands(client)

    def bank() -> GuildBank:
        return world.guild_bank

    def tab_of(value: Any, usage_text: str) -> GuildBankTab | None:
        return bank().tab(usage_int(value, usage_text))

    def place(tab: Any, slot: Any, usage_text: str) -> tuple[Any, ...]:
        return ("guildbank", usage_int(tab, usage_text),
                usage_int(slot, usage_text))

    def GetGuildBankTabInfo(tab: Any = None) -> tuple[Any, ...]:
        found = tab_of(tab, "GetGuildBankTabInfo(tab)")
        if found is None:
            return ()
        return (found.name, found.icon, flag_result(found.viewable),
                flag_result(found.can_deposit), found.withdrawals, found.remaining)

    def GetGuildBankTabPermissions(tab: Any = None) -> tuple[Any, ...]:
        found = tab_of(tab, "GetGuildBankTabPermissions(tab)")
        if found is None:
            return ()
        return (flag_result(found.viewable), flag_result(found.can_deposit),
                flag_result(found.can_edit_text), found.withdrawals)

    def GetGuildBankItemInfo(tab: Any = None, slot: Any = None) -> tuple[Any, ...]:
        where = place(tab, slot, "GetGuildBankItemInfo(tab, slot)")
        if not (1 <= where[1] <= MAX_TABS and 1 <= where[2] <= GUILD_BANK_TAB_SLOTS):
            return ()
        found = hands.at(where) if bank().tab(where[1]) else None
        if found is None:
            return None, 0, None  # texture, count, locked
        locked = getattr(world.cursor, "origin", None) == where
        return found[0].texture, found[1], flag_result(locked)

    def GetGuildBankItemLink(tab: Any = None, slot: Any = None) -> str | None:
        where = place(tab, slot, "GetGuildBankItemLink(tab, slot)")
        found = hands.at(where) if bank().tab(where[1]) else None
        return found[0].link if found else None

    def GetGuildBankText(tab: Any = None) -> str | None:
        found = tab_of(tab, "GetGuildBankText(tab)")
        return found.text if found else None

    def SetCurrentGuildBankTab(tab: Any = None) -> None:
        bank().current_tab = usage_int(tab, "SetCurrentGuildBankTab(tab)")

    def QueryGuildBankTab(tab: Any = None) -> None:
        """Ask the server for a tab's items: they arrive as ``GUILDBANKBAGSLOTS_CHANGED``."""
        found = tab_of(tab, "QueryGuildBankTab(tab)")
        if bank().is_open and found is not None and found.viewable:
            answer(client, "GUILDBANKBAGSLOTS_CHANGED")

    def QueryGuildBankLog(tab: Any = None) -> None:
        """Ask for a tab's log (tab 7: the money log): answered, empty, while open."""
        usage_number(tab, "QueryGuildBankLog(tab)")
        if bank().is_open:
            answer(client, "GUILDBANKLOG_UPDATE")

    def QueryGuildBankText(tab: Any = None) -> None:
        number = usage_int(tab, "QueryGuildBankText(tab)")
        if bank().is_open and bank().tab(number) is not None:
            answer(client, "GUILDBANK_UPDATE_TEXT", number)

    def GetGuildBankTabCost() -> int | None:
        """The price of the next tab; nil once every tab is bought."""
        bought = len(bank().tabs)
        return TAB_PRICES[bought] if bought < len(TAB_PRICES) else None

    def CloseGuildBankFrame() -> None:
        if bank().is_open:
            bank().is_open = False
            client.fire_internal("GUILDBANKFRAME_CLOSED")

    def DepositGuildBankMoney(copper: Any = None) -> None:
        amount = usage_int(copper, "DepositGuildBankMoney(money)")
        if not bank().is_open or amount <= 0:
            return
        if amount > client.money:
            client.ui_error(ERR_NOT_ENOUGH_MONEY)
            return
        client.money -= amount
        bank().money += amount
        client.fire_internal("PLAYER_MONEY")
        client.fire_internal("GUILDBANK_UPDATE_MONEY")

    def WithdrawGuildBankMoney(copper: Any = None) -> None:
        amount = usage_int(copper, "WithdrawGuildBankMoney(money)")
        vault = bank()
        if not vault.is_open or amount <= 0 or not vault.can_withdraw_money:
            return
        if amount > vault.money:
            client.ui_error(ERR_GUILD_NOT_ENOUGH_MONEY)
            return
        if vault.withdraw_limit != UNLIMITED and amount > vault.withdraw_limit:
            client.ui_error(ERR_GUILD_WITHDRAW_LIMIT)
            return
        vault.money -= amount
        if vault.withdraw_limit != UNLIMITED:
            vault.withdraw_limit -= amount
        client.money += amount
        client.fire_internal("PLAYER_MONEY")
        client.fire_internal("GUILDBANK_UPDATE_MONEY")
        client.fire_internal("GUILDBANK_UPDATE_WITHDRAWMONEY")

    def PickupGuildBankItem(tab: Any = None, slot: Any = None) -> None:
        where = place(tab, slot, "PickupGuildBankItem(tab, slot)")
        if bank().is_open:
            hands.click(where)

    def SplitGuildBankItem(tab: Any = None, slot: Any = None, amount: Any = None) -> None:
        text = "SplitGuildBankItem(tab, slot, amount)"
        where, count = place(tab, slot, text), usage_int(amount, text)
        if not bank().is_open or not hands.valid(where) or hands.held() is not None:
            return
        found = hands.at(where)
        if found is not None and 1 <= count <= found[1]:
            hands.pick_up(where, count)

    def AutoStoreGuildBankItem(tab: Any = None, slot: Any = None) -> None:
        """Take the item of a slot into the first free bag slot."""
        where = place(tab, slot, "AutoStoreGuildBankItem(tab, slot)")
        if not bank().is_open or not hands.valid(where) or hands.at(where) is None:
            return
        free = hands.free_bag_slot()
        if free is None:
            client.ui_error(ERR_INV_FULL)
            return
        refusal = hands.move(hands.holding(where), free)
        if refusal is not None:
            client.ui_error(refusal)

    return {
        "GetGuildBankMoney": lambda: bank().money,
        "GetGuildBankWithdrawMoney": lambda: bank().withdraw_limit,
        "GetGuildBankTabCost": GetGuildBankTabCost,
        "QueryGuildBankLog": QueryGuildBankLog,
        "QueryGuildBankText": QueryGuildBankText,
        # no log received: no item or money transaction to list
        "GetNumGuildBankTransactions": lambda *args: 0,
        "GetGuildBankTransaction": lambda *args: (),
        "GetNumGuildBankMoneyTransactions": lambda: 0,
        "GetGuildBankMoneyTransaction": lambda *args: (),
        "GetNumGuildBankTabs": lambda: len(bank().tabs),
        "GetGuildBankTabInfo": GetGuildBankTabInfo,
        "GetGuildBankTabPermissions": GetGuildBankTabPermissions,
        "GetGuildBankItemInfo": GetGuildBankItemInfo,
        "GetGuildBankItemLink": GetGuildBankItemLink,
        "GetGuildBankText": GetGuildBankText,
        "GetCurrentGuildBankTab": lambda: bank().current_tab,
        "SetCurrentGuildBankTab": SetCurrentGuildBankTab,
        "QueryGuildBankTab": QueryGuildBankTab,
        "CanWithdrawGuildBankMoney": lambda: flag_result(bank().can_withdraw_money),
        "CanGuildBankRepair": lambda: flag_result(bank().can_repair),
        # background, emblem and border textures (upper, lower): the guild has no tabard
        "GetGuildTabardFileNames": lambda: (),
        "CloseGuildBankFrame": CloseGuildBankFrame,
        "DepositGuildBankMoney": DepositGuildBankMoney,
        "WithdrawGuildBankMoney": WithdrawGuildBankMoney,
        "PickupGuildBankItem": PickupGuildBankItem,
        "SplitGuildBankItem": SplitGuildBankItem,
        "AutoStoreGuildBankItem": AutoStoreGuildBankItem,
    }
