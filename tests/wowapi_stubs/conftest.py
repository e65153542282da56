"""Helpers for client tests: write small addon folders into ``tmp_path``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from wowapi_stubs import HeadlessClient

AddonFactory = Callable[..., Path]


@pytest.fixture
def make_addon(tmp_path: Path) -> AddonFactory:
    """``make_addon("Name", {"file.lua": code}, toc_extra="## SavedVariables: DB")``."""

    def factory(name: str, files: dict[str, str], *, toc_extra: str = "",
                interface: str = "30300", order: list[str] | None = None) -> Path:
        folder = tmp_path / "AddOns" / name
        folder.mkdir(parents=True, exist_ok=True)
        for relative, code in files.items():
            path = folder / relative.replace("\\", "/")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(code, encoding="utf-8")
        listing = "\n".join(order or list(files))
        toc = f"## Interface: {interface}\n## Title: {name}\n{toc_extra}\n{listing}\n"
        (folder / f"{name}.toc").write_text(toc, encoding="utf-8")
        return folder

    return factory


@pytest.fixture
def client() -> HeadlessClient:
    """A fresh client with the built-in UI, closed after the test."""
    with HeadlessClient() as c:
        yield c
