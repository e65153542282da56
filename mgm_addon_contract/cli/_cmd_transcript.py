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
def diff(a: Annotated[Path, typer.Argument()], b: Annotated[Path, typer.Argument()]) -> None:
    """Compare method, path, JSON body and status request by request; exit 1 on difference."""
    from mgm_addon_contract.ebs.transcript import diff_transcripts, load_transcript
    from mgm_addon_contract.report.console import make_console

    console = make_console()
    try:
        left = load_transcript(input_file(a, "transcript"))
        right = load_transcript(input_file(b, "transcript"))
    except ValueError as exc:
        raise UserError(str(exc)) from None
    differences = diff_transcripts(left, right)
    for line in differences:
        console.print(line, markup=False)
    console.print(f"{len(left)} vs {len(right)} requests: "
                  + ("identical" if not differences else f"{len(differences)} difference(s)"))
    raise typer.Exit(1 if differences else 0)
