"""``Configuration``: where the API is, how to authenticate, and how patient to be.

One object, built once and shared: the :class:`~bandwidth.ApiClient` reads it
when it builds a request. Secrets (passwords, tokens, client secrets) never
appear in ``repr``/``str``.
"""

from __future__ import annotations

import copy
import logging
import sys
from typing import TYPE_CHECKING, Any, ClassVar, Dict, List, Optional, Tuple, Union
from urllib.parse import urlsplit

import urllib3

from bandwidth.exceptions import ApiTypeError, ApiValueError

if TYPE_CHECKING:
    from typing_extensions import TypeAlias

__all__ = ["DEFAULT_HOST", "DEFAULT_TIMEOUT", "DEFAULT_TOKEN_URL", "Configuration"]

#: The Voice API's production base URL.
DEFAULT_HOST = "https://voice.bandwidth.com/api/v2"
#: Bandwidth's OAuth 2 client-credentials token endpoint.
DEFAULT_TOKEN_URL = "https://api.bandwidth.com/api/v1/oauth2/token"
#: 10 s to connect, 30 s to read: finite, so no call can block forever.
DEFAULT_TIMEOUT = urllib3.Timeout(connect=10.0, read=30.0)

TimeoutValue: TypeAlias = Union[float, int, Tuple[float, float], urllib3.Timeout]
RetriesValue: TypeAlias = Union[int, urllib3.Retry]

_MASK = "********"
_log = logging.getLogger("bandwidth")


def to_timeout(value: Optional[TimeoutValue], name: str = "timeout") -> urllib3.Timeout:
    """Normalise a timeout given as seconds, a ``(connect, read)`` pair or a ``urllib3.Timeout``."""
    if value is None:
        return DEFAULT_TIMEOUT
    if isinstance(value, urllib3.Timeout):
        return value
    if isinstance(value, bool):
        raise ApiTypeError(f"{name} must be seconds, a (connect, read) pair or a urllib3.Timeout")
    if isinstance(value, (int, float)):
        _check_seconds(value, name)
        return urllib3.Timeout(total=None, connect=value, read=value)
    if isinstance(value, (tuple, list)) and len(value) == 2:
        connect, read = value
        _check_seconds(connect, f"{name} (connect)")
        _check_seconds(read, f"{name} (read)")
        return urllib3.Timeout(connect=connect, read=read)
    raise ApiTypeError(f"{name} must be seconds, a (connect, read) pair or a urllib3.Timeout")


def _check_seconds(value: Any, name: str) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ApiTypeError(f"{name} must be a number of seconds, not {type(value).__name__}")
    if not value > 0:
        raise ApiValueError(f"{name} must be greater than 0 seconds, got {value!r}")


def _check_host(host: str) -> str:
    if not isinstance(host, str):
        raise ApiTypeError(f"host must be a URL string, not {type(host).__name__}")
    parts = urlsplit(host)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ApiValueError(f"host must be an absolute http(s) URL, got {host!r}")
    if parts.query or parts.fragment:
        raise ApiValueError("host must not contain a query or fragment")
    return host.rstrip("/")


