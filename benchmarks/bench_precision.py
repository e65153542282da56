"""Precision and recall of ``check`` per clause: the full ``check`` (default budget) on every
SPEC-conforming variant (fixtures/addons/conforming/, must pass) and every broken variant
(fixtures/addons/broken/, must fail on exactly the clause its DEFECT.md names) and the
production-style addon (fixtures/addons/production-style/, must pass), over several seeds.
Prints a markdown table for docs/contract.md.

    python benchmarks/bench_precision.py                  # 5 seeds, default budget, 2 workers
    python benchmarks/bench_precision.py --seeds 1 --only queue-newest-first
    python benchmarks/bench_precision.py --results /tmp/precision.jsonl   # resumable

Checks run seed by seed (every variant on seed 0 first) and each result is printed as it
comes; with ``--results FILE`` each is also appended to FILE as a JSON line, checks already
there are not run again, and the table covers every result in FILE.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
import time
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from mgm_addon_contract._resources import fixtures_dir
from mgm_addon_contract.contract import CLAUSES
from mgm_addon_contract.contract.check import DEFAULT_BUDGET, run_check

ADDONS = fixtures_dir() / "addons"
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from assemble_ace3_addon import assemble  # noqa: E402


def expected_clause(variant: Path) -> str | None:
    """The clause a broken variant must fail (None: a conforming variant)."""
    defect = variant / "DEFECT.md"
    if not defect.exists():
        return None
    found = re.search(r"Caught by: `([^`]+)`", defect.read_text(encoding="utf-8"))
    return found[1] if found else None


def variants(only: list[str]) -> list[Path]:
    """Every conforming and broken variant, the reference addon itself (``reference``), the
    production-style addon and, when the 3.3.5a data is there (``$MGM_WOW335A_DIR`` or
    ../shared/wow-335a), the Ace3-style addon assembled with the corpus's Ace3 (all but the
    broken ones conforming)."""
    reference = Path(tempfile.mkdtemp(prefix="mgm-reference-")) / "reference"
    reference.mkdir()
    (reference / "MimironsGoldOMatic").symlink_to(ADDONS / "MimironsGoldOMatic")
    found = sorted(p for kind in ("conforming", "broken") for p in (ADDONS / kind).iterdir()
                   if p.is_dir()) + [reference, ADDONS / "production-style"]
    wow_dir = Path(os.environ.get("MGM_WOW335A_DIR", ROOT.parent / "shared" / "wow-335a"))
    if wow_dir.is_dir() and (not only or "ace3-style" in only):
        found.append(assemble(Path(tempfile.mkdtemp(prefix="mgm-ace3-")) / "ace3-style",
                              wow_dir).parent)
    return [p for p in found if not only or p.name in only]


def one(job: tuple[Path, int, int]) -> tuple[str, int, list[str], list[str], float]:
    """Failed MUST clauses and masked-defect findings of one ``check``."""
    variant, seed, budget = job
    report = run_check(variant / "MimironsGoldOMatic", budget=budget, seed=seed,
                       regressions=None)
    failed = sorted(o.clause.id for o in report.must_failures)
    failed += ["EXPECT"] * bool(report.expectation_failures)
    behind = sorted(f"{b.clause} behind {b.cause}" for b in report.behind
                    if b.status == "failed")
    return variant.name, seed, failed, behind, report.seconds


def _previous(path: Path | None) -> list[tuple[str, int, list[str], list[str], float]]:
    if path is None or not path.exists():
        return []
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [(r["variant"], r["seed"], r["failed"], r["behind"], r["seconds"]) for r in rows]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=int, default=5)
    parser.add_argument("--budget", type=int, default=DEFAULT_BUDGET)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--only", action="append", default=[])
    parser.add_argument("--results", type=Path, default=None,
                        help="JSON-lines file of results: appended to, and resumed from")
    args = parser.parse_args()
    chosen = variants(args.only)
    expected = {v.name: expected_clause(v) for v in chosen}
    results = [r for r in _previous(args.results) if r[0] in expected and r[1] < args.seeds]
    done = {(r[0], r[1]) for r in results}
    jobs = [(v, seed, args.budget) for seed in range(args.seeds) for v in chosen
            if (v.name, seed) not in done]
    started = time.monotonic()
    with ProcessPoolExecutor(args.workers) as pool:
        for result in pool.map(one, jobs):
            name, seed, failed, behind, seconds = result
            results.append(result)
            extra = f"; behind: {', '.join(behind)}" if behind else ""
            print(f"{name:34} seed {seed}: {', '.join(failed) or 'pass'} ({seconds:.1f} s)"
                  f"{extra}", flush=True)
            if args.results is not None:
                with args.results.open("a", encoding="utf-8") as out:
                    out.write(json.dumps({"variant": name, "seed": seed, "failed": failed,
                                          "behind": behind, "seconds": seconds}) + "\n")
    wall = time.monotonic() - started
    _summary(results, expected, args, wall)


def _summary(results: list[tuple[str, int, list[str], list[str], float]],
             expected: dict[str, str | None], args: argparse.Namespace, wall: float) -> None:
    reported: dict[str, int] = defaultdict(int)  # clause -> runs reporting it failed
    true_hits: dict[str, int] = defaultdict(int)
    should: dict[str, int] = defaultdict(int)  # clause -> runs of variants with that defect
    false_runs: list[str] = []
    for name, seed, failed, _, _ in results:
        want = expected[name]
        if want:
            should[want] += 1
        for clause in failed:
            reported[clause] += 1
            if clause == want:
                true_hits[clause] += 1
        wrong = [c for c in failed if c != want]
        if wrong or (want and want not in failed):
            false_runs.append(f"{name} seed {seed}: failed {failed or 'nothing'}"
                              + (f", expected {want}" if want else ""))
    conforming = [n for n in expected if expected[n] is None]
    broken = [n for n in expected if expected[n]]
    seeds = sorted({seed for _, seed, _, _, _ in results})
    print(f"\n{len(conforming)} conforming and {len(broken)} broken variants x seeds {seeds}, "
          f"budget {args.budget}: {len(results)} checks ({wall:.0f} s wall this run, "
          f"{args.workers} workers; check times {min(r[4] for r in results):.1f}-"
          f"{max(r[4] for r in results):.1f} s)" if results else "no results")
    print(f"false MUST failures on conforming variants: "
          f"{sum(1 for n, _, f, _, _ in results if expected[n] is None and f)}"
          f" (of {sum(1 for n, *_ in results if expected[n] is None)} checks)")
    print(f"broken variants failing exactly their clause: "
          f"{sum(1 for n, _, f, _, _ in results if expected[n] and f == [expected[n]])}"
          f"/{sum(1 for n, *_ in results if expected[n])}")
    print("\n| clause | reported failed (runs) | true | precision | defect runs | recall |")
    print("| --- | --- | --- | --- | --- | --- |")
    for clause in (c.id for c in CLAUSES if c.level == "MUST"):
        hits, shown, due = true_hits[clause], reported[clause], should[clause]
        precision = f"{hits / shown:.0%}" if shown else "-"
        recall = f"{hits / due:.0%}" if due else "-"
        print(f"| `{clause}` | {shown} | {hits} | {precision} | {due} | {recall} |")
    if false_runs:
        print("\nWrong verdicts:")
        for line in false_runs:
            print(f"- {line}")


if __name__ == "__main__":
    main()
