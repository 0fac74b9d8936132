"""``Configuration``: where the API is, how to authenticate, and how patient to be.

One object, built once and shared: the :class:`~bandwidth.ApiClient` reads it
when it builds a request. Secrets (passwords, tokens, client secrets) never
appear in ``repr``/``str``.
"""

from __future__ import annotations

import contextlib
import copy
import logging
import sys
from typing import (
    TYPE_CHECKING,
    Any,
    Callable,
    ClassVar,
    Dict,
    List,
    Mapping,
    Optional,
    Tuple,
    Union,
)
from urllib.parse import urlsplit

import urllib3
from urllib3.util import make_headers, parse_url

from bandwidth._formats import has_control_characters
from bandwidth._hosts import ProductServers, ServerSelection, origin_from_env
from bandwidth._servers import VOICE_SERVERS, Server
from bandwidth._timeouts import (
    DEFAULT_DEADLINE,
    DEFAULT_TIMEOUT,
    TimeoutValue,
    check_seconds,
    to_timeout,
)
from bandwidth._urls import check_base_url
from bandwidth.exceptions import ApiTypeError, ApiValueError

if TYPE_CHECKING:
    from typing_extensions import TypeAlias

__all__ = [
    "DEFAULT_DEADLINE",
    "DEFAULT_HOST",
    "DEFAULT_MAX_RESPONSE_BYTES",
    "DEFAULT_TIMEOUT",
    "DEFAULT_TOKEN_URL",
    "Configuration",
]

#: The Voice API's production base URL (what ``host`` is without an explicit one).
DEFAULT_HOST = VOICE_SERVERS.entries[0].url
#: Bandwidth's OAuth 2 client-credentials token endpoint.
DEFAULT_TOKEN_URL = "https://api.bandwidth.com/api/v1/oauth2/token"
#: The most bytes one response may have: 64 MiB, over ten times a 10000-call page.
DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024

RetriesValue: TypeAlias = Union[int, urllib3.Retry]

_MASK = "********"
_log = logging.getLogger("bandwidth")


def _check_credential(name: str, value: Any) -> None:
    """Reject a credential an HTTP header cannot carry, naming it but never showing it."""
    if value is None:
        return
    if not isinstance(value, str):
        raise ApiTypeError(f"{name} must be a string, not {type(value).__name__}")
    if has_control_characters(value):  # no HTTP header may carry CR, LF, NUL, ...
        raise ApiValueError(
            f"{name} contains a control character (a trailing newline?); "
            "an HTTP header cannot carry it"
        )
    try:
        value.encode("latin-1")
    except UnicodeEncodeError:
        raise ApiValueError(
            f"{name} contains a character outside Latin-1; an HTTP header cannot carry it"
        ) from None
    if name in ("username", "client_id") and ":" in value:
        raise ApiValueError(f"{name} must not contain ':' (HTTP Basic auth splits on it)")


