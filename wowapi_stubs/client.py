"""``HeadlessClient``: a WoW 3.3.5a client without a screen, driven from Python.

It owns the Lua state, the simulated clock, the standard UI frames, chat (transcript and
``WoWChatLog.txt``), the world roster, mail and bags. Public actions (``type_line``,
``whisper_from``, ``fire``, ``advance``...) run what becomes due at the current simulated
time before returning; nothing waits on the wall clock.
"""

from __future__ import annotations

import functools
import itertools
import logging
import re
import shutil
import tempfile
import time
import weakref
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from wowapi_stubs import _chatinput, _loader, _reload, _world_actions, ui
from wowapi_stubs._bounded import BoundedLog, EventRun, event_size
from wowapi_stubs._catalog import AddonCatalog
from wowapi_stubs._chunks import C_FUNCTION_CHUNKS, c_function_names, chunk_global
from wowapi_stubs._host_data import HostData
from wowapi_stubs.api import LazyApi
from wowapi_stubs.api.chat import SentWhisper, server_name
from wowapi_stubs.api.chatconfig import ChatSettings
from wowapi_stubs.api.container import Bags, Item
from wowapi_stubs.api.mail import DeliveredMail, MailService
from wowapi_stubs.api.who import Roster, WhoEntry, WhoService
from wowapi_stubs.chatlog import ChatLogWriter
from wowapi_stubs.clock import SimulatedClock
from wowapi_stubs.errors import (
    Finding,
    HeadlessClientError,
    LuaErrorRecord,
    WowApiError,
    split_location,
)
from wowapi_stubs.report import LoadReport
from wowapi_stubs.runtime import (
    LUA_TABLE,
    LuaRuntime,
    lua_type_name,
    lupa_memory_error,
    to_text,
)
from wowapi_stubs.settings import ClientSettings
from wowapi_stubs.surface import load_surface
from wowapi_stubs.toc import TocFile
from wowapi_stubs.ui import framexml
from wowapi_stubs.widgets import Button, Frame, Region, method_tables
from wowapi_stubs.widgets.base import NUMBER_TYPES, TEXT_TYPES, ScriptObject, lua_text, resolve_name
from wowapi_stubs.widgets.frame import STRATA
from wowapi_stubs.world import Aura, Unit, World
from wowapi_stubs.xml.templates import apply_named_templates

_log = logging.getLogger(__name__)
# The clock a frame's OnUpdate work is measured with (see ClientSettings.slow_frame_seconds).
cpu_time = time.process_time

# Events the client itself fires (see wowapi_stubs.coverage).
EVENTS = ("PLAYER_LEAVING_WORLD", "PLAYER_LOGOUT", "CHAT_MSG_WHISPER",
          "CHAT_MSG_WHISPER_INFORM", "CHAT_MSG_SYSTEM", "MAIL_SHOW", "MAIL_CLOSED",
          "PLAYER_REGEN_DISABLED", "PLAYER_REGEN_ENABLED", "UI_ERROR_MESSAGE",
          "ADDON_ACTION_FORBIDDEN")

# What a fresh client's Lua state holds before any addon loads (measured, rounded up).
STARTUP_MEMORY = 320 * 1024


class _WidgetNames(dict[str, Any]):
    """Widgets by global name. Looked up with ``[]``, a built-in UI object not made yet
    (see :mod:`wowapi_stubs.ui`) is made now; ``get`` and ``in`` see only those made."""

    def __init__(self, client: Any) -> None:
        super().__init__()
        self._client = client

    def __missing__(self, name: str) -> Any:
        found = self._client.lookup_named(name) if isinstance(name, str) else None
        if found is None:
            raise KeyError(name)
        return found


@dataclass(frozen=True)
class ChatLine:
    """A line shown in the default chat frame (``kind``: addon, system, whisper-in,
    whisper-out, chat-out)."""

    time: datetime
    text: str
    kind: str


SETTLE_LIMIT = 256
"""Callbacks run at one simulated instant before the rest wait for the next frame."""


