"""The retry policy: urllib3's ``Retry`` with the rules a telephony API needs.

The one rule that matters most: a retry must never place a second phone call.
So the policy distinguishes *idempotent* requests (``GET``, and the BXML
``PUT``, which replaces a document) from *non-idempotent* ones (the ``POST``
of ``create_call`` and ``update_call``):

=========================================  ===========  ===============
failure                                    idempotent   non-idempotent
=========================================  ===========  ===============
connection refused / failed to connect     retried      retried
connect timeout                            retried      retried
read timeout, connection dropped           retried      **never**
429 Too Many Requests                      retried      retried
500, 502, 503, 504                         retried      **never**
any other status                           never        never
=========================================  ===========  ===============

Waits are exponential with jitter (``backoff_factor * 2**(n-1)``, between half
and all of it, capped at ``backoff_max``). A valid ``Retry-After`` (seconds or
an HTTP-date) replaces the backoff; one longer than ``max_retry_after`` stops
retrying at once so the caller gets
:class:`~bandwidth.exceptions.TooManyRequestsException` with ``retry_after``
set. A malformed ``Retry-After`` falls back to backoff.

Like urllib3's ``Retry``, a policy is an immutable value: each attempt makes a
new one, so one policy can be shared by every thread.
"""

from __future__ import annotations

import logging
import random
import time
from typing import TYPE_CHECKING, Any, Callable, Collection, Optional, Tuple, Union

from urllib3.exceptions import MaxRetryError, ResponseError
from urllib3.util.retry import Retry

from bandwidth._retry_after import parse_retry_after

if TYPE_CHECKING:
    from types import TracebackType

    from typing_extensions import Self
    from urllib3.connectionpool import ConnectionPool
    from urllib3.response import BaseHTTPResponse

__all__ = ["DEFAULT_RETRIES", "IDEMPOTENT_METHODS", "RETRY_STATUSES", "RetryPolicy"]

_log = logging.getLogger("bandwidth")

#: Retries after the first attempt when ``Configuration.retries`` is ``None``.
DEFAULT_RETRIES = 3
#: Methods safe to repeat: in this API, reads and the BXML replacement.
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
#: Statuses retried for idempotent requests (429 is retried for every request).
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


