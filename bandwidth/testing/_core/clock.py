"""The simulator's notion of time: a manual clock tests move by hand, and ISO 8601 helpers."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta, timezone
from typing import Optional

from bandwidth._formats import parse_timestamp

__all__ = ["ManualClock", "format_duration", "format_time", "parse_time"]


class ManualClock:
    """A clock that only moves when told to, so lifecycle tests never sleep.

    It starts at ``start`` (default: the current UTC time, to the millisecond)
    and stands still until :meth:`advance` is called. Pass it as
    ``VoiceSimulator(clock=...)`` to share one clock between several
    simulators; ``VoiceSimulator.advance`` also applies any automatic call
    progress that became due.
    """

    def __init__(self, start: Optional[datetime] = None) -> None:
        if start is None:
            start = datetime.now(timezone.utc)
            start = start.replace(microsecond=start.microsecond // 1000 * 1000)
        elif start.tzinfo is None:
            start = start.replace(tzinfo=timezone.utc)
        self._now = start.astimezone(timezone.utc)
        self._lock = threading.Lock()

    def now(self) -> datetime:
        """The current simulated time (timezone-aware, UTC)."""
        return self._now

    def __call__(self) -> datetime:
        return self._now

    def advance(self, seconds: float) -> datetime:
        """Move time forward by ``seconds`` (>= 0) and return the new time."""
        if seconds < 0:
            raise ValueError("a clock cannot go backwards")
        with self._lock:
            self._now = self._now + timedelta(seconds=seconds)
            return self._now

    def advance_to(self, moment: datetime) -> datetime:
        """Move time forward to ``moment`` (a moment already past leaves the clock alone)."""
        with self._lock:
            if moment > self._now:
                self._now = moment
            return self._now

    def __repr__(self) -> str:
        return f"ManualClock({format_time(self._now)!r})"


def format_time(value: datetime) -> str:
    """Render ``value`` the way the Voice API does: ``2022-06-16T13:15:07.160Z``."""
    v = value.astimezone(timezone.utc)  # by hand: a few times faster than strftime, per event
    return (
        f"{v.year:04d}-{v.month:02d}-{v.day:02d}T{v.hour:02d}:{v.minute:02d}:{v.second:02d}"
        f".{v.microsecond // 1000:03d}Z"
    )


def parse_time(text: str) -> datetime:
    """Parse an ISO 8601 time filter, as the SDK does (``bandwidth._formats``), in UTC.

    Raises ``ValueError`` for anything else, which the simulator turns into a 400.
    """
    return parse_timestamp(text.strip()).astimezone(timezone.utc)


def format_duration(seconds: float) -> str:
    """A length the way the Voice API writes one: ISO 8601, in seconds (``PT13.67S``)."""
    text = f"{max(0.0, seconds):.3f}".rstrip("0").rstrip(".")
    return f"PT{text}S"
