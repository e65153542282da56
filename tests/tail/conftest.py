"""Fixtures of the tail tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from tail_support import Setup


@pytest.fixture
def setup(tmp_path: Path) -> Setup:
    return Setup(tmp_path)