class RetryPolicy(Retry):
    """urllib3 ``Retry`` that never repeats a request which may have created a call.

    Args:
        total: retries after the first attempt (``0`` disables retrying).
        backoff_factor: first backoff wait in seconds; doubles each attempt.
        backoff_max: longest backoff wait in seconds.
        max_retry_after: longest ``Retry-After`` honoured, in seconds.
        sleep: the function that waits (a seam for tests).

    Other keywords are urllib3's.
    """

    DEFAULT_ALLOWED_METHODS = IDEMPOTENT_METHODS

    def __init__(
        self,
        total: Union[bool, int, None] = DEFAULT_RETRIES,
        *,
        backoff_factor: float = 0.5,
        backoff_max: float = 8.0,
        max_retry_after: float = 60.0,
        sleep: Optional[Callable[[float], Any]] = None,
        allowed_methods: Optional[Collection[str]] = IDEMPOTENT_METHODS,
        status_forcelist: Optional[Collection[int]] = RETRY_STATUSES,
        redirect: Union[bool, int, None] = False,
        raise_on_status: bool = False,
        **kwargs: Any,
    ) -> None:
        kwargs.pop("retry_after_max", None)  # urllib3 >= 2.6 knows it; we cap ourselves
        super().__init__(
            total=total,
            backoff_factor=backoff_factor,
            backoff_max=backoff_max,
            allowed_methods=allowed_methods,
            status_forcelist=status_forcelist,
            redirect=redirect,
            raise_on_status=raise_on_status,
            **kwargs,
        )
        self.max_retry_after = max_retry_after
        self._sleep = sleep

    #: (method, path, cause) of the failed attempt this policy follows, for sleep()'s log line
    _retrying: Optional[Tuple[str, str, str]] = None

    def new(self, **kw: Any) -> Self:
        """A copy with some settings replaced (how each attempt makes its successor)."""
        kw.setdefault("max_retry_after", self.max_retry_after)
        kw.setdefault("sleep", self._sleep)
        return super().new(**kw)

    def is_retry(self, method: str, status_code: int, has_retry_after: bool = False) -> bool:
        """Whether a response with ``status_code`` is retried for ``method``.

        429 is retried for every method: the server refused the request
        without acting on it. Other statuses only for idempotent methods.
        """
        forcelist = self.status_forcelist
        if status_code == 429:
            return forcelist is None or 429 in forcelist
        if not forcelist or status_code not in forcelist:
            return False
        return self._is_method_retryable(method)

    def increment(
        self,
        method: Optional[str] = None,
        url: Optional[str] = None,
        response: Optional[BaseHTTPResponse] = None,
        error: Optional[Exception] = None,
        _pool: Optional[ConnectionPool] = None,
        _stacktrace: Optional[TracebackType] = None,
    ) -> Self:
        """Count one failed attempt, or raise when the failure must not be retried."""
        # Anything but a failure to connect may have reached the server: only
        # idempotent requests may try again.
        if (
            error is not None
            and not self._is_connection_error(error)
            and (method is None or not self._is_method_retryable(method))
        ):
            raise error.with_traceback(_stacktrace)
        if response is not None and self.respect_retry_after_header:
            wait = self.get_retry_after(response)
            if wait is not None and wait > self.max_retry_after:
                reason = ResponseError(
                    f"Retry-After of {wait:g}s exceeds the {self.max_retry_after:g}s limit"
                )
                raise MaxRetryError(_pool, url or "", reason)  # type: ignore[arg-type]
        try:
            new_retry = super().increment(method, url, response, error, _pool, _stacktrace)
        except MaxRetryError as exc:
            exc.attempts = len(self.history) + 1  # type: ignore[attr-defined]  # for the message
            raise
        cause = str(response.status) if response is not None else type(error).__name__
        # What sleep() logs (it knows the wait): this new policy is used once.
        new_retry._retrying = (method or "", (url or "").split("?", 1)[0], cause)
        return new_retry

    def _attempts_left(self) -> Optional[int]:
        counts = [
            n for n in (self.total, self.connect, self.read, self.status) if isinstance(n, int)
        ]
        return min(counts) if counts else None

    def get_retry_after(self, response: BaseHTTPResponse) -> Optional[float]:
        """Seconds the server asked us to wait, or ``None`` when absent or malformed."""
        return parse_retry_after(response.headers.get("Retry-After"))

    def get_backoff_time(self) -> float:
        """Exponential backoff with jitter: between half and all of ``factor * 2**(n-1)``."""
        attempts = 0
        for entry in reversed(self.history):
            if entry.redirect_location is not None:
                break
            attempts += 1
        if attempts == 0 or self.backoff_factor <= 0:
            return 0.0
        ceiling = min(float(self.backoff_max), self.backoff_factor * (2.0 ** (attempts - 1)))
        return ceiling / 2 + random.random() * ceiling / 2

    def sleep(self, response: Optional[BaseHTTPResponse] = None) -> None:
        """Wait before the next attempt: ``Retry-After`` when valid, else backoff."""
        wait: Optional[float] = None
        source = "backoff"
        if response is not None and self.respect_retry_after_header:
            wait = self.get_retry_after(response)
            source = "Retry-After"
        if wait is None:
            wait = self.get_backoff_time()
            source = "backoff"
        attempt = len(self.history) + 1
        method, path, cause = self._retrying or ("", "", "")
        left = self._attempts_left()
        of = f"{attempt}/{attempt + left}" if left is not None else str(attempt)
        _log.info(
            "retrying %s %s (%s) in %.1f s (%s): %s",
            method,
            path,
            of,
            wait,
            source,
            cause,
            extra={"bandwidth_retry": {"attempt": of, "wait": wait, "cause": cause}},
        )
        _not_past_the_deadline(wait)
        if wait > 0:
            (self._sleep or time.sleep)(wait)

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(total={self.total}, backoff_factor={self.backoff_factor}, "
            f"backoff_max={self.backoff_max}, max_retry_after={self.max_retry_after})"
        )


def _not_past_the_deadline(wait: float) -> None:
    """Give up before waiting ``wait`` seconds when the next attempt would start past the
    call's deadline (the transport's ``not_after``): the caller's worst case is the
    deadline they configured, however many retries are left."""
    from bandwidth._bounded import DeadlineExceeded, attempt_limits

    limits = attempt_limits.limits
    not_after = limits[2] if limits is not None else None
    if not_after is not None and time.monotonic() + wait >= not_after:
        raise DeadlineExceeded("the call's deadline would pass before the next attempt")
