"""Which variants the FrameXML contract tests check in this run.

A FrameXML client costs seconds of CPU to make (``docs/benchmarks.md``) and a ``check``
makes one per scenario and per fuzzed run (about 70 s of CPU per variant), so checking all
53 variants under FrameXML takes about an hour of CPU today, and on a loaded machine
FrameXML's login handlers come close to the client's CPU deadline. A run checks none by
default; ``MGM_FRAMEXML_VARIANTS=N`` checks N broken and N conforming ones (a slice that
rotates daily), ``pytest --long`` (nightly) or ``MGM_FRAMEXML_VARIANTS=all`` every one."""

from __future__ import annotations

import datetime
import os
from pathlib import Path

import pytest

DEFAULT_PER_RUN = 0
"""Broken and conforming variants each checked per run by default."""


def variants_this_run(variants: list[Path], config: pytest.Config) -> set[str]:
    """The names of the variants to check now (a daily slice unless asked for more)."""
    wanted = os.environ.get("MGM_FRAMEXML_VARIANTS", "")
    if config.getoption("--long") or wanted == "all":
        return {v.name for v in variants}
    count = int(wanted) if wanted.isdigit() else DEFAULT_PER_RUN
    start = datetime.date.today().toordinal() * count
    return {variants[(start + i) % len(variants)].name for i in range(min(count,
                                                                          len(variants)))}


def skip_unless_this_run(variant: Path, variants: list[Path], config: pytest.Config) -> None:
    if variant.name not in variants_this_run(variants, config):
        pytest.skip("not in this run's FrameXML slice (FrameXML clients cost seconds each): "
                    "MGM_FRAMEXML_VARIANTS=N or =all, or pytest --long, checks variants")
