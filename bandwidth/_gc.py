"""Build many acyclic objects without the cyclic garbage collector re-scanning them.

Opt-in (``Configuration.gc_tuning = True``; off by default): it changes
process-wide state, the collector, which a library must not do unasked.

A 10000-call ``list_calls`` page becomes about 27000 new GC-tracked objects
(each model and its fields-set). They cannot form reference cycles and, like
the ``json.loads`` dicts of the raw floor, they die by reference count. With the
collector running, though, every young collection that happens while they are
alive traverses all of them, and the first one after a big decode promotes
them in one long pause: about a fifth of the decode time of a large page.

:func:`acyclic_allocations` removes most of that cost without changing what
is collected:

* on entry (the outermost user only, and only when the GC is enabled) it runs
  a young collection, so what the program allocated before is examined as
  usual, then disables the collector;
* on a clean exit (the last concurrent user out) it files everything young,
  which is now the decoded objects, into the oldest generation and re-enables
  the collector. When nothing is frozen that takes constant time
  (``gc.freeze()`` then ``gc.unfreeze()``); when something is (the program
  froze objects, or the interpreter did: on Python 3.12 every full collection
  moves immortal objects into the permanent generation), unfreezing would thaw
  them, so the young generations are collected instead (``gc.collect(1)``: one
  pass over the new objects, which promotes them just the same). The objects
  are still collected by the next full collection if they ever become cyclic
  garbage; young collections just never re-scan them.

Nothing happens when the GC is disabled on entry (the program manages it). On
an error exit the collector is only re-enabled. Objects other threads allocate
during the decode are filed with the decoded ones (Python runs one thread at a
time, so they are few). In a child process forked while a decode was running
in another thread, the collector is re-enabled and the lock is new.
"""

from __future__ import annotations

import gc
import os
import threading
from contextlib import contextmanager
from typing import Iterator

__all__ = ["acyclic_allocations"]

_lock = threading.Lock()
_depth = 0
_resume = False
_CAN_FREEZE = hasattr(gc, "freeze") and hasattr(gc, "unfreeze")


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
        collect = False
        with _lock:
            if _depth == 1 and _resume and clean and not _can_file_in_constant_time():
                collect = True  # stay counted in while collecting, outside the lock
            else:
                _depth -= 1
                if _depth == 0 and _resume:
                    if clean:
                        gc.freeze()  # everything tracked, into the permanent generation...
                        gc.unfreeze()  # ...and back, into the oldest generation: O(1)
                    gc.enable()
        if collect:
            _file_by_collecting()


def _can_file_in_constant_time() -> bool:
    # Unfreezing would also thaw what the program (or the interpreter) froze.
    return _CAN_FREEZE and gc.get_freeze_count() == 0


def _file_by_collecting() -> None:
    """Promote the young objects by collecting them; never thaw what someone else froze."""
    global _depth
    try:
        # Outside the lock, like the collection on entry: a finalizer may decode too.
        gc.collect(1)
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _resume:
                gc.enable()


def _after_fork_in_child() -> None:
    """The threads that were decoding are gone: resume the GC for them, start a new lock."""
    global _lock, _depth, _resume
    _lock = threading.Lock()
    if _depth and _resume:
        gc.enable()
    _depth = 0
    _resume = False


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)
