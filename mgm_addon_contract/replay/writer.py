"""Writing a recorded chat log again the way the client flushes it, streaming.

The source is read in 1 MiB pieces and never held whole: ``line`` writes each line with one
write call (a line longer than ``max_piece`` in pieces of that size), ``block:N`` writes
N-byte blocks, ``random`` random pieces of 1-512 bytes (seeded).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

READ_BYTES = 1 << 20
MAX_PIECE = 1 << 20


def check_policy(policy: str) -> str:
    """``policy`` when it is ``line``, ``block:N`` (N > 0) or ``random``; else ValueError."""
    if policy in ("line", "random"):
        return policy
    if policy.startswith("block:") and policy[6:].isdigit() and int(policy[6:]) > 0:
        return policy
    raise ValueError(f"--flush must be line, block:N or random, not {policy!r}")


def pieces(source: Path, policy: str, *, seed: int = 0,
           max_piece: int = MAX_PIECE) -> Iterator[bytes]:
    """The bytes of ``source`` as the writes the client would make under ``policy``."""
    check_policy(policy)
    with source.open("rb") as handle:
        if policy == "line":
            yield from _lines(handle, max_piece)
        elif policy == "random":
            yield from _random(handle, random.Random(seed))
        else:
            size = int(policy[6:])
            while block := handle.read(size):
                yield block


def _lines(handle, max_piece: int) -> Iterator[bytes]:  # noqa: ANN001 - a binary file
    carried = b""
    while chunk := handle.read(READ_BYTES):
        start = 0
        if carried:
            newline = chunk.find(b"\n")
            if newline < 0:
                carried += chunk
                while len(carried) >= max_piece:  # an over-long line: bounded pieces
                    yield carried[:max_piece]
                    carried = carried[max_piece:]
                continue
            yield carried + chunk[:newline + 1]
            carried, start = b"", newline + 1
        end = chunk.rfind(b"\n") + 1
        if end > start:
            yield from chunk[start:end].splitlines(keepends=True)
        carried = chunk[max(end, start):]
        while len(carried) >= max_piece:
            yield carried[:max_piece]
            carried = carried[max_piece:]
    if carried:
        yield carried


def _random(handle, rng: random.Random) -> Iterator[bytes]:  # noqa: ANN001
    buffer, position = b"", 0
    while True:
        if len(buffer) - position < 512:
            buffer, position = buffer[position:] + handle.read(READ_BYTES), 0
            if not buffer:
                return
        piece = buffer[position:position + rng.randint(1, 512)]
        position += len(piece)
        yield piece
