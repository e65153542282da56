"""Settings of the headless client.

Defaults follow the WoW 3.3.5a client (see docs/headless-client.md). Where a fact about the
real client is open (chat-log flushing, addon lines in the log) the setting makes the choice
explicit; where a setting relaxes a client rule (``allow_protected_calls``) the client records
a finding every time the relaxed rule is used.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

DEFAULT_START = datetime(2026, 4, 4, 12, 0, 0, tzinfo=UTC)
MIB = 1024 * 1024


FRAMEXML_VARIABLE = "MGM_FRAMEXML_DIR"


def framexml_from_environment() -> Path | None:
    """The Interface folder ``MGM_FRAMEXML_DIR`` names (``None`` when unset or empty)."""
    value = os.environ.get(FRAMEXML_VARIABLE, "").strip()
    return Path(value) if value else None


@dataclass
class ClientSettings:
    """Knobs of :class:`~wowapi_stubs.client.HeadlessClient`.

    Attributes:
        character_name: the logged-in character (``UnitName("player")``).
        character_race, character_class, character_level, character_sex, character_guild:
            the rest of the character (``UnitRace``, ``UnitClass``, ``UnitLevel``, ``UnitSex``:
            2 male, 3 female; ``GetGuildInfo``, empty: no guild).
        realm: ``GetRealmName()``.
        locale: ``GetLocale()``.
        start_time: simulated wall clock at start-up (aware datetime).
        utc_offset_minutes: local time zone of the simulated PC (``date()``, chat-log stamps).
        uptime_at_start: ``GetTime()`` at start-up, in seconds.
        frame_interval: seconds per rendered frame (``OnUpdate`` cadence): the shortest a
            frame lasts.
        slow_frame_seconds: a frame whose ``OnUpdate`` and animation work takes more CPU time
            than this makes the next frame come that much later in simulated time, as a
            busy client's frame rate drops (runaway ``OnUpdate`` code cannot make a few
            simulated seconds take hours); reported once as a ``slow-frames`` finding.
            ``None``: every frame lasts ``frame_interval``, whatever its work costs.
        cpu_limit_seconds: CPU time one entry into Lua may use before it is stopped with
            "script ran too long" (the 3.3.5a client does the same for runaway scripts).
        memory_limit_bytes: cap on the Lua state's memory; allocation beyond it fails with
            "not enough memory" in the code that asked. Near the cap the client refuses to
            enter Lua with what would not fit (the event or call is recorded as a "not
            enough memory" error) and addon calls into the API fail once less than 256 KiB
            (1/8 of the cap) is free, so the process never aborts. Caps under 320 KiB are
            refused (the client itself needs that much).
        wow_dir: folder playing the WoW install dir; ``Logs/WoWChatLog.txt`` is written under
            it. ``None``: a temporary folder removed by :meth:`HeadlessClient.close`.
        chat_logging: whether ``/chatlog`` is on at start (the SPEC requires it on).
        log_addon_messages: whether ``AddMessage`` text from addons reaches the log file
            (open for the real client; the SPEC's design assumes it does).
        chatlog_flush: ``"line"``, ``"block:N"`` (N-byte blocks, lines may be cut) or
            ``"logout"``.
        allow_protected_calls: let insecure code call protected functions (a visible
            relaxation: each use is recorded as a ``protected-call-allowed`` finding).
        who_latency: seconds before a ``/who`` answer arrives.
        mail_latency: seconds before ``MAIL_SEND_SUCCESS``/``MAIL_FAILED`` arrives.
        money: the character's copper at start.
        bag_slots: slots of bags 0-4.
        screen_resolution: the game window in pixels (``GetScreenWidth``/``Height`` give the
            UI's size: 768 units high, as wide as the aspect ratio makes it).
        event_order: ``"registration"`` or ``"reverse"``: delivery order among frames
            registered for one event (the client does not guarantee one).
        check_interface_version: the Interface number the loader expects (30300).
        max_file_bytes: the largest addon file (Lua, XML) the loader reads; a larger one
            is a load error naming the ``.toc`` or XML line (default 16 MiB; a ``.toc`` is
            always capped at 16 MiB).
        log_max_items, log_max_bytes: bounds of each log the client keeps in Python for
            Lua (chat transcript, Lua errors, findings, UI errors, sounds, events fired,
            whispers sent): the newest entries are kept, drops are counted
            (``HeadlessClient.dropped()``) and reported once as a ``log-truncated`` finding.
        max_widgets: frames, textures and font strings one client may hold; creating more
            fails with "not enough memory" in the calling code.
        host_data_max_bytes: what the client keeps in Python for addon code outside its logs
            (frame attributes, event registrations, key bindings, CVars), estimated; a call adding
            more fails with "not enough memory" in the calling code and a ``host-data-full``
            finding names this setting once.
        reuse_compiled_files: load an addon file another client of this process already
            compiled from the same source as that compiler output, and build UI XML from the
            tree another client parsed from the same bytes, instead of parsing the source
            again (same behaviour, faster start-up; off: always compile and parse).
        framexml_dir: an extracted 3.3.5a ``Interface`` folder (``FrameXML/FrameXML.toc``,
            ``AddOns/Blizzard_*``): the client runs Blizzard's own UI from it instead of the
            built-in one (``None``: the built-in UI; see docs/headless-client.md). Defaults
            to the ``MGM_FRAMEXML_DIR`` environment variable when it is set and not empty.
    """

    character_name: str = "Streamer"
    character_race: str = "Human"
    character_class: str = "Mage"
    character_level: int = 80
    character_sex: int = 2
    character_guild: str = ""
    realm: str = "Icecrown"
    locale: str = "enUS"
    start_time: datetime = DEFAULT_START
    utc_offset_minutes: int = 0
    uptime_at_start: float = 3600.0
    frame_interval: float = 1.0 / 30.0
    slow_frame_seconds: float | None = 0.25
    cpu_limit_seconds: float = 0.5
    memory_limit_bytes: int = 256 * MIB
    wow_dir: Path | None = None
    chat_logging: bool = True
    log_addon_messages: bool = True
    chatlog_flush: str = "line"
    allow_protected_calls: bool = False
    who_latency: float = 0.5
    mail_latency: float = 0.3
    money: int = 100_000_000
    bag_slots: tuple[int, int, int, int, int] = (16, 16, 16, 16, 16)
    screen_resolution: tuple[int, int] = (1920, 1080)
    event_order: str = "registration"
    check_interface_version: int = 30300
    reuse_compiled_files: bool = True
    max_file_bytes: int = 16 * MIB
    log_max_items: int = 100_000
    log_max_bytes: int = 32 * MIB
    max_widgets: int = 100_000
    host_data_max_bytes: int = 64 * MIB
    framexml_dir: Path | None = field(default_factory=framexml_from_environment)

    def local_zone(self) -> timezone:
        """The simulated PC's time zone."""
        return timezone(timedelta(minutes=self.utc_offset_minutes))

