"""Tag validation throughput and memory (figures in docs/benchmarks.md, "Tag validation").

Generates a realistic chat log (1,000,000 lines, about 80 MB: 0.2% tag lines, a few spoofed
whispers, the rest player chat in English, Russian, German and Spanish with the client's chat
prefixes) and times, in the same run:

  (a) ``grep -cF '[MGM_'`` over the file (the floor: a C substring scan);
  (b) a plain Python loop doing what the upstream Desktop does per line (decode, split, strip
      ``\\r``, the two substring tests and the four tag regexes, in its order);
  (c) ``validate_file`` (the grammar: every line counted, UTF-8 checked, tags parsed and
      checked, spoofed tags found) and the whole ``mgm-contract validate`` command.

Then peak RSS of ``mgm-contract validate`` on this file and on a ~1 GB file made of copies of
it (memory must stay flat in file size). Goals (issue): (c) >= 5x faster than (b), within 10x
of (a), 1 GB in <= 150 MB RSS.

Run: ``python benchmarks/bench_validate.py [--lines N] [--no-gb] [--repeat R]``.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from mgm_addon_contract.grammar.validate import validate_file

# The upstream Desktop's per-line matching (desktop-and-ebs-facts), the baseline (b) only.
UPSTREAM_ITEMS = re.compile(r"\[MGM_ITEMS:([0-9a-fA-F-]{36})\](\[.*\])")
UPSTREAM_GIFT = re.compile(r"\[MGM_GIFT_ACCEPT:([0-9a-fA-F-]{36})\]")
UPSTREAM_ACCEPT = re.compile(r"\[MGM_ACCEPT:([0-9a-fA-F-]{36})\]")
UPSTREAM_CONFIRM = re.compile(r"\[MGM_CONFIRM:([0-9a-fA-F-]{36})\]")

NAMES = ["Norinn", "Вася", "Thrall", "Jaina", "Григорий", "Müller", "Peña", "Aelwyn", "Ольга",
         "Zugzug", "Kaelthas", "Сергей", "Brann"]
CHAT = [
    "anyone selling Frostweave Cloth? paying well", "LF2M VH normal, need heal and dps",
    "кто-нибудь идёт в ЦЛК? нужен танк", "продам [Saronite Ore] дёшево, пишите в лс",
    "Suche Gruppe für Naxx 10, bin Heiler", "wo ist der Auktionator in Dalaran?",
    "¿alguien para mazmorra heroica? soy tanque", "gracias por la ayuda, amigos",
    "lol that pull was insane", "gz on the mount!", "ну что, идём в рейд в восемь?",
    "WTS |cffa335ee|Hitem:50274:0:0:0:0:0:0:0:80|h[Shadowfrost Shard]|h|r pst",
    "need 3 more for Wintergrasp", "спасибо за золото, очень помог", "afk 5 min",
]
PREFIXES = ["[{n}] whispers: ", "To [{n}]: ", "[{n}] says: ", "[{n}] yells: ",
            "[Party] [{n}]: ", "[Guild] [{n}]: ", "[Raid] [{n}]: ", "[2. Trade] [{n}]: ",
            "[1. General - Dalaran] [{n}]: ", "{n} "]
SYSTEM = ["{n} has come online.", "{n} has gone offline.",
          "You receive loot: [Frostweave Cloth]x2.",
          "Changed Channel: [2. Trade - City]", "Вы получили: [Саронитовая руда]."]


def _uuid(rng: random.Random) -> str:
    h = f"{rng.getrandbits(128):032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def _tag(rng: random.Random) -> str:
    roll, u = rng.random(), _uuid(rng)
    if roll < 0.3:
        return f"[MGM_ACCEPT:{u}]"
    if roll < 0.6:
        return f"[MGM_CONFIRM:{u}]"
    if roll < 0.8:
        name = rng.choice(NAMES)
        return ('[MGM_WHO]{"schemaVersion":1,"spinCycleId":"' + u + '","characterName":"'
                + name + '","online":true,"capturedAt":"2026-04-04T12:00:01.000Z"}')
    if roll < 0.9:
        return (f'[MGM_ITEMS:{u}][{{"name":"Frostweave Cloth","id":33470,"count":3,'
                '"link":"|cffffffff|Hitem:33470:0:0:0:0:0:0:0:80|h[Frostweave Cloth]|h|r",'
                '"texture":"Interface\\\\Icons\\\\INV_Fabric_Frostweave","bagId":0,"slotId":1}]')
    return f"[MGM_GIFT_ACCEPT:{u}]"


def make_log(path: Path, lines: int, seed: int = 7) -> None:
    """A WoWChatLog.txt: BOM, CRLF, 0.2% tags, 0.01% spoofed whispers, mixed-language chat."""
    rng = random.Random(seed)
    with path.open("wb") as handle:
        handle.write(b"\xef\xbb\xbf")
        batch = []
        for i in range(lines):
            seconds = i // 20
            stamp = (f"4/{1 + seconds // 86400 % 28} {seconds // 3600 % 24:02d}:"
                     f"{seconds // 60 % 60:02d}:{seconds % 60:02d}.{i * 37 % 1000:03d}")
            roll = rng.random()
            name = rng.choice(NAMES)
            if roll < 0.002:
                text = _tag(rng)
            elif roll < 0.0021:
                text = f"[{name}] whispers: [MGM_CONFIRM:{_uuid(rng)}]"
            elif roll < 0.05:
                text = rng.choice(SYSTEM).format(n=name)
            else:
                text = rng.choice(PREFIXES).format(n=name) + rng.choice(CHAT)
            batch.append(f"{stamp}  {text}\r\n")
            if len(batch) == 10_000:
                handle.write("".join(batch).encode())
                batch.clear()
        handle.write("".join(batch).encode())


def upstream_loop(path: Path) -> int:
    """Baseline (b): the upstream Desktop's per-line work, in Python."""
    found = 0
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for raw in handle:
            line = raw.rstrip("\n").rstrip("\r")
            if "[MGM_UPDATE_CHECK]" in line:
                found += 1
            elif "[MGM_WHO]" in line:
                if line.find("{") != -1 and line.rfind("}") != -1:
                    found += 1
            elif UPSTREAM_ITEMS.search(line) or UPSTREAM_GIFT.search(line) \
                    or UPSTREAM_ACCEPT.search(line) or UPSTREAM_CONFIRM.search(line):
                found += 1
    return found


