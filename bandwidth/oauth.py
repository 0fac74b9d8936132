"""OAuth 2 client credentials: fetch, cache and refresh bearer tokens.

The token request goes through the client's own connection pool, so it uses
the same TLS, proxy, timeout, deadline, size limit and retry settings as API
calls. One fetch runs at a time however many threads need a token; the fetch
is bounded by the deadline as a whole (no attempt reads past it), and a
thread waiting for another's fetch waits no longer than the deadline either.
"""

from __future__ import annotations

import json
import logging
import re
import threading
import time
from typing import TYPE_CHECKING, Any, Callable, List, Optional, Tuple

import urllib3

from bandwidth._fork import renew_after_fork
from bandwidth._redact import scrub_bytes, shown_value
from bandwidth._timeouts import deadline_for
from bandwidth.exceptions import ApiTimeoutError, InvalidResponseException, error_from_response

if TYPE_CHECKING:
    from bandwidth.configuration import Configuration
    from bandwidth.rest import RESTClientObject

__all__ = ["OAuthTokenSource"]

_log = logging.getLogger("bandwidth")
# Printable Latin-1 without controls: what a Bearer header value can carry.
_HEADER_SAFE = re.compile(r"[\x20-\x7e\x80-\xff]+")


class OAuthTokenSource:
    """Supplies ``Authorization: Bearer …`` values from the client-credentials grant."""

    def __init__(
        self,
        configuration: Configuration,
        rest_client: RESTClientObject,
        retries: Callable[[], urllib3.Retry],
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._configuration = configuration
        self._rest = rest_client
        self._retries = retries
        self._clock = clock
        self._lock = threading.Lock()
        self._header: Optional[str] = None
        self._refresh_at = 0.0
        renew_after_fork(self)

    def _after_fork(self) -> None:
        """In a forked child: a new lock, free even if a fetch was in flight at the fork."""
        self._lock = threading.Lock()

    def authorization(self) -> str:
        """A valid ``Bearer`` header value, fetching a token when none is fresh."""
        header = self._header
        if header is not None and self._clock() < self._refresh_at:
            return header
        deadline = deadline_for(self._configuration.timeout, self._configuration.deadline)
        lock = self._lock
        if not lock.acquire(timeout=deadline):
            raise ApiTimeoutError(
                reason=f"Timed out: another thread's OAuth token fetch took over {deadline:g}s"
            )
        try:
            if self._header is None or self._clock() >= self._refresh_at:
                self._fetch(deadline)
            assert self._header is not None
            return self._header
        finally:
            lock.release()

    def invalidate(self, header: Optional[str]) -> None:
        """Forget the token behind ``header`` (after a 401), unless another thread already did."""
        lock = self._lock
        deadline = self._configuration.deadline
        if not lock.acquire(timeout=deadline):
            return  # another thread is fetching a new token right now
        try:
            if header is None or header == self._header:
                self._header = None
        finally:
            lock.release()

    def _secret_values(self) -> List[str]:
        """The current token and its header value, for redaction by value."""
        header = self._header
        return [header, header[len("Bearer ") :]] if header else []

    def _fetch(self, deadline: float) -> None:
        cfg = self._configuration
        credentials = f"{cfg.client_id}:{cfg.client_secret}"
        headers = urllib3.util.make_headers(basic_auth=credentials)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        headers["Accept"] = "application/json"
        _log.debug("Fetching an OAuth token from %s", cfg.access_token_url)
        response = self._rest.send(
            "POST",
            cfg.access_token_url,
            headers=headers,
            body=b"grant_type=client_credentials",
            timeout=cfg.timeout,
            retries=self._retries(),
            deadline=deadline,
            max_bytes=cfg.max_response_bytes,
            not_after=time.monotonic() + deadline,
        )
        raw = response.data
        if not 200 <= response.status <= 299:
            raw = scrub_bytes(raw, cfg._secret_values())  # an endpoint may echo the client secret
            raise error_from_response(response.status, response.reason, response.headers, raw)
        token, expires_in = _parse_token(raw, response)
        now = self._clock()
        if expires_in is None:
            self._refresh_at = float("inf")  # no lifetime given: keep until a 401 says otherwise
        else:
            margin = min(cfg.token_refresh_margin, expires_in / 2)
            self._refresh_at = now + expires_in - margin
        self._header = f"Bearer {token}"


def _parse_token(raw: bytes, response: Any) -> Tuple[str, Optional[float]]:
    def invalid(why: str) -> InvalidResponseException:
        # No body: a token endpoint's answer holds a token, which is a credential.
        return InvalidResponseException(
            response.status,
            f"OAuth token endpoint answered {response.status} {why}",
            headers=response.headers,
        )

    try:
        document = json.loads(raw)
    except (ValueError, RecursionError):  # RecursionError: JSON nested 100000 deep
        raise invalid("with a body that is not JSON") from None
    if not isinstance(document, dict):
        raise invalid("with JSON that is not an object")
    token = document.get("access_token")
    if not isinstance(token, str) or not token:
        raise invalid("without an access_token")
    if not _HEADER_SAFE.fullmatch(token):
        raise invalid("with an access_token that cannot be sent in a header")
    token_type = document.get("token_type", "Bearer")
    if not isinstance(token_type, str) or token_type.lower() != "bearer":
        raise invalid(f"with token_type {shown_value(token_type)}, not Bearer")
    expires_in = document.get("expires_in")
    if expires_in is None:
        return token, None
    if (
        isinstance(expires_in, bool)
        or not isinstance(expires_in, (int, float))
        or not 0 < expires_in < 10**9  # NaN and Infinity (json.loads reads both) too
    ):
        raise invalid(f"with an invalid expires_in {shown_value(expires_in)}")
    return token, float(expires_in)
