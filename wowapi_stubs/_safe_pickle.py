"""Reading results from an isolation worker: a pickle that can only rebuild plain data.

A worker runs untrusted addon code; if that code ever escaped the Lua sandbox it could
write any bytes to the parent. So the parent unpickles with an allowlist: builtin
containers and scalars, paths, dates, and dataclasses, enums and exceptions *defined in*
this project's packages (never a function, a module, or a class merely imported there).
"""

from __future__ import annotations

import dataclasses
import enum
import io
import pickle
from typing import Any

_PACKAGES = ("wowapi_stubs.", "mgm_addon_contract.")
_ALLOWED = {
    ("builtins", name) for name in (
        "set", "frozenset", "bytearray", "complex", "slice", "range", "object")
} | {
    ("pathlib", name) for name in ("Path", "PosixPath", "PurePosixPath", "WindowsPath",
                                   "PureWindowsPath")
} | {
    ("datetime", name) for name in ("datetime", "date", "time", "timedelta", "timezone")
} | {("collections", "OrderedDict"), ("copyreg", "_reconstructor")}


class UnsafeResult(pickle.UnpicklingError):
    """The worker sent something other than plain data."""


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in _ALLOWED:
            return super().find_class(module, name)
        if module.startswith(_PACKAGES):
            found = super().find_class(module, name)
            if (isinstance(found, type) and found.__module__ == module
                    and (dataclasses.is_dataclass(found) or issubclass(found, enum.Enum)
                         or issubclass(found, Exception))):
                return found
        raise UnsafeResult(f"a worker result may not contain {module}.{name}")


def loads(data: bytes) -> Any:
    """Unpickle ``data`` allowing plain data only (see the module docstring)."""
    return _Unpickler(io.BytesIO(data)).load()
