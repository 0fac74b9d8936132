"""The transport: one urllib3 pool per client, and urllib3 errors turned into ours.

Nothing above this module sees a urllib3 exception: a failure to connect or
a dropped connection becomes :class:`~bandwidth.exceptions.ApiConnectionError`,
a timeout or a passed deadline :class:`~bandwidth.exceptions.ApiTimeoutError`,
each with the urllib3 error as ``__cause__``.

Every response is read within its attempt's deadline and the configured size
limit (:mod:`bandwidth._bounded`), and never decoded: the client does not ask
for compression, so a ``Content-Encoding`` it did not ask for makes a read
response an :class:`~bandwidth.exceptions.InvalidResponseException` instead of
being inflated (a 1 MB gzip answer can be a 1 GiB body).
"""

from __future__ import annotations

import contextlib
import io
import re
import ssl
from typing import TYPE_CHECKING, Any, Dict, Mapping, Optional, Tuple, Union, cast
from urllib.parse import urlsplit

import urllib3
from urllib3.connectionpool import HTTPConnectionPool
from urllib3.exceptions import (
    HTTPError,
    MaxRetryError,
    NewConnectionError,
    ProxyError,
    ResponseError,
    SSLError,
)
from urllib3.exceptions import (
    TimeoutError as Urllib3TimeoutError,
)

from bandwidth._bounded import (
    BoundedHTTPConnectionPool,
    BoundedHTTPSConnectionPool,
    DeadlineExceeded,
    attempt_limits,
)
from bandwidth._fork import abandon, renew_after_fork
from bandwidth._timeouts import deadline_for, to_timeout
from bandwidth._upload import Upload
from bandwidth.exceptions import (
    ApiConnectionError,
    ApiException,
    ApiTimeoutError,
    ApiTypeError,
    InvalidResponseException,
)

if TYPE_CHECKING:
    from urllib3 import BaseHTTPResponse

    from bandwidth.configuration import Configuration

__all__ = ["ApiException", "RESTClientObject", "RESTResponse", "RESTResponseType"]

RESTResponseType = urllib3.BaseHTTPResponse

# A request target as the client builds it, which urllib3 would send unchanged:
# a path (and query) of RFC 3986 characters, escapes already in upper case.
_PLAIN_TARGET = re.compile(r"/[A-Za-z0-9\-._~!$&'()*+,;=:@/?%]*")
_NOT_AN_UPPER_CASE_ESCAPE = re.compile(r"%(?![0-9A-F]{2})")


_BOUNDED_POOLS = {"http": BoundedHTTPConnectionPool, "https": BoundedHTTPSConnectionPool}


def refuse_unrequested_encoding(response: BaseHTTPResponse) -> None:
    """Raise if a response has a ``Content-Encoding``: the client never asks for one."""
    encoding = response.headers.get("Content-Encoding")
    if encoding is None:
        return
    codings = [c.strip().lower() for c in encoding.split(",")]
    if all(c in ("", "identity") for c in codings):
        return
    shown = encoding[:40] + ("..." if len(encoding) > 40 else "")
    raise InvalidResponseException(
        response.status,
        f"the answer has Content-Encoding {shown!r}, which was not asked for; it was not decoded",
        headers=response.headers,
    )


def discard(response: BaseHTTPResponse) -> None:
    """Read the rest of an unwanted response (within its limits) so its connection can be reused."""
    with contextlib.suppress(ApiException):  # too large: urllib3 closed the connection
        response.drain_conn()
    response.release_conn()


def origin_prefix(host: str) -> str:
    """``scheme://authority`` of ``host``, sliced from the string as written."""
    parts = urlsplit(host)
    return host[: len(parts.scheme) + 3 + len(parts.netloc)]


class RESTResponse(io.IOBase):
    """A read response, as the generated SDK's ``rest`` module exposes it."""

    def __init__(self, resp: BaseHTTPResponse) -> None:
        self.response = resp
        self.status: int = resp.status
        self.reason: Optional[str] = resp.reason
        self.data: Optional[bytes] = None

    def read(self) -> bytes:
        """The body bytes (read once, then cached)."""
        if self.data is None:
            self.data = self.response.data
        return self.data

    def getheaders(self) -> urllib3.HTTPHeaderDict:
        """All response headers (case-insensitive)."""
        return self.response.headers

    def getheader(self, name: str, default: Optional[str] = None) -> Optional[str]:
        """One response header, or ``default``."""
        return self.response.headers.get(name, default)


def _caused_by_deadline(exc: Optional[BaseException]) -> bool:
    seen = 0
    while exc is not None and seen < 8:
        if isinstance(exc, DeadlineExceeded):
            return True
        exc = exc.__cause__ or exc.__context__
        seen += 1
    return False


