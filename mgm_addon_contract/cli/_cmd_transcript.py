"""``mgm-contract transcript diff A B``: compare two HTTP transcripts (JSON lines)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from mgm_addon_contract.cli import app
from mgm_addon_contract.cli._errors import UserError, input_file

transcript_app = typer.Typer(help="HTTP transcripts: one JSON object per request.",
                             no_args_is_help=True)
app.add_typer(transcript_app, name="transcript")


@transcript_app.command("diff")
def diff(
    a: Annotated[Path, typer.Argument(help="First transcript (JSON lines).")],
    b: Annotated[Path, typer.Argument(help="Second transcript (JSON lines).")],
    ignore: Annotated[list[str] | None, typer.Option(
        help="Leave out requests matching 'METHOD PATH' (* wildcards); repeatable. Default: "
             "the polling GETs (pending payouts, roulette state); 'none' compares all.")]
    = None,
) -> None:
    """Align the requests (method, path, body) and compare them; exit 1 on a difference."""
    from mgm_addon_contract.ebs.transcript import (
        DEFAULT_IGNORED,
        diff_transcripts,
        load_transcript,
    )
    from mgm_addon_contract.report.console import make_console

    console = make_console()
    patterns = DEFAULT_IGNORED if ignore is None else tuple(p for p in ignore if p != "none")
    for pattern in patterns:
        if " " not in pattern.strip():
            raise UserError(f"--ignore {pattern!r}: give 'METHOD PATH', e.g. "
                            "'GET /api/payouts/pending'")
    try:
        left = load_transcript(input_file(a, "transcript"))
        right = load_transcript(input_file(b, "transcript"))
    except ValueError as exc:
        raise UserError(str(exc)) from None
    differences = diff_transcripts(left, right, ignore=patterns)
    for line in differences:
        console.print(line, markup=False, highlight=False)
    shown = f" ({', '.join(patterns)} left out)" if patterns else ""
    console.print(f"{len(left)} vs {len(right)} requests{shown}: "
                  + ("identical" if not differences else f"{len(differences)} difference(s)"),
                  markup=False, highlight=False)
    raise typer.Exit(1 if differences else 0)
