"""Everything due later, in time order: the one queue the simulator's clock drives.

Lifecycle steps, verbs ending, timeouts, digits and webhooks of every
product are actions here; the flow engine (or whatever drives a product)
runs them one by one as the clock reaches them. Not thread-safe on its own:
callers hold the simulator's lock.
"""

from __future__ import annotations

import heapq
import itertools
from datetime import datetime
from typing import Any, Callable, List, Optional, Tuple

__all__ = ["Action", "TimerGroup", "Timers"]

#: Something due at a time: called with that time, under the simulator's lock. It may
#: return a webhook delivery (:class:`~bandwidth.testing._core.webhooks.Delivery`) for
#: the flow engine to make.
Action = Callable[[datetime], Any]


class Timers:
    """Actions due at given times, run in time order (then in the order they were added)."""

    def __init__(self) -> None:
        self._heap: List[Tuple[datetime, int, Action, str]] = []
        self._seq = itertools.count()

    def __bool__(self) -> bool:
        return bool(self._heap)

    def __len__(self) -> int:
        return len(self._heap)

    def add(self, due: datetime, action: Action, owner: str = "") -> None:
        """Run ``action`` once the clock reaches ``due`` (``owner``: whose it is)."""
        heapq.heappush(self._heap, (due, next(self._seq), action, owner))

    def next_due(self) -> Optional[datetime]:
        """When the earliest action is due, ``None`` if there is none."""
        return self._heap[0][0] if self._heap else None

    def pop(self, now: datetime) -> Optional[Tuple[datetime, Action]]:
        """The earliest action due by ``now`` (removed), or ``None``."""
        heap = self._heap
        if not heap or heap[0][0] > now:
            return None
        due, _, action, _ = heapq.heappop(heap)
        return due, action

    def clear(self, owner: Optional[str] = None) -> None:
        """Drop every pending action (only ``owner``'s when given)."""
        if owner is None:
            self._heap.clear()
            return
        self._heap = [entry for entry in self._heap if entry[3] != owner]
        heapq.heapify(self._heap)

    def group(self, owner: str) -> TimerGroup:
        """One product's view of this queue: what it adds is its own to clear."""
        return TimerGroup(self, owner)


class TimerGroup(Timers):
    """A product's view of the shared queue: adds under its name, clears only its own
    (``sim.clear_calls()`` must not drop media's or messaging's timers); the rest is
    the shared queue's (whoever drives the clock runs every product's actions)."""

    def __init__(self, shared: Timers, owner: str) -> None:  # no heap of its own
        self._shared = shared
        self._owner = owner

    def __bool__(self) -> bool:
        return bool(self._shared)

    def __len__(self) -> int:
        return len(self._shared)

    def add(self, due: datetime, action: Action, owner: str = "") -> None:
        self._shared.add(due, action, owner or self._owner)

    def next_due(self) -> Optional[datetime]:
        return self._shared.next_due()

    def pop(self, now: datetime) -> Optional[Tuple[datetime, Action]]:
        return self._shared.pop(now)

    def clear(self, owner: Optional[str] = None) -> None:
        self._shared.clear(self._owner if owner is None else owner)
