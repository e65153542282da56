"""A fuzz error names its root cause first: a forked run's client process ending (killed,
crashed) reads as such, not as Hypothesis's "flaky" wrapper around it."""

from __future__ import annotations

from hypothesis.errors import FlakyFailure

from mgm_addon_contract.fuzz.runner import error_text
from wowapi_stubs.template import SessionEnded


def test_a_session_ended_inside_a_flaky_failure_is_named_first() -> None:
    wrapped = FlakyFailure("Inconsistent results from replaying a test case!",
                           [SessionEnded("killed by SIGKILL")])
    text = error_text(wrapped)
    assert text.startswith("the client's process ended: killed by SIGKILL")
    assert "FlakyFailure" in text


def test_a_session_ended_as_the_cause_is_found() -> None:
    try:
        try:
            raise SessionEnded("crashed with SIGSEGV")
        except SessionEnded as inner:
            raise RuntimeError("step failed") from inner
    except RuntimeError as outer:
        assert error_text(outer).startswith("the client's process ended: crashed with SIGSEGV")


def test_other_errors_read_as_raised() -> None:
    assert error_text(ValueError("bad budget")) == "ValueError: bad budget"
