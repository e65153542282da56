"""The registry's persistence: an fsync'd journal record per save, compacted into the
checkpoint now and then; a kill at any instant (also mid-record or mid-compaction) loses
nothing and doubles nothing; damage is an error naming the line and field."""

from __future__ import annotations

import json
import os
import zlib

import pytest
from tail_support import P1, P2, Setup, line

from mgm_addon_contract.tail import Registry, RegistryError
from mgm_addon_contract.tail import journal as journal_module
from mgm_addon_contract.tail import registry as registry_module

PAYOUTS = [f"2d2b7b2a-1111-2222-3333-{i:012d}" for i in range(40)]


def many(tmp_path) -> Setup:  # noqa: ANN001
    return Setup(tmp_path, payouts=[(p, "Norinn") for p in PAYOUTS])


def journal_of(s: Setup):  # noqa: ANN201
    return s.folder / f".{s.checkpoint.name}.journal"


def sent(s: Setup) -> list[str]:
    return [e.path.split("/")[3] for e in s.ebs.transcript
            if e.method == "PATCH" and e.status == 200]


def test_each_tag_appends_a_record_instead_of_rewriting_the_checkpoint(tmp_path) -> None:  # noqa: ANN001
    """Regression: the whole checkpoint (up to ~1 MB) was rewritten after every tag."""
    s = many(tmp_path)
    consumer = s.consumer()
    consumer.poll_once()  # registers the log: the first checkpoint
    inode, size = s.checkpoint.stat().st_ino, s.checkpoint.stat().st_size
    for i, payout in enumerate(PAYOUTS[:30]):
        s.append(line(f"[MGM_CONFIRM:{payout}]", i))
        consumer.poll_once()
    assert (s.checkpoint.stat().st_ino, s.checkpoint.stat().st_size) == (inode, size)
    records = journal_of(s).read_bytes().count(b"\n") - 1
    assert records >= 30 and consumer.registry.compactions == 1
    assert {k[1] for k in s.registry()["done"]} == set(PAYOUTS[:30])  # loads whole
    consumer.close()  # a clean stop compacts: one checkpoint holds everything
    assert s.checkpoint.stat().st_ino != inode
    assert journal_of(s).read_bytes().count(b"\n") == 1  # the new journal's header only
    assert len(json.loads(s.checkpoint.read_text())["done"]) == 30


