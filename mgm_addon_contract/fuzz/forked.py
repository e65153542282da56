"""Fuzzed runs on copies of one loaded client (FrameXML clients only): each run's contract
monitor lives in a child process holding a copy of the loaded template
(:func:`~..scenarios.runner.loaded_template`,
:meth:`wowapi_stubs.template.ClientTemplate.session`); the state machine sends it the
steps one by one, since Hypothesis picks each next step as the run goes."""

from __future__ import annotations

from mgm_addon_contract.contract.monitor import ContractMonitor, Failure
from mgm_addon_contract.scenarios.prepare import PrepareControl
from mgm_addon_contract.scenarios.steps import Step
from wowapi_stubs import HeadlessClient
from wowapi_stubs.template import ClientTemplate


class _MonitorInChild:
    """The child's side: a contract monitor on the copied client."""

    def __init__(self, client: HeadlessClient, known: frozenset[str],
                 prepare: PrepareControl | None) -> None:
        self.monitor = ContractMonitor(client, known=known, prepare=prepare)

    def run(self, index: int, step: Step) -> None:
        self.monitor.run(index, step)

    def drain(self) -> None:
        self.monitor.drain()

    def finish(self) -> list[tuple[str, str, int]]:
        self.monitor.finish()
        return [(f.clause, f.message, f.step) for f in self.monitor.failures]


class ForkedMonitor:
    """A :class:`ContractMonitor` of one run, living in a child process on a copy of the
    template's client; the same ``run``/``drain``/``finish``/``failures`` surface."""

    def __init__(self, template: ClientTemplate, known: frozenset[str],
                 prepare: PrepareControl | None) -> None:
        self._session = template.session(_MonitorInChild, known, prepare)
        self.failures: list[Failure] = []

    def run(self, index: int, step: Step) -> None:
        self._session.call("run", index, step)

    def drain(self) -> None:
        """The run's end: the response window (:meth:`ContractMonitor.drain`)."""
        self._session.call("drain")

    def finish(self) -> None:
        self.failures = [Failure(*f) for f in self._session.call("finish")]

    def close(self) -> None:
        self._session.close()


Monitor = ContractMonitor | ForkedMonitor
__all__ = ["ForkedMonitor", "Monitor"]
