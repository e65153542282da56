"""The ``bit`` library the 3.3.5a client ships (LuaBitOp semantics: signed 32-bit results)."""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import reduce
from typing import TYPE_CHECKING, Any

from wowapi_stubs.errors import WowApiError
from wowapi_stubs.widgets.base import lua_number

if TYPE_CHECKING:
    from wowapi_stubs.client import HeadlessClient


def _u32(value: Any) -> int:
    """An operand as 32 bits; numeric strings (``"0xF13"``) coerce as ``luaL_checknumber``
    does in the client."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        try:
            value = lua_number(value)
        except WowApiError:
            raise WowApiError("bad argument to bit operation (number expected)") from None
    if value != value or value in (math.inf, -math.inf):
        return 0  # NaN and infinities have no low bits: the library reads 0
    return int(value) & 0xFFFFFFFF


def _signed(value: int) -> int:
    value &= 0xFFFFFFFF
    return value - 0x100000000 if value & 0x80000000 else value


def install(client: HeadlessClient) -> dict[str, Callable[..., Any]]:
    def band(*values: Any) -> int:
        return _signed(reduce(lambda a, b: a & b, map(_u32, values), 0xFFFFFFFF))

    def bor(*values: Any) -> int:
        return _signed(reduce(lambda a, b: a | b, map(_u32, values), 0))

    def bxor(*values: Any) -> int:
        return _signed(reduce(lambda a, b: a ^ b, map(_u32, values), 0))

    def bnot(value: Any) -> int:
        return _signed(~_u32(value))

    def lshift(value: Any, count: Any) -> int:
        return _signed(_u32(value) << (_u32(count) & 31))

    def rshift(value: Any, count: Any) -> int:
        return _signed(_u32(value) >> (_u32(count) & 31))

    def arshift(value: Any, count: Any) -> int:
        return _signed(_signed(_u32(value)) >> (_u32(count) & 31))

    def tobit(value: Any) -> int:
        return _signed(_u32(value))

    return {"bit.band": band, "bit.bor": bor, "bit.bxor": bxor, "bit.bnot": bnot,
            "bit.lshift": lshift, "bit.rshift": rshift, "bit.arshift": arshift,
            "bit.tobit": tobit}