def test_the_journal_is_compacted_once_it_outgrows_the_checkpoint(
        tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(registry_module, "JOURNAL_MIN", 2_000)
    s = many(tmp_path)
    consumer = s.consumer()
    for i, payout in enumerate(PAYOUTS):
        s.append(line(f"[MGM_CONFIRM:{payout}]", i))
        consumer.poll_once()
    assert 2 <= consumer.registry.compactions <= 12  # amortised, not per tag
    assert journal_of(s).stat().st_size <= max(2_000, s.checkpoint.stat().st_size) + 1_000
    s.kill()
    again = s.consumer()
    again.poll_once()
    assert sorted(sent(s)) == sorted(PAYOUTS) and len(sent(s)) == len(PAYOUTS)


@pytest.mark.parametrize("cut", [1, 9, 0.5, -1])
def test_a_kill_in_the_middle_of_a_journal_record_loses_and_doubles_nothing(
        tmp_path, monkeypatch: pytest.MonkeyPatch, cut: float) -> None:  # noqa: ANN001
    """The process dies while a record is half written (``cut`` bytes of it, a share, or
    all but its line break): the restart ignores the torn end, reads the line again, and
    the EBS's idempotency absorbs the repeated request."""
    s = many(tmp_path)
    consumer = s.consumer()
    consumer.poll_once()
    s.append(line(f"[MGM_CONFIRM:{PAYOUTS[0]}]") + line(f"[MGM_CONFIRM:{PAYOUTS[1]}]", 1))
    real = journal_module._write_at

    class Killed(BaseException):
        pass

    def dying(descriptor: int, data: memoryview, position: int) -> int:
        keep = int(len(data) * cut) if isinstance(cut, float) and cut > 0 else (
            len(data) - 1 if cut == -1 else int(cut))
        real(descriptor, data[:keep], position)
        raise Killed

    monkeypatch.setattr(journal_module, "_write_at", dying)
    with pytest.raises(Killed):
        consumer.poll_once()  # the first CONFIRM's record is torn: the process dies
    monkeypatch.setattr(journal_module, "_write_at", real)
    s.kill()
    restarted = s.consumer()
    assert [e["event"] for e in s.events()].count("checkpoint-journal") == 1
    s.append(line(f"[MGM_CONFIRM:{PAYOUTS[2]}]", 2))
    restarted.poll_once()
    s.kill()
    again = s.consumer()  # the torn end was cut off before the next record
    again.poll_once()
    assert sent(s) == PAYOUTS[:3]
    patches = [e.status for e in s.ebs.transcript if e.method == "PATCH"]
    assert patches == [200, 409, 200, 200]  # repeated once, absorbed by the EBS (409)
    assert journal_module.read(journal_of(s)).torn == 0  # type: ignore[union-attr]


@pytest.mark.parametrize("dies", ["before the checkpoint rename", "before the new journal"])
def test_a_kill_during_a_compaction_loses_and_doubles_nothing(
        tmp_path, monkeypatch: pytest.MonkeyPatch, dies: str) -> None:  # noqa: ANN001
    s = many(tmp_path)
    consumer = s.consumer()
    for i, payout in enumerate(PAYOUTS[:5]):
        s.append(line(f"[MGM_CONFIRM:{payout}]", i))
        consumer.poll_once()

    class Killed(BaseException):
        pass

    def die(*_: object, **__: object) -> None:
        raise Killed

    if dies == "before the new journal":
        monkeypatch.setattr(journal_module.JournalWriter, "create", die)
    else:
        monkeypatch.setattr(os, "replace", die)
    monkeypatch.setattr(registry_module, "JOURNAL_MIN", 0)
    s.append(line(f"[MGM_CONFIRM:{PAYOUTS[5]}]", 5))
    with pytest.raises(Killed):
        consumer.poll_once()
    monkeypatch.undo()
    s.kill()
    restarted = s.consumer()
    restarted.poll_once()
    assert sent(s) == PAYOUTS[:6]
    repeated = [e.status for e in s.ebs.transcript if e.method == "PATCH"][6:]
    assert repeated in ([], [409])  # at most the last one again, absorbed by the EBS


def _records(s: Setup) -> list[bytes]:
    return journal_of(s).read_bytes().splitlines(keepends=True)


def _line(record: dict) -> bytes:
    text = json.dumps(record, separators=(",", ":")).encode()
    return b"%08x %s\n" % (zlib.crc32(text), text)


def _running(s: Setup) -> None:
    consumer = s.consumer()
    for i, payout in enumerate((P1, P2)):
        s.append(line(f"[MGM_CONFIRM:{payout}]", i))
        consumer.poll_once()
    s.kill()


@pytest.mark.parametrize(("damage", "message"), [
    ("checksum", r"line 2: checksum mismatch"),
    ("field", r"line 3: done\[0\]: not a list of 2"),
    ("unknown", r"line 3: unknown field 'extra'"),
    ("sequence", r"line 3: seq 7 out of sequence"),
    ("header", r"line 1: not a journal header"),
])
def test_a_damaged_journal_is_an_error_naming_the_line_and_field(
        setup: Setup, damage: str, message: str) -> None:
    _running(setup)
    lines = _records(setup)
    header = json.loads(lines[0].split(b" ", 1)[1])
    if damage == "checksum":
        lines[1] = lines[1].replace(b'"seq":1', b'"seq":2')
    elif damage == "field":
        lines[2] = _line({"seq": 2, "done": [["MGM_CONFIRM"]]})
    elif damage == "unknown":
        lines[2] = _line({"seq": 2, "extra": 1})
    elif damage == "sequence":
        lines[2] = _line({"seq": 7})
    else:
        lines[0] = _line({**header, "journal": 9})
    journal_of(setup).write_bytes(b"".join(lines))
    with pytest.raises(RegistryError, match=rf"\.checkpoint\.json\.journal: {message}"):
        setup.consumer()


def test_a_journal_of_another_generation_is_ignored_and_said_so(setup: Setup) -> None:
    """A kill between a compaction's new checkpoint and its new journal leaves the old
    journal: the checkpoint already holds what it says."""
    _running(setup)
    stale = journal_of(setup).read_bytes()
    registry = Registry.load(setup.checkpoint)
    registry.compact()
    registry.close_journal()
    journal_of(setup).write_bytes(stale)
    assert {k[1] for k in Registry.load(setup.checkpoint).done.to_json()} == {P1, P2}
    setup.consumer().poll_once()
    notes = [e["note"] for e in setup.events() if e["event"] == "checkpoint-journal"]
    assert notes and "another checkpoint generation" in notes[0]
    assert [e.status for e in setup.ebs.transcript if e.method == "PATCH"] == [200, 200]


def test_a_checkpoint_of_the_previous_format_still_loads(setup: Setup) -> None:
    setup.append(line(f"[MGM_CONFIRM:{P1}]"))
    size = setup.log.stat().st_size
    stat = os.stat(setup.log)
    setup.checkpoint.write_text(json.dumps({
        "version": 2, "files": [{"dev": stat.st_dev, "ino": stat.st_ino, "fingerprint": "",
                                 "fingerprint_bytes": 0, "offset": size, "line": 1,
                                 "path": str(setup.log)}],
        "done": [["MGM_CONFIRM", P1]], "saved_at": 1.0}))
    consumer = setup.consumer()
    consumer.poll_once()
    consumer.close()
    assert setup.effects() == [] and setup.registry()["version"] == 3