def grep_count(path: Path) -> int:
    """Baseline (a): ``grep -cF '[MGM_'``."""
    done = subprocess.run(["grep", "-cF", "[MGM_", str(path)], capture_output=True, text=True,
                          check=False)
    return int(done.stdout.strip() or 0)


def best_interleaved(fns: list, repeat: int) -> list[float]:  # noqa: ANN001
    """Best time of each function, running them in turn ``repeat`` times so that machine
    load hits all of them alike."""
    best = [float("inf")] * len(fns)
    for _ in range(repeat):
        for i, fn in enumerate(fns):
            start = time.perf_counter()
            fn()
            best[i] = min(best[i], time.perf_counter() - start)
    return best


def cli_run(path: Path) -> tuple[float, float]:
    """Wall time and peak RSS (MB) of ``mgm-contract validate --format json`` on ``path``."""
    code = ("import resource, subprocess, sys, time\n"
            "t = time.perf_counter()\n"
            "subprocess.run([sys.executable, '-c', 'import sys; from mgm_addon_contract.cli "
            "import main; sys.argv[0] = \"mgm-contract\"; main()', 'validate', "
            f"{str(path)!r}, '--format', 'json'], stdout=subprocess.DEVNULL)\n"
            "print(time.perf_counter() - t, "
            "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    return float(out[0]), float(out[1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-gb", action="store_true", help="skip the 1 GB memory run")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="mgm-bench-"))
    try:
        path = folder / "WoWChatLog.txt"
        make_log(path, args.lines)
        size = path.stat().st_size / 1e6
        report = validate_file(path)
        print(f"{report.lines:,} lines, {size:.1f} MB; tags {dict(sorted(report.tags.items()))},"
              f" spoofed {report.spoofed_count}, violations {report.violation_count}")
        print(f"  grep finds {grep_count(path):,} lines with [MGM_; the upstream loop "
              f"{upstream_loop(path):,} tags (spoofed whispers included)")
        grep_t, loop_t, ours_t = best_interleaved(
            [lambda: grep_count(path), lambda: upstream_loop(path), lambda: validate_file(path)],
            args.repeat)
        cli_t, cli_rss = cli_run(path)
        rows = [("(a) grep -cF '[MGM_'", grep_t), ("(b) upstream per-line regex loop", loop_t),
                ("(c) validate_file", ours_t), ("(c') mgm-contract validate (process)", cli_t)]
        for label, seconds in rows:
            print(f"{label:40s} {seconds:7.3f} s {report.lines / seconds:14,.0f} lines/s "
                  f"{size / seconds:8.1f} MB/s")
        print(f"validate_file is {loop_t / ours_t:.1f}x faster than (b) (goal >= 5x) and "
              f"{ours_t / grep_t:.1f}x the time of (a) (goal <= 10x)")
        print(f"peak RSS, mgm-contract validate on {size:.0f} MB: {cli_rss:.0f} MB")
        if not args.no_gb:
            big = folder / "big.txt"
            with big.open("wb") as out:
                while out.tell() < 1_000_000_000:
                    with path.open("rb") as part:
                        shutil.copyfileobj(part, out, 1 << 22)
            big_t, big_rss = cli_run(big)
            big_mb = big.stat().st_size / 1e6
            print(f"peak RSS, mgm-contract validate on {big_mb:.0f} MB: {big_rss:.0f} MB "
                  f"(goal <= 150 MB) in {big_t:.1f} s ({big_mb / big_t:.0f} MB/s)")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
