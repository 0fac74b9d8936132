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

__all__ = ["Action", "Timers"]

#: Something due at a time: called with that time, under the simulator's lock. It may
#: return a webhook delivery (:class:`~bandwidth.testing._core.webhooks.Delivery`) for
#: the flow engine to make.
Action = Callable[[datetime], Any]


class Timers:
    """Actions due at given times, run in time order (then in the order they were added)."""

    def __init__(self) -> None:
        self._heap: List[Tuple[datetime, int, Action]] = []
        self._seq = itertools.count()

    def __bool__(self) -> bool:
        return bool(self._heap)

    def __len__(self) -> int:
        return len(self._heap)

    def add(self, due: datetime, action: Action) -> None:
        """Run ``action`` once the clock reaches ``due``."""
        heapq.heappush(self._heap, (due, next(self._seq), action))

    def next_due(self) -> Optional[datetime]:
        """When the earliest action is due, ``None`` if there is none."""
        return self._heap[0][0] if self._heap else None

    def pop(self, now: datetime) -> Optional[Tuple[datetime, Action]]:
        """The earliest action due by ``now`` (removed), or ``None``."""
        heap = self._heap
        if not heap or heap[0][0] > now:
            return None
        due, _, action = heapq.heappop(heap)
        return due, action

    def clear(self) -> None:
        """Drop every pending action."""
        self._heap.clear()
