"""``mgm-contract luaunit ENTRY_OR_TEST_FILES...``: an addon's LuaUnit suite in the client."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Annotated

import typer

from mgm_addon_contract.cli import app
from mgm_addon_contract.cli._errors import UserError, choice, input_dir, input_file
from mgm_addon_contract.cli._isolation import TrustedOption, WorkerMemoryOption

FORMATS = ("text", "json", "junit")
LUAUNIT_ENV = "MGM_LUAUNIT"


@app.command("luaunit")
def luaunit(
    entries: Annotated[list[Path], typer.Argument(help="Entry script (e.g. run_tests.lua) or "
                                                  "LuaUnit test files, run in order.")],
    addon: Annotated[Path | None, typer.Option(help="Addon folder (or .toc) the client loads "
                                               "first, as at login; the suite's dofile/"
                                               "loadfile of its files does not run them "
                                               "again; os.getenv('MGM_ADDON_DIR') gives it.")]
    = None,
    root: Annotated[Path, typer.Option(help="dofile/loadfile/require stay inside this folder "
                                       "(and the --lua-path and --addon folders).")]
    = Path("."),
    drop_mock: Annotated[Path | None, typer.Option(help="The suite's hand-written WoW mock: "
                                                   "its WoW names come from the client; what "
                                                   "the client lacks is reported.")] = None,
    lua_path: Annotated[list[Path] | None, typer.Option(help="A module folder or file outside "
                                                        "the root, e.g. luaunit.lua "
                                                        f"(default also ${LUAUNIT_ENV}); "
                                                        "repeatable.")] = None,
    isolate: Annotated[bool, typer.Option(help="Run each test alone in a fresh client (the "
                                          "entry's set-up, the addon loaded).")] = False,
    env: Annotated[list[str] | None, typer.Option(help="NAME=VALUE (or NAME, from this "
                                                  "environment) that os.getenv returns; "
                                                  "repeatable. Only these and LUAUNIT_* are "
                                                  "visible.")] = None,
    arg: Annotated[list[str] | None, typer.Option(help="Passed to the suite as arg[1..] "
                                                  "(LuaUnit options such as -p PATTERN); "
                                                  "repeatable.")] = None,
    cpu_limit: Annotated[float, typer.Option(min=0.01, help="CPU seconds one entry (the whole "
                                             "suite, or one test with --isolate) may use.")]
    = 60.0,
    output_format: Annotated[str, typer.Option("--format", help="text, json or junit")]
    = "text",
    trusted: TrustedOption = False,
    worker_memory: WorkerMemoryOption = None,
) -> None:
    """Run a LuaUnit suite inside the headless 3.3.5a client (Lua 5.1, the client's API, the
    sandbox kept).

    Exit 0 when every test passes and the client revealed nothing, 1 otherwise, 2 on a usage
    error."""
    from mgm_addon_contract.luaunit import SuiteOptions
    from mgm_addon_contract.luaunit.harness import HarnessPathError, check_entries
    from mgm_addon_contract.report.console import make_console
    from mgm_addon_contract.report.luaunit_report import render_text, to_json, to_junit
    from mgm_addon_contract.secrets import redact

    choice(output_format, FORMATS, "--format")
    for entry in entries:
        input_file(entry, "entry")
    input_dir(root, "--root folder")
    if drop_mock is not None:
        input_file(drop_mock, "--drop-mock file")
    if addon is not None and not addon.exists():
        raise UserError(f"--addon {addon}: no such folder")
    modules = list(lua_path or [])
    for module in modules:
        if not module.exists():
            raise UserError(f"--lua-path {module}: no such file or folder")
    if os.environ.get(LUAUNIT_ENV) and Path(os.environ[LUAUNIT_ENV]).is_file():
        modules.append(Path(os.environ[LUAUNIT_ENV]))
    options = SuiteOptions(root=root, addon=addon, drop_mock=drop_mock,
                           lua_path=tuple(modules), args=tuple(arg or []),
                           env=_environment(env or [], addon), cpu_limit=cpu_limit)
    try:
        check_entries(entries, options)
    except HarnessPathError as exc:
        raise UserError(str(exc)) from None
    run = _run_isolated(entries, options, isolate, trusted, worker_memory)
    if output_format == "json":
        typer.echo(redact(json.dumps(to_json(run), indent=2, ensure_ascii=False)))
    elif output_format == "junit":
        typer.echo(to_junit(run), nl=False)
    else:
        title = f"{', '.join(str(e) for e in entries)} in the headless 3.3.5a client"
        if drop_mock is not None:
            title += f" (mock {drop_mock} dropped)"
        render_text(make_console(), run, title)
    raise typer.Exit(0 if run.ok else 1)


def _environment(given: list[str], addon: Path | None) -> dict[str, str]:
    """What os.getenv returns: LUAUNIT_* of this environment, MGM_ADDON_DIR (the addon
    folder), then each --env."""
    values = {k: v for k, v in os.environ.items() if k.startswith("LUAUNIT_")}
    if addon is not None:
        values["MGM_ADDON_DIR"] = str(addon if addon.is_dir() else addon.parent)
    for item in given:
        name, sep, value = item.partition("=")
        if not name:
            raise UserError(f"--env {item!r}: expected NAME=VALUE or NAME")
        if sep:
            values[name] = value
        elif name in os.environ:
            values[name] = os.environ[name]
    return values


def _run_isolated(entries: list[Path], options, isolate: bool, trusted: bool,  # noqa: ANN001
                  worker_memory: int | None):  # noqa: ANN202 - SuiteRun
    """The suite in an isolation worker (watchdog at the suite's CPU limit + 1 s), or in this
    process when ``trusted``; a worker that crashed or hung is reported as the run's error."""
    from mgm_addon_contract.isolated import luaunit_runner, suite_run

    with luaunit_runner(options.cpu_limit, trusted=trusted, worker_memory=worker_memory) as run:
        return suite_run(run, entries, options, isolate=isolate)
