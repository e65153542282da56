"""Corpus benchmark: how many real addon packages run without a Lua error.

Every package directory under DIR is an ``Interface\\AddOns`` folder (its addon folders are
installed together). Each runs the standard session of :mod:`wowapi_stubs.smoke` in a fresh
headless client (load in the client's order, log in, target, auras, bags, zones, party,
combat log, mail, a whisper, 3 s of OnUpdate, logout). Printed: per package the Lua errors
and the names they show missing, the zero-error rate, and the missing names counted across
packages (what to implement next).

Some errors are the package's own: the real 3.3.5a client shows them too (a file the
``.toc`` lists is missing from the package; a fault listed in :data:`PACKAGE_FAULTS` with
the reason). They are printed as such, apart from the client's gaps, and two rates are
given: packages with no error at all, and packages whose every error is the package's own.

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
from dataclasses import dataclass
from pathlib import Path

from wowapi_stubs.errors import LuaErrorRecord
from wowapi_stubs.settings import ClientSettings
from wowapi_stubs.smoke import SessionResult, missing_name, run_session


@dataclass(frozen=True)
class PackageFault:
    """An error of one package that the real client shows too: ``package``, a piece of the
    error message, and why the real client fails the same way."""

    package: str
    message: str
    reason: str


MISSING_FILE = "listed here does not exist in the addon folder"
"""A ``.toc`` line naming a file the package lacks: the real client skips the file (it
writes ``Couldn't open`` to ``Logs\\FrameXML.log``), the addon loads without it."""

# Faults of the training corpus (../shared/wow-335a/corpus), each checked in its source.
PACKAGE_FAULTS = (
    PackageFault("Grid", "LibDataBroker-1.1 requires LibStub",
                 "Grid.toc comments out LibStub, AceLibrary and the Ace2 libraries it needs "
                 "(a '#@no-lib-strip@' build without them); they are not in the package"),
    PackageFault("Grid", "global 'AceLibrary' (a nil value)", "Ace2 is not in the package"),
    PackageFault("Grid", "global 'LibStub' (a nil value)", "LibStub is not in the package"),
    PackageFault("Grid", "global 'Grid' (a nil value)",
                 "GridCore.lua failed without Ace2, so the Grid addon object never exists"),
    PackageFault("InterruptBar", "InterruptBar.lua:13: table index is nil",
                 "spell IDs 80965 and 96231 come from a later client (Cataclysm): "
                 "3.3.5a's GetSpellInfo returns nil for them"),
)


def package_fault(package: str, message: str) -> str | None:
    """Why the real client shows this error of ``package`` too, or ``None`` (a gap of the
    headless client, or an error not examined)."""
    if MISSING_FILE in message:
        return "a file the .toc lists is missing from the package"
    return next((f.reason for f in PACKAGE_FAULTS
                 if f.package.lower() == package.lower() and f.message in message), None)


def our_errors(result: SessionResult) -> list[tuple[str, LuaErrorRecord]]:
    """The errors of a session that are not the package's own."""
    return [(step, e) for step, e in result.errors if package_fault(result.name, e.message)
            is None]


def clean_but_package_faults(result: SessionResult) -> bool:
    """No error but the package's own: every addon loaded (or was left for ``LoadAddOn``),
    every file loaded unless the package's own fault stopped it, no other Lua error."""
    return (not our_errors(result) and not result.problems
            and all(f.ok or package_fault(result.name, f.error or "") is not None
                    for r in result.reports for f in r.files))


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


def verdict(result: SessionResult) -> str:
    """``clean``, ``package's own`` (every error is one the real client shows too), or the
    number of errors that are not the package's own."""
    if result.clean:
        return "clean"
    if clean_but_package_faults(result):
        return "package's own"
    ours = len(our_errors(result))
    return f"{ours} errors" if ours else "not loaded"


def rates(results: list[SessionResult]) -> str:
    """Both rates: no error at all; no error but the package's own."""
    total = len(results) or 1
    clean = sum(r.clean for r in results)
    fair = sum(clean_but_package_faults(r) for r in results)
    return (f"no Lua error {clean}/{len(results)} = {clean / total:.0%}; no error but the "
            f"package's own {fair}/{len(results)} = {fair / total:.0%}")


def side_by_side(builtin: list[SessionResult], framexml: list[SessionResult]) -> str:
    """Per package: the verdict under the built-in UI and under FrameXML."""
    lines = [f"{'package':<20} {'built-in UI':>15} {'FrameXML':>15}"]
    for one, other in zip(builtin, framexml, strict=True):
        lines.append(f"{one.name:<20} {verdict(one):>15} {verdict(other):>15}")
    for label, results, goal in (("built-in UI", builtin, "50%"),
                                 ("FrameXML", framexml, "80%")):
        lines.append(f"{label}: {rates(results)} (goal >= {goal}); "
                     f"{sum(r.seconds for r in results):.1f} s")
    return "\n".join(lines)


def top_missing(results: list[SessionResult]) -> Counter[str]:
    """Missing names counted once per package that shows them (its own faults left out)."""
    total: Counter[str] = Counter()
    for result in results:
        total.update({name for name in (missing_name(e.message) for _, e in our_errors(result))
                      if name})
    return total


def render(results: list[SessionResult], *, errors_shown: int = 2, top: int = 40) -> str:
    lines = []
    for r in results:
        loaded = sum(1 for rep in r.reports if rep.loaded)
        lines.append(f"{r.name:<20} {loaded:>3}/{len(r.reports):<3} addons  {r.seconds:6.2f} s"
                     f"  {verdict(r)}")
        for problem in r.problems[:errors_shown]:
            lines.append(f"    ! {problem}")
        shown = list(dict.fromkeys(f"[{step}] {e.message.splitlines()[0][:160]}"
                                   for step, e in our_errors(r)))
        for message in shown[:errors_shown]:
            lines.append("    - " + message)
        own = Counter(package_fault(r.name, e.message) for _, e in r.errors)
        own.pop(None, None)
        for reason, count in own.items():
            lines.append(f"    = package's own ({count}x, the real client too): {reason}")
        names = top_missing([r])
        if names:
            lines.append("    missing: " + ", ".join(n for n, _ in names.most_common(12)))
    lines.append("")
    lines.append(f"packages: {rates(results)} (goal >= 50% built-in, >= 80% FrameXML)")
    lines.append(f"total Lua errors: {sum(len(r.errors) for r in results)} "
                 f"({sum(len(our_errors(r)) for r in results)} not the packages' own); "
                 f"time: {sum(r.seconds for r in results):.1f} s")
    lines.append("")
    lines.append("top missing names (packages showing each):")
    for name, count in top_missing(results).most_common(top):
        lines.append(f"  {count:>3}  {name}")
    return "\n".join(lines)


def to_json(results: list[SessionResult]) -> dict[str, object]:
    return {
        "packages": [
            {"package": r.name, "clean": r.clean, "verdict": verdict(r),
             "clean_but_package_faults": clean_but_package_faults(r),
             "seconds": round(r.seconds, 3),
             "addons": [{"addon": rep.addon, "loaded": rep.loaded,
                         "not_loaded": rep.not_loaded} for rep in r.reports],
             "problems": r.problems,
             "errors": [{"step": step, "message": e.message, "context": e.context,
                         "package_fault": package_fault(r.name, e.message)}
                        for step, e in r.errors],
             "missing": dict(top_missing([r]))}
            for r in results
        ],
        "clean": sum(r.clean for r in results),
        "clean_but_package_faults": sum(clean_but_package_faults(r) for r in results),
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
