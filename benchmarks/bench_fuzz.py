"""Fuzzing throughput and power (figures recorded in docs/benchmarks.md, "Fuzzing", and in
docs/contract.md).

In one run, alternating to share the machine's disturbances fairly:
  (1) the mail-gating state machine on the reference addon (fresh client, addon loaded,
      every step run and checked by the contract monitor against the reference model);
  (2) a no-op machine of the same shape: the same rules, strategies and step counts, whose
      steps are only recorded (Hypothesis generation and bookkeeping alone);
  (3) for orientation, the same machine running the steps on the client without checking.
Prints examples/s and the ratio (1)/(2) (goal: >= 60%). ``--check`` also times
``mgm-contract check`` with the default budget on the reference addon (goal: < 60 s);
``--variants`` runs the matching machine alone against every broken variant and prints
which clause it reports, after how many runs and how long.

``--check-variants`` runs the full ``check`` on every variant and prints the MUST clauses
that fail (goal: exactly the one its DEFECT.md names).

``--isolation`` (alone) compares the same machine run in this process and in an isolation
worker (goal: worker >= 80% of in-process).

Run: ``python benchmarks/bench_fuzz.py [EXAMPLES] [--check] [--variants] [--check-variants]``
or ``python benchmarks/bench_fuzz.py [EXAMPLES] --isolation``.
"""

from __future__ import annotations

import re
import sys
import time

from hypothesis import settings
from hypothesis.stateful import run_state_machine_as_test

from mgm_addon_contract._resources import broken_addons_dir, reference_addon_dir
from mgm_addon_contract.fuzz import MailGatingMachine, fuzz_settings, run_machine
from mgm_addon_contract.fuzz.machines import Recorder
from mgm_addon_contract.scenarios.steps import Step, execute


class NoOpMailMachine(MailGatingMachine):
    """Same rules and strategies; a step is only recorded."""

    def __init__(self) -> None:  # no client, no addon, no monitor
        super(MailGatingMachine.__mro__[1], self).__init__()
        self.steps: list[Step] = []
        self.recorder.runs += 1

    def do(self, step: Step) -> None:
        self.steps.append(step)

    def clauses_hold(self) -> None:
        pass

    def teardown(self) -> None:
        pass


class UncheckedMailMachine(MailGatingMachine):
    """Same rules; steps run on the client, nothing is checked."""

    def do(self, step: Step) -> None:
        self.steps.append(step)
        execute(self.client, step)

    def clauses_hold(self) -> None:
        pass


def rate(machine: type, examples: int) -> float:
    bound = type(machine.__name__, (machine,), {"addon": reference_addon_dir(),
                                                "recorder": Recorder()})
    started = time.perf_counter()
    run_state_machine_as_test(bound, settings=settings(fuzz_settings("ci"),
                                                       max_examples=examples))
    return bound.recorder.runs / (time.perf_counter() - started)


def throughput(examples: int, rounds: int = 3) -> None:
    best = {"checked": 0.0, "noop": 0.0, "unchecked": 0.0}
    for _ in range(rounds):
        best["noop"] = max(best["noop"], rate(NoOpMailMachine, examples))
        best["checked"] = max(best["checked"], rate(MailGatingMachine, examples))
        best["unchecked"] = max(best["unchecked"], rate(UncheckedMailMachine, examples))
    print(f"mail-gating machine, {examples} examples x {rounds} rounds (best round), "
          f"20 steps per example")
    print(f"  checked (client + monitor + model): {best['checked']:8.1f} examples/s")
    print(f"  unchecked (client only):            {best['unchecked']:8.1f} examples/s")
    print(f"  no-op machine (Hypothesis only):    {best['noop']:8.1f} examples/s")
    print(f"  ratio checked / no-op: {best['checked'] / best['noop']:.1%} (goal >= 60%)")


