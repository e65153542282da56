"""CPU time Python's cycle collector takes, so that CPU deadlines measure the addon's work.

The collector runs inside host calls, whenever allocations cross its thresholds: in a test
process holding a FrameXML client (some 300,000 objects) one full collection costs about
0.3 s of CPU, which would land on whichever Lua entry happened to be running and could push
it past its deadline ("script ran too long") though the addon did nothing slow. The client
adds the collections' time to the running entry's deadline (see ``past`` in bootstrap.lua).
"""

from __future__ import annotations

import _thread
import gc
import threading
import time
from collections import deque

_SPANS: deque[tuple[float, float]] = deque(maxlen=512)  # (began, ended), process CPU time
_began = [0.0]
_REDELIVER_SECONDS = 0.05


def _time_collection(phase: str, info: dict[str, int]) -> None:
    try:
        if phase == "start":
            _began[0] = time.process_time()
        else:
            _SPANS.append((_began[0], time.process_time()))
    except KeyboardInterrupt:
        # The collector prints and drops what its callbacks raise (raising it again here
        # would be dropped too): a Ctrl+C that lands here reaches the main thread again
        # from another thread, once the collection is over.
        threading.Timer(_REDELIVER_SECONDS, _thread.interrupt_main).start()


def last_collection_seconds() -> float:
    """CPU seconds the collection that ended last took (for callbacks after this one)."""
    began, ended = _SPANS[-1] if _SPANS else (0.0, 0.0)
    return ended - began


def gc_time_since(start: float) -> float:
    """CPU seconds taken by collections that began at process time ``start`` or later (the
    clock Lua's ``os.clock`` reads)."""
    return sum(ended - began for began, ended in _SPANS if began >= start)


if _time_collection not in gc.callbacks:
    gc.callbacks.insert(0, _time_collection)

__all__ = ["gc_time_since", "last_collection_seconds"]
