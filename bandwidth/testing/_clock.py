"""The simulator's notion of time: a manual clock tests move by hand, and ISO 8601 helpers."""

from __future__ import annotations

import re
import threading
from datetime import datetime, timedelta, timezone
from typing import Optional

__all__ = ["ManualClock", "format_time", "parse_time"]


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
    value = value.astimezone(timezone.utc)
    return value.strftime("%Y-%m-%dT%H:%M:%S.") + f"{value.microsecond // 1000:03d}Z"


_ISO = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})"
    r"(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?"
    r"([Zz]|[+-]\d{2}(?::?\d{2})?)?"
)


def parse_time(text: str) -> datetime:
    """Parse an ISO 8601 timestamp (``Z`` or an offset; no offset means UTC).

    Accepts a date alone, minutes or seconds precision and any fraction, the
    same on every Python version. Raises ``ValueError`` for anything else,
    which the simulator turns into a 400.
    """
    match = _ISO.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"not an ISO 8601 timestamp: {text!r}")
    year, month, day, hour, minute, second, fraction, offset = match.groups()
    micro = int((fraction or "0")[:6].ljust(6, "0"))
    tz = timezone.utc
    if offset and offset not in ("Z", "z"):
        digits = offset[1:].replace(":", "")
        delta = timedelta(hours=int(digits[:2]), minutes=int(digits[2:] or 0))
        tz = timezone(delta if offset[0] == "+" else -delta)
    value = datetime(
        int(year),
        int(month),
        int(day),
        int(hour or 0),
        int(minute or 0),
        int(second or 0),
        micro,
        tzinfo=tz,
    )
    return value.astimezone(timezone.utc)
