"""Parsing of the ``Retry-After`` header (RFC 9110 §10.2.3): delta-seconds or an HTTP-date."""

from __future__ import annotations

import math
import re
import time
from datetime import timezone
from email.utils import parsedate_to_datetime
from typing import Optional

# delta-seconds is 1*DIGIT, and DIGIT is ASCII 0-9 only: str.isdigit() would
# also accept "²" or "৩", which int() then refuses.
_DELTA_SECONDS = re.compile(r"[0-9]+")
# More digits than this is more than three million years: "longer than any cap".
_MAX_DIGITS = 15


def parse_retry_after(value: Optional[str], now: Optional[float] = None) -> Optional[float]:
    """Seconds to wait, or ``None`` when ``value`` is absent or malformed (never raises).

    An HTTP-date in the past gives ``0``; an absurdly large number of seconds
    gives ``math.inf``, which is over any cap (so the call stops retrying).
    """
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text:
        return None
    if _DELTA_SECONDS.fullmatch(text):
        digits = text.lstrip("0") or "0"
        if len(digits) > _MAX_DIGITS:  # int() of 5000 digits raises; float() of 400 overflows
            return math.inf
        return float(int(digits))
    if len(text) > 64:  # an HTTP-date is 29 characters; do not parse a server's essay
        return None
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:  # "-0000" or no zone: HTTP-dates are always GMT
        when = when.replace(tzinfo=timezone.utc)
    current = time.time() if now is None else now
    try:
        return max(0.0, when.timestamp() - current)
    except (OverflowError, ValueError, OSError):  # pragma: no cover - platform limits
        return None