def check_time() -> None:
    from mgm_addon_contract.contract.check import run_check

    started = time.perf_counter()
    report = run_check(reference_addon_dir(), regressions=None)
    elapsed = time.perf_counter() - started
    print(f"check (default budget) on the reference addon: {elapsed:.1f} s, "
          f"{report.scenarios_run} scenarios, {report.fuzz_examples} fuzzed runs, "
          f"ok={report.ok} (goal < 60 s)")


MACHINE_FOR = {"ACCEPT": "acceptance", "WHISPER": "acceptance", "WHO": "who", "GIFT": "gift",
               "TAG": "who"}


def variants(budget: int = 300) -> None:
    print("| variant | expected clause | machine | runs (with shrinking) | seconds | reported "
          "| reproducer steps |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for folder in sorted(p for p in broken_addons_dir().iterdir() if p.is_dir()):
        clause = re.search(r"Caught by: `([^`]+)`", (folder / "DEFECT.md").read_text())[1]
        machine = MACHINE_FOR.get(clause.split("-")[0], "mail")
        started = time.perf_counter()
        run = run_machine(machine, folder / "MimironsGoldOMatic", budget=budget)
        elapsed = time.perf_counter() - started
        found = ", ".join(run.finding.clauses) if run.finding else "not found"
        steps = len(run.finding.steps) if run.finding else "-"
        print(f"| `{folder.name}` | `{clause}` | {machine} | {run.examples} | "
              f"{elapsed:.1f} | {found} | {steps} |")


def check_variants() -> None:
    """Full ``check`` (default budget, all machines) on every variant: which MUST clauses
    fail; the goal is exactly the one its DEFECT.md names."""
    from mgm_addon_contract.contract.check import run_check

    for folder in sorted(p for p in broken_addons_dir().iterdir() if p.is_dir()):
        clause = re.search(r"Caught by: `([^`]+)`", (folder / "DEFECT.md").read_text())[1]
        started = time.perf_counter()
        report = run_check(folder / "MimironsGoldOMatic", regressions=None)
        failed = sorted(o.clause.id for o in report.must_failures)
        verdict = "exactly its clause" if failed == [clause] else f"MUST failures: {failed}"
        print(f"{folder.name:26} {clause:28} {time.perf_counter() - started:5.1f} s  {verdict}")


def isolation(examples: int, rounds: int = 3) -> None:
    """The mail machine run in this process vs in an isolation worker (started and warmed
    before timing, reused across rounds as ``check`` reuses it across machines)."""
    from wowapi_stubs.isolation import Worker

    def in_process() -> float:
        started = time.perf_counter()
        run = run_machine("mail", reference_addon_dir(), budget=examples, seed_value=1)
        return run.examples / (time.perf_counter() - started)

    with Worker() as worker:
        worker.run(run_machine, "mail", reference_addon_dir(), budget=2)

        def isolated() -> float:
            started = time.perf_counter()
            run = worker.run(run_machine, "mail", reference_addon_dir(), budget=examples,
                             seed_value=1)
            return run.examples / (time.perf_counter() - started)

        best_here = best_worker = 0.0
        for _ in range(rounds):
            best_here = max(best_here, in_process())
            best_worker = max(best_worker, isolated())
    print(f"mail-gating machine, {examples} examples x {rounds} rounds (best round)")
    print(f"  in-process:        {best_here:8.1f} examples/s")
    print(f"  isolation worker:  {best_worker:8.1f} examples/s")
    print(f"  ratio worker / in-process: {best_worker / best_here:.1%} (goal >= 80%)")


def main() -> None:
    numbers = [int(a) for a in sys.argv[1:] if a.isdigit()]
    if "--isolation" in sys.argv:
        isolation(numbers[0] if numbers else 100)
        return
    throughput(numbers[0] if numbers else 100)
    if "--check" in sys.argv:
        check_time()
    if "--variants" in sys.argv:
        variants()
    if "--check-variants" in sys.argv:
        check_variants()


if __name__ == "__main__":
    main()
