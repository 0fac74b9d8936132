"""OAuth 2 client credentials: fetch, cache and refresh bearer tokens.

The token request goes through the client's own connection pool, so it uses
the same TLS, proxy, timeout and retry settings as API calls. One fetch runs
at a time however many threads need a token.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from typing import TYPE_CHECKING, Any, Callable, Optional

import urllib3

from bandwidth.exceptions import InvalidResponseException, error_from_response

if TYPE_CHECKING:
    from bandwidth.configuration import Configuration
    from bandwidth.rest import RESTClientObject

__all__ = ["OAuthTokenSource"]

_log = logging.getLogger("bandwidth")


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

    def authorization(self) -> str:
        """A valid ``Bearer`` header value, fetching a token when none is fresh."""
        header = self._header
        if header is not None and self._clock() < self._refresh_at:
            return header
        with self._lock:
            if self._header is None or self._clock() >= self._refresh_at:
                self._fetch()
            assert self._header is not None
            return self._header

    def invalidate(self, header: Optional[str]) -> None:
        """Forget the token behind ``header`` (after a 401), unless another thread already did."""
        with self._lock:
            if header is None or header == self._header:
                self._header = None

    def _fetch(self) -> None:
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
        )
        raw = response.data
        if not 200 <= response.status <= 299:
            raise error_from_response(response.status, response.reason, response.headers, raw)
        token, expires_in = _parse_token(raw, response)
        now = self._clock()
        if expires_in is None:
            self._refresh_at = float("inf")  # no lifetime given: keep until a 401 says otherwise
        else:
            margin = min(cfg.token_refresh_margin, expires_in / 2)
            self._refresh_at = now + expires_in - margin
        self._header = f"Bearer {token}"


def _parse_token(raw: bytes, response: Any) -> tuple[str, Optional[float]]:
    def invalid(why: str) -> InvalidResponseException:
        return InvalidResponseException(
            response.status,
            f"OAuth token endpoint answered {response.status} {why}",
            body=raw.decode("utf-8", "replace"),
            headers=response.headers,
        )

    try:
        document = json.loads(raw)
    except ValueError:
        raise invalid("with a body that is not JSON") from None
    if not isinstance(document, dict):
        raise invalid("with JSON that is not an object")
    token = document.get("access_token")
    if not isinstance(token, str) or not token:
        raise invalid("without an access_token")
    token_type = document.get("token_type", "Bearer")
    if not isinstance(token_type, str) or token_type.lower() != "bearer":
        raise invalid(f"with token_type {token_type!r}, not Bearer")
    expires_in = document.get("expires_in")
    if expires_in is None:
        return token, None
    if isinstance(expires_in, bool) or not isinstance(expires_in, (int, float)) or expires_in <= 0:
        raise invalid(f"with an invalid expires_in {expires_in!r}")
    return token, float(expires_in)
