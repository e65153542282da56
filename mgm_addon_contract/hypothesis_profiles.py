"""Hypothesis profiles shared by the test suite and ``mgm-contract check``.

``ci`` is bounded and derandomized (same examples on every run), ``dev`` is the quick local
default, ``nightly`` explores far more. Select one with ``HYPOTHESIS_PROFILE``.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

PROFILES = ("ci", "dev", "nightly")
_SUPPRESSED = [HealthCheck.too_slow, HealthCheck.data_too_large]


def register_profiles() -> None:
    """Register the ``ci``, ``dev`` and ``nightly`` profiles with Hypothesis."""
    settings.register_profile(
        "ci",
        max_examples=100,
        derandomize=True,
        deadline=None,
        database=None,
        print_blob=True,
        suppress_health_check=_SUPPRESSED,
    )
    settings.register_profile(
        "dev", max_examples=50, deadline=None, suppress_health_check=_SUPPRESSED
    )
    settings.register_profile(
        "nightly", max_examples=5000, deadline=None, suppress_health_check=_SUPPRESSED
    )


def load_profile(default: str = "ci") -> str:
    """Register the profiles and load ``$HYPOTHESIS_PROFILE`` (or ``default``)."""
    register_profiles()
    name = os.environ.get("HYPOTHESIS_PROFILE", default)
    settings.load_profile(name)
    return name
