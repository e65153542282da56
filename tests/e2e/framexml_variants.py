"""Which variants the FrameXML contract tests check in this run.

Under FrameXML a variant's ``check`` (budget 1) takes about 10 s (its runs are copies of one
loaded client, see docs/headless-client.md), so all 55 take about 9 minutes of CPU: more
than the suite's share of a CI run. A run checks :data:`DEFAULT_PER_RUN` broken and as many
conforming ones, a slice that rotates daily (every variant within two weeks);
``MGM_FRAMEXML_VARIANTS=N`` checks N of each kind, ``pytest --long`` (nightly) or
``MGM_FRAMEXML_VARIANTS=all`` every one."""

from __future__ import annotations

import datetime
import os
from pathlib import Path

import pytest

DEFAULT_PER_RUN = 2
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