def transport_error(
    exc: BaseException, method: str, url: str, deadline: Optional[float] = None
) -> ApiConnectionError:
    """The typed SDK error for a urllib3 transport failure (``exc`` becomes its cause)."""
    reason: BaseException = exc
    if isinstance(exc, MaxRetryError) and exc.reason is not None:
        reason = exc.reason
    if isinstance(reason, ProxyError) and reason.original_error is not None:
        reason = reason.original_error
    target = f"{method} {url.split('?', 1)[0]}"
    attempts = getattr(exc, "attempts", None)
    if isinstance(attempts, int) and attempts > 1:
        target += f", {attempts} attempts"
    if _caused_by_deadline(reason):
        limit = f" within the {deadline:g}s deadline" if deadline is not None else ""
        return ApiTimeoutError(reason=f"Timed out: {target} (no complete answer{limit})")
    # urllib3 2 makes NewConnectionError a ConnectTimeoutError: a refused or
    # unresolvable connection is not a timeout, so test for it first.
    if isinstance(reason, NewConnectionError):
        return ApiConnectionError(reason=f"Connection failed: {target} ({reason})")
    if isinstance(reason, Urllib3TimeoutError):
        return ApiTimeoutError(reason=f"Timed out: {target} ({reason})")
    if isinstance(reason, (SSLError, ssl.SSLError)):
        return ApiConnectionError(reason=f"TLS failure: {target} ({reason})")
    return ApiConnectionError(reason=f"Connection failed: {target} ({reason})")


