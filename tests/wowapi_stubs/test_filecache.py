"""The per-process cache of addon files and folder listings (wowapi_stubs._filecache)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from wowapi_stubs import HeadlessClient, _filecache
from wowapi_stubs._paths import AddonPathError


@pytest.fixture
def settled_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files written now count as settled: a change time cannot be set back, so the
    cache's "now" moves a minute ahead instead."""
    real = _filecache.time.time_ns
    monkeypatch.setattr(_filecache.time, "time_ns", lambda: real() + 60 * 10**9)


def test_a_settled_unchanged_file_is_read_once(tmp_path: Path, settled_clock: None) -> None:
    path = tmp_path / "a.lua"
    path.write_bytes(b"A = 1")
    first = _filecache.read(path, "a.lua", 1024)
    assert first == b"A = 1"
    assert _filecache.read(path, "a.lua", 1024) is first  # the same object: hashed once


def test_a_file_changed_after_caching_is_read_again(tmp_path: Path, settled_clock: None) -> None:
    path = tmp_path / "a.lua"
    path.write_bytes(b"A = 1")
    _filecache.read(path, "a.lua", 1024)
    path.write_bytes(b"A = 22")  # new size
    assert _filecache.read(path, "a.lua", 1024) == b"A = 22"
    replacement = tmp_path / "b.lua"
    replacement.write_bytes(b"A = 33")
    os.replace(replacement, path)  # another file under the same name, same size
    assert _filecache.read(path, "a.lua", 1024) == b"A = 33"


def test_a_recently_changed_file_is_never_kept(tmp_path: Path) -> None:
    """Within one clock tick a same-size rewrite keeps the file's times: such files are
    read every time until they have settled."""
    path = tmp_path / "a.lua"
    path.write_bytes(b"A = 1")
    assert _filecache.read(path, "a.lua", 1024) == b"A = 1"
    stamp = os.stat(path)
    path.write_bytes(b"A = 2")
    os.utime(path, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))  # same size, same mtime
    assert _filecache.read(path, "a.lua", 1024) == b"A = 2"


def test_limits_and_kinds_are_checked_on_every_read(tmp_path: Path, settled_clock: None) -> None:
    path = tmp_path / "a.lua"
    path.write_bytes(b"A = 1")
    _filecache.read(path, "a.lua", 1024)
    with pytest.raises(AddonPathError, match="at most 4 bytes"):
        _filecache.read(path, "a.lua", 4)
    path.unlink()
    with pytest.raises(AddonPathError, match="cannot be read"):
        _filecache.read(path, "a.lua", 1024)
    os.mkfifo(path)  # a FIFO swapped in never blocks the read
    with pytest.raises(AddonPathError, match="not a regular file"):
        _filecache.read(path, "a.lua", 1024)


def test_folder_names_follow_added_and_removed_entries(tmp_path: Path,
                                                       settled_clock: None) -> None:
    (tmp_path / "a.lua").write_bytes(b"")
    assert _filecache.names(tmp_path) == {"a.lua"}
    assert _filecache.names(tmp_path) is _filecache.names(tmp_path)
    (tmp_path / "b.lua").write_bytes(b"")
    assert _filecache.names(tmp_path) == {"a.lua", "b.lua"}
    (tmp_path / "a.lua").rename(tmp_path / "c.lua")
    assert _filecache.names(tmp_path) == {"b.lua", "c.lua"}
    with pytest.raises(OSError):
        _filecache.names(tmp_path / "missing")


def test_clients_see_edits_to_cached_addon_files(make_addon, settled_clock: None) -> None:
    folder = make_addon("Cached", {"a.lua": "VALUE = 1"}, order=["a.lua"])
    for expected in (1, 1):
        with HeadlessClient() as client:
            client.load_addon(folder)
            assert client.global_value("VALUE") == expected
    (folder / "a.lua").write_text("VALUE = 22")
    with HeadlessClient() as client:
        client.load_addon(folder)
        assert client.global_value("VALUE") == 22
