"""JUnit XML output for CI systems (one ``<testsuite>``, one ``<testcase>`` per check).

A case that did not hold is a ``<failure>``; one that could not be judged because something
broke (a Lua error where the test expected none, a crashed or hung isolation worker, a
fuzzing run that raised) is an ``<error>``, as JUnit readers count them apart."""

from __future__ import annotations

from dataclasses import dataclass
from xml.etree import ElementTree as ET

from mgm_addon_contract.secrets import redact


@dataclass(frozen=True)
class JUnitCase:
    """One test case: a clause, a log line, a scenario step..."""

    name: str
    classname: str
    time_seconds: float = 0.0
    failure: str | None = None
    details: str = ""
    skipped: str | None = None
    error: str | None = None


def render_junit(suite: str, cases: list[JUnitCase]) -> str:
    """Render ``cases`` as a JUnit XML document (secrets redacted)."""
    errors = sum(1 for case in cases if case.error is not None)
    failures = sum(1 for case in cases if case.failure is not None and case.error is None)
    skipped = sum(1 for case in cases if case.skipped is not None and case.failure is None
                  and case.error is None)
    root = ET.Element(
        "testsuite",
        name=suite,
        tests=str(len(cases)),
        failures=str(failures),
        skipped=str(skipped),
        errors=str(errors),
        time=f"{sum(case.time_seconds for case in cases):.3f}",
    )
    for case in cases:
        element = ET.SubElement(
            root,
            "testcase",
            name=redact(case.name),
            classname=redact(case.classname),
            time=f"{case.time_seconds:.3f}",
        )
        if case.error is not None:
            error = ET.SubElement(element, "error", message=redact(case.error))
            error.text = redact(case.details)
        elif case.failure is not None:
            failure = ET.SubElement(element, "failure", message=redact(case.failure))
            failure.text = redact(case.details)
        elif case.skipped is not None:
            ET.SubElement(element, "skipped", message=redact(case.skipped))
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