class RESTClientObject:
    """Owns the connection pool built from a :class:`~bandwidth.Configuration`."""

    def __init__(self, configuration: Configuration) -> None:
        self._configuration = configuration
        pool_args: Dict[str, Any] = {
            "cert_reqs": ssl.CERT_REQUIRED if configuration.verify_ssl else ssl.CERT_NONE,
            "maxsize": configuration.connection_pool_maxsize,
            "retries": False,
        }
        # Only the TLS files that are set: urllib3 re-normalizes every pool
        # keyword on every request, so unset ones would cost time per call.
        for keyword, value in (
            ("ca_certs", configuration.ssl_ca_cert),
            ("cert_file", configuration.cert_file),
            ("key_file", configuration.key_file),
            ("ca_cert_data", configuration.ca_cert_data),
        ):
            if value is not None:
                pool_args[keyword] = value
        if configuration.assert_hostname is not None:
            pool_args["assert_hostname"] = configuration.assert_hostname
        if configuration.tls_server_name:
            pool_args["server_hostname"] = configuration.tls_server_name
        if configuration.socket_options is not None:
            pool_args["socket_options"] = configuration.socket_options
        self._pool_args = pool_args
        self._proxy = configuration.proxy
        self._proxy_headers = configuration.proxy_headers
        self._manager: urllib3.PoolManager = self._new_manager()
        self._own_manager = True  # False once the user brings one (see pool_manager)
        # The origins requests went to, as written (``https://voice.bandwidth.com``),
        # and their pools; see _route. Behind a proxy the proxy manager routes.
        self._direct = not configuration.proxy
        self._origins: Tuple[str, ...] = tuple(
            dict.fromkeys(origin_prefix(host) for host in configuration.hosts())
        )
        self._pools: Dict[str, HTTPConnectionPool] = {}
        renew_after_fork(self)

    def _new_manager(self) -> urllib3.PoolManager:
        manager: urllib3.PoolManager
        if self._proxy:
            manager = urllib3.ProxyManager(
                proxy_url=self._proxy, proxy_headers=self._proxy_headers, **self._pool_args
            )
        else:
            manager = urllib3.PoolManager(**self._pool_args)
        manager.pool_classes_by_scheme = _BOUNDED_POOLS
        return manager

    @property
    def pool_manager(self) -> urllib3.PoolManager:
        """The urllib3 manager every request of this client goes through.

        Assign your own ``urllib3.PoolManager`` or ``urllib3.ProxyManager``
        (``client.rest_client.pool_manager = manager``, as with the generated
        SDK) to bring your own HTTP layer: from then on every request (API
        calls, downloads, OAuth tokens) uses it. Its pools are made bounded
        (size and deadline, see :mod:`bandwidth._bounded`): the SDK sets its
        ``pool_classes_by_scheme``. After ``os.fork()`` the child gets a new
        manager of the same class and settings.
        """
        return self._manager

    @pool_manager.setter
    def pool_manager(self, manager: urllib3.PoolManager) -> None:
        if not isinstance(manager, urllib3.PoolManager):
            raise ApiTypeError(
                "pool_manager must be a urllib3.PoolManager or ProxyManager, "
                f"not {type(manager).__name__}"
            )
        manager.pool_classes_by_scheme = _BOUNDED_POOLS
        self._manager = manager
        self._own_manager = False
        self._direct = not self._proxy and not isinstance(manager, urllib3.ProxyManager)
        self._pools = {}  # remembered pools were the old manager's: never bypass this one

    def _after_fork(self) -> None:
        """In a forked child: new pools; the parent's sockets are abandoned, never closed."""
        abandon(self._manager)
        self._manager = self._new_manager() if self._own_manager else _renewed(self._manager)
        self._pools = {}

    def _route(self, url: str) -> Tuple[Union[HTTPConnectionPool, urllib3.PoolManager], str]:
        """Where to send ``url``: its origin's pool and the request target, or the manager.

        The pool manager parses every URL and looks its pool up again on every
        request (about a tenth of a small call's time). Every URL the client
        builds starts with one of the configured servers (the explicit host,
        or each product's), so their pools are remembered and only the path
        and query are sent to them: the request is exactly the one the manager
        would make. Anything else (another origin, a target the manager would
        normalize, any proxy) goes to the manager.
        """
        if not self._direct:
            return self.pool_manager, url
        for origin in self._origins:
            if url.startswith(origin) and url[len(origin) : len(origin) + 1] == "/":
                break
        else:
            return self.pool_manager, url
        target = url[len(origin) :]
        if not _PLAIN_TARGET.fullmatch(target) or "/." in target:
            return self.pool_manager, url
        if "%" in target and _NOT_AN_UPPER_CASE_ESCAPE.search(target):
            return self.pool_manager, url
        pool = self._pools.get(origin)
        if pool is None or pool.pool is None:  # not made yet, or closed by clear()
            pool = self._pools[origin] = self.pool_manager.connection_from_url(origin)
        return pool, target

    def send(
        self,
        method: str,
        url: str,
        *,
        headers: Mapping[str, str],
        body: Optional[Union[bytes, Upload]],
        timeout: urllib3.Timeout,
        retries: Union[urllib3.Retry, bool, int],
        preload_content: bool = True,
        deadline: Optional[float] = None,
        max_bytes: Optional[int] = None,
        not_after: Optional[float] = None,
    ) -> BaseHTTPResponse:
        """Send one request (with urllib3 applying ``retries``); raise only SDK errors.

        Each attempt's response is read within ``deadline`` seconds of its
        sending (and never after the monotonic time ``not_after``) and at most
        ``max_bytes`` long. A preloaded response with a ``Content-Encoding``
        raises :class:`~bandwidth.exceptions.InvalidResponseException`; an
        unread one is returned as it came (its body is the caller's to read,
        within the same limits, and is never inflated).
        """
        limits = attempt_limits
        try:
            opener, target = self._route(url)
            limits.limits = (deadline, max_bytes, not_after)
            response = opener.urlopen(
                method,
                target,
                body=cast(Any, body),  # an Upload is read like a binary file
                headers=headers,
                timeout=timeout,
                retries=retries,
                redirect=False,
                assert_same_host=False,  # the manager sets it too: the pool is chosen by host
                preload_content=preload_content,
                decode_content=False,
            )
        except MaxRetryError as exc:
            if isinstance(exc.reason, ResponseError):  # pragma: no cover - raise_on_status=False
                raise ApiConnectionError(reason=f"Gave up: {method} {url} ({exc.reason})") from exc
            raise transport_error(exc, method, url, deadline) from exc
        except (HTTPError, OSError) as exc:
            raise transport_error(exc, method, url, deadline) from exc
        finally:
            limits.limits = None
        if preload_content and "Content-Encoding" in response.headers:
            refuse_unrequested_encoding(response)
        return response

    def request(
        self,
        method: str,
        url: str,
        headers: Optional[Mapping[str, str]] = None,
        body: Optional[Union[bytes, str]] = None,
        post_params: Optional[Any] = None,
        _request_timeout: Optional[Any] = None,
    ) -> RESTResponse:
        """Send a request without retries and return it read (generated-SDK shape)."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        timeout = (
            to_timeout(_request_timeout, "_request_timeout")
            if _request_timeout is not None
            else self._configuration.timeout
        )
        resp = self.send(
            method,
            url,
            headers=headers or {},
            body=data,
            timeout=timeout,
            retries=False,
            deadline=deadline_for(timeout, self._configuration.deadline),
            max_bytes=self._configuration.max_response_bytes,
        )
        return RESTResponse(resp)

    def clear(self) -> None:
        """Close every pooled connection."""
        self._manager.clear()


def _renewed(manager: urllib3.PoolManager) -> urllib3.PoolManager:
    """A new manager like ``manager`` (class, proxy, pool settings), with no connections."""
    settings = {
        key: value for key, value in manager.connection_pool_kw.items() if not key.startswith("_")
    }
    renewed: urllib3.PoolManager
    if isinstance(manager, urllib3.ProxyManager):
        renewed = type(manager)(
            proxy_url=str(manager.proxy),
            proxy_headers=manager.proxy_headers,
            proxy_ssl_context=manager.proxy_ssl_context,
            headers=manager.headers,
            **settings,
        )
    else:
        renewed = type(manager)(headers=manager.headers, **settings)
    renewed.pool_classes_by_scheme = _BOUNDED_POOLS
    return renewed
