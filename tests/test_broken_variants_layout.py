"""The broken variants: one documented defect each, a small diff, loadable (but one)."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from mgm_addon_contract._resources import broken_addons_dir, reference_addon_dir
from wowapi_stubs import HeadlessClient

VARIANTS = sorted(p for p in broken_addons_dir().iterdir() if p.is_dir())


def changed_lines(variant: Path) -> int:
    total = 0
    for reference_file in sorted(reference_addon_dir().iterdir()):
        a = reference_file.read_text(encoding="utf-8").splitlines()
        b = (variant / "MimironsGoldOMatic" / reference_file.name).read_text(
            encoding="utf-8").splitlines()
        total += sum(1 for line in difflib.ndiff(a, b) if line[:1] in "+-")
    return total


def test_at_least_eight_variants_and_readme_lists_each() -> None:
    readme = (broken_addons_dir() / "README.md").read_text(encoding="utf-8")
    assert len(VARIANTS) >= 8
    for variant in VARIANTS:
        assert f"`{variant.name}`" in readme


@pytest.mark.parametrize("variant", VARIANTS, ids=lambda p: p.name)
def test_each_variant_has_one_small_documented_defect(variant: Path) -> None:
    defect = (variant / "DEFECT.md").read_text(encoding="utf-8")
    assert "Caught by: `" in defect and "Breaks: SPEC" in defect or "client facts" in defect
    assert 1 <= changed_lines(variant) <= 12


@pytest.mark.parametrize("variant", VARIANTS, ids=lambda p: p.name)
def test_variants_load_except_the_lua53_one(variant: Path) -> None:
    with HeadlessClient() as client:
        report = client.load_addon(variant / "MimironsGoldOMatic")
    if variant.name == "lua53-floor-division":
        assert not report.ok
        assert report.files[1].error.startswith(
            "Interface\\AddOns\\MimironsGoldOMatic\\MimironsGoldOMatic.lua:")
    else:
        assert report.ok, report.errors
