"""Scripted faults: the next N requests of an operation fail, stall, drip, drop or garble.

Two kinds of fault meet a request: how its answer is *timed* (a delay before
it, a slow drip of it) and *what* it is (a scripted status, exact bytes, no
answer, a garbled body). A request takes the first timing fault of each kind
that applies to it and the first answer fault, so a delay, a drip and a
failure scripted together meet the same request.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, List, Optional, Tuple

from bandwidth.testing._core.http_answers import Pace

__all__ = ["DROP_WHEN", "MALFORMED_KINDS", "Fault", "FaultQueue", "Taken"]

DROP_WHEN = ("before_read", "after_read", "after_process")
MALFORMED_KINDS = ("json", "schema")
#: The kinds that time an answer rather than decide it; each has a queue of its own.
_TIMING = ("delay", "slow")


@dataclass
class Fault:
    """One scripted fault; ``remaining`` counts down as requests consume it."""

    operation: Optional[str]
    remaining: int
    kind: str  # "fail" | "raw" | "drop" | "malformed" | "delay" | "slow"
    status: int = 0
    headers: Tuple[Tuple[str, str], ...] = ()
    body: Optional[bytes] = None  # "fail": the body; "raw": the whole answer
    when: str = ""
    seconds: float = 0.0
    pace: Optional[Pace] = None


@dataclass(frozen=True)
class Taken:
    """What one request met: a delay (seconds), a pace to write at, and an answer fault."""

    delay: float = 0.0
    pace: Optional[Pace] = None
    fault: Optional[Fault] = None


NOTHING = Taken()


class FaultQueue:
    """Faults in the order they were scripted. Not thread-safe: the simulator locks."""

    def __init__(self, operations: Tuple[str, ...]) -> None:
        #: the operation names a fault may target (every product's, and the token endpoint)
        self.operations = operations
        self._faults: List[Fault] = []
        self._timing: Dict[str, List[Fault]] = {kind: [] for kind in _TIMING}

    def add(self, fault: Fault) -> None:
        operations = self.operations
        if fault.operation is not None and fault.operation not in operations:
            raise ValueError(
                f"unknown operation {fault.operation!r}; expected None or one of {operations}"
            )
        if isinstance(fault.remaining, bool) or not isinstance(fault.remaining, int):
            raise TypeError("count must be an integer")
        if fault.remaining < 1:
            raise ValueError("count must be at least 1")
        self._timing.get(fault.kind, self._faults).append(fault)

    def clear(self) -> None:
        self._faults.clear()
        for queue in self._timing.values():
            queue.clear()

    def __bool__(self) -> bool:
        return bool(self._faults) or any(self._timing.values())

    def take(self, operation: Optional[str]) -> Taken:
        """Consume what applies to one request: one fault of each timing kind, one answer fault."""
        delay = _take(self._timing["delay"], operation)
        slow = _take(self._timing["slow"], operation)
        return Taken(
            delay.seconds if delay else 0.0,
            slow.pace if slow else None,
            _take(self._faults, operation),
        )


def _take(faults: List[Fault], operation: Optional[str]) -> Optional[Fault]:
    for index, fault in enumerate(faults):
        if fault.operation is None or fault.operation == operation:
            fault.remaining -= 1
            if fault.remaining == 0:
                del faults[index]
            return fault
    return None
