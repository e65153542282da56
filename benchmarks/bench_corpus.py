"""Corpus benchmark: how many real addon packages run without a Lua error.

Every package directory under DIR is an ``Interface\\AddOns`` folder (its addon folders are
installed together). Each runs the standard session of :mod:`wowapi_stubs.smoke` in a fresh
headless client (load in the client's order, log in, target, auras, bags, zones, party,
combat log, mail, a whisper, 3 s of OnUpdate, logout). Printed: per package the Lua errors
and the names they show missing, the zero-error rate, and the missing names counted across
packages (what to implement next).

Run: ``python benchmarks/bench_corpus.py DIR [--only NAME ...] [--errors N] [--json FILE]
[--framexml INTERFACE_DIR]`` (the training corpus: ``../shared/wow-335a/corpus``). Goal: >= 50%
of packages clean with the built-in UI. With ``--framexml`` every package also runs under
Blizzard's FrameXML (an extracted Interface folder) and both UIs are shown side by side;
goal: >= 80% clean under FrameXML.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from wowapi_stubs.settings import ClientSettings
from wowapi_stubs.smoke import SessionResult, run_session


def packages(root: Path, only: list[str] | None = None) -> list[Path]:
    """Package directories under ``root`` (sorted; ``only`` filters by name)."""
    found = sorted((p for p in root.iterdir() if p.is_dir()), key=lambda p: p.name.lower())
    if only:
        wanted = {n.lower() for n in only}
        found = [p for p in found if p.name.lower() in wanted]
    return found


def run_corpus(root: Path, only: list[str] | None = None,
               settings: ClientSettings | None = None) -> list[SessionResult]:
    return [run_session(package.name, [package], settings)
            for package in packages(root, only)]


def side_by_side(builtin: list[SessionResult], framexml: list[SessionResult]) -> str:
    """Per package: Lua errors under the built-in UI and under FrameXML."""
    lines = [f"{'package':<20} {'built-in UI':>14} {'FrameXML':>14}"]
    for one, other in zip(builtin, framexml, strict=True):
        def cell(r: SessionResult) -> str:
            return "clean" if r.clean else f"{len(r.errors)} errors"

        lines.append(f"{one.name:<20} {cell(one):>14} {cell(other):>14}")
    for label, results, goal in (("built-in UI", builtin, "50%"),
                                 ("FrameXML", framexml, "80%")):
        clean = sum(r.clean for r in results)
        rate = clean / len(results) if results else 0.0
        lines.append(f"{label}: {clean}/{len(results)} = {rate:.0%} clean (goal >= {goal}); "
                     f"{sum(r.seconds for r in results):.1f} s")
    return "\n".join(lines)


def top_missing(results: list[SessionResult]) -> Counter[str]:
    """Missing names counted once per package that shows them."""
    total: Counter[str] = Counter()
    for result in results:
        total.update(set(result.missing))
    return total


def render(results: list[SessionResult], *, errors_shown: int = 2, top: int = 40) -> str:
    lines = []
    for r in results:
        loaded = sum(1 for rep in r.reports if rep.loaded)
        verdict = "clean" if r.clean else f"{len(r.errors)} Lua errors"
        lines.append(f"{r.name:<20} {loaded:>3}/{len(r.reports):<3} addons  {r.seconds:6.2f} s"
                     f"  {verdict}")
        for problem in r.problems[:errors_shown]:
            lines.append(f"    ! {problem}")
        shown = list(dict.fromkeys(f"[{step}] {e.message}" for step, e in r.errors))
        for message in shown[:errors_shown]:
            lines.append("    - " + message.splitlines()[0][:160])
        if r.missing:
            lines.append("    missing: " + ", ".join(n for n, _ in r.missing.most_common(12)))
    clean = sum(r.clean for r in results)
    rate = clean / len(results) if results else 0.0
    lines.append("")
    lines.append(f"zero-error packages: {clean}/{len(results)} = {rate:.0%} (goal >= 50%)")
    lines.append(f"total Lua errors: {sum(len(r.errors) for r in results)}; "
                 f"time: {sum(r.seconds for r in results):.1f} s")
    lines.append("")
    lines.append("top missing names (packages showing each):")
    for name, count in top_missing(results).most_common(top):
        lines.append(f"  {count:>3}  {name}")
    return "\n".join(lines)


def to_json(results: list[SessionResult]) -> dict[str, object]:
    return {
        "packages": [
            {"package": r.name, "clean": r.clean, "seconds": round(r.seconds, 3),
             "addons": [{"addon": rep.addon, "loaded": rep.loaded,
                         "not_loaded": rep.not_loaded} for rep in r.reports],
             "problems": r.problems,
             "errors": [{"step": step, "message": e.message, "context": e.context}
                        for step, e in r.errors],
             "missing": dict(r.missing)}
            for r in results
        ],
        "clean": sum(r.clean for r in results),
        "total": len(results),
        "top_missing": dict(top_missing(results).most_common()),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir", type=Path, help="folder of addon packages")
    parser.add_argument("--only", nargs="*", help="package names to run")
    parser.add_argument("--errors", type=int, default=2, help="errors shown per package")
    parser.add_argument("--top", type=int, default=40, help="missing names shown")
    parser.add_argument("--json", type=Path, help="write the full results here")
    parser.add_argument("--framexml", type=Path, help="also run every package under "
                        "Blizzard's FrameXML from this Interface folder")
    args = parser.parse_args(argv)
    if not args.dir.is_dir():
        print(f"{args.dir}: not a folder of addon packages", file=sys.stderr)
        return 2
    results = run_corpus(args.dir, args.only, ClientSettings(framexml_dir=None))
    print(render(results, errors_shown=args.errors, top=args.top))
    data = to_json(results)
    if args.framexml:
        framexml = run_corpus(args.dir, args.only, ClientSettings(framexml_dir=args.framexml))
        print("\n== under FrameXML ==")
        print(render(framexml, errors_shown=args.errors, top=args.top))
        print("\n== side by side ==")
        print(side_by_side(results, framexml))
        data = {"builtin": data, "framexml": to_json(framexml)}
    if args.json:
        args.json.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
