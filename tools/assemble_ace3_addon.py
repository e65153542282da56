"""Assemble the Ace3-style MGM addon (fixtures/addons/ace3-style/) into a folder: its own
files plus the Ace3 libraries it lists under ``Libs\\``, copied from a 3.3.5a addon of the
corpus (``$MGM_WOW335A_DIR/corpus``). The libraries are reference data and never enter the
repository; the assembled addon lives wherever ``DEST`` is (a temporary folder).

    python tools/assemble_ace3_addon.py DEST [--wow-dir DIR]
"""

from __future__ import annotations

import argparse
import os
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "fixtures" / "addons" / "ace3-style" / "MimironsGoldOMatic"
LIBRARY_OWNER = Path("corpus") / "Omen" / "Omen" / "Libs"  # a 3.3.5a addon shipping Ace3


def libraries() -> list[str]:
    """The library folders the addon's .toc loads (``Libs\\<folder>\\...``)."""
    toc = (SOURCE / "MimironsGoldOMatic.toc").read_text(encoding="utf-8")
    return sorted({line.split("\\")[1] for line in toc.splitlines() if line.startswith("Libs\\")})


def assemble(dest: Path, wow_dir: Path) -> Path:
    """``dest/MimironsGoldOMatic``: the addon with its libraries; returns that folder."""
    libs = wow_dir / LIBRARY_OWNER
    missing = [name for name in libraries() if not (libs / name).is_dir()]
    if missing:
        raise SystemExit(f"{libs}: missing Ace3 libraries {', '.join(missing)}")
    target = dest / "MimironsGoldOMatic"
    shutil.copytree(SOURCE, target)
    for name in libraries():
        shutil.copytree(libs / name, target / "Libs" / name)
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dest", type=Path)
    parser.add_argument("--wow-dir", type=Path, default=os.environ.get("MGM_WOW335A_DIR"))
    args = parser.parse_args()
    if args.wow_dir is None:
        raise SystemExit("give --wow-dir or set MGM_WOW335A_DIR (the 3.3.5a data folder)")
    print(assemble(args.dest, args.wow_dir))


if __name__ == "__main__":
    main()
