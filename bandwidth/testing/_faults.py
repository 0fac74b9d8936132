"""Scripted faults: the next N requests of an operation fail, stall, drop or garble."""

from __future__ import annotations

from dataclasses import dataclass
from typing import List, Optional, Tuple

from bandwidth.testing._paths import OPERATIONS

__all__ = ["DROP_WHEN", "MALFORMED_KINDS", "OPERATIONS", "Fault", "FaultQueue"]

DROP_WHEN = ("before_read", "after_read", "after_process")
MALFORMED_KINDS = ("json", "schema")


@dataclass
class Fault:
    """One scripted fault; ``remaining`` counts down as requests consume it."""

    operation: Optional[str]
    remaining: int
    kind: str  # "fail" | "drop" | "malformed" | "delay"
    status: int = 0
    headers: Tuple[Tuple[str, str], ...] = ()
    body: Optional[bytes] = None
    when: str = ""
    seconds: float = 0.0


class FaultQueue:
    """Faults in the order they were scripted. Not thread-safe: the simulator locks."""

    def __init__(self) -> None:
        self._faults: List[Fault] = []
        self._delays: List[Fault] = []

    def add(self, fault: Fault) -> None:
        if fault.operation is not None and fault.operation not in OPERATIONS:
            raise ValueError(
                f"unknown operation {fault.operation!r}; expected None or one of {OPERATIONS}"
            )
        if fault.remaining < 1:
            raise ValueError("count must be at least 1")
        (self._delays if fault.kind == "delay" else self._faults).append(fault)

    def clear(self) -> None:
        self._faults.clear()
        self._delays.clear()

    def __bool__(self) -> bool:
        return bool(self._faults or self._delays)

    def take(self, operation: Optional[str]) -> Tuple[float, Optional[Fault]]:
        """Consume what applies to one request: a delay (seconds) and at most one other fault."""
        delay = _take(self._delays, operation)
        return (delay.seconds if delay else 0.0), _take(self._faults, operation)


def _take(faults: List[Fault], operation: Optional[str]) -> Optional[Fault]:
    for index, fault in enumerate(faults):
        if fault.operation is None or fault.operation == operation:
            fault.remaining -= 1
            if fault.remaining == 0:
                del faults[index]
            return fault
    return None
