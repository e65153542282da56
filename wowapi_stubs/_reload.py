"""``ReloadUI()`` and ``/reload`` as the 3.3.5a client does them.

The client tears the whole UI down and loads it again while the character stays in the
world (no logout reaches the server). In the client's order:

1. ``PLAYER_LEAVING_WORLD``, ``PLAYER_LOGOUT``, then the SavedVariables of every loaded
   addon are collected exactly as at logout (:meth:`HeadlessClient.logout` shares the code;
   what the client does not save, functions for one, is gone: :mod:`wowapi_stubs._savedvars`);
   the chat log is not flushed, as a reload is not a logout (the ``logout`` flush policy
   writes at the real logout; lines buffered before the reload stay in order).
2. A fresh Lua state and UI (FrameXML or the built-in UI, as the client was configured):
   no widget, global, event registration, ``OnUpdate`` or animation of the old UI survives;
   a widget of the old UI held from Python is dead (its scripts no longer run).
3. The installed addons load again in the client's login order with the saved variables,
   under the enabled state they have now (``DisableAddOn``/``EnableAddOn`` take effect at a
   reload: that is what addon managers reload for). A load-on-demand addon loaded before
   the reload is not loaded again unless something asks for it (``LoadAddOn``, its
   ``LoadWith``). The ``.toc`` files are not read again (the 3.3.5a client needs a restart
   for new files or ``.toc`` changes); Lua and XML files are, so edits made since show.
4. ``VARIABLES_LOADED``, the chat settings, ``PLAYER_LOGIN``, ``PLAYER_ENTERING_WORLD``:
   the login order of the client facts, again (the facts say nothing of a reload; that the
   3.3.5a client fires ``PLAYER_LOGIN`` and ``PLAYER_ENTERING_WORLD`` again after one is
   what addons written for it rely on). ``IsLoggedIn()`` is nil while the addons load, as
   at login (not verified for a reload). Then the loading screen's time passes
   (:data:`RELOAD_SECONDS` of simulated time) and the world's answers that came meanwhile
   (a mail in flight, a ``/who``) reach the new UI.

The world survives: money, bags, roster, mail ledger, the clock, CVars, key bindings and
macros, the chat transcript, the chat log file, the client's error and findings logs and
the earlier load reports (the reload's reports are appended). The mailbox window closes
(the new UI never saw ``MAIL_SHOW``; whether the 3.3.5a client keeps the mail interaction
open across a reload is not known, so the headless client ends it). Combat lockdown
carries over; ``ReloadUI`` is not a protected function in 3.3.5a (it is absent from the
client facts' protected list; if it was refused in combat the headless client allows it).

``ReloadUI()`` called from Lua reloads after the running entry has returned (the client
reloads at the end of the frame; the calling script finishes first): the request goes
through the client's clock (``call_later``) and the reload happens at the next point where
no Lua code runs and no addon loads. Several calls in one entry make one reload; a call
while the old UI is being torn down is part of that reload. A UI that asks again every
time it loads (or from every ``OnUpdate``) reloads at most once per step of the client,
each costing :data:`RELOAD_SECONDS`, and a ``ui-reload-loop`` finding says so.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from wowapi_stubs import _loader
from wowapi_stubs.errors import HeadlessClientError
from wowapi_stubs.ui import framexml

if TYPE_CHECKING:
    from wowapi_stubs.client import HeadlessClient
    from wowapi_stubs.report import LoadReport

RELOAD_SECONDS = 1.0
"""Simulated time the loading screen of a reload takes (the 3.3.5a client shows one for a
second or more; ``GetTime()`` moves on meanwhile)."""
LOOP_RELOADS = 10
LOOP_SECONDS = 60.0
"""A ``ui-reload-loop`` finding when :data:`LOOP_RELOADS` reloads asked for by Lua code
come within this much simulated time."""


@dataclass
class Reloads:
    """A client's reload state: asked for by Lua, due (its turn on the clock came), running."""

    requested: bool = False
    due: bool = False
    leaving: bool = False  # the old UI is being torn down
    count: int = 0  # reloads done
    recent: deque[float] = field(default_factory=lambda: deque(maxlen=LOOP_RELOADS))
    loop_reported: bool = False


def request(client: HeadlessClient) -> None:
    """``ReloadUI()``: reload once the running Lua entry has returned (through the clock, so
    what was already due runs first)."""
    reloads = client.reloads
    if reloads.requested or reloads.leaving:
        return  # one reload for every call of the entry (or the one being done)
    reloads.requested = True
    client.clock.call_later(0.0, lambda: _make_due(client))


def _make_due(client: HeadlessClient) -> None:
    client.reloads.due = True


def run_due(client: HeadlessClient) -> None:
    """The reload ``ReloadUI()`` asked for, if nothing runs now that it would cut short
    (else it stays due for the next settle of the client)."""
    if not _at_rest(client):
        return
    reloads = client.reloads
    reloads.requested = reloads.due = False
    if not client.logged_in:
        client.add_finding("reload-ignored", "ReloadUI() was called while the character "
                           "is not in the world (logged out): nothing to reload")
        return
    _note_loop(client)
    _reload(client)


def reload_now(client: HeadlessClient) -> list[LoadReport]:
    """:meth:`HeadlessClient.reload_ui`."""
    if not client.logged_in:
        raise HeadlessClientError("reload_ui(): the character is not in the world (load "
                                  "addons first; after logout() there is no UI to reload)")
    if not _at_rest(client):
        raise HeadlessClientError("reload_ui() was called while Lua code runs or addons "
                                  "load; ReloadUI() from Lua reloads after the entry returns")
    client.reloads.requested = client.reloads.due = False
    return _reload(client)


def _at_rest(client: HeadlessClient) -> bool:
    """No Lua code on the stack, no addon loading, no reload under way."""
    if client.reloads.leaving or client.loading_reports is not None \
            or client.current_report is not None:
        return False
    return client.runtime.fn.getinfo(1, b"S") is None  # no Lua frame below this call


def _reload(client: HeadlessClient) -> list[LoadReport]:
    reloads = client.reloads
    reloads.leaving = True
    try:
        saved = client._leave_world()
    finally:
        reloads.leaving = False
    client.saved_variables.update(saved)
    client.mail.open = False  # the new UI has no mailbox window open
    if client.framexml is not None:
        framexml.client_closed()  # the old FrameXML state is garbage from now on
    for entry in (*client.addons.entries, *client.addons.secure):
        entry.loaded = False  # before the new UI loads: FrameXML asks IsAddOnLoaded
        entry.reason = entry.detail = None  # found again by the new login's plan
    client._start_ui()
    reports = _loader.log_in(client, list(client.addons.entries), [])
    reloads.count += 1
    client.clock.move_to(client.clock.elapsed + RELOAD_SECONDS)
    client._run_due()
    return reports


def _note_loop(client: HeadlessClient) -> None:
    """Count a reload asked for by Lua; a finding (once) when they come in a loop."""
    reloads = client.reloads
    reloads.recent.append(client.clock.elapsed)
    if (not reloads.loop_reported and len(reloads.recent) == LOOP_RELOADS
            and reloads.recent[-1] - reloads.recent[0] <= LOOP_SECONDS):
        reloads.loop_reported = True
        client.add_finding(
            "ui-reload-loop", f"ReloadUI() reloaded the UI {LOOP_RELOADS} times within "
            f"{LOOP_SECONDS:.0f} s of game time (code that reloads whenever it loads or "
            "runs); each reload takes a loading screen in the client", reloads=reloads.count)
