"""The one setting of the Python runtime the engine makes: rarer cyclic collections while it
computes a batch (``fewer_collections_while_computing``). Measured, not guessed: see its
docstring and ``bench/RESULTS.md``."""

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

#: the collector's first threshold while a batch is computed (CPython's own is 700)
BATCH_THRESHOLD = 100_000

_lock = threading.Lock()
_batches = 0
_threshold_before: tuple[int, int, int] = gc.get_threshold()


@contextmanager
def fewer_collections_while_computing() -> Iterator[None]:
    """Run the block with the cyclic garbage collector's first threshold raised, then put the
    thresholds back as they were.

    Why: the engine creates a handful of objects per service (the working line, the priced
    line, the reduction, the computed line) and keeps them all until ``compute`` returns;
    none is part of a reference cycle, so the collector frees nothing while it computes. With
    CPython's default threshold it still runs every 700 allocations and walks the objects
    alive again and again, and once a batch outgrows a quarter of the objects already alive
    it walks every object of the process. Measured (``bench/engine.py``, collections counted
    with ``gc.callbacks``): 2 000 services, 28 collections, 2 ms of 36 ms, no full one;
    20 000 services, 322 collections of which 2 full, 73-90 ms of 460-510 ms, not one object
    freed; on the Tableau de bord of 51 000 stored services, 1.0-1.3 s of 3.9-4.6 s. This is
    what made 10 times the services take 12.5-14 times the time, while the engine's own calls
    grow 9.7 times.

    Results cannot change: the collector only frees objects nothing can reach, and the engine
    has neither finalizers nor weak references; a collection merely comes later. The
    thresholds belong to the whole process: computations that overlap (the dashboard on a
    worker thread while a statement is prepared) share one raise, and the last to finish
    restores what was there before the first began.
    """
    global _batches, _threshold_before
    with _lock:
        if _batches == 0:
            _threshold_before = gc.get_threshold()
            gc.set_threshold(max(BATCH_THRESHOLD, _threshold_before[0]), *_threshold_before[1:])
        _batches += 1
    try:
        yield
    finally:
        with _lock:
            _batches -= 1
            if _batches == 0:
                gc.set_threshold(*_threshold_before)
