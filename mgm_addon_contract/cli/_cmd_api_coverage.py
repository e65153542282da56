"""``mgm-contract api-coverage [ADDON...]``: how much of the 3.3.5a API the headless client
implements, and what the given addons' code uses that it lacks."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from mgm_addon_contract.cli import app
from mgm_addon_contract.cli._errors import UserError, choice

_LABELS = {
    "functions": "C API functions", "framexml_functions": "FrameXML functions",
    "framexml_globals": "FrameXML values", "framexml_widgets": "FrameXML widgets (stand-ins)",
    "events": "events fired", "widget_types": "widget types",
    "widget_methods": "widget methods", "frame_types": "CreateFrame types",
}
_SECTIONS = (("functions", "missing functions"), ("framexml", "missing FrameXML values"),
             ("methods", "missing widget methods"),
             ("events", "events registered that the client never fires"),
             ("unknown", "globals neither defined here nor in the 3.3.5a data"))


@app.command("api-coverage")
def api_coverage(
    addons: Annotated[list[Path] | None, typer.Argument(
        help="Addon folders, or folders of addon folders (Interface/AddOns).")] = None,
    output_format: Annotated[str, typer.Option("--format", help="text or json")] = "text",
    top: Annotated[int, typer.Option(min=0, help="Names listed per section (text).")] = 15,
) -> None:
    """Count the 3.3.5a API the headless client implements (functions, events, widget types
    and methods); for addon folders, list what their Lua and XML scripts use that it lacks.
    Exit 1 when an addon uses a missing name."""
    from wowapi_stubs import AddonLoadError
    from wowapi_stubs.coverage import addon_folders, scan_addon, surface_counts

    choice(output_format, ("text", "json"), "--format")
    folders: list[Path] = []
    for path in addons or []:
        if not path.is_dir() and not path.is_file():
            raise UserError(f"{path}: no such addon folder")
        if path.is_file() and path.suffix.lower() != ".toc":
            raise UserError(f"{path}: not an addon folder or .toc file")
        try:
            folders += addon_folders([path])
        except AddonLoadError as exc:
            raise UserError(str(exc)) from None
    counts = surface_counts()
    usages = [scan_addon(folder) for folder in folders]
    if output_format == "json":
        typer.echo(json.dumps({"surface": {k: v.to_dict() for k, v in counts.items()},
                               "addons": [u.to_dict() for u in usages]},
                              indent=2, ensure_ascii=False))
    else:
        _render(counts, usages, top)
    raise typer.Exit(1 if any(u.missing for u in usages) else 0)


def _render(counts: dict[str, Any], usages: list[Any], top: int) -> None:
    typer.echo("3.3.5a API surface implemented by the headless client:")
    for key, count in counts.items():
        share = f"{count.implemented / count.known:6.1%}" if count.known else "   -  "
        typer.echo(f"  {_LABELS[key]:<30} {count.implemented:>6} / {count.known:<6} {share}")
    for usage in usages:
        typer.echo(f"\n{usage.path} ({usage.files} Lua/XML files)")
        for attribute, title in _SECTIONS:
            names: dict[str, int] = getattr(usage, attribute)
            if not names:
                continue
            ranked = sorted(names.items(), key=lambda item: (-item[1], item[0]))
            shown = ", ".join(f"{n} ({c})" if c > 1 else n for n, c in ranked[:top])
            more = f", ... {len(ranked) - top} more" if len(ranked) > top else ""
            typer.echo(f"  {title} ({len(ranked)}): {shown}{more}")
        for line in usage.unreadable:
            typer.echo(f"  unreadable: {line}")
        if not usage.missing:
            typer.echo("  nothing it uses is missing")
