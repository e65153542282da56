"""The load report: what loading an addon did (files, metadata, APIs touched, errors)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from wowapi_stubs.errors import Finding, LuaErrorRecord


@dataclass(frozen=True)
class FileLoad:
    """One ``.toc`` file line: where it resolved and whether it ran without error."""

    written: str
    toc_line: int
    path: Path | None
    ok: bool
    error: str | None = None


@dataclass
class LoadReport:
    """Everything an addon engineer wants to know after ``load_addon``."""

    addon: str
    toc_path: Path
    metadata: dict[str, str] = field(default_factory=dict)
    files: list[FileLoad] = field(default_factory=list)
    apis_touched: dict[str, int] = field(default_factory=dict)
    errors: list[LuaErrorRecord] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    loaded: bool = True
    not_loaded: str | None = None  # why the client did not load it (reason code: words)

    @property
    def ok(self) -> bool:
        """True when every file loaded and no Lua error happened during login (an addon
        left for ``LoadAddOn`` or disabled is ok; one refused for its dependencies is not)."""
        if not self.loaded:
            return self.not_loaded is not None and self.not_loaded.startswith(
                ("load on demand", "disabled"))
        return not self.errors and all(f.ok for f in self.files)

    @property
    def running(self) -> bool:
        """True when the addon runs: ``ok``, or every file loaded and only event handlers
        raised Lua errors during login (the client goes on after those, so does the addon)."""
        return self.ok or (self.loaded and bool(self.files) and all(f.ok for f in self.files))

    @property
    def blocked_calls(self) -> list[Finding]:
        return [f for f in self.findings if f.kind == "protected-call-blocked"]

    def to_dict(self) -> dict[str, object]:
        """JSON-ready form (``mgm-contract load --format json``)."""
        return {
            "addon": self.addon,
            "toc": str(self.toc_path),
            "ok": self.ok,
            "loaded": self.loaded,
            "not_loaded": self.not_loaded,
            "metadata": self.metadata,
            "files": [
                {"file": f.written, "toc_line": f.toc_line, "ok": f.ok, "error": f.error}
                for f in self.files
            ],
            "apis_touched": self.apis_touched,
            "errors": [
                {"message": e.message, "location": e.location, "context": e.context,
                 "traceback": e.traceback}
                for e in self.errors
            ],
            "findings": [
                {"kind": f.kind, "message": f.message, "location": f.location, "addon": f.addon}
                for f in self.findings
            ],
            "warnings": self.warnings,
        }
