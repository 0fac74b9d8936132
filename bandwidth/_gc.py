"""Build many acyclic objects without the cyclic garbage collector re-scanning them.

A 10000-call ``list_calls`` page becomes about 27000 new GC-tracked objects
(each model and its fields-set). They cannot form reference cycles and, like
the ``json.loads`` dicts of the raw floor, they die by reference count. With the
collector running, though, every young collection that happens while they are
alive traverses all of them, and the first one after a big decode promotes
them in one long pause: about a fifth of the decode time of a large page.

:func:`acyclic_allocations` removes that cost without changing what is
collected:

* on entry (the outermost user only, and only when the GC is enabled) it runs
  a young collection, so what the program allocated before is examined as
  usual, then disables the collector;
* on a clean exit (the last concurrent user out) it files everything young,
  which is now the decoded objects, into the oldest generation in O(1)
  (``gc.freeze()`` then ``gc.unfreeze()``) and re-enables the collector. The
  objects are still collected by the next full collection if they ever become
  cyclic garbage; young collections just never re-scan them.

It stays out of the way of programs that manage the collector themselves:
nothing happens when the GC is disabled on entry, and objects are never filed
when the program has frozen any (``gc.get_freeze_count()`` is not zero). On an
error exit the collector is only re-enabled. Objects other threads allocate
during the decode are filed with the decoded ones (Python runs one thread at a
time, so they are few). ``Configuration.gc_tuning = False`` turns all of this off.
"""

from __future__ import annotations

import gc
import threading
from contextlib import contextmanager
from typing import Iterator

__all__ = ["acyclic_allocations"]

_lock = threading.Lock()
_depth = 0
_resume = False
_CAN_FILE = hasattr(gc, "freeze") and hasattr(gc, "unfreeze")


@contextmanager
def acyclic_allocations() -> Iterator[None]:
    """Pause the cyclic GC around a block that only allocates acyclic objects; file them as old.

    Nested and concurrent uses are counted: the first in pauses, the last out resumes.
    """
    global _depth, _resume
    with _lock:
        first = _depth == 0
        _depth += 1
        if first:
            _resume = gc.isenabled()
            gc.disable()
    clean = False
    try:
        if first and _resume:
            # Outside the lock: a finalizer run by this collection may decode too.
            gc.collect(1)
        yield
        clean = True
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _resume:
                if clean and _CAN_FILE and gc.get_freeze_count() == 0:
                    gc.freeze()
                    gc.unfreeze()
                gc.enable()
