"""``mgm-contract e2e``: SC-001 end to end, headless, on one simulated clock."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from mgm_addon_contract.cli import app
from mgm_addon_contract.cli._errors import UserError, choice, interruptible, output_file


@app.command("e2e")
def e2e(
    addon: Annotated[Path | None, typer.Option(help="Addon folder (default: the bundled "
                                               "reference addon).")] = None,
    scenario: Annotated[str, typer.Option(help="happy, or a failure scenario; 'all' runs "
                                          "every one.")] = "happy",
    trace: Annotated[Path | None, typer.Option(help="Write the whole run as JSON lines.")]
    = None,
    transcript: Annotated[Path | None, typer.Option(help="Write the EBS HTTP transcript.")]
    = None,
    output_format: Annotated[str, typer.Option("--format", help="text or json")] = "text",
) -> None:
    """Run SC-001: /who, winner whisper, consent, Sync/Inject, mail, Sent; exit 0 when every
    scenario behaves as designed."""
    from mgm_addon_contract._resources import reference_addon_dir
    from mgm_addon_contract.e2e import SCENARIOS, run_e2e
    from mgm_addon_contract.ebs.transcript import dump_transcript
    from mgm_addon_contract.report.console import make_console
    from mgm_addon_contract.report.e2e_report import e2e_json, render_e2e
    from wowapi_stubs import AddonLoadError

    choice(output_format, ("text", "json"), "--format")
    choice(scenario, ("all", *SCENARIOS), "--scenario")
    output_file(trace, "--trace")
    output_file(transcript, "--transcript")
    names = list(SCENARIOS) if scenario == "all" else [scenario]
    results = []
    with interruptible() as interrupted:
        for name in names:
            try:
                result = run_e2e(addon or reference_addon_dir(), name)
            except AddonLoadError as exc:
                raise UserError(str(exc)) from None
            results.append(result)
            if trace is not None and len(names) == 1:
                result.world.write_trace(trace)
            if transcript is not None and len(names) == 1:
                dump_transcript(result.world.transcript(), transcript)
    if output_format == "json":
        typer.echo(json.dumps([e2e_json(r) for r in results], indent=2, ensure_ascii=False))
    else:
        console = make_console()
        for result in results:
            render_e2e(console, result)
    for result in results:
        result.world.close()
    interrupted.reraise()
    raise typer.Exit(0 if all(r.verdict for r in results) else 1)
