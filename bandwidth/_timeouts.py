"""Timeouts: what users may pass, normalised once, and each attempt's deadline.

``Configuration.timeout`` and the per-call ``_request_timeout`` accept the
same forms (seconds, a ``(connect, read)`` pair, a ``urllib3.Timeout``);
:func:`to_timeout` turns any of them into a ``urllib3.Timeout`` or raises a
typed error naming the setting. :func:`deadline_for` says how long one attempt
may take in total, which the transport enforces while reading.
"""

from __future__ import annotations

from typing import Any, Optional, Tuple, Union

import urllib3
from typing_extensions import TypeAlias

from bandwidth.exceptions import ApiTypeError, ApiValueError

__all__ = [
    "DEFAULT_DEADLINE",
    "DEFAULT_TIMEOUT",
    "TimeoutValue",
    "check_seconds",
    "deadline_for",
    "to_timeout",
]

#: 10 s to connect, 30 s to read: finite, so no call can block forever.
DEFAULT_TIMEOUT = urllib3.Timeout(connect=10.0, read=30.0)
#: Seconds one attempt may take in total (sending, headers and body).
DEFAULT_DEADLINE = 120.0
#: The longest timeout accepted (about 31 years): sockets and clocks refuse
#: ``inf`` or ``1e308`` with an ``OverflowError``, after the request went out.
MAX_SECONDS = 1e9

TimeoutValue: TypeAlias = Union[float, int, Tuple[float, float], urllib3.Timeout]


def to_timeout(value: Optional[TimeoutValue], name: str = "timeout") -> urllib3.Timeout:
    """Normalise a timeout given as seconds, a ``(connect, read)`` pair or a ``urllib3.Timeout``.

    Seconds bound everything, as in the generated SDK (where a number is
    ``urllib3.Timeout(total=...)``): connecting, each read, and the whole
    attempt (its deadline). A pair bounds connecting and each read; the
    attempt then has ``Configuration.deadline``.
    """
    if value is None:
        return DEFAULT_TIMEOUT
    if isinstance(value, urllib3.Timeout):
        for part in ("total", "_connect", "_read"):  # as given (the properties compute)
            seconds = getattr(value, part, None)
            if isinstance(seconds, (int, float)) and not seconds <= MAX_SECONDS:
                raise ApiValueError(
                    f"{name} must be a finite number of seconds, at most {MAX_SECONDS:g}"
                )
        return value
    if isinstance(value, bool):
        raise ApiTypeError(f"{name} must be seconds, a (connect, read) pair or a urllib3.Timeout")
    if isinstance(value, (int, float)):
        check_seconds(value, name)
        return urllib3.Timeout(total=value, connect=value, read=value)
    if isinstance(value, (tuple, list)) and len(value) == 2:
        connect, read = value
        check_seconds(connect, f"{name} (connect)")
        check_seconds(read, f"{name} (read)")
        return urllib3.Timeout(connect=connect, read=read)
    raise ApiTypeError(f"{name} must be seconds, a (connect, read) pair or a urllib3.Timeout")


def check_seconds(value: Any, name: str) -> None:
    """A positive number of seconds, or a typed error naming ``name``."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ApiTypeError(f"{name} must be a number of seconds, not {type(value).__name__}")
    if not value > 0:
        raise ApiValueError(f"{name} must be greater than 0 seconds, got {value!r}")
    if not value <= MAX_SECONDS:  # inf, 1e308
        raise ApiValueError(f"{name} must be a finite number of seconds, at most {MAX_SECONDS:g}")


def deadline_for(timeout: urllib3.Timeout, configured: float) -> float:
    """An attempt's deadline: the timeout's ``total`` when it has one, else ``configured``."""
    total = timeout.total
    return configured if total is None else float(total)  # type: ignore[arg-type]