class Configuration(ServerSelection):
    """Settings for an :class:`~bandwidth.ApiClient`.

    Args:
        host: one base URL for every operation of every product (a mock, the
            simulator, a proxy). Without it each operation goes to its own
            product's server from the spec (``voice.bandwidth.com/api/v2``,
            ``messaging.bandwidth.com/api/v2``, ...), see :meth:`operation_host`;
            the environment variable ``BW_BASE_URL`` (an origin such as
            ``http://127.0.0.1:8080``), read here, moves all of them (and the
            default ``access_token_url``) to that origin, each keeping its path.
            :attr:`host_source` says which applied.
        username, password: HTTP Basic credentials.
        access_token: a static OAuth bearer token.
        client_id, client_secret: OAuth 2 client credentials; the client
            fetches, caches and refreshes tokens from ``access_token_url``.
        access_token_url: token endpoint for client credentials.
        ignore_operation_servers: send every operation to ``host`` even when
            none was given (then Voice's server).
        ssl_ca_cert, ca_cert_data, cert_file, key_file: TLS trust and client certificate.
        retries: number of retries (``0`` disables them) or a ``urllib3.Retry``
            used as given; ``None`` gives the default policy (see docs/retries.md).
        api_key, api_key_prefix: accepted and kept for compatibility; the Voice
            API has no API-key scheme, so they are never sent.
        server_index, server_variables: which of :meth:`get_host_settings`
            ``host`` is without an explicit one, and the values of its variables.
        server_operation_index, server_operation_variables: by operation
            (``"create_message"`` or the spec's ``"createMessage"``), which of
            its product's servers it uses and the values of their variables.
        debug: log requests at DEBUG level on the ``bandwidth`` logger
            (credentials redacted).

    Keyword-only, beyond the generated SDK's parameters:

    Args:
        timeout: seconds, a ``(connect, read)`` pair or a ``urllib3.Timeout``
            (default 10 s connect, 30 s each read).
        deadline: seconds one attempt may take in total, however the server
            paces its bytes (default 120 s).
        max_response_bytes: the largest response accepted (default 64 MiB).
        product_servers: by product (``"voice"``, ``"messaging"``, ``"mfa"``,
            ``"lookup"``, ``"tfv"``, ``"endpoints"``), a base URL or a list of
            host settings replacing the spec's servers for it (one product on a mock).

    The parameters the generated SDK has come first, in its order, so code
    that passes them positionally keeps working.

    Exactly one way to authenticate may be configured: Basic credentials, a
    bearer token, or client credentials. Configuring two raises
    :class:`~bandwidth.exceptions.ApiValueError`.
    """

    _default: ClassVar[Optional[Configuration]] = None

    def __init__(
        self,
        host: Optional[str] = None,
        api_key: Optional[Dict[str, str]] = None,
        api_key_prefix: Optional[Dict[str, str]] = None,
        username: Optional[str] = None,
        password: Optional[str] = None,
        access_token: Optional[str] = None,
        access_token_url: Optional[str] = None,
        client_id: Optional[str] = None,
        client_secret: Optional[str] = None,
        server_index: Optional[int] = None,
        server_variables: Optional[Dict[str, str]] = None,
        server_operation_index: Optional[Dict[str, int]] = None,
        server_operation_variables: Optional[Dict[str, Dict[str, str]]] = None,
        ignore_operation_servers: bool = False,
        ssl_ca_cert: Optional[str] = None,
        retries: Optional[RetriesValue] = None,
        ca_cert_data: Optional[Union[str, bytes]] = None,
        cert_file: Optional[str] = None,
        key_file: Optional[str] = None,
        *,
        debug: Optional[bool] = None,
        timeout: Optional[TimeoutValue] = None,
        deadline: Optional[float] = None,
        max_response_bytes: Optional[int] = None,
        product_servers: Optional[Mapping[str, ProductServers]] = None,
    ) -> None:
        #: The explicit host, if one was given (it then serves every product).
        self._host: Optional[str] = check_base_url(host) if host is not None else None
        #: Without one, ``BW_BASE_URL`` moves every product's server to its origin.
        self._base_origin = origin_from_env() if host is None else None
        self._product_servers: Dict[str, Tuple[Server, ...]] = {}
        self.product_servers = product_servers
        #: API keys by security-scheme name, and their prefixes: accepted and kept for
        #: compatibility with the generated SDK. The Voice API has no API-key scheme,
        #: so they are never sent (see docs/compatibility.md).
        self.api_key: Dict[str, str] = dict(api_key) if api_key else {}
        self.api_key_prefix: Dict[str, str] = dict(api_key_prefix) if api_key_prefix else {}
        #: Called with this configuration before an API key is read (generated-SDK hook).
        self.refresh_api_key_hook: Optional[Callable[[Configuration], None]] = None
        #: HTTP Basic credentials.
        self.username = username
        self.password = password
        #: Static OAuth bearer token.
        self.access_token = access_token
        #: OAuth 2 client credentials.
        self.client_id = client_id
        self.client_secret = client_secret
        self.access_token_url: str = access_token_url or (
            DEFAULT_TOKEN_URL
            if self._base_origin is None
            else self._base_origin + urlsplit(DEFAULT_TOKEN_URL).path
        )
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
        #: Accepted for compatibility only: path parameters are always fully
        #: percent-encoded, so no id can change the path it is sent to.
        self.safe_chars_for_path_param = ""
        #: Socket options passed to urllib3 (``None`` keeps its defaults).
        self.socket_options: Optional[List[Tuple[int, int, Any]]] = None
        #: Seconds before a cached OAuth token's expiry at which it is refreshed.
        self.token_refresh_margin: float = 60.0
        #: Longest ``Retry-After`` the client waits; a longer one raises at once.
        self.max_retry_after: float = 60.0
        #: Opt-in (off by default, because it changes process-wide state): build the
        #: models of a large page with the cyclic GC paused, then file them in its
        #: oldest generation (they cannot form cycles); see docs/performance.md.
        self.gc_tuning = False
        self.retries = retries
        self.timeout = timeout  # the setter normalises it to a urllib3.Timeout
        self.deadline = deadline  # the setters apply the defaults
        self.max_response_bytes = max_response_bytes
        self.server_variables: Dict[str, str] = server_variables or {}
        self.server_operation_index: Dict[str, int] = server_operation_index or {}
        self.server_operation_variables: Dict[str, Dict[str, str]] = (
            server_operation_variables or {}
        )
        self.server_index = server_index
        self._debug = False
        if debug is not None:
            self.debug = debug
        self.check_auth()

    # -- authentication ---------------------------------------------------

    def check_auth(self) -> Optional[str]:
        """Check the credentials are consistent and name the scheme they configure.

        Each credential must be text an HTTP header can carry: Latin-1, no
        control characters (a trailing newline read from a file is the usual
        culprit), no ``:`` in a Basic user name or client id. The error names
        the setting, never its value.
        """
        for name in ("username", "password", "access_token", "client_id", "client_secret"):
            _check_credential(name, getattr(self, name))
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

    def get_api_key_with_prefix(
        self, identifier: str, alias: Optional[str] = None
    ) -> Optional[str]:
        """The API key stored for ``identifier`` (or ``alias``), with its prefix (generated SDK).

        Kept for compatibility: no Voice API operation uses an API key.
        """
        if self.refresh_api_key_hook is not None:
            self.refresh_api_key_hook(self)
        key = self.api_key.get(identifier, self.api_key.get(alias) if alias is not None else None)
        if not key:
            return None
        prefix = self.api_key_prefix.get(identifier)
        return f"{prefix} {key}" if prefix else key

    def _secret_values(self) -> List[str]:
        """Every credential this configuration holds, for redaction by value (never log this)."""
        values = [self.password, self.access_token, self.client_secret]
        values.extend(self.api_key.values())
        for user, secret in ((self.username, self.password), (self.client_id, self.client_secret)):
            if isinstance(user, str) and isinstance(secret, str):
                with contextlib.suppress(UnicodeEncodeError):  # refused before sending anyway
                    values.append(make_headers(basic_auth=f"{user}:{secret}")["authorization"])
        if self.proxy:  # http://user:password@proxy:3128
            with contextlib.suppress(ValueError):
                auth = parse_url(self.proxy).auth
                if auth:
                    values.extend((auth, auth.partition(":")[2]))
        if self.proxy_headers:
            values.extend(str(value) for value in self.proxy_headers.values())
        return [value for value in values if isinstance(value, str) and value]

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
    def deadline(self) -> float:
        """Seconds one call may take in total, from sending to the last body byte.

        ``timeout`` bounds each wait for the socket; this bounds the whole
        call, every retry and the waits between them included, so a server
        that drips bytes cannot hold a call and the worst case is this number.
        Exceeding it raises :class:`~bandwidth.exceptions.ApiTimeoutError`; a
        retry whose wait would end past it is not made. A call whose timeout has a ``total``
        (``_request_timeout=5`` or ``urllib3.Timeout(total=5)``) uses that
        instead. Default :data:`DEFAULT_DEADLINE` (120 s).
        """
        return self._deadline

    @deadline.setter
    def deadline(self, value: Optional[float]) -> None:
        if value is None:
            value = DEFAULT_DEADLINE
        check_seconds(value, "deadline")  # positive and finite
        self._deadline = float(value)

    @property
    def max_response_bytes(self) -> int:
        """The most bytes one response may have (status line, headers and body as received).

        A larger answer raises :class:`~bandwidth.exceptions.InvalidResponseException`
        as soon as the limit is passed, so a hostile or broken server cannot
        exhaust memory. Default :data:`DEFAULT_MAX_RESPONSE_BYTES` (64 MiB,
        over ten times the largest legitimate answer, a 10000-call page).
        """
        return self._max_response_bytes

    @max_response_bytes.setter
    def max_response_bytes(self, value: Optional[int]) -> None:
        if value is None:
            value = DEFAULT_MAX_RESPONSE_BYTES
        if isinstance(value, bool) or not isinstance(value, int):
            raise ApiTypeError(f"max_response_bytes must be an int, not {type(value).__name__}")
        if value < 1024:
            raise ApiValueError(f"max_response_bytes must be at least 1024, got {value}")
        self._max_response_bytes = value

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
    def from_env(cls, **overrides: Any) -> Configuration:
        """A configuration from the environment, as Bandwidth's samples and the CLI read it.

        Credentials come from ``BW_USERNAME`` and ``BW_PASSWORD`` (HTTP Basic)
        or ``BW_CLIENT_ID`` and ``BW_CLIENT_SECRET`` (OAuth): exactly one
        pair, else :class:`~bandwidth.exceptions.ApiValueError` naming the
        variables. ``BW_BASE_URL``, when set, moves every product's server
        to its origin (as for any configuration without ``host``). Keywords
        are passed to the constructor and win over the environment.
        """
        from bandwidth._environment import credentials_from_env

        options: Dict[str, Any] = {}
        if not any(name in overrides for name in ("username", "client_id", "access_token")):
            options.update(credentials_from_env())
        options.update(overrides)
        return cls(**options)

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

    def to_debug_report(self) -> str:
        """Versions of everything that matters for a bug report (no secrets)."""
        import platform

        import pydantic

        from bandwidth._version import __version__

        return (
            f"Python SDK Debug Report:\nOS: {sys.platform}\n"
            f"Python Version: {platform.python_version()}\n"
            f"SDK Package Version: {__version__}\n"
            f"urllib3: {urllib3.__version__}\npydantic: {pydantic.VERSION}"  # type: ignore[attr-defined]
        )

    def __repr__(self) -> str:
        fields = [f"host={self.host!r}"]
        if self._host is None:
            fields.append(f"host_source={self.host_source!r}")
        if self.username is not None:
            fields.append(f"username={self.username!r}")
        for name in ("password", "access_token", "client_secret"):
            if getattr(self, name) is not None:
                fields.append(f"{name}={_MASK!r}")
        if self.api_key:
            fields.append(f"api_key={dict.fromkeys(self.api_key, _MASK)!r}")
        if self.client_id is not None:
            fields.append(f"client_id={self.client_id!r}")
        fields.append(f"timeout={self._timeout!r}")
        fields.append(f"retries={self._retries!r}")
        return f"Configuration({', '.join(fields)})"

    __str__ = __repr__
