"""``mgm-contract scenario FILE --addon DIR``: replay one scenario file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from mgm_addon_contract.cli import app
from mgm_addon_contract.cli._errors import UserError, input_file
from mgm_addon_contract.cli._isolation import (
    FrameXmlOption,
    TrustedOption,
    WorkerMemoryOption,
    runner_for,
    usable_addon,
    use_framexml,
)


@app.command("scenario")
def scenario(
    file: Annotated[Path, typer.Argument(help="Scenario file (TOML, [[step]] tables).")],
    addon: Annotated[Path | None, typer.Option(help="Addon folder; default: the reference "
                                               "addon.")] = None,
    trusted: TrustedOption = False,
    framexml: FrameXmlOption = None,
    worker_memory: WorkerMemoryOption = None,
) -> None:
    """Run a scenario step by step and report every clause it breaks (exit 1 if any)."""
    from mgm_addon_contract._resources import reference_addon_dir
    from mgm_addon_contract.report.console import make_console
    from mgm_addon_contract.scenarios.runner import run_scenario
    from mgm_addon_contract.scenarios.steps import StepError
    from mgm_addon_contract.scenarios.toml_io import load_scenario
    from wowapi_stubs import AddonLoadError
    from wowapi_stubs.isolation import Crash

    use_framexml(framexml)
    console = make_console()
    input_file(file, "scenario file")
    usable_addon(addon or reference_addon_dir())
    try:
        loaded = load_scenario(file)
        with runner_for(trusted, worker_memory) as run:
            result = run(run_scenario, addon or reference_addon_dir(), loaded.steps,
                         loaded.name)
    except (StepError, AddonLoadError) as exc:
        raise UserError(str(exc)) from None
    if isinstance(result, Crash):
        console.print(f"{loaded.name}: the run ended its isolation worker: "
                      f"{result.describe()}", style="red", markup=False, highlight=False)
        raise typer.Exit(1)
    console.print(f"[bold]{loaded.name}[/bold] {loaded.description}", highlight=False)
    if loaded.clauses:
        console.print(f"clauses: {', '.join(loaded.clauses)}", highlight=False)
    for failure in [f for f in result.failures if f.step == 0]:
        console.print(f"  load: {failure.clause}: {failure.message}", style="red", markup=False)
    for index, step in enumerate(loaded.steps, 1):
        marks = [f for f in result.failures if f.step == index]
        console.print(f"{index:3}. {step.describe()}", markup=False, highlight=False,
                      style="red" if marks else None)
        for failure in marks:
            console.print(f"     {failure.clause}: {failure.message}", style="red", markup=False)
    for message in result.lua_errors:
        console.print(f"Lua error: {message}", style="red", markup=False)
    for call in result.blocked_calls:
        console.print(f"blocked protected call: {call}", style="yellow", markup=False)
    console.print("[green]no clause broken[/green]" if result.ok
                  else f"[red]{len(result.failures)} failure(s)[/red]")
    raise typer.Exit(0 if result.ok else 1)