class Configuration:
    """Settings for an :class:`~bandwidth.ApiClient`.

    Args:
        host: API base URL; ``Configuration(host=...)`` alone points every
            operation there (default ``https://voice.bandwidth.com/api/v2``).
        username, password: HTTP Basic credentials.
        access_token: a static OAuth bearer token.
        client_id, client_secret: OAuth 2 client credentials; the client
            fetches, caches and refreshes tokens from ``access_token_url``.
        access_token_url: token endpoint for client credentials.
        ignore_operation_servers: accepted for compatibility; ``host`` always wins.
        ssl_ca_cert, ca_cert_data, cert_file, key_file: TLS trust and client certificate.
        retries: number of retries (``0`` disables them) or a ``urllib3.Retry``
            used as given; ``None`` gives the default policy (see docs/retries.md).
        timeout: seconds, a ``(connect, read)`` pair or a ``urllib3.Timeout``
            (default 10 s connect, 30 s read).
        debug: log requests at DEBUG level on the ``bandwidth`` logger
            (``Authorization`` redacted).

    Exactly one way to authenticate may be configured: Basic credentials, a
    bearer token, or client credentials. Configuring two raises
    :class:`~bandwidth.exceptions.ApiValueError`.
    """

    _default: ClassVar[Optional[Configuration]] = None

    def __init__(
        self,
        host: Optional[str] = None,
        *,
        username: Optional[str] = None,
        password: Optional[str] = None,
        access_token: Optional[str] = None,
        access_token_url: Optional[str] = None,
        client_id: Optional[str] = None,
        client_secret: Optional[str] = None,
        ignore_operation_servers: bool = False,
        ssl_ca_cert: Optional[str] = None,
        ca_cert_data: Optional[Union[str, bytes]] = None,
        cert_file: Optional[str] = None,
        key_file: Optional[str] = None,
        retries: Optional[RetriesValue] = None,
        timeout: Optional[TimeoutValue] = None,
        debug: Optional[bool] = None,
        server_index: Optional[int] = None,
        server_variables: Optional[Dict[str, str]] = None,
        server_operation_index: Optional[Dict[str, int]] = None,
        server_operation_variables: Optional[Dict[str, Dict[str, str]]] = None,
    ) -> None:
        self._host = _check_host(host) if host is not None else DEFAULT_HOST
        #: HTTP Basic credentials.
        self.username = username
        self.password = password
        #: Static OAuth bearer token.
        self.access_token = access_token
        #: OAuth 2 client credentials.
        self.client_id = client_id
        self.client_secret = client_secret
        self.access_token_url = access_token_url or DEFAULT_TOKEN_URL
        self.ignore_operation_servers = ignore_operation_servers
        #: Verify the server's TLS certificate (keep True outside tests).
        self.verify_ssl = True
        self.ssl_ca_cert = ssl_ca_cert
        self.ca_cert_data = ca_cert_data
        self.cert_file = cert_file
        self.key_file = key_file
        #: Hostname to check the certificate against, if not the host's own.
        self.assert_hostname: Optional[Union[str, bool]] = None
        #: SNI server name, if not the host's own.
        self.tls_server_name: Optional[str] = None
        #: Proxy URL (``http://proxy:3128``) and extra headers for it.
        self.proxy: Optional[str] = None
        self.proxy_headers: Optional[Dict[str, str]] = None
        #: Connections kept per host; threads beyond this wait for a free one.
        self.connection_pool_maxsize = 16
        #: Characters left unescaped in path parameters (none, so ids cannot change the path).
        self.safe_chars_for_path_param = ""
        #: Socket options passed to urllib3 (``None`` keeps its defaults).
        self.socket_options: Optional[List[Tuple[int, int, Any]]] = None
        #: Seconds before a cached OAuth token's expiry at which it is refreshed.
        self.token_refresh_margin = 60.0
        #: Longest ``Retry-After`` the client waits; a longer one raises at once.
        self.max_retry_after = 60.0
        #: Build the models of a large page with the cyclic GC paused, then file them
        #: in its oldest generation (they cannot form cycles); see docs/performance.md.
        #: Set ``False`` if your program manages the garbage collector itself.
        self.gc_tuning = True
        self.retries = retries
        self.timeout = timeout  # the setter normalises it to a urllib3.Timeout
        self._server_index = server_index
        if server_index not in (None, 0):
            raise ApiValueError("server_index must be 0: the Calls API has one server")
        self.server_variables = server_variables or {}
        self.server_operation_index = server_operation_index or {}
        self.server_operation_variables = server_operation_variables or {}
        self._debug = False
        if debug is not None:
            self.debug = debug
        self.check_auth()

    # -- authentication ---------------------------------------------------

    @property
    def host(self) -> str:
        """API base URL, without a trailing slash."""
        return self._host

    @host.setter
    def host(self, value: str) -> None:
        self._host = _check_host(value)

    def check_auth(self) -> Optional[str]:
        """Check the credentials are consistent and name the scheme they configure."""
        schemes = []
        if self.username is not None or self.password is not None:
            if not self.username or self.password is None:
                raise ApiValueError("HTTP Basic auth needs both username and password")
            schemes.append("basic")
        if self.access_token is not None:
            schemes.append("bearer")
        if self.client_id is not None or self.client_secret is not None:
            if not self.client_id or not self.client_secret:
                raise ApiValueError(
                    "OAuth client credentials need both client_id and client_secret"
                )
            schemes.append("oauth")
        if len(schemes) > 1:
            raise ApiValueError(
                "configure exactly one way to authenticate; got "
                + " and ".join(schemes)
                + " (username/password, access_token, or client_id/client_secret)"
            )
        return schemes[0] if schemes else None

    def get_basic_auth_token(self) -> Optional[str]:
        """The ``Authorization`` header value for HTTP Basic, or ``None`` without credentials."""
        if self.username is None or self.password is None:
            return None
        return urllib3.util.make_headers(basic_auth=f"{self.username}:{self.password}")[
            "authorization"
        ]

    def auth_settings(self) -> Dict[str, Dict[str, Any]]:
        """The configured auth as the generated SDK describes it (values included: keep private)."""
        settings: Dict[str, Dict[str, Any]] = {}
        basic = self.get_basic_auth_token()
        if basic is not None:
            settings["Basic"] = {
                "type": "basic",
                "in": "header",
                "key": "Authorization",
                "value": basic,
            }
        if self.access_token is not None:
            settings["OAuth2"] = {
                "type": "oauth2",
                "in": "header",
                "key": "Authorization",
                "value": "Bearer " + self.access_token,
            }
        return settings

    # -- transport --------------------------------------------------------

    @property
    def timeout(self) -> urllib3.Timeout:
        """Default timeout for every request (a ``urllib3.Timeout``)."""
        return self._timeout

    @timeout.setter
    def timeout(self, value: Optional[TimeoutValue]) -> None:
        self._timeout = to_timeout(value, "timeout")

    @property
    def retries(self) -> Optional[RetriesValue]:
        """Retry setting as given: ``None`` (default policy), a count, or a ``urllib3.Retry``."""
        return self._retries

    @retries.setter
    def retries(self, value: Optional[RetriesValue]) -> None:
        if value is not None and not isinstance(value, urllib3.Retry):
            if isinstance(value, bool) or not isinstance(value, int):
                raise ApiTypeError("retries must be an int, a urllib3.Retry or None")
            if value < 0:
                raise ApiValueError(f"retries must be 0 or more, got {value}")
        self._retries = value

    @property
    def debug(self) -> bool:
        """Log each request and response at DEBUG level on the ``bandwidth`` logger.

        Only that logger is touched: never the root logger, never
        ``http.client``'s process-wide debug level. ``Authorization`` is redacted.
        """
        return self._debug

    @debug.setter
    def debug(self, value: bool) -> None:
        self._debug = bool(value)
        if self._debug:
            _log.setLevel(logging.DEBUG)
            if not any(getattr(h, "_bandwidth_debug", False) for h in _log.handlers):
                stream = logging.StreamHandler(sys.stderr)
                stream.setFormatter(logging.Formatter("%(asctime)s %(name)s %(message)s"))
                stream._bandwidth_debug = True  # type: ignore[attr-defined]
                _log.addHandler(stream)
        else:
            _log.setLevel(logging.NOTSET)
            for handler in [h for h in _log.handlers if getattr(h, "_bandwidth_debug", False)]:
                _log.removeHandler(handler)

    # -- generated-SDK conveniences -----------------------------------------

    @classmethod
    def set_default(cls, default: Optional[Configuration]) -> None:
        """Make ``default`` (a copy of it) the configuration new clients use when given none."""
        cls._default = copy.copy(default) if default is not None else None

    @classmethod
    def get_default(cls) -> Configuration:
        """The default configuration (created on first use)."""
        if cls._default is None:
            cls._default = Configuration()
        return cls._default

    @classmethod
    def get_default_copy(cls) -> Configuration:
        """A copy of the default configuration."""
        return copy.copy(cls.get_default())

    def get_host_settings(self) -> List[Dict[str, Any]]:
        """The servers the spec declares for the Calls API."""
        return [{"url": DEFAULT_HOST, "description": "Production", "variables": {}}]

    def get_host_from_settings(
        self,
        index: Optional[int],
        variables: Optional[Dict[str, str]] = None,
        servers: Optional[List[Dict[str, Any]]] = None,
    ) -> str:
        """The configured host (``index`` must be ``None`` or ``0``)."""
        if index not in (None, 0):
            raise ApiValueError(f"invalid host index {index}: the Calls API has one server")
        return self._host

    def to_debug_report(self) -> str:
        """Versions of everything that matters for a bug report (no secrets)."""
        import platform

        import pydantic

        from bandwidth import __version__

        return (
            f"Python SDK Debug Report:\nOS: {sys.platform}\n"
            f"Python Version: {platform.python_version()}\n"
            f"SDK Package Version: {__version__}\n"
            f"urllib3: {urllib3.__version__}\npydantic: {pydantic.VERSION}"  # type: ignore[attr-defined]
        )

    def __repr__(self) -> str:
        fields = [f"host={self._host!r}"]
        if self.username is not None:
            fields.append(f"username={self.username!r}")
        for name in ("password", "access_token", "client_secret"):
            if getattr(self, name) is not None:
                fields.append(f"{name}={_MASK!r}")
        if self.client_id is not None:
            fields.append(f"client_id={self.client_id!r}")
        fields.append(f"timeout={self._timeout!r}")
        fields.append(f"retries={self._retries!r}")
        return f"Configuration({', '.join(fields)})"

    __str__ = __repr__
