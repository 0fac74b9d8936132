"""``ApiClient``: the one path every request takes.

Build the URL and headers, send with the retry policy and timeout, replay once
on an expired OAuth token, then either hand back the raw response or check
the status and decode the body straight from bytes into models. Every
operation, in every variant, goes through :meth:`ApiClient.execute` or
:meth:`ApiClient.execute_raw`.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import TYPE_CHECKING, Any, Dict, List, NamedTuple, Optional, Tuple, TypeVar
from urllib.parse import quote, urlencode

import urllib3
from urllib3.exceptions import HTTPError

from bandwidth._decode import decoder_for
from bandwidth._fork import renew_after_fork
from bandwidth._operation import Call
from bandwidth._redact import display_headers, scrub_bytes, scrub_text, scrub_value
from bandwidth._timeouts import deadline_for, to_timeout
from bandwidth._upload import Upload
from bandwidth._urls import Origin, UnsafeUrl, checked_url, origin_of
from bandwidth._version import __version__
from bandwidth.api_response import ApiResponse
from bandwidth.configuration import Configuration
from bandwidth.exceptions import (
    ApiException,
    InvalidResponseException,
    error_from_response,
)
from bandwidth.rest import (
    RESTClientObject,
    discard,
    origin_prefix,
    refuse_unrequested_encoding,
    transport_error,
)
from bandwidth.retry import RetryPolicy

if TYPE_CHECKING:
    from types import TracebackType

    from urllib3 import BaseHTTPResponse

    from bandwidth.oauth import OAuthTokenSource

__all__ = ["ApiClient"]

T = TypeVar("T")

_log = logging.getLogger("bandwidth")


def retry_policy(configuration: Configuration) -> urllib3.Retry:
    """The retry object for a configuration's ``retries`` setting.

    ``None`` gives the default :class:`~bandwidth.retry.RetryPolicy`, an int
    that many retries, and a ``urllib3.Retry`` is used as given (only made to
    return a final error response instead of raising, so it can become a
    typed exception).
    """
    retries = configuration.retries
    if isinstance(retries, urllib3.Retry):
        return retries if not retries.raise_on_status else retries.new(raise_on_status=False)
    if retries is None:
        return RetryPolicy(max_retry_after=configuration.max_retry_after)
    return RetryPolicy(retries, max_retry_after=configuration.max_retry_after)


class _AuthState(NamedTuple):
    """The configured credentials (``key``) and what they turn into, swapped as one value."""

    key: Tuple[Any, ...]
    value: Optional[str]
    oauth: Optional[OAuthTokenSource]


class ApiClient:
    """Sends requests for the API classes; holds the connection pool. Thread-safe.

    Use one client for many calls (and threads): it keeps connections alive.
    It is also a context manager that closes its connections on exit.
    """

    _default: Optional[ApiClient] = None

    def __init__(
        self,
        configuration: Optional[Configuration] = None,
        header_name: Optional[str] = None,
        header_value: Optional[str] = None,
        cookie: Optional[str] = None,
    ) -> None:
        if configuration is None:
            configuration = Configuration.get_default()
        configuration.check_auth()
        self.configuration = configuration
        self.rest_client: RESTClientObject = RESTClientObject(configuration)
        #: Headers sent with every request (``User-Agent`` included).
        self.default_headers: Dict[str, str] = {
            "User-Agent": f"bandwidth-sdk-python/{__version__}",
            "Accept": "application/json",
        }
        if header_name is not None and header_value is not None:
            self.default_headers[header_name] = header_value
        self.cookie = cookie
        self._retry_source: Tuple[Any, float] = (object(), 0.0)
        self._retry: urllib3.Retry = RetryPolicy()
        self._auth = _AuthState((), None, None)
        self._auth_lock = threading.Lock()
        self._origins: Dict[str, Origin] = {}
        renew_after_fork(self)
        if _log.isEnabledFor(logging.DEBUG):
            _log.debug(
                "ApiClient: host %s (from %s)", configuration.host, configuration.host_source
            )

    def _after_fork(self) -> None:
        """In a forked child: a new lock (the parent's may be held by a thread not copied)."""
        self._auth_lock = threading.Lock()

    # -- generated-SDK conveniences ----------------------------------------

    def __enter__(self) -> ApiClient:
        return self

    def __exit__(
        self,
        exc_type: Optional[type],
        exc_value: Optional[BaseException],
        traceback: Optional[TracebackType],
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close pooled connections (the client stays usable and reconnects if used again)."""
        self.rest_client.clear()

    @property
    def user_agent(self) -> str:
        """The ``User-Agent`` header sent with every request."""
        return self.default_headers["User-Agent"]

    @user_agent.setter
    def user_agent(self, value: str) -> None:
        self.default_headers["User-Agent"] = value

    def set_default_header(self, header_name: str, header_value: str) -> None:
        """Send ``header_name: header_value`` with every request."""
        self.default_headers[header_name] = header_value

    @classmethod
    def get_default(cls) -> ApiClient:
        """The shared default client (created on first use from the default configuration)."""
        if cls._default is None:
            cls._default = ApiClient()
        return cls._default

    @classmethod
    def set_default(cls, default: Optional[ApiClient]) -> None:
        """Make ``default`` the client API classes use when given none."""
        cls._default = default

    def sanitize_for_serialization(self, obj: Any) -> Any:
        """``obj`` as JSON-ready data: models become wire-named dicts, datetimes ISO text."""
        from pydantic import BaseModel

        if isinstance(obj, BaseModel):
            return obj.model_dump(by_alias=True, exclude_unset=True, mode="json")
        if isinstance(obj, (list, tuple)):
            return [self.sanitize_for_serialization(item) for item in obj]
        if isinstance(obj, dict):
            return {key: self.sanitize_for_serialization(value) for key, value in obj.items()}
        if hasattr(obj, "isoformat"):
            return obj.isoformat()
        return obj

    # -- the request path ---------------------------------------------------

    def execute(self, call: Call[T]) -> ApiResponse[T]:
        """Send ``call``, raise on an error status, and decode the body."""
        try:
            response = self._send(call, preload_content=True)
            return self._read(call, response)
        except ApiException as exc:
            self.redact_exception(exc, call)
            raise

    def execute_raw(self, call: Call[Any]) -> BaseHTTPResponse:
        """Send ``call`` and return the urllib3 response unread and unchecked."""
        try:
            return self._send(call, preload_content=False)
        except ApiException as exc:
            self.redact_exception(exc, call)
            raise

    def stream(self, call: Call[Any], *, max_bytes: int, deadline: float) -> BaseHTTPResponse:
        """Send ``call`` and return its 2xx response unread, for a large body read in chunks.

        The body is bounded by these limits instead of the configured
        ``max_response_bytes`` and ``deadline`` (a ``_request_timeout`` with a
        total still sets the deadline). Any other status raises its typed
        exception, as :meth:`execute` does, after reading at most
        ``max_response_bytes`` of the error body; a ``Content-Encoding``
        raises :class:`~bandwidth.exceptions.InvalidResponseException` (the
        body would be written encoded).
        """
        try:
            response = self._send(call, preload_content=False, limits=(deadline, max_bytes))
            if not 200 <= response.status <= 299:
                try:
                    raw = _read_at_most(response, self.configuration.max_response_bytes)
                except (HTTPError, OSError) as exc:
                    method, url = call.operation.method, self.url_for(call)
                    raise transport_error(exc, method, url) from exc
                raw = scrub_bytes(raw, self._secret_values(call))
                raise error_from_response(
                    response.status, response.reason, response.headers, raw, call.operation.errors
                )
            if "Content-Encoding" in response.headers:
                try:
                    refuse_unrequested_encoding(response)
                except ApiException:
                    response.close()
                    response.release_conn()
                    raise
            return response
        except ApiException as exc:
            self.redact_exception(exc, call)
            raise

    def _secret_values(self, call: Optional[Call[Any]] = None) -> List[str]:
        """Every credential this client holds (and ``call``'s ``_request_auth``), to redact.

        Never log or show the result: it is the list of what must not be shown.
        """
        secrets = self.configuration._secret_values()
        oauth = self._auth.oauth
        if oauth is not None:
            secrets.extend(oauth._secret_values())
        request_auth = call.options.get("_request_auth") if call is not None else None
        if request_auth is not None:
            secrets.append(str(request_auth.get("value")))
        return secrets

    def redact_exception(self, exc: ApiException, call: Optional[Call[Any]] = None) -> None:
        """Remove every credential this client holds from ``exc`` (done for every call).

        The server's answer is replayed in an exception (reason, headers,
        body, the decoded error document); a server that echoes a credential
        must not put it in a traceback or a log line.
        """
        secrets = self._secret_values(call)
        if isinstance(exc.reason, str):
            exc.reason = scrub_text(exc.reason, secrets)
        if exc.body is not None:
            exc.body = scrub_text(exc.body, secrets)
        headers = exc.headers
        if headers and display_headers(headers, secrets) != display_headers(headers):
            cleaned = urllib3.HTTPHeaderDict()
            for name, value in headers.items():  # a name can echo a secret too
                cleaned.add(scrub_text(str(name), secrets), scrub_text(str(value), secrets))
            exc.headers = cleaned
        exc.data = _scrub_model(exc.data, secrets)
        exc.args = (exc.status, exc.reason)

    def _send(
        self,
        call: Call[Any],
        *,
        preload_content: bool,
        limits: Optional[Tuple[float, int]] = None,
    ) -> BaseHTTPResponse:
        operation = call.operation
        url = self.url_for(call)
        headers = self._headers(call)
        timeout = (
            to_timeout(call.options["_request_timeout"], "_request_timeout")
            if call.options.get("_request_timeout") is not None
            else self.configuration.timeout
        )
        debug = _log.isEnabledFor(logging.DEBUG)
        if debug:
            started = time.perf_counter()
            secrets = self._secret_values(call)
            _log.debug(
                "%s %s %s headers=%s body=%d bytes",
                operation.name,
                operation.method,
                scrub_text(url, secrets),
                display_headers(headers, secrets),
                len(call.body) if call.body is not None else 0,
            )

        body = call.body
        try:
            response = self._transmit(call, url, headers, timeout, preload_content, limits)
            oauth = self._auth.oauth
            if response.status == 401 and oauth is not None and "_request_auth" not in call.options:
                # The token may have been revoked or expired early: fetch a new one, replay once.
                discard(response)
                oauth.invalidate(headers.get("Authorization"))
                headers["Authorization"] = oauth.authorization()
                _log.debug("%s: 401 with an OAuth token; replaying with a new one", operation.name)
                if isinstance(body, Upload):
                    body.rewind()
                response = self._transmit(call, url, headers, timeout, preload_content, limits)
        finally:
            if isinstance(body, Upload):  # a file it opened from a path; a caller's stays open
                body.close()
        if debug:
            secrets = self._secret_values(call)
            _log.debug(
                "%s -> %d %s (%.1f ms) headers=%s",
                operation.name,
                response.status,
                scrub_text(str(response.reason), secrets),
                (time.perf_counter() - started) * 1000,
                display_headers(response.headers, secrets),
            )
        return response

    def _transmit(
        self,
        call: Call[Any],
        url: str,
        headers: Dict[str, str],
        timeout: urllib3.Timeout,
        preload_content: bool,
        limits: Optional[Tuple[float, int]] = None,
    ) -> BaseHTTPResponse:
        """One request through the transport, within the configured limits or ``limits``.

        ``limits`` is ``(deadline, max_bytes)`` for a body read in chunks; a
        ``timeout`` with a total still sets the deadline.
        """
        configuration = self.configuration
        if limits is None:
            limits = (configuration.deadline, configuration.max_response_bytes)
        deadline, max_bytes = deadline_for(timeout, limits[0]), limits[1]
        # The deadline covers the whole call: every attempt, and the waits between them.
        not_after = time.monotonic() + deadline
        return self.rest_client.send(
            call.operation.method,
            url,
            headers=headers,
            body=call.body,
            timeout=timeout,
            retries=self._retries(),
            preload_content=preload_content,
            deadline=deadline,
            max_bytes=max_bytes,
            not_after=not_after,
        )

    def _read(self, call: Call[T], response: BaseHTTPResponse) -> ApiResponse[T]:
        raw = response.data
        status = response.status
        headers: urllib3.HTTPHeaderDict = response.headers
        if not 200 <= status <= 299:
            # Scrubbed before the exception keeps a prefix: a secret cut in two would leak half.
            raw = scrub_bytes(raw, self._secret_values(call))
            reason = _with_attempts(response.reason, response)
            raise error_from_response(status, reason, headers, raw, call.operation.errors)
        operation = call.operation
        data: Any = None
        if operation.response_type is not None:
            if not raw and operation.response_type is not bytes:
                raise InvalidResponseException(
                    status,
                    f"{operation.name} answered {status} with an empty body",
                    body="",
                    headers=headers,
                )
            try:
                decode = decoder_for(operation.response_type)
                data = decode(raw, gc_tuning=self.configuration.gc_tuning)
            except ValueError as exc:  # pydantic's ValidationError is a ValueError
                first = str(exc).splitlines()
                detail = first[1].strip() + ": " + first[2].strip() if len(first) > 2 else str(exc)
                raise InvalidResponseException(
                    status,
                    f"{operation.name} answered {status} with an unreadable body ({detail})",
                    body=scrub_bytes(raw, self._secret_values(call)).decode("utf-8", "replace"),
                    headers=headers,
                ) from exc
        return ApiResponse(status_code=status, headers=headers, data=data, raw_data=raw)

    def base_url(self, call: Call[Any]) -> str:
        """The server ``call`` goes to: the explicit ``host``, else its product's (see
        :meth:`~bandwidth.Configuration.operation_host`). Its credentials go there only."""
        return self.configuration.operation_host(call.operation, call.options.get("_host_index", 0))

    def url_for(self, call: Call[Any]) -> str:
        """The absolute URL ``call`` is sent to."""
        if call.url is not None:
            return call.url
        url = self.base_url(call) + call.path
        if call.query:
            url += "?" + urlencode(call.query, quote_via=quote)
        return url

    def _headers(self, call: Call[Any]) -> Dict[str, str]:
        headers = dict(self.default_headers)
        if self.cookie:
            headers["Cookie"] = self.cookie
        if call.body is not None and call.content_type:
            headers["Content-Type"] = call.content_type
        if isinstance(call.body, Upload):  # sent with its length, never chunked
            headers["Content-Length"] = str(call.body.length)
        if call.operation.accept is not None:
            headers["Accept"] = call.operation.accept
        options = call.options
        request_auth = options.get("_request_auth")
        if request_auth is not None:
            headers[request_auth.get("key") or "Authorization"] = request_auth["value"]
        else:
            authorization = self._authorization()
            if authorization is not None:
                headers["Authorization"] = authorization
        extra = options.get("_headers")
        if extra:
            headers.update({str(k): str(v) for k, v in extra.items()})
        return headers

    def _authorization(self) -> Optional[str]:
        """The ``Authorization`` value for the configured auth, rebuilt only when it changes."""
        cfg = self.configuration
        key = (cfg.username, cfg.password, cfg.access_token, cfg.client_id, cfg.client_secret)
        state = self._auth
        if state.key != key:
            state = self._rebuild_auth(key)
        if state.oauth is not None:
            return state.oauth.authorization()
        return state.value

    def _rebuild_auth(self, key: Tuple[Any, ...]) -> _AuthState:
        with self._auth_lock:  # one rebuild (and one OAuth token source) however many threads
            if self._auth.key == key:
                return self._auth
            cfg = self.configuration
            scheme = cfg.check_auth()
            value: Optional[str] = None
            oauth: Optional[OAuthTokenSource] = None
            if scheme == "basic":
                value = cfg.get_basic_auth_token()
            elif scheme == "bearer":
                value = f"Bearer {cfg.access_token}"
            elif scheme == "oauth":
                from bandwidth.oauth import OAuthTokenSource

                oauth = OAuthTokenSource(cfg, self.rest_client, self._retries)
            self._auth = _AuthState(key, value, oauth)
            return self._auth

    def _retries(self) -> urllib3.Retry:
        """The retry policy, rebuilt only when the configuration's settings change."""
        cfg = self.configuration
        source = self._retry_source
        if source[0] is not cfg.retries or source[1] != cfg.max_retry_after:
            self._retry = retry_policy(cfg)
            self._retry_source = (cfg.retries, cfg.max_retry_after)
        return self._retry

    def is_same_origin(self, url: str, call: Optional[Call[Any]] = None) -> bool:
        """Whether ``url`` has the scheme, host and port of ``call``'s server (default ``host``).

        Credentials are only ever sent to the server a request was built
        for, so a link that points elsewhere must be refused before anything
        is sent. The URL is read as urllib3 (which connects) reads it; a URL
        that parsers could read differently (userinfo, a backslash,
        whitespace or control characters, ...) is never the same origin.
        """
        base = self.base_url(call) if call is not None else self.configuration.host
        try:
            return origin_of(checked_url(url)) == self._origin(base)
        except UnsafeUrl:
            return False

    def link_url(self, url: str, call: Optional[Call[Any]] = None) -> str:
        """The URL to request for a link the server sent (a next page), or :class:`UnsafeUrl`.

        The link is parsed once, by the parser that sends; its origin must be
        that of ``call``'s server (default ``host``), and what is requested is
        that origin plus the request target taken from that same parse, so
        the URL that was checked and the URL that is sent cannot differ.
        """
        base = self.base_url(call) if call is not None else self.configuration.host
        parsed = checked_url(url)
        if origin_of(parsed) != self._origin(base):
            raise UnsafeUrl(
                "it is off the configured host this request went to (another scheme, host or port)"
            )
        return origin_prefix(base) + parsed.request_uri

    def _origin(self, base: str) -> Origin:
        origin = self._origins.get(base)
        if origin is None:
            if len(self._origins) > 64:  # bases are few; a configuration changed many times
                self._origins.clear()
            origin = self._origins[base] = origin_of(checked_url(base))
        return origin


def _with_attempts(reason: Optional[str], response: BaseHTTPResponse) -> Optional[str]:
    """``reason``, saying how many attempts were made when it was more than one."""
    retries = getattr(response, "retries", None)
    history = getattr(retries, "history", None) or ()
    if not history:
        return reason
    return f"{reason or 'Error'} (after {len(history) + 1} attempts)"


def _read_at_most(response: BaseHTTPResponse, limit: int) -> bytes:
    """Up to ``limit`` bytes of an unread (error) body; the connection is dropped if more remain."""
    raw = response.read(limit + 1, decode_content=False)
    if len(raw) > limit:
        response.close()
        raw = raw[:limit]
    response.release_conn()
    return raw


def _scrub_model(data: Any, secrets: List[str]) -> Any:
    """``data`` (a decoded error document) with secrets removed from its text, nested
    values and extra fields included."""
    from pydantic import BaseModel

    if isinstance(data, list):
        return [_scrub_model(item, secrets) for item in data]
    if not isinstance(data, BaseModel):
        return scrub_value(data, secrets)
    updates = {}
    for name, value in vars(data).items():
        scrubbed = _scrub_model(value, secrets)
        if scrubbed is not value and scrubbed != value:
            updates[name] = scrubbed
    extra = data.__pydantic_extra__
    cleaned_extra = scrub_value(extra, secrets) if extra else extra
    if not updates and cleaned_extra == extra:
        return data
    copy = data.model_copy(update=updates)
    if cleaned_extra != extra:
        object.__setattr__(copy, "__pydantic_extra__", cleaned_extra)
    return copy
