"""Files an addon names stay inside its folder: no ``..`` or symbolic-link escape, regular
files only, size-capped; every violation is a load error naming the ``.toc`` line and
nothing of the host is read."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from wowapi_stubs import AddonLoadError, ClientSettings, HeadlessClient
from wowapi_stubs._paths import AddonPathError, locate, read_addon_file

SECRET = "HOST-SECRET-7c1f"


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "outside" / "secret.lua"
    path.parent.mkdir()
    path.write_text(f'print("{SECRET}")\n', encoding="utf-8")
    return path


def _load(folder: Path, **settings: object) -> tuple[HeadlessClient, object]:
    client = HeadlessClient(ClientSettings(**settings))
    return client, client.load_addon(folder)


def _assert_refused(client: HeadlessClient, report, line: int, reason: str) -> None:
    failed = [f for f in report.files if not f.ok]
    assert [f.toc_line for f in failed] == [line]
    assert f"Evil.toc:{line}:" in failed[0].error and reason in failed[0].error
    assert SECRET not in "".join(client.chat_texts())
    assert client.chatlog_path.exists() is False or SECRET not in client.chatlog_path.read_text()


def test_a_symlink_to_a_host_file_is_refused(make_addon, secret: Path) -> None:
    folder = make_addon("Evil", {"ok.lua": "OK = true"}, order=["ok.lua", "secret.lua"])
    (folder / "secret.lua").symlink_to(secret)
    client, report = _load(folder)
    _assert_refused(client, report, 5, "leads outside the addon folder")
    assert client.global_value("OK") is True


def test_a_symlinked_folder_cannot_reach_the_host(make_addon, secret: Path) -> None:
    folder = make_addon("Evil", {"ok.lua": "OK = true"}, order=["root/secret.lua", "ok.lua"])
    (folder / "root").symlink_to(secret.parent)
    client, report = _load(folder)
    _assert_refused(client, report, 4, "leads outside the addon folder (through a symbolic "
                                       "link: root)")


def test_dot_dot_may_not_climb_out(make_addon, secret: Path) -> None:
    folder = make_addon("Evil", {"sub/a.lua": "A = true"},
                        order=["sub\\..\\sub\\a.lua", "..\\..\\outside\\secret.lua"])
    client, report = _load(folder)
    assert report.files[0].ok and client.global_value("A") is True
    _assert_refused(client, report, 5, "leads outside the addon folder")


def test_links_inside_the_folder_and_a_linked_addon_folder_load(make_addon,
                                                                tmp_path: Path) -> None:
    folder = make_addon("Real", {"core.lua": "CORE = (CORE or 0) + 1"},
                        order=["core.lua", "alias.lua"])
    (folder / "alias.lua").symlink_to(folder / "core.lua")
    linked = tmp_path / "Linked" / "Real"
    linked.parent.mkdir()
    linked.symlink_to(folder)
    client, report = _load(linked)
    assert report.ok and client.global_value("CORE") == 2


def test_special_files_and_folders_are_refused_without_blocking(make_addon) -> None:
    folder = make_addon("Evil", {"ok.lua": "OK = true"}, order=["pipe.lua", "dir.lua", "ok.lua"])
    os.mkfifo(folder / "pipe.lua")
    (folder / "dir.lua").mkdir()
    client, report = _load(folder)
    assert [f.ok for f in report.files] == [False, False, True]
    assert "Evil.toc:4: 'pipe.lua' listed here is not a regular file" in report.files[0].error
    assert "'dir.lua' listed here is a folder, not a file" in report.files[1].error


def test_files_over_the_size_cap_are_refused_before_reading(make_addon) -> None:
    folder = make_addon("Evil", {"ok.lua": "OK = true"}, order=["huge.lua", "ok.lua"])
    with open(folder / "huge.lua", "wb") as handle:
        handle.truncate(8 * 1024**3)  # sparse: 8 GiB that take no disk space
    client, report = _load(folder)
    assert "Evil.toc:4: 'huge.lua' is 8,589,934,592 bytes; a file may have at most " \
           "16,777,216 bytes (setting max_file_bytes)" in report.files[0].error
    assert report.files[1].ok


def test_the_size_cap_is_a_setting(make_addon) -> None:
    folder = make_addon("Evil", {"big.lua": "-- " + "x" * 2000})
    _, report = _load(folder, max_file_bytes=1000)
    assert "a file may have at most 1,000 bytes" in report.files[0].error
    _, report = _load(folder, max_file_bytes=4000)
    assert report.ok


def test_a_toc_that_is_a_link_out_of_its_folder_is_refused(tmp_path: Path, secret: Path) -> None:
    folder = tmp_path / "AddOns" / "Evil"
    folder.mkdir(parents=True)
    (folder / "Evil.toc").symlink_to(secret)
    with pytest.raises(AddonLoadError, match="leads outside the addon folder") as caught:
        HeadlessClient().load_addon(folder)
    assert SECRET not in str(caught.value)


def test_locate_ignores_case_and_names_the_reason(tmp_path: Path) -> None:
    (tmp_path / "Libs" / "LibStub").mkdir(parents=True)
    (tmp_path / "Libs" / "LibStub" / "LibStub.lua").write_text("-- x")
    assert locate(tmp_path, "libs\\libstub\\LIBSTUB.lua") == (
        tmp_path / "Libs" / "LibStub" / "LibStub.lua")
    path, code = read_addon_file(tmp_path, "Libs/LibStub/LibStub.lua")
    assert code == b"-- x"
    with pytest.raises(AddonPathError) as caught:
        locate(tmp_path, "Libs\\Missing.lua")
    assert caught.value.reason == "does not exist in the addon folder"
    assert str(caught.value) == "'Libs\\\\Missing.lua' does not exist in the addon folder"
