"""FrameXML benchmark: what Blizzard's own UI costs a headless client.

Measured in one process, CPU time (``time.process_time``, steady under a busy machine) and
resident memory: a built-in UI client (the baseline, measured in the same run), the first
FrameXML client (loads and compiles every FrameXML file), later FrameXML clients (compiled
chunks reused), login of a FrameXML client, the resident memory each FrameXML client
adds while kept alive, and clients made from a :class:`~wowapi_stubs.template.ClientTemplate`
(a forked copy of one loaded FrameXML client: wall time until the job's client is ready, and
for the whole job round trip).

Goals: first FrameXML client <= 1.5 s, later ones <= 60 ms, <= 40 MB per client; the
built-in UI keeps its figures (``benchmarks/bench_client.py``).

Run: ``python benchmarks/bench_framexml.py INTERFACE_DIR [--clients N]``.
"""

from __future__ import annotations

import argparse
import gc
import resource
import statistics
import sys
import time
from pathlib import Path

from wowapi_stubs import ClientSettings, HeadlessClient
from wowapi_stubs.template import ClientTemplate, JobResult


def _rss_mb() -> float:
    """Current resident set size in MiB (Linux ``/proc``; peak RSS elsewhere)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
        return pages * resource.getpagesize() / 2**20
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _timed(make: object) -> tuple[float, HeadlessClient]:
    started = time.process_time()
    client = make()  # type: ignore[operator]
    return time.process_time() - started, client


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("interface", type=Path, help="extracted 3.3.5a Interface folder")
    parser.add_argument("--clients", type=int, default=3, help="later clients measured")
    args = parser.parse_args(argv)
    settings = ClientSettings(framexml_dir=args.interface)

    builtin = [_timed(lambda: HeadlessClient(ClientSettings(framexml_dir=None)))[0]
               for _ in range(5)]
    first, client = _timed(lambda: HeadlessClient(settings))
    started = time.process_time()
    client.enter_world()
    login = time.process_time() - started
    errors = len(client.errors)
    client.close()
    del client
    gc.collect()

    later: list[float] = []
    kept: list[HeadlessClient] = []
    before = _rss_mb()
    for _ in range(args.clients):
        seconds, made = _timed(lambda: HeadlessClient(settings))
        later.append(seconds)
        kept.append(made)
    per_client = (_rss_mb() - before) / max(1, args.clients)
    lua_mb = statistics.mean(c.memory_used() for c in kept) / 2**20
    for made in kept:
        made.close()
    kept.clear()
    gc.collect()

    ready, round_trips = _template_clients(settings, max(args.clients, 5))

    base = statistics.median(builtin)
    print(f"built-in UI client (baseline):  {base * 1000:8.1f} ms CPU")
    print(f"first FrameXML client:          {first * 1000:8.1f} ms CPU "
          f"({first / base:.0f}x baseline; goal <= 1500 ms) "
          f"{'met' if first <= 1.5 else 'NOT met'}")
    print(f"later FrameXML clients:         {statistics.median(later) * 1000:8.1f} ms CPU "
          f"(median of {len(later)}; goal <= 60 ms) "
          f"{'met' if statistics.median(later) <= 0.06 else 'NOT met'}")
    print(f"FrameXML client from a template: {statistics.median(ready) * 1000:7.1f} ms wall "
          f"until ready, {statistics.median(round_trips) * 1000:.1f} ms per job round trip "
          f"(median of {len(ready)}; goal <= 60 ms) "
          f"{'met' if statistics.median(ready) <= 0.06 else 'NOT met'}")
    print(f"FrameXML login:                 {login * 1000:8.1f} ms CPU, {errors} Lua errors")
    print(f"resident memory per client:     {per_client:8.1f} MiB (Lua state {lua_mb:.1f} "
          f"MiB; goal <= 40 MiB) {'met' if per_client <= 40 else 'NOT met'}")
    return 0


def _template_clients(settings: ClientSettings, jobs: int) -> tuple[list[float], list[float]]:
    """Wall time until each job's forked client is ready, and per whole job (fork, a
    one-line Lua job, exit, result read back)."""
    ready: list[float] = []
    round_trips: list[float] = []
    with ClientTemplate(settings) as template:
        for _ in range(jobs):
            started = time.perf_counter()
            result = template.run(lambda client: client.eval_lua("return UIParent ~= nil"))
            round_trips.append(time.perf_counter() - started)
            if not isinstance(result, JobResult) or result.value is not True:
                raise SystemExit(f"a template job failed: {result}")
            ready.append(result.ready_seconds)
    return ready, round_trips


if __name__ == "__main__":
    sys.exit(main())
