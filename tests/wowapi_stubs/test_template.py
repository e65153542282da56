"""Client templates: each job gets its own copy of one loaded client (a forked child), so
jobs never see each other's state and the template stays as loaded."""

from __future__ import annotations

import os

import pytest

from tests.shared_data import require_shared
from wowapi_stubs import ClientSettings, HeadlessClient
from wowapi_stubs.isolation import Crash
from wowapi_stubs.template import ClientTemplate, JobResult, SessionEnded

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")


def _change_and_report(client: HeadlessClient, tag: str) -> dict:
    before = client.eval_lua("return MARK, JobFrame ~= nil")
    client.eval_lua(f"MARK = '{tag}'; CreateFrame('Frame', 'JobFrame'):SetWidth(7)")
    client.enter_world()
    client.eval_lua(f"print('job {tag}')")
    return {"before": list(before), "after": client.global_value("MARK"),
            "pid": os.getpid(), "chatlog": str(client.chatlog_path),
            "logged_in": client.logged_in}


def _check_independent(template: ClientTemplate) -> None:
    first = template.run(_change_and_report, "one")
    second = template.run(_change_and_report, "two")
    assert isinstance(first, JobResult) and isinstance(second, JobResult)
    # The second job starts from the template's state, not from what the first one did.
    assert first.value["before"] == second.value["before"] == [None, False]
    assert (first.value["after"], second.value["after"]) == ("one", "two")
    assert first.value["logged_in"] and second.value["logged_in"]
    assert len({first.value["pid"], second.value["pid"], os.getpid()}) == 3
    assert first.value["chatlog"] != second.value["chatlog"] != str(
        template.client.chatlog_path)
    # The template's own client never changed.
    assert template.client.eval_lua("return MARK, JobFrame ~= nil") == (None, False)
    assert not template.client.logged_in
    assert first.ready_seconds >= 0 and second.ready_seconds >= 0


def test_two_clients_from_one_template_are_independent() -> None:
    with ClientTemplate(ClientSettings(framexml_dir=None)) as template:
        _check_independent(template)


def test_framexml_template_clients_are_independent_and_log_in_cleanly() -> None:
    folder = require_shared("MGM_FRAMEXML_DIR")
    with ClientTemplate(ClientSettings(framexml_dir=folder)) as template:
        assert template.client.framexml is not None
        _check_independent(template)
        errors = template.run(lambda c: (c.enter_world(), [e.message for e in c.errors])[1])
        assert isinstance(errors, JobResult) and errors.value == []


def _fail(client: HeadlessClient) -> None:
    raise RuntimeError("job broke")


def _die(client: HeadlessClient) -> None:
    os.kill(os.getpid(), 9)


def test_a_failing_or_dying_job_is_a_crash_and_the_template_goes_on() -> None:
    with ClientTemplate(ClientSettings(framexml_dir=None)) as template:
        failed = template.run(_fail)
        assert isinstance(failed, Crash) and failed.kind == "failed"
        assert failed.message == "RuntimeError: job broke"
        killed = template.run(_die)
        assert isinstance(killed, Crash) and killed.kind == "crashed"
        assert killed.signal == "SIGKILL"
        unreadable = template.run(lambda c: c.runtime.table({}))
        assert isinstance(unreadable, Crash) and unreadable.kind == "failed"
        assert template.run(lambda c: c.eval_lua("return 1 + 1")).value == 2


def test_a_template_refuses_a_shared_wow_folder(tmp_path) -> None:
    with pytest.raises(ValueError, match="wow_dir"):
        ClientTemplate(ClientSettings(framexml_dir=None, wow_dir=tmp_path))


def _load(client: HeadlessClient, folder: str) -> tuple:
    report = client.load_addon(folder)
    return report, client.global_value("RUNS"), client.eval_lua("return IsLoggedIn()")


def test_each_job_loads_the_addon_into_its_own_copy(make_addon) -> None:
    folder = make_addon("JobAddon", {"a.lua": "RUNS = (RUNS or 0) + 1\n"
                                              "local f = CreateFrame('Frame', 'JobAddonFrame')"})
    with ClientTemplate(ClientSettings(framexml_dir=None)) as template:
        results = [template.run(_load, str(folder)) for _ in range(2)]
    for result in results:
        assert isinstance(result, JobResult)
        report, runs, logged_in = result.value
        assert report.ok and report.addon == "JobAddon"
        assert (runs, logged_in) == (1, 1)


class _Counter:
    """A session object: state kept in the child between calls."""

    def __init__(self, client: HeadlessClient, start: int) -> None:
        self.client = client
        client.eval_lua(f"COUNT = {start}")

    def add(self, step: int) -> tuple[int, int]:
        self.client.eval_lua(f"COUNT = COUNT + {step}")
        return self.client.global_value("COUNT"), os.getpid()

    def fail(self) -> None:
        raise ValueError("no such payout")

    def die(self) -> None:
        os.kill(os.getpid(), 9)

    def hang(self) -> None:
        while True:  # below Lua: no CPU deadline reaches a copy's Python or C code
            pass


def test_a_session_keeps_its_copy_between_calls_and_ends_cleanly() -> None:
    client = HeadlessClient()
    client.eval_lua("COUNT = 100")
    template = ClientTemplate.adopt(client)
    try:
        one, two = template.session(_Counter, 1), template.session(_Counter, 50)
        assert one.call("add", 2)[0] == 3 and one.call("add", 3)[0] == 6
        assert two.call("add", 1)[0] == 51  # a copy of its own
        assert one.call("add", 0)[1] not in (os.getpid(), two.call("add", 0)[1])
        assert client.global_value("COUNT") == 100  # the template never ran
        one.close()
        two.close()
        with pytest.raises(SessionEnded, match="ValueError: no such payout"):
            template.session(_Counter, 0).call("fail")
        dying = template.session(_Counter, 0)
        with pytest.raises(SessionEnded, match="SIGKILL"):
            dying.call("die")
        with pytest.raises(SessionEnded):
            dying.call("add", 1)  # over
    finally:
        template.close()


def test_a_session_call_without_an_answer_in_time_kills_the_copy() -> None:
    template = ClientTemplate.adopt(HeadlessClient())
    try:
        stuck = template.session(_Counter, 0)
        pid = stuck.pid
        with pytest.raises(SessionEnded, match=r"no answer to hang within 0.5 s"):
            stuck.call("hang", limit=0.5)
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)  # killed and reaped
        with pytest.raises(SessionEnded, match="no answer to hang"):
            stuck.call("add", 1)  # over
    finally:
        template.close()