class HeadlessClient:
    """A headless WoW 3.3.5a client; see ``docs/headless-client.md``."""

    def __init__(self, settings: ClientSettings | None = None, *,
                 host_api: Mapping[str, Callable[..., Any]] | None = None) -> None:
        """``host_api``: extra host functions by global name (``"os.exit"`` makes a table
        member), installed like the client's API functions, for a harness that runs an
        addon's own test suite inside the client; they override API functions of the same
        name."""
        self.settings = settings or ClientSettings()
        # Everything the client owns refers back to it weakly, so a client nobody holds is
        # freed at once (with its Lua state) instead of waiting for the cycle collector.
        me = weakref.proxy(self)
        self._me = me
        self.clock = SimulatedClock(self.settings.start_time, self.settings.uptime_at_start)
        self._own_dir = self.settings.wow_dir is None
        self._closed = False
        self.wow_dir = Path(self.settings.wow_dir or tempfile.mkdtemp(prefix="headless-wow-"))
        self.chatlog = ChatLogWriter(self.wow_dir / "Logs" / "WoWChatLog.txt",
                                     self.settings.chatlog_flush)
        self.chatlog.enabled = self.settings.chat_logging
        # What Python keeps on behalf of Lua is bounded (newest kept, drops counted).
        log = functools.partial(BoundedLog, max_items=self.settings.log_max_items,
                                max_bytes=self.settings.log_max_bytes,
                                on_first_drop=functools.partial(HeadlessClient._log_full, me))
        self.chat: list[ChatLine] = log("chat transcript")
        self.ui_errors: list[str] = log("UI errors")
        self.whispers_sent: list[SentWhisper] = log("whispers sent")
        self.errors: list[LuaErrorRecord] = log("Lua errors")
        self.findings: list[Finding] = log("findings")
        self.sounds: list[str] = log("sounds played")
        # SendAddonMessage calls: (prefix, text, chat type, target).
        self.addon_messages: list[tuple[str, str, str, str | None]] = log("addon messages")
        self.events_fired: BoundedLog = log("events fired")
        self.addons = AddonCatalog()  # every installed addon, in the client's list order
        self.saved_variables: dict[str, Any] = {}  # given at login, for on-demand loads too
        self.load_reports: list[LoadReport] = []
        self.money = self.settings.money
        self.in_combat = False
        self.logged_in = False
        self._deferral_reported = False
        self._slow_frames_reported = False
        self.roster = Roster()
        self.who = WhoService(me)
        self.mail = MailService(me)
        self.bags = Bags(self.settings.bag_slots)
        self.world = World(self.settings, self.roster, self.bags)
        self.chat_settings = ChatSettings()
        # Widget ids, in creation order; never reused, so a torn-down UI's ids stay dead.
        self.widget_ids = itertools.count(1)
        self._line_id = 0
        self.reloads = _reload.Reloads()  # ReloadUI requests; reloads done (``count``)
        # Blizzard's own UI from the user's Interface folder, instead of the built-in one.
        self.framexml = (framexml.locate_interface(self.settings.framexml_dir)
                         if self.settings.framexml_dir is not None else None)
        self._api = LazyApi(me, host_api)
        self._start_ui()

    def _start_ui(self) -> None:
        """The UI's part of the client, made new at start and by :meth:`reload_ui`: a fresh
        Lua state, no widget, no event registration, no addon loaded, then the standard UI
        (FrameXML or the built-in one, as the client was configured)."""
        me = self._me
        self.loaded_addons: dict[str, TocFile] = {}
        self.loading_reports: dict[str, LoadReport] | None = None  # during a login load
        self.current_report: LoadReport | None = None  # the addon whose files run now
        self.xml_templates: Any = None  # the XML loader's virtual templates (on first use)
        self.widgets: dict[int, Any] = {}
        # Attributes, event registrations, bindings: bounded (see wowapi_stubs._host_data).
        self.host_data = HostData(self.settings.host_data_max_bytes,
                                  functools.partial(HeadlessClient._host_data_full, me))
        # Widgets by the Python object of their Lua table (``widget.lua``): the host passing
        # a widget's own table back (templates, font objects) finds it without asking Lua.
        self._widgets_by_table: dict[Any, Any] = {}
        self.named: dict[str, Any] = _WidgetNames(me)
        self.focus_id: int | None = None  # the edit box with keyboard focus
        self.mouse_button: str | None = None  # the button of the click being handled
        # Ordered sets (dicts): adding and removing one of 100,000 frames costs the same
        # as one of ten. The Lua side holds each event's delivery order.
        self._event_frames: dict[str, dict[Frame, None]] = {}
        self._update_frames: dict[Frame, None] = {}
        self._animations: dict[Any, None] = {}  # playing animation groups
        self.templates = dict(ui.BUILTIN_TEMPLATES)  # by lower-case name; XML adds its own
        # Built-in UI objects made when first read (see wowapi_stubs.ui).
        self.lazy_names: dict[str, Callable[[], Any]] = {}
        self.loaded_chunks: set[str] = set()
        self.framexml_report: LoadReport | None = None
        method_names, widget_kinds = method_tables()
        cap = self.settings.memory_limit_bytes
        if cap and cap < STARTUP_MEMORY:  # lupa would abort the process while opening Lua
            raise _cap_too_small(cap)
        try:
            self.runtime = LuaRuntime(
                api=self._api,
                widgets=self.widgets,
                method_names=method_names,
                widget_kinds=widget_kinds,
                resolve_global=functools.partial(HeadlessClient._resolve_global, me),
                lazy_c_names=c_function_names(),
                on_error=functools.partial(HeadlessClient._record_error, me),
                cpu_limit_seconds=self.settings.cpu_limit_seconds,
                memory_limit_bytes=self.settings.memory_limit_bytes,
                max_source_bytes=self.settings.max_file_bytes,
            )
            if self.framexml is not None:
                self.framexml_report = framexml.load_framexml(self, self.framexml)
            else:
                ui.create_standard_frames(self)
        except lupa_memory_error():
            raise _cap_too_small(cap) from None
        self.runtime.reset_counts()  # the standard UI's own calls are not the addon's

    # == public: addons ======================================================================
    def load_addon(self, folder_or_toc: Path | str,
                   saved_variables: dict[str, Any] | None = None) -> LoadReport:
        """Load an addon folder (by its ``.toc``) the way the client does at login."""
        return self.load_addons([folder_or_toc], saved_variables)[0]

    def load_addons(self, paths: list[Path | str] | tuple[Path | str, ...],
                    saved_variables: dict[str, Any] | None = None) -> list[LoadReport]:
        """Install addon folders (or folders of addon folders, e.g. ``Interface/AddOns``)
        and load them in the client's order, dependencies first, then log in; one report
        per addon (those not loaded say why). ``saved_variables``: global name -> value."""
        reports = _loader.load_addons(self, [Path(p) for p in paths], saved_variables or {})
        self._settle()
        return reports

    def logout(self) -> dict[str, Any]:
        """Log out: ``PLAYER_LOGOUT``, then the SavedVariables of every addon; flushes the log."""
        saved = self._leave_world()
        self.chatlog.flush()
        return saved

    def reload_ui(self) -> list[LoadReport]:
        """``/reload`` at once: the UI (every addon's Lua state, frames, event registrations)
        is torn down and loaded again while the character stays in the world; one report
        per installed addon, as :meth:`load_addons` gives (see :mod:`wowapi_stubs._reload`).
        Raises :class:`HeadlessClientError` when the character is not in the world or when
        called while Lua code runs (``ReloadUI()`` from Lua waits for the entry to end)."""
        return _reload.reload_now(self)

    def request_reload_ui(self) -> None:
        """``ReloadUI()``: reload once the running Lua entry has returned (see
        :mod:`wowapi_stubs._reload`)."""
        _reload.request(self)

    def _leave_world(self) -> dict[str, Any]:
        """What logging out and reloading the UI share: ``PLAYER_LEAVING_WORLD``,
        ``PLAYER_LOGOUT``, then the SavedVariables of every loaded addon by global name."""
        self.fire_internal("PLAYER_LEAVING_WORLD")
        self.fire_internal("PLAYER_LOGOUT")
        saved: dict[str, Any] = {}
        for toc in self.loaded_addons.values():
            for name in toc.saved_variables():
                table_keys: list[int] = []
                unsaved: list[Any] = []
                try:
                    saved[name] = self.runtime.plain_value(
                        self.runtime.rawglobal(name), table_keys=table_keys, unsaved=unsaved)
                except WowApiError as exc:  # the host could not read it (no memory left)
                    self.add_finding(
                        "saved-variable-unread", f"{name}: not saved ({exc.message}); the "
                        "other saved variables are", addon=toc.addon_name)
                    continue
                if unsaved:
                    self.add_finding(
                        "saved-variable-unsaved-values", f"{name}: {len(unsaved):,} entries "
                        "hold a function, userdata or coroutine (as value or key); the client "
                        "does not save them, so they are not in what logout returns",
                        addon=toc.addon_name, entries=len(unsaved))
                if table_keys:
                    self.add_finding(
                        "saved-variable-table-keys", f"{name}: {len(table_keys):,} entries "
                        "have a table as their key; a saved variable keeps string, number and "
                        "boolean keys, so they are not in what logout returns",
                        addon=toc.addon_name, entries=len(table_keys))
        self.logged_in = False
        return saved

    def close(self) -> None:
        """Flush the chat log and remove the temporary WoW folder if the client made one;
        a FrameXML client's memory is released soon after (``framexml.client_closed``)."""
        self.chatlog.flush()
        if self._own_dir:
            shutil.rmtree(self.wow_dir, ignore_errors=True)
        if self.framexml is not None and not self._closed:
            framexml.client_closed()
        self._closed = True

    def __enter__(self) -> HeadlessClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # == public: time and events =============================================================
    @property
    def now(self) -> datetime:
        """Simulated wall-clock time (aware, UTC)."""
        return self.clock.now

    @property
    def uptime(self) -> float:
        """``GetTime()``."""
        return self.clock.uptime

    def advance(self, seconds: float) -> None:
        """Let ``seconds`` of simulated time pass (OnUpdate for visible frames, timers, replies)."""
        if seconds < 0:
            raise ValueError("time only moves forward")
        target = self.clock.elapsed + seconds
        self._settle()
        frame_length = self.settings.frame_interval
        while self.clock.elapsed < target - 1e-9:
            updating = [f for f in self._update_frames if f.is_visible()]
            animating = [g for g in self._animations if g.is_visible()]
            if updating or animating:
                step = min(frame_length, target - self.clock.elapsed)
                self.clock.move_to(self.clock.elapsed + step)
                self._settle()
                started = cpu_time()
                for frame in updating:
                    if "OnUpdate" in frame.scripts and frame.is_visible():
                        self._run_script(frame, "OnUpdate", step)
                for group in animating:
                    group.tick(step)
                frame_length = self._next_frame_length(cpu_time() - started,
                                                       len(updating))
            else:
                due = self.clock.next_due()
                self.clock.move_to(target if due is None else min(due, target))
            self._settle()

    def _next_frame_length(self, busy: float, updating: int) -> float:
        """How long the next frame lasts after one whose work took ``busy`` CPU seconds:
        ``frame_interval``, or as long as the work took when that passes the setting
        ``slow_frame_seconds`` (the client's frame rate drops under heavy ``OnUpdate`` work)."""
        interval, limit = self.settings.frame_interval, self.settings.slow_frame_seconds
        if limit is None or busy <= limit or busy <= interval:
            return interval
        if not self._slow_frames_reported:
            self._slow_frames_reported = True
            self.add_finding(
                "slow-frames", f"one frame's OnUpdate work ({updating:,} frames) took "
                f"{busy:.2f} s of CPU time: the client's frame rate drops, and simulated time "
                "moves on by what each slow frame takes (setting slow_frame_seconds)",
                seconds=round(busy, 3), frames=updating)
        return busy

    def settle(self) -> None:
        """Run everything due at the current simulated time."""
        self._settle()

    def fire(self, event: str, *args: Any) -> None:
        """Deliver ``event`` to every frame registered for it, as the client would."""
        if event in ui.MAIL_EVENTS:
            ui.make_mail_ui(self)
        self.events_fired.append_sized((event, args), event_size(event, args))
        if event in self._event_frames:
            self.runtime.dispatch(event, args)
        if self.clock.pending:
            self._settle()

    # == public: chat ========================================================================
    def type_line(self, text: str) -> None:
        """Type ``text`` into the chat edit box and press Enter (255-character limit)."""
        _chatinput.type_line(self, text)
        self._settle()

    def whisper_from(self, sender: str, text: str, *, language: str = "Common") -> None:
        """Another player whispers the character: shown, logged, ``CHAT_MSG_WHISPER`` fired.
        The sender arrives as the server spells names (:func:`server_name`: ``вася`` ->
        ``Вася``)."""
        sender = server_name(sender)
        args = self._whisper_args(text, sender, language)
        if self.framexml is None and self.show_chat_event(  # FrameXML's shows it from the event
                "CHAT_MSG_WHISPER", args, "[{1}] whispers: {0}", "whisper-in"):
            # The built-in chat frame, as FrameXML's, makes the sender the reply target.
            self.call_ui_global("ChatFrame1:OnEvent(CHAT_MSG_WHISPER)",
                                "ChatEdit_SetLastTellTarget", sender)
        self.fire_internal("CHAT_MSG_WHISPER", *args)
        self._settle()

    def whisper_echo(self, text: str, target: str) -> None:
        """The server's echo of a whisper the character sent to an online player: shown
        (``To [Name]: text``), logged and fired as ``CHAT_MSG_WHISPER_INFORM``, when it
        arrives (later than the call that sent it, as every server answer)."""
        args = self._whisper_args(text, target, "Common")

        def arrive() -> None:
            if self.framexml is None:  # FrameXML shows it from CHAT_MSG_WHISPER_INFORM
                self.show_chat_event("CHAT_MSG_WHISPER_INFORM", args, "To [{1}]: {0}",
                                     "whisper-out")
            self.fire_internal("CHAT_MSG_WHISPER_INFORM", *args)

        self.clock.call_later(0.0, arrive)

    def call_ui_global(self, handler: str, name: str, *args: Any) -> None:
        """What the built-in UI's ``handler`` does: call global ``name`` (read when called, so
        an addon's hook or replacement runs, as with FrameXML's own calls) as one entry into
        Lua; its errors name ``handler``."""
        self.runtime.safecall(handler, self.runtime.rawglobal(name), *args)

    def _whisper_args(self, text: str, other: str, language: str) -> tuple[Any, ...]:
        """A whisper event's 12 arguments (in or out): text, the other player, language,
        this character, a new line id and the other player's GUID."""
        self._line_id += 1
        return (text, other, language, "", self.settings.character_name, "", 0, 0, "", 0,
                self._line_id, f"0x0{zlib.crc32(other.encode()) % 10**15:015d}")

    def chat_texts(self) -> list[str]:
        """Text of every line shown in the default chat frame, in order."""
        return [line.text for line in self.chat]

    @property
    def chatlog_path(self) -> Path:
        return self.chatlog.path

    @property
    def chat_logging(self) -> bool:
        return self.chatlog.enabled

    def set_chat_logging(self, enabled: bool) -> None:
        """``/chatlog``: turn writing ``WoWChatLog.txt`` on or off."""
        if self.chatlog.enabled and not enabled:
            self.chatlog.flush()
        self.chatlog.enabled = enabled

    # == public: world, mail, bags, combat ===================================================
    def set_world_roster(self, entries: list[WhoEntry]) -> None:
        """Who is online (``/who`` answers, whisper targets, mail recipients)."""
        self.roster.set_online(entries)

    def add_character(self, name: str) -> None:
        """A character that exists (can receive mail) without being online."""
        self.roster.known.add(name.lower())

    def open_mailbox(self) -> None:
        """Open a mailbox: ``MailFrame`` shows and ``MAIL_SHOW`` fires. With FrameXML,
        FrameXML shows it (on its inbox) and the streamer then clicks the Send Mail tab."""
        if not self.mail.open:
            self.mail.open = True
            if self.framexml is None:
                self.named["MailFrame"].Show()
            self.fire_internal("MAIL_SHOW")
            if self.framexml is not None and self.named["MailFrame"].is_visible():
                self._settle()
                self.find_frame("MailFrameTab2").click()
        self._settle()

    def close_mailbox(self) -> None:
        """Walk away from the mailbox: ``MailFrame`` hides and ``MAIL_CLOSED`` fires
        (FrameXML, when loaded, hides its frame itself)."""
        if self.mail.open:
            self.mail.open = False
            if self.framexml is None:
                self.named["MailFrame"].Hide()
            self.fire_internal("MAIL_CLOSED")
        self._settle()

    def click_send_mail(self, *, confirm: bool = True) -> bool:
        """Click the Send Mail tab's Send button as the streamer does: money makes the
        client ask first (the ``SEND_MONEY`` popup), which ``confirm`` accepts (else it
        stays open). False when the button ignored the click (disabled while a mail is in
        flight, or no recipient or subject)."""
        if not self.find_frame("SendMailMailButton").click():
            return False
        if confirm:
            self.click_popup("SEND_MONEY", 1)
        return True

    def popup(self, which: str) -> str | None:
        """The name of the shown static popup ``which`` (``StaticPopup1``...), if any."""
        for index in range(1, ui.STATIC_POPUPS + 1):
            name = f"StaticPopup{index}"
            frame = self.named.get(name)
            if frame is not None and frame.is_visible() and self._popup_which(name) == which:
                return name
        return None

    def click_popup(self, which: str, button: int = 1) -> bool:
        """Click button 1 (accept) or 2 (cancel) of the shown popup ``which``."""
        name = self.popup(which)
        return name is not None and self.named[f"{name}Button{button}"].click()

    def _popup_which(self, name: str) -> str | None:
        value = self.named[name].lua[b"which"]
        return value.decode("utf-8", "surrogateescape") if isinstance(value, bytes) else None

    def send_mail_manual(self, recipient: str, copper: int, subject: str = "Mail",
                         body: str = "") -> bool:
        """The streamer fills the Send Mail tab by hand, clicks Send and confirms the money
        (the client's Send button needs a recipient and a subject)."""
        self.named["SendMailNameEditBox"].set_text(recipient)
        self.named["SendMailSubjectEditBox"].set_text(subject)
        self.named["SendMailBodyEditBox"].set_text(body)
        if self.framexml is not None:  # typed into FrameXML's gold, silver, copper boxes
            for box, amount in (("Gold", copper // 10000), ("Silver", copper // 100 % 100),
                                ("Copper", copper % 100)):
                self.named[f"SendMailMoney{box}"].set_text(str(amount) if amount else "")
            self._settle()
        else:
            self.named["SendMailMoney"].copper = copper
        return self.click_send_mail()

    def send_mail_fields(self) -> tuple[str, int]:
        """What the Send Mail tab shows: the recipient typed and the copper of the money
        input (FrameXML's gold, silver and copper boxes, as ``MoneyInputFrame_GetCopper``
        reads them, or the built-in UI's money input)."""
        named = self.named
        recipient = str(named["SendMailNameEditBox"].text or "")
        if self.framexml is None:
            return recipient, int(getattr(named["SendMailMoney"], "copper", 0))
        copper = 0
        for box, worth in (("Gold", 10000), ("Silver", 100), ("Copper", 1)):
            digits = str(named[f"SendMailMoney{box}"].text or "").strip()
            copper += int(digits) * worth if digits.isdigit() else 0
        return recipient, copper

    def fail_next_mail(self, reason: str = "Cannot find player") -> None:
        """The next ``SendMail`` fails with ``reason`` (``MAIL_FAILED`` + UI error)."""
        self.mail.fail_next(reason)

    @property
    def mail_ledger(self) -> list[DeliveredMail]:
        return self.mail.ledger

    def set_money(self, copper: int) -> None:
        self.money = copper

    def set_bag_item(self, bag: int, slot: int, item_id: int, name: str, count: int = 1,
                     quality: int = 1,
                     texture: str = "Interface\\Icons\\INV_Misc_QuestionMark") -> None:
        """Put ``count`` of an item in a bag slot (bags 0-4, slots from 1)."""
        self.bags.put(bag, slot, Item(item_id, name, quality, texture), count)

    def clear_bag_slot(self, bag: int, slot: int) -> None:
        self.bags.contents.pop((bag, slot), None)

    def set_target(self, who: str | Unit | None) -> None:
        """Target a character (a roster name), a unit id, a :class:`Unit`, or nothing."""
        _world_actions.set_target(self, who)
        self._settle()

    def set_focus(self, who: str | Unit | None) -> None:
        _world_actions.set_focus(self, who)
        self._settle()

    def set_party(self, members: list[str | Unit], *, leader: str | None = None) -> None:
        """The party (up to 4 others; names from the roster, or units); empty: no party."""
        _world_actions.set_group(self, members, raid=False, leader=leader)
        self._settle()

    def set_raid(self, members: list[str | Unit], *, leader: str | None = None) -> None:
        """A raid of the character and up to 39 others (the first four are its party)."""
        _world_actions.set_group(self, members, raid=True, leader=leader)
        self._settle()

    def set_auras(self, unit: str, auras: list[Aura]) -> None:
        """A unit's buffs and debuffs (``UNIT_AURA`` fires)."""
        _world_actions.set_auras(self, unit, auras)
        self._settle()

    def set_health(self, unit: str, health: int) -> None:
        _world_actions.set_health(self, unit, health)
        self._settle()

    def set_zone(self, name: str, subzone: str = "", **details: Any) -> None:
        """Move to a zone (``ZONE_CHANGED_NEW_AREA``) or a subzone (``ZONE_CHANGED``);
        ``details``: :class:`~wowapi_stubs.world.Zone` fields (``instance_type``...)."""
        _world_actions.set_zone(self, name, subzone, **details)
        self._settle()

    def combat_log(self, event: str, source: str | Unit | None, dest: str | Unit | None,
                   *payload: Any) -> None:
        """One combat-log entry (``COMBAT_LOG_EVENT_UNFILTERED`` with 3.3.5a arguments)."""
        _world_actions.combat_log(self, event, _world_actions.as_unit(self, source),
                                  _world_actions.as_unit(self, dest), *payload)
        self._settle()

    def enter_combat(self) -> None:
        if not self.in_combat:
            self.in_combat = True
            self.fire_internal("PLAYER_REGEN_DISABLED")
        self._settle()

    def leave_combat(self) -> None:
        if self.in_combat:
            self.in_combat = False
            self.fire_internal("PLAYER_REGEN_ENABLED")
        self._settle()

    # == public: inspection and test hooks ===================================================
    def find_frame(self, name: str | None = None, *, text: str | None = None,
                   visible_only: bool = False) -> Any:
        """A widget by global name or by the text it shows (e.g. ``text="Prepare Mail"``)."""
        if name is not None:
            widget = self.lookup_named(name)
            if widget is None:
                raise LookupError(f"no frame named {name!r}")
            return widget
        if text is None:
            raise ValueError("give a frame name or a text")
        matches = [w for w in self.widgets.values()
                   if w.text == text and (w.is_visible() or not visible_only)
                   and type(w).__name__ != "FontString"]
        # What a person sees on top: among visible matches, the highest strata first.
        visible = sorted((w for w in matches if w.is_visible()),
                         key=lambda w: -STRATA.index(getattr(w, "strata", "MEDIUM")))
        found = visible or matches
        if not found:
            raise LookupError(f"no frame shows the text {text!r}")
        return found[0]

    def frames_with_text(self, text: str) -> list[Region]:
        """Every widget (not font string) showing ``text``."""
        return [w for w in self.widgets.values() if w.text == text
                and type(w).__name__ != "FontString"]

    def call_global(self, name: str, *args: Any) -> tuple[Any, ...]:
        """Call a Lua global function as insecure code (errors go to the error handler)."""
        fn = self.runtime.rawglobal(name)
        if not self.runtime.is_function(fn):
            raise LookupError(f"Lua global {name!r} is not a function")
        ok, results = self.runtime.safecall(name, fn, *args)
        self._settle()
        return tuple(self.runtime.plain_value(r) for r in results) if ok else ()

    def eval_lua(self, code: str) -> Any:
        """Run Lua source as typed ``/run`` code would; returns its results as Python values."""
        fn, error = self.runtime.compile(code.encode(), "=(eval)")
        if fn is None:
            self._record_error(error or "syntax error", "", "eval_lua")
            self._settle()
            return None
        ok, results = self.runtime.safecall("eval_lua", fn)
        self._settle()
        values = tuple(self.runtime.plain_value(r) for r in results) if ok else ()
        return values[0] if len(values) == 1 else (values or None)

    def global_value(self, name: str) -> Any:
        """A Lua global as a Python value (tables become dicts/lists)."""
        return self.runtime.plain_value(self.runtime.rawglobal(name))

    def memory_used(self) -> int:
        return self.runtime.memory_used()

    # == internal: used by API modules and widgets ===========================================
    def _create_region(self, cls: type, name: Any, parent: Any,
                       template: str | None = None) -> Any:
        if len(self.widgets) >= self.settings.max_widgets:
            raise WowApiError(f"not enough memory: the client holds {len(self.widgets):,} "
                              "widgets (setting max_widgets)")
        # A name is a string or a number (its text); any other value names nothing, as the
        # client's C code reads only a string there (``CreateFrame("Frame", false)``).
        text_name = lua_text(name) if isinstance(name, TEXT_TYPES + NUMBER_TYPES) \
            and not isinstance(name, bool) else None
        if text_name and parent is not None and "$" in text_name:
            text_name = resolve_name(text_name, parent)
        widget = cls(self._me, text_name or None, parent)
        self.widgets[widget.id] = widget
        if widget.name:
            self.named[widget.name] = widget
        if template:
            self.apply_templates(widget, template)
        return widget

    def _new_lua_table(self, widget: Any) -> Any:
        """The Lua table of ``widget`` (a named one's name becomes a global), made now."""
        table = self.runtime.new_widget(widget.KIND, widget.id, widget.name)
        self._widgets_by_table[table] = widget
        return table

    def lookup_named(self, name: str) -> Any:
        """The widget a global name holds in the built-in UI or from ``CreateFrame`` (made
        now if it is a built-in one not made yet), or ``None``."""
        if self.framexml is not None:
            return self.named.get(name)
        return ui.materialize(self, name)

    def _resolve_global(self, key: bytes) -> Any:
        """A global Lua found unset: a built-in UI object (made now), ``True`` for a known
        3.3.5a function the client does not implement, else ``None``."""
        try:
            name = key.decode("utf-8", "surrogateescape")
            value = chunk_global(self, C_FUNCTION_CHUNKS, name)
            if value is not None:
                return value
            if self.framexml is not None:  # FrameXML defines its own functions and frames
                return True if _known_c_functions()(key) else None
            value = ui.resolve(self, name)
            if value is not None:
                return value
            return True if _known_functions()(key) else None
        except lupa_memory_error():  # the state is at its cap: the global stays unset
            self.runtime._refuse(f"{key.decode('utf-8', 'surrogateescape')} not made")
            return None
        except Exception as exc:  # noqa: BLE001 - Lua may be outside protected code here
            message = f"internal error in the headless client resolving {key!r}: {exc!r}"
            _log.error(message, exc_info=exc)
            runtime = getattr(self, "runtime", None)
            if runtime is not None:
                runtime.internal_errors.append(message)
            return None

    def apply_templates(self, widget: Any, templates: str) -> None:
        """Apply a comma-separated list of templates (XML virtual frames, else the built-in
        UI's), as ``CreateFrame``'s fourth argument does."""
        apply_named_templates(self, widget, templates)

    def _widget_from_lua(self, value: Any) -> Any:
        """The widget a Lua value is (its table, or a table holding its ``[0]``); the
        client's own code may pass the widget itself (its table need not exist)."""
        if value.__class__ is LUA_TABLE:
            widget = self._widgets_by_table.get(value)
            if widget is not None:
                return widget
        elif isinstance(value, ScriptObject):
            return value
        widget_id = self.runtime.widget_id(value) if value is not None else None
        return self.widgets.get(widget_id) if widget_id is not None else None

    def _register_event(self, frame: Frame, event: str) -> None:
        self._event_frames.setdefault(event, {})[frame] = None
        front = self.settings.event_order == "reverse"
        self.runtime.fn.register_event(frame.lua, event.encode(), frame.label, front)

    def frames_for_event(self, event: str) -> list[Frame]:
        """The frames registered for ``event``, in the order it reaches them."""
        frames = list(self._event_frames.get(event, ()))
        return frames[::-1] if self.settings.event_order == "reverse" else frames

    def _unregister_event(self, frame: Frame, event: str) -> None:
        self._event_frames.get(event, {}).pop(frame, None)
        self.runtime.fn.unregister_event(frame.lua, event.encode())

    def _scripts_changed(self, frame: Any) -> None:
        self.runtime.fn.set_on_event(frame.lua, frame.scripts.get("OnEvent"))
        if not isinstance(frame, Frame):
            return
        if "OnUpdate" in frame.scripts:
            self._update_frames.setdefault(frame, None)
        else:
            self._update_frames.pop(frame, None)

    def animation_playing(self, group: Any, playing: bool) -> None:
        """An animation group started or stopped playing (the client ticks playing ones)."""
        if playing:
            self._animations.setdefault(group, None)
        else:
            self._animations.pop(group, None)

    def _run_script(self, frame: Any, handler: str, *args: Any) -> tuple[bool, tuple[Any, ...]]:
        scripts = getattr(frame, "scripts", None)
        script = scripts.get(handler) if scripts else None
        if script is None or self.widgets.get(frame.id) is not frame:
            return True, ()  # a widget of a UI torn down by a reload runs nothing
        label = f"{frame.name or frame.KIND}:{handler}"
        return self.runtime.run_script(label, script, frame.lua, *args)

    def _click(self, button: Button, mouse_button: str) -> bool:
        if not button.enabled:
            return False
        if hasattr(button, "checked"):
            button.checked = not button.checked
        outer, self.mouse_button = self.mouse_button, mouse_button
        try:
            for handler in ("PreClick", "OnClick", "PostClick"):
                self._run_script(button, handler, mouse_button, False)
        finally:
            self.mouse_button = outer
        self._settle()
        return True

    def enter_world(self) -> None:
        """Log in (once): what the client sends when the character enters the world after
        the addons have loaded: ``VARIABLES_LOADED``, the character's chat settings,
        ``PLAYER_LOGIN``, ``PLAYER_ENTERING_WORLD``, and ``UPDATE_PENDING_MAIL`` when unread
        mail waits in the inbox (the server's new-mail notice)."""
        if self.logged_in:
            return
        self.fire_internal("VARIABLES_LOADED")
        self._fire_run(self.chat_settings.login_events())
        self.logged_in = True  # IsLoggedIn() from PLAYER_LOGIN on
        self.fire_internal("PLAYER_LOGIN")
        self.fire_internal("PLAYER_ENTERING_WORLD")
        if self.mail.inbox.unread_senders():
            self.fire_internal("UPDATE_PENDING_MAIL")
        self._settle()

    def fire_internal(self, event: str, *args: Any) -> None:
        """Deliver an event now, without settling the clock (for API implementations)."""
        if event in ui.MAIL_EVENTS:
            ui.make_mail_ui(self)
        self.events_fired.append_sized((event, args), event_size(event, args))
        if event in self._event_frames:
            self.runtime.dispatch(event, args)

    def _fire_run(self, run: EventRun) -> None:
        """:meth:`fire_internal` of each event of ``run`` in turn (logged in bulk between
        the events some frame is registered for)."""
        log, frames, logged = self.events_fired, self._event_frames, 0
        if run.names.isdisjoint(frames):  # no frame listens: only the log
            log.extend_sized(run, run.ends[-1])
            return
        for index, (event, args) in enumerate(run):
            if event in frames:
                log.extend_sized(run[logged:index + 1], run.ends[index + 1] - run.ends[logged])
                logged = index + 1
                self.runtime.dispatch(event, args)
        log.extend_sized(run[logged:], run.ends[-1] - run.ends[logged])

    def _settle(self) -> None:
        """Run the callbacks due now: server replies, events and script calls the client
        makes "later". Ones that keep scheduling more for the same instant (a handler of a
        server reply that asks again, an OnTextChanged that sets its own text) run at most
        :data:`SETTLE_LIMIT` in one step; the rest wait for the next frame, as in the client,
        where a reply or the next frame comes later (a finding says so, once). Then a UI
        reload ``ReloadUI()`` asked for, once no Lua code runs."""
        self._run_due()
        if self.reloads.due:
            _reload.run_due(self)

    def _run_due(self) -> None:
        ran = 0
        while (callback := self.clock.pop_due()) is not None:
            callback()
            ran += 1
            if ran >= SETTLE_LIMIT and (due := self.clock.next_due()) is not None \
                    and due <= self.clock.elapsed + 1e-9:
                waiting = self.clock.defer_due(self.settings.frame_interval)
                if not self._deferral_reported:
                    self._deferral_reported = True
                    self.add_finding(
                        "callbacks-deferred", f"{ran} callbacks ran at one instant and "
                        f"{waiting} more were due (code that answers a server reply or "
                        "OnTextChanged by causing another); the rest run with the next frame",
                        waiting=waiting)
                return

    def _record_error(self, message: str, traceback: str, context: str) -> None:
        # A position inside the client's own Lua (an error its code met on behalf of the
        # caller, a stack overflow in a wrapper) is the client's C code to addon authors.
        message = _OWN_POSITION.sub("", message)
        file, line, _ = split_location(message)
        traceback = "\n".join(_as_c_functions([
            row for row in traceback.splitlines()
            if row.strip() and "headless-bootstrap" not in row and "(tail call)" not in row
            and "in function 'xpcall'" not in row and "in function 'error'" not in row
        ]))
        record = LuaErrorRecord(message, traceback, context, self.clock.uptime, file, line)
        self.errors.append(record)
        report = self._report_for(_loader.addon_of_source(message)
                                  or _loader.addon_of_source(traceback))
        if report is not None:
            report.errors.append(record)

    def _report_for(self, addon: str | None) -> LoadReport | None:
        """The load report an error or finding of ``addon`` belongs to while loading."""
        reports = self.loading_reports
        if reports and addon is not None and addon in reports:
            return reports[addon]
        if self.current_report is not None:
            return self.current_report
        if reports and len(reports) == 1:
            return next(iter(reports.values()))
        return None

    def _log_full(self, log: BoundedLog) -> None:
        self.add_finding("log-truncated", f"{log.name}: more than {log.max_items:,} entries "
                         f"or {log.max_bytes:,} bytes; the oldest are dropped from now on "
                         "(settings log_max_items, log_max_bytes)", log=log.name)

    def _host_data_full(self, what: str) -> None:
        self.add_finding("host-data-full", f"{what}: the data the client keeps for addon code "
                         f"(frame attributes, event registrations, key bindings, CVars) reached "
                         f"{self.settings.host_data_max_bytes:,} bytes; calls adding more fail "
                         "with \"not enough memory\" (setting host_data_max_bytes)", what=what)

    def dropped(self) -> dict[str, int]:
        """Entries dropped so far from each bounded log (chat transcript, errors...)."""
        logs = (self.chat, self.ui_errors, self.whispers_sent, self.errors, self.findings,
                self.sounds, self.events_fired)
        return {log.name: log.dropped for log in logs if isinstance(log, BoundedLog)}

    def add_finding(self, kind: str, message: str, **details: Any) -> Finding:
        """Record something a contract check or a human should see."""
        location = details.pop("location", None)
        addon = details.pop("addon", None)
        finding = Finding(kind, message, location, addon, details, self.clock.uptime)
        self.findings.append(finding)
        report = self._report_for(addon)
        if report is not None:
            report.findings.append(finding)
        return finding

    def show_line(self, text: str, *, kind: str) -> None:
        """Show a line in the default chat frame and log it (addon lines per setting)."""
        frame = self.named.get("ChatFrame1")
        if frame is not None:
            frame.add_line(text, kind)
        else:
            self._add_message(frame, text, kind=kind)

    def show_chat_event(self, event: str, args: tuple[Any, ...], line: str, kind: str
                        ) -> bool:
        """The built-in UI's chat frame shows chat event ``event``: its arguments go through
        the message filters addons added (``ChatFrame_AddMessageEventFilter``, as FrameXML's
        chat frame runs them), then ``line`` (``str.format`` of the arguments) is shown
        and logged, unless a filter hid it (then False). Addons' handlers of the event get
        the arguments unchanged."""
        shown = self._through_chat_filters(event, args)
        if shown is not None:
            self.show_line(line.format(*shown), kind=kind)
        return shown is not None

    def _through_chat_filters(self, event: str, args: tuple[Any, ...]
                              ) -> tuple[Any, ...] | None:
        """``args`` as the message filters leave them, or ``None`` when one hid the line
        (or failed: the chat frame's handler stops there, as FrameXML's does)."""
        if "ui_misc.lua" not in self.loaded_chunks:  # no filter can have been added
            return args
        ok, results = self.runtime.safecall(f"ChatFrame1:OnEvent({event}) message filters",
                                            self.runtime.fn.chat_filters,
                                            self.named["ChatFrame1"], event, *args)
        if not ok or not results or not results[0]:
            return None
        values = [to_text(v) if isinstance(v, bytes) else v for v in results[1:]]
        values += [""] * (len(args) - len(values))
        for index, what in enumerate(("message", "author")):
            value = values[index]
            if isinstance(value, float) and value.is_integer():
                values[index] = int(value)  # as Lua writes a whole number
            elif not isinstance(value, str | int | float) or isinstance(value, bool):
                self._record_error(f"ChatFrame1:OnEvent({event}): a message filter left the "
                                   f"{what} a {lua_type_name(value)} value; the line is not "
                                   "shown", "",
                                   f"ChatFrame1:OnEvent({event})")
                return None
        return tuple(values)

    def system_message(self, text: str) -> None:
        """A line from the client or server (``/who`` lists, "No player named ..."): shown,
        logged and fired as ``CHAT_MSG_SYSTEM`` (arg1 = the text), which addons read."""
        args = (text, "", "", "", "", "", 0, 0, "", 0, 0, "")
        if self.framexml is None:  # FrameXML shows it from CHAT_MSG_SYSTEM
            self.show_chat_event("CHAT_MSG_SYSTEM", args, "{0}", "system")
        # Delivered from the clock, never inside the API call that caused it (the server's
        # answer comes later; Lua is not re-entered from a running function).
        self.clock.call_later(0.0, lambda: self.fire_internal("CHAT_MSG_SYSTEM", *args))

    def ui_error(self, text: str) -> None:
        """A red error text at the top of the screen plus ``UI_ERROR_MESSAGE`` (FrameXML,
        when loaded, shows it in its ``UIErrorsFrame`` from the event)."""
        if self.framexml is None:
            self.ui_errors.append(text)
        self.fire_internal("UI_ERROR_MESSAGE", text)

    def _add_message(self, frame: Region, text: str, *, kind: str) -> None:
        """A message frame got a line: the default chat frame's reach the transcript and
        the chat log, ``UIErrorsFrame``'s the UI error list."""
        if frame is self.named.get("ChatFrame1"):
            if self.framexml is not None:  # FrameXML links the sender: logged as shown
                text = _PLAYER_LINK.sub(r"\1", text)
            self.chat.append(ChatLine(self.now, text, kind))
            if kind != "addon" or self.settings.log_addon_messages:
                self.chatlog.write(self.now.astimezone(self.settings.local_zone()), text)
        elif frame is self.named.get("UIErrorsFrame"):
            self.ui_errors.append(text)

    def reset_send_mail_fields(self) -> None:
        """What FrameXML does after a successful send: clear the Send Mail tab (FrameXML,
        when loaded, does it itself)."""
        if self.framexml is not None:
            return
        for name in ("SendMailNameEditBox", "SendMailSubjectEditBox", "SendMailBodyEditBox"):
            self.named[name].set_text("")
        self.named["SendMailMoney"].copper = 0

    def protected_call(self, function: str) -> bool:
        """Insecure code called a protected function: block it (or allow it, visibly)."""
        if self.settings.allow_protected_calls:
            location, addon = self._culprit()
            self.add_finding("protected-call-allowed",
                             f"{function}() ran from insecure code because allow_protected_calls"
                             " is set; the 3.3.5a client would block it",
                             location=location, addon=addon, function=function)
            return True
        self._refused("protected-call-blocked", "ADDON_ACTION_FORBIDDEN", function,
                      f"{function}() is protected; the 3.3.5a client blocks it when insecure "
                      "code calls it (ADDON_ACTION_FORBIDDEN)")
        return False

    def combat_blocked(self, function: str) -> bool:
        """Insecure code called a function the client refuses during combat lockdown
        (override bindings...): True when it must not run; ``ADDON_ACTION_BLOCKED`` fires
        with the culprit addon and a ``combat-call-blocked`` finding is recorded."""
        if not self.in_combat or self.runtime.secure_execution():
            return False
        self._refused("combat-call-blocked", "ADDON_ACTION_BLOCKED", function,
                      f"{function}() is refused to insecure code in combat (InCombatLockdown);"
                      " the 3.3.5a client blocks it (ADDON_ACTION_BLOCKED)")
        return True

    def _refused(self, kind: str, event: str, function: str, message: str) -> None:
        """The client refused ``function`` to insecure code: a ``kind`` finding naming the
        culprit addon and its line, and ``event`` with the addon and the function."""
        location, addon = self._culprit()
        self.add_finding(kind, message, location=location, addon=addon, function=function)
        self.fire_internal(event, addon or "", f"{function}()")

    def _culprit(self) -> tuple[str | None, str | None]:
        stack = self.runtime.stack_sources()
        for source, line in stack:
            if source.startswith("@"):
                path = source[1:]
                addon = _loader.addon_of_source(path)
                if addon in self.loaded_addons or addon == self._loading_addon():
                    return f"{path}:{line}", addon
        return (f"{stack[0][0]}:{stack[0][1]}" if stack else None), None

    def _loading_addon(self) -> str | None:
        return self.current_report.addon if self.current_report is not None else None

    def execute_chat_line(self, text: str) -> None:
        """Run a chat line without the edit box's length check (macro lines)."""
        _chatinput.execute(self, text)


_PLAYER_LINK = re.compile(r"\|Hplayer:[^|]*\|h(\[[^|]*\])\|h")
"""A player name link as FrameXML's chat frames show senders: ``|Hplayer:N:1|h[N]|h``."""
_OWN_POSITION = re.compile(r"(?<![^\s:])headless-[a-z_]+:\d+: ")
"""A position in the client's own Lua chunks (``headless-bootstrap:1011: ``)."""


def _cap_too_small(cap: int) -> HeadlessClientError:
    return HeadlessClientError(
        f"memory_limit_bytes={cap} is too small for the client's own start-up (its Lua "
        f"state needs about {STARTUP_MEMORY // 1024} KiB before any addon loads)")


@functools.cache
def _known_functions() -> Callable[[bytes], bool]:
    """Whether a global name (bytes) is a known 3.3.5a function (Lua stubs unimplemented
    ones)."""
    return frozenset(name.encode() for name in load_surface().global_functions()).__contains__


@functools.cache
def _known_c_functions() -> Callable[[bytes], bool]:
    """Whether a global name (bytes) is a known function of the client's C API (FrameXML's
    own functions are nil until FrameXML defines them)."""
    return frozenset(name.encode() for name in load_surface().functions).__contains__


__all__ = ["ChatLine", "HeadlessClient"]


# The client's own Lua files that implement functions the 3.3.5a client has in C.
_C_IN_LUA = ("headless-patterns:", "headless-patterns_plan:", "headless-patterns_errors:",
             "headless-lualib:", "headless-lualib_extra:")


def _as_c_functions(rows: list[str]) -> list[str]:
    """Traceback rows with each run of frames of the client's Lua-implemented C functions
    (and the C functions they call) shown as the one C frame the client would show:
    ``[C]: in function 'find'``, named as the caller named it."""
    out: list[str] = []
    run: list[str] = []
    for row in [*rows, ""]:
        text = row.strip()
        if text.startswith(_C_IN_LUA) or (run and text.startswith("[C]:")) or (
                text.startswith("[C]:") and not run):
            run.append(text)
            continue
        out += _collapsed(run)
        run = []
        if row:
            out.append(row)
    return out


def _collapsed(run: list[str]) -> list[str]:
    if not any(text.startswith(_C_IN_LUA) for text in run):
        return [f"\t{text}" for text in run]
    last = next(text for text in reversed(run) if text.startswith(_C_IN_LUA))
    name = last.partition(" in function '")[2].rstrip("'")
    rows = [f"\t[C]: in function '{name}'" if name and "<" not in name else "\t[C]: ?"]
    tail = run[run.index(last) + 1:]  # C frames called the Lua-implemented ones: kept
    return rows + [f"\t{text}" for text in tail]
